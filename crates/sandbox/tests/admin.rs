//! The admin API over HTTP: info, faults, journal, reset, reseed, token controls.

use crate::common;

use common::{client, sandbox};
use serde_json::{Value, json};
use vendor_http::reqwest;

async fn admin(method: reqwest::Method, url: String, body: Option<Value>) -> (u16, Value) {
    let mut request = reqwest::Client::new().request(method, url);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("answers");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn info_tells_the_base_urls_credentials_and_seed() {
    let sandbox = sandbox().await;
    let (status, info) = admin(
        reqwest::Method::GET,
        format!("{}/info", sandbox.admin_url()),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(info["sobot"]["base_url"], sandbox.sobot_base_url());
    assert!(!sandbox.sobot_base_url().ends_with('/'));
    assert_eq!(info["seed"], 7);
    assert_eq!(info["size"], "small");
    assert_eq!(info["udesk"]["base_url"], sandbox.sobot_base_url());
    assert_eq!(info["callcenter"]["base_url"], sandbox.sobot_base_url());
    assert_eq!(info["callcenter"]["agent_no"], "1001");
    assert_eq!(
        serde_json::to_value(sandbox.info()).expect("info")["udesk"],
        info["udesk"]
    );
}

#[tokio::test]
async fn faults_journal_and_reset_cover_the_call_center_and_udesk() {
    let sandbox = sandbox().await;
    let url = format!("{}/faults", sandbox.admin_url());
    let rule = serde_json::json!({
        "path": "/callservice/v6/cc-config/*",
        "kind": {"kind": "vendor_code", "code": "403", "message": "not allowed"},
        "trigger": {"count": 1}
    });
    let (status, _) = admin(reqwest::Method::POST, url, Some(rule)).await;
    assert_eq!(status, 200);
    let client = common::vendors::cc(&sandbox);
    let refused = client
        .queues()
        .page(1, 10)
        .await
        .expect_err("the fault fires");
    assert!(matches!(refused, sobot::Error::Auth { .. }), "{refused}");
    client.queues().page(1, 10).await.expect("spent");
    let udesk = common::vendors::udesk(&sandbox);
    let id = udesk
        .tickets()
        .create(&udesk::tickets::NewTicket::new("Journaled", "x"))
        .await
        .expect("created");
    let (_, journal) = admin(
        reqwest::Method::GET,
        format!("{}/journal?path=/open_api_v1/tickets", sandbox.admin_url()),
        None,
    )
    .await;
    let entries = journal.as_array().expect("entries");
    assert_eq!(entries.last().expect("one")["ret_code"], "1000");
    let (_, journal) = admin(
        reqwest::Method::GET,
        format!("{}/journal?path=/callservice/", sandbox.admin_url()),
        None,
    )
    .await;
    let codes: Vec<_> = journal
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["ret_code"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(codes, ["403", "200"]);
    let (status, _) = admin(
        reqwest::Method::POST,
        format!("{}/reset", sandbox.admin_url()),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let gone = udesk
        .tickets()
        .detail(&udesk::tickets::TicketKey::id(id))
        .await;
    assert!(gone.is_err(), "reset restores the seeded Udesk tickets");
}

#[tokio::test]
async fn faults_installed_over_http_fire_and_can_be_removed() {
    let sandbox = sandbox().await;
    let url = format!("{}/faults", sandbox.admin_url());
    let rule = json!({
        "path": "/api/ws/5/ticket/*",
        "kind": {"kind": "http_status", "status": 503},
        "trigger": {"count": 1}
    });
    let (status, added) = admin(reqwest::Method::POST, url.clone(), Some(rule)).await;
    assert_eq!(status, 200);
    assert!(added["id"].is_u64());
    let (_, listed) = admin(reqwest::Method::GET, url.clone(), None).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    client(&sandbox)
        .tickets()
        .statuses()
        .await
        .expect("retried past the 503");
    let (_, listed) = admin(reqwest::Method::GET, url.clone(), None).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(0));
    let (status, _) = admin(
        reqwest::Method::POST,
        url.clone(),
        Some(json!({"kind": "nonsense"})),
    )
    .await;
    assert_eq!(status, 400);
    let (_, added) = admin(
        reqwest::Method::POST,
        url.clone(),
        Some(json!({"kind": {"kind": "drop_connection"}, "trigger": {"probability": {"rate": 0.5, "seed": 1}}})),
    )
    .await;
    let id = added["id"].as_u64().expect("id");
    let (status, _) = admin(reqwest::Method::DELETE, format!("{url}/{id}"), None).await;
    assert_eq!(status, 204);
    let (status, _) = admin(reqwest::Method::DELETE, format!("{url}/{id}"), None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_journal_lists_requests_by_path_and_sequence() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    client.tickets().statuses().await.expect("statuses");
    client.crm().vip_levels().await.expect("levels");
    let url = format!("{}/journal", sandbox.admin_url());
    let (_, all) = admin(reqwest::Method::GET, url.clone(), None).await;
    let all = all.as_array().cloned().unwrap_or_default();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["path"], "/api/get_token");
    assert_eq!(all[1]["headers"]["language"], "en");
    let (_, crm) = admin(reqwest::Method::GET, format!("{url}?path=/api/scrm/"), None).await;
    assert_eq!(crm.as_array().map(Vec::len), Some(1));
    let (_, later) = admin(reqwest::Method::GET, format!("{url}?since=2"), None).await;
    assert_eq!(later.as_array().map(Vec::len), Some(1));
    let (status, _) = admin(reqwest::Method::GET, format!("{url}?since=soon"), None).await;
    assert_eq!(status, 400);
    admin(reqwest::Method::DELETE, url.clone(), None).await;
    let (_, empty) = admin(reqwest::Method::GET, url, None).await;
    assert_eq!(empty.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn reset_restores_the_seeded_data_and_reseed_replaces_it() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let seeded = sandbox.inspect(|w| {
        (
            w.company_id.clone(),
            w.tickets.tickets.len(),
            w.crm.customers.len(),
        )
    });
    client
        .crm()
        .save_customer(&sobot::crm::CustomerInput {
            nick: "Temporary".into(),
            tel: Some("13000000000".into()),
            crm_status: Some(sobot::crm::CrmStatus::FirstInquiry),
            ..Default::default()
        })
        .await
        .expect("saved");
    assert_eq!(sandbox.inspect(|w| w.crm.customers.len()), seeded.2 + 1);
    let (status, _) = admin(
        reqwest::Method::POST,
        format!("{}/reset", sandbox.admin_url()),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        sandbox.inspect(|w| (
            w.company_id.clone(),
            w.tickets.tickets.len(),
            w.crm.customers.len()
        )),
        seeded
    );
    // Tokens survive a reset.
    client.crm().vip_levels().await.expect("same token");
    assert_eq!(sandbox.tokens_issued(), 1);
    let (status, _) = admin(
        reqwest::Method::POST,
        format!("{}/reseed", sandbox.admin_url()),
        Some(json!({"seed": 8})),
    )
    .await;
    assert_eq!(status, 200);
    assert_ne!(sandbox.inspect(|w| w.company_id.clone()), seeded.0);
    let (status, _) = admin(
        reqwest::Method::POST,
        format!("{}/reseed", sandbox.admin_url()),
        Some(json!({"seed": "eight"})),
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn tokens_can_be_expired_and_their_lifetime_changed_over_http() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    client.crm().vip_levels().await.expect("first");
    let (status, _) = admin(
        reqwest::Method::POST,
        format!("{}/tokens/expire", sandbox.admin_url()),
        None,
    )
    .await;
    assert_eq!(status, 204);
    client.crm().vip_levels().await.expect("refreshed");
    assert_eq!(sandbox.tokens_issued(), 2);
    let (status, _) = admin(
        reqwest::Method::POST,
        format!("{}/tokens", sandbox.admin_url()),
        Some(json!({"ttl_seconds": 0})),
    )
    .await;
    assert_eq!(status, 204);
    sandbox.expire_token();
    assert!(
        client.crm().vip_levels().await.is_err(),
        "every new token is born expired"
    );
}
