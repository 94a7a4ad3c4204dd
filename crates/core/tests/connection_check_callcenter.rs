//! "Test connection" for the Sobot call center (V6) against a local stand-in: each failure is
//! named as precisely as for Sobot v5 and Udesk.

use std::sync::Arc;

use switchboard_core::connections::{
    ConnectionCheck, ProblemKind, callcenter_client, check_callcenter,
};
use switchboard_core::profiles::CallCenterConnection;
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use vendor_http::Secret;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const QUEUES: &str = "/callservice/v6/cc-config/api/queues/_search";

fn connection(base_url: &str) -> CallCenterConnection {
    CallCenterConnection {
        id: "cc".into(),
        base_url: base_url.into(),
        app_id: "app-1".into(),
        agent_no: "1001".into(),
    }
}

fn secrets() -> Arc<dyn SecretStore> {
    let secrets = Arc::new(MemorySecretStore::new());
    secrets
        .set(
            &SecretKey::new("p1", "cc", SecretKind::AppSecret),
            &Secret::new("secret-1"),
        )
        .expect("set");
    secrets
}

async fn check(server_url: &str) -> ConnectionCheck {
    let client = callcenter_client("p1", &connection(server_url), secrets()).expect("client");
    check_callcenter(&client).await
}

fn queues_page() -> serde_json::Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/cc_queue_search.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("valid JSON")
}

async fn token_answer(server: &MockServer, answer: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path("/tokens/company"))
        .respond_with(answer.clone())
        .mount(server)
        .await;
    Mock::given(method("HEAD"))
        .and(path("/"))
        .respond_with(answer)
        .mount(server)
        .await;
}

fn token() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(
        serde_json::json!({"response_type": "token", "access_token": "t1", "expires_in": 86_400}),
    )
}

fn refused(message: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .set_body_json(serde_json::json!({"status": "Failure", "code": 401, "message": message}))
}

#[tokio::test]
async fn working_call_center_credentials_pass() {
    let server = MockServer::start().await;
    token_answer(&server, token()).await;
    Mock::given(path(QUEUES))
        .respond_with(ResponseTemplate::new(200).set_body_json(queues_page()))
        .mount(&server)
        .await;
    assert_eq!(check(&server.uri()).await, ConnectionCheck::Ok);
}

#[tokio::test]
async fn a_refused_call_center_token_is_a_rejected_signature_with_the_vendor_code() {
    let server = MockServer::start().await;
    token_answer(&server, refused("sign invalid")).await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::SignatureRejected, "{problem:?}");
    assert_eq!(problem.vendor_code.as_deref(), Some("401"));
    assert_eq!(problem.message, "sign invalid");
}

#[tokio::test]
async fn a_refused_call_center_token_naming_the_app_id_is_a_bad_credential() {
    let server = MockServer::start().await;
    token_answer(&server, refused("appId not found")).await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::BadCredential, "{problem:?}");
}

#[tokio::test]
async fn a_refused_call_center_token_with_a_far_off_vendor_clock_is_clock_skew() {
    let server = MockServer::start().await;
    token_answer(
        &server,
        refused("sign invalid").insert_header("date", "Mon, 01 Jan 2001 00:00:00 GMT"),
    )
    .await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(problem.kind, ProblemKind::ClockSkew, "{problem:?}");
}

#[tokio::test]
async fn a_call_center_credential_without_access_to_the_api_is_not_configured() {
    let server = MockServer::start().await;
    token_answer(&server, token()).await;
    Mock::given(path(QUEUES))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"status": "Failure", "code": 403, "message": "no permission"}),
        ))
        .mount(&server)
        .await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(
        (problem.kind, problem.vendor_code.as_deref()),
        (ProblemKind::NotConfigured, Some("403"))
    );
}

#[tokio::test]
async fn a_call_center_host_that_does_not_answer_is_unreachable() {
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
async fn a_call_center_business_error_keeps_the_vendor_code_and_message() {
    let server = MockServer::start().await;
    token_answer(&server, token()).await;
    Mock::given(path(QUEUES))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"status": "Failure", "code": 200, "retCode": "100123", "retMsg": "企业已停用"}),
        ))
        .mount(&server)
        .await;
    let ConnectionCheck::Failed(problem) = check(&server.uri()).await else {
        panic!("must fail")
    };
    assert_eq!(
        (
            problem.kind,
            problem.vendor_code.as_deref(),
            problem.message.as_str()
        ),
        (ProblemKind::Vendor, Some("100123"), "企业已停用")
    );
}

#[tokio::test]
async fn a_missing_app_secret_is_refused_before_any_call() {
    let empty: Arc<dyn SecretStore> = Arc::new(MemorySecretStore::new());
    let err =
        callcenter_client("p1", &connection("http://127.0.0.1:9"), empty).expect_err("no secret");
    assert_eq!(
        err.to_string(),
        "no app secret is stored for this connection"
    );
}
