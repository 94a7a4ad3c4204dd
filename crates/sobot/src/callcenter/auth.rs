//! Call-center V6 authentication (sobot-callcenter.md §1): the signed body of
//! `POST /tokens/company` and `POST /tokens/agent`, and a lenient reading of the answer.
//!
//! The seed only points to a missing "Obtain the Authentication Token" section (004:40); the
//! mechanism comes from the vendor's V6 auth pages (§1.2 A and B): `sign =
//! MD5(appId + currentTime + responseType + appSecret)` over the plain concatenation, with
//! `currentTime` in epoch milliseconds and `responseType` always `token`.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use vendor_http::Secret;

use super::config::AgentIdentity;

/// The only `responseType` the token service accepts.
pub const RESPONSE_TYPE: &str = "token";

/// `md5(app_id + current_time + response_type + app_secret)` as 32 lowercase hex digits.
pub fn sign(
    app_id: &str,
    current_time_ms: i64,
    response_type: &str,
    app_secret: &Secret,
) -> String {
    let input = format!(
        "{app_id}{current_time_ms}{response_type}{}",
        app_secret.expose()
    );
    format!("{:x}", md5::compute(input.as_bytes()))
}

/// The JSON body of a token request. Build it with [`TokenRequest::company`] or
/// [`TokenRequest::agent`], which sign it.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    /// Always `token`.
    pub response_type: String,
    /// The application id.
    pub app_id: String,
    /// Epoch milliseconds (a JSON number, typed Long).
    pub current_time: i64,
    /// See [`sign`].
    pub sign: String,
    /// The agent's id (agent tokens only).
    pub agent_id: Option<String>,
    /// The agent's work number (agent tokens only; ignored by Sobot when `agentId` is given,
    /// so only one of the two is sent).
    pub agent_no: Option<String>,
}

impl TokenRequest {
    /// The body of `POST /tokens/company`, signed for `current_time_ms`.
    pub fn company(app_id: &str, app_secret: &Secret, current_time_ms: i64) -> Self {
        Self {
            response_type: RESPONSE_TYPE.into(),
            app_id: app_id.to_owned(),
            current_time: current_time_ms,
            sign: sign(app_id, current_time_ms, RESPONSE_TYPE, app_secret),
            agent_id: None,
            agent_no: None,
        }
    }

    /// The body of `POST /tokens/agent` for `agent`, signed for `current_time_ms`.
    pub fn agent(
        app_id: &str,
        app_secret: &Secret,
        current_time_ms: i64,
        agent: &AgentIdentity,
    ) -> Self {
        let mut request = Self::company(app_id, app_secret, current_time_ms);
        match agent {
            AgentIdentity::Id(id) => request.agent_id = Some(id.clone()),
            AgentIdentity::WorkNumber(number) => request.agent_no = Some(number.clone()),
        }
        request
    }
}

/// A token found in a token answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenAnswer {
    /// The access token.
    pub token: Secret,
    /// Its lifetime when the answer or the JWT states one.
    pub lifetime: Option<Duration>,
}

/// Containers the token may be wrapped in (a V6 envelope's `data`, a v5-style `item`, the
/// outbound robot's `content`).
const CONTAINERS: &[&str] = &["data", "item", "content", "result"];

/// Keys a lifetime in seconds may have.
const LIFETIME_KEYS: &[&str] = &["expires_in", "expiresIn", "expire_in", "expireIn"];

/// Finds the token in a token answer, trying `keys` at the top level, then inside the usual
/// containers. The lifetime comes from an `expires_in`-like field (seconds) or, failing that,
/// from the JWT's `iat`/`exp` claims (seconds or milliseconds) relative to `now_ms`.
pub fn read_token_answer(answer: &Value, keys: &[String], now_ms: i64) -> Option<TokenAnswer> {
    let scopes = std::iter::once(answer).chain(CONTAINERS.iter().filter_map(|c| answer.get(*c)));
    for scope in scopes {
        let Some(token) = keys
            .iter()
            .filter_map(|key| scope.get(key.as_str()))
            .find_map(|value| value.as_str().filter(|t| !t.trim().is_empty()))
        else {
            continue;
        };
        let stated = LIFETIME_KEYS
            .iter()
            .filter_map(|key| scope.get(*key))
            .find_map(seconds_of)
            .filter(|seconds| *seconds > 0)
            .map(|seconds| Duration::from_secs(seconds.unsigned_abs()));
        let lifetime = stated.or_else(|| jwt_lifetime(token, now_ms));
        return Some(TokenAnswer {
            token: Secret::new(token.trim()),
            lifetime,
        });
    }
    None
}

fn seconds_of(value: &Value) -> Option<i64> {
    match value {
        Value::Number(number) => number.as_i64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// Epoch values above this are milliseconds (V6 console JWTs carry `exp` in milliseconds,
/// §1.2 E), below it seconds.
const MILLIS_THRESHOLD: i64 = 100_000_000_000;

fn to_millis(value: i64) -> i64 {
    if value > MILLIS_THRESHOLD {
        value
    } else {
        value.saturating_mul(1000)
    }
}

/// The lifetime of a JWT from its (unverified, public) claims: `exp - iat` when both are
/// present, else `exp - now`. `None` when the token is not a JWT or the claims are missing.
pub fn jwt_lifetime(token: &str, now_ms: i64) -> Option<Duration> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64url_decode(payload)?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    let exp = to_millis(claims.get("exp").and_then(seconds_of)?);
    let start = claims
        .get("iat")
        .and_then(seconds_of)
        .map(to_millis)
        .unwrap_or(now_ms);
    let millis = exp.checked_sub(start).filter(|m| *m > 0)?;
    Some(Duration::from_millis(millis.unsigned_abs()))
}

/// Decodes unpadded (or padded) base64url.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits: u32 = 0;
    let mut count = 0;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for byte in text.trim_end_matches('=').bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push(u8::try_from((bits >> count) & 0xff).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn keys() -> Vec<String> {
        vec!["access_token".into(), "accessToken".into(), "token".into()]
    }

    #[test]
    fn sign_is_md5_of_the_plain_concatenation_in_lowercase_hex() {
        // printf '%s' 'app-11656143373000tokensecret-1' | md5sum
        assert_eq!(
            sign(
                "app-1",
                1_656_143_373_000,
                "token",
                &Secret::new("secret-1")
            ),
            "01f85564557131265a0e97071e8fe42e"
        );
    }

    #[test]
    fn the_company_request_has_milliseconds_as_a_number_and_no_agent() {
        let request = TokenRequest::company("app-1", &Secret::new("secret-1"), 1_656_143_373_000);
        assert_eq!(
            serde_json::to_value(&request).expect("encodes"),
            json!({"responseType": "token", "appId": "app-1", "currentTime": 1_656_143_373_000_i64,
                   "sign": "01f85564557131265a0e97071e8fe42e"})
        );
    }

    #[test]
    fn the_agent_request_sends_either_the_id_or_the_work_number() {
        let secret = Secret::new("s");
        let by_id = TokenRequest::agent("a", &secret, 1, &AgentIdentity::Id("u-1".into()));
        let by_no = TokenRequest::agent("a", &secret, 1, &AgentIdentity::WorkNumber("1001".into()));
        assert_eq!(
            (by_id.agent_id.as_deref(), by_id.agent_no),
            (Some("u-1"), None)
        );
        assert_eq!(
            (by_no.agent_id, by_no.agent_no.as_deref()),
            (None, Some("1001"))
        );
        assert_eq!(by_id.sign, sign("a", 1, "token", &secret));
    }

    #[test]
    fn both_token_spellings_and_a_wrapping_envelope_are_read() {
        let snake = json!({"response_type": "token", "access_token": "t1"});
        let camel = json!({"accessToken": "t2"});
        let wrapped = json!({"code": 200, "data": {"access_token": "t3", "expires_in": "7200"}});
        let read = |v: &Value| read_token_answer(v, &keys(), 0).expect("token found");
        assert_eq!(read(&snake).token.expose(), "t1");
        assert_eq!(read(&camel).token.expose(), "t2");
        let answer = read(&wrapped);
        assert_eq!(answer.token.expose(), "t3");
        assert_eq!(answer.lifetime, Some(Duration::from_secs(7200)));
        assert!(
            read_token_answer(&json!({"code": 401, "message": "sign error"}), &keys(), 0).is_none()
        );
    }

    #[test]
    fn a_jwt_lifetime_comes_from_its_claims_in_seconds_or_milliseconds() {
        let millis =
            "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwODY0MDAwMDAsImlhdCI6MTcwMDAwMDAwMDAwMH0.sig";
        let seconds = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwODY0MDAsImlhdCI6MTcwMDAwMDAwMCwiaXNzIjoic29ib3QifQ.sig";
        assert_eq!(jwt_lifetime(millis, 0), Some(Duration::from_secs(86_400)));
        assert_eq!(jwt_lifetime(seconds, 0), Some(Duration::from_secs(86_400)));
        assert_eq!(jwt_lifetime("not-a-jwt", 0), None);
        let answer = read_token_answer(&json!({"accessToken": millis}), &keys(), 0).expect("found");
        assert_eq!(answer.lifetime, Some(Duration::from_secs(86_400)));
    }
}
