//! Custom fields, templates, filters, tickets in a filter, the export scroll, the survey and
//! rating (003:922-1619, 1937-2020).
//!
//! The export answers batches of [`EXPORT_BATCH`] tickets (the documented maximum is 1000), so
//! the scroll is exercised on small data too; a `scroll_id` lives one minute.

use bytes::Bytes;
use serde_json::{Value, json};
use udesk::tickets::SurveyVote;

use super::auth::Signed;
use super::reply::{self, Answer, generic};
use super::{checks, render};
use crate::clock::{UTC8, format_iso, now_ms};
use crate::state::udesk::{Scroll, UdeskState, UdeskTicket};

/// Tickets per export batch.
pub const EXPORT_BATCH: usize = 100;

/// How long a scroll ID stays valid (003:1588).
const SCROLL_TTL_MS: i64 = 60_000;

/// `GET /open_api_v1/tickets/custom_fields` (deprecated).
pub(crate) async fn custom_fields(signed: Signed) -> Answer {
    let world = signed.app.read();
    let fields: Vec<Value> = world
        .udesk
        .fields
        .iter()
        .map(|f| {
            let options = (!f.options.is_empty()).then(|| {
                f.options
                    .iter()
                    .enumerate()
                    .map(|(i, label)| json!({ i.to_string(): label }))
                    .collect::<Vec<_>>()
            });
            json!({
                "field_name": f.name,
                "field_label": f.label,
                "content_type": f.content_type,
                "comment": null,
                "options": options,
                "permission": 2,
                "requirement": f.required,
            })
        })
        .collect();
    reply::ok(json!({"message": "success", "ticket_custom_fields": fields}))
}

/// `GET /open_api_v1/tickets/ticket_templates`.
pub(crate) async fn templates(signed: Signed) -> Answer {
    let world = signed.app.read();
    let state = &world.udesk;
    let templates: Vec<Value> = state
        .templates
        .iter()
        .map(|t| {
            let fields: Vec<Value> = t
                .fields
                .iter()
                .filter_map(|name| state.field(name))
                .map(|f| {
                    json!({
                        "field_id": f.number(),
                        "field_type": if f.is_select() { "SelectField" } else { "TextField" },
                        "field_name": f.name,
                        "field_title": f.label,
                        "field_detail": null,
                    })
                })
                .collect();
            json!({
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "updated_at": format_iso(t.updated_ms, UTC8),
                "custom_fields": fields,
            })
        })
        .collect();
    reply::ok(json!({"message": "success", "templates": templates}))
}

/// `GET /open_api_v1/tickets/filters?type=&id=&page=&per_page=` (`per_page` at most 50).
pub(crate) async fn filters(signed: Signed) -> Answer {
    let (page, per_page) = checks::paging(&signed.params, 50)?;
    let world = signed.app.read();
    let state = &world.udesk;
    let kind = signed.params.text("type").unwrap_or_default();
    let id = signed
        .params
        .text("id")
        .and_then(|i| i.trim().parse::<i64>().ok());
    match kind.as_str() {
        "agent" if id.is_some_and(|id| state.agent(id).is_none()) => {
            return Err(generic("Customer service does not exist"));
        }
        "agent_group" if id.is_some_and(|id| state.group(id).is_none()) => {
            return Err(generic("Customer service group does not exist"));
        }
        "" | "all" | "agent" | "agent_group" => {}
        _ => return Err(generic("type must be agent, agent_group or all")),
    }
    let rows: Vec<Value> = state
        .filters
        .iter()
        .filter(|f| kind.is_empty() || f.permission == kind)
        .filter(|f| id.is_none() || f.permission_id == id)
        .map(|f| {
            json!({
                "id": f.id,
                "name": f.name,
                "description": f.description,
                "active": f.active,
                "permission": f.permission,
                "permission_id": f.permission_id,
                "created_at": format_iso(f.created_ms, UTC8),
                "updated_at": format_iso(f.updated_ms, UTC8),
            })
        })
        .collect();
    let (rows, meta) = reply::page(rows, page, per_page);
    reply::ok(json!({"message": "success", "filters": rows, "meta": meta}))
}

fn filtered(state: &UdeskState, filter_id: &str) -> Result<Vec<i64>, axum::response::Response> {
    let filter = filter_id
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| state.filters.iter().find(|f| f.id == id))
        .ok_or_else(|| generic("Specific filter not found"))?;
    Ok(state
        .tickets
        .iter()
        .filter(|t| UdeskState::matches(&filter.rule, t))
        .map(|t| t.id)
        .collect())
}

fn entries(state: &UdeskState, ids: &[i64]) -> Vec<Value> {
    ids.iter()
        .filter_map(|id| state.ticket(*id))
        .map(|t: &UdeskTicket| json!({"ticket": render::ticket(state, t, false)}))
        .collect()
}

/// `GET /open_api_v1/tickets/tickets_in_filter?filter_id=&page=&per_page=`.
pub(crate) async fn tickets_in_filter(signed: Signed) -> Answer {
    let (page, per_page) = checks::paging(&signed.params, 100)?;
    let world = signed.app.read();
    let state = &world.udesk;
    let filter_id = signed.params.text("filter_id").unwrap_or_default();
    let ids = filtered(state, &filter_id)?;
    let (ids, meta) = reply::page(ids, page, per_page);
    reply::ok(json!({"message": "success", "contents": entries(state, &ids), "meta": meta}))
}

/// `GET /open_api_v1/tickets/export?filter_id=..` then `?scroll_id=..`.
pub(crate) async fn export(signed: Signed) -> Answer {
    let filter_id = signed
        .params
        .text("filter_id")
        .filter(|f| !f.trim().is_empty());
    let scroll_id = signed
        .params
        .text("scroll_id")
        .filter(|s| !s.trim().is_empty());
    let now = now_ms();
    let mut world = signed.app.write();
    let (mut scroll, total) = match (filter_id, scroll_id) {
        (Some(_), Some(_)) => {
            return Err(reply::fail(2062, "Failed to get ticket information", None));
        }
        (None, None) => return Err(generic("filter_id or scroll_id is required")),
        (Some(filter_id), None) => {
            let ids = filtered(&world.udesk, &filter_id)?;
            let total = ids.len();
            (
                Scroll {
                    ids,
                    offset: 0,
                    issued_ms: now,
                },
                total,
            )
        }
        (None, Some(scroll_id)) => {
            let scroll = world
                .udesk
                .scrolls
                .remove(scroll_id.trim())
                .filter(|s| now - s.issued_ms <= SCROLL_TTL_MS)
                .ok_or_else(|| generic("scroll_id has expired or does not exist"))?;
            let total = scroll.ids.len();
            (scroll, total)
        }
    };
    world
        .udesk
        .scrolls
        .retain(|_, s| now - s.issued_ms <= SCROLL_TTL_MS);
    let batch: Vec<i64> = scroll
        .ids
        .iter()
        .skip(scroll.offset)
        .take(EXPORT_BATCH)
        .copied()
        .collect();
    scroll.offset += batch.len();
    scroll.issued_ms = now;
    let next = format!("{:016x}{:016x}", world.udesk.next_id(), now);
    let contents = entries(&world.udesk, &batch);
    world.udesk.scrolls.insert(next.clone(), scroll);
    reply::ok(json!({"scroll_id": next, "total": total, "contents": contents}))
}

/// `GET /open_api_v1/tickets/surveys`.
pub(crate) async fn survey(signed: Signed) -> Answer {
    let world = signed.app.read();
    let Some(survey) = &world.udesk.survey else {
        return Err(generic(
            "No configuration for ticket satisfaction survey or ticket satisfaction survey is closed",
        ));
    };
    let options: Vec<Value> = survey
        .options
        .iter()
        .map(|(vote, name)| json!({"vote_number": vote, "name": name}))
        .collect();
    reply::ok(json!({"ticket_survey": {
        "title": survey.title, "enable": survey.enable, "note": survey.note, "options": options,
    }}))
}

/// `PUT /open_api_v1/tickets/take_survey` `{ticket_id, vote_number, vote_desc?}`.
pub(crate) async fn take_survey(signed: Signed, body: Bytes) -> Answer {
    let value: Value = serde_json::from_slice(&body).unwrap_or_default();
    let positive = value
        .get("vote_number")
        .and_then(|v| {
            v.as_i64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
        })
        .filter(|n| *n > 0);
    let Some(vote) = positive else {
        return Err(reply::fail(
            20573,
            "vote_number is not a positive integer",
            None,
        ));
    };
    let ticket_text = match value.get("ticket_id") {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    if ticket_text.trim().is_empty() {
        return Err(generic("ticket_id is a required field and cannot be empty"));
    }
    let request: SurveyVote = serde_json::from_value(value.clone())
        .map_err(|error| reply::fail(2000, "Unknown error", Some(&error.to_string())))?;
    let mut world = signed.app.write();
    let state = &mut world.udesk;
    let Some(survey) = state.survey.clone().filter(|s| s.enable) else {
        return Err(generic(
            "No configuration for ticket satisfaction survey or ticket satisfaction survey is closed",
        ));
    };
    if !survey.options.iter().any(|(n, _)| *n == vote) {
        return Err(reply::fail(
            20573,
            "vote_number is not a positive integer",
            None,
        ));
    }
    let id = ticket_text.trim().parse::<i64>().unwrap_or_default();
    let Some(ticket) = state.ticket_mut(id) else {
        return Err(generic("Sorry, the ticket does not exist"));
    };
    if ticket.satisfaction.is_some() {
        return Err(reply::fail(20576, "The ticket has been evaluated", None));
    }
    ticket.satisfaction = Some((vote, request.vote_desc.clone()));
    ticket.updated_ms = now_ms();
    reply::ok(json!({"message": "success"}))
}
