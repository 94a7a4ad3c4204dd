//! Reference data is synced before each connection's tickets, with the very codes the tickets
//! carry, and a failed reference call is reported without stopping the ticket sync.

use std::collections::BTreeSet;
use std::sync::Arc;

use sandbox::{FaultKind, FaultRule, Sandbox, SandboxConfig, Size};
use sobot::ticket::TicketStatus;
use switchboard_core::profiles::{Profile, UdeskConnection, VendorLanguage};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use switchboard_core::store::reference::{ReferenceItem, ReferenceKind, list};
use switchboard_core::sync::{SyncOptions, unix_now_ms};
use switchboard_core::workspace::{Workspaces, sync_profile};
use vendor_http::Secret;

use crate::common;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn options() -> SyncOptions {
    SyncOptions {
        first_sync_months: 7,
        concurrency: 3,
        now_ms: unix_now_ms(),
    }
}

fn codes(items: &[ReferenceItem], kind: ReferenceKind) -> BTreeSet<String> {
    items
        .iter()
        .filter(|i| i.kind == kind)
        .map(|i| i.code.clone())
        .collect()
}

fn ticket_column(db: &rusqlite::Connection, column: &str) -> BTreeSet<String> {
    let mut statement = db
        .prepare(&format!(
            "SELECT DISTINCT {column} FROM tickets WHERE {column} IS NOT NULL"
        ))
        .expect("query");
    statement
        .query_map([], |row| row.get::<_, String>(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("values")
}

#[tokio::test]
async fn every_code_a_synced_sobot_ticket_carries_is_named_by_the_reference_data() {
    let sandbox = Sandbox::start(SandboxConfig::new(11, Size::Small))
        .await
        .expect("sandbox");
    let (profile, secrets) = common::sobot_profile(&sandbox, VendorLanguage::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    let reports = sync_profile(&workspaces, &profile, secrets, options(), &|_| {})
        .await
        .expect("synced");
    assert!(reports[0].reference_failures.is_empty(), "{reports:?}");
    assert!(reports[0].tickets > 0);

    let store = workspaces.store("p1").expect("store");
    let db = store.lock().expect("lock");
    let items = list(db.connection(), Some("sobot")).expect("reference data");
    for (column, kind) in [
        ("status_code", ReferenceKind::Status),
        ("priority_code", ReferenceKind::Priority),
        ("source_code", ReferenceKind::Source),
        ("category_id", ReferenceKind::Category),
        ("assignee_id", ReferenceKind::Agent),
        ("group_id", ReferenceKind::Group),
    ] {
        let known = codes(&items, kind);
        let used = ticket_column(db.connection(), column);
        assert!(
            used.is_subset(&known),
            "{column}: {:?} not in the reference data",
            used.difference(&known).collect::<Vec<_>>()
        );
    }
    for column in ["assignee_id", "group_id", "category_id"] {
        assert!(
            !ticket_column(db.connection(), column).is_empty(),
            "{column}: names resolve to ids"
        );
    }
    let closed = items
        .iter()
        .find(|i| i.kind == ReferenceKind::Status && i.code == "99")
        .expect("closed status");
    assert_eq!(closed.extra["closed"], true);
    assert_eq!(closed.extra["custom"], false);
    // Built-in codes carry their names in both UI languages, whatever the vendor answered in.
    assert_eq!(closed.extra["names"]["en"], "Closed");
    let urgent = items
        .iter()
        .find(|i| i.kind == ReferenceKind::Priority && i.code == "3")
        .expect("urgent priority");
    assert_eq!(
        (
            &urgent.extra["names"]["en"],
            &urgent.extra["names"]["zh-CN"]
        ),
        (&serde_json::json!("Urgent"), &serde_json::json!("紧急"))
    );
    let served_custom: BTreeSet<(String, bool)> = sandbox.inspect(|world| {
        world
            .tickets
            .statuses
            .iter()
            .filter_map(|s| match &s.status_code {
                Some(TicketStatus::Custom(code)) => Some((code.clone(), s.is_deleted())),
                _ => None,
            })
            .collect()
    });
    let stored_custom: BTreeSet<(String, bool)> = items
        .iter()
        .filter(|i| i.kind == ReferenceKind::Status && i.extra["custom"] == true)
        .map(|i| (i.code.clone(), i.extra["deleted"] == true))
        .collect();
    assert_eq!(
        stored_custom, served_custom,
        "custom statuses, deleted flagged"
    );
    assert!(
        items
            .iter()
            .filter(|i| i.kind == ReferenceKind::Category)
            .any(|i| i.extra["leaf"] == true)
    );
    assert_eq!(
        items
            .iter()
            .find(|i| i.kind == ReferenceKind::Source && i.code == "12")
            .map(|i| i.name.as_str()),
        Some("Email"),
        "fixed sets are named in the connection's language"
    );
}

#[tokio::test]
async fn a_failed_reference_call_is_reported_and_the_tickets_still_sync() {
    let sandbox = Sandbox::start(SandboxConfig::new(12, Size::Small))
        .await
        .expect("sandbox");
    sandbox.add_fault(FaultRule::next(
        "/api/ws/5/ticket/query_ticket_status_infos",
        FaultKind::VendorCode {
            code: "999999".into(),
            message: None,
        },
        10,
    ));
    let (profile, secrets) = common::sobot_profile(&sandbox, VendorLanguage::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    let reports = sync_profile(&workspaces, &profile, secrets, options(), &|_| {})
        .await
        .expect("synced");
    let report = &reports[0];
    assert_eq!(report.reference_failures.len(), 1, "{report:?}");
    assert!(
        report.reference_failures[0].message.contains("statuses"),
        "{}",
        report.reference_failures[0].message
    );
    assert!(report.failures.is_empty() && report.tickets > 0);
    assert!(report.synced_until_ms.is_some());
    let store = workspaces.store("p1").expect("store");
    let items = list(store.lock().expect("lock").connection(), Some("sobot")).expect("list");
    assert!(codes(&items, ReferenceKind::Status).is_empty());
    assert!(
        !codes(&items, ReferenceKind::Priority).is_empty(),
        "the other kinds are stored"
    );
}

fn fixture(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("valid JSON")
}

#[tokio::test]
async fn udesk_reference_data_names_the_codes_its_tickets_carry() {
    let server = MockServer::start().await;
    for (route, body) in [
        ("/open_api_v1/tickets", "udesk_ticket_list.json"),
        (
            "/open_api_v1/tickets/custom_fields",
            "udesk_custom_fields.json",
        ),
        (
            "/open_api_v1/tickets/ticket_templates",
            "udesk_templates.json",
        ),
    ] {
        Mock::given(method("GET"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(fixture(body)))
            .mount(&server)
            .await;
    }
    let secrets = Arc::new(MemorySecretStore::new());
    secrets
        .set(
            &SecretKey::new("p1", "udesk-1", SecretKind::ApiToken),
            &Secret::new("t"),
        )
        .expect("set");
    let profile = Profile {
        id: "p1".into(),
        name: "Team".into(),
        sobot: None,
        callcenter: None,
        udesk: vec![UdeskConnection {
            id: "udesk-1".into(),
            name: "U".into(),
            base_url: server.uri(),
            email: "a@b.cn".into(),
        }],
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    let reports = sync_profile(
        &workspaces,
        &profile,
        secrets,
        SyncOptions {
            first_sync_months: 1,
            concurrency: 1,
            // 2017-08-01 (UTC+8), just after the examples' update times.
            now_ms: 1_501_516_800_000,
        },
        &|_| {},
    )
    .await
    .expect("synced");
    assert!(reports[0].reference_failures.is_empty(), "{reports:?}");
    let store = workspaces.store("p1").expect("store");
    let db = store.lock().expect("lock");
    let items = list(db.connection(), Some("udesk-1")).expect("list");
    for (column, kind) in [
        ("status_code", ReferenceKind::Status),
        ("priority_code", ReferenceKind::Priority),
        ("source_code", ReferenceKind::Source),
        ("category_id", ReferenceKind::Template),
        ("assignee_id", ReferenceKind::Agent),
    ] {
        let used = ticket_column(db.connection(), column);
        assert!(!used.is_empty(), "{column} is filled");
        assert!(
            used.is_subset(&codes(&items, kind)),
            "{column}: {used:?} vs {:?}",
            codes(&items, kind)
        );
    }
    let field = items
        .iter()
        .find(|i| i.kind == ReferenceKind::CustomField && i.code == "TextField_1")
        .expect("custom field");
    assert_eq!(field.extra["type"], "text");
    assert_eq!(field.extra["required"], false);
    let agent = items
        .iter()
        .find(|i| i.kind == ReferenceKind::Agent)
        .expect("agent seen on tickets");
    assert_eq!(agent.name, "Tom");
}
