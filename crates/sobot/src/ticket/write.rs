//! Creating, replying to, reminding, rating and re-binding tickets (sobot-ticket.md
//! §6.9-6.12, 6.15, 6.16, 6.24, 6.25).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::{ContactType, ReplyVisibility, TicketLevel, TicketSource, TicketStatus};
use crate::client::{ApiRequest, require_item};
use crate::config::TimeDialect;
use crate::envelope::{ItemEnvelope, StatusEnvelope};
use crate::error::{Error, Result};
use crate::time::format_datetime;
use crate::wire::{json_body, query_pairs};

/// A custom field value (`extend_fields[]`). For a cascade field send the lowest-level
/// `data_value`; for a region field the comma-separated codes (001:2578).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    /// Field ID.
    pub fieldid: String,
    /// Value (option code for selection fields).
    pub field_value: String,
}

/// A CC'd agent (`copy_agent[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyAgent {
    /// Agent name.
    pub agent_name: String,
    /// Agent email.
    pub agent_mail: String,
}

/// Joins attachment URLs with `;`, the separator of `file_str` and `reply_file_str`.
pub fn join_file_urls<S: AsRef<str>>(urls: &[S]) -> String {
    urls.iter()
        .map(|u| u.as_ref())
        .collect::<Vec<_>>()
        .join(";")
}

/// Body of `save_user_ticket`: a ticket created on the customer's behalf.
///
/// The customer is matched by `userid` > `partnerid` > `user_emails` > `user_tels`, or created.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerTicket {
    /// Company ID.
    pub companyid: String,
    /// Title (max 100).
    pub ticket_title: String,
    /// Description, may contain HTML (max 5000).
    pub ticket_content: String,
    /// A leaf category ID.
    pub ticket_typeid: String,
    /// A customer-side source (1, 2, 3, 4, 12, ...).
    pub ticket_from: TicketSource,
    /// Customer ID.
    pub userid: Option<String>,
    /// The customer's ID in your system.
    pub partnerid: Option<String>,
    /// Customer email.
    pub user_emails: Option<String>,
    /// Customer phone.
    pub user_tels: Option<String>,
    /// Attachment URLs from [`Tickets::upload_as_customer`], `;`-joined ([`join_file_urls`]).
    pub file_str: Option<String>,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extend_fields: Vec<FieldValue>,
    /// Preferred contact channel; send with `first_contact_info` or not at all.
    pub first_contact_type: Option<ContactType>,
    /// Preferred contact value.
    pub first_contact_info: Option<String>,
}

/// Body of `save_agent_ticket`: a ticket created by an agent.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentTicket {
    /// Company ID.
    pub companyid: String,
    /// Title.
    pub ticket_title: String,
    /// Description.
    pub ticket_content: String,
    /// An agent-side source (0, 6, 7, 8, ...).
    pub ticket_from: TicketSource,
    /// Creating agent ID. The EN example spells it `"create_agentid "` (000:2495); ZH has it
    /// right (001:2681), which we follow.
    pub create_agentid: String,
    /// Creating agent name.
    pub create_agent_name: String,
    /// Status code (built-in or custom).
    pub ticket_status: TicketStatus,
    /// Priority.
    pub ticket_level: TicketLevel,
    /// A leaf category ID.
    pub ticket_typeid: String,
    /// Customer ID (required with `first_contact_*`).
    pub userid: Option<String>,
    /// Receiving skill group ID.
    pub deal_groupid: Option<String>,
    /// Receiving skill group name.
    pub deal_group_name: Option<String>,
    /// Receiving agent ID (must belong to the group, `400013`).
    pub deal_agentid: Option<String>,
    /// Receiving agent name.
    pub deal_agent_name: Option<String>,
    /// Related call or chat record ID.
    pub recordid: Option<String>,
    /// Attachment URLs from [`Tickets::upload_as_agent`], `;`-joined.
    pub file_str: Option<String>,
    /// CC'd agents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copy_agent: Vec<CopyAgent>,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extend_fields: Vec<FieldValue>,
    /// Preferred contact channel.
    pub first_contact_type: Option<ContactType>,
    /// Preferred contact value.
    pub first_contact_info: Option<String>,
}

/// `item` of the create answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedTicket {
    /// The new ticket's ID.
    #[serde(deserialize_with = "vendor_http::lenient::string")]
    pub ticketid: String,
}

/// Body of `save_user_reply`: a reply from the customer (visible to everyone).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerReply {
    /// Ticket ID.
    pub ticketid: String,
    /// Reply text.
    pub reply_content: String,
    /// Attachment URLs, `;`-joined.
    pub file_str: Option<String>,
}

/// Body of `save_ticket_reply`: an agent reply, which also updates the ticket (send the current
/// title, content, status and level unless changing them).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentReply {
    /// Ticket ID.
    pub ticketid: String,
    /// Ticket title.
    pub ticket_title: String,
    /// Ticket description.
    pub ticket_content: String,
    /// When the agent read the ticket (stale reads give `400016`). Sent as
    /// `get_ticket_datetime_ms` (EN table, 000:2605) or `get_ticket_datetime` (ZH table
    /// 001:2790 and the EN example 000:2639) per the connection's [`TimeDialect`].
    #[serde(skip)]
    pub read_at: Option<DateTime<Utc>>,
    /// Who sees the reply.
    pub reply_type: ReplyVisibility,
    /// Replying agent ID.
    pub reply_agentid: String,
    /// Replying agent name.
    pub reply_agent_name: String,
    /// New or current status code.
    pub ticket_status: TicketStatus,
    /// New or current priority.
    pub ticket_level: TicketLevel,
    /// Reply text.
    pub reply_content: Option<String>,
    /// Reassign to this group.
    pub deal_groupid: Option<String>,
    /// The group's name.
    pub deal_group_name: Option<String>,
    /// Reassign to this agent.
    pub deal_agentid: Option<String>,
    /// The agent's name.
    pub deal_agent_name: Option<String>,
    /// Reply attachment URLs, `;`-joined. Named `reply_file_str` here, not `file_str` (I-21).
    pub reply_file_str: Option<String>,
    /// CC'd agents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copy_agent: Vec<CopyAgent>,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extend_fields: Vec<FieldValue>,
}

/// Which ticket: by ID or by number (`ticketid` wins if both are sent, 001:2990).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketRef {
    /// The ticket ID.
    Id(String),
    /// The ticket number, e.g. `20240903000001`.
    Code(String),
}

/// Body of `reminder`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// Ticket ID (this or `ticket_code`).
    pub ticketid: Option<String>,
    /// Ticket number (this or `ticketid`).
    pub ticket_code: Option<String>,
    /// The agent sending the reminder.
    pub reminder_agentid: String,
    /// Reason or note.
    pub reminder_remark: String,
}

impl Reminder {
    /// A reminder for `ticket` from `agentid`.
    pub fn new(ticket: TicketRef, agentid: impl Into<String>, remark: impl Into<String>) -> Self {
        let (ticketid, ticket_code) = match ticket {
            TicketRef::Id(id) => (Some(id), None),
            TicketRef::Code(code) => (None, Some(code)),
        };
        Self {
            ticketid,
            ticket_code,
            reminder_agentid: agentid.into(),
            reminder_remark: remark.into(),
        }
    }
}

/// Query of `add_ticket_evaluation` (camelCase, unlike every other endpoint, I-24).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    /// Ticket ID.
    pub ticket_id: String,
    /// Company ID.
    pub company_id: String,
    /// 1-5 stars.
    pub score: u8,
    /// Comment.
    pub remark: Option<String>,
}

/// Body of `del_reply_infos`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteReply {
    /// Ticket ID.
    pub ticketid: String,
    /// Reply ID (`deal_list[].replyid`).
    pub replyid: String,
    /// Operating agent ID.
    pub agentid: Option<String>,
}

/// Query of `update_ticket_user` (`ticket_id`/`user_id` with underscores, I-33).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeTicketCustomer {
    /// Ticket ID (this or `ticket_code`).
    pub ticket_id: Option<String>,
    /// Ticket number (this or `ticket_id`).
    pub ticket_code: Option<String>,
    /// The new customer ID.
    pub user_id: String,
}

impl ChangeTicketCustomer {
    /// Re-binds `ticket` to customer `user_id`.
    pub fn new(ticket: TicketRef, user_id: impl Into<String>) -> Self {
        let (ticket_id, ticket_code) = match ticket {
            TicketRef::Id(id) => (Some(id), None),
            TicketRef::Code(code) => (None, Some(code)),
        };
        Self {
            ticket_id,
            ticket_code,
            user_id: user_id.into(),
        }
    }
}

/// The `item` of a create answer, also accepting an answer without `item` as an error.
fn created(envelope: ItemEnvelope<CreatedTicket>) -> Result<String> {
    require_item(envelope).map(|item| item.ticketid)
}

impl Tickets<'_> {
    /// `POST /api/ws/5/ticket/save_user_ticket`: creates a ticket as the customer; returns its
    /// ID. Not retried on timeouts (it would duplicate the ticket).
    pub async fn create_as_customer(&self, ticket: &CustomerTicket) -> Result<String> {
        let request = ApiRequest::post_json("api/ws/5/ticket/save_user_ticket", json_body(ticket)?);
        created(self.client.call(&request).await?)
    }

    /// `POST /api/ws/5/ticket/save_agent_ticket`: creates a ticket as an agent; returns its ID.
    pub async fn create_as_agent(&self, ticket: &AgentTicket) -> Result<String> {
        let request =
            ApiRequest::post_json("api/ws/5/ticket/save_agent_ticket", json_body(ticket)?);
        created(self.client.call(&request).await?)
    }

    /// `POST /api/ws/5/ticket/save_user_reply`: adds a customer reply.
    pub async fn reply_as_customer(&self, reply: &CustomerReply) -> Result<()> {
        let request = ApiRequest::post_json("api/ws/5/ticket/save_user_reply", json_body(reply)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/ws/5/ticket/save_ticket_reply`: adds an agent reply and updates the ticket.
    /// Without [`AgentReply::read_at`] the current time is sent.
    pub async fn reply_as_agent(&self, reply: &AgentReply) -> Result<()> {
        let mut body = json_body(reply)?;
        let read_at = reply.read_at.unwrap_or_else(|| {
            DateTime::<Utc>::from_timestamp_millis(self.client.clock().unix_millis())
                .unwrap_or_default()
        });
        let config = self.client.config();
        let (key, value) = match config.time_dialect {
            TimeDialect::EpochMillis => (
                "get_ticket_datetime_ms",
                serde_json::Value::from(read_at.timestamp_millis()),
            ),
            TimeDialect::DateTime => (
                "get_ticket_datetime",
                serde_json::Value::from(format_datetime(read_at, config.utc_offset)),
            ),
        };
        if let serde_json::Value::Object(map) = &mut body {
            map.insert(key.to_owned(), value);
        }
        let request = ApiRequest::post_json("api/ws/5/ticket/save_ticket_reply", body);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/ws/5/ticket/reminder`: chases a ticket (shows in the push as `is_reminder`).
    pub async fn remind(&self, reminder: &Reminder) -> Result<()> {
        if reminder.ticketid.is_none() && reminder.ticket_code.is_none() {
            return Err(Error::InvalidRequest(
                "a reminder needs a ticket ID or a ticket code".into(),
            ));
        }
        let request = ApiRequest::post_json("api/ws/5/ticket/reminder", json_body(reminder)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/ws/5/ticket/add_ticket_evaluation`: rates a ticket 1-5. The parameters go in
    /// the query string with no body, as the example does (000:2868); no content type is
    /// documented.
    pub async fn rate(&self, evaluation: &Evaluation) -> Result<()> {
        if !(1..=5).contains(&evaluation.score) {
            return Err(Error::InvalidRequest(format!(
                "score must be 1-5, not {}",
                evaluation.score
            )));
        }
        let request = ApiRequest::post_query(
            "api/ws/5/ticket/add_ticket_evaluation",
            query_pairs(evaluation)?,
        );
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/ws/5/ticket/del_reply_infos`: deletes a reply (`400021` if unknown).
    pub async fn delete_reply(&self, request: &DeleteReply) -> Result<()> {
        let request = ApiRequest::post_json("api/ws/5/ticket/del_reply_infos", json_body(request)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/ws/5/ticket/update_ticket_user`: moves a ticket to another customer.
    ///
    /// The parameters go in the query string with no body, as the only example does
    /// (000:4611); its `multipart/form-data` header without a boundary is not copied.
    pub async fn change_customer(&self, change: &ChangeTicketCustomer) -> Result<()> {
        if change.ticket_id.is_none() && change.ticket_code.is_none() {
            return Err(Error::InvalidRequest(
                "changing the customer needs a ticket ID or a ticket code".into(),
            ));
        }
        let request =
            ApiRequest::post_query("api/ws/5/ticket/update_ticket_user", query_pairs(change)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }
}
