//! Udesk authentication against the sandbox: `log_in`, the v2 signature, nonce reuse,
//! timestamp skew, the per-minute rate limit, and the client's fresh nonce on every retry.

use crate::common;

use std::sync::{Arc, Mutex};

use common::vendors::{udesk, udesk_auth, udesk_config, udesk_get, unix_now};
use sandbox::{FaultKind, FaultRule, SandboxConfig, Size};
use udesk::tickets::TicketKey;
use udesk::{AuthFailure, UdeskClient};
use vendor_http::Secret;

fn first_ticket(sandbox: &sandbox::Sandbox) -> String {
    sandbox.inspect(|w| w.udesk.tickets[0].id.to_string())
}

#[tokio::test]
async fn log_in_trades_the_password_for_the_token_the_sandbox_prints() {
    let sandbox = common::sandbox().await;
    let mut config = udesk_config(&sandbox);
    config.api_token = Secret::new("");
    let client = UdeskClient::new(config).expect("client");
    let password = SandboxConfig::default().udesk.password;
    let token = client
        .log_in(&Secret::new(password))
        .await
        .expect("logged in");
    let printed = sandbox.info().udesk.clone().expect("udesk").api_token;
    assert_eq!(token.expose(), printed);
    client
        .tickets()
        .detail(&TicketKey::id(first_ticket(&sandbox)))
        .await
        .expect("signed with the new token");
    let wrong = client
        .log_in(&Secret::new("wrong"))
        .await
        .expect_err("refused");
    assert!(matches!(
        wrong,
        udesk::Error::Auth {
            reason: AuthFailure::LoginRejected,
            ..
        }
    ));
}

#[tokio::test]
async fn a_wrong_token_or_email_is_refused_with_its_code() {
    let sandbox = common::sandbox().await;
    let mut config = udesk_config(&sandbox);
    config.api_token = Secret::new("not-the-token");
    let error = UdeskClient::new(config)
        .expect("client")
        .tickets()
        .survey()
        .await
        .expect_err("bad signature");
    assert!(matches!(
        error,
        udesk::Error::Auth {
            reason: AuthFailure::Signature,
            code: 2059,
            ..
        }
    ));
    let mut config = udesk_config(&sandbox);
    config.email = "someone@else.com".into();
    let error = UdeskClient::new(config)
        .expect("client")
        .tickets()
        .survey()
        .await
        .expect_err("not the administrator");
    assert_eq!(error.vendor_code(), Some(2015));
}

#[tokio::test]
async fn a_nonce_is_refused_the_second_time_and_bad_timestamps_have_their_codes() {
    let sandbox = common::sandbox().await;
    let now = unix_now();
    let (_, first) = udesk_get(
        &sandbox,
        "tickets/surveys",
        &udesk_auth(&sandbox, now, "once"),
    )
    .await;
    assert_eq!(first["code"], 1000);
    let (_, again) = udesk_get(
        &sandbox,
        "tickets/surveys",
        &udesk_auth(&sandbox, now, "once"),
    )
    .await;
    assert_eq!(again["code"], 20623);
    let (_, stale) = udesk_get(
        &sandbox,
        "tickets/surveys",
        &udesk_auth(&sandbox, now - 3_600, "stale"),
    )
    .await;
    assert_eq!(stale["code"], 20622);
    let mut garbled = udesk_auth(&sandbox, now, "garbled");
    garbled[1].1 = "yesterday".into();
    let (_, garbled) = udesk_get(&sandbox, "tickets/surveys", &garbled).await;
    assert_eq!(garbled["code"], 20621);
    let mut no_nonce = udesk_auth(&sandbox, now, "x");
    no_nonce.retain(|(k, _)| k != "nonce");
    let (_, no_nonce) = udesk_get(&sandbox, "tickets/surveys", &no_nonce).await;
    assert_eq!(no_nonce["code"], 20624);
}

#[derive(Debug)]
struct Scripted(Mutex<Vec<String>>);

impl udesk::auth::NonceSource for Scripted {
    fn nonce(&self) -> String {
        let mut left = self.0.lock().expect("lock");
        if left.is_empty() {
            uuid_like()
        } else {
            left.remove(0)
        }
    }
}

fn uuid_like() -> String {
    format!(
        "fresh-{}",
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    )
}

#[tokio::test]
async fn a_reused_nonce_is_retried_by_the_client_with_a_fresh_one() {
    let sandbox = common::sandbox().await;
    let nonces = Arc::new(Scripted(Mutex::new(vec!["dup".into(), "dup".into()])));
    let client = UdeskClient::builder(udesk_config(&sandbox))
        .nonce_source(nonces)
        .build()
        .expect("client");
    client.tickets().survey().await.expect("first call");
    client
        .tickets()
        .survey()
        .await
        .expect("retried after 20623");
    let journal = sandbox.journal_for("/open_api_v1/tickets/surveys");
    let codes: Vec<_> = journal.iter().filter_map(|e| e.ret_code.clone()).collect();
    assert_eq!(codes, ["1000", "20623", "1000"]);
}

#[tokio::test]
async fn a_server_error_is_retried_with_a_fresh_nonce_and_signature() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let path = "/open_api_v1/tickets/detail";
    sandbox.add_fault(FaultRule::next(
        path,
        FaultKind::HttpStatus { status: 503 },
        2,
    ));
    client
        .tickets()
        .detail(&TicketKey::id(first_ticket(&sandbox)))
        .await
        .expect("third attempt succeeds");
    let journal = sandbox.journal_for(path);
    assert_eq!(
        journal.iter().map(|e| e.status).collect::<Vec<_>>(),
        [503, 503, 200]
    );
    let nonces: std::collections::BTreeSet<String> = journal
        .iter()
        .filter_map(|e| e.query.as_deref())
        .filter_map(|q| {
            q.split('&')
                .find(|p| p.starts_with("nonce="))
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(nonces.len(), 3, "every attempt has its own nonce");
}

#[tokio::test]
async fn a_write_is_not_retried_after_a_server_error() {
    let sandbox = common::sandbox().await;
    let client = udesk(&sandbox);
    let before = sandbox.inspect(|w| w.udesk.tickets.len());
    sandbox.add_fault(FaultRule::next(
        "/open_api_v1/tickets",
        FaultKind::HttpStatus { status: 502 },
        1,
    ));
    let error = client
        .tickets()
        .create(&udesk::tickets::NewTicket::new("s", "c"))
        .await
        .expect_err("502");
    assert!(matches!(error, udesk::Error::Transport(_)), "{error}");
    assert_eq!(sandbox.inspect(|w| w.udesk.tickets.len()), before);
    assert_eq!(sandbox.journal_for("/open_api_v1/tickets").len(), 1);
}

#[tokio::test]
async fn a_vendor_code_fault_is_answered_in_the_udesk_envelope() {
    let sandbox = common::sandbox().await;
    sandbox.add_fault(FaultRule::next(
        "/open_api_v1/*",
        FaultKind::VendorCode {
            code: "2058".into(),
            message: None,
        },
        1,
    ));
    let error = udesk(&sandbox).tickets().survey().await.expect_err("fault");
    assert!(matches!(
        error,
        udesk::Error::Auth {
            reason: AuthFailure::PlanNotEligible,
            ..
        }
    ));
}

#[tokio::test]
async fn the_per_minute_rate_limit_answers_429_with_retry_after() {
    let config = SandboxConfig::new(7, Size::Small)
        .with_anchor_ms(common::ANCHOR_MS)
        .with_udesk_calls_per_minute(Some(3));
    let sandbox = common::start(config).await;
    let now = unix_now();
    for n in 0..3 {
        let (status, _) = udesk_get(
            &sandbox,
            "tickets/surveys",
            &udesk_auth(&sandbox, now, &format!("r{n}")),
        )
        .await;
        assert_eq!(status, 200);
    }
    let response = vendor_http::reqwest::Client::new()
        .get(format!(
            "{}/open_api_v1/tickets/surveys",
            sandbox.sobot_base_url()
        ))
        .query(&udesk_auth(&sandbox, now, "r4"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status().as_u16(), 429);
    assert!(response.headers().get("retry-after").is_some());
    // Sobot v5 has no such limit.
    let token = common::token(&sandbox).await;
    let answer = common::get(&sandbox, &token, "/api/ws/5/ticket/get_data_dict", &[]).await;
    assert_eq!(common::code(&answer), "000000");
}
