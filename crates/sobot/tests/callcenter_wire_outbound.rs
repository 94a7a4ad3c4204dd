//! Outbound tasks, contact plans and IVR flows against a local stand-in: exact method, path,
//! headers and body, and the `Idempotency-Key` (new per operation, the same on every retry).
#![allow(clippy::unwrap_used)]

use crate::callcenter_support;

use callcenter_support::*;
use futures::TryStreamExt;
use serde_json::json;
use sobot::Error;
use sobot::callcenter::*;
use vendor_http::ManualClock;
use wiremock::matchers::{body_partial_json, header as has_header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CREATE: &str = "/callservice/v6/cc-outbound/api/campaigns";
const IMPORT: &str = "/callservice/v6/cc-exports/api/campaigns/_import";
const IMPORT_RESULT: &str = "/callservice/v6/cc-outbound/api/campaigns/calling-list/import-result";
const LIST: &str = "/callservice/v6/cc-outbound/api/campaigns/getList";
const PLANS: &str = "/callservice/v6/cc-console/contact-schedules/_batchAddInfos";
const IVR: &str = "/callservice/v6/cc-ivr/api/ivr/published/_search";

/// Checks headers for an outbound call (`Idempotency-Key` required) and returns the key.
fn outbound_key(request: &wiremock::Request, timezone: bool) -> String {
    assert_headers(
        request,
        TOKEN,
        Expect {
            timezone,
            language: false,
            key: true,
        },
    );
    header(request, "idempotency-key").unwrap()
}

fn new_task() -> NewOutboundTask {
    serde_json::from_value(example("cc_outbound_task_create.request.json")).unwrap()
}

fn import() -> CallingListImport {
    serde_json::from_value(example("cc_outbound_task_import.request.json")).unwrap()
}

#[tokio::test]
async fn task_creation_sends_the_example_body_with_a_fresh_key_per_operation() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        CREATE,
        example("cc_outbound_task_create.response.json"),
    )
    .await;
    let created = client.outbound().create_task(&new_task()).await.unwrap();
    assert_eq!(created.code.as_deref(), Some("dgug92owec"));
    client.outbound().create_task(&new_task()).await.unwrap();
    let sent = requests_to(&server, CREATE).await;
    assert_eq!(sent[0].method.as_str(), "POST");
    assert_eq!(
        body_of(&sent[0]),
        example("cc_outbound_task_create.request.json")
    );
    let first = outbound_key(&sent[0], true);
    let second = outbound_key(&sent[1], true);
    assert_ne!(first, second, "two operations, two keys");
}

#[tokio::test]
async fn retries_of_an_outbound_call_carry_the_same_key() {
    let (server, client) = server_and_client().await;
    Mock::given(path(CREATE))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    respond(
        &server,
        "POST",
        CREATE,
        example("cc_outbound_task_create.response.json"),
    )
    .await;
    client.outbound().create_task(&new_task()).await.unwrap();
    let keys: Vec<String> = requests_to(&server, CREATE)
        .await
        .iter()
        .map(|r| outbound_key(r, true))
        .collect();
    assert_eq!(keys.len(), 3, "a keyed write is retried after 5xx");
    assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
}

#[tokio::test]
async fn the_resend_after_a_401_keeps_the_key() {
    let server = MockServer::start().await;
    company_token_sequence(&server, &["t1", "t2"]).await;
    Mock::given(path(IMPORT))
        .and(has_header("authorization", "Bearer t1"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    respond(
        &server,
        "POST",
        IMPORT,
        example("cc_outbound_task_import.response.json"),
    )
    .await;
    let client = client_with(&server, &ManualClock::at_unix_seconds(START_SECONDS), |c| c);
    client.outbound().import(&import()).await.unwrap();
    let sent = requests_to(&server, IMPORT).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(
        header(&sent[1], "authorization").as_deref(),
        Some("Bearer t2")
    );
    assert_eq!(
        header(&sent[0], "idempotency-key"),
        header(&sent[1], "idempotency-key")
    );
}

#[tokio::test]
async fn a_saved_key_is_sent_to_resume_an_operation() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        IMPORT,
        example("cc_outbound_task_import.response.json"),
    )
    .await;
    let key = IdempotencyKey::from_saved("6f1c1a52-8a9e-4d59-9b7a-0d2a4f3e9c10");
    let accepted = client
        .outbound()
        .import_with_key(&import(), &key)
        .await
        .unwrap();
    assert_eq!(
        accepted.calling_list_code.as_deref(),
        Some("20220101000000")
    );
    let sent = only_request(&server, IMPORT).await;
    assert_eq!(outbound_key(&sent, true), key.as_str());
}

#[tokio::test]
async fn the_import_goes_to_cc_exports_with_the_example_body() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        IMPORT,
        example("cc_outbound_task_import.response.json"),
    )
    .await;
    client.outbound().import(&import()).await.unwrap();
    let sent = only_request(&server, IMPORT).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        example("cc_outbound_task_import.request.json")
    );
    outbound_key(&sent, true);
}

#[tokio::test]
async fn an_import_with_a_bad_calling_list_code_is_refused_before_sending() {
    let (server, client) = server_and_client().await;
    let mut bad = import();
    bad.calling_list_code = "02951e5b01ddcM40997b185S2a541d16be48".into();
    let error = client.outbound().import(&bad).await.unwrap_err();
    assert!(matches!(&error, Error::InvalidRequest(m) if m.contains("callingListCode")));
    assert!(requests_to(&server, IMPORT).await.is_empty());
    let mut backwards = new_task();
    backwards.schedule_end_time = backwards.schedule_start_time;
    assert!(client.outbound().create_task(&backwards).await.is_err());
    assert!(requests_to(&server, CREATE).await.is_empty());
}

#[tokio::test]
async fn import_results_send_the_example_body_and_page_with_one_key_per_page() {
    let (server, client) = server_and_client().await;
    let page = |curr: u32| {
        ok(
            json!({"totalCount": 2, "pageSize": 1, "totalPage": 2, "currPage": curr,
                  "list": [{"callingListCode": format!("b{curr}"), "successCount": 1}]}),
        )
    };
    for curr in [1, 2] {
        Mock::given(method("POST"))
            .and(path(IMPORT_RESULT))
            .and(body_partial_json(json!({"currPage": curr})))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(curr)))
            .mount(&server)
            .await;
    }
    let query: ImportResultQuery = serde_json::from_value(json!({
        "agentID": "59220de7f88141829a1f38d8698acb26", "agentType": "1",
        "callingListCode": "02951e5b01ddcM40997b185S2a541d16be48",
        "campaignId": "2b82a4acc60647dd814b3db642e75971", "code": "dgug92owec"}))
    .unwrap();
    let one = client
        .outbound()
        .import_results_page(&query, 1, 50)
        .await
        .unwrap();
    assert_eq!(one.total_page, Some(2));
    let sent = only_request(&server, IMPORT_RESULT).await;
    assert_eq!(
        body_of(&sent),
        example("cc_outbound_task_import_result.request.json")
    );
    let all: Vec<ImportResult> = client
        .outbound()
        .import_results(query)
        .try_collect()
        .await
        .unwrap();
    let codes: Vec<_> = all
        .iter()
        .filter_map(|r| r.calling_list_code.as_deref())
        .collect();
    assert_eq!(codes, ["b1", "b2"]);
    let keys: Vec<String> = requests_to(&server, IMPORT_RESULT)
        .await
        .iter()
        .map(|r| outbound_key(r, true))
        .collect();
    assert_eq!(keys.len(), 3);
    assert!(
        keys[0] != keys[1] && keys[1] != keys[2],
        "each poll is its own operation"
    );
}

#[tokio::test]
async fn the_task_list_pages_without_timezone_and_with_a_key() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        LIST,
        example("cc_outbound_task_list.response.json"),
    )
    .await;
    let query = TaskQuery {
        code: Some("6yoq3b0lpf".into()),
        creation_time_start: Some(1_711_000_000_000),
        creation_time_end: Some(1_712_000_000_000),
        agent_uuid: Some("1001".into()),
        agent_type: Some(AgentType::WorkNumber),
    };
    let tasks: Vec<OutboundTask> = client.outbound().tasks(query).try_collect().await.unwrap();
    assert_eq!(tasks.len(), 1);
    let sent = only_request(&server, LIST).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        json!({"code": "6yoq3b0lpf", "creationTimeStart": 1_711_000_000_000_i64,
               "creationTimeEnd": 1_712_000_000_000_i64, "agentUUID": "1001", "agentType": "0",
               "pageSize": 50, "currPage": 1})
    );
    // 004:1678-1679 list Authorization and Idempotency-Key only.
    outbound_key(&sent, false);
}

#[tokio::test]
async fn contact_plans_send_the_example_body() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        PLANS,
        example("cc_contact_plan_batch_create.response.json"),
    )
    .await;
    let plans: NewContactPlans =
        serde_json::from_value(example("cc_contact_plan_batch_create.request.json")).unwrap();
    let ids = client.contact_plans().create(&plans).await.unwrap();
    assert_eq!(ids.len(), 3);
    let sent = only_request(&server, PLANS).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        example("cc_contact_plan_batch_create.request.json")
    );
    assert_headers(&sent, TOKEN, TZ);
}

#[tokio::test]
async fn contact_plans_over_fifty_numbers_are_refused_before_sending() {
    let (server, client) = server_and_client().await;
    let mut plans: NewContactPlans =
        serde_json::from_value(example("cc_contact_plan_batch_create.request.json")).unwrap();
    plans.customer_phone_number_list = vec!["18189672221".into(); 51];
    assert!(matches!(
        client.contact_plans().create(&plans).await,
        Err(Error::InvalidRequest(_))
    ));
    assert!(requests_to(&server, PLANS).await.is_empty());
}

#[tokio::test]
async fn published_ivr_flows_send_agent_type_as_a_number_and_only_authorization() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        IVR,
        example("cc_ivr_published_search.response.json"),
    )
    .await;
    let page = client
        .ivr()
        .published_page(&IvrQuery::default(), 1, 10)
        .await
        .unwrap();
    assert_eq!(page.list[0].code.as_deref(), Some("4445"));
    let query = IvrQuery {
        operator: Some("1001".into()),
        agent_type: Some(AgentType::WorkNumber),
    };
    client.ivr().published_page(&query, 2, 5).await.unwrap();
    let sent = requests_to(&server, IVR).await;
    assert_eq!(
        body_of(&sent[0]),
        example("cc_ivr_published_search.request.json")
    );
    assert_headers(&sent[0], TOKEN, BARE);
    assert_eq!(
        body_of(&sent[1]),
        json!({"currPage": 2, "pageSize": 5, "operator": "1001", "agentType": 0})
    );
}

#[tokio::test]
async fn the_ivr_stream_follows_the_total() {
    let (server, client) = server_and_client().await;
    for curr in [1, 2] {
        Mock::given(method("POST"))
            .and(path(IVR))
            .and(body_partial_json(json!({"currPage": curr})))
            .respond_with(ResponseTemplate::new(200).set_body_json(ok(json!({
                "list": [{"name": format!("flow{curr}"), "code": format!("{curr}")}],
                "currPage": curr, "pageSize": 1, "total": 2}))))
            .mount(&server)
            .await;
    }
    let flows: Vec<IvrFlow> = client
        .ivr()
        .published(IvrQuery::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(flows.len(), 2);
    assert_eq!(requests_to(&server, IVR).await.len(), 2);
}
