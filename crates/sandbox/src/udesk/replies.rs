//! Replies and change logs: listing them and replying as an agent or as the customer
//! (003:715-920, 1673-1844).
//!
//! A customer reply on a resolved ticket reopens it; an agent's external reply on an open
//! ticket moves it to solving. Pending reply uploads older than two hours are dropped.

use axum::extract::Path;
use axum::response::Response;
use bytes::Bytes;
use serde_json::{Value, json};
use udesk::tickets::{AgentReply, CustomerReply};

use super::auth::Signed;
use super::reply::{self, Answer, generic};
use super::{checks, render};
use crate::clock::now_ms;
use crate::seed::udesk::set_status;
use crate::state::udesk::{UdeskAttachment, UdeskAuthor, UdeskReply, UdeskState};

/// Pending reply uploads older than this are dropped (003:1693).
const PENDING_TTL_MS: i64 = 2 * 3600 * 1000;

fn missing(path: &str) -> Response {
    reply::fail(
        reply::NOT_FOUND,
        "No such resource found",
        Some(&format!(
            "Couldn't find Ticket with id={path} [WHERE tickets.company_id = ?]"
        )),
    )
}

fn ticket_id(path: &str) -> Result<i64, Response> {
    path.trim().parse::<i64>().map_err(|_| missing(path))
}

/// `GET /open_api_v1/tickets/{id}/replies`.
pub(crate) async fn list(signed: Signed, Path(id): Path<String>) -> Answer {
    let (page, per_page) = checks::clamped_paging(&signed.params)?;
    let id = ticket_id(&id)?;
    let world = signed.app.read();
    let state = &world.udesk;
    let ticket = state.ticket(id).ok_or_else(|| missing(&id.to_string()))?;
    let (rows, meta) = reply::page(ticket.replies.iter().collect(), page, per_page);
    let replies: Vec<Value> = rows.into_iter().map(|r| render::reply(state, r)).collect();
    reply::ok(json!({"replies": replies, "meta": meta}))
}

/// `GET /open_api_v1/tickets/{id}/change_logs`.
pub(crate) async fn change_logs(signed: Signed, Path(id): Path<String>) -> Answer {
    let (page, per_page) = checks::clamped_paging(&signed.params)?;
    let id = ticket_id(&id)?;
    let world = signed.app.read();
    let state = &world.udesk;
    let ticket = state.ticket(id).ok_or_else(|| missing(&id.to_string()))?;
    let (rows, meta) = reply::page(ticket.change_logs.iter().collect(), page, per_page);
    let logs: Vec<Value> = rows
        .into_iter()
        .map(|l| render::change_log(state, l))
        .collect();
    reply::ok(json!({"change_logs": logs, "meta": meta}))
}

fn attachments(
    state: &mut UdeskState,
    ticket: i64,
    ids: &[String],
    now: i64,
) -> Result<Vec<UdeskAttachment>, Response> {
    let pending = state
        .pending_reply_files
        .remove(&ticket)
        .unwrap_or_default();
    let fresh: Vec<UdeskAttachment> = pending
        .into_iter()
        .filter(|a| now - a.at_ms < PENDING_TTL_MS)
        .collect();
    if ids.is_empty() {
        state.pending_reply_files.insert(ticket, fresh);
        return Ok(Vec::new());
    }
    if fresh.is_empty() {
        state.pending_reply_files.insert(ticket, fresh);
        return Err(generic(&format!(
            "Sorry, there is no attachment associated with the ticket {ticket}"
        )));
    }
    let mut chosen = Vec::new();
    for id in ids {
        match fresh.iter().find(|a| a.id.to_string() == id.trim()) {
            Some(found) => chosen.push(found.clone()),
            None => {
                state.pending_reply_files.insert(ticket, fresh);
                return Err(generic(&format!(
                    "The attachment with id {id} is not found"
                )));
            }
        }
    }
    Ok(chosen)
}

fn cc_list(value: &Value, key: &str) -> Result<Vec<String>, Response> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect()),
        Some(_) => Err(generic(&format!("{key} is not an array format"))),
    }
}

/// `POST /open_api_v1/tickets/agent_reply`.
pub(crate) async fn agent_reply(signed: Signed, body: Bytes) -> Answer {
    let value: Value = serde_json::from_slice(&body).unwrap_or_default();
    let id = checks::key(&Default::default(), Some(&value))?;
    let agent = match value.get("agent_id") {
        None | Some(Value::Null) => {
            return Err(generic(
                "Sorry, customer service id is required and cannot be empty",
            ));
        }
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) if s.trim().is_empty() => {
            return Err(generic(
                "Sorry, customer service id is required and cannot be empty",
            ));
        }
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        Some(_) => None,
    }
    .ok_or_else(|| generic("Sorry, the value of customer service id should be an integer"))?;
    let function_type = value
        .get("function_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !matches!(function_type, "internal" | "external") {
        return Err(generic(
            "Sorry, reply type function_type is required and cannot be empty",
        ));
    }
    if value
        .get("new_reply")
        .and_then(Value::as_str)
        .is_none_or(|r| r.trim().is_empty())
    {
        return Err(generic(
            "Sorry, reply content new_reply is required and cannot be empty",
        ));
    }
    let cc = cc_list(&value, "cc")?;
    let cc_customer = cc_list(&value, "cc_customer")?;
    if cc.len() > 10 {
        return Err(generic(
            "The number of copied customer services does not exceed 10",
        ));
    }
    if cc_customer.len() > 10 {
        return Err(generic("The number of copied customers does not exceed 10"));
    }
    let request: AgentReply = serde_json::from_value(value.clone())
        .map_err(|error| reply::fail(2000, "Unknown error", Some(&error.to_string())))?;
    let mut world = signed.app.write();
    let state = &mut world.udesk;
    let Some(agent) = state.agent(agent).cloned() else {
        return Err(generic("Unable to find agent"));
    };
    if state.ticket(id).is_none() {
        return Err(generic("Sorry, the resource does not exist"));
    }
    let now = now_ms();
    let files = attachments(state, id, &request.attachment_ids, now)?;
    let mut named = Vec::new();
    for email in &cc {
        let name = state
            .agents
            .iter()
            .find(|a| a.email.eq_ignore_ascii_case(email))
            .map_or_else(|| email.clone(), |a| a.name.clone());
        named.push(format!("{name} <{email}>"));
    }
    named.extend(cc_customer.iter().map(|email| format!("{email} <{email}>")));
    let reply_id = state.next_id();
    let posted = UdeskReply {
        id: reply_id,
        content: request.new_reply.clone(),
        content_format: "html".into(),
        created_ms: now,
        function_type: function_type.into(),
        cc: (!named.is_empty()).then(|| named.join(", ")),
        author: UdeskAuthor::Agent(agent.id),
        attachments: files,
    };
    let rendered = render::reply(state, &posted);
    let Some(mut ticket) = state.ticket(id).cloned() else {
        return Err(generic("Sorry, the resource does not exist"));
    };
    ticket.replies.push(posted);
    ticket.updated_ms = now;
    if function_type == "external" && ticket.status_id == 1 {
        set_status(state, &mut ticket, 4, now, agent.id);
    }
    if let Some(slot) = state.ticket_mut(id) {
        *slot = ticket;
    }
    reply::ok(json!({"data": {"type": "reply", "data": rendered}}))
}

/// `POST /open_api_v1/tickets/customer_reply`.
pub(crate) async fn customer_reply(signed: Signed, body: Bytes) -> Answer {
    let value: Value = serde_json::from_slice(&body).unwrap_or_default();
    let id = checks::key(&Default::default(), Some(&value))?;
    if value
        .get("new_reply")
        .and_then(Value::as_str)
        .is_none_or(|r| r.trim().is_empty())
    {
        return Err(generic(
            "Sorry, reply content new_reply is required and cannot be empty",
        ));
    }
    let format = value
        .get("content_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !matches!(format, "html" | "text") {
        return Err(generic("Sorry, content_type must be html or text"));
    }
    let request: CustomerReply = serde_json::from_value(value.clone())
        .map_err(|error| reply::fail(2000, "Unknown error", Some(&error.to_string())))?;
    let mut world = signed.app.write();
    let state = &mut world.udesk;
    let Some(mut ticket) = state.ticket(id).cloned() else {
        return Err(generic("Sorry, the resource does not exist"));
    };
    let Some(customer) = ticket.customer_id else {
        return Err(generic("Sorry, the customer of the ticket does not exist"));
    };
    let now = now_ms();
    let files = attachments(state, id, &request.attachment_ids, now)?;
    let reply_id = state.next_id();
    let posted = UdeskReply {
        id: reply_id,
        content: request.new_reply.clone(),
        content_format: format.into(),
        created_ms: now,
        function_type: "external".into(),
        cc: None,
        author: UdeskAuthor::Customer(customer),
        attachments: files,
    };
    let rendered = render::reply(state, &posted);
    ticket.replies.push(posted);
    ticket.updated_ms = now;
    if ticket.status_id == 2 {
        let by = ticket.assignee_id.unwrap_or_default();
        set_status(state, &mut ticket, 1, now, by);
    }
    if let Some(slot) = state.ticket_mut(id) {
        *slot = ticket;
    }
    reply::ok(json!({"data": {"type": "reply", "data": rendered}}))
}
