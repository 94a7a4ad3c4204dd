//! How the client behaves around the envelope: retries with re-signing, which requests are
//! retried, vendor codes under any HTTP status, rate limiting, decode errors, secrets.
#![allow(clippy::unwrap_used)]

use crate::common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use serde_json::json;
use udesk::tickets::{NewTicket, TicketKey};
use udesk::{AuthFailure, Error, UdeskClient};
use vendor_http::{HttpError, ManualClock, RateLimiter, Retryable, Secret};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DETAIL: &str = "/open_api_v1/tickets/detail";
const CREATE: &str = "/open_api_v1/tickets";

async fn fail_once_then(
    server: &MockServer,
    verb: &str,
    route: &str,
    first: ResponseTemplate,
    then: serde_json::Value,
) {
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
    respond(server, verb, route, then).await;
}

#[tokio::test]
async fn a_retried_read_carries_a_new_nonce_and_a_new_valid_signature() {
    let (server, client) = server_and_client().await;
    fail_once_then(
        &server,
        "GET",
        DETAIL,
        ResponseTemplate::new(502),
        fixture("udesk_ticket_detail.response.json"),
    )
    .await;
    client.tickets().detail(&TicketKey::id("1")).await.unwrap();
    let requests = requests_to(&server, DETAIL).await;
    assert_eq!(requests.len(), 2);
    let first = assert_signed(&requests[0]);
    let second = assert_signed(&requests[1]);
    assert_eq!((first.as_str(), second.as_str()), ("nonce-1", "nonce-2"));
    assert_ne!(
        query_value(&requests[0], "sign"),
        query_value(&requests[1], "sign")
    );
    assert_eq!(query_of(&requests[0]), query_of(&requests[1]));
}

#[tokio::test]
async fn each_attempt_is_stamped_with_the_clock_at_that_moment() {
    let server = MockServer::start().await;
    respond(
        &server,
        "GET",
        DETAIL,
        fixture("udesk_ticket_detail.response.json"),
    )
    .await;
    let clock = ManualClock::at_unix_seconds(NOW);
    let client = UdeskClient::builder(config_for(&server))
        .clock(Arc::new(clock.clone()))
        .nonce_source(Arc::new(CountingNonce::default()))
        .build()
        .unwrap();
    client.tickets().detail(&TicketKey::id("1")).await.unwrap();
    clock.advance(Duration::from_secs(90));
    client.tickets().detail(&TicketKey::id("1")).await.unwrap();
    let requests = requests_to(&server, DETAIL).await;
    let stamps: Vec<_> = requests
        .iter()
        .map(|r| query_value(r, "timestamp").unwrap())
        .collect();
    assert_eq!(stamps, vec![NOW.to_string(), (NOW + 90).to_string()]);
    requests.iter().for_each(|r| {
        assert_signed(r);
    });
}

#[tokio::test]
async fn a_write_is_not_repeated_after_a_server_error() {
    let (server, client) = server_and_client().await;
    fail_once_then(
        &server,
        "POST",
        CREATE,
        ResponseTemplate::new(500),
        fixture("udesk_ticket_create.response.json"),
    )
    .await;
    let error = client
        .tickets()
        .create(&NewTicket::new("s", "c"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Transport(HttpError::Status { status: 500, .. })
        ),
        "{error:?}"
    );
    assert!(error.is_retryable(), "a 5xx may help a safe request");
    assert_eq!(requests_to(&server, CREATE).await.len(), 1);
}

#[tokio::test]
async fn a_reused_nonce_is_retried_even_for_a_write_with_a_fresh_nonce() {
    let (server, client) = server_and_client().await;
    let reused =
        ResponseTemplate::new(200).set_body_json(json!({"code": 20623, "message": "nonce已使用"}));
    fail_once_then(
        &server,
        "POST",
        CREATE,
        reused,
        fixture("udesk_ticket_create.response.json"),
    )
    .await;
    let id = client
        .tickets()
        .create(&NewTicket::new("s", "c"))
        .await
        .unwrap();
    assert_eq!(id, "2");
    let requests = requests_to(&server, CREATE).await;
    assert_eq!(requests.len(), 2);
    assert_ne!(assert_signed(&requests[0]), assert_signed(&requests[1]));
}

#[tokio::test]
async fn a_vendor_code_under_an_http_error_status_is_the_vendor_error() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .and(path(CREATE))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 2000,
            "message": "Sorry, ticket subject cannot be empty",
            "exception": {"message": "Title is required"}
        })))
        .mount(&server)
        .await;
    let error = client
        .tickets()
        .create(&NewTicket::new("s", "c"))
        .await
        .unwrap_err();
    let Error::Validation {
        code,
        field,
        message,
        detail,
    } = &error
    else {
        panic!("expected a validation error, got {error:?}");
    };
    assert_eq!((*code, *field), (2000, Some("subject")));
    assert_eq!(message, "Sorry, ticket subject cannot be empty");
    assert_eq!(detail.as_deref(), Some("Title is required"));
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn signature_and_not_found_codes_are_classified_and_not_retried() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        DETAIL,
        json!({"code": 2059, "message": "open api签名不对"}),
    )
    .await;
    let error = client
        .tickets()
        .detail(&TicketKey::id("1"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                reason: AuthFailure::Signature,
                code: 2059,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.vendor_message(), Some("open api签名不对"));
    assert_eq!(requests_to(&server, DETAIL).await.len(), 1);

    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        DETAIL,
        json!({"code": 2005, "message": "No such resource found",
        "exception": {"message": "Couldn't find Ticket with id=9 [WHERE tickets.company_id = ?]"}}),
    )
    .await;
    let error = client
        .tickets()
        .detail(&TicketKey::id("9"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::NotFound {
                code: 2005,
                field: Some("id"),
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn http_429_is_retried_for_reads_then_reported_as_rate_limited() {
    let (server, client) = server_and_client().await;
    Mock::given(method("GET"))
        .and(path(DETAIL))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .mount(&server)
        .await;
    let error = client
        .tickets()
        .detail(&TicketKey::id("1"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::RateLimited { .. }), "{error:?}");
    assert_eq!(requests_to(&server, DETAIL).await.len(), 3);
}

#[tokio::test]
async fn an_answer_without_a_code_is_a_decode_error_naming_code() {
    let (server, client) = server_and_client().await;
    respond(&server, "GET", DETAIL, json!({"ticket": {"id": 1}})).await;
    let error = client
        .tickets()
        .detail(&TicketKey::id("1"))
        .await
        .unwrap_err();
    let Error::Decode(decode) = error else {
        panic!("expected a decode error")
    };
    assert_eq!(decode.path, "code");
}

#[tokio::test]
async fn a_malformed_payload_names_the_json_path() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/filters",
        json!({
            "code": 1000, "filters": [{"id": 1}, {"id": 2, "active": "maybe"}]
        }),
    )
    .await;
    let error = client
        .tickets()
        .filters_page(&Default::default(), 1, 20)
        .await
        .unwrap_err();
    let Error::Decode(decode) = error else {
        panic!("expected a decode error")
    };
    assert_eq!(decode.path, "filters[1].active");
}

#[tokio::test]
async fn a_malformed_ticket_inside_a_list_names_the_inner_path() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets",
        json!({
            "code": 1000, "contents": [{"ticket": {"id": 1, "followers": [{"id": []}]}}]
        }),
    )
    .await;
    let error = client
        .tickets()
        .list_page(&Default::default(), 1, 20)
        .await
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("contents[0]") && text.contains("ticket.followers[0].id"),
        "{text}"
    );
}

#[tokio::test]
async fn the_token_never_reaches_an_error_message_or_debug_output() {
    let (server, client) = server_and_client().await;
    Mock::given(method("GET"))
        .and(path(DETAIL))
        .respond_with(
            ResponseTemplate::new(500).set_body_string(format!("upstream echo: token={TOKEN}")),
        )
        .mount(&server)
        .await;
    let error = client
        .tickets()
        .detail(&TicketKey::id("1"))
        .await
        .unwrap_err();
    let shown = format!("{error} {error:?} {client:?}");
    assert!(!shown.contains(TOKEN), "{shown}");

    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/surveys",
        json!({"code": 2000, "message": format!("bad token {TOKEN}")}),
    )
    .await;
    let error = client.tickets().survey().await.unwrap_err();
    assert!(!format!("{error:?}").contains(TOKEN));
}

#[tokio::test]
async fn a_rejected_login_is_an_auth_error_without_the_password() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/open_api_v1/log_in",
        json!({"code": 2005, "message": "password wrong: hunter2-xyz"}),
    )
    .await;
    let error = client
        .log_in(&Secret::new("hunter2-xyz"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                reason: AuthFailure::LoginRejected,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(!format!("{error} {error:?}").contains("hunter2-xyz"));
}

#[tokio::test]
async fn a_client_without_a_token_refuses_before_sending() {
    let server = MockServer::start().await;
    let client = client_with(&server, |mut c| {
        c.api_token = Secret::new("");
        c
    });
    let error = client.tickets().survey().await.unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn every_request_takes_one_allowance_from_the_shared_limiter() {
    let server = MockServer::start().await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/surveys",
        fixture("udesk_ticket_surveys_get.response.json"),
    )
    .await;
    let clock = ManualClock::at_unix_seconds(NOW);
    let limiter = RateLimiter::new(60, Duration::from_secs(60), Arc::new(clock.clone()));
    let client = UdeskClient::builder(config_for(&server))
        .clock(Arc::new(clock.clone()))
        .rate_limiter(limiter.clone())
        .build()
        .unwrap();
    let other = UdeskClient::builder(config_for(&server))
        .rate_limiter(limiter.clone())
        .build()
        .unwrap();
    for _ in 0..3 {
        client.tickets().survey().await.unwrap();
    }
    other.tickets().survey().await.unwrap();
    let left = (0..100)
        .take_while(|_| limiter.try_acquire().is_ok())
        .count();
    assert_eq!(left, 56);
}

#[tokio::test(start_paused = true)]
async fn each_attempt_waits_for_the_limiter_on_the_paused_clock() {
    // No token: every attempt takes its allowance, then stops before any network traffic.
    let server = MockServer::start().await;
    let mut config = config_for(&server);
    config.api_token = Secret::new("");
    let clock = Arc::new(vendor_http::clock::TokioClock::new());
    let limiter = RateLimiter::new(2, Duration::from_secs(60), clock.clone());
    let client = UdeskClient::builder(config)
        .clock(clock)
        .rate_limiter(limiter)
        .build()
        .unwrap();
    let start = tokio::time::Instant::now();
    let mut offsets = Vec::new();
    for _ in 0..4 {
        let error = client.tickets().survey().await.unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)));
        offsets.push(start.elapsed().as_secs());
    }
    // Two at once, then one every 30 s (2 per minute).
    assert_eq!(offsets, vec![0, 0, 30, 60]);
}

#[tokio::test]
async fn the_default_limiter_allows_sixty_calls_a_minute() {
    let server = MockServer::start().await;
    let clock = ManualClock::at_unix_seconds(NOW);
    let client = UdeskClient::builder(config_for(&server).with_calls_per_minute(Some(60)))
        .clock(Arc::new(clock.clone()))
        .build()
        .unwrap();
    let limiter = client.rate_limiter().unwrap();
    let allowed = (0..100)
        .take_while(|_| limiter.try_acquire().is_ok())
        .count();
    assert_eq!(allowed, 60);
    assert_eq!(limiter.try_acquire(), Err(Duration::from_secs(1)));
    clock.advance(Duration::from_secs(1));
    assert!(limiter.try_acquire().is_ok());
}

#[tokio::test]
async fn invalid_requests_are_refused_before_sending() {
    let (server, client) = server_and_client().await;
    assert!(
        client
            .tickets()
            .create(&NewTicket::new(" ", "c"))
            .await
            .is_err()
    );
    assert!(client.tickets().detail(&TicketKey::num("#")).await.is_err());
    let mut lone_type = NewTicket::new("s", "c");
    lone_type.customer_type = Some(udesk::tickets::CustomerIdType::Email);
    assert!(client.tickets().create(&lone_type).await.is_err());
    assert!(client.tickets().delete_file_for_reply("").await.is_err());
    assert!(server.received_requests().await.unwrap().is_empty());
}
