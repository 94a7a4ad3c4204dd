//! Replies and change logs: listing them (003:715-920) and replying as an agent or as the
//! customer (003:1673-1844).

use futures::Stream;
use serde::{Deserialize, Deserializer, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::{ContentFormat, FunctionType, UserType};
use super::model::TicketKey;
use crate::client::{ApiRequest, UdeskClient};
use crate::de;
use crate::envelope::{Meta, Paged};
use crate::error::{Error, Result};
use crate::paging::{PageRequest, paginate};
use crate::wire::{json_body, query_pairs};

/// At most this many CC addresses of each kind per reply (003:1689).
pub const MAX_CC: usize = 10;

/// Who wrote a reply or made a change.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// User ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Agent or customer.
    #[serde(default)]
    pub user_type: Option<UserType>,
    /// Email.
    #[serde(default, deserialize_with = "de::text")]
    pub email: Option<String>,
    /// Avatar URL.
    #[serde(default, deserialize_with = "de::text")]
    pub avatar: Option<String>,
    /// Nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub nick_name: Option<String>,
}

/// A reply attachment (`file_name`, unlike ticket attachments' `name`; both are read).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyAttachment {
    /// URL.
    #[serde(default, deserialize_with = "de::text")]
    pub url: Option<String>,
    /// File name.
    #[serde(default, alias = "name", deserialize_with = "de::text")]
    pub file_name: Option<String>,
    /// Size in bytes.
    #[serde(default, deserialize_with = "de::int")]
    pub file_size: Option<i64>,
}

/// A reply (003:743-753). The replies example omits the documented `id` (003:782).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// Reply ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Content.
    #[serde(default, deserialize_with = "de::text")]
    pub content: Option<String>,
    /// Text or HTML.
    #[serde(default)]
    pub content_format: Option<ContentFormat>,
    /// Creation time.
    #[serde(default, deserialize_with = "de::text")]
    pub created_at: Option<String>,
    /// Internal note or external comment.
    #[serde(default)]
    pub function_type: Option<FunctionType>,
    /// CC recipients as sent: comma-separated emails in lists, `"Name <email>, ..."` in reply
    /// answers.
    #[serde(default, deserialize_with = "de::text")]
    pub cc: Option<String>,
    /// The author.
    #[serde(default)]
    pub author: Option<Author>,
    /// Attachments.
    #[serde(default, deserialize_with = "de::list")]
    pub attachments: Vec<ReplyAttachment>,
}

/// A page of replies: `{code, replies, meta}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyList {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message, if any.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The replies.
    #[serde(default, deserialize_with = "de::list")]
    pub replies: Vec<Reply>,
    /// Pagination.
    #[serde(default)]
    pub meta: Option<Meta>,
}

impl Paged for ReplyList {
    type Item = Reply;
    fn into_parts(self) -> (Vec<Reply>, Option<Meta>) {
        (self.replies, self.meta)
    }
}

/// One changed field of a change log (003:861-870).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The trigger that made the change; `null` when a person did.
    #[serde(default, deserialize_with = "de::text")]
    pub trigger_name: Option<String>,
    /// Field key (`subject`, `priority_id`).
    #[serde(default, deserialize_with = "de::text")]
    pub field: Option<String>,
    /// Field display name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_name: Option<String>,
    /// Field type (`static`, ...; not enumerated in the seed).
    #[serde(default, deserialize_with = "de::text")]
    pub field_type: Option<String>,
    /// Old value as displayed.
    #[serde(default, deserialize_with = "de::text")]
    pub old_value: Option<String>,
    /// New value as displayed.
    #[serde(default, deserialize_with = "de::text")]
    pub new_value: Option<String>,
    /// Human-readable description.
    #[serde(default, deserialize_with = "de::text")]
    pub description: Option<String>,
}

/// A change log entry (003:844-850).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLog {
    /// Change log ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// When.
    #[serde(default, deserialize_with = "de::text")]
    pub created_at: Option<String>,
    /// Who.
    #[serde(default)]
    pub author: Option<Author>,
    /// What.
    #[serde(default, deserialize_with = "de::list")]
    pub changes: Vec<Change>,
}

/// A page of change logs: `{code, meta, change_logs}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLogList {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message, if any.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The change logs.
    #[serde(default, deserialize_with = "de::list")]
    pub change_logs: Vec<ChangeLog>,
    /// Pagination.
    #[serde(default)]
    pub meta: Option<Meta>,
}

impl Paged for ChangeLogList {
    type Item = ChangeLog;
    fn into_parts(self) -> (Vec<ChangeLog>, Option<Meta>) {
        (self.change_logs, self.meta)
    }
}

/// Body of `POST /open_api_v1/tickets/agent_reply` (003:1679-1692).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentReply {
    /// The ticket, by `id` or `num` (exactly one).
    #[serde(flatten)]
    pub ticket: TicketKey,
    /// The replying agent's ID.
    #[serde(serialize_with = "de::write_id", deserialize_with = "de::string")]
    pub agent_id: String,
    /// Internal note or external comment.
    pub function_type: FunctionType,
    /// Content; rich text allowed, images as plain `<img src="https://...">` links.
    pub new_reply: String,
    /// CC agent emails (at most 10; free plans cannot CC).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    /// CC customer emails (at most 10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_customer: Vec<String>,
    /// IDs from [`Tickets::upload_file_for_reply`]; uploads older than two hours are dropped.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "de::write_ids",
        deserialize_with = "de::ids"
    )]
    pub attachment_ids: Vec<String>,
}

/// Body of `POST /open_api_v1/tickets/customer_reply` (003:1781-1791): written as the ticket's
/// customer (the ticket must have one).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerReply {
    /// The ticket, by `id` or `num` (exactly one).
    #[serde(flatten)]
    pub ticket: TicketKey,
    /// Content.
    pub new_reply: String,
    /// Format of `new_reply`.
    pub content_type: ContentFormat,
    /// IDs from [`Tickets::upload_file_for_reply`].
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "de::write_ids",
        deserialize_with = "de::ids"
    )]
    pub attachment_ids: Vec<String>,
}

/// The reply a reply call created: `data: {type: "reply", data: {...}}` in the examples
/// (003:1743-1771); the table lists the fields flat beside `type` (003:1696-1705). Both are
/// read; it is written nested.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostedReply {
    /// `"reply"`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The reply.
    pub data: Reply,
}

impl<'de> Deserialize<'de> for PostedReply {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut value = serde_json::Value::deserialize(deserializer)?;
        let kind = value
            .get("type")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned);
        let nested = value.get("data").is_some_and(serde_json::Value::is_object);
        let (prefix, inner) = if nested {
            let inner = value
                .get_mut("data")
                .map(serde_json::Value::take)
                .unwrap_or_default();
            ("data.", inner)
        } else {
            ("", value)
        };
        serde_path_to_error::deserialize::<_, Reply>(inner)
            .map(|data| Self { kind, data })
            .map_err(|error| {
                serde::de::Error::custom(format!("at {prefix}{}: {}", error.path(), error.inner()))
            })
    }
}

/// Answer of a reply call: `{code, data}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyAnswer {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message, if any.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The created reply.
    pub data: PostedReply,
}

fn check_cc(name: &str, list: &[String]) -> Result<()> {
    if list.len() > MAX_CC {
        return Err(Error::InvalidRequest(format!(
            "at most {MAX_CC} {name} addresses per reply"
        )));
    }
    Ok(())
}

fn check_reply(ticket: &TicketKey, new_reply: &str) -> Result<()> {
    ticket.validate()?;
    if new_reply.trim().is_empty() {
        return Err(Error::InvalidRequest("new_reply is required".into()));
    }
    Ok(())
}

async fn replies_page(client: &UdeskClient, id: &str, page: PageRequest) -> Result<ReplyList> {
    TicketKey::id(id).validate()?;
    let path = format!("tickets/{}/replies", de::path_segment(id));
    client
        .call(&ApiRequest::get(path).with_query(query_pairs(&page)?))
        .await
}

async fn change_logs_page(
    client: &UdeskClient,
    id: &str,
    page: PageRequest,
) -> Result<ChangeLogList> {
    TicketKey::id(id).validate()?;
    let path = format!("tickets/{}/change_logs", de::path_segment(id));
    client
        .call(&ApiRequest::get(path).with_query(query_pairs(&page)?))
        .await
}

impl Tickets<'_> {
    /// One page of `GET /open_api_v1/tickets/:id/replies` (`per_page` clamped to 20-100, as
    /// Udesk does).
    pub async fn replies_page(&self, id: &str, page: u32, per_page: u32) -> Result<ReplyList> {
        replies_page(
            self.client,
            id,
            PageRequest::between_20_and_100(page, per_page),
        )
        .await
    }

    /// Every reply of a ticket, as a stream over pages of 100.
    pub fn replies(
        &self,
        id: impl Into<String>,
    ) -> impl Stream<Item = Result<Reply>> + Send + 'static {
        let client = self.client.clone();
        let id = id.into();
        paginate(100, move |page, per_page| {
            let client = client.clone();
            let id = id.clone();
            async move {
                let page = replies_page(
                    &client,
                    &id,
                    PageRequest::between_20_and_100(page, per_page),
                )
                .await?;
                Ok(page.into_parts())
            }
        })
    }

    /// One page of `GET /open_api_v1/tickets/:id/change_logs` (`per_page` clamped to 20-100).
    pub async fn change_logs_page(
        &self,
        id: &str,
        page: u32,
        per_page: u32,
    ) -> Result<ChangeLogList> {
        change_logs_page(
            self.client,
            id,
            PageRequest::between_20_and_100(page, per_page),
        )
        .await
    }

    /// Every change log of a ticket, as a stream over pages of 100.
    pub fn change_logs(
        &self,
        id: impl Into<String>,
    ) -> impl Stream<Item = Result<ChangeLog>> + Send + 'static {
        let client = self.client.clone();
        let id = id.into();
        paginate(100, move |page, per_page| {
            let client = client.clone();
            let id = id.clone();
            async move {
                let page = change_logs_page(
                    &client,
                    &id,
                    PageRequest::between_20_and_100(page, per_page),
                )
                .await?;
                Ok(page.into_parts())
            }
        })
    }

    /// `POST /open_api_v1/tickets/agent_reply`: replies as an agent. Not retried.
    pub async fn agent_reply(&self, reply: &AgentReply) -> Result<PostedReply> {
        check_reply(&reply.ticket, &reply.new_reply)?;
        check_cc("cc", &reply.cc)?;
        check_cc("cc_customer", &reply.cc_customer)?;
        let request = ApiRequest::post_json("tickets/agent_reply", json_body(reply)?);
        let answer: ReplyAnswer = self.client.call(&request).await?;
        Ok(answer.data)
    }

    /// `POST /open_api_v1/tickets/customer_reply`: replies as the ticket's customer. Not
    /// retried.
    pub async fn customer_reply(&self, reply: &CustomerReply) -> Result<PostedReply> {
        check_reply(&reply.ticket, &reply.new_reply)?;
        let request = ApiRequest::post_json("tickets/customer_reply", json_body(reply)?);
        let answer: ReplyAnswer = self.client.call(&request).await?;
        Ok(answer.data)
    }
}
