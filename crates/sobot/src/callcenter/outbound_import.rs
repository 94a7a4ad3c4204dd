//! The types of the outbound data import and its result query (sobot-callcenter.md §9.5,
//! 004:1405-1669). The calls are on [`Outbound`](super::Outbound).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::codes::{AgentType, AssignRule, DoNotCallFilter, RemoveDuplicatesRule};
use crate::de;
use crate::error::{Error, Result};

/// The longest `callingListCode` allowed (004:1426).
pub const CALLING_LIST_CODE_MAX: usize = 20;

/// A custom field value of a contact row (ids come from the task's data-import template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldValue {
    /// Field id.
    pub field_id: String,
    /// Value.
    #[serde(deserialize_with = "vendor_http::lenient::string")]
    pub field_value: String,
}

/// One contact row of an import (`dataDetails[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactRow {
    /// Agent the row is assigned to, by **work number** (004:1444).
    pub allocation_agent: Option<String>,
    /// Contact name.
    pub name: Option<String>,
    /// Number to dial (format not documented).
    #[serde(deserialize_with = "vendor_http::lenient::string")]
    pub telephone: String,
    /// Note (max 200 characters).
    pub description: Option<String>,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomFieldValue>,
}

/// How many rows one agent gets under designated assignment (`assignAgentAndCount[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentQuota {
    /// The agent ("Agent ID", 004:1435; which identifier is not stated).
    #[serde(rename = "agentID")]
    pub agent_id: String,
    /// Rows for the agent. Typed String in the table but a number in the example (004:1436 vs
    /// 1467, §13 item 12): sent as a number, read either way.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub count: i64,
}

/// Body of "Outbound Task Import Data" (`POST .../cc-exports/api/campaigns/_import`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallingListImport {
    /// The importing agent; it must be the task's creator when `campaign_id` is used.
    #[serde(rename = "agentID")]
    pub agent_id: String,
    /// `"0"` work number (default), `"1"` id.
    #[serde(rename = "agentType")]
    pub agent_type: Option<AgentType>,
    /// The task id; wins over `code` when both are sent.
    #[serde(rename = "campaignId")]
    pub campaign_id: Option<String>,
    /// The task code, used when `campaign_id` is blank.
    pub code: Option<String>,
    /// The batch number chosen by the caller: at most 20 letters and digits, never reused.
    #[serde(rename = "callingListCode")]
    pub calling_list_code: String,
    /// Deduplication.
    #[serde(rename = "removeDuplicatesRule")]
    pub remove_duplicates_rule: RemoveDuplicatesRule,
    /// Whether forbidden numbers are dropped (Sobot's default: `NoFilter`).
    #[serde(rename = "enableFilterDoNotCallListNumber")]
    pub enable_filter_do_not_call_list_number: Option<DoNotCallFilter>,
    /// Assignment.
    #[serde(rename = "assignRule")]
    pub assign_rule: AssignRule,
    /// Rows per agent under designated assignment.
    #[serde(
        rename = "assignAgentAndCount",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub assign_agent_and_count: Vec<AgentQuota>,
    /// The contact rows (no row limit is documented; import large lists in several batches).
    #[serde(rename = "dataDetails")]
    pub data_details: Vec<ContactRow>,
}

impl CallingListImport {
    /// Checks what the seed states before sending: a 1-20 character alphanumeric
    /// `callingListCode` (004:1426) and a target task (`campaignId` or `code`).
    pub fn validate(&self) -> Result<()> {
        let code = &self.calling_list_code;
        if code.is_empty()
            || code.len() > CALLING_LIST_CODE_MAX
            || !code.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(Error::InvalidRequest(format!(
                "field `callingListCode`: {code:?} is not 1 to 20 letters and digits"
            )));
        }
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
        if blank(&self.campaign_id) && blank(&self.code) {
            return Err(Error::InvalidRequest(
                "field `campaignId`: name the task by campaignId or code".into(),
            ));
        }
        Ok(())
    }
}

/// A `callingListCode` made of the given prefix and the current epoch milliseconds, cut to
/// the 20-character limit; use a fresh one for every batch.
pub fn calling_list_code(prefix: &str, unix_millis: i64) -> String {
    let mut code: String = prefix
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(CALLING_LIST_CODE_MAX.saturating_sub(13))
        .collect();
    code.push_str(&unix_millis.unsigned_abs().to_string());
    code.truncate(CALLING_LIST_CODE_MAX);
    code
}

/// The answer of the import: where the batch went. Processing is asynchronous; poll the
/// result query with the `calling_list_code`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportAccepted {
    /// The task id (differs from the request's in the example, §13 item 12).
    #[serde(default, deserialize_with = "de::text")]
    pub campaign_id: Option<String>,
    /// The batch number.
    #[serde(default, deserialize_with = "de::text")]
    pub calling_list_code: Option<String>,
    /// The task code.
    #[serde(default, deserialize_with = "de::text")]
    pub code: Option<String>,
}

/// Filters of "Batch Import Result Query".
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportResultQuery {
    /// The agent asking.
    #[serde(rename = "agentID")]
    pub agent_id: String,
    /// `"0"` work number, `"1"` id.
    #[serde(rename = "agentType")]
    pub agent_type: Option<AgentType>,
    /// The batch (the example's value breaks the 20-character rule, so it is not checked here).
    #[serde(rename = "callingListCode")]
    pub calling_list_code: Option<String>,
    /// The task id (wins over `code`).
    #[serde(rename = "campaignId")]
    pub campaign_id: Option<String>,
    /// The task code.
    pub code: Option<String>,
}

/// The body of one page of the result query: the filters and the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResultRequest {
    /// Filters.
    #[serde(flatten)]
    pub query: ImportResultQuery,
    /// Page number, 1-based.
    pub curr_page: u32,
    /// Page size (Sobot's default 50).
    pub page_size: u32,
}

/// The outcome of one import batch. No status field exists: a batch that has appeared with
/// counts adding up to the rows sent is done; reasons are only in the `.xlsx` report.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    /// Task id.
    #[serde(default, deserialize_with = "de::text")]
    pub campaign_id: Option<String>,
    /// Task code.
    #[serde(default, deserialize_with = "de::text")]
    pub code: Option<String>,
    /// Batch number.
    #[serde(default, deserialize_with = "de::text")]
    pub calling_list_code: Option<String>,
    /// Imported at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub creation_time: Option<i64>,
    /// The rule the batch used.
    #[serde(default)]
    pub remove_duplicates_rule: Option<RemoveDuplicatesRule>,
    /// Rows imported.
    #[serde(default, deserialize_with = "de::int")]
    pub success_count: Option<i64>,
    /// Rows dropped as duplicates, as the table names it (004:1603).
    #[serde(default, deserialize_with = "de::int")]
    pub repeat_count: Option<i64>,
    /// Rows dropped as duplicates, as the example names it (004:1633).
    #[serde(default, deserialize_with = "de::int")]
    pub remove_duplicates_count: Option<i64>,
    /// Rows rejected.
    #[serde(default, deserialize_with = "de::int")]
    pub error_count: Option<i64>,
    /// Download URL of the `.xlsx` error report.
    #[serde(default, deserialize_with = "de::text")]
    pub error_report_path: Option<String>,
}

impl ImportResult {
    /// Duplicates dropped, under either name.
    pub fn duplicates(&self) -> Option<i64> {
        self.repeat_count.or(self.remove_duplicates_count)
    }

    /// Rows accounted for (imported + duplicates + rejected).
    pub fn rows_accounted(&self) -> i64 {
        self.success_count.unwrap_or(0)
            + self.duplicates().unwrap_or(0)
            + self.error_count.unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(code: &str) -> CallingListImport {
        CallingListImport {
            agent_id: "1001".into(),
            agent_type: None,
            campaign_id: None,
            code: Some("dgug92owec".into()),
            calling_list_code: code.into(),
            remove_duplicates_rule: RemoveDuplicatesRule::InCallingList,
            enable_filter_do_not_call_list_number: None,
            assign_rule: AssignRule::None,
            assign_agent_and_count: vec![],
            data_details: vec![],
        }
    }

    #[test]
    fn calling_list_codes_must_be_short_and_alphanumeric() {
        assert!(import("20220815203412").validate().is_ok());
        let long = import("02951e5b01ddcM40997b185S2a541d16be48").validate();
        assert!(matches!(long, Err(Error::InvalidRequest(m)) if m.contains("callingListCode")));
        assert!(import("batch-1").validate().is_err());
        let mut no_task = import("b1");
        no_task.code = None;
        assert!(no_task.validate().is_err());
    }

    #[test]
    fn generated_calling_list_codes_fit_the_rule() {
        let code = calling_list_code("camp-7/", 1_660_632_449_700);
        assert_eq!(code, "camp71660632449700");
        assert!(import(&code).validate().is_ok());
        let long = calling_list_code("averyveryverylongprefix", 1_660_632_449_700);
        assert_eq!(long.len(), CALLING_LIST_CODE_MAX);
        assert!(long.ends_with("1660632449700"));
    }

    #[test]
    fn duplicates_are_read_under_either_name() {
        let table: ImportResult = serde_json::from_str(r#"{"repeatCount":"2"}"#).expect("table");
        let example: ImportResult =
            serde_json::from_str(r#"{"removeDuplicatesCount":3,"successCount":1}"#).expect("ex");
        assert_eq!(table.duplicates(), Some(2));
        assert_eq!(example.duplicates(), Some(3));
        assert_eq!(example.rows_accounted(), 4);
    }
}
