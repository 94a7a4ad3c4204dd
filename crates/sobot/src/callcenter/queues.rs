//! Skill groups ("queues") and their members (sobot-callcenter.md §9.2, 004:358-906).
//!
//! Paths are irregular: the list is `queues/_search`, create and delete are the singular
//! `queue` (delete with a JSON body), member search is `queue/agents/search` (no underscore).
//! Four of these endpoints ask for an "Agent token" and list the `language` header.

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Queues;
use super::client::{CallCenterClient, CcRequest};
use super::codes::AgentType;
use super::envelope::{Paged, V6Envelope};
use super::paging::{STREAM_PAGE_SIZE, paginate};
use crate::de;
use crate::error::Result;

use super::paths::{
    QUEUE, QUEUE_AGENTS as MEMBERS, QUEUE_AGENTS_SEARCH as MEMBERS_SEARCH, QUEUES_SEARCH as SEARCH,
};

/// Paging of a list request (`currPage` 1-based; `pageSize` defaults to 10 at Sobot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageRequest {
    /// The page size.
    pub page_size: u32,
    /// The page number, 1-based.
    pub curr_page: u32,
}

/// A skill group (list rows, and the answer of "Add skill group").
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Skill-group number.
    #[serde(rename = "queueID", default, deserialize_with = "de::text")]
    pub queue_id: Option<String>,
    /// Name.
    #[serde(rename = "queueName", default, deserialize_with = "de::text")]
    pub queue_name: Option<String>,
    /// Weight (a String in some tables, an int in others, §13 item 15).
    #[serde(rename = "queueWeight", default, deserialize_with = "de::text")]
    pub queue_weight: Option<String>,
}

/// Body of "Add skill group" (`POST .../api/queue`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewQueue {
    /// Name.
    #[serde(rename = "queueName")]
    pub queue_name: String,
    /// The number the caller chooses for the group.
    #[serde(rename = "queueID")]
    pub queue_id: String,
    /// Weight, a number sent as a string (`"1"`).
    #[serde(rename = "queueWeight")]
    pub queue_weight: Option<String>,
}

/// Body of "Delete skill group" (`DELETE .../api/queue` with a JSON body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueDelete {
    /// The group to delete.
    #[serde(rename = "queueID")]
    pub queue_id: String,
}

/// Body of "Query skill group members".
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMembersQuery {
    /// One group (presumably all when omitted; not stated).
    #[serde(rename = "queueID")]
    pub queue_id: Option<String>,
    /// How agents are rendered in the answer (`"0"` work number, `"1"` id).
    #[serde(rename = "agentType")]
    pub agent_type: Option<AgentType>,
}

/// A member of a skill group as listed.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMember {
    /// Work number or id, per the query's `agentType`.
    #[serde(default, deserialize_with = "de::text")]
    pub agent: Option<String>,
    /// Name.
    #[serde(rename = "agentName", default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
    /// Skill value (a String here, an Integer in the update, §13 item 15).
    #[serde(default, deserialize_with = "de::text")]
    pub level: Option<String>,
    /// Whether the agent is checked in to the group automatically.
    #[serde(default)]
    pub checkin: Option<bool>,
}

/// A skill group with its members (not paginated).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMembers {
    /// Name.
    #[serde(rename = "queueName", default, deserialize_with = "de::text")]
    pub queue_name: Option<String>,
    /// Number.
    #[serde(rename = "queueID", default, deserialize_with = "de::text")]
    pub queue_id: Option<String>,
    /// Weight (an int here).
    #[serde(rename = "queueWeight", default, deserialize_with = "de::text")]
    pub queue_weight: Option<String>,
    /// Number of members.
    #[serde(rename = "agentCount", default, deserialize_with = "de::int")]
    pub agent_count: Option<i64>,
    /// The members.
    #[serde(default, deserialize_with = "de::list")]
    pub agents: Vec<QueueMember>,
}

/// An agent to add (or update) in, or remove from, a group.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberChange {
    /// Work number or id, per the body's `agentType`.
    #[serde(deserialize_with = "vendor_http::lenient::string")]
    pub agent: String,
    /// Skill value (an Integer).
    #[serde(default, deserialize_with = "de::int")]
    pub level: Option<i64>,
    /// Check the agent in to the group automatically.
    #[serde(default)]
    pub checkin: Option<bool>,
}

/// The changes to one group.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMemberChanges {
    /// The group.
    #[serde(rename = "queueID", deserialize_with = "vendor_http::lenient::string")]
    pub queue_id: String,
    /// Group name (whether it renames the group is not documented).
    #[serde(rename = "queueName", default, deserialize_with = "de::text")]
    pub queue_name: Option<String>,
    /// Group weight.
    #[serde(rename = "queueWeight", default, deserialize_with = "de::text")]
    pub queue_weight: Option<String>,
    /// Agents to add, or to update (level, check-in) when already members.
    #[serde(
        default,
        deserialize_with = "de::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub add: Vec<MemberChange>,
    /// Agents to remove.
    #[serde(
        default,
        deserialize_with = "de::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub remove: Vec<MemberChange>,
}

/// Body of "Update skill groups in bulk" (`POST .../api/queue/agents`).
///
/// The example omits `agentType` yet uses ids, and the answer reports `"1"` (004:772-788, 842;
/// §13 item 16): set it explicitly rather than rely on Sobot's default here.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMembersUpdate {
    /// How `agent` values are read.
    #[serde(rename = "agentType")]
    pub agent_type: Option<AgentType>,
    /// One entry per group.
    #[serde(default, deserialize_with = "de::list")]
    pub list: Vec<QueueMemberChanges>,
}

/// The answer of the bulk update: the request echoed, plus `agent` and `operator`
/// (undocumented, `null` in the example).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueMembersUpdated {
    /// Undocumented.
    #[serde(default, deserialize_with = "de::text")]
    pub agent: Option<String>,
    /// How agents were read.
    #[serde(rename = "agentType", default)]
    pub agent_type: Option<AgentType>,
    /// Undocumented.
    #[serde(default, deserialize_with = "de::text")]
    pub operator: Option<String>,
    /// The groups changed.
    #[serde(default, deserialize_with = "de::list")]
    pub list: Vec<QueueMemberChanges>,
}

async fn queue_page(
    client: &CallCenterClient,
    curr_page: u32,
    page_size: u32,
) -> Result<Paged<Queue>> {
    let body = PageRequest {
        page_size,
        curr_page,
    };
    client.call(&CcRequest::post(SEARCH, &body)?.read()).await
}

impl Queues<'_> {
    /// One page of `POST .../api/queues/_search`.
    pub async fn page(&self, curr_page: u32, page_size: u32) -> Result<Paged<Queue>> {
        queue_page(self.client, curr_page, page_size).await
    }

    /// Every skill group, as a stream over all pages.
    pub fn list(&self) -> impl Stream<Item = Result<Queue>> + Send + 'static {
        let client = self.client.clone();
        paginate(STREAM_PAGE_SIZE, move |curr_page, page_size| {
            let client = client.clone();
            async move { queue_page(&client, curr_page, page_size).await }
        })
    }

    /// `POST .../api/queue`: adds a skill group (agent token, `language`).
    pub async fn create(&self, queue: &NewQueue) -> Result<Queue> {
        let request = CcRequest::post(QUEUE, queue)?.agent_endpoint();
        self.client.call(&request).await
    }

    /// `DELETE .../api/queue` with the body `{"queueID": ...}` (agent token, `language`).
    pub async fn delete(&self, queue_id: &str) -> Result<()> {
        let body = QueueDelete {
            queue_id: queue_id.to_owned(),
        };
        let request =
            CcRequest::json(vendor_http::reqwest::Method::DELETE, QUEUE, &body)?.agent_endpoint();
        let _: V6Envelope<serde_json::Value> = self.client.call_envelope(&request).await?;
        Ok(())
    }

    /// `POST .../api/queue/agents/search`: groups with their members (agent token, `language`).
    pub async fn members(&self, query: &QueueMembersQuery) -> Result<Vec<QueueMembers>> {
        let request = CcRequest::post(MEMBERS_SEARCH, query)?
            .read()
            .agent_endpoint();
        self.client.call(&request).await
    }

    /// `POST .../api/queue/agents`: adds, updates and removes members of several groups
    /// (agent token, `language`).
    pub async fn update_members(&self, update: &QueueMembersUpdate) -> Result<QueueMembersUpdated> {
        let request = CcRequest::post(MEMBERS, update)?.agent_endpoint();
        self.client.call(&request).await
    }
}
