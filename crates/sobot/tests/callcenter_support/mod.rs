//! Helpers shared by the call-center integration tests: a local call-center stand-in, a client
//! for it, request checks.
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use sobot::Language;
use sobot::callcenter::{CallCenterClient, CallCenterConfig, CallCenterHost};
use vendor_http::test_support::fast_retries;
// Not every test file uses every helper.
#[allow(unused_imports)]
pub use vendor_http::test_support::{
    header, only_request, query_in_order as query_of, requests_to, respond,
};
use vendor_http::{ManualClock, Secret};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The company token the stand-in hands out.
pub const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.company.sig";

/// The app secret of the test connection.
pub const APP_SECRET: &str = "app-secret-9f8e7d";

/// The clock every test client starts at (epoch ms 1_700_000_000_000).
pub const START_SECONDS: u64 = 1_700_000_000;

/// A fixture of the call-center examples as JSON.
pub fn example(name: &str) -> Value {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/callcenter")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A token answer in the snake-case spelling, valid for `seconds`.
pub fn token_answer(token: &str, seconds: u64) -> Value {
    json!({"response_type": "token", "access_token": token, "expires_in": seconds})
}

/// Answers `POST /tokens/company` with `token` (24 hours).
pub async fn mount_company_token(server: &MockServer, token: &str) {
    Mock::given(method("POST"))
        .and(path("/tokens/company"))
        .respond_with(ResponseTemplate::new(200).set_body_json(token_answer(token, 86_400)))
        .mount(server)
        .await;
}

/// Answers `POST /tokens/company` with each token once, in order.
pub async fn company_token_sequence(server: &MockServer, tokens: &[&str]) {
    for (index, token) in tokens.iter().enumerate() {
        Mock::given(method("POST"))
            .and(path("/tokens/company"))
            .respond_with(ResponseTemplate::new(200).set_body_json(token_answer(token, 86_400)))
            .up_to_n_times(1)
            .with_priority(u8::try_from(index + 1).unwrap())
            .mount(server)
            .await;
    }
}

/// The test configuration: English, Asia/Singapore, fast retries, default token settings.
pub fn config_for(server: &MockServer) -> CallCenterConfig {
    let url = url::Url::parse(&server.uri()).unwrap();
    let mut config = CallCenterConfig::new(
        CallCenterHost::Custom(url),
        "app-1",
        Secret::new(APP_SECRET),
    )
    .with_language(Language::English)
    .with_timezone_id("Asia/Singapore")
    .with_retry(fast_retries());
    config.http.request_timeout = Duration::from_secs(5);
    config
}

/// A client for `server` on a manual clock, with `adjust` applied to the test configuration.
pub fn client_with(
    server: &MockServer,
    clock: &ManualClock,
    adjust: impl FnOnce(CallCenterConfig) -> CallCenterConfig,
) -> CallCenterClient {
    CallCenterClient::builder(adjust(config_for(server)))
        .clock(Arc::new(clock.clone()))
        .build()
        .unwrap()
}

/// A stand-in answering the company token, and a client for it.
pub async fn server_and_client() -> (MockServer, CallCenterClient) {
    let server = MockServer::start().await;
    mount_company_token(&server, TOKEN).await;
    let clock = ManualClock::at_unix_seconds(START_SECONDS);
    let client = client_with(&server, &clock, |c| c);
    (server, client)
}

/// A V6 success envelope around `data`.
pub fn ok(data: Value) -> Value {
    json!({"apiVersion": "6.3.0", "status": "Success", "code": 200, "message": "Success",
           "reason": "", "kind": "Test", "metaData": {}, "data": data})
}

/// The JSON body of a request, after checking the documented content type.
pub fn body_of(request: &Request) -> Value {
    assert_eq!(
        header(request, "content-type").as_deref(),
        Some("application/json;charset=utf-8")
    );
    serde_json::from_slice(&request.body).unwrap()
}

/// Which optional headers an endpoint documents.
#[derive(Debug, Clone, Copy)]
pub struct Expect {
    /// `timezoneid` is listed.
    pub timezone: bool,
    /// `language` is listed (the agent-token endpoints).
    pub language: bool,
    /// `Idempotency-Key` is required.
    pub key: bool,
}

/// `timezoneid` only: most endpoints.
pub const TZ: Expect = Expect {
    timezone: true,
    language: false,
    key: false,
};
/// Only `Authorization`.
pub const BARE: Expect = Expect {
    timezone: false,
    language: false,
    key: false,
};
/// The agent-token endpoints: `timezoneid` and `language`.
pub const AGENT: Expect = Expect {
    timezone: true,
    language: true,
    key: false,
};

/// Checks `Authorization: Bearer <token>` and exactly the optional headers `expect` lists.
pub fn assert_headers(request: &Request, token: &str, expect: Expect) {
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {token}"))
    );
    assert_eq!(
        header(request, "timezoneid").as_deref(),
        expect.timezone.then_some("Asia/Singapore"),
        "timezoneid"
    );
    assert_eq!(
        header(request, "language").as_deref(),
        expect.language.then_some("en"),
        "language"
    );
    let key = header(request, "idempotency-key");
    assert_eq!(key.is_some(), expect.key, "Idempotency-Key");
    if let Some(key) = key {
        assert!(uuid_like(&key), "{key}");
    }
    assert!(request.headers.get("token").is_none(), "no v5 token header");
}

/// Whether `text` looks like a hyphenated UUID.
pub fn uuid_like(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && parts
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_hexdigit()))
}
