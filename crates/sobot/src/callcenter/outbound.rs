//! Outbound tasks ("campaigns", sobot-callcenter.md §9.5 and §10, 004:1315-1813).
//!
//! All four calls require an `Idempotency-Key` (even the two reads, 004:1325, 1415, 1555, 1679). Each public
//! call is one operation with one fresh key, resent unchanged on every retry, so these calls
//! are retried after transport failures and HTTP 5xx like reads. The `*_with_key` variants take
//! a key kept from an earlier attempt (e.g. in a job journal) to resend the same operation.
//! The import lives under `cc-exports`, not `cc-outbound`.

use std::fmt;

use futures::Stream;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_with::skip_serializing_none;

use super::Outbound;
use super::client::{CallCenterClient, CcRequest, IdempotencyKey};
use super::codes::AgentType;
use super::envelope::Paged;
use super::outbound_import::{
    CallingListImport, ImportAccepted, ImportResult, ImportResultQuery, ImportResultRequest,
};
use super::paging::{STREAM_PAGE_SIZE, paginate};
use crate::de;
use crate::error::{Error, Result};

use super::paths::{
    CAMPAIGNS as CREATE, CAMPAIGNS_IMPORT as IMPORT, CAMPAIGNS_IMPORT_RESULT as IMPORT_RESULT,
    CAMPAIGNS_LIST as LIST,
};

/// The longest creation-time range of the task list: 12 months (004:1686), taken as 366 days.
const MAX_LIST_RANGE_MS: i64 = 366 * 24 * 3600 * 1000;

/// Body of "Create Outbound Task".
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewOutboundTask {
    /// The creating agent; only it can later import by `campaignId`.
    #[serde(rename = "agentID")]
    pub agent_id: String,
    /// `"0"` work number (default), `"1"` id.
    pub agent_type: Option<AgentType>,
    /// Task name.
    pub name: String,
    /// Code of an enabled data-import template.
    pub data_template_code: String,
    /// Code of an enabled wrap-up (call summary) template.
    pub wrap_up_template_code: String,
    /// Planned start, epoch ms.
    pub schedule_start_time: i64,
    /// Planned end, epoch ms, after the start ("required", yet described "when it is not
    /// blank", 004:1338).
    pub schedule_end_time: i64,
    /// IANA zone of the schedule.
    pub schedule_time_zone_id: Option<String>,
    /// Note (max 200 characters).
    pub description: Option<String>,
}

/// The answer of "Create Outbound Task": keep both, later calls take either.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedTask {
    /// The task (campaign) id.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// The short task code.
    #[serde(default, deserialize_with = "de::text")]
    pub code: Option<String>,
}

/// Filters of "Query outbound task list".
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskQuery {
    /// Task code.
    pub code: Option<String>,
    /// Created from, epoch ms.
    pub creation_time_start: Option<i64>,
    /// Created until, epoch ms (at most 12 months after the start).
    pub creation_time_end: Option<i64>,
    /// Despite the name, a work number or an id per `agent_type` (004:1688).
    #[serde(rename = "agentUUID")]
    pub agent_uuid: Option<String>,
    /// `"1"` id; `"0"` or absent work number.
    pub agent_type: Option<AgentType>,
}

impl TaskQuery {
    /// Checks the documented 12-month limit of the creation range.
    pub fn validate(&self) -> Result<()> {
        if let (Some(start), Some(end)) = (self.creation_time_start, self.creation_time_end)
            && (end < start || end - start > MAX_LIST_RANGE_MS)
        {
            return Err(Error::InvalidRequest(
                "field `creationTimeEnd`: the range must run forwards and span at most 12 months"
                    .into(),
            ));
        }
        Ok(())
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TaskPageBody<'a> {
    #[serde(flatten)]
    query: &'a TaskQuery,
    page_size: u32,
    curr_page: u32,
}

/// A percentage as Sobot writes it (`"0.00%"`), kept as sent and read as a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// The text as sent.
    pub raw: String,
    /// The percentage (`12.5` for `"12.50%"`), when it parses.
    pub percent: Option<f64>,
}

impl Rate {
    /// Parses `"12.50%"`, `"12.5"` or `12.5`.
    pub fn parse(raw: &str) -> Self {
        let number = raw.trim().trim_end_matches('%').trim();
        Self {
            raw: raw.to_owned(),
            percent: number.parse().ok(),
        }
    }

    /// The rate as a fraction (`0.125` for `"12.50%"`).
    pub fn fraction(&self) -> Option<f64> {
        self.percent.map(|p| p / 100.0)
    }
}

impl Eq for Rate {}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Rate::parse(&vendor_http::lenient::string(deserializer)?))
    }
}

/// An outbound task as listed. The list has no task id, only `code` (§12 item 6).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboundTask {
    /// Task code.
    #[serde(default, deserialize_with = "de::text")]
    pub code: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Undocumented (in the example only, 004:1740).
    #[serde(default, deserialize_with = "de::int")]
    pub timed: Option<i64>,
    /// Planned start, epoch ms (`0` when unset).
    #[serde(default, deserialize_with = "de::int")]
    pub schedule_start_time: Option<i64>,
    /// Planned end, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub schedule_end_time: Option<i64>,
    /// Zone of the schedule.
    #[serde(default, deserialize_with = "de::text")]
    pub schedule_time_zone_id: Option<String>,
    /// Display label of the start's zone.
    #[serde(default, deserialize_with = "de::text")]
    pub schedule_start_time_zone_value: Option<String>,
    /// Display label of the end's zone.
    #[serde(default, deserialize_with = "de::text")]
    pub schedule_end_time_zone_value: Option<String>,
    /// Execution state (values undocumented, 004:1704).
    #[serde(default, deserialize_with = "de::int")]
    pub state: Option<i64>,
    /// Expiry flag (values undocumented, 004:1705).
    #[serde(default, deserialize_with = "de::int")]
    pub expired: Option<i64>,
    /// Note.
    #[serde(default, deserialize_with = "de::text")]
    pub description: Option<String>,
    /// Created at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub creation_time: Option<i64>,
    /// Rows in the task.
    #[serde(default, deserialize_with = "de::int")]
    pub contact_record_count: Option<i64>,
    /// Rows not assigned.
    #[serde(default, deserialize_with = "de::int")]
    pub contact_unassigned_count: Option<i64>,
    /// Agents on the task.
    #[serde(default, deserialize_with = "de::int")]
    pub agent_count: Option<i64>,
    /// Rows executed.
    #[serde(default, deserialize_with = "de::int")]
    pub contact_record_execute_count: Option<i64>,
    /// Rows answered.
    #[serde(default, deserialize_with = "de::int")]
    pub contact_record_answer_count: Option<i64>,
    /// Execution rate.
    #[serde(default)]
    pub contact_execute_rate: Option<Rate>,
    /// Answer rate of rows.
    #[serde(default)]
    pub contact_answer_rate: Option<Rate>,
    /// Calls dialled.
    #[serde(default, deserialize_with = "de::int")]
    pub call_dial_count: Option<i64>,
    /// Calls answered.
    #[serde(default, deserialize_with = "de::int")]
    pub call_answer_count: Option<i64>,
    /// Answer rate of calls.
    #[serde(default)]
    pub call_answer_rate: Option<Rate>,
    /// Talk time (unit not stated).
    #[serde(default, deserialize_with = "number")]
    pub call_talk_duration: Option<serde_json::Number>,
    /// Average talk time (unit not stated; may have a fraction).
    #[serde(default, deserialize_with = "number")]
    pub average_call_talk_duration: Option<serde_json::Number>,
}

/// A number that may arrive as a numeric string; `""` and `null` are `None`.
fn number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Number>, D::Error> {
    use vendor_http::lenient::Scalar;
    let invalid = |text: &str| serde::de::Error::custom(format!("{text:?} is not a number"));
    match Scalar::deserialize(deserializer)? {
        Scalar::Null => Ok(None),
        Scalar::Int(n) => Ok(Some(n.into())),
        Scalar::UInt(n) => Ok(Some(n.into())),
        Scalar::Float(f) => serde_json::Number::from_f64(f)
            .map(Some)
            .ok_or_else(|| invalid(&f.to_string())),
        Scalar::Bool(b) => Ok(Some(i64::from(b).into())),
        Scalar::Str(text) if text.trim().is_empty() => Ok(None),
        Scalar::Str(text) => serde_json::from_str::<serde_json::Number>(text.trim())
            .map(Some)
            .map_err(|_| invalid(&text)),
    }
}

async fn import_result_page(
    client: &CallCenterClient,
    query: &ImportResultQuery,
    curr_page: u32,
    page_size: u32,
) -> Result<Paged<ImportResult>> {
    let body = ImportResultRequest {
        query: query.clone(),
        curr_page,
        page_size,
    };
    // A read, yet the key is required; each page is its own operation.
    let request =
        CcRequest::post(IMPORT_RESULT, &body)?.with_idempotency_key(IdempotencyKey::new());
    client.call(&request).await
}

async fn task_page(
    client: &CallCenterClient,
    query: &TaskQuery,
    curr_page: u32,
    page_size: u32,
) -> Result<Paged<OutboundTask>> {
    query.validate()?;
    let body = TaskPageBody {
        query,
        page_size,
        curr_page,
    };
    let request = CcRequest::post(LIST, &body)?
        .with_idempotency_key(IdempotencyKey::new())
        .without_timezone();
    client.call(&request).await
}

impl Outbound<'_> {
    /// `POST .../cc-outbound/api/campaigns` with a fresh `Idempotency-Key`.
    pub async fn create_task(&self, task: &NewOutboundTask) -> Result<CreatedTask> {
        self.create_task_with_key(task, &IdempotencyKey::new())
            .await
    }

    /// `POST .../cc-outbound/api/campaigns`, resending an operation under its saved key.
    pub async fn create_task_with_key(
        &self,
        task: &NewOutboundTask,
        key: &IdempotencyKey,
    ) -> Result<CreatedTask> {
        if task.schedule_end_time <= task.schedule_start_time {
            return Err(Error::InvalidRequest(
                "field `scheduleEndTime`: the end must be after the start".into(),
            ));
        }
        let request = CcRequest::post(CREATE, task)?.with_idempotency_key(key.clone());
        self.client.call(&request).await
    }

    /// `POST .../cc-exports/api/campaigns/_import` with a fresh `Idempotency-Key`: one batch of
    /// contact rows. Checks the `callingListCode` rule first.
    pub async fn import(&self, import: &CallingListImport) -> Result<ImportAccepted> {
        self.import_with_key(import, &IdempotencyKey::new()).await
    }

    /// `POST .../cc-exports/api/campaigns/_import`, resending a batch under its saved key.
    pub async fn import_with_key(
        &self,
        import: &CallingListImport,
        key: &IdempotencyKey,
    ) -> Result<ImportAccepted> {
        import.validate()?;
        let request = CcRequest::post(IMPORT, import)?.with_idempotency_key(key.clone());
        self.client.call(&request).await
    }

    /// One page of `POST .../campaigns/calling-list/import-result` (its own key).
    pub async fn import_results_page(
        &self,
        query: &ImportResultQuery,
        curr_page: u32,
        page_size: u32,
    ) -> Result<Paged<ImportResult>> {
        import_result_page(self.client, query, curr_page, page_size).await
    }

    /// Every import result matching `query`, as a stream over all pages.
    pub fn import_results(
        &self,
        query: ImportResultQuery,
    ) -> impl Stream<Item = Result<ImportResult>> + Send + 'static {
        let client = self.client.clone();
        paginate(STREAM_PAGE_SIZE, move |curr_page, page_size| {
            let client = client.clone();
            let query = query.clone();
            async move { import_result_page(&client, &query, curr_page, page_size).await }
        })
    }

    /// One page of `POST .../campaigns/getList` (its own key; no `timezoneid`, 004:1678).
    pub async fn tasks_page(
        &self,
        query: &TaskQuery,
        curr_page: u32,
        page_size: u32,
    ) -> Result<Paged<OutboundTask>> {
        task_page(self.client, query, curr_page, page_size).await
    }

    /// Every outbound task matching `query`, as a stream over all pages.
    pub fn tasks(
        &self,
        query: TaskQuery,
    ) -> impl Stream<Item = Result<OutboundTask>> + Send + 'static {
        let client = self.client.clone();
        paginate(STREAM_PAGE_SIZE, move |curr_page, page_size| {
            let client = client.clone();
            let query = query.clone();
            async move { task_page(&client, &query, curr_page, page_size).await }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_keep_their_text_and_read_as_numbers() {
        let rate: Rate = serde_json::from_str(r#""12.50%""#).expect("text");
        assert_eq!(rate.percent, Some(12.5));
        assert_eq!(rate.fraction(), Some(0.125));
        assert_eq!(
            serde_json::to_string(&rate).expect("encodes"),
            r#""12.50%""#
        );
        let number: Rate = serde_json::from_str("0").expect("number");
        assert_eq!(number.percent, Some(0.0));
        assert_eq!(Rate::parse("n/a").percent, None);
    }

    #[test]
    fn the_task_list_refuses_ranges_over_twelve_months() {
        let day = 24 * 3600 * 1000;
        let ok = TaskQuery {
            creation_time_start: Some(0),
            creation_time_end: Some(365 * day),
            ..TaskQuery::default()
        };
        assert!(ok.validate().is_ok());
        let long = TaskQuery {
            creation_time_end: Some(400 * day),
            ..ok.clone()
        };
        assert!(long.validate().is_err());
        let backwards = TaskQuery {
            creation_time_start: Some(day),
            creation_time_end: Some(0),
            ..TaskQuery::default()
        };
        assert!(backwards.validate().is_err());
    }
}
