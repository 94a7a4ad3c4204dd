//! The admin API under `/__sandbox/`:
//!
//! | Call | Effect |
//! |---|---|
//! | `GET /__sandbox/info` | the connection info plus `seed`, `size`, `anchor_ms` |
//! | `POST /__sandbox/reset` | seeded data restored; faults, journal, uploads cleared; tokens kept |
//! | `POST /__sandbox/reseed` `{"seed": 9, "size": "demo"}` | regenerate (size optional) |
//! | `GET /__sandbox/faults` | installed rules with their progress |
//! | `POST /__sandbox/faults` [`FaultRule`] | install; answers `{"id": n}` |
//! | `DELETE /__sandbox/faults`, `DELETE /__sandbox/faults/{id}` | remove all, or one |
//! | `GET /__sandbox/journal?path=/api/ws&since=0&limit=100` | received requests |
//! | `DELETE /__sandbox/journal` | forget them |
//! | `POST /__sandbox/tokens/expire` | expire the current Sobot token and every call-center token |
//! | `POST /__sandbox/tokens` `{"ttl_seconds": 60}` | lifetime of Sobot and call-center tokens issued from now on |
//! | `GET /__sandbox/files/{id}` | an uploaded attachment, or a seeded one's sample image |

use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::app::{App, lock};
use crate::config::Size;
use crate::faults::FaultRule;
use crate::samples::Sample;

/// The admin routes (nested under `/__sandbox`).
pub(crate) fn router() -> Router<App> {
    Router::new()
        .route("/info", get(info))
        .route("/reset", post(reset))
        .route("/reseed", post(reseed))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/faults/{id}", delete(remove_fault))
        .route("/journal", get(journal).delete(clear_journal))
        .route("/tokens/expire", post(expire_token))
        .route("/tokens", post(set_tokens))
        .route("/files/{id}", get(file))
        .route("/files/{id}/{name}", get(named_file))
}

fn bad_request(message: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": message.into()})),
    )
        .into_response()
}

async fn info(State(app): State<App>) -> Response {
    let world = app.read();
    let mut value = serde_json::to_value(&app.info).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("seed".into(), json!(world.seed));
        map.insert("size".into(), json!(world.size));
        map.insert("anchor_ms".into(), json!(world.anchor_ms));
    }
    Json(value).into_response()
}

async fn reset(State(app): State<App>) -> Response {
    let (seed, size, anchor) = {
        let world = app.read();
        (world.seed, world.size, world.anchor_ms)
    };
    app.reseed(seed, size, anchor);
    Json(json!({"seed": seed, "size": size})).into_response()
}

#[derive(Debug, Deserialize)]
struct Reseed {
    seed: u64,
    size: Option<Size>,
}

async fn reseed(State(app): State<App>, body: axum::body::Bytes) -> Response {
    let Ok(request) = serde_json::from_slice::<Reseed>(&body) else {
        return bad_request("expected {\"seed\": number, \"size\": \"small\"|\"demo\"}");
    };
    let (size, anchor) = {
        let world = app.read();
        (request.size.unwrap_or(world.size), world.anchor_ms)
    };
    app.reseed(request.seed, size, anchor);
    Json(json!({"seed": request.seed, "size": size})).into_response()
}

async fn list_faults(State(app): State<App>) -> Response {
    Json(lock(&app.faults).list()).into_response()
}

async fn add_fault(State(app): State<App>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<FaultRule>(&body) {
        Ok(rule) => Json(json!({"id": lock(&app.faults).add(rule)})).into_response(),
        Err(error) => bad_request(format!("not a fault rule: {error}")),
    }
}

async fn clear_faults(State(app): State<App>) -> Response {
    lock(&app.faults).clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn remove_fault(State(app): State<App>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return bad_request("the fault ID is a number");
    };
    if lock(&app.faults).remove(id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

async fn journal(State(app): State<App>, RawQuery(query): RawQuery) -> Response {
    let mut path = None;
    let mut since = 0;
    let mut limit = 1_000;
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match key.as_ref() {
            "path" => path = Some(value.into_owned()),
            "since" => match value.parse() {
                Ok(number) => since = number,
                Err(_) => return bad_request("since is a number"),
            },
            "limit" => match value.parse() {
                Ok(number) => limit = number,
                Err(_) => return bad_request("limit is a number"),
            },
            _ => {}
        }
    }
    Json(lock(&app.journal).query(path.as_deref(), since, limit)).into_response()
}

async fn clear_journal(State(app): State<App>) -> Response {
    lock(&app.journal).clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn expire_token(State(app): State<App>) -> Response {
    lock(&app.tokens).expire();
    lock(&app.cc_tokens).expire();
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Debug, Deserialize)]
struct TokenSettings {
    ttl_seconds: u64,
}

async fn set_tokens(State(app): State<App>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<TokenSettings>(&body) {
        Ok(settings) => {
            lock(&app.tokens).set_ttl(Duration::from_secs(settings.ttl_seconds));
            lock(&app.cc_tokens).set_ttl(Duration::from_secs(settings.ttl_seconds));
            StatusCode::NO_CONTENT.into_response()
        }
        Err(_) => bad_request("expected {\"ttl_seconds\": number}"),
    }
}

async fn file(State(app): State<App>, Path(id): Path<String>) -> Response {
    if let Some(sample) = Sample::by_id(&id) {
        return ([(header::CONTENT_TYPE, "image/png")], sample.bytes()).into_response();
    }
    match lock(&app.files).get(&id).cloned() {
        Some(stored) => {
            let disposition = format!(
                "attachment; filename*=UTF-8''{}",
                url::form_urlencoded::byte_serialize(stored.name.as_bytes()).collect::<String>()
            );
            (
                [
                    (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                stored.bytes,
            )
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn named_file(state: State<App>, Path((id, _name)): Path<(String, String)>) -> Response {
    file(state, Path(id)).await
}
