//! A ticket as the detail view shows it, the same shape for Sobot and Udesk: content, replies,
//! change history, customer, satisfaction, attachments and custom field values.

use serde::{Deserialize, Serialize};

use crate::store::tickets::StoredTicket;

/// Who wrote a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    /// An agent.
    Agent,
    /// The customer.
    Customer,
    /// An automation, bot, trigger or the system.
    System,
    /// Not stated by the vendor.
    Unknown,
}

/// A file attached to a ticket or reply, opened or saved from its vendor URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// File name as the vendor shows it (Chinese names kept).
    pub name: String,
    /// Where the vendor serves it.
    pub url: String,
    /// Size in bytes, when the vendor says.
    pub size: Option<i64>,
}

/// One reply or note in a ticket's conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The vendor's reply id (Sobot replies can be deleted by it).
    pub id: Option<String>,
    /// Author's display name.
    pub author: Option<String>,
    /// Who wrote it.
    pub author_kind: AuthorKind,
    /// An internal note rather than a reply the customer sees.
    pub internal: bool,
    /// Content as the vendor sent it (HTML; the UI sanitizes it).
    pub html: String,
    /// When, Unix milliseconds.
    pub at_ms: Option<i64>,
    /// Its files.
    pub attachments: Vec<Attachment>,
}

/// One entry of a ticket's change history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When, Unix milliseconds.
    pub at_ms: Option<i64>,
    /// Who or what made the change.
    pub actor: Option<String>,
    /// What changed, in the vendor's words.
    pub summary: String,
}

/// The customer a ticket belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The vendor's customer id.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Email.
    pub email: Option<String>,
}

/// The customer's rating of the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Satisfaction {
    /// Score (Sobot 1-5) or the vendor's label (Udesk).
    pub score: String,
    /// The customer's comment.
    pub remark: Option<String>,
    /// When, Unix milliseconds.
    pub at_ms: Option<i64>,
}

/// A custom field's value on a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    /// Field id or key.
    pub id: String,
    /// Field name.
    pub name: String,
    /// Value as text (option labels where the vendor gives them).
    pub value: String,
}

/// Everything the detail view shows of one ticket, freshly read from the vendor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketDetail {
    /// The ticket's fields (also written to the local store).
    pub ticket: StoredTicket,
    /// The category's name, when the vendor gives it.
    pub category_name: Option<String>,
    /// The conversation, oldest first.
    pub replies: Vec<Reply>,
    /// The change history, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The customer.
    pub customer: Option<Customer>,
    /// The rating, if the customer gave one.
    pub satisfaction: Option<Satisfaction>,
    /// Files attached to the ticket itself.
    pub attachments: Vec<Attachment>,
    /// Custom field values.
    pub fields: Vec<FieldValue>,
}

impl TicketDetail {
    /// Sorts replies and history oldest first (entries without a time keep their order, last).
    pub(crate) fn sorted(mut self) -> Self {
        self.replies.sort_by_key(|r| r.at_ms.unwrap_or(i64::MAX));
        self.history.sort_by_key(|h| h.at_ms.unwrap_or(i64::MAX));
        self
    }
}
