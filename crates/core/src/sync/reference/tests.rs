use std::sync::{Arc, Mutex};

use super::*;
use crate::store::reference::list;
use crate::store::tickets::{StoredTicket, Vendor, upsert_tickets};

#[test]
fn udesk_display_names_map_to_the_documented_codes_and_unknown_names_are_kept() {
    assert_eq!(udesk_priority_code("High"), "2");
    assert_eq!(udesk_priority_code("紧急"), "1");
    assert_eq!(udesk_priority_code("noraml"), "3");
    assert_eq!(udesk_priority_code(" Low "), "4");
    assert_eq!(udesk_priority_code("Whenever"), "Whenever");
    assert_eq!(udesk_platform_code("Manual entry"), "manual_input");
    assert_eq!(udesk_platform_code("Email"), "email");
    assert_eq!(udesk_platform_code("微信"), "wechat");
    assert_eq!(udesk_status_code("Open"), "open");
    assert_eq!(udesk_status_code("已关闭"), "closed");
}

fn item(kind: ReferenceKind, code: &str, name: &str, extra: Value) -> ReferenceItem {
    ReferenceItem {
        connection_id: "sobot".into(),
        kind,
        code: code.into(),
        name: name.into(),
        position: 0,
        extra,
    }
}

#[test]
fn the_sobot_directory_resolves_unique_names_and_category_paths_only() {
    let directory = SobotDirectory::from_items(&[
        item(ReferenceKind::Agent, "a1", "王芳", json!({})),
        item(ReferenceKind::Agent, "a2", "Li Lei", json!({})),
        item(ReferenceKind::Agent, "a3", "Li Lei", json!({})),
        item(ReferenceKind::Group, "g1", "售后", json!({})),
        item(
            ReferenceKind::Category,
            "c2",
            "退款",
            json!({"path": "售后/退款"}),
        ),
    ]);
    assert_eq!(directory.agent(Some("王芳")).as_deref(), Some("a1"));
    assert_eq!(directory.agent(Some("Li Lei")), None, "ambiguous");
    assert_eq!(directory.agent(None), None);
    assert_eq!(directory.group(Some("售后")).as_deref(), Some("g1"));
    assert_eq!(directory.category(Some("售后/退款")).as_deref(), Some("c2"));
    assert_eq!(directory.category(Some("退款")), None);
}

fn ticket(id: &str, agent: Option<(&str, &str)>, group: Option<(&str, &str)>) -> StoredTicket {
    StoredTicket {
        connection_id: "udesk-1".into(),
        ticket_id: id.into(),
        vendor: Vendor::Udesk,
        ticket_code: None,
        title: String::new(),
        content: String::new(),
        status_code: "open".into(),
        priority_code: None,
        source_code: None,
        category_id: None,
        assignee_id: agent.map(|a| a.0.to_owned()),
        assignee_name: agent.map(|a| a.1.to_owned()),
        group_id: group.map(|g| g.0.to_owned()),
        group_name: group.map(|g| g.1.to_owned()),
        customer_id: None,
        customer_name: None,
        created_at_ms: 1,
        updated_at_ms: 1,
        custom_fields: json!({}),
        raw: json!({}),
    }
}

#[test]
fn agents_and_groups_are_derived_from_the_tickets_that_name_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(Mutex::new(
        Store::open(&dir.path().join("db.sqlite3")).expect("opens"),
    ));
    upsert_tickets(
        store.lock().expect("lock").connection_mut(),
        &[
            ticket("1", Some(("7", "Tom")), Some(("g1", "一线"))),
            ticket("2", Some(("7", "Tom")), Some(("g2", "二线"))),
            ticket("3", Some(("8", "李雷")), None),
            ticket("4", None, None),
        ],
        1,
    )
    .expect("tickets");
    derive_from_tickets(&store, "udesk-1").expect("derived");
    let items = list(store.lock().expect("lock").connection(), Some("udesk-1")).expect("list");
    let agents: Vec<_> = items
        .iter()
        .filter(|i| i.kind == ReferenceKind::Agent)
        .map(|i| {
            (
                i.code.as_str(),
                i.name.as_str(),
                i.extra["group_ids"].clone(),
            )
        })
        .collect();
    assert_eq!(
        agents,
        [("7", "Tom", json!(["g1", "g2"])), ("8", "李雷", json!([])),]
    );
    assert_eq!(
        items
            .iter()
            .filter(|i| i.kind == ReferenceKind::Group)
            .count(),
        2
    );
}

#[test]
fn storing_a_fetch_replaces_only_the_kinds_it_fetched_completely() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(Mutex::new(
        Store::open(&dir.path().join("db.sqlite3")).expect("opens"),
    ));
    let mut first = ReferenceFetch::default();
    first.set(
        ReferenceKind::Status,
        vec![item(ReferenceKind::Status, "1", "处理中", json!({}))],
    );
    first.set(
        ReferenceKind::Agent,
        vec![item(ReferenceKind::Agent, "a1", "王芳", json!({}))],
    );
    store_fetch(&store, "sobot", &first).expect("stored");
    let mut second = ReferenceFetch::default();
    second.set(ReferenceKind::Agent, Vec::new());
    store_fetch(&store, "sobot", &second).expect("stored");
    let items = list(store.lock().expect("lock").connection(), None).expect("list");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, ReferenceKind::Status);
}
