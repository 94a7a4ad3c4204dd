//! Call-center authentication against a local stand-in: the signed token requests, the
//! `Authorization` header, half-life refresh, the one refresh on HTTP 401, agent tokens, and
//! secrets kept out of errors and logs.
#![allow(clippy::unwrap_used)]

use crate::callcenter_support;

use std::sync::Arc;
use std::time::Duration;

use callcenter_support::*;
use serde_json::json;
use sobot::callcenter::*;
use sobot::{AuthFailure, Error, MemoryTokenStore};
use vendor_http::ManualClock;
use wiremock::matchers::{header as has_header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const AGENTS: &str = "/callservice/v6/cc-config/api/agents";
const QUEUE: &str = "/callservice/v6/cc-config/api/queue";

fn agent_answer() -> serde_json::Value {
    example("cc_agent_get.response.json")
}

async fn get_agent(client: &CallCenterClient) -> sobot::Result<AgentSetting> {
    client.agents().get("1111", AgentType::WorkNumber).await
}

fn clock() -> ManualClock {
    ManualClock::at_unix_seconds(START_SECONDS)
}

#[tokio::test]
async fn the_company_token_request_is_signed_json_with_epoch_milliseconds() {
    let (server, client) = server_and_client().await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    get_agent(&client).await.unwrap();
    let sent = only_request(&server, "/tokens/company").await;
    assert_eq!(sent.method.as_str(), "POST");
    // md5("app-1" + "1700000000000" + "token" + "app-secret-9f8e7d"), computed with md5sum.
    assert_eq!(
        body_of(&sent),
        json!({"responseType": "token", "appId": "app-1", "currentTime": 1_700_000_000_000_i64,
               "sign": "72fddaf3774060a64581777a947be855"})
    );
    assert!(sent.headers.get("authorization").is_none());
}

#[tokio::test]
async fn calls_carry_a_bearer_token_by_default_and_the_prefix_is_a_setting() {
    let server = MockServer::start().await;
    mount_company_token(&server, TOKEN).await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let bearer = client_with(&server, &clock(), |c| c);
    get_agent(&bearer).await.unwrap();
    let bare = client_with(&server, &clock(), |c| c.with_authorization_prefix(""));
    get_agent(&bare).await.unwrap();
    let sent = requests_to(&server, AGENTS).await;
    assert_eq!(
        header(&sent[0], "authorization"),
        Some(format!("Bearer {TOKEN}"))
    );
    assert_eq!(header(&sent[1], "authorization").as_deref(), Some(TOKEN));
}

#[tokio::test]
async fn an_http_401_causes_one_refresh_and_one_retry() {
    let server = MockServer::start().await;
    company_token_sequence(&server, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path(AGENTS))
        .and(has_header("authorization", "Bearer old-token"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(AGENTS))
        .and(has_header("authorization", "Bearer new-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(agent_answer()))
        .mount(&server)
        .await;
    let client = client_with(&server, &clock(), |c| c);
    let agent = get_agent(&client).await.unwrap();
    assert_eq!(agent.agent_id.as_deref(), Some("1111"));
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 2);
    assert_eq!(requests_to(&server, AGENTS).await.len(), 2);
}

#[tokio::test]
async fn a_second_401_is_an_auth_error_not_a_loop() {
    let server = MockServer::start().await;
    company_token_sequence(&server, &["t1", "t2", "t3"]).await;
    Mock::given(path(AGENTS))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "status": "Failure", "code": 401, "message": "token expired"})))
        .mount(&server)
        .await;
    let client = client_with(&server, &clock(), |c| c);
    let error = get_agent(&client).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                reason: AuthFailure::TokenRejected,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.vendor_message(), Some("token expired"));
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 2);
    assert_eq!(requests_to(&server, AGENTS).await.len(), 2);
}

#[tokio::test]
async fn an_envelope_code_401_under_http_200_also_refreshes_once() {
    let server = MockServer::start().await;
    company_token_sequence(&server, &["t1", "t2"]).await;
    Mock::given(path(AGENTS))
        .and(has_header("authorization", "Bearer t1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "Failure", "code": 401, "message": "Unauthorized"})))
        .mount(&server)
        .await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let client = client_with(&server, &clock(), |c| c);
    get_agent(&client).await.unwrap();
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 2);
}

#[tokio::test]
async fn the_token_is_replaced_once_half_its_stated_lifetime_has_passed() {
    let server = MockServer::start().await;
    for (index, token) in ["t1", "t2"].iter().enumerate() {
        Mock::given(path("/tokens/company"))
            .respond_with(ResponseTemplate::new(200).set_body_json(token_answer(token, 7_200)))
            .up_to_n_times(1)
            .with_priority(u8::try_from(index + 1).unwrap())
            .mount(&server)
            .await;
    }
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let clock = clock();
    let client = client_with(&server, &clock, |c| c);
    get_agent(&client).await.unwrap();
    clock.advance(Duration::from_secs(3_599));
    get_agent(&client).await.unwrap();
    clock.advance(Duration::from_secs(2));
    get_agent(&client).await.unwrap();
    let tokens: Vec<_> = requests_to(&server, AGENTS)
        .await
        .iter()
        .map(|r| header(r, "authorization").unwrap())
        .collect();
    assert_eq!(tokens, ["Bearer t1", "Bearer t1", "Bearer t2"]);
}

#[tokio::test]
async fn a_jwt_without_a_stated_lifetime_is_replaced_at_half_of_exp_minus_iat() {
    // Claims {"iss":"sobot","iat":1700000000000,"exp":1700086400000}: 24 h in milliseconds.
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJzb2JvdCIsImlhdCI6MTcwMDAwMDAwMDAwMCwiZXhwIjoxNzAwMDg2NDAwMDAwfQ.sig";
    let server = MockServer::start().await;
    Mock::given(path("/tokens/company"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"accessToken": jwt})))
        .mount(&server)
        .await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let clock = clock();
    let client = client_with(&server, &clock, |c| c);
    get_agent(&client).await.unwrap();
    clock.advance(Duration::from_secs(12 * 3600 - 1));
    get_agent(&client).await.unwrap();
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 1);
    clock.advance(Duration::from_secs(2));
    get_agent(&client).await.unwrap();
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 2);
    let sent = requests_to(&server, AGENTS).await;
    assert_eq!(
        header(&sent[0], "authorization"),
        Some(format!("Bearer {jwt}"))
    );
}

#[tokio::test]
async fn a_token_answer_under_a_configured_key_is_read() {
    let server = MockServer::start().await;
    Mock::given(path("/tokens/company"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"jwt": "custom-token"})))
        .mount(&server)
        .await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let client = client_with(&server, &clock(), |mut c| {
        c.token_response_keys = vec!["jwt".into()];
        c
    });
    get_agent(&client).await.unwrap();
    let sent = only_request(&server, AGENTS).await;
    assert_eq!(
        header(&sent, "authorization").as_deref(),
        Some("Bearer custom-token")
    );
}

#[tokio::test]
async fn a_refused_token_request_is_a_signature_error_and_nothing_else_is_sent() {
    let server = MockServer::start().await;
    Mock::given(path("/tokens/company"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "Failure", "code": 400, "message": "sign error"})))
        .mount(&server)
        .await;
    let client = client_with(&server, &clock(), |c| c);
    let error = get_agent(&client).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                reason: AuthFailure::Signature,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.vendor_message(), Some("sign error"));
    assert!(requests_to(&server, AGENTS).await.is_empty());

    let server = MockServer::start().await;
    Mock::given(path("/tokens/company"))
        .respond_with(ResponseTemplate::new(403))
        .mount(&server)
        .await;
    let client = client_with(&server, &clock(), |c| c);
    assert!(matches!(
        get_agent(&client).await,
        Err(Error::Auth {
            reason: AuthFailure::Signature,
            ..
        })
    ));
}

async fn agent_token_server() -> MockServer {
    let server = MockServer::start().await;
    mount_company_token(&server, TOKEN).await;
    Mock::given(method("POST"))
        .and(path("/tokens/agent"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"accessToken": "agent-token"})),
        )
        .mount(&server)
        .await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    respond(
        &server,
        "POST",
        QUEUE,
        example("cc_queue_create.response.json"),
    )
    .await;
    server
}

fn new_queue() -> NewQueue {
    NewQueue {
        queue_name: "1130 skill group".into(),
        queue_id: "1234".into(),
        queue_weight: Some("1".into()),
    }
}

#[tokio::test]
async fn the_agent_token_goes_to_the_documented_endpoints_and_the_company_token_elsewhere() {
    let server = agent_token_server().await;
    let client = client_with(&server, &clock(), |c| {
        c.with_agent(AgentIdentity::WorkNumber("1001".into()))
    });
    client.queues().create(&new_queue()).await.unwrap();
    get_agent(&client).await.unwrap();
    let token_request = only_request(&server, "/tokens/agent").await;
    let body = body_of(&token_request);
    assert_eq!(body["agentNo"], "1001");
    assert!(body.get("agentId").is_none());
    assert_eq!(body["responseType"], "token");
    assert_eq!(body["currentTime"], 1_700_000_000_000_i64);
    let queue = only_request(&server, QUEUE).await;
    assert_eq!(
        header(&queue, "authorization").as_deref(),
        Some("Bearer agent-token")
    );
    let agents = only_request(&server, AGENTS).await;
    assert_eq!(
        header(&agents, "authorization"),
        Some(format!("Bearer {TOKEN}"))
    );
}

#[tokio::test]
async fn which_endpoints_get_the_agent_token_is_a_setting() {
    let server = agent_token_server().await;
    let never = client_with(&server, &clock(), |c| {
        c.with_agent(AgentIdentity::Id("u-1".into()))
            .with_agent_token_scope(AgentTokenScope::Never)
    });
    never.queues().create(&new_queue()).await.unwrap();
    let everywhere = client_with(&server, &clock(), |c| {
        c.with_agent(AgentIdentity::Id("u-1".into()))
            .with_agent_token_scope(AgentTokenScope::AllEndpoints)
    });
    get_agent(&everywhere).await.unwrap();
    let no_agent = client_with(&server, &clock(), |c| c);
    no_agent.queues().create(&new_queue()).await.unwrap();
    let queues = requests_to(&server, QUEUE).await;
    assert_eq!(
        header(&queues[0], "authorization"),
        Some(format!("Bearer {TOKEN}"))
    );
    assert_eq!(
        header(&queues[1], "authorization"),
        Some(format!("Bearer {TOKEN}"))
    );
    let agents = only_request(&server, AGENTS).await;
    assert_eq!(
        header(&agents, "authorization").as_deref(),
        Some("Bearer agent-token")
    );
    assert_eq!(
        body_of(&only_request(&server, "/tokens/agent").await)["agentId"],
        "u-1"
    );
}

#[tokio::test]
async fn concurrent_calls_share_one_token_request() {
    let (server, client) = server_and_client().await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let calls: Vec<_> = (0..16)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { get_agent(&client).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 1);
    assert_eq!(requests_to(&server, AGENTS).await.len(), 16);
}

#[tokio::test]
async fn two_clients_sharing_a_token_store_share_one_token() {
    let server = MockServer::start().await;
    mount_company_token(&server, TOKEN).await;
    respond(&server, "GET", AGENTS, agent_answer()).await;
    let store = Arc::new(MemoryTokenStore::default());
    let clock = clock();
    let build = || {
        CallCenterClient::builder(config_for(&server))
            .token_store(store.clone())
            .clock(Arc::new(clock.clone()))
            .build()
            .unwrap()
    };
    let (app, cli) = (build(), build());
    get_agent(&app).await.unwrap();
    get_agent(&cli).await.unwrap();
    assert_eq!(requests_to(&server, "/tokens/company").await.len(), 1);
}

#[tokio::test]
async fn secrets_never_reach_errors_or_debug_output() {
    let (server, client) = server_and_client().await;
    // An extension list that fails to decode after the password: the excerpt must not quote it.
    respond(
        &server,
        "POST",
        "/callservice/v6/cc-config/api/exts/_search",
        ok(json!({"list": [{"ext": "5002", "password": "98765432", "bindTime": "soon"}]})),
    )
    .await;
    let error = client
        .extensions()
        .page(&ExtensionQuery::default(), 1, 10)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(d) if d.path == "data.list[0].bindTime"),
        "{error:?}"
    );
    let text = format!("{error} {error:?} {client:?} {:?}", client.config());
    for secret in ["98765432", APP_SECRET, TOKEN] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    let new = NewExtension {
        agent_id: "1001".into(),
        agent_type: None,
        ext: "12".into(),
        password: vendor_http::Secret::new("24681357"),
    };
    let refused = client.extensions().create(&new).await.unwrap_err();
    assert!(!format!("{refused} {refused:?} {new:?}").contains("24681357"));
}
