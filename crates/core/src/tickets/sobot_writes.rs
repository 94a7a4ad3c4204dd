//! Sobot v5 ticket writes. A status, priority or assignment change is an agent reply
//! (`save_ticket_reply`) that carries the ticket's current title, content, status, level and
//! custom field values (required fields included), as the Ticket API requires (sobot-ticket.md
//! §6.12); without text it is sent as an internal reply.

use sobot::ticket::{
    AgentReply, ChangeTicketCustomer, DeleteReply, FieldValue, Reminder, ReplyVisibility,
    TicketLevel, TicketRef, TicketStatus, join_file_urls,
};

use super::actions::ReplyInput;
use super::agents::Agent;
use super::detail::TicketDetail;
use super::{Result, TicketsError};
use crate::sync::SobotTicketSource;

/// When the ticket was read, for Sobot's stale-read check (`400016`): the write follows a
/// fresh read, so "now" is true; it is rounded up to the next whole second because the
/// date-time dialect carries seconds only and a truncated time would look older than the
/// ticket's last update.
fn read_at() -> chrono::DateTime<chrono::Utc> {
    let next_second_ms = (crate::sync::unix_now_ms() / 1_000 + 1) * 1_000;
    chrono::DateTime::from_timestamp_millis(next_second_ms).unwrap_or_default()
}

fn name_of(list: &[(String, String)], id: &str) -> Option<String> {
    list.iter()
        .find(|(code, _)| code == id)
        .map(|(_, name)| name.clone())
}

/// The agent reply that writes `reply` onto `current`.
pub(crate) fn agent_reply(
    current: &TicketDetail,
    reply: &ReplyInput,
    agent: &Agent,
    agents: &[Agent],
    groups: &[(String, String)],
) -> Result<AgentReply> {
    let ticket = &current.ticket;
    let change = &reply.change;
    let status = change
        .status
        .clone()
        .unwrap_or_else(|| ticket.status_code.clone());
    if status.is_empty() {
        return Err(TicketsError::Invalid {
            field: "status".into(),
            message: "the ticket has no status to keep".into(),
        });
    }
    let level = change
        .priority
        .clone()
        .or_else(|| ticket.priority_code.clone())
        .unwrap_or_else(|| TicketLevel::Low.code().to_owned());
    let (deal_agentid, deal_agent_name) = match &change.assignee_id {
        Some(id) => {
            let found =
                agents
                    .iter()
                    .find(|a| &a.id == id)
                    .ok_or_else(|| TicketsError::Invalid {
                        field: "assigneeId".into(),
                        message: format!("{id} is not an agent of this connection"),
                    })?;
            (Some(found.id.clone()), Some(found.name.clone()))
        }
        None => (None, None),
    };
    let (deal_groupid, deal_group_name) = match &change.group_id {
        Some(id) => (
            Some(id.clone()),
            name_of(groups, id).or_else(|| Some(id.clone())),
        ),
        None => (None, None),
    };
    let extend_fields = ticket
        .custom_fields
        .as_object()
        .map(|fields| {
            fields
                .iter()
                .filter_map(|(id, value)| {
                    let text = value.as_str()?.to_owned();
                    (!text.is_empty()).then(|| FieldValue {
                        fieldid: id.clone(),
                        field_value: text,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let has_text = !reply.content.trim().is_empty();
    Ok(AgentReply {
        ticketid: ticket.ticket_id.clone(),
        ticket_title: change.title.clone().unwrap_or_else(|| ticket.title.clone()),
        ticket_content: ticket.content.clone(),
        read_at: Some(read_at()),
        reply_type: if reply.internal || !has_text {
            ReplyVisibility::Internal
        } else {
            ReplyVisibility::Public
        },
        reply_agentid: agent.id.clone(),
        reply_agent_name: agent.name.clone(),
        ticket_status: TicketStatus::from_code(&status),
        ticket_level: TicketLevel::from_code(&level),
        reply_content: has_text.then(|| reply.content.clone()),
        deal_groupid,
        deal_group_name,
        deal_agentid,
        deal_agent_name,
        reply_file_str: (!reply.attachments.is_empty()).then(|| join_file_urls(&reply.attachments)),
        copy_agent: Vec::new(),
        extend_fields,
    })
}

/// Writes a reply and its changes.
pub(crate) async fn reply(
    source: &SobotTicketSource,
    current: &TicketDetail,
    reply: &ReplyInput,
    agent: &Agent,
    agents: &[Agent],
    groups: &[(String, String)],
) -> Result<()> {
    let body = agent_reply(current, reply, agent, agents, groups)?;
    Ok(source.client().tickets().reply_as_agent(&body).await?)
}

/// Sends a reminder from `agent`.
pub(crate) async fn remind(
    source: &SobotTicketSource,
    ticket_id: &str,
    agent: &Agent,
    remark: &str,
) -> Result<()> {
    let reminder = Reminder::new(
        TicketRef::Id(ticket_id.to_owned()),
        agent.id.clone(),
        remark,
    );
    Ok(source.client().tickets().remind(&reminder).await?)
}

/// Deletes a reply.
pub(crate) async fn delete_reply(
    source: &SobotTicketSource,
    ticket_id: &str,
    reply_id: &str,
    agent: Option<&Agent>,
) -> Result<()> {
    let request = DeleteReply {
        ticketid: ticket_id.to_owned(),
        replyid: reply_id.to_owned(),
        agentid: agent.map(|a| a.id.clone()),
    };
    Ok(source.client().tickets().delete_reply(&request).await?)
}

/// Moves the ticket to another customer.
pub(crate) async fn change_customer(
    source: &SobotTicketSource,
    ticket_id: &str,
    customer_id: &str,
) -> Result<()> {
    let change = ChangeTicketCustomer::new(TicketRef::Id(ticket_id.to_owned()), customer_id);
    Ok(source.client().tickets().change_customer(&change).await?)
}
