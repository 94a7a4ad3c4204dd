//! Relay (trunk, outbound caller-ID) numbers (sobot-callcenter.md §9.4, 004:1203-1311).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Numbers;
use super::client::CcRequest;
use super::codes::RelayNumberState;
use crate::de;
use crate::error::Result;

use super::paths::GATEWAY_NUMBER_SEARCH as SEARCH;

/// Filter of the relay-number list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayNumberQuery {
    /// The states to list (several allowed); empty sends none, and Sobot then lists only
    /// enabled numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enabled: Vec<RelayNumberState>,
}

/// A relay number's state: a list in the request, an object in the answer (§13 item 17).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelayNumberStatus {
    /// The state.
    #[serde(default)]
    pub enabled_code: Option<RelayNumberState>,
    /// Its display name (`Enabling`, `Cancelled`).
    #[serde(default, deserialize_with = "de::text")]
    pub enabled_name: Option<String>,
}

/// A relay number (not paginated).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelayNumber {
    /// The number (masked in the examples).
    #[serde(default, deserialize_with = "de::text")]
    pub gateway_number: Option<String>,
    /// Alias.
    #[serde(default, deserialize_with = "de::text")]
    pub alias: Option<String>,
    /// Remark.
    #[serde(default, deserialize_with = "de::text")]
    pub remark: Option<String>,
    /// State.
    #[serde(default)]
    pub enabled: Option<RelayNumberStatus>,
}

impl Numbers<'_> {
    /// `POST .../api/gatewayNumber/search`: the relay numbers in the given states (agent token,
    /// `language`).
    pub async fn relay_numbers(&self, query: &RelayNumberQuery) -> Result<Vec<RelayNumber>> {
        let request = CcRequest::post(SEARCH, query)?.read().agent_endpoint();
        self.client.call(&request).await
    }
}
