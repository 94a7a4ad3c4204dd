//! Malformed requests to the call center and Udesk get their envelope, never a panic: every
//! endpoint is sent empty, truncated, mistyped and oversized input with valid credentials.

use crate::common;

use common::vendors::{cc, udesk_auth, unix_now};
use serde_json::Value;
use sobot::callcenter::paths;
use vendor_http::reqwest;

const BODIES: &[&str] = &[
    "",
    "{",
    "[]",
    "null",
    r#"{"agent":[],"agentType":"x","queueID":{},"list":7,"dataDetails":"x","pageSize":-1}"#,
    r#"[{"callNumber":[],"numberType":"a"},7]"#,
    r#"{"ticket":[],"id":"x","num":{},"agent_id":1.5,"new_reply":[],"vote_number":"x"}"#,
];

/// The call center's token, fetched through the client.
async fn cc_token(sandbox: &sandbox::Sandbox) -> String {
    let client = cc(sandbox);
    client.queues().page(1, 1).await.expect("a token");
    client
        .company_token_broker()
        .token()
        .await
        .expect("cached")
        .expose()
        .to_owned()
}

#[tokio::test]
async fn every_call_center_endpoint_answers_garbage_with_the_v6_envelope() {
    let sandbox = common::sandbox().await;
    let token = cc_token(&sandbox).await;
    let routes: &[(&str, &str)] = &[
        ("POST", paths::AGENTS),
        ("POST", paths::AGENTS_UNBIND),
        ("POST", paths::AGENTS_CALL_SEARCH),
        ("POST", paths::QUEUES_SEARCH),
        ("POST", paths::QUEUE),
        ("DELETE", paths::QUEUE),
        ("POST", paths::QUEUE_AGENTS_SEARCH),
        ("POST", paths::QUEUE_AGENTS),
        ("POST", paths::EXTS_SEARCH),
        ("POST", paths::EXTS_ADD),
        ("PUT", paths::BLACKLIST_BATCH),
        ("POST", paths::GATEWAY_NUMBER_SEARCH),
        ("POST", paths::CAMPAIGNS),
        ("POST", paths::CAMPAIGNS_IMPORT),
        ("POST", paths::CAMPAIGNS_IMPORT_RESULT),
        ("POST", paths::CAMPAIGNS_LIST),
        ("POST", paths::CONTACT_SCHEDULES_BATCH_ADD),
        ("POST", paths::IVR_PUBLISHED_SEARCH),
        ("POST", paths::TOKENS_COMPANY),
        ("POST", paths::TOKENS_AGENT),
    ];
    let client = reqwest::Client::new();
    for (method, path) in routes {
        for (n, body) in BODIES.iter().enumerate() {
            let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
            let response = client
                .request(method, format!("{}/{path}", sandbox.sobot_base_url()))
                .header("authorization", format!("Bearer {token}"))
                .header("idempotency-key", format!("garbage-{n}"))
                .body(*body)
                .send()
                .await
                .expect("answers");
            let status = response.status().as_u16();
            let answer: Value = response.json().await.unwrap_or_default();
            assert!(status < 500, "{path} {body:?}: HTTP {status}");
            assert!(
                answer.get("code").is_some() || answer.get("access_token").is_some(),
                "{path} {body:?}: {answer}"
            );
        }
    }
}

#[tokio::test]
async fn every_udesk_endpoint_answers_garbage_with_a_code() {
    let config = sandbox::SandboxConfig::new(7, sandbox::Size::Small)
        .with_anchor_ms(common::ANCHOR_MS)
        .with_udesk_calls_per_minute(None);
    let sandbox = common::start(config).await;
    let routes: &[(&str, &str)] = &[
        ("POST", "tickets"),
        ("GET", "tickets"),
        ("GET", "tickets/detail"),
        ("PUT", "tickets/x"),
        ("DELETE", "tickets/destroy_ticket"),
        ("GET", "tickets/x/replies"),
        ("GET", "tickets/x/change_logs"),
        ("GET", "tickets/custom_fields"),
        ("GET", "tickets/ticket_templates"),
        ("GET", "tickets/filters"),
        ("GET", "tickets/tickets_in_filter"),
        ("GET", "tickets/export"),
        ("POST", "tickets/upload_file"),
        ("POST", "tickets/agent_reply"),
        ("POST", "tickets/customer_reply"),
        ("POST", "tickets/upload_file_for_reply"),
        ("POST", "tickets/delete_file_for_reply"),
        ("GET", "tickets/surveys"),
        ("PUT", "tickets/take_survey"),
        ("POST", "log_in"),
    ];
    let client = reqwest::Client::new();
    let now = unix_now();
    let mut nonce = 0;
    for (method, path) in routes {
        for body in BODIES {
            nonce += 1;
            let mut query = udesk_auth(&sandbox, now, &format!("garbage-{nonce}"));
            query.push(("page".into(), "x".into()));
            query.push(("ticket_id".into(), "[]".into()));
            let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
            let response = client
                .request(
                    method,
                    format!("{}/open_api_v1/{path}", sandbox.sobot_base_url()),
                )
                .query(&query)
                .body(*body)
                .send()
                .await
                .expect("answers");
            let status = response.status().as_u16();
            let answer: Value = response.json().await.unwrap_or_default();
            assert_eq!(status, 200, "{path} {body:?}");
            assert!(answer["code"].is_i64(), "{path} {body:?}: {answer}");
        }
    }
}
