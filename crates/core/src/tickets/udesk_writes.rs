//! Udesk ticket writes: replies (`agent_reply`), field changes (`PUT tickets/:id`), deletion.

use udesk::tickets::{
    AgentReply, FunctionType, Priority, TicketChanges, TicketKey, TicketStatus, TicketUpdate,
};

use super::actions::ReplyInput;
use super::agents::Agent;
use super::detail::TicketDetail;
use super::{Result, TicketsError};
use crate::sync::UdeskTicketSource;

/// The status id of a status code as the store keeps it (`open`, `solving`, ... or an id).
pub(crate) fn status_id(code: &str) -> Option<TicketStatus> {
    let id = match code.trim().to_ascii_lowercase().as_str() {
        "open" | "开启" | "1" => "1",
        "resolved" | "已解决" | "2" => "2",
        "closed" | "已关闭" | "3" => "3",
        "solving" | "解决中" | "4" => "4",
        other if !other.is_empty() && other.chars().all(|c| c.is_ascii_digit()) => {
            return Some(TicketStatus::from_code(other));
        }
        _ => return None,
    };
    Some(TicketStatus::from_code(id))
}

/// The priority id of a priority code (an id, or one of Udesk's names).
pub(crate) fn priority_id(code: &str) -> Option<Priority> {
    let id = match code.trim().to_ascii_lowercase().as_str() {
        "urgent" | "紧急" | "1" => "1",
        "high" | "高" | "2" => "2",
        "medium" | "normal" | "standard" | "标准" | "3" => "3",
        "low" | "低" | "4" => "4",
        other if !other.is_empty() && other.chars().all(|c| c.is_ascii_digit()) => {
            return Some(Priority::from_code(other));
        }
        _ => return None,
    };
    Some(Priority::from_code(id))
}

/// The update that applies `reply.change` to `current`, if anything changes.
pub(crate) fn update_of(
    current: &TicketDetail,
    reply: &ReplyInput,
) -> Result<Option<TicketUpdate>> {
    let change = &reply.change;
    if change.is_empty() {
        return Ok(None);
    }
    let invalid = |field: &str, value: &str| TicketsError::Invalid {
        field: field.into(),
        message: format!("{value} is not a Udesk {field}"),
    };
    let status_id = match &change.status {
        Some(code) => Some(status_id(code).ok_or_else(|| invalid("status", code))?),
        None => None,
    };
    let priority_id = match &change.priority {
        Some(code) => Some(priority_id(code).ok_or_else(|| invalid("priority", code))?),
        None => None,
    };
    Ok(Some(TicketUpdate {
        ticket: TicketChanges {
            subject: change
                .title
                .clone()
                .unwrap_or_else(|| current.ticket.title.clone()),
            agent_id: change.assignee_id.clone(),
            agent_group_id: change.group_id.clone(),
            status_id,
            priority_id,
            ..TicketChanges::default()
        },
        ..TicketUpdate::default()
    }))
}

/// Posts the reply (if it has content) and then applies the changes (if any).
pub(crate) async fn reply_and_change(
    source: &UdeskTicketSource,
    current: &TicketDetail,
    reply: &ReplyInput,
    agent: Option<&Agent>,
) -> Result<()> {
    let update = update_of(current, reply)?;
    let tickets = source.client().tickets();
    if let Some(agent) = agent {
        let body = AgentReply {
            ticket: TicketKey::Id(current.ticket.ticket_id.clone()),
            agent_id: agent.id.clone(),
            function_type: if reply.internal {
                FunctionType::Internal
            } else {
                FunctionType::External
            },
            new_reply: reply.content.clone(),
            cc: Vec::new(),
            cc_customer: Vec::new(),
            attachment_ids: reply.attachments.clone(),
        };
        tickets.agent_reply(&body).await?;
    }
    if let Some(update) = update {
        tickets.update(&current.ticket.ticket_id, &update).await?;
    }
    Ok(())
}

/// Deletes the ticket.
pub(crate) async fn delete(source: &UdeskTicketSource, ticket_id: &str) -> Result<()> {
    Ok(source
        .client()
        .tickets()
        .delete(&TicketKey::Id(ticket_id.to_owned()))
        .await?)
}
