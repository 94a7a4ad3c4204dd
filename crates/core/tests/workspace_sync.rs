//! Syncing a profile pulls every ticket connection (Sobot and Udesk) into its own database.

use std::sync::{Arc, Mutex};

use switchboard_core::profiles::{
    Profile, SobotConnection, SobotRegion, TimeDialect, UdeskConnection, VendorLanguage,
};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use switchboard_core::store::tickets::{TicketFilter, count_by_status};
use switchboard_core::sync::SyncOptions;
use switchboard_core::workspace::{WorkspaceError, Workspaces, sync_profile};
use vendor_http::Secret;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("valid JSON")
}

async fn vendor() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/get_token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"ret_code": "000000", "ret_msg": "ok", "item": {"token": "t1", "expires_in": "86400"}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/ws/5/ticket/query_tickets_by_update_time"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(fixture("sobot_ticket_list_by_update_time.json")),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/open_api_v1/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("udesk_ticket_list.json")))
        .mount(&server)
        .await;
    server
}

fn profile(base: &str) -> Profile {
    Profile {
        id: "p1".into(),
        name: "Team".into(),
        sobot: Some(SobotConnection {
            id: "sobot".into(),
            region: SobotRegion::Custom(base.into()),
            appid: "a".into(),
            language: VendorLanguage::Zh,
            timezone_id: "Asia/Shanghai".into(),
            time_dialect: TimeDialect::EpochMillis,
        }),
        callcenter: None,
        udesk: vec![UdeskConnection {
            id: "udesk-1".into(),
            name: "U".into(),
            base_url: base.into(),
            email: "a@b.cn".into(),
        }],
    }
}

#[tokio::test]
async fn a_profile_sync_fills_its_database_from_every_connection() {
    let server = vendor().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    let secrets = Arc::new(MemorySecretStore::new());
    secrets
        .set(
            &SecretKey::new("p1", "sobot", SecretKind::AppKey),
            &Secret::new("k"),
        )
        .expect("set");
    secrets
        .set(
            &SecretKey::new("p1", "udesk-1", SecretKind::ApiToken),
            &Secret::new("t"),
        )
        .expect("set");
    let progress = Mutex::new(Vec::new());
    // "Now" is 2017-08-01 (UTC+8), just after the Udesk examples' update times.
    let options = SyncOptions {
        first_sync_months: 1,
        concurrency: 2,
        now_ms: 1_501_516_800_000,
    };
    let reports = sync_profile(
        &workspaces,
        &profile(&server.uri()),
        secrets,
        options,
        &|p| progress.lock().expect("lock").push(p.connection_id),
    )
    .await
    .expect("synced");
    assert_eq!(
        reports
            .iter()
            .map(|r| r.connection_id.as_str())
            .collect::<Vec<_>>(),
        ["sobot", "udesk-1"]
    );
    assert!(
        reports
            .iter()
            .all(|r| r.failures.is_empty() && r.synced_until_ms == Some(options.now_ms))
    );
    let store = workspaces.store("p1").expect("store");
    let db = store.lock().expect("lock");
    let sobot = TicketFilter {
        connection_ids: vec!["sobot".into()],
        ..Default::default()
    };
    let udesk = TicketFilter {
        connection_ids: vec!["udesk-1".into()],
        ..Default::default()
    };
    let total = |filter| {
        count_by_status(db.connection(), &filter)
            .expect("counts")
            .iter()
            .map(|(_, n)| n)
            .sum::<u64>()
    };
    assert_eq!(
        total(sobot),
        3,
        "the same tickets listed in two windows are stored once"
    );
    assert_eq!(total(udesk), 3);
    let progress = progress.into_inner().expect("lock");
    assert!(progress.contains(&"sobot".to_owned()) && progress.contains(&"udesk-1".to_owned()));
    assert!(dir.path().join("profiles/p1/switchboard.sqlite3").exists());
}

#[tokio::test]
async fn a_connection_without_its_secret_stops_the_sync_before_any_call() {
    let server = vendor().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let err = sync_profile(
        &Workspaces::new(dir.path()),
        &profile(&server.uri()),
        Arc::new(MemorySecretStore::new()),
        SyncOptions {
            first_sync_months: 1,
            concurrency: 2,
            now_ms: 1_501_516_800_000,
        },
        &|_| {},
    )
    .await
    .expect_err("no secrets");
    assert!(
        matches!(&err, WorkspaceError::Client { connection, .. } if connection == "sobot"),
        "{err}"
    );
    assert!(
        server
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}
