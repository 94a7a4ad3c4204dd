//! Ticket records as the list, detail and push-failure endpoints return them.
//!
//! Times come as `yyyy-MM-dd HH:mm:ss` strings (UTC+8 by default) and, in the EN doc only, a
//! `*_ms` epoch-millisecond twin. Both are kept as sent.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::codes::{
    FieldType, LogSource, ReplyKind, ReplyVisibility, StartType, TicketLevel, TicketSource,
    TicketStatus,
};
use crate::de;

/// A ticket as listed by `query_tickets` / `query_tickets_by_update_time` (no IDs of category,
/// customer or agent and no custom fields: use the detail for those).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketSummary {
    /// Ticket ID.
    #[serde(default, deserialize_with = "de::text")]
    pub ticketid: Option<String>,
    /// Ticket number.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_code: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_title: Option<String>,
    /// Description (HTML).
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_content: Option<String>,
    /// Source.
    pub ticket_from: Option<TicketSource>,
    /// Priority.
    pub ticket_level: Option<TicketLevel>,
    /// Status code.
    pub ticket_status: Option<TicketStatus>,
    /// Creator kind.
    pub start_type: Option<StartType>,
    /// Creator name.
    #[serde(default, deserialize_with = "de::text")]
    pub start_name: Option<String>,
    /// Category path `L1/L2/L3`.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_type_name: Option<String>,
    /// Receiving agent.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agent_name: Option<String>,
    /// Receiving group.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_group_name: Option<String>,
    /// Created at (`yyyy-MM-dd HH:mm:ss`).
    #[serde(default, deserialize_with = "de::text")]
    pub create_datetime: Option<String>,
    /// Created at, epoch ms (EN only; implausible 14-digit values in the example, I-6).
    #[serde(default, deserialize_with = "de::int")]
    pub create_datetime_ms: Option<i64>,
    /// Updated at.
    #[serde(default, deserialize_with = "de::text")]
    pub update_datetime: Option<String>,
    /// Updated at, epoch ms (EN only).
    #[serde(default, deserialize_with = "de::int")]
    pub update_datetime_ms: Option<i64>,
    /// Customer nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub user_nick: Option<String>,
    /// Customer real name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_name: Option<String>,
    /// Customer phones, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub user_tels: Option<String>,
    /// Customer emails, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub user_emails: Option<String>,
    /// Rated at.
    #[serde(default, deserialize_with = "de::text")]
    pub evaluation_datetime: Option<String>,
    /// Rated at, epoch ms (EN only).
    #[serde(default, deserialize_with = "de::int")]
    pub evaluation_datetime_ms: Option<i64>,
    /// Rating, 1-5.
    #[serde(default, deserialize_with = "de::int")]
    pub score: Option<i64>,
    /// Rating comment.
    #[serde(default, deserialize_with = "de::text")]
    pub remark: Option<String>,
}

/// An attachment of a ticket or reply.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    /// File name.
    #[serde(default, deserialize_with = "de::text")]
    pub file_name: Option<String>,
    /// URL (any host; unencoded spaces possible, I-38).
    #[serde(default, deserialize_with = "de::text")]
    pub file_url: Option<String>,
    /// Extension-like type, e.g. `jpg`.
    #[serde(default, deserialize_with = "de::text")]
    pub file_type: Option<String>,
}

/// A custom field value on a ticket.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketFieldValue {
    /// Field ID.
    #[serde(default, deserialize_with = "de::text")]
    pub fieldid: Option<String>,
    /// Field name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_name: Option<String>,
    /// Field type.
    pub field_type: Option<FieldType>,
    /// Option label, for selection fields.
    #[serde(default, deserialize_with = "de::text")]
    pub field_text: Option<String>,
    /// Value (option code for selection fields).
    #[serde(default, deserialize_with = "de::text")]
    pub field_value: Option<String>,
    /// Display order, ascending.
    #[serde(default, deserialize_with = "de::int")]
    pub field_sortno: Option<i64>,
}

/// An integration ("docking") field on a ticket.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationField {
    /// Field ID.
    #[serde(default, deserialize_with = "de::text")]
    pub fieldid: Option<String>,
    /// Field name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_name: Option<String>,
    /// Value. The push doc spells it `fidle_value` and its example `"field_value "` (I-34).
    #[serde(
        default,
        alias = "fidle_value",
        alias = "field_value ",
        deserialize_with = "de::text"
    )]
    pub field_value: Option<String>,
}

/// A reply in a ticket's `deal_list`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketReply {
    /// Reply ID.
    #[serde(default, deserialize_with = "de::text")]
    pub replyid: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_title: Option<String>,
    /// Content (for a call reply, the call ID).
    #[serde(default, deserialize_with = "de::text")]
    pub reply_content: Option<String>,
    /// Visibility.
    pub reply_type: Option<ReplyVisibility>,
    /// Kind of reply.
    pub reply_type_new: Option<ReplyKind>,
    /// Replied at.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_datetime: Option<String>,
    /// Replied at, epoch ms (EN only).
    #[serde(default, deserialize_with = "de::int")]
    pub reply_datetime_ms: Option<i64>,
    /// Who replied.
    pub start_type: Option<StartType>,
    /// Replier name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_user_name: Option<String>,
    /// Replier avatar URL (trailing spaces in examples, I-29).
    #[serde(default, deserialize_with = "de::text")]
    pub face_img: Option<String>,
    /// Attachments.
    #[serde(default, deserialize_with = "de::list")]
    pub file_list: Vec<FileInfo>,
}

/// An entry of a ticket's history (`update_log_list`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketLogEntry {
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub update_title: Option<String>,
    /// The changed fields as JSON text, kept raw because the vendor's text is not always valid
    /// JSON (I-28); see [`TicketLogEntry::parsed_contents`].
    #[serde(default, deserialize_with = "de::text")]
    pub update_contents: Option<String>,
    /// What caused it.
    pub log_from: Option<LogSource>,
    /// When.
    #[serde(default, deserialize_with = "de::text")]
    pub update_datetime: Option<String>,
    /// When, epoch ms (EN only).
    #[serde(default, deserialize_with = "de::int")]
    pub update_datetime_ms: Option<i64>,
    /// Who.
    pub start_type: Option<StartType>,
    /// Operator name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_agent_name: Option<String>,
    /// Operator avatar URL.
    #[serde(default, deserialize_with = "de::text")]
    pub face_img: Option<String>,
}

impl TicketLogEntry {
    /// `update_contents` decoded, if it is valid JSON.
    pub fn parsed_contents(&self) -> Option<serde_json::Value> {
        self.update_contents
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok())
    }
}

/// `item` of `get_ticket_by_id`: the ticket with replies and history.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketDetail {
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Ticket ID.
    #[serde(default, deserialize_with = "de::text")]
    pub ticketid: Option<String>,
    /// Ticket number.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_code: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_title: Option<String>,
    /// Description (HTML).
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_content: Option<String>,
    /// Source.
    pub ticket_from: Option<TicketSource>,
    /// Priority.
    pub ticket_level: Option<TicketLevel>,
    /// Status code.
    pub ticket_status: Option<TicketStatus>,
    /// Category ID.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_typeid: Option<String>,
    /// Category path.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_type_name: Option<String>,
    /// Creator kind.
    pub start_type: Option<StartType>,
    /// Creator name.
    #[serde(default, deserialize_with = "de::text")]
    pub start_name: Option<String>,
    /// Receiving group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_groupid: Option<String>,
    /// Receiving group name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_group_name: Option<String>,
    /// Receiving agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agentid: Option<String>,
    /// Receiving agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agent_name: Option<String>,
    /// Related chat or call record ID.
    #[serde(default, deserialize_with = "de::text")]
    pub recordid: Option<String>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Customer nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub user_nick: Option<String>,
    /// Customer real name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_name: Option<String>,
    /// Customer phones, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub user_tels: Option<String>,
    /// Customer emails, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub user_emails: Option<String>,
    /// Last editor.
    #[serde(default, deserialize_with = "de::text")]
    pub update_agent_name: Option<String>,
    /// Created at.
    #[serde(default, deserialize_with = "de::text")]
    pub create_datetime: Option<String>,
    /// Created at, epoch ms (EN only).
    #[serde(default, deserialize_with = "de::int")]
    pub create_datetime_ms: Option<i64>,
    /// Updated at.
    #[serde(default, deserialize_with = "de::text")]
    pub update_datetime: Option<String>,
    /// Updated at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub update_datetime_ms: Option<i64>,
    /// Rated at.
    #[serde(default, deserialize_with = "de::text")]
    pub evaluation_datetime: Option<String>,
    /// Rated at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub evaluation_datetime_ms: Option<i64>,
    /// Closed at.
    #[serde(default, deserialize_with = "de::text")]
    pub closed_datetime: Option<String>,
    /// Closed at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub closed_datetime_ms: Option<i64>,
    /// First response at.
    #[serde(default, deserialize_with = "de::text")]
    pub first_accept_datetime: Option<String>,
    /// First response at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub first_accept_datetime_ms: Option<i64>,
    /// First resolution at.
    #[serde(default, deserialize_with = "de::text")]
    pub first_complete_datetime: Option<String>,
    /// First resolution at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub first_complete_datetime_ms: Option<i64>,
    /// Rating, 1-5.
    #[serde(default, deserialize_with = "de::int")]
    pub score: Option<i64>,
    /// Rating comment.
    #[serde(default, deserialize_with = "de::text")]
    pub remark: Option<String>,
    /// Creating groups, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub create_group_names: Option<String>,
    /// Follower agent IDs, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub concern_serviceid: Option<String>,
    /// Follower names, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub concern_service_name: Option<String>,
    /// Linked ticket IDs, `,`-separated (ZH only).
    #[serde(default, deserialize_with = "de::text")]
    pub relation_ticketid: Option<String>,
    /// Receiving inbox (ZH only).
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_email: Option<String>,
    /// Attachments.
    #[serde(default, deserialize_with = "de::list")]
    pub file_list: Vec<FileInfo>,
    /// Custom field values.
    #[serde(default, deserialize_with = "de::list")]
    pub extend_fields_list: Vec<TicketFieldValue>,
    /// Integration fields.
    #[serde(default, deserialize_with = "de::list")]
    pub params_extends_list: Vec<IntegrationField>,
    /// Replies.
    #[serde(default, deserialize_with = "de::list")]
    pub deal_list: Vec<TicketReply>,
    /// History.
    #[serde(default, deserialize_with = "de::list")]
    pub update_log_list: Vec<TicketLogEntry>,
}

/// A ticket push message that failed delivery (`query_ticket_push_fail_infos`). Reminder
/// messages are sparse.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushFailure {
    /// Ticket ID.
    #[serde(default, deserialize_with = "de::text")]
    pub ticketid: Option<String>,
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Ticket number.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_code: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_title: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_content: Option<String>,
    /// Source.
    pub ticket_from: Option<TicketSource>,
    /// Priority.
    pub ticket_level: Option<TicketLevel>,
    /// Status.
    pub ticket_status: Option<TicketStatus>,
    /// Category path.
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_type_name: Option<String>,
    /// Receiving agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agentid: Option<String>,
    /// Receiving agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_agent_name: Option<String>,
    /// Receiving group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_groupid: Option<String>,
    /// Receiving group name.
    #[serde(default, deserialize_with = "de::text")]
    pub deal_group_name: Option<String>,
    /// Reply content.
    #[serde(default, deserialize_with = "de::text")]
    pub reply_content: Option<String>,
    /// Updated at.
    #[serde(default, deserialize_with = "de::text")]
    pub update_datetime: Option<String>,
    /// Updated at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub update_datetime_ms: Option<i64>,
    /// Operator.
    #[serde(default, deserialize_with = "de::text")]
    pub update_agent_name: Option<String>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Customer nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub user_nick: Option<String>,
    /// Customer real name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_name: Option<String>,
    /// Customer phones.
    #[serde(default, deserialize_with = "de::text")]
    pub user_tels: Option<String>,
    /// Customer emails.
    #[serde(default, deserialize_with = "de::text")]
    pub user_emails: Option<String>,
    /// The customer's ID in your system.
    #[serde(default, deserialize_with = "de::text")]
    pub partnerid: Option<String>,
    /// Related record ID.
    #[serde(default, deserialize_with = "de::text")]
    pub recordid: Option<String>,
    /// Attachment URLs, `;`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub file_str: Option<String>,
    /// Recording URL.
    #[serde(default, deserialize_with = "de::text")]
    pub voice_url: Option<String>,
    /// First-response deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub hope_accept_time: Option<String>,
    /// First-response deadline, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub hope_accept_time_ms: Option<i64>,
    /// Resolution deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub hope_complete_time: Option<String>,
    /// Resolution deadline, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub hope_complete_time_ms: Option<i64>,
    /// `"1"` for a reminder message.
    #[serde(default, deserialize_with = "de::text")]
    pub is_reminder: Option<String>,
    /// Reminding agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_agentid: Option<String>,
    /// Reminding agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_agent_name: Option<String>,
    /// Reminder note.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_remark: Option<String>,
    /// Reminded at.
    #[serde(default, deserialize_with = "de::text")]
    pub reminder_time: Option<String>,
    /// Reminded at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub reminder_time_ms: Option<i64>,
    /// Custom field values.
    #[serde(default, deserialize_with = "de::list")]
    pub extend_fields_list: Vec<TicketFieldValue>,
}
