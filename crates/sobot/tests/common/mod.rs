//! Helpers shared by the integration tests: fixtures, a local Sobot stand-in, request checks.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;
use sobot::{Host, Language, SobotClient, SobotConfig};
use vendor_http::Secret;
// Not every test file uses every helper.
use vendor_http::test_support::{fast_retries, query_in_order};
#[allow(unused_imports)]
pub use vendor_http::test_support::{header, only_request, pairs, requests_to, respond};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The directory of the copied vendor examples.
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

/// Decodes a fixture into `T`, re-encodes it, and checks that every field of the fixture survived
/// with its value (keys compared after `renames`, values compared as trimmed text).
pub fn assert_decodes_losslessly<T>(name: &str, renames: &[(&str, &str)])
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let original = fixture(name);
    let decoded: T = vendor_http::decode_json(fixture_text(name).as_bytes())
        .unwrap_or_else(|error| panic!("{name} does not decode: {error}"));
    let encoded = serde_json::to_value(&decoded).unwrap();
    let mut lost = Vec::new();
    compare(&original, &encoded, "", renames, &mut lost);
    assert!(lost.is_empty(), "{name}: fields lost or changed: {lost:#?}");
}

/// Decodes a request example into `T` and checks that encoding it gives the example back.
pub fn assert_request_round_trips<T>(example: Value)
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let typed: T = serde_json::from_value(example.clone()).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), example);
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.trim().to_owned(),
        other => other.to_string(),
    }
}

fn compare(
    original: &Value,
    encoded: &Value,
    at: &str,
    renames: &[(&str, &str)],
    lost: &mut Vec<String>,
) {
    match original {
        Value::Object(map) => {
            for (key, value) in map {
                let renamed = renames
                    .iter()
                    .find(|(from, _)| *from == key)
                    .map(|(_, to)| (*to).to_owned())
                    .unwrap_or_else(|| key.trim().to_owned());
                let path = format!("{at}.{key}");
                match encoded.get(&renamed) {
                    Some(inner) => compare(value, inner, &path, renames, lost),
                    None if is_empty(value) => {}
                    None => lost.push(path),
                }
            }
        }
        Value::Array(items) => match encoded {
            Value::Array(encoded_items) if encoded_items.len() == items.len() => {
                for (index, (a, b)) in items.iter().zip(encoded_items).enumerate() {
                    compare(a, b, &format!("{at}[{index}]"), renames, lost);
                }
            }
            // A JSON document sent as a string and decoded, or the reverse.
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

/// The token the stand-in hands out first.
pub const TOKEN: &str = "4ac37cb2e9c740dba4b75a34d5358802";

/// A local Sobot stand-in answering `get_token`, and a client for it (English, Asia/Shanghai,
/// epoch-millisecond dialect, fast retries).
pub async fn server_and_client() -> (MockServer, SobotClient) {
    let server = MockServer::start().await;
    mount_token(&server, TOKEN).await;
    let client = client_for(&server, |config| config);
    (server, client)
}

/// Answers `get_token` with `token`.
pub async fn mount_token(server: &MockServer, token: &str) {
    Mock::given(method("GET"))
        .and(path("/api/get_token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "item": {"token": token, "expires_in": "86400"},
            "ret_code": "000000",
            "ret_msg": "Success"
        })))
        .mount(server)
        .await;
}

/// A client for `server` with test settings, adjusted by `adjust`.
pub fn client_for(
    server: &MockServer,
    adjust: impl FnOnce(SobotConfig) -> SobotConfig,
) -> SobotClient {
    let url = url::Url::parse(&server.uri()).unwrap();
    let mut config = SobotConfig::new(Host::Custom(url), "1", Secret::new("2"))
        .with_language(Language::English)
        .with_timezone_id("Asia/Shanghai")
        .with_retry(fast_retries());
    config.http.request_timeout = Duration::from_secs(5);
    SobotClient::new(adjust(config)).unwrap()
}

/// The query pairs of a request, sorted.
pub fn query_of(request: &Request) -> Vec<(String, String)> {
    let mut pairs = query_in_order(request);
    pairs.sort();
    pairs
}

/// Checks the headers every business call carries, and whether `timezoneid` is sent.
pub fn assert_standard_headers(request: &Request, with_timezone: bool) {
    assert_eq!(header(request, "token").as_deref(), Some(TOKEN));
    assert_eq!(header(request, "language").as_deref(), Some("en"));
    assert_eq!(
        header(request, "timezoneid").as_deref(),
        with_timezone.then_some("Asia/Shanghai")
    );
}

/// The JSON body of a request.
pub fn json_of(request: &Request) -> Value {
    assert_eq!(
        header(request, "content-type").as_deref(),
        Some("application/json")
    );
    serde_json::from_slice(&request.body).unwrap()
}

/// A success envelope with no payload.
pub fn ok() -> Value {
    serde_json::json!({"ret_code": "000000", "ret_msg": "Success"})
}
