//! Agent settings and the call-agent list (sobot-callcenter.md §9.1, 004:30-354).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Agents;
use super::client::CcRequest;
use super::codes::{AgentType, UnbindTarget, WrapUpType, agent_type_as_int};
use crate::de;
use crate::error::Result;

use super::paths::{AGENTS, AGENTS_CALL_SEARCH as CALL_AGENTS, AGENTS_UNBIND as UNBIND};

/// An agent's phone settings: bound extension and phone, wrap-up settings (`kind` `Agent`).
///
/// The GET table marks `agentUUID`/`agentID` always present, the update table marks them
/// optional and the rest required (004:52-58 vs 127-133, §13 item 8): everything is optional.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSetting {
    /// Agent id (UUID).
    #[serde(rename = "agentUUID", default, deserialize_with = "de::text")]
    pub agent_uuid: Option<String>,
    /// Agent work number.
    #[serde(rename = "agentID", default, deserialize_with = "de::text")]
    pub agent_id: Option<String>,
    /// Agent name.
    #[serde(rename = "agentName", default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
    /// Bound phone number.
    #[serde(default, deserialize_with = "de::text")]
    pub phone: Option<String>,
    /// Bound extension.
    #[serde(default, deserialize_with = "de::text")]
    pub ext: Option<String>,
    /// Whose wrap-up duration applies.
    #[serde(rename = "wrapUpType", default)]
    pub wrap_up_type: Option<WrapUpType>,
    /// Wrap-up duration in seconds.
    #[serde(rename = "wrapUpTime", default, deserialize_with = "de::int")]
    pub wrap_up_time: Option<i64>,
}

/// Body of "Modify Agent Setting" (`POST .../agents`, 004:99-173). `agentType` is an `int`
/// here (004:118).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSettingUpdate {
    /// Work number or id, per `agent_type`.
    pub agent: String,
    /// How `agent` identifies the agent.
    #[serde(rename = "agentType", serialize_with = "agent_type_as_int")]
    pub agent_type: AgentType,
    /// Wrap-up duration (seconds per the response table; the request gives no unit, 004:119).
    #[serde(rename = "wrapUpTime")]
    pub wrap_up_time: i64,
    /// Phone number to bind. Whether omitting it clears a binding is not documented.
    pub phone: Option<String>,
    /// Extension to bind.
    pub ext: Option<String>,
    /// Whose wrap-up duration applies.
    #[serde(rename = "wrapUpType")]
    pub wrap_up_type: Option<WrapUpType>,
}

/// Body of "Unbind Agent Setting" (`POST .../agents/unbind`, 004:174-244).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentUnbind {
    /// Work number or id, per `agent_type`.
    pub agent: String,
    /// How `agent` identifies the agent (`int`, 004:192).
    #[serde(rename = "agentType", serialize_with = "agent_type_as_int")]
    pub agent_type: AgentType,
    /// What to unbind; no default is documented.
    #[serde(rename = "numberType")]
    pub number_type: Option<UnbindTarget>,
}

/// Filters of "Query Call Agent List" (all optional; names, work numbers and extensions match
/// fuzzily, the skill group exactly).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallAgentQuery {
    /// Agent name (fuzzy).
    #[serde(rename = "agentName")]
    pub agent_name: Option<String>,
    /// Work number (fuzzy).
    #[serde(rename = "agentID")]
    pub agent_id: Option<String>,
    /// Skill-group number (exact).
    pub queue: Option<String>,
    /// Extension (fuzzy).
    pub ext: Option<String>,
    /// Work status (values undocumented, §13 item 21).
    #[serde(rename = "agentStatus")]
    pub agent_status: Option<i64>,
}

/// An agent with call permission (not paginated).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallAgent {
    /// Agent id (UUID).
    #[serde(rename = "agentUUID", default, deserialize_with = "de::text")]
    pub agent_uuid: Option<String>,
    /// Work number.
    #[serde(rename = "agentID", default, deserialize_with = "de::text")]
    pub agent_id: Option<String>,
    /// Name.
    #[serde(rename = "agentName", default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
    /// Extension.
    #[serde(default, deserialize_with = "de::text")]
    pub ext: Option<String>,
    /// Phone (named `agentPhone` here, `phone` in the settings).
    #[serde(rename = "agentPhone", default, deserialize_with = "de::text")]
    pub agent_phone: Option<String>,
    /// Login status (values undocumented; `1`, `2` seen).
    #[serde(rename = "loginStatus", default, deserialize_with = "de::int")]
    pub login_status: Option<i64>,
    /// Busy reason (values undocumented; `0`, `11` seen).
    #[serde(rename = "notReadyReasonCode", default, deserialize_with = "de::int")]
    pub not_ready_reason_code: Option<i64>,
    /// Created at, `yyyy-MM-dd HH:mm:ss` in the `timezoneid` zone.
    #[serde(rename = "createTime", default, deserialize_with = "de::text")]
    pub create_time: Option<String>,
    /// Updated at, as text.
    #[serde(rename = "updateTime", default, deserialize_with = "de::text")]
    pub update_time: Option<String>,
    /// Created at, epoch ms.
    #[serde(rename = "createTimeMs", default, deserialize_with = "de::int")]
    pub create_time_ms: Option<i64>,
    /// Updated at, epoch ms.
    #[serde(rename = "updateTimeMs", default, deserialize_with = "de::int")]
    pub update_time_ms: Option<i64>,
}

impl Agents<'_> {
    /// `GET .../cc-config/api/agents?agentType=&agent=`: an agent's phone settings.
    pub async fn get(&self, agent: &str, agent_type: AgentType) -> Result<AgentSetting> {
        let query = vec![
            ("agentType".to_owned(), agent_type.code().to_owned()),
            ("agent".to_owned(), agent.to_owned()),
        ];
        self.client.call(&CcRequest::get(AGENTS, query)).await
    }

    /// `POST .../cc-config/api/agents`: binds an extension or phone and sets wrap-up.
    pub async fn update(&self, update: &AgentSettingUpdate) -> Result<AgentSetting> {
        self.client.call(&CcRequest::post(AGENTS, update)?).await
    }

    /// `POST .../cc-config/api/agents/unbind`: unbinds the extension, the phone, or both.
    pub async fn unbind(&self, unbind: &AgentUnbind) -> Result<AgentSetting> {
        self.client.call(&CcRequest::post(UNBIND, unbind)?).await
    }

    /// `POST .../cc-config/api/agents/call/_search`: every agent with call permission matching
    /// `query` (one answer, not paginated).
    pub async fn call_agents(&self, query: &CallAgentQuery) -> Result<Vec<CallAgent>> {
        let request = CcRequest::post(CALL_AGENTS, query)?.read();
        self.client.call(&request).await
    }
}
