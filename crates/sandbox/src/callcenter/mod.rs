//! The Sobot call center V6 simulator: `POST /tokens/company`, `POST /tokens/agent` and the 19
//! basic-management endpoints under `/callservice/v6/...`, at the paths the `sobot` client
//! uses (`sobot::callcenter::paths`), built on its request and response types.
//!
//! Handlers answer `Result<Response, Response>`: a failure is already the V6 envelope.
#![allow(clippy::result_large_err)]

mod agents;
pub(crate) mod auth;
pub(crate) mod idempotency;
mod imports;
mod numbers;
mod outbound;
mod plans;
mod queues;
pub(crate) mod reply;

use axum::Router;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post, put};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sobot::callcenter::paths;

use crate::app::App;
use crate::clock::UTC8;

fn at(path: &str) -> String {
    format!("/{path}")
}

/// Every call-center route. The four outbound-task routes go through the
/// [`idempotency::idempotent`] layer.
pub(crate) fn router(app: App) -> Router<App> {
    let keyed = Router::new()
        .route(&at(paths::CAMPAIGNS), post(outbound::create))
        .route(&at(paths::CAMPAIGNS_LIST), post(outbound::list))
        .route(&at(paths::CAMPAIGNS_IMPORT), post(imports::import))
        .route(&at(paths::CAMPAIGNS_IMPORT_RESULT), post(imports::results))
        .route_layer(axum::middleware::from_fn_with_state(
            app,
            idempotency::idempotent,
        ));
    Router::new()
        .route(&at(paths::TOKENS_COMPANY), post(auth::company_token))
        .route(&at(paths::TOKENS_AGENT), post(auth::agent_token))
        .route(&at(paths::AGENTS), get(agents::get).post(agents::update))
        .route(&at(paths::AGENTS_UNBIND), post(agents::unbind))
        .route(&at(paths::AGENTS_CALL_SEARCH), post(agents::call_agents))
        .route(&at(paths::QUEUES_SEARCH), post(queues::search))
        .route(
            &at(paths::QUEUE),
            post(queues::create).delete(queues::delete),
        )
        .route(&at(paths::QUEUE_AGENTS_SEARCH), post(queues::members))
        .route(&at(paths::QUEUE_AGENTS), post(queues::update_members))
        .route(&at(paths::EXTS_SEARCH), post(numbers::extensions))
        .route(&at(paths::EXTS_ADD), post(numbers::create_extension))
        .route(&at(paths::BLACKLIST_BATCH), put(numbers::forbidden_import))
        .route(
            &at(paths::GATEWAY_NUMBER_SEARCH),
            post(numbers::relay_numbers),
        )
        .route(
            &at(paths::CONTACT_SCHEDULES_BATCH_ADD),
            post(plans::contact_plans),
        )
        .route(&at(paths::IVR_PUBLISHED_SEARCH), post(plans::ivr))
        .merge(keyed)
}

/// The JSON body (`{}` when empty); malformed JSON → 400.
pub(crate) fn body(bytes: &[u8]) -> Result<Value, Response> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(serde_json::Map::new()));
    }
    serde_json::from_slice(bytes)
        .map_err(|error| reply::invalid("body", &format!("not JSON: {error}")))
}

/// A body decoded into a client request type; a type mismatch → 400 with serde's words.
pub(crate) fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Response> {
    serde_json::from_value(value).map_err(|error| reply::invalid("body", &error.to_string()))
}

/// A field as text (strings trimmed, numbers written out), `None` when absent, null or blank.
pub(crate) fn text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A required text field.
pub(crate) fn required(value: &Value, key: &str) -> Result<String, Response> {
    text(value, key).ok_or_else(|| reply::missing(key))
}

/// An optional integer field (a number or a numeric string); anything else → 400.
pub(crate) fn int(value: &Value, key: &str) -> Result<Option<i64>, Response> {
    match text(value, key) {
        None => Ok(None),
        Some(text) => text
            .parse::<i64>()
            .map(Some)
            .map_err(|_| reply::invalid(key, &format!("{text:?} is not an integer"))),
    }
}

/// `agentType` (or another flag named `key`): `true` for `1` (id), `false` for `0` (work
/// number, also the default when absent); other values → 400.
pub(crate) fn by_id(value: &Value, key: &str) -> Result<bool, Response> {
    match text(value, key).as_deref() {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(other) => Err(reply::invalid(key, &format!("{other:?} is not 0 or 1"))),
    }
}

/// The UTC offset of the `timezoneid` header (default `Asia/Singapore`, UTC+8).
pub(crate) fn offset(headers: &HeaderMap) -> i32 {
    headers
        .get("timezoneid")
        .and_then(|v| v.to_str().ok())
        .and_then(crate::sobot::auth::zone_offset)
        .unwrap_or(UTC8)
}

/// A page of `rows` in shape A (`{list, currPage, pageSize, total}`) or B
/// (`{list, currPage, pageSize, totalCount, totalPage}`).
pub(crate) fn page<T: serde::Serialize>(
    rows: Vec<T>,
    curr: usize,
    size: usize,
    shape_b: bool,
) -> Value {
    let total = rows.len();
    let list: Vec<T> = rows
        .into_iter()
        .skip(curr.saturating_sub(1).saturating_mul(size))
        .take(size)
        .collect();
    let mut page = serde_json::json!({"list": list, "currPage": curr, "pageSize": size});
    if shape_b {
        page["totalCount"] = total.into();
        page["totalPage"] = total.div_ceil(size.max(1)).into();
    } else {
        page["total"] = total.into();
    }
    page
}

/// `currPage` and `pageSize` with their defaults; `max` caps `pageSize` (400 above it).
pub(crate) fn paging(
    value: &Value,
    default_size: i64,
    max: Option<i64>,
) -> Result<(usize, usize), Response> {
    let curr = int(value, "currPage")?.unwrap_or(1);
    let size = int(value, "pageSize")?.unwrap_or(default_size);
    if curr < 1 {
        return Err(reply::invalid("currPage", "must be at least 1"));
    }
    if size < 1 {
        return Err(reply::invalid("pageSize", "must be at least 1"));
    }
    if let Some(max) = max
        && size > max
    {
        return Err(reply::invalid("pageSize", &format!("at most {max}")));
    }
    Ok((
        usize::try_from(curr).unwrap_or(1),
        usize::try_from(size).unwrap_or(1),
    ))
}
