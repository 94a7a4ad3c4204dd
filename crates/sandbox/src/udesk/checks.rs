//! Checks shared by the Udesk handlers: the ticket key (`id`/`num`), paging, followers and
//! custom field values, each failing with the seed's message.

use std::collections::BTreeMap;

use axum::response::Response;
use serde_json::Value;
use udesk::tickets::FieldInput;

use super::reply::{self, generic};
use crate::clock::{UTC8, parse_date, parse_datetime};
use crate::sobot::params::Params;
use crate::state::udesk::UdeskState;

/// The ticket ID named by `id` or `num` (`#848`), from the query or, when given, a JSON body.
/// Neither → "must pass id and num"; both → "cannot be passed at the same time".
pub(crate) fn key(params: &Params, body: Option<&Value>) -> Result<i64, Response> {
    let from_body = |name: &str| {
        body.and_then(|b| b.get(name)).and_then(|v| match v {
            Value::Number(n) => Some(n.to_string()),
            Value::String(s) => Some(s.clone()),
            _ => None,
        })
    };
    let id = params
        .text("id")
        .or_else(|| from_body("id"))
        .filter(|v| !v.trim().is_empty());
    let num = params
        .text("num")
        .or_else(|| from_body("num"))
        .filter(|v| !v.trim_start_matches('#').trim().is_empty());
    let text = match (id, num) {
        (None, None) => {
            return Err(generic(
                "Sorry, you must pass id and num, and cannot be empty",
            ));
        }
        (Some(_), Some(_)) => {
            return Err(generic(
                "Sorry, id and num cannot be passed at the same time",
            ));
        }
        (Some(id), None) => id,
        (None, Some(num)) => num.trim().trim_start_matches('#').to_owned(),
    };
    text.trim()
        .parse::<i64>()
        .map_err(|_| generic("Sorry, the resource does not exist"))
}

/// `page` (default 1) and `per_page` (default 20, at most `max`; more is refused with `2000`,
/// as no code is documented for it).
pub(crate) fn paging(params: &Params, max: usize) -> Result<(usize, usize), Response> {
    let number = |name: &str, default: usize| match params.text(name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| generic(&format!("{name} must be a positive integer"))),
    };
    let page = number("page", 1)?;
    let per_page = number("per_page", 20)?;
    if per_page > max {
        return Err(generic(&format!("per_page cannot exceed {max}")));
    }
    Ok((page, per_page))
}

/// Replies and change logs: below 20 Udesk still returns 20, above 100 it returns 100
/// (003:734, 835).
pub(crate) fn clamped_paging(params: &Params) -> Result<(usize, usize), Response> {
    let (page, _) = paging(params, usize::MAX)?;
    let per_page = params
        .text("per_page")
        .and_then(|t| t.trim().parse::<usize>().ok())
        .unwrap_or(20)
        .clamp(20, 100);
    Ok((page, per_page))
}

/// Follower agent IDs, each an existing agent (else `2005` "User xxx not found").
pub(crate) fn followers(state: &UdeskState, ids: &[String]) -> Result<Vec<i64>, Response> {
    ids.iter()
        .map(|text| {
            text.trim()
                .parse::<i64>()
                .ok()
                .filter(|id| state.agent(*id).is_some())
                .ok_or_else(|| {
                    reply::fail(
                        reply::NOT_FOUND,
                        "No such resource found",
                        Some(&format!("User {text} not found")),
                    )
                })
        })
        .collect()
}

/// `current` with `changes` applied, every value checked against its field: unknown keys are
/// refused, select values must be option indexes (create's `"0,3"` or update's `["0","3"]`),
/// dates and times must have their documented format.
pub(crate) fn fields(
    state: &UdeskState,
    changes: &BTreeMap<String, FieldInput>,
    current: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Response> {
    let mut result = current.clone();
    for (name, input) in changes {
        let Some(field) = state.field(name) else {
            return Err(generic(&format!("Custom field {name} does not exist")));
        };
        let value = if field.is_select() {
            let indexes: Vec<String> = match input {
                FieldInput::Text(text) => text
                    .split(',')
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
                    .collect(),
                FieldInput::Options(options) => options.clone(),
            };
            let valid = indexes.iter().all(|index| {
                index
                    .parse::<usize>()
                    .is_ok_and(|i| i < field.options.len())
            });
            if !valid || (field.content_type != "checkbox" && indexes.len() > 1) {
                return Err(generic(&format!("{name}: option index out of range")));
            }
            indexes.join(",")
        } else {
            let FieldInput::Text(text) = input else {
                return Err(generic("no implicit conversion of Array into Hash"));
            };
            let ok = match field.content_type.as_str() {
                "date" => parse_date(text, UTC8).is_some(),
                "datetime" => parse_datetime(&format!("{}:00", text.trim()), UTC8).is_some(),
                "time" => chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M:%S").is_ok(),
                _ => true,
            };
            if !ok {
                return Err(generic("Time date format is incorrect"));
            }
            text.clone()
        };
        result.insert(name.clone(), value);
    }
    Ok(result)
}
