//! Helpers shared by the integration tests: fixtures, a local Udesk stand-in, request checks.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use serde_json::Value;
use udesk::auth::NonceSource;
use udesk::{UdeskClient, UdeskConfig};
use vendor_http::test_support::fast_retries;
// Not every test file uses every helper.
#[allow(unused_imports)]
pub use vendor_http::test_support::{
    header, only_request, pairs, query_in_order as all_query, requests_to, respond,
};
use vendor_http::{ManualClock, Secret};
use wiremock::{MockServer, Request};

/// The email every test client signs with.
pub const EMAIL: &str = "admin@udesk.cn";
/// The API token every test client signs with.
pub const TOKEN: &str = "open-api-token-5f0c2a";
/// The test clock's time (the seed examples' timestamp).
pub const NOW: u64 = 1_494_474_404;

/// The path of a copied vendor example.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fixture's raw text.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

/// A fixture as JSON.
pub fn fixture(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).unwrap()
}

/// Nonces `nonce-1`, `nonce-2`, ... so tests can tell attempts apart.
#[derive(Debug, Default)]
pub struct CountingNonce(AtomicU32);

impl NonceSource for CountingNonce {
    fn nonce(&self) -> String {
        format!("nonce-{}", self.0.fetch_add(1, Ordering::SeqCst) + 1)
    }
}

/// The test configuration for `server`: fast retries, no client-side rate limit.
pub fn config_for(server: &MockServer) -> UdeskConfig {
    let url = url::Url::parse(&server.uri()).unwrap();
    let mut config = UdeskConfig::new(url, EMAIL, Secret::new(TOKEN))
        .with_calls_per_minute(None)
        .with_retry(fast_retries());
    config.http.request_timeout = Duration::from_secs(5);
    config
}

/// A client for `server` with a manual clock at [`NOW`] and counting nonces.
pub fn client_for(server: &MockServer) -> UdeskClient {
    client_with(server, |config| config)
}

/// Like [`client_for`], with the configuration adjusted.
pub fn client_with(
    server: &MockServer,
    adjust: impl FnOnce(UdeskConfig) -> UdeskConfig,
) -> UdeskClient {
    UdeskClient::builder(adjust(config_for(server)))
        .clock(Arc::new(ManualClock::at_unix_seconds(NOW)))
        .nonce_source(Arc::new(CountingNonce::default()))
        .build()
        .unwrap()
}

/// A stand-in and a client for it.
pub async fn server_and_client() -> (MockServer, UdeskClient) {
    let server = MockServer::start().await;
    let client = client_for(&server);
    (server, client)
}

/// The names of the five authentication parameters.
pub const AUTH_PARAMS: [&str; 5] = ["email", "timestamp", "sign", "nonce", "sign_version"];

/// The endpoint's own query pairs (the auth parameters removed), sorted.
pub fn query_of(request: &Request) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = all_query(request)
        .into_iter()
        .filter(|(k, _)| !AUTH_PARAMS.contains(&k.as_str()))
        .collect();
    pairs.sort();
    pairs
}

/// One query value.
pub fn query_value(request: &Request, name: &str) -> Option<String> {
    all_query(request)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Checks that a request carries the five auth parameters first, in the examples' order, with
/// a valid v2 signature for its nonce and timestamp; returns the nonce.
pub fn assert_signed(request: &Request) -> String {
    let all = all_query(request);
    let names: Vec<&str> = all.iter().take(5).map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, AUTH_PARAMS, "auth parameters first, in order");
    let value = |name: &str| query_value(request, name).unwrap();
    assert_eq!(value("email"), EMAIL);
    assert_eq!(value("sign_version"), "v2");
    let timestamp: i64 = value("timestamp").parse().unwrap();
    let nonce = value("nonce");
    let expected = udesk::auth::sign(EMAIL, &Secret::new(TOKEN), timestamp, &nonce);
    assert_eq!(value("sign"), expected, "signature of this attempt");
    // Every value is URL-encoded: the raw query has no bare `@`.
    let raw = request.url.query().unwrap_or_default();
    assert!(raw.contains("email=admin%40udesk.cn"), "{raw}");
    nonce
}

/// The JSON body of a request, checking its content type.
pub fn json_of(request: &Request) -> Value {
    assert_eq!(
        header(request, "content-type").as_deref(),
        Some("application/json")
    );
    serde_json::from_slice(&request.body).unwrap()
}

/// Checks a request has no body.
pub fn assert_no_body(request: &Request) {
    assert!(request.body.is_empty(), "unexpected body");
    assert_eq!(header(request, "content-type"), None);
}

/// A success answer with a message.
pub fn ok() -> Value {
    serde_json::json!({"code": 1000, "message": "success"})
}

/// Decodes a fixture into `T`, re-encodes it, and checks that every field of the fixture
/// survived with its value (values compared as trimmed text), except at the `skip` paths
/// (e.g. `.ticket.tags`), which the caller asserts itself.
pub fn assert_decodes_losslessly<T>(name: &str, skip: &[&str]) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let original = fixture(name);
    let decoded: T = vendor_http::decode_json(fixture_text(name).as_bytes())
        .unwrap_or_else(|error| panic!("{name} does not decode: {error}"));
    let encoded = serde_json::to_value(&decoded).unwrap();
    let mut lost = Vec::new();
    compare(&original, &encoded, "", skip, &mut lost);
    assert!(lost.is_empty(), "{name}: fields lost or changed: {lost:#?}");
    decoded
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.trim().to_owned(),
        other => other.to_string(),
    }
}

fn compare(original: &Value, encoded: &Value, at: &str, skip: &[&str], lost: &mut Vec<String>) {
    if skip.contains(&at) {
        return;
    }
    match original {
        Value::Object(map) => {
            for (key, value) in map {
                let path = format!("{at}.{key}");
                match encoded.get(key) {
                    Some(inner) => compare(value, inner, &path, skip, lost),
                    None if is_empty(value) || skip.contains(&path.as_str()) => {}
                    None => lost.push(path),
                }
            }
        }
        Value::Array(items) => match encoded {
            Value::Array(encoded_items) if encoded_items.len() == items.len() => {
                for (a, b) in items.iter().zip(encoded_items) {
                    compare(a, b, &format!("{at}[*]"), skip, lost);
                }
            }
            other => lost.push(format!("{at}: array became {other}")),
        },
        Value::Null => {}
        scalar => {
            if is_empty(scalar) && (encoded.is_null() || is_empty(encoded)) {
                return;
            }
            if scalar_text(scalar) != scalar_text(encoded) {
                lost.push(format!("{at}: {scalar} became {encoded}"));
            }
        }
    }
}

/// A curl example, parsed: method, path, the endpoint's own query pairs (auth removed, sorted,
/// decoded), the raw query text, and the JSON body if any.
#[derive(Debug)]
pub struct CurlExample {
    /// HTTP method.
    pub method: String,
    /// URL path.
    pub path: String,
    /// The endpoint's own query pairs.
    pub query: Vec<(String, String)>,
    /// The raw query string.
    pub raw_query: String,
    /// The `-d` body.
    pub body: Option<Value>,
    /// Whether the body is `--data-binary` (a raw upload).
    pub binary: bool,
}

/// Parses a curl example (first command in the file). The seed's URLs are unquoted and one is
/// broken over two lines (003:1659-1660); a line starting with `&` continues the URL.
pub fn curl(name: &str) -> CurlExample {
    let text = fixture_text(name);
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') && lines.is_empty() {
            continue;
        }
        if line.starts_with('#') {
            break;
        }
        if line.starts_with('&')
            && let Some(last) = lines.last_mut()
        {
            let mut words = line.split_whitespace();
            last.push_str(words.next().unwrap());
            let rest: Vec<&str> = words.collect();
            last.push(' ');
            last.push_str(&rest.join(" "));
            continue;
        }
        lines.push(line.to_owned());
    }
    let joined = lines.join("\n");
    let url_text = joined
        .split_whitespace()
        .find(|word| word.starts_with("http"))
        .unwrap();
    let url = url::Url::parse(url_text).unwrap();
    let body = joined.find("-d '").map(|start| {
        let rest = &joined[start + 4..];
        let end = rest.rfind('\'').unwrap();
        serde_json::from_str::<Value>(&rest[..end]).unwrap()
    });
    let binary = joined.contains("--data-binary");
    let method = joined
        .split_whitespace()
        .skip_while(|word| *word != "-X")
        .nth(1)
        .map(str::to_owned)
        .unwrap_or_else(|| {
            if body.is_some() || binary {
                "POST"
            } else {
                "GET"
            }
            .to_owned()
        });
    let mut query: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .filter(|(k, _)| !AUTH_PARAMS.contains(&k.as_str()))
        .collect();
    query.sort();
    CurlExample {
        method,
        path: url.path().to_owned(),
        query,
        raw_query: url.query().unwrap_or_default().to_owned(),
        body,
        binary,
    }
}
