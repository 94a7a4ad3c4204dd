//! Udesk authentication: `POST /open_api_v1/log_in`, the v2 signature every other call
//! carries, nonce reuse, timestamp skew and the per-minute rate limit.
//!
//! * `sign = lowercase_hex(sha256(email&token&timestamp&nonce&v2))` (udesk-ticket.md §1.2);
//!   wrong sign or `sign_version` → `2059`; an email other than the super administrator's →
//!   `2015`.
//! * `timestamp` missing or not Unix seconds → `20621`; more than
//!   [`crate::SandboxConfig::udesk_timestamp_skew`] off → `20622`.
//! * `nonce` missing → `20624`; used before within
//!   [`crate::SandboxConfig::udesk_nonce_window`] → `20623` (a nonce is spent only by a request
//!   whose signature is right).
//! * `log_in` with the wrong email or password → `2005` (secondary source, §4).

use std::collections::{HashMap, VecDeque};

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::reply::{self, Answer};
use crate::app::{App, lock};
use crate::clock::now_ms;
use crate::sobot::params::Params;

/// Used nonces and the rate-limit allowance.
#[derive(Debug, Default)]
pub(crate) struct UdeskGuard {
    seen: HashMap<String, i64>,
    order: VecDeque<(i64, String)>,
    allowance: Option<(f64, i64)>,
}

impl UdeskGuard {
    /// Records `nonce` at `now`; false if it was used within `window_ms`.
    pub fn spend(&mut self, nonce: &str, now: i64, window_ms: i64) -> bool {
        while let Some((at, old)) = self.order.front() {
            if now - *at < window_ms {
                break;
            }
            if self.seen.get(old) == Some(at) {
                self.seen.remove(old);
            }
            self.order.pop_front();
        }
        if self.seen.contains_key(nonce) {
            return false;
        }
        self.seen.insert(nonce.to_owned(), now);
        self.order.push_back((now, nonce.to_owned()));
        true
    }

    /// Takes one call of `per_minute` (a bucket refilled continuously, like the client's
    /// limiter); `Err(seconds)` until the next call is allowed.
    pub fn take(&mut self, per_minute: u32, now: i64) -> Result<(), u64> {
        let capacity = f64::from(per_minute.max(1));
        let (tokens, last) = self.allowance.unwrap_or((capacity, now));
        // Milliseconds elapsed are far below 2^52: the cast is exact.
        #[allow(clippy::cast_precision_loss)]
        let elapsed = (now - last).max(0) as f64 / 1000.0;
        let tokens = (tokens + elapsed * capacity / 60.0).min(capacity);
        if tokens >= 1.0 {
            self.allowance = Some((tokens - 1.0, now));
            Ok(())
        } else {
            self.allowance = Some((tokens, now));
            let wait = (1.0 - tokens) * 60.0 / capacity;
            // A positive wait of at most 60 seconds.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Err(wait.ceil().max(1.0) as u64)
        }
    }
}

/// The v2 signature.
pub(crate) fn sign(email: &str, token: &str, timestamp: &str, nonce: &str) -> String {
    let digest = Sha256::digest(format!("{email}&{token}&{timestamp}&{nonce}&v2").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A request whose signature checked out.
#[derive(Debug, Clone)]
pub(crate) struct Signed {
    /// The shared state.
    pub app: App,
    /// The query parameters (auth ones included).
    pub params: Params,
}

impl FromRequestParts<App> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let params = Params::parse(parts.uri.query());
        let credentials = &app.config.udesk;
        let nonce = params.get("nonce").map(str::trim).unwrap_or_default();
        if nonce.is_empty() {
            return Err(reply::fail(20624, "nonce不能为空 nonce is missing", None));
        }
        let timestamp = params.get("timestamp").map(str::trim).unwrap_or_default();
        let Ok(seconds) = timestamp.parse::<i64>() else {
            return Err(reply::fail(
                20621,
                "timestamp格式错误 timestamp is missing or malformed",
                None,
            ));
        };
        let now = now_ms();
        let skew_ms =
            i64::try_from(app.config.udesk_timestamp_skew.as_millis()).unwrap_or(i64::MAX);
        if (seconds.saturating_mul(1000) - now).abs() > skew_ms {
            return Err(reply::fail(
                20622,
                "timestamp已过期 timestamp is too far from the server's clock",
                None,
            ));
        }
        let email = params.get("email").map(str::trim).unwrap_or_default();
        if email != credentials.email {
            return Err(reply::fail(
                2015,
                "不是超级管理员 not a super administrator",
                None,
            ));
        }
        let given = params
            .get("sign")
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let version = params.get("sign_version").unwrap_or_default();
        if version != "v2" || given != sign(email, &credentials.api_token, timestamp, nonce) {
            return Err(reply::fail(2059, "open api签名不对", None));
        }
        let window = i64::try_from(app.config.udesk_nonce_window.as_millis()).unwrap_or(i64::MAX);
        if !lock(&app.udesk_guard).spend(nonce, now, window) {
            return Err(reply::fail(20623, "nonce已被使用 nonce already used", None));
        }
        Ok(Signed {
            app: app.clone(),
            params,
        })
    }
}

/// `POST /open_api_v1/log_in` `{"email", "password"}` → `{"code": 1000,
/// "open_api_auth_token"}`. Not signed.
pub(crate) async fn log_in(State(app): State<App>, body: Bytes) -> Answer {
    let body: Value = serde_json::from_slice(&body).unwrap_or_default();
    let email = body
        .get("email")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let password = body
        .get("password")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let credentials = &app.config.udesk;
    if email.trim() != credentials.email || password != credentials.password {
        return Err(reply::fail(
            reply::NOT_FOUND,
            "参数错误 wrong email or password",
            None,
        ));
    }
    Ok(
        Json(json!({"code": reply::SUCCESS, "open_api_auth_token": credentials.api_token}))
            .into_response(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_matches_the_clients_worked_example() {
        assert_eq!(
            sign(
                "admin@udesk.cn",
                "my-token",
                "1494474404",
                "2d931510-d99f-494a-8c67-87feb05e1594"
            ),
            "cbfe92e493e2fd4414c0ae3314a4c87401b47fecba0e0ff2e2e641f9aaaf3da6"
        );
    }

    #[test]
    fn a_nonce_is_refused_within_its_window_and_accepted_after() {
        let mut guard = UdeskGuard::default();
        assert!(guard.spend("n", 0, 900_000));
        assert!(!guard.spend("n", 899_999, 900_000));
        assert!(guard.spend("n", 900_000, 900_000));
    }

    #[test]
    fn the_rate_limit_allows_the_capacity_then_refills_over_the_minute() {
        let mut guard = UdeskGuard::default();
        for _ in 0..3 {
            assert!(guard.take(3, 0).is_ok());
        }
        assert_eq!(guard.take(3, 0), Err(20));
        assert!(guard.take(3, 20_000).is_ok());
    }
}
