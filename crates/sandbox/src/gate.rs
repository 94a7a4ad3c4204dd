//! The layer in front of every vendor endpoint: journal, rate limit, injected faults.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

use crate::app::{App, lock};
use crate::clock::now_ms;
use crate::faults::FaultKind;
use crate::journal::{BODY_EXCERPT, JournalEntry};
use crate::sobot::reply::{self, Lang};

/// Request bodies above this are refused (uploads included).
const MAX_BODY: usize = 32 * 1024 * 1024;

const JOURNAL_HEADERS: &[&str] = &[
    "token",
    "language",
    "timezoneid",
    "content-type",
    "idempotency-key",
];

/// Which vendor API a path belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    /// Sobot v5 (`/api/...`).
    Sobot,
    /// Sobot call center V6 (`/callservice/...`, `/tokens/...`).
    CallCenter,
    /// Udesk (`/open_api_v1/...`).
    Udesk,
}

impl Api {
    /// The API serving `path`.
    pub fn of(path: &str) -> Self {
        if path.starts_with(crate::udesk::PREFIX) {
            Api::Udesk
        } else if path.starts_with("/callservice/") || path.starts_with("/tokens/") {
            Api::CallCenter
        } else {
            Api::Sobot
        }
    }
}

/// Journals the request, applies the rate limit and the faults that fire, then handles it.
pub(crate) async fn gate(State(app): State<App>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let path = parts.uri.path().to_owned();
    let lang = Lang::of(&parts.headers);
    let mut entry = JournalEntry {
        seq: 0,
        at_ms: now_ms(),
        method: parts.method.to_string(),
        path: path.clone(),
        query: parts.uri.query().map(str::to_owned),
        headers: JOURNAL_HEADERS
            .iter()
            .filter_map(|name| {
                parts
                    .headers
                    .get(*name)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| ((*name).to_owned(), v.to_owned()))
            })
            .collect::<BTreeMap<_, _>>(),
        body: (!bytes.is_empty())
            .then(|| String::from_utf8_lossy(&bytes[..bytes.len().min(BODY_EXCERPT)]).into_owned()),
        status: 0,
        ret_code: None,
        faults: Vec::new(),
    };
    let api = Api::of(&path);
    let wait = match over_rate_limit(&app) {
        true => Some(1),
        false if api == Api::Udesk => udesk_rate_limit(&app),
        false => None,
    };
    if let Some(seconds) = wait {
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            "sandbox: rate limit exceeded",
        )
            .into_response();
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return finish(&app, entry, response).await;
    }
    let faults = lock(&app.faults).fire(&path);
    entry.faults = faults.iter().map(FaultKind::label).collect();
    let mut malformed = false;
    for fault in &faults {
        match fault {
            FaultKind::Latency { ms } => tokio::time::sleep(Duration::from_millis(*ms)).await,
            FaultKind::TokenExpiry => match api {
                Api::CallCenter => lock(&app.cc_tokens).expire(),
                _ => lock(&app.tokens).expire(),
            },
            FaultKind::MalformedBody => malformed = true,
            _ => {}
        }
    }
    for fault in &faults {
        match fault {
            FaultKind::HttpStatus { status } => {
                let status =
                    StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                let response = (status, format!("sandbox fault: HTTP {}", status.as_u16()));
                return finish(&app, entry, response.into_response()).await;
            }
            FaultKind::DropConnection => {
                entry.status = 200;
                lock(&app.journal).record(entry);
                return dropped();
            }
            FaultKind::VendorCode { code, message } => {
                let response = vendor_error(api, lang, code, message.as_deref());
                return finish(&app, entry, response).await;
            }
            _ => {}
        }
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if malformed {
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .unwrap_or_default();
        let cut = body.slice(..body.len() / 2);
        let response = Response::from_parts(parts, Body::from(cut));
        return finish(&app, entry, response).await;
    }
    finish(&app, entry, response).await
}

/// A vendor error in the envelope of the API the path belongs to: Sobot v5 `{ret_code,
/// ret_msg}`; Udesk `{code, message}` (HTTP 200); V6 `{code, status: "Failure", message}` under
/// the HTTP status equal to the code when it is one (else 200).
fn vendor_error(api: Api, lang: Lang, code: &str, message: Option<&str>) -> Response {
    match api {
        Api::Udesk => {
            let number = code.trim().parse::<i64>().unwrap_or(2000);
            return crate::udesk::reply::fail(number, message.unwrap_or("sandbox fault"), None);
        }
        Api::CallCenter => {
            let number = code.trim().parse::<i64>().unwrap_or(500);
            return crate::callcenter::reply::fail_code(number, message.unwrap_or("sandbox fault"));
        }
        Api::Sobot => {}
    }
    match message {
        Some(text) => {
            axum::Json(serde_json::json!({"ret_code": code, "ret_msg": text})).into_response()
        }
        None => reply::fail_with(lang, code, None),
    }
}

/// The Udesk per-minute allowance: `Some(seconds to wait)` when spent.
fn udesk_rate_limit(app: &App) -> Option<u64> {
    let per_minute = app.config.udesk_calls_per_minute?;
    lock(&app.udesk_guard).take(per_minute, now_ms()).err()
}

/// The top-level `"code"` of a V6 or Udesk answer (a number or a string), found without
/// parsing the body.
fn json_code(body: &[u8]) -> Option<String> {
    let key = b"\"code\":";
    let at = body.windows(key.len()).position(|window| window == key)?;
    let rest = &body[at + key.len()..];
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let end = rest.iter().position(|b| !b.is_ascii_alphanumeric())?;
    (end > 0)
        .then(|| std::str::from_utf8(&rest[..end]).ok().map(str::to_owned))
        .flatten()
}

fn over_rate_limit(app: &App) -> bool {
    let Some(limit) = app.config.rate_limit_per_second else {
        return false;
    };
    let second = now_ms().div_euclid(1000);
    let mut window = lock(&app.rate);
    if window.second != second {
        window.second = second;
        window.count = 0;
    }
    window.count += 1;
    window.count > limit
}

/// A response whose head goes out and whose body then fails, so the client sees the connection
/// break mid-answer.
fn dropped() -> Response {
    let stream = futures::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "sandbox fault: connection dropped",
        ))
    });
    let mut response = Response::new(Body::from_stream(stream));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Records the answer in the journal and returns it.
async fn finish(app: &App, mut entry: JournalEntry, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    entry.status = parts.status.as_u16();
    entry.ret_code = match Api::of(&entry.path) {
        Api::Sobot => ret_code(&body),
        Api::CallCenter | Api::Udesk => json_code(&body),
    };
    lock(&app.journal).record(entry);
    Response::from_parts(parts, Body::from(body))
}

/// The `ret_code` (or `retCode`) string of a JSON answer, found without parsing the body: the
/// envelopes put it first, hand-built answers (sorted keys) near the end, so the head and tail
/// are searched before the whole body.
fn ret_code(body: &[u8]) -> Option<String> {
    let head = &body[..body.len().min(256)];
    let tail = &body[body.len().saturating_sub(512)..];
    [head, tail, body].into_iter().find_map(find_ret_code)
}

fn find_ret_code(body: &[u8]) -> Option<String> {
    for key in [&b"\"ret_code\":\""[..], &b"\"retCode\":\""[..]] {
        if let Some(at) = body.windows(key.len()).position(|window| window == key) {
            let rest = &body[at + key.len()..];
            let end = rest.iter().position(|&b| b == b'"')?;
            return std::str::from_utf8(&rest[..end]).ok().map(str::to_owned);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ret_code_is_found_in_either_spelling_or_absent() {
        assert_eq!(
            ret_code(br#"{"item":{},"ret_code":"400020","ret_msg":"x"}"#).as_deref(),
            Some("400020")
        );
        assert_eq!(
            ret_code(br#"{"retCode":"000000","item":[]}"#).as_deref(),
            Some("000000")
        );
        assert_eq!(ret_code(b"sandbox fault: HTTP 503"), None);
        assert_eq!(ret_code(br#"{"ret_code":"0000"#), None);
        assert_eq!(
            json_code(br#"{"code":1000,"x":1}"#).as_deref(),
            Some("1000")
        );
        assert_eq!(
            json_code(br#"{"apiVersion":"6","code":"401"}"#).as_deref(),
            Some("401")
        );
        assert_eq!(json_code(b"plain"), None);
    }
}
