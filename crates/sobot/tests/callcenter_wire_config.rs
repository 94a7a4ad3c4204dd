//! Call-center configuration endpoints (agents, skill groups, extensions, forbidden and relay
//! numbers) against a local stand-in: exact method, path, query, headers and body.
#![allow(clippy::unwrap_used)]

use crate::callcenter_support;

use callcenter_support::*;
use futures::TryStreamExt;
use serde_json::json;
use sobot::Error;
use sobot::callcenter::*;
use vendor_http::{HttpError, Retryable, Secret};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, ResponseTemplate};

const AGENTS: &str = "/callservice/v6/cc-config/api/agents";
const UNBIND: &str = "/callservice/v6/cc-config/api/agents/unbind";
const CALL_AGENTS: &str = "/callservice/v6/cc-config/api/agents/call/_search";
const QUEUES: &str = "/callservice/v6/cc-config/api/queues/_search";
const QUEUE: &str = "/callservice/v6/cc-config/api/queue";
const MEMBERS_SEARCH: &str = "/callservice/v6/cc-config/api/queue/agents/search";
const MEMBERS: &str = "/callservice/v6/cc-config/api/queue/agents";
const EXTS: &str = "/callservice/v6/cc-config/api/exts/_search";
const EXT_ADD: &str = "/callservice/v6/cc-config/api/exts/_add";
const BLACKLIST: &str = "/callservice/v6/cc-config/blacklist/batch";
const RELAY: &str = "/callservice/v6/cc-config/api/gatewayNumber/search";

#[tokio::test]
async fn agent_get_sends_the_agent_in_the_query_and_no_body() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        AGENTS,
        example("cc_agent_get.response.json"),
    )
    .await;
    let agent = client
        .agents()
        .get("1111", AgentType::WorkNumber)
        .await
        .unwrap();
    assert_eq!(agent.phone.as_deref(), Some("13800138000"));
    let sent = only_request(&server, AGENTS).await;
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(
        query_of(&sent),
        [
            ("agentType".to_owned(), "0".to_owned()),
            ("agent".to_owned(), "1111".to_owned())
        ]
    );
    assert!(sent.body.is_empty());
    assert!(sent.headers.get("content-type").is_none());
    assert_headers(&sent, TOKEN, TZ);
}

#[tokio::test]
async fn connections_without_zone_or_language_send_neither_header() {
    let server = wiremock::MockServer::start().await;
    mount_company_token(&server, TOKEN).await;
    respond(
        &server,
        "POST",
        RELAY,
        example("cc_relay_number_search.response.json"),
    )
    .await;
    let clock = vendor_http::ManualClock::at_unix_seconds(START_SECONDS);
    let client = client_with(&server, &clock, |mut c| {
        c.timezone_id = None;
        c.language = None;
        c
    });
    client
        .numbers()
        .relay_numbers(&RelayNumberQuery::default())
        .await
        .unwrap();
    let sent = only_request(&server, RELAY).await;
    assert_headers(&sent, TOKEN, BARE);
}

#[tokio::test]
async fn agent_update_and_unbind_send_agent_type_as_a_number() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        AGENTS,
        example("cc_agent_update.response.json"),
    )
    .await;
    respond(
        &server,
        "POST",
        UNBIND,
        example("cc_agent_unbind.response.json"),
    )
    .await;
    let update = AgentSettingUpdate {
        agent: "1111".into(),
        agent_type: AgentType::WorkNumber,
        wrap_up_time: 60,
        phone: Some("13800138000".into()),
        ext: None,
        wrap_up_type: Some(WrapUpType::Individual),
    };
    let updated = client.agents().update(&update).await.unwrap();
    assert_eq!(updated.wrap_up_type, Some(WrapUpType::Individual));
    let unbind = AgentUnbind {
        agent: "bd4630df3550552ba7c16f27ae9a39cb".into(),
        agent_type: AgentType::Id,
        number_type: Some(UnbindTarget::Both),
    };
    client.agents().unbind(&unbind).await.unwrap();
    let sent = only_request(&server, AGENTS).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        json!({"agent": "1111", "agentType": 0, "wrapUpTime": 60, "phone": "13800138000",
               "wrapUpType": 2})
    );
    assert!(query_of(&sent).is_empty());
    assert_headers(&sent, TOKEN, TZ);
    let sent = only_request(&server, UNBIND).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        json!({"agent": "bd4630df3550552ba7c16f27ae9a39cb", "agentType": 1, "numberType": 2})
    );
    assert_headers(&sent, TOKEN, TZ);
}

#[tokio::test]
async fn the_call_agent_search_sends_only_the_filters_given() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        CALL_AGENTS,
        example("cc_agent_call_search.response.json"),
    )
    .await;
    let query = CallAgentQuery {
        agent_name: Some("test".into()),
        queue: Some("0000".into()),
        agent_status: Some(1),
        ..CallAgentQuery::default()
    };
    let agents = client.agents().call_agents(&query).await.unwrap();
    assert_eq!(agents.len(), 2);
    let sent = only_request(&server, CALL_AGENTS).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        json!({"agentName": "test", "queue": "0000", "agentStatus": 1})
    );
    assert_headers(&sent, TOKEN, TZ);
}

#[tokio::test]
async fn reads_are_retried_after_server_errors_and_writes_are_not() {
    let (server, client) = server_and_client().await;
    Mock::given(path(CALL_AGENTS))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    respond(
        &server,
        "POST",
        CALL_AGENTS,
        example("cc_agent_call_search.response.json"),
    )
    .await;
    client
        .agents()
        .call_agents(&CallAgentQuery::default())
        .await
        .unwrap();
    assert_eq!(requests_to(&server, CALL_AGENTS).await.len(), 3);

    Mock::given(path(QUEUE))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let queue = NewQueue {
        queue_name: "q".into(),
        queue_id: "1".into(),
        queue_weight: None,
    };
    let error = client.queues().create(&queue).await.unwrap_err();
    assert!(matches!(
        error,
        Error::Transport(HttpError::Status { status: 500, .. })
    ));
    assert_eq!(requests_to(&server, QUEUE).await.len(), 1);
}

#[tokio::test]
async fn the_skill_group_list_streams_every_page() {
    let (server, client) = server_and_client().await;
    let page = |curr: u32, rows: serde_json::Value| {
        ok(json!({"list": rows, "currPage": curr, "pageSize": 2, "total": 3}))
    };
    Mock::given(method("POST"))
        .and(path(QUEUES))
        .and(body_partial_json(json!({"currPage": 1})))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            1,
            json!([{"queueID": "1", "queueName": "a"}, {"queueID": "2", "queueName": "b"}]),
        )))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(QUEUES))
        .and(body_partial_json(json!({"currPage": 2})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(page(2, json!([{"queueID": "3", "queueName": "c"}]))),
        )
        .mount(&server)
        .await;
    let queues: Vec<Queue> = client.queues().list().try_collect().await.unwrap();
    let ids: Vec<_> = queues
        .iter()
        .filter_map(|q| q.queue_id.as_deref())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    let sent = requests_to(&server, QUEUES).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(body_of(&sent[0]), json!({"pageSize": 50, "currPage": 1}));
    assert_eq!(body_of(&sent[1]), json!({"pageSize": 50, "currPage": 2}));
    assert_headers(&sent[0], TOKEN, TZ);
    let one = client.queues().page(2, 10).await.unwrap();
    assert_eq!((one.list.len(), one.total), (1, Some(3)));
    let sent = requests_to(&server, QUEUES).await;
    assert_eq!(body_of(&sent[2]), json!({"pageSize": 10, "currPage": 2}));
}

#[tokio::test]
async fn skill_group_create_and_delete_use_the_singular_path_and_language() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        QUEUE,
        example("cc_queue_create.response.json"),
    )
    .await;
    respond(
        &server,
        "DELETE",
        QUEUE,
        example("cc_queue_delete.response.json"),
    )
    .await;
    let request: NewQueue =
        serde_json::from_value(example("cc_queue_create.request.json")).unwrap();
    let created = client.queues().create(&request).await.unwrap();
    assert_eq!(created.queue_weight.as_deref(), Some("1"));
    client.queues().delete("1234").await.unwrap();
    let sent = requests_to(&server, QUEUE).await;
    assert_eq!(sent[0].method.as_str(), "POST");
    assert_eq!(body_of(&sent[0]), example("cc_queue_create.request.json"));
    assert_headers(&sent[0], TOKEN, AGENT);
    // DELETE with a JSON body (004:537).
    assert_eq!(sent[1].method.as_str(), "DELETE");
    assert_eq!(body_of(&sent[1]), example("cc_queue_delete.request.json"));
    assert_headers(&sent[1], TOKEN, AGENT);
}

#[tokio::test]
async fn member_search_and_bulk_update_send_the_examples_bodies() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        MEMBERS_SEARCH,
        example("cc_queue_members_search.response.json"),
    )
    .await;
    respond(
        &server,
        "POST",
        MEMBERS,
        example("cc_queue_members_bulk_update.response.json"),
    )
    .await;
    let query = QueueMembersQuery {
        queue_id: Some("1234".into()),
        agent_type: Some(AgentType::Id),
    };
    let groups = client.queues().members(&query).await.unwrap();
    assert_eq!(groups[0].agent_count, Some(6));
    let update: QueueMembersUpdate =
        serde_json::from_value(example("cc_queue_members_bulk_update.request.json")).unwrap();
    let updated = client.queues().update_members(&update).await.unwrap();
    assert_eq!(updated.list[0].add[0].level, Some(1));
    let sent = only_request(&server, MEMBERS_SEARCH).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        example("cc_queue_members_search.request.json")
    );
    assert_headers(&sent, TOKEN, AGENT);
    let sent = only_request(&server, MEMBERS).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        example("cc_queue_members_bulk_update.request.json")
    );
    assert_headers(&sent, TOKEN, AGENT);
}

#[tokio::test]
async fn extensions_list_with_the_filter_and_create_without_timezone() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        EXTS,
        example("cc_ext_search.response.json"),
    )
    .await;
    respond(
        &server,
        "POST",
        EXT_ADD,
        example("cc_ext_create.response.json"),
    )
    .await;
    let query = ExtensionQuery {
        bind_status: Some(BindStatus::Bound),
    };
    let page = client.extensions().page(&query, 1, 3).await.unwrap();
    assert_eq!(page.list.len(), 2);
    let created = client
        .extensions()
        .create(&NewExtension {
            agent_id: "5002".into(),
            agent_type: Some(AgentType::WorkNumber),
            ext: "5002".into(),
            password: Secret::new("123456"),
        })
        .await
        .unwrap();
    assert_eq!(created.lang_code_txt.as_deref(), Some("Opus"));
    let sent = only_request(&server, EXTS).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        body_of(&sent),
        json!({"bindStatus": 1, "pageSize": 3, "currPage": 1})
    );
    assert_headers(&sent, TOKEN, TZ);
    let sent = only_request(&server, EXT_ADD).await;
    assert_eq!(
        body_of(&sent),
        json!({"agentID": "5002", "agentType": "0", "ext": "5002", "password": "123456"})
    );
    // 004:1020-1021 list only Authorization.
    assert_headers(&sent, TOKEN, BARE);
}

#[tokio::test]
async fn the_extension_stream_stops_at_the_total() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        EXTS,
        example("cc_ext_search.response.json"),
    )
    .await;
    let all: Vec<Extension> = client
        .extensions()
        .list(ExtensionQuery::default())
        .try_collect()
        .await
        .unwrap();
    // The example says pageSize 3 and total 13: five pages of (the same) two rows.
    assert_eq!(all.len(), 10);
    let sent = requests_to(&server, EXTS).await;
    assert_eq!(sent.len(), 5);
    assert_eq!(body_of(&sent[4]), json!({"pageSize": 50, "currPage": 5}));
}

#[tokio::test]
async fn an_invalid_extension_is_refused_before_sending() {
    let (server, client) = server_and_client().await;
    let error = client
        .extensions()
        .create(&NewExtension {
            agent_id: "5002".into(),
            agent_type: None,
            ext: "5002".into(),
            password: Secret::new("12ab"),
        })
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::InvalidRequest(m) if m.contains("password")));
    assert!(requests_to(&server, EXT_ADD).await.is_empty());
}

#[tokio::test]
async fn the_forbidden_number_import_puts_a_top_level_array() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "PUT",
        BLACKLIST,
        example("cc_forbidden_number_import.response.json"),
    )
    .await;
    let rows: Vec<ForbiddenNumber> =
        serde_json::from_value(example("cc_forbidden_number_import.request.json")).unwrap();
    let report = client.forbidden_numbers().import(&rows).await.unwrap();
    assert_eq!(report.failures()[0].row, Some(2));
    let sent = only_request(&server, BLACKLIST).await;
    assert_eq!(sent.method.as_str(), "PUT");
    assert_eq!(
        body_of(&sent),
        example("cc_forbidden_number_import.request.json")
    );
    assert_headers(&sent, TOKEN, TZ);

    client
        .forbidden_numbers()
        .import(&[ForbiddenNumber::phone(
            "15210818952",
            CallDirection::Outbound,
        )])
        .await
        .unwrap();
    let sent = requests_to(&server, BLACKLIST).await;
    assert_eq!(
        body_of(&sent[1]),
        json!([{"callNumber": "15210818952", "numberType": 1, "callType": 3, "enabled": 1}])
    );
}

#[tokio::test]
async fn relay_numbers_send_the_states_as_a_list() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        RELAY,
        example("cc_relay_number_search.response.json"),
    )
    .await;
    let query = RelayNumberQuery {
        enabled: vec![
            RelayNumberState::Enabled,
            RelayNumberState::Cancelled,
            RelayNumberState::Disabled,
        ],
    };
    let numbers = client.numbers().relay_numbers(&query).await.unwrap();
    assert_eq!(numbers.len(), 2);
    client
        .numbers()
        .relay_numbers(&RelayNumberQuery::default())
        .await
        .unwrap();
    let sent = requests_to(&server, RELAY).await;
    assert_eq!(sent[0].method.as_str(), "POST");
    assert_eq!(
        body_of(&sent[0]),
        example("cc_relay_number_search.request.json")
    );
    assert_headers(&sent[0], TOKEN, AGENT);
    assert_eq!(body_of(&sent[1]), json!({}));
}

#[tokio::test]
async fn vendor_failures_keep_the_message_and_say_whether_to_retry() {
    let (server, client) = server_and_client().await;
    Mock::given(path(AGENTS))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "apiVersion": "6.2", "status": "Failure", "code": 400,
            "message": "wrapUpTime 不能为空 ", "reason": "Bad Request"})))
        .mount(&server)
        .await;
    let update = AgentSettingUpdate {
        agent: "1111".into(),
        agent_type: AgentType::WorkNumber,
        wrap_up_time: -1,
        phone: None,
        ext: None,
        wrap_up_type: None,
    };
    let error = client.agents().update(&update).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Validation {
                field: Some("wrapUpTime"),
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.vendor_message(), Some("wrapUpTime 不能为空 "));
    assert_eq!(error.vendor_code(), Some("400"));
    assert!(!error.is_retryable());

    respond(
        &server,
        "POST",
        MEMBERS_SEARCH,
        json!({"status": "Success", "code": 200, "retCode": "100045", "retMsg": "技能组不存在",
               "data": null}),
    )
    .await;
    let error = client
        .queues()
        .members(&QueueMembersQuery::default())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Business { .. }), "{error:?}");
    assert_eq!(error.vendor_code(), Some("100045"));
    assert_eq!(error.vendor_message(), Some("技能组不存在"));

    Mock::given(path(RELAY))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "Failure", "code": 503, "message": "busy"})))
        .mount(&server)
        .await;
    let error = client
        .numbers()
        .relay_numbers(&RelayNumberQuery::default())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Business { .. }));
    assert!(error.is_retryable());
}
