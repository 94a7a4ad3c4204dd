//! Fault injection: the `sobot` client's retry and refresh behaviour against injected HTTP
//! errors, dropped connections, malformed bodies, vendor codes, token expiry and rate limits.

use crate::common;

use common::builders::agent_ticket;
use common::{client, sandbox};
use sandbox::{FaultKind, FaultRule, FaultTrigger};
use sobot::{AuthFailure, Error};
use vendor_http::HttpError;

const STATUSES: &str = "/api/ws/5/ticket/query_ticket_status_infos";
const CREATE: &str = "/api/ws/5/ticket/save_agent_ticket";

fn statuses_seen(sandbox: &sandbox::Sandbox, path: &str) -> Vec<u16> {
    sandbox.journal_for(path).iter().map(|e| e.status).collect()
}

#[tokio::test]
async fn a_burst_of_server_errors_on_a_read_is_retried_until_it_succeeds() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule::next(
        STATUSES,
        FaultKind::HttpStatus { status: 503 },
        2,
    ));
    let statuses = client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect("third attempt succeeds");
    assert!(!statuses.is_empty());
    assert_eq!(statuses_seen(&sandbox, STATUSES), vec![503, 503, 200]);
    assert!(sandbox.faults().is_empty(), "the count rule is spent");
}

#[tokio::test]
async fn more_server_errors_than_attempts_surface_as_a_transport_error() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule::next(
        STATUSES,
        FaultKind::HttpStatus { status: 502 },
        5,
    ));
    let error = client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect_err("gives up");
    assert!(
        matches!(
            error,
            Error::Transport(HttpError::Status { status: 502, .. })
        ),
        "{error:?}"
    );
    assert_eq!(statuses_seen(&sandbox, STATUSES).len(), 3);
}

#[tokio::test]
async fn a_server_error_on_a_create_is_not_retried_and_creates_nothing() {
    let sandbox = sandbox().await;
    let before = sandbox.inspect(|w| w.tickets.tickets.len());
    sandbox.add_fault(FaultRule::next(
        CREATE,
        FaultKind::HttpStatus { status: 500 },
        1,
    ));
    let error = client(&sandbox)
        .tickets()
        .create_as_agent(&agent_ticket(&sandbox))
        .await
        .expect_err("not retried");
    assert!(
        matches!(
            error,
            Error::Transport(HttpError::Status { status: 500, .. })
        ),
        "{error:?}"
    );
    assert_eq!(statuses_seen(&sandbox, CREATE), vec![500]);
    assert_eq!(sandbox.inspect(|w| w.tickets.tickets.len()), before);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_and_the_call_repeated() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    client.tickets().statuses().await.expect("first call");
    sandbox.add_fault(FaultRule::next(STATUSES, FaultKind::TokenExpiry, 1));
    client.tickets().statuses().await.expect("refreshed");
    let codes: Vec<_> = sandbox
        .journal_for(STATUSES)
        .iter()
        .map(|e| e.ret_code.clone().unwrap_or_default())
        .collect();
    assert_eq!(codes, vec!["000000", "900002", "000000"]);
    assert_eq!(sandbox.journal_for("/api/get_token").len(), 2);
}

#[tokio::test]
async fn a_token_expired_through_the_admin_handle_costs_one_refresh() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    client.crm().vip_levels().await.expect("first call");
    sandbox.expire_token();
    client.crm().vip_levels().await.expect("refreshed");
    assert_eq!(sandbox.tokens_issued(), 2);
}

#[tokio::test]
async fn a_dropped_connection_on_a_read_is_retried() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule::next(STATUSES, FaultKind::DropConnection, 1));
    client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect("the retry succeeds");
    let seen = sandbox.journal_for(STATUSES);
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].faults, vec!["drop_connection"]);
}

#[tokio::test]
async fn a_dropped_connection_on_a_write_is_reported_not_repeated() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule::next(CREATE, FaultKind::DropConnection, 1));
    let error = client(&sandbox)
        .tickets()
        .create_as_agent(&agent_ticket(&sandbox))
        .await
        .expect_err("reported");
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert_eq!(sandbox.journal_for(CREATE).len(), 1);
}

#[tokio::test]
async fn a_malformed_body_is_a_decode_error() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule::next(STATUSES, FaultKind::MalformedBody, 1));
    let error = client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect_err("undecodable");
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    assert_eq!(
        sandbox.journal_for(STATUSES).len(),
        1,
        "decode errors are not retried"
    );
}

#[tokio::test]
async fn a_chosen_vendor_code_is_answered_as_is() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule {
        path: Some("/api/scrm/5/*".into()),
        kind: FaultKind::VendorCode {
            code: "700046".into(),
            message: None,
        },
        trigger: FaultTrigger::Count(1),
    });
    let error = client(&sandbox)
        .crm()
        .vip_levels()
        .await
        .expect_err("not entitled");
    assert!(
        matches!(
            error,
            Error::Auth {
                reason: AuthFailure::PlanNotEligible,
                ..
            }
        ),
        "{error:?}"
    );
    sandbox.add_fault(FaultRule::next(
        STATUSES,
        FaultKind::VendorCode {
            code: "999999".into(),
            message: Some("boom".into()),
        },
        1,
    ));
    let error = client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect_err("vendor failure");
    assert_eq!(error.vendor_code(), Some("999999"));
    assert_eq!(error.vendor_message(), Some("boom"));
}

#[tokio::test]
async fn latency_delays_but_does_not_fail_and_is_journaled() {
    let sandbox = sandbox().await;
    sandbox.add_fault(FaultRule::next(STATUSES, FaultKind::Latency { ms: 30 }, 1));
    client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect("slow but fine");
    assert_eq!(
        sandbox.journal_for(STATUSES)[0].faults,
        vec!["latency:30ms"]
    );
}

#[tokio::test]
async fn a_certain_probability_fires_on_every_request_and_zero_never() {
    let sandbox = sandbox().await;
    let always = sandbox.add_fault(FaultRule {
        path: Some(STATUSES.into()),
        kind: FaultKind::Latency { ms: 1 },
        trigger: FaultTrigger::Probability { rate: 1.0, seed: 3 },
    });
    sandbox.add_fault(FaultRule {
        path: None,
        kind: FaultKind::HttpStatus { status: 500 },
        trigger: FaultTrigger::Probability { rate: 0.0, seed: 3 },
    });
    let client = client(&sandbox);
    for _ in 0..5 {
        client.tickets().statuses().await.expect("never a 500");
    }
    let fired = sandbox
        .faults()
        .into_iter()
        .find(|f| f.id == always)
        .expect("installed")
        .fired;
    assert_eq!(fired, 5);
}

#[tokio::test]
async fn a_rate_limit_answers_429_with_retry_after() {
    let sandbox = common::start(
        sandbox::SandboxConfig::new(7, sandbox::Size::Small)
            .with_anchor_ms(common::ANCHOR_MS)
            .with_rate_limit(2),
    )
    .await;
    let http = vendor_http::reqwest::Client::new();
    let mut limited = Vec::new();
    for _ in 0..10 {
        let response = http
            .get(format!("{}{STATUSES}", sandbox.sobot_base_url()))
            .send()
            .await
            .expect("answers");
        if response.status().as_u16() == 429 {
            limited.push(response.headers().get("retry-after").cloned());
        }
    }
    assert!(
        !limited.is_empty(),
        "ten requests at two per second were all served"
    );
    assert!(limited.iter().all(|h| h.as_ref().is_some_and(|v| v == "1")));
    let config = common::config(&sandbox).with_retry(vendor_http::RetryPolicy::never());
    let client = sobot::SobotClient::new(config).expect("builds");
    let mut saw_limit = false;
    for _ in 0..5 {
        if let Err(Error::RateLimited { retry_after }) = client.crm().vip_levels().await {
            assert_eq!(retry_after, Some(std::time::Duration::from_secs(1)));
            saw_limit = true;
        }
    }
    assert!(saw_limit);
}
