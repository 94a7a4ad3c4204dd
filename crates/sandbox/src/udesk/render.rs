//! Tickets, replies and change logs written as Udesk writes them (003:162-202, 353-380,
//! 743-753, 844-870): IDs as integers, times ISO 8601 at +08:00, display names in Chinese with
//! `status_en` stable.

use serde_json::{Value, json};

use crate::clock::{UTC8, format_iso};
use crate::state::udesk::{
    UdeskAuthor, UdeskChangeLog, UdeskReply, UdeskState, UdeskTicket, platform_name, priority_name,
    status_names,
};

fn time(ms: Option<i64>) -> Value {
    ms.map_or(Value::Null, |ms| json!(format_iso(ms, UTC8)))
}

/// The custom field values: text as stored, select values comma-joined (`as_arrays`: update's
/// answer writes them as arrays of index strings).
fn custom_fields(ticket: &UdeskTicket, state: &UdeskState, as_arrays: bool) -> Value {
    let map = ticket
        .custom_fields
        .iter()
        .map(|(name, value)| {
            let select = state.field(name).is_some_and(|f| f.is_select());
            let value = if select && as_arrays {
                json!(
                    value
                        .split(',')
                        .filter(|v| !v.is_empty())
                        .collect::<Vec<_>>()
                )
            } else {
                json!(value)
            };
            (name.clone(), value)
        })
        .collect::<serde_json::Map<_, _>>();
    Value::Object(map)
}

fn satisfaction(ticket: &UdeskTicket, state: &UdeskState) -> Value {
    let Some((vote, _)) = &ticket.satisfaction else {
        return Value::Null;
    };
    state
        .survey
        .as_ref()
        .and_then(|s| s.options.iter().find(|(n, _)| n == vote))
        .map_or(json!(vote.to_string()), |(_, name)| json!(name))
}

fn attachments(ticket: &UdeskTicket) -> Value {
    ticket
        .attachments
        .iter()
        .map(|a| json!({"name": a.name, "url": a.url}))
        .collect()
}

/// A ticket as detail, list, tickets in filter and export return it; `detail` adds the
/// associated tickets.
pub(crate) fn ticket(state: &UdeskState, ticket: &UdeskTicket, detail: bool) -> Value {
    let customer = ticket.customer_id.and_then(|id| state.customer(id));
    let assignee = ticket.assignee_id.and_then(|id| state.agent(id));
    let group = ticket.group_id.and_then(|id| state.group(id));
    let (status, status_en) = status_names(ticket.status_id);
    let last = ticket.last_reply(None);
    let replied_by = last.map(|reply| author_name(state, &reply.author));
    let mut value = json!({
        "id": ticket.id,
        "field_num": ticket.num(),
        "subject": ticket.subject,
        "content": ticket.content,
        "content_type": ticket.content_type,
        "user_id": customer.map(|c| c.id),
        "user_name": customer.map(|c| c.name.clone()),
        "user_email": customer.map(|c| c.email.clone()),
        "user_cellphone": customer.map(|c| c.cellphone.clone()),
        "organization_id": customer.and_then(|c| c.organization_id),
        "assignee_id": assignee.map(|a| a.id),
        "assignee_name": assignee.map(|a| a.name.clone()),
        "assignee_avatar": assignee.map(|a| a.avatar.clone()),
        "user_group_id": group.map(|g| g.id),
        "user_group_name": group.map(|g| g.name.clone()),
        "template_id": ticket.template_id,
        "priority": priority_name(ticket.priority_id),
        "status": status,
        "status_en": status_en,
        "platform": platform_name(&ticket.platform),
        "im_sub_session_id": ticket.im_sub_session_id,
        "satisfaction": satisfaction(ticket, state),
        "custom_fields": custom_fields(ticket, state, false),
        "tags": ticket.tags.join(","),
        "followers": ticket.followers.iter().filter_map(|id| state.agent(*id))
            .map(|a| json!({"id": a.id, "nick_name": a.name})).collect::<Vec<_>>(),
        "attachments": attachments(ticket),
        "creator_id": ticket.creator_id,
        "created_at": time(Some(ticket.created_ms)),
        "updated_at": time(Some(ticket.updated_ms)),
        "solving_at": time(ticket.solving_ms),
        "resolved_at": time(ticket.resolved_ms),
        "closed_at": time(ticket.closed_ms),
        "solved_deadline": time(ticket.deadline_ms),
        "replied_at": time(last.map(|r| r.created_ms)),
        "agent_replied_at": time(ticket.last_reply(Some(true)).map(|r| r.created_ms)),
        "customer_replied_at": time(ticket.last_reply(Some(false)).map(|r| r.created_ms)),
        "replied_by": replied_by,
    });
    if detail {
        value["associated_tickets"] = ticket
            .associated
            .iter()
            .map(|(id, kind)| json!({"id": id, "field_num": format!("#{id}"), "associated_type": kind}))
            .collect();
    }
    value
}

/// A ticket as update's answer shapes it (different names, tags as objects).
pub(crate) fn updated(state: &UdeskState, ticket: &UdeskTicket) -> Value {
    let customer = ticket.customer_id.and_then(|id| state.customer(id));
    let agent = ticket.assignee_id.and_then(|id| state.agent(id));
    let group = ticket.group_id.and_then(|id| state.group(id));
    let (status, status_en) = status_names(ticket.status_id);
    json!({
        "id": ticket.id,
        "field_num": ticket.num(),
        "subject": ticket.subject,
        "content": ticket.content,
        "customer_id": customer.map(|c| c.id),
        "customer_name": customer.map(|c| c.name.clone()),
        "agent_id": agent.map(|a| a.id),
        "agent_name": agent.map(|a| a.name.clone()),
        "agent_avatar": agent.map(|a| a.avatar.clone()),
        "agent_group_id": group.map(|g| g.id),
        "agent_group_name": group.map(|g| g.name.clone()),
        "template_id": ticket.template_id,
        "priority": priority_name(ticket.priority_id),
        "status": status,
        "status_id": ticket.status_id,
        "status_en": status_en,
        "platform_name": ticket.platform,
        "im_sub_session_id": ticket.im_sub_session_id,
        "satisfaction": ticket.satisfaction.as_ref().map(|(vote, _)| vote),
        "created_at": time(Some(ticket.created_ms)),
        "custom_fields": custom_fields(ticket, state, true),
        "organization_id": customer.and_then(|c| c.organization_id),
        "attachments": attachments(ticket),
        "tags": ticket.tags.iter().enumerate()
            .map(|(index, name)| json!({"id": index + 1, "name": name})).collect::<Vec<_>>(),
        "followers": ticket.followers.iter().filter_map(|id| state.agent(*id))
            .map(|a| json!({"id": a.id, "nick_name": a.name, "avatar": a.avatar})).collect::<Vec<_>>(),
        "solved_deadline": time(ticket.deadline_ms),
    })
}

fn author_name(state: &UdeskState, author: &UdeskAuthor) -> String {
    match author {
        UdeskAuthor::Agent(id) => state.agent(*id).map(|a| a.name.clone()),
        UdeskAuthor::Customer(id) => state.customer(*id).map(|c| c.name.clone()),
    }
    .unwrap_or_default()
}

fn author(state: &UdeskState, author: &UdeskAuthor) -> Value {
    match author {
        UdeskAuthor::Agent(id) => {
            let agent = state.agent(*id);
            json!({
                "id": id,
                "user_type": "agent",
                "email": agent.map(|a| a.email.clone()),
                "avatar": agent.map(|a| a.avatar.clone()),
                "nick_name": agent.map(|a| a.name.clone()),
            })
        }
        UdeskAuthor::Customer(id) => {
            let customer = state.customer(*id);
            json!({
                "id": id,
                "user_type": "customer",
                "email": customer.map(|c| c.email.clone()),
                "avatar": "",
                "nick_name": customer.map(|c| c.name.clone()),
            })
        }
    }
}

/// A reply.
pub(crate) fn reply(state: &UdeskState, reply: &UdeskReply) -> Value {
    json!({
        "id": reply.id,
        "content": reply.content,
        "content_format": reply.content_format,
        "created_at": time(Some(reply.created_ms)),
        "function_type": reply.function_type,
        "cc": reply.cc,
        "author": author(state, &reply.author),
        "attachments": reply.attachments.iter()
            .map(|a| json!({"url": a.url, "file_name": a.name, "file_size": a.size}))
            .collect::<Vec<_>>(),
    })
}

/// A change log.
pub(crate) fn change_log(state: &UdeskState, log: &UdeskChangeLog) -> Value {
    json!({
        "id": log.id,
        "created_at": time(Some(log.created_ms)),
        "author": author(state, &log.author),
        "changes": log.changes.iter().map(|change| json!({
            "trigger_name": change.trigger_name,
            "field": change.field,
            "field_name": change.field_name,
            "field_type": "static",
            "old_value": change.old_value,
            "new_value": change.new_value,
            "description": format!("{}: {}---->{}", change.field_name, change.old_value, change.new_value),
        })).collect::<Vec<_>>(),
    })
}
