//! How the client behaves when Sobot misbehaves: token rejection, HTTP 5xx, timeouts, malformed
//! JSON, vendor error codes, concurrency.
#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::*;
use serde_json::json;
use sobot::{AuthFailure, Error};
use vendor_http::{HttpError, Retryable};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DICT: &str = "/api/ws/5/ticket/get_data_dict";

fn dictionary() -> serde_json::Value {
    fixture("sobot-ticket/data_dictionary_get.response.json")
}

async fn token_sequence(server: &MockServer, tokens: &[&str]) {
    for (index, token) in tokens.iter().enumerate() {
        Mock::given(method("GET"))
            .and(path("/api/get_token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "item": {"token": token, "expires_in": "86400"},
                "ret_code": "000000",
                "ret_msg": "Success"
            })))
            .up_to_n_times(1)
            .with_priority(u8::try_from(index + 1).unwrap())
            .mount(server)
            .await;
    }
}

fn expired() -> serde_json::Value {
    json!({"ret_code": "900002", "ret_msg": "token已失效"})
}

#[tokio::test]
async fn an_expired_token_causes_one_refresh_and_one_retry() {
    let server = MockServer::start().await;
    token_sequence(&server, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path(DICT))
        .and(header("token", "old-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(expired()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(DICT))
        .and(header("token", "new-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dictionary()))
        .mount(&server)
        .await;
    let client = client_for(&server, |c| c);
    client.tickets().data_dictionary().await.unwrap();
    assert_eq!(requests_to(&server, "/api/get_token").await.len(), 2);
    assert_eq!(requests_to(&server, DICT).await.len(), 2);
}

#[tokio::test]
async fn a_token_rejected_again_after_refreshing_is_an_auth_error_not_a_loop() {
    let server = MockServer::start().await;
    token_sequence(&server, &["t1", "t2", "t3"]).await;
    respond(&server, "GET", DICT, expired()).await;
    let client = client_for(&server, |c| c);
    let error = client.tickets().data_dictionary().await.unwrap_err();
    assert!(matches!(
        error,
        Error::Auth {
            reason: AuthFailure::TokenRejected,
            ..
        }
    ));
    assert_eq!(error.vendor_message(), Some("token已失效"));
    assert_eq!(requests_to(&server, "/api/get_token").await.len(), 2);
    assert_eq!(requests_to(&server, DICT).await.len(), 2);
}

#[tokio::test]
async fn the_token_invalid_codes_are_configurable() {
    let server = MockServer::start().await;
    token_sequence(&server, &["t1", "t2"]).await;
    Mock::given(method("GET"))
        .and(path(DICT))
        .and(header("token", "t1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"ret_code": "100002", "ret_msg": "token invalid"})),
        )
        .mount(&server)
        .await;
    respond(&server, "GET", DICT, dictionary()).await;
    let client = client_for(&server, |mut c| {
        c.token_invalid_codes.push("100002".into());
        c
    });
    client.tickets().data_dictionary().await.unwrap();
    assert_eq!(requests_to(&server, "/api/get_token").await.len(), 2);
}

#[tokio::test]
async fn thirty_two_concurrent_calls_share_one_get_token() {
    let (server, client) = server_and_client().await;
    respond(&server, "GET", DICT, dictionary()).await;
    let calls: Vec<_> = (0..32)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.tickets().data_dictionary().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(requests_to(&server, "/api/get_token").await.len(), 1);
    assert_eq!(requests_to(&server, DICT).await.len(), 32);
}

#[tokio::test]
async fn reads_are_retried_after_server_errors() {
    let (server, client) = server_and_client().await;
    Mock::given(method("GET"))
        .and(path(DICT))
        .respond_with(ResponseTemplate::new(502).set_body_string("bad gateway"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    respond(&server, "GET", DICT, dictionary()).await;
    client.tickets().data_dictionary().await.unwrap();
    assert_eq!(requests_to(&server, DICT).await.len(), 3);
}

#[tokio::test]
async fn reads_give_up_after_the_policys_attempts() {
    let (server, client) = server_and_client().await;
    Mock::given(method("GET"))
        .and(path(DICT))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let error = client.tickets().data_dictionary().await.unwrap_err();
    assert!(matches!(
        error,
        Error::Transport(HttpError::Status { status: 503, .. })
    ));
    assert!(error.is_retryable());
    assert_eq!(requests_to(&server, DICT).await.len(), 3);
}

#[tokio::test]
async fn writes_are_not_retried_after_server_errors() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .and(path("/api/ws/5/ticket/save_user_reply"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let reply = sobot::ticket::CustomerReply {
        ticketid: "t".into(),
        reply_content: "hi".into(),
        file_str: None,
    };
    let error = client
        .tickets()
        .reply_as_customer(&reply)
        .await
        .unwrap_err();
    assert!(matches!(
        error,
        Error::Transport(HttpError::Status { status: 500, .. })
    ));
    assert_eq!(
        requests_to(&server, "/api/ws/5/ticket/save_user_reply")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn reads_are_retried_after_timeouts_and_writes_are_not() {
    let server = MockServer::start().await;
    mount_token(&server, TOKEN).await;
    let slow = ResponseTemplate::new(200)
        .set_body_json(ok())
        .set_delay(Duration::from_secs(30));
    Mock::given(path(DICT))
        .respond_with(slow.clone())
        .mount(&server)
        .await;
    Mock::given(path("/api/ws/5/ticket/save_user_reply"))
        .respond_with(slow)
        .mount(&server)
        .await;
    let client = client_for(&server, |mut c| {
        c.http.request_timeout = Duration::from_millis(200);
        c
    });
    let error = client.tickets().data_dictionary().await.unwrap_err();
    assert!(
        matches!(error, Error::Transport(HttpError::Timeout)),
        "{error:?}"
    );
    assert_eq!(requests_to(&server, DICT).await.len(), 3);

    let reply = sobot::ticket::CustomerReply {
        ticketid: "t".into(),
        reply_content: "hi".into(),
        file_str: None,
    };
    let error = client
        .tickets()
        .reply_as_customer(&reply)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport(HttpError::Timeout)));
    assert_eq!(
        requests_to(&server, "/api/ws/5/ticket/save_user_reply")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_naming_the_json_path() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_ticket_by_id",
        json!({"ret_code": "000000", "ret_msg": "Success", "item": {
            "ticketid": "t", "deal_list": [{"replyid": "r1"}, {"replyid": "r2", "file_list": {"not": "a list"}}]
        }}),
    )
    .await;
    let error = client.tickets().detail("t").await.unwrap_err();
    let Error::Decode(decode) = error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.path, "item.deal_list[1].file_list");

    Mock::given(path(DICT))
        .respond_with(
            ResponseTemplate::new(200).set_body_string("{\"ret_code\": \"000000\", \"item\": {"),
        )
        .mount(&server)
        .await;
    assert!(matches!(
        client.tickets().data_dictionary().await,
        Err(Error::Decode(_))
    ));
}

#[tokio::test]
async fn vendor_codes_map_to_errors_that_keep_ret_msg_exactly() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_ticket_by_id",
        json!({"ret_code": "400020", "ret_msg": "工单不存在!"}),
    )
    .await;
    let error = client.tickets().detail("missing").await.unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }));
    assert_eq!(error.vendor_code(), Some("400020"));
    assert_eq!(error.vendor_message(), Some("工单不存在!"));
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_refused_signature_is_an_auth_error() {
    let server = MockServer::start().await;
    respond(
        &server,
        "GET",
        "/api/get_token",
        json!({"ret_code": "900003", "ret_msg": "签名错误"}),
    )
    .await;
    let client = client_for(&server, |c| c);
    let error = client.tickets().data_dictionary().await.unwrap_err();
    assert!(matches!(
        error,
        Error::Auth {
            reason: AuthFailure::Signature,
            ..
        }
    ));
    assert!(requests_to(&server, DICT).await.is_empty());
}

#[tokio::test]
async fn errors_never_print_the_token_or_the_app_key() {
    let (server, client) = server_and_client().await;
    Mock::given(path(DICT))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!(
            "{{\"ret_code\":\"000000\",\"token\":\"{TOKEN}\",\"item\":[1]}}"
        )))
        .mount(&server)
        .await;
    let error = client.tickets().data_dictionary().await.unwrap_err();
    let text = format!("{error} {error:?} {:?}", client.config());
    assert!(!text.contains(TOKEN), "{text}");
}

#[tokio::test]
async fn two_clients_sharing_a_token_store_share_one_token() {
    use std::sync::Arc;
    let (server, _) = server_and_client().await;
    respond(&server, "GET", DICT, dictionary()).await;
    // The app and the CLI: separate clients (separate brokers), one persistent store.
    let store = Arc::new(sobot::MemoryTokenStore::default());
    let config = client_for(&server, |c| c).config().clone();
    let app = sobot::SobotClient::builder(config.clone())
        .token_store(store.clone())
        .build()
        .unwrap();
    let cli = sobot::SobotClient::builder(config)
        .token_store(store)
        .build()
        .unwrap();
    app.tickets().data_dictionary().await.unwrap();
    cli.tickets().data_dictionary().await.unwrap();
    assert_eq!(requests_to(&server, "/api/get_token").await.len(), 1);
    for request in requests_to(&server, DICT).await {
        assert_eq!(common::header(&request, "token").as_deref(), Some(TOKEN));
    }
}

#[tokio::test]
async fn connections_without_language_or_zone_send_neither_header() {
    let server = MockServer::start().await;
    mount_token(&server, TOKEN).await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_ticket_by_id",
        fixture("sobot-ticket/ticket_detail_get.response.json"),
    )
    .await;
    let client = client_for(&server, |mut c| {
        c.language = None;
        c.timezone_id = None;
        c
    });
    client.tickets().detail("t").await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/get_ticket_by_id").await;
    assert!(sent.headers.get("language").is_none());
    assert!(sent.headers.get("timezoneid").is_none());
    assert_eq!(common::header(&sent, "token").as_deref(), Some(TOKEN));
}
