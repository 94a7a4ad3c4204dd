//! `POST /api/wb/5/data/export_data`: the offline ticket export (sobot-ticket.md §6.23).
//!
//! The docs describe one camelCase record with no envelope and leave the container undocumented
//! (I-32), so the answer is accepted as a bare record, an array of records, or an envelope whose
//! `item`, `items` or `data` holds either.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::{FieldType, StartType, TicketLevel, TicketSource, TicketStatus};
use crate::client::ApiRequest;
use crate::de;
use crate::error::Result;
use crate::wire::json_body;

/// The export request (`task_type` is always `"6"`, the ticket module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRequest {
    /// `"6"`.
    pub task_type: String,
    /// The day, `yyyy-MM-dd`.
    pub date: String,
}

impl ExportRequest {
    /// The ticket export of `date`.
    pub fn tickets_of(date: NaiveDate) -> Self {
        Self {
            task_type: "6".into(),
            date: date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A custom field of an exported ticket.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedField {
    /// Field ID.
    #[serde(default, deserialize_with = "de::text")]
    pub field_id: Option<String>,
    /// Type (10 appears, undocumented).
    pub field_type: Option<FieldType>,
    /// Variable name, e.g. `customField15` (trailing spaces seen, I-32).
    #[serde(default, deserialize_with = "de::text")]
    pub field_variable: Option<String>,
    /// Field title.
    #[serde(default, deserialize_with = "de::text")]
    pub title: Option<String>,
    /// Value.
    #[serde(default, deserialize_with = "de::text")]
    pub value: Option<String>,
    /// Option label.
    #[serde(default, deserialize_with = "de::text")]
    pub text: Option<String>,
}

/// An attachment of an exported reply.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedFile {
    /// File name.
    #[serde(default, deserialize_with = "de::text")]
    pub file_name: Option<String>,
    /// URL.
    #[serde(default, deserialize_with = "de::text")]
    pub file_url: Option<String>,
    /// Type.
    #[serde(default, deserialize_with = "de::text")]
    pub file_type: Option<String>,
}

/// A reply of an exported ticket.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedReply {
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_title: Option<String>,
    /// Content.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_content: Option<String>,
    /// Visibility code.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_type: Option<String>,
    /// Replied at, epoch **seconds**.
    #[serde(default, deserialize_with = "de::int")]
    pub reply_time: Option<i64>,
    /// Who replied.
    pub start_type: Option<StartType>,
    /// Replier name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_user_name: Option<String>,
    /// Replier ID.
    #[serde(default, deserialize_with = "de::text")]
    pub update_user_id: Option<String>,
    /// Attachments.
    #[serde(default, deserialize_with = "de::list")]
    pub file_list: Vec<ExportedFile>,
}

/// A history entry of an exported ticket.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedLogEntry {
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub update_title: Option<String>,
    /// Changes as JSON text (kept raw).
    #[serde(default, deserialize_with = "de::text")]
    pub update_content: Option<String>,
    /// When, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub update_time: Option<i64>,
    /// Who.
    pub start_type: Option<StartType>,
    /// Operator name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_service_name: Option<String>,
}

/// One exported ticket (camelCase; times in epoch seconds).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedTicket {
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub company_id: Option<String>,
    /// Ticket ID.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_id: Option<String>,
    /// Ticket number (a JSON number in the example, String in the table, I-8).
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_code: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_title: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_content: Option<String>,
    /// Status.
    pub ticket_status: Option<TicketStatus>,
    /// Priority.
    pub ticket_level: Option<TicketLevel>,
    /// Source.
    pub ticket_from: Option<TicketSource>,
    /// Category path.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_type_name: Option<String>,
    /// Related record ID.
    #[serde(default, deserialize_with = "de::text")]
    pub record_id: Option<String>,
    /// Created at, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub create_time: Option<i64>,
    /// Updated at, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub update_time: Option<i64>,
    /// Creator kind.
    pub start_type: Option<StartType>,
    /// Creator name.
    #[serde(default, deserialize_with = "de::text")]
    pub start_name: Option<String>,
    /// Receiving group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_group_id: Option<String>,
    /// Receiving group name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_group_name: Option<String>,
    /// Receiving agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_user_id: Option<String>,
    /// Receiving agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_user_name: Option<String>,
    /// CC'd agents.
    #[serde(default, deserialize_with = "de::text")]
    pub copy_user: Option<String>,
    /// First-response deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub hope_accept_time: Option<String>,
    /// Resolution deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub hope_complete_time: Option<String>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub customer_id: Option<String>,
    /// Customer nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub nick: Option<String>,
    /// Customer real name.
    #[serde(default, deserialize_with = "de::text")]
    pub uname: Option<String>,
    /// Phones, `;`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub tel: Option<String>,
    /// Emails, `;`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub email: Option<String>,
    /// Attachment URLs; `;`-separated with a leading `;` in the example (EN prose says `,`,
    /// I-32: split on both).
    #[serde(default, deserialize_with = "de::text")]
    pub file_str: Option<String>,
    /// Custom fields.
    #[serde(default, deserialize_with = "de::list")]
    pub result_list: Vec<ExportedField>,
    /// Replies.
    #[serde(default, deserialize_with = "de::list")]
    pub deal_list: Vec<ExportedReply>,
    /// History.
    #[serde(default, deserialize_with = "de::list")]
    pub update_log_list: Vec<ExportedLogEntry>,
}

impl ExportedTicket {
    /// The attachment URLs, split on `;` or `,` with empty pieces dropped.
    pub fn file_urls(&self) -> Vec<&str> {
        self.file_str
            .as_deref()
            .unwrap_or_default()
            .split([';', ','])
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .collect()
    }
}

/// Picks the records out of whatever container the export answered with.
fn records(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(mut map) => {
            for key in ["items", "item", "data"] {
                if let Some(inner) = map.remove(key).filter(|v| !v.is_null()) {
                    return records(inner);
                }
            }
            serde_json::Value::Array(vec![serde_json::Value::Object(map)])
        }
        array @ serde_json::Value::Array(_) => array,
        other => other,
    }
}

impl Tickets<'_> {
    /// `POST /api/wb/5/data/export_data` (note `wb`): the tickets Sobot prepared for one day
    /// (ask Sobot to prepare the data first).
    pub async fn export(&self, request: &ExportRequest) -> Result<Vec<ExportedTicket>> {
        let mut api =
            ApiRequest::post_json("api/wb/5/data/export_data", json_body(request)?).idempotent();
        api.enveloped = false;
        let mut value: serde_json::Value = self.client.call(&api).await?;
        if let serde_json::Value::Object(map) = &mut value {
            map.remove("ret_code");
            map.remove("ret_msg");
        }
        Ok(vendor_http::decode_value(records(value))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_found_in_any_container() {
        let bare = serde_json::json!({"ticketId": "a"});
        assert_eq!(
            records(bare.clone()),
            serde_json::json!([{"ticketId": "a"}])
        );
        let enveloped = serde_json::json!({"items": [{"ticketId": "a"}]});
        assert_eq!(records(enveloped), serde_json::json!([{"ticketId": "a"}]));
        let array = serde_json::json!([{"ticketId": "a"}]);
        assert_eq!(records(array.clone()), array);
    }

    #[test]
    fn file_urls_split_on_either_separator() {
        let ticket = ExportedTicket {
            file_str: Some(";https://a/1.jpg;https://a/2.jpg, https://a/3.jpg".into()),
            ..serde_json::from_str("{}").expect("empty record")
        };
        assert_eq!(
            ticket.file_urls(),
            vec!["https://a/1.jpg", "https://a/2.jpg", "https://a/3.jpg"]
        );
    }

    #[test]
    fn the_request_is_the_ticket_module_of_a_day() {
        let date = NaiveDate::from_ymd_opt(2019, 11, 5).expect("date");
        let request = ExportRequest::tickets_of(date);
        assert_eq!(
            serde_json::to_value(&request).expect("encodes"),
            serde_json::json!({"task_type": "6", "date": "2019-11-05"})
        );
    }
}
