//! Creating, reading, updating, deleting and listing tickets (003:42-713).

use std::collections::BTreeMap;

use axum::extract::Path;
use bytes::Bytes;
use serde_json::{Value, json};
use udesk::tickets::{CreateTicketBody, NewTicket, TicketUpdate};

use super::auth::Signed;
use super::reply::{self, Answer, generic};
use super::{checks, render};
use crate::clock::now_ms;
use crate::seed::udesk::{priority_change, set_status};
use crate::state::udesk::UdeskAuthor;
use crate::state::udesk::{UdeskChange, UdeskChangeLog, UdeskState, UdeskTicket, priority_by_name};

/// `POST /open_api_v1/tickets` `{"ticket": {...}}`.
pub(crate) async fn create(signed: Signed, body: Bytes) -> Answer {
    let value: Value = serde_json::from_slice(&body).unwrap_or_default();
    let Some(ticket) = value.get("ticket").filter(|t| t.is_object()) else {
        return Err(reply::fail(
            2000,
            "Sorry, the object ticket cannot be empty",
            None,
        ));
    };
    let blank = |key: &str| {
        ticket
            .get(key)
            .and_then(Value::as_str)
            .is_none_or(|v| v.trim().is_empty())
    };
    if blank("subject") {
        return Err(generic("Sorry, ticket subject cannot be empty"));
    }
    if blank("content") {
        return Err(generic("Sorry, ticket description cannot be empty"));
    }
    let body: CreateTicketBody = serde_json::from_value(json!({"ticket": ticket}))
        .map_err(|error| reply::fail(2000, "Unknown error", Some(&error.to_string())))?;
    let new = body.ticket;
    let mut world = signed.app.write();
    let state = &mut world.udesk;
    let ticket = build(state, &new)?;
    let id = ticket.id;
    state.tickets.push(ticket);
    reply::ok(json!({"message": "ticket create success", "ticket_id": id}))
}

fn build(state: &mut UdeskState, new: &NewTicket) -> Result<UdeskTicket, axum::response::Response> {
    if new.subject.chars().count() > 255 {
        return Err(generic(
            "Sorry, ticket subject cannot exceed 255 characters",
        ));
    }
    let customer_id = match (&new.customer_type, new.type_content.as_deref()) {
        (None, None) => None,
        (Some(kind), Some(value)) if !value.trim().is_empty() => {
            match state.find_customer(kind.code(), value) {
                Ok(Some(customer)) => Some(customer.id),
                _ => {
                    return Err(generic(
                        "Sorry, no such customer. Please create a customer first",
                    ));
                }
            }
        }
        _ => {
            return Err(generic(
                "Sorry, no such customer. Please create a customer first",
            ));
        }
    };
    let priority_id = match new.priority.as_deref() {
        None => 3,
        Some(name) => priority_by_name(name).ok_or_else(|| generic("Priority error"))?,
    };
    let status_id = match &new.status_id {
        None => 1,
        Some(status) => status
            .code()
            .parse::<i64>()
            .ok()
            .filter(|s| (1..=4).contains(s))
            .ok_or_else(|| generic("Status error"))?,
    };
    let group_id = match new.agent_group_name.as_deref() {
        None => None,
        Some(name) => Some(
            state
                .groups
                .iter()
                .find(|g| g.name == name.trim())
                .map(|g| g.id)
                .ok_or_else(|| generic("Customer group error, customer service group not found"))?,
        ),
    };
    let assignee_id = match new.assignee_email.as_deref() {
        None => None,
        Some(email) => {
            if !email.contains('@') {
                return Err(generic("Customer service email error"));
            }
            let agent = state
                .agents
                .iter()
                .find(|a| a.email.eq_ignore_ascii_case(email.trim()))
                .ok_or_else(|| generic("Customer service not found"))?;
            if group_id.is_some_and(|g| !agent.group_ids.contains(&g)) {
                return Err(generic(
                    "Sorry, this customer service is not in this customer service group",
                ));
            }
            Some(agent.id)
        }
    };
    let creator_id = match new.creator_email.as_deref() {
        None => None,
        Some(email) => {
            if !email.contains('@') {
                return Err(generic("Customer creation email error"));
            }
            Some(
                state
                    .agents
                    .iter()
                    .find(|a| a.email.eq_ignore_ascii_case(email.trim()))
                    .map(|a| a.id)
                    .ok_or_else(|| generic("Creator customer service not found"))?,
            )
        }
    };
    let template_id = new
        .template_id
        .as_deref()
        .and_then(|t| t.trim().parse::<i64>().ok())
        .filter(|t| state.templates.iter().any(|tpl| tpl.id == *t))
        .or_else(|| state.templates.first().map(|t| t.id))
        .unwrap_or_default();
    let followers = checks::followers(state, &new.follower_ids)?;
    let custom_fields = checks::fields(state, &new.ticket_field, &BTreeMap::new())?;
    let now = now_ms();
    let id = state.next_id();
    let mut ticket = UdeskTicket {
        id,
        subject: new.subject.clone(),
        content: new.content.clone(),
        content_type: "html".into(),
        customer_id,
        assignee_id,
        group_id: group_id.or_else(|| {
            assignee_id
                .and_then(|a| state.agent(a))
                .and_then(|a| a.group_ids.first().copied())
        }),
        template_id,
        priority_id,
        status_id: 1,
        platform: "api".into(),
        satisfaction: None,
        custom_fields,
        tags: new.tags.clone(),
        followers,
        creator_id,
        created_ms: now,
        updated_ms: now,
        solving_ms: None,
        resolved_ms: None,
        closed_ms: None,
        deadline_ms: None,
        im_sub_session_id: None,
        attachments: Vec::new(),
        replies: Vec::new(),
        change_logs: Vec::new(),
        associated: Vec::new(),
    };
    if status_id != 1 {
        set_status(
            state,
            &mut ticket,
            status_id,
            now,
            creator_id.unwrap_or_default(),
        );
    }
    Ok(ticket)
}

/// `GET /open_api_v1/tickets/detail?id=..|num=..`.
pub(crate) async fn detail(signed: Signed) -> Answer {
    let world = signed.app.read();
    let id = checks::key(&signed.params, None)?;
    let ticket = world
        .udesk
        .ticket(id)
        .ok_or_else(|| generic("Sorry, the resource does not exist"))?;
    reply::ok(json!({"message": "success", "ticket": render::ticket(&world.udesk, ticket, true)}))
}

/// `DELETE /open_api_v1/tickets/destroy_ticket?id=..|num=..`.
pub(crate) async fn delete(signed: Signed) -> Answer {
    let id = checks::key(&signed.params, None)?;
    let mut world = signed.app.write();
    let state = &mut world.udesk;
    let at = state
        .tickets
        .binary_search_by_key(&id, |t| t.id)
        .map_err(|_| generic("Sorry, the resource does not exist"))?;
    state.tickets.remove(at);
    state.pending_reply_files.remove(&id);
    reply::ok(json!({"message": "success"}))
}

/// `GET /open_api_v1/tickets?type=&content=&page=&per_page=`: tickets by ascending ID.
pub(crate) async fn list(signed: Signed) -> Answer {
    let (page, per_page) = checks::paging(&signed.params, 100)?;
    let world = signed.app.read();
    let state = &world.udesk;
    let kind = signed.params.text("type");
    let content = signed.params.text("content");
    let customer = match (kind, content) {
        (None, None) => None,
        (Some(kind), Some(content)) => match state.find_customer(&kind, &content) {
            Ok(Some(customer)) => Some(customer.id),
            Ok(None) => {
                return Err(generic(
                    "Sorry, no such customer. Please create a customer first",
                ));
            }
            Err(_) => return Err(reply::fail(40002, "Unsupported customer_id_type", None)),
        },
        _ => {
            return Err(reply::fail(
                40001,
                "Identifier type and value must exist simultaneously or be empty simultaneously",
                None,
            ));
        }
    };
    let rows: Vec<&UdeskTicket> = state
        .tickets
        .iter()
        .filter(|t| customer.is_none() || t.customer_id == customer)
        .collect();
    let (rows, meta) = reply::page(rows, page, per_page);
    let contents: Vec<Value> = rows
        .into_iter()
        .map(|t| json!({"ticket": render::ticket(state, t, false)}))
        .collect();
    reply::ok(json!({"message": "success", "contents": contents, "meta": meta}))
}

/// `PUT /open_api_v1/tickets/{id}`.
pub(crate) async fn update(signed: Signed, Path(id): Path<String>, body: Bytes) -> Answer {
    let value: Value = serde_json::from_slice(&body).unwrap_or_default();
    let Some(changes) = value.get("ticket").filter(|t| t.is_object()) else {
        return Err(reply::fail(
            2000,
            "Unknown error",
            Some("param is missing or the value is empty: ticket"),
        ));
    };
    if changes
        .get("subject")
        .and_then(Value::as_str)
        .is_none_or(|s| s.trim().is_empty())
    {
        return Err(generic("Title is required"));
    }
    if changes
        .get("custom_fields")
        .is_some_and(|f| !f.is_object() && !f.is_null())
    {
        return Err(generic("no implicit conversion of Array into Hash"));
    }
    let kind = value.get("customer_id_type").filter(|v| !v.is_null());
    let customer_value = value.get("customer_id_value").filter(|v| !v.is_null());
    if kind.is_some() != customer_value.is_some() {
        return Err(reply::fail(
            40001,
            "Identifier type and value must exist simultaneously or be empty simultaneously",
            None,
        ));
    }
    let update: TicketUpdate = serde_json::from_value(value.clone())
        .map_err(|error| reply::fail(2000, "Unknown error", Some(&error.to_string())))?;
    let Ok(id) = id.trim().parse::<i64>() else {
        return Err(reply::fail(
            reply::NOT_FOUND,
            "No such resource found",
            Some(&format!(
                "Couldn't find Ticket with id={id} [WHERE tickets.company_id = ?]"
            )),
        ));
    };
    let mut world = signed.app.write();
    let state = &mut world.udesk;
    let Some(mut ticket) = state.ticket(id).cloned() else {
        return Err(reply::fail(
            reply::NOT_FOUND,
            "No such resource found",
            Some(&format!(
                "Couldn't find Ticket with id={id} [WHERE tickets.company_id = ?]"
            )),
        ));
    };
    apply(state, &mut ticket, &update)?;
    let body = json!({"ticket": render::updated(state, &ticket)});
    if let Some(slot) = state.ticket_mut(id) {
        *slot = ticket;
    }
    reply::ok(body)
}

fn apply(
    state: &mut UdeskState,
    ticket: &mut UdeskTicket,
    update: &TicketUpdate,
) -> Result<(), axum::response::Response> {
    let changes = &update.ticket;
    let number = |text: &Option<String>| text.as_deref().map(|t| t.trim().parse::<i64>().ok());
    let agent_id = match number(&changes.agent_id) {
        Some(Some(id)) if state.agent(id).is_some() => Some(id),
        Some(_) => return Err(generic("Unable to find agent")),
        None => None,
    };
    let group_id = match number(&changes.agent_group_id) {
        Some(Some(id)) if state.group(id).is_some() => Some(id),
        Some(_) => {
            return Err(generic(
                "Customer group error, customer service group not found",
            ));
        }
        None => None,
    };
    let agent_for_group = agent_id.or(ticket.assignee_id);
    if let (Some(agent), Some(group)) = (agent_for_group, group_id.or(ticket.group_id))
        && (agent_id.is_some() || group_id.is_some())
        && !state
            .agent(agent)
            .is_some_and(|a| a.group_ids.contains(&group))
    {
        return Err(generic(
            "The responsible group for the ticket owner is incorrect.",
        ));
    }
    let template_id = match number(&changes.template_id) {
        Some(Some(id)) if state.templates.iter().any(|t| t.id == id) => Some(id),
        Some(_) => {
            return Err(generic(
                "Validation failed: Template \"tickettemplate\" does not exist",
            ));
        }
        None => None,
    };
    let code = |c: &str| c.parse::<i64>().ok().filter(|n| (1..=4).contains(n));
    let priority_id = match &changes.priority_id {
        Some(p) => Some(code(p.code()).ok_or_else(|| generic("Priority is incorrect"))?),
        None => None,
    };
    let status_id = match &changes.status_id {
        Some(s) => Some(code(s.code()).ok_or_else(|| generic("Status is incorrect"))?),
        None => None,
    };
    let followers = match &changes.follower_ids {
        Some(ids) => Some(checks::followers(state, ids)?),
        None => None,
    };
    let custom_fields = checks::fields(state, &changes.custom_fields, &ticket.custom_fields)?;
    if let (Some(kind), Some(value)) = (&update.customer_id_type, &update.customer_id_value) {
        match state.find_customer(kind.code(), value) {
            Ok(Some(customer)) => ticket.customer_id = Some(customer.id),
            Ok(None) => {
                return Err(generic(
                    "Sorry, no such customer. Please create a customer first",
                ));
            }
            Err(_) => return Err(reply::fail(40002, "Unsupported customer_id_type", None)),
        }
    }
    let now = now_ms();
    let by = agent_id.or(ticket.assignee_id).unwrap_or_default();
    let mut logged = Vec::new();
    if changes.subject != ticket.subject {
        logged.push(UdeskChange {
            field: "subject".into(),
            field_name: "标题 Title".into(),
            old_value: ticket.subject.clone(),
            new_value: changes.subject.clone(),
            trigger_name: None,
        });
        ticket.subject.clone_from(&changes.subject);
    }
    if let Some(content) = &changes.content {
        ticket.content.clone_from(content);
    }
    if let Some(priority) = priority_id.filter(|p| *p != ticket.priority_id) {
        logged.push(priority_change(ticket.priority_id, priority));
        ticket.priority_id = priority;
    }
    ticket.assignee_id = agent_id.or(ticket.assignee_id);
    ticket.group_id = group_id.or(ticket.group_id);
    ticket.template_id = template_id.unwrap_or(ticket.template_id);
    ticket.custom_fields = custom_fields;
    if let Some(followers) = followers {
        ticket.followers = followers;
    }
    if let Some(tags) = &changes.tags {
        ticket.tags.clone_from(tags);
    }
    if !logged.is_empty() {
        let id = state.next_id();
        ticket.change_logs.push(UdeskChangeLog {
            id,
            created_ms: now,
            author: UdeskAuthor::Agent(by),
            changes: logged,
        });
    }
    if let Some(status) = status_id {
        set_status(state, ticket, status, now, by);
    }
    ticket.updated_ms = now;
    Ok(())
}
