//! "Test connection" against a local stand-in for Sobot: each failure is named precisely.

use std::sync::Arc;

use switchboard_core::connections::{ConnectionCheck, ProblemKind, check_sobot, sobot_client};
use switchboard_core::profiles::{SobotConnection, SobotRegion, TimeDialect, VendorLanguage};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use vendor_http::Secret;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn connection(base_url: &str) -> SobotConnection {
    SobotConnection {
        id: "sobot".into(),
        region: SobotRegion::Custom(base_url.into()),
        appid: "app-1".into(),
        language: VendorLanguage::En,
        timezone_id: "Asia/Shanghai".into(),
        time_dialect: TimeDialect::EpochMillis,
    }
}

fn secrets() -> Arc<MemorySecretStore> {
    let secrets = Arc::new(MemorySecretStore::new());
    secrets
        .set(
            &SecretKey::new("p1", "sobot", SecretKind::AppKey),
            &Secret::new("key-1"),
        )
        .expect("set");
    secrets
}

async fn check(server_url: &str) -> ConnectionCheck {
    let client = sobot_client("p1", &connection(server_url), secrets()).expect("client");
    check_sobot(&client).await
}

fn envelope(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({"ret_code": code, "ret_msg": message})
}

async fn token_answer(server: &MockServer, body: serde_json::Value, date: Option<&str>) {
    let mut answer = ResponseTemplate::new(200).set_body_json(body);
    if let Some(date) = date {
        answer = answer.insert_header("date", date);
    }
    Mock::given(method("GET"))
        .and(path("/api/get_token"))
        .respond_with(answer.clone())
        .mount(server)
        .await;
    Mock::given(method("HEAD"))
        .and(path("/"))
        .respond_with(answer)
        .mount(server)
        .await;
}

#[tokio::test]
async fn working_credentials_pass() {
    let server = MockServer::start().await;
    token_answer(
        &server,
        serde_json::json!({"ret_code": "000000", "ret_msg": "ok", "item": {"token": "t1", "expires_in": "86400"}}),
        None,
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/api/ws/5/ticket/query_ticket_status_infos"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"ret_code": "000000", "ret_msg": "ok", "items": [{"status_code": "0", "status_name": "New"}]}),
        ))
        .mount(&server)
        .await;
    assert_eq!(check(&server.uri()).await, ConnectionCheck::Ok);
}

#[tokio::test]
async fn a_rejected_signature_is_reported_with_the_vendor_code() {
    let server = MockServer::start().await;
    token_answer(&server, envelope("900003", "签名错误"), None).await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::SignatureRejected);
    assert_eq!(problem.vendor_code.as_deref(), Some("900003"));
    assert_eq!(problem.message, "签名错误");
}

#[tokio::test]
async fn a_rejected_signature_with_a_far_off_vendor_clock_is_reported_as_clock_skew() {
    let server = MockServer::start().await;
    token_answer(
        &server,
        envelope("900003", "sign error"),
        Some("Mon, 01 Jan 2001 00:00:00 GMT"),
    )
    .await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::ClockSkew, "{problem:?}");
    assert!(problem.message.contains("clock"), "{}", problem.message);
}

#[tokio::test]
async fn a_plan_without_api_access_is_named() {
    let server = MockServer::start().await;
    token_answer(&server, envelope("700046", "company not eligible"), None).await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(
        (problem.kind, problem.vendor_code.as_deref()),
        (ProblemKind::NoApiAccess, Some("700046"))
    );
}

#[tokio::test]
async fn a_host_that_does_not_answer_is_unreachable() {
    // Bind and drop a listener so the port is known to be closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let ConnectionCheck::Failed(problem) = check(&format!("http://127.0.0.1:{port}")).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::HostUnreachable, "{problem:?}");
}

#[tokio::test]
async fn a_host_that_is_not_sobot_gives_an_unexpected_answer() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/get_token"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>login</html>"))
        .mount(&server)
        .await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::UnexpectedAnswer, "{problem:?}");
}

#[tokio::test]
async fn a_missing_app_key_is_refused_before_any_call() {
    let empty: Arc<dyn SecretStore> = Arc::new(MemorySecretStore::new());
    let err = sobot_client("p1", &connection("http://127.0.0.1:9"), empty).expect_err("no key");
    assert_eq!(err.to_string(), "no app key is stored for this connection");
}
