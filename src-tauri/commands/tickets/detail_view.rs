//! Ticket detail, writes and new tickets as they cross IPC.

use serde::{Deserialize, Serialize};
use switchboard_core::store::ticket_rows::TicketRow;
use switchboard_core::tickets::detail::{self, TicketDetail};
use switchboard_core::tickets::{NewTicketInput, ReplyInput, TicketChange};

use super::types::{TicketRowView, ms_out};

/// Changes to a ticket (`null` leaves a field as it is).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketChangeInput {
    /// Title.
    pub title: Option<String>,
    /// Status code.
    pub status: Option<String>,
    /// Priority code.
    pub priority: Option<String>,
    /// Assignee id.
    pub assignee_id: Option<String>,
    /// Group id.
    pub group_id: Option<String>,
}

impl From<TicketChangeInput> for TicketChange {
    fn from(c: TicketChangeInput) -> Self {
        Self {
            title: c.title,
            status: c.status,
            priority: c.priority,
            assignee_id: c.assignee_id,
            group_id: c.group_id,
        }
    }
}

/// A reply or internal note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ReplyInputView {
    /// Content (HTML allowed).
    pub content: String,
    /// Internal note.
    pub internal: bool,
    /// Uploaded attachment references.
    pub attachments: Vec<String>,
    /// Changes made with it.
    pub change: TicketChangeInput,
}

impl From<ReplyInputView> for ReplyInput {
    fn from(r: ReplyInputView) -> Self {
        Self {
            content: r.content,
            internal: r.internal,
            attachments: r.attachments,
            change: r.change.into(),
        }
    }
}

/// A new ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct NewTicketView {
    /// Title.
    pub title: String,
    /// Description.
    pub content: String,
    /// Sobot: on the customer's behalf.
    pub as_customer: bool,
    /// Customer id.
    pub customer_id: Option<String>,
    /// Customer email.
    pub customer_email: Option<String>,
    /// Customer phone.
    pub customer_phone: Option<String>,
    /// Category (Sobot leaf).
    pub category_id: Option<String>,
    /// Template (Udesk).
    pub template_id: Option<String>,
    /// Status code.
    pub status: Option<String>,
    /// Priority code.
    pub priority: Option<String>,
    /// Source code.
    pub source: Option<String>,
    /// Assignee id.
    pub assignee_id: Option<String>,
    /// Group id.
    pub group_id: Option<String>,
    /// Custom field values by key.
    pub fields: std::collections::BTreeMap<String, String>,
    /// Uploaded attachment references.
    pub attachments: Vec<String>,
}

impl From<NewTicketView> for NewTicketInput {
    fn from(t: NewTicketView) -> Self {
        Self {
            title: t.title,
            content: t.content,
            as_customer: t.as_customer,
            customer_id: t.customer_id,
            customer_email: t.customer_email,
            customer_phone: t.customer_phone,
            category_id: t.category_id,
            template_id: t.template_id,
            status: t.status,
            priority: t.priority,
            source: t.source,
            assignee_id: t.assignee_id,
            group_id: t.group_id,
            fields: t.fields,
            attachments: t.attachments,
        }
    }
}

/// A file of a ticket or reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentView {
    /// Name.
    pub name: String,
    /// URL.
    pub url: String,
    /// Size in bytes.
    pub size: Option<f64>,
}

impl From<detail::Attachment> for AttachmentView {
    fn from(a: detail::Attachment) -> Self {
        Self {
            name: a.name,
            url: a.url,
            size: a.size.map(|bytes| bytes as f64),
        }
    }
}

/// Who wrote a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum AuthorKindView {
    /// Agent.
    Agent,
    /// Customer.
    Customer,
    /// Automation or system.
    System,
    /// Unknown.
    Unknown,
}

/// A reply or note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReplyView {
    /// Reply id.
    pub id: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Author kind.
    pub author_kind: AuthorKindView,
    /// Internal note.
    pub internal: bool,
    /// Vendor HTML (sanitize before rendering).
    pub html: String,
    /// When (ms).
    pub at_ms: Option<f64>,
    /// Files.
    pub attachments: Vec<AttachmentView>,
}

/// A history entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    /// When (ms).
    pub at_ms: Option<f64>,
    /// Who.
    pub actor: Option<String>,
    /// What.
    pub summary: String,
}

/// The ticket's customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerView {
    /// Id.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Email.
    pub email: Option<String>,
}

/// The customer's rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SatisfactionView {
    /// Score or label.
    pub score: String,
    /// Comment.
    pub remark: Option<String>,
    /// When (ms).
    pub at_ms: Option<f64>,
}

/// A custom field value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldValueView {
    /// Field id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
}

/// A ticket as the detail view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TicketDetailView {
    /// The ticket's row (also its version: `updatedAtMs`).
    pub ticket: TicketRowView,
    /// Full content (vendor HTML; sanitize before rendering).
    pub content_html: String,
    /// Category name.
    pub category_name: Option<String>,
    /// Conversation, oldest first.
    pub replies: Vec<ReplyView>,
    /// History, oldest first.
    pub history: Vec<HistoryView>,
    /// Customer.
    pub customer: Option<CustomerView>,
    /// Rating.
    pub satisfaction: Option<SatisfactionView>,
    /// Ticket files.
    pub attachments: Vec<AttachmentView>,
    /// Custom field values.
    pub fields: Vec<FieldValueView>,
}

impl From<TicketDetail> for TicketDetailView {
    fn from(d: TicketDetail) -> Self {
        let content_html = d.ticket.content.clone();
        Self {
            ticket: TicketRow::from_stored(d.ticket, None).into(),
            content_html,
            category_name: d.category_name,
            replies: d
                .replies
                .into_iter()
                .map(|r| ReplyView {
                    id: r.id,
                    author: r.author,
                    author_kind: match r.author_kind {
                        detail::AuthorKind::Agent => AuthorKindView::Agent,
                        detail::AuthorKind::Customer => AuthorKindView::Customer,
                        detail::AuthorKind::System => AuthorKindView::System,
                        detail::AuthorKind::Unknown => AuthorKindView::Unknown,
                    },
                    internal: r.internal,
                    html: r.html,
                    at_ms: r.at_ms.map(ms_out),
                    attachments: r
                        .attachments
                        .into_iter()
                        .map(AttachmentView::from)
                        .collect(),
                })
                .collect(),
            history: d
                .history
                .into_iter()
                .map(|h| HistoryView {
                    at_ms: h.at_ms.map(ms_out),
                    actor: h.actor,
                    summary: h.summary,
                })
                .collect(),
            customer: d.customer.map(|c| CustomerView {
                id: c.id,
                name: c.name,
                phone: c.phone,
                email: c.email,
            }),
            satisfaction: d.satisfaction.map(|s| SatisfactionView {
                score: s.score,
                remark: s.remark,
                at_ms: s.at_ms.map(ms_out),
            }),
            attachments: d
                .attachments
                .into_iter()
                .map(AttachmentView::from)
                .collect(),
            fields: d
                .fields
                .into_iter()
                .map(|f| FieldValueView {
                    id: f.id,
                    name: f.name,
                    value: f.value,
                })
                .collect(),
        }
    }
}

/// What a guarded write did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum WriteResult {
    /// Written; the ticket now.
    Done {
        /// The ticket.
        ticket: TicketDetailView,
    },
    /// Not written: it changed at the vendor since the user's version; here it is.
    Conflict {
        /// The ticket as it is now.
        ticket: TicketDetailView,
    },
}
