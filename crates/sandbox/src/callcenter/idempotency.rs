//! `Idempotency-Key` on the four outbound-task endpoints (004:1325, 1415, 1555, 1679): required,
//! and a repeated key returns the first answer without acting again.
//!
//! The retention window and the behaviour on reuse are undocumented; the sandbox keeps answers
//! until a reset, per path and key, and answers HTTP 422 when a key comes back with another
//! body. Only successful answers are kept, so a failed attempt can be retried under its key.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

use super::auth::Authorized;
use super::reply;
use crate::app::{App, lock};

/// A kept answer.
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    body_digest: [u8; 16],
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// Answers by `(path, key)`.
#[derive(Debug, Default)]
pub(crate) struct IdempotencyCache {
    answers: HashMap<(String, String), Kept>,
}

impl IdempotencyCache {
    /// Forgets every answer.
    pub fn clear(&mut self) {
        self.answers.clear();
    }

    /// How many answers are kept.
    pub fn len(&self) -> usize {
        self.answers.len()
    }
}

/// The layer: checks the token, requires the key, replays or runs and keeps the answer.
pub(crate) async fn idempotent(State(app): State<App>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Err(rejection) = Authorized::from_request_parts(&mut parts, &app).await {
        return rejection;
    }
    let key = parts
        .headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    if key.is_empty() {
        return reply::invalid("Idempotency-Key", "the header is required");
    }
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let digest = md5::compute(&bytes).0;
    let slot = (parts.uri.path().to_owned(), key);
    if let Some(kept) = lock(&app.idempotency).answers.get(&slot).cloned() {
        if kept.body_digest != digest {
            return reply::fail_code(
                422,
                "field `Idempotency-Key`: already used with another request body",
            );
        }
        let mut response = Response::new(Body::from(kept.body));
        *response.status_mut() = kept.status;
        *response.headers_mut() = kept.headers;
        return response;
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if !response.status().is_success() {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    lock(&app.idempotency).answers.insert(
        slot,
        Kept {
            body_digest: digest,
            status: parts.status,
            headers: parts.headers.clone(),
            body: body.clone(),
        },
    );
    Response::from_parts(parts, Body::from(body))
}
