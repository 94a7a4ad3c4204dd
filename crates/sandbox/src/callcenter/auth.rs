//! Call center (V6) tokens: `POST /tokens/company` and `POST /tokens/agent`, and the
//! `Authorization` check of every API endpoint.
//!
//! * Both token calls take `{responseType: "token", appId, currentTime (epoch ms), sign}` with
//!   `sign = md5(appId + currentTime + "token" + appSecret)`; the agent call adds `agentId` or
//!   `agentNo` (`agentId` wins). Wrong `appId` or sign → HTTP 401; a missing field or another
//!   `responseType` → 400; an unknown agent → 404.
//! * The answer is `{response_type: "token", access_token, expires_in}` (seconds; the lifetime
//!   is [`crate::SandboxConfig::token_ttl`]).
//! * `Authorization` takes `Bearer <token>` or the bare token (the docs do not settle the
//!   prefix). A missing, unknown or expired token → HTTP 401 (the only documented failure).
//!   Company and agent tokens are accepted everywhere (which one the five "Agent token"
//!   endpoints need is undocumented). A new token does not invalidate the older ones: the V6
//!   docs say nothing like v5's "every get_token invalidates the previous token".

use std::collections::HashMap;
use std::time::Duration;

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Value, json};

use super::reply::{self, Answer};
use crate::app::{App, lock};
use crate::clock::now_ms;

/// The issued tokens and their expiry.
#[derive(Debug)]
pub(crate) struct CcTokens {
    issued: HashMap<String, i64>,
    count: u64,
    ttl: Duration,
    seed: u64,
}

impl CcTokens {
    /// No token yet; new ones live `ttl`.
    pub fn new(seed: u64, ttl: Duration) -> Self {
        Self {
            issued: HashMap::new(),
            count: 0,
            ttl,
            seed,
        }
    }

    /// Issues a token for `subject` at `now`.
    pub fn issue(&mut self, subject: &str, now: i64) -> (String, Duration) {
        self.count += 1;
        let token = format!(
            "cc.{:x}",
            md5::compute(format!("{}:{}:{subject}", self.seed, self.count))
        );
        let ttl_ms = i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX);
        self.issued
            .retain(|_, expires| *expires > now || *expires == i64::MIN);
        self.issued
            .insert(token.clone(), now.saturating_add(ttl_ms));
        (token, self.ttl)
    }

    /// Whether `token` was issued and has not expired at `now`.
    pub fn accepts(&self, token: &str, now: i64) -> bool {
        self.issued.get(token).is_some_and(|expires| *expires > now)
    }

    /// Expires every issued token now.
    pub fn expire(&mut self) {
        for expires in self.issued.values_mut() {
            *expires = i64::MIN;
        }
    }

    /// Sets the lifetime of tokens issued from now on.
    pub fn set_ttl(&mut self, ttl: Duration) {
        self.ttl = ttl;
    }

    /// How many tokens were issued.
    pub fn issued(&self) -> u64 {
        self.count
    }
}

fn text(body: &Value, key: &str) -> Option<String> {
    match body.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn check_signed(app: &App, body: &Value) -> Result<(), Response> {
    for field in ["responseType", "appId", "currentTime", "sign"] {
        if text(body, field).is_none() {
            return Err(reply::missing(field));
        }
    }
    if text(body, "responseType").as_deref() != Some("token") {
        return Err(reply::invalid("responseType", "only `token` is accepted"));
    }
    let credentials = &app.config.callcenter;
    let app_id = text(body, "appId").unwrap_or_default();
    if app_id != credentials.app_id {
        return Err(reply::fail_code(401, "appId not found"));
    }
    let time = text(body, "currentTime").unwrap_or_default();
    let expected = format!(
        "{:x}",
        md5::compute(format!("{app_id}{time}token{}", credentials.app_secret))
    );
    let sign = text(body, "sign").unwrap_or_default().to_ascii_lowercase();
    if sign != expected {
        return Err(reply::fail_code(401, "sign error"));
    }
    Ok(())
}

fn token_answer(app: &App, subject: &str) -> Answer {
    let (token, ttl) = lock(&app.cc_tokens).issue(subject, now_ms());
    Ok(Json(json!({
        "response_type": "token",
        "access_token": token,
        "expires_in": ttl.as_secs(),
    }))
    .into_response())
}

/// `POST /tokens/company`.
pub(crate) async fn company_token(State(app): State<App>, body: Bytes) -> Answer {
    let body: Value = serde_json::from_slice(&body).unwrap_or_default();
    check_signed(&app, &body)?;
    token_answer(&app, "company")
}

/// `POST /tokens/agent`.
pub(crate) async fn agent_token(State(app): State<App>, body: Bytes) -> Answer {
    let body: Value = serde_json::from_slice(&body).unwrap_or_default();
    check_signed(&app, &body)?;
    let world = app.read();
    let agent = match (text(&body, "agentId"), text(&body, "agentNo")) {
        (Some(id), _) => world
            .callcenter
            .agent(&id, true)
            .ok_or_else(|| reply::not_found("agentId", &id))?,
        (None, Some(number)) => world
            .callcenter
            .agent(&number, false)
            .ok_or_else(|| reply::not_found("agentNo", &number))?,
        (None, None) => return Err(reply::invalid("agentId", "agentId or agentNo is required")),
    };
    let subject = agent.uuid.clone();
    drop(world);
    token_answer(&app, &subject)
}

/// A request whose token checked out.
#[derive(Debug, Clone)]
pub(crate) struct Authorized {
    /// The shared state.
    pub app: App,
}

impl FromRequestParts<App> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .unwrap_or_default();
        let token = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .unwrap_or(header)
            .trim();
        if token.is_empty() {
            return Err(reply::fail_code(401, "Authorization is required"));
        }
        if !lock(&app.cc_tokens).accepts(token, now_ms()) {
            return Err(reply::fail_code(401, "token expired or invalid"));
        }
        Ok(Authorized { app: app.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_live_side_by_side_until_they_expire() {
        let mut tokens = CcTokens::new(1, Duration::from_secs(60));
        let (a, _) = tokens.issue("company", 0);
        let (b, _) = tokens.issue("company", 1);
        assert_ne!(a, b);
        assert!(tokens.accepts(&a, 2) && tokens.accepts(&b, 2));
        assert!(!tokens.accepts(&a, 60_000));
        tokens.expire();
        assert!(!tokens.accepts(&b, 3));
        assert_eq!(tokens.issued(), 2);
    }
}
