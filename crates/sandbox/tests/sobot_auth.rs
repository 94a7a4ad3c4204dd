//! `get_token` and the token rules: signatures, unknown appids, invalidation, expiry.

use crate::common;

use std::time::Duration;

use common::{client, code, get, sandbox, token};
use sandbox::SandboxConfig;
use sobot::{AuthFailure, Error};
use vendor_http::reqwest;

#[tokio::test]
async fn the_client_gets_a_token_and_reads_with_it() {
    let sandbox = sandbox().await;
    let statuses = client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect("statuses");
    assert!(!statuses.is_empty());
    assert_eq!(sandbox.tokens_issued(), 1);
    let calls = sandbox.journal_for("/api/get_token");
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].ret_code.as_deref(), Some("000000"));
}

#[tokio::test]
async fn a_wrong_app_key_is_refused_as_a_signature_error() {
    let sandbox = sandbox().await;
    let mut config = common::config(&sandbox);
    config.app_key = vendor_http::Secret::new("not-the-key");
    let client = sobot::SobotClient::new(config).expect("builds");
    let error = client.tickets().statuses().await.expect_err("refused");
    assert!(
        matches!(error, Error::Auth { reason: AuthFailure::Signature, ref code, .. } if code == "900003"),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_unknown_appid_has_no_api_configuration() {
    let sandbox = sandbox().await;
    let mut config = common::config(&sandbox);
    config.appid = "someone-else".into();
    let client = sobot::SobotClient::new(config).expect("builds");
    let error = client.tickets().statuses().await.expect_err("refused");
    assert!(
        matches!(
            error,
            Error::Auth {
                reason: AuthFailure::NotConfigured,
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_blank_token_is_900001_and_an_unknown_one_900002() {
    let sandbox = sandbox().await;
    let blank = get(
        &sandbox,
        " ",
        "/api/ws/5/ticket/query_ticket_status_infos",
        &[],
    )
    .await;
    assert_eq!(code(&blank), "900001");
    let unknown = get(
        &sandbox,
        "deadbeef",
        "/api/ws/5/ticket/query_ticket_status_infos",
        &[],
    )
    .await;
    assert_eq!(code(&unknown), "900002");
    let missing: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{}/api/scrm/5/user_stage/query_list_by_type",
            sandbox.sobot_base_url()
        ))
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(code(&missing), "900001");
}

#[tokio::test]
async fn a_new_token_invalidates_the_previous_one() {
    let sandbox = sandbox().await;
    let first = token(&sandbox).await;
    let ok = get(
        &sandbox,
        &first,
        "/api/ws/5/ticket/query_ticket_status_infos",
        &[],
    )
    .await;
    assert_eq!(code(&ok), "000000");
    let second = token(&sandbox).await;
    assert_ne!(first, second);
    let stale = get(
        &sandbox,
        &first,
        "/api/ws/5/ticket/query_ticket_status_infos",
        &[],
    )
    .await;
    assert_eq!(code(&stale), "900002");
    let fresh = get(
        &sandbox,
        &second,
        "/api/ws/5/ticket/query_ticket_status_infos",
        &[],
    )
    .await;
    assert_eq!(code(&fresh), "000000");
}

#[tokio::test]
async fn a_client_whose_token_was_rotated_elsewhere_refreshes_once_and_carries_on() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    client.crm().follow_up_stages().await.expect("first call");
    let _other = token(&sandbox).await;
    client
        .crm()
        .follow_up_stages()
        .await
        .expect("refreshed and retried");
    assert_eq!(sandbox.tokens_issued(), 3);
    let stages = sandbox.journal_for("/api/scrm/5/user_stage/query_list_by_type");
    let codes: Vec<_> = stages
        .iter()
        .map(|e| e.ret_code.clone().unwrap_or_default())
        .collect();
    assert_eq!(codes, vec!["000000", "900002", "000000"]);
}

#[tokio::test]
async fn tokens_that_expire_at_once_are_refused_after_one_refresh() {
    let sandbox = common::start(
        SandboxConfig::new(7, sandbox::Size::Small)
            .with_anchor_ms(common::ANCHOR_MS)
            .with_token_ttl(Duration::ZERO),
    )
    .await;
    let error = client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect_err("expired");
    assert!(
        matches!(error, Error::Auth { reason: AuthFailure::TokenRejected, ref code, .. } if code == "900002"),
        "{error:?}"
    );
    assert_eq!(sandbox.journal_for("/api/get_token").len(), 2);
}

#[tokio::test]
async fn the_token_lifetime_is_announced_in_expires_in() {
    let sandbox = sandbox().await;
    sandbox.set_token_ttl(Duration::from_secs(120));
    let info = &sandbox.info().sobot;
    let now = chrono::Utc::now().timestamp().to_string();
    let sign = sobot::auth::sign(&info.appid, &now, &vendor_http::Secret::new(&info.app_key));
    let answer: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/get_token", info.base_url))
        .query(&[
            ("appid", info.appid.as_str()),
            ("create_time", &now),
            ("sign", &sign),
        ])
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(answer["item"]["expires_in"], "120");
    assert_eq!(answer["item"]["token"].as_str().map(str::len), Some(32));
}
