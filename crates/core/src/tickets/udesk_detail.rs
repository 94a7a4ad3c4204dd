//! Udesk ticket detail, replies and change logs mapped into [`TicketDetail`].

use udesk::tickets::{ChangeLog, FunctionType, Reply as UdeskReply, Ticket, UserType};

use super::detail::{
    Attachment, AuthorKind, Customer, FieldValue, HistoryEntry, Reply, Satisfaction, TicketDetail,
};
use crate::sync::UdeskTicketSource;

fn millis(text: &Option<String>) -> Option<i64> {
    text.as_deref()
        .and_then(udesk::time::parse)
        .map(|t| t.timestamp_millis())
}

fn field_text(value: &udesk::tickets::FieldValue) -> String {
    match value {
        udesk::tickets::FieldValue::Text(text) => text.clone(),
        udesk::tickets::FieldValue::Options(options) => options.join(", "),
        udesk::tickets::FieldValue::Other(other) => other.to_string(),
    }
}

/// Maps a Udesk ticket with its replies and change logs read through `source`.
pub(crate) fn map(
    source: &UdeskTicketSource,
    ticket: Ticket,
    replies: Vec<UdeskReply>,
    logs: Vec<ChangeLog>,
) -> TicketDetail {
    let attachments = ticket
        .attachments
        .iter()
        .filter_map(|a| {
            Some(Attachment {
                name: a.name.clone().unwrap_or_else(|| "attachment".into()),
                url: a.url.clone()?,
                size: None,
            })
        })
        .collect();
    let customer = ticket.user_id.as_ref().map(|id| Customer {
        id: Some(id.clone()),
        name: ticket.user_name.clone(),
        phone: ticket.user_cellphone.clone(),
        email: ticket.user_email.clone(),
    });
    let satisfaction = ticket
        .satisfaction
        .clone()
        .filter(|s| !s.trim().is_empty())
        .map(|score| Satisfaction {
            score,
            remark: None,
            at_ms: None,
        });
    let fields = ticket
        .custom_fields
        .iter()
        .map(|(key, value)| FieldValue {
            id: key.clone(),
            name: key.clone(),
            value: field_text(value),
        })
        .collect();
    let replies = replies
        .into_iter()
        .map(|r| {
            let author_kind = match r.author.as_ref().and_then(|a| a.user_type.as_ref()) {
                Some(UserType::Agent) => AuthorKind::Agent,
                Some(UserType::Customer) => AuthorKind::Customer,
                Some(_) => AuthorKind::System,
                None => AuthorKind::Unknown,
            };
            Reply {
                id: r.id.clone(),
                author: r
                    .author
                    .as_ref()
                    .and_then(|a| a.nick_name.clone().or_else(|| a.email.clone())),
                author_kind,
                internal: r.function_type.as_ref() == Some(&FunctionType::Internal),
                html: r.content.clone().unwrap_or_default(),
                at_ms: millis(&r.created_at),
                attachments: r
                    .attachments
                    .iter()
                    .filter_map(|a| {
                        Some(Attachment {
                            name: a.file_name.clone().unwrap_or_else(|| "attachment".into()),
                            url: a.url.clone()?,
                            size: a.file_size,
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    let history = logs
        .into_iter()
        .map(|log| HistoryEntry {
            at_ms: millis(&log.created_at),
            actor: log
                .author
                .as_ref()
                .and_then(|a| a.nick_name.clone().or_else(|| a.email.clone())),
            summary: log
                .changes
                .iter()
                .map(|c| {
                    c.description.clone().unwrap_or_else(|| {
                        format!(
                            "{}: {} → {}",
                            c.field_name
                                .as_deref()
                                .or(c.field.as_deref())
                                .unwrap_or("?"),
                            c.old_value.as_deref().unwrap_or(""),
                            c.new_value.as_deref().unwrap_or("")
                        )
                    })
                })
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    TicketDetail {
        ticket: source.to_stored(ticket),
        category_name: None,
        replies,
        history,
        customer,
        satisfaction,
        attachments,
        fields,
    }
    .sorted()
}
