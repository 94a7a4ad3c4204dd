//! `GET /api/get_token` and the token check every other v5 endpoint makes.
//!
//! * The signature is `md5(appid + create_time + app_key)`; a wrong one gives `900003`, an
//!   unknown appid `900004`.
//! * Every `get_token` issues a new token and invalidates the previous one (000:22-30); a
//!   superseded or expired token gives `900002`, a blank one `900001`.
//! * Tokens live [`crate::SandboxConfig::token_ttl`] (24 h by default), adjustable at run time.

use std::time::Duration;

use axum::extract::{FromRequestParts, RawQuery, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::Response;
use serde_json::json;

use super::params::Params;
use super::reply::{self, Answer, Lang};
use crate::app::{App, lock};
use crate::clock::{UTC8, now_ms};

/// The token in force.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Issued {
    token: String,
    expires_ms: i64,
}

/// The tokens of the one v5 credential the sandbox accepts.
#[derive(Debug, Clone)]
pub(crate) struct Tokens {
    current: Option<Issued>,
    issued: u64,
    ttl: Duration,
    seed: u64,
}

impl Tokens {
    /// No token yet; new ones live `ttl`.
    pub fn new(seed: u64, ttl: Duration) -> Self {
        Self {
            current: None,
            issued: 0,
            ttl,
            seed,
        }
    }

    /// Issues a new token at `now_ms`, invalidating the previous one.
    pub fn issue(&mut self, appid: &str, now_ms: i64) -> (String, Duration) {
        self.issued += 1;
        let token = format!(
            "{:x}",
            md5::compute(format!("{}:{}:{appid}", self.seed, self.issued))
        );
        let ttl_ms = i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX);
        self.current = Some(Issued {
            token: token.clone(),
            expires_ms: now_ms.saturating_add(ttl_ms),
        });
        (token, self.ttl)
    }

    /// Whether `token` is the current one and has not expired at `now_ms`.
    pub fn accepts(&self, token: &str, now_ms: i64) -> bool {
        self.current
            .as_ref()
            .is_some_and(|issued| issued.token == token && issued.expires_ms > now_ms)
    }

    /// Expires the current token now (the `token_expiry` fault and the admin call).
    pub fn expire(&mut self) {
        if let Some(issued) = &mut self.current {
            issued.expires_ms = i64::MIN;
        }
    }

    /// Sets the lifetime of tokens issued from now on.
    pub fn set_ttl(&mut self, ttl: Duration) {
        self.ttl = ttl;
    }

    /// How many tokens were issued.
    pub fn issued(&self) -> u64 {
        self.issued
    }
}

/// `GET /api/get_token?appid&create_time&sign`.
pub(crate) async fn get_token(
    State(app): State<App>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Answer {
    let lang = Lang::of(&headers);
    let params = Params::parse(query.as_deref());
    let appid = params.get("appid").unwrap_or_default();
    if appid != app.config.sobot.appid {
        return Err(reply::fail(lang, "900004"));
    }
    let create_time = params.get("create_time").unwrap_or_default();
    let sign = params.get("sign").unwrap_or_default().to_ascii_lowercase();
    let expected = format!(
        "{:x}",
        md5::compute(format!("{appid}{create_time}{}", app.config.sobot.app_key))
    );
    if create_time.is_empty() || sign != expected {
        return Err(reply::fail(lang, "900003"));
    }
    let (token, ttl) = lock(&app.tokens).issue(appid, now_ms());
    reply::raw(json!({
        "item": {"token": token, "expires_in": ttl.as_secs().to_string()},
        "ret_code": "000000",
        "ret_msg": reply::success_message(lang),
    }))
}

/// What every token-checked handler gets: the app, the language and the UTC offset of times.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// The shared state.
    pub app: App,
    /// The language of `ret_msg`.
    pub lang: Lang,
    /// The UTC offset (seconds) of date-time strings, from the `timezoneid` header.
    pub offset: i32,
}

impl Ctx {
    /// A documented error in this request's language.
    pub fn fail(&self, code: &str) -> Response {
        reply::fail(self.lang, code)
    }

    /// `400004` naming what was wrong.
    pub fn invalid(&self, what: &str) -> Response {
        reply::invalid(self.lang, what)
    }
}

/// The fixed offsets of the zones the sandbox understands in `timezoneid` (DST ignored); other
/// zones fall back to the default `Asia/Shanghai`.
pub(crate) fn zone_offset(zone: &str) -> Option<i32> {
    let hours = match zone.trim() {
        "Asia/Shanghai" | "Asia/Singapore" | "Asia/Hong_Kong" | "Asia/Taipei"
        | "Asia/Kuala_Lumpur" | "Asia/Manila" | "Australia/Perth" => 8.0,
        "Asia/Tokyo" | "Asia/Seoul" => 9.0,
        "Asia/Bangkok" | "Asia/Jakarta" | "Asia/Ho_Chi_Minh" => 7.0,
        "Asia/Kolkata" => 5.5,
        "Asia/Dubai" => 4.0,
        "Europe/London" | "UTC" | "Etc/UTC" => 0.0,
        "Europe/Paris" | "Europe/Berlin" | "Europe/Madrid" => 1.0,
        "America/New_York" => -5.0,
        "America/Chicago" => -6.0,
        "America/Denver" => -7.0,
        "America/Los_Angeles" => -8.0,
        "America/Caracas" => -4.0,
        "Australia/Sydney" => 10.0,
        _ => return None,
    };
    // Whole and half hours only, so the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    Some((hours * 3600.0) as i32)
}

impl FromRequestParts<App> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let lang = Lang::of(&parts.headers);
        let token = parts
            .headers
            .get("token")
            .and_then(|value| value.to_str().ok())
            .map(str::trim)
            .unwrap_or_default();
        if token.is_empty() {
            return Err(reply::fail(lang, "900001"));
        }
        if !lock(&app.tokens).accepts(token, now_ms()) {
            return Err(reply::fail(lang, "900002"));
        }
        let offset = parts
            .headers
            .get("timezoneid")
            .and_then(|value| value.to_str().ok())
            .and_then(zone_offset)
            .unwrap_or(UTC8);
        Ok(Ctx {
            app: app.clone(),
            lang,
            offset,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_token_invalidates_the_previous_one() {
        let mut tokens = Tokens::new(1, Duration::from_secs(60));
        let (first, _) = tokens.issue("a", 0);
        assert!(tokens.accepts(&first, 1));
        let (second, _) = tokens.issue("a", 1);
        assert_ne!(first, second);
        assert!(!tokens.accepts(&first, 2));
        assert!(tokens.accepts(&second, 2));
    }

    #[test]
    fn tokens_expire_after_their_lifetime() {
        let mut tokens = Tokens::new(1, Duration::from_secs(60));
        let (token, _) = tokens.issue("a", 0);
        assert!(tokens.accepts(&token, 59_999));
        assert!(!tokens.accepts(&token, 60_000));
    }

    #[test]
    fn an_expired_token_is_refused_until_a_new_one_is_issued() {
        let mut tokens = Tokens::new(1, Duration::from_secs(60));
        let (token, _) = tokens.issue("a", 0);
        tokens.expire();
        assert!(!tokens.accepts(&token, 1));
        assert_eq!(tokens.issued(), 1);
    }

    #[test]
    fn known_zones_have_their_offsets() {
        assert_eq!(zone_offset("Asia/Shanghai"), Some(8 * 3600));
        assert_eq!(zone_offset("Asia/Kolkata"), Some(19_800));
        assert_eq!(zone_offset("Mars/Olympus"), None);
    }
}
