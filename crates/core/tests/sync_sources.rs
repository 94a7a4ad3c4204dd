//! The Sobot and Udesk ticket sources read their vendor's list (the vendor's own examples, served
//! by a local stand-in) into the unified model.

use std::sync::Arc;

use switchboard_core::connections::{sobot_client, udesk_client};
use switchboard_core::profiles::{
    SobotConnection, SobotRegion, TimeDialect, UdeskConnection, VendorLanguage,
};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use switchboard_core::store::sync_state::Window;
use switchboard_core::store::tickets::Vendor;
use switchboard_core::sync::{SobotTicketSource, TicketSource, UdeskTicketSource};
use vendor_http::Secret;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("valid JSON")
}

fn secrets() -> Arc<MemorySecretStore> {
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
    secrets
}

#[tokio::test]
async fn sobot_tickets_updated_in_a_month_map_into_the_unified_model() {
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
        .and(query_param("page_no", "1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(fixture("sobot_ticket_list_by_update_time.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let connection = SobotConnection {
        id: "sobot".into(),
        region: SobotRegion::Custom(server.uri()),
        appid: "a".into(),
        language: VendorLanguage::En,
        timezone_id: "Asia/Shanghai".into(),
        time_dialect: TimeDialect::EpochMillis,
    };
    let source = SobotTicketSource::new(
        "sobot",
        sobot_client("p1", &connection, secrets()).expect("client"),
    );
    // 2023-03-01 .. 2023-04-01 in UTC+8 is one calendar month: one window.
    let march = Window {
        start_ms: 1_677_600_000_000,
        end_ms: 1_680_278_400_000,
    };
    assert_eq!(source.split(march.start_ms, march.end_ms).len(), 1);
    assert_eq!(
        source
            .split(march.start_ms, march.end_ms + 40 * 86_400_000)
            .len(),
        3,
        "split by calendar month"
    );

    let tickets = source.fetch(march).await.expect("fetched");
    assert_eq!(tickets.len(), 3);
    let first = &tickets[0];
    assert_eq!(first.ticket_id, "b6dacd72a5cf4e2999e78a18a9126c72");
    assert_eq!(first.vendor, Vendor::Sobot);
    assert_eq!(first.ticket_code.as_deref(), Some("20190912000007"));
    assert_eq!(
        (first.status_code.as_str(), first.priority_code.as_deref()),
        ("1", Some("0"))
    );
    assert_eq!(first.customer_name.as_deref(), Some("user1"));
    assert_eq!(
        first.updated_at_ms, 1_678_085_323_404,
        "the _ms twin wins over the string"
    );
    assert_eq!(
        first.raw["remark"], "The problem was solved very quickly",
        "the vendor record is kept"
    );
}

#[tokio::test]
async fn udesk_tickets_are_kept_only_when_updated_inside_the_window() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/open_api_v1/tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("udesk_ticket_list.json")))
        .mount(&server)
        .await;
    let connection = UdeskConnection {
        id: "udesk-1".into(),
        name: "Udesk".into(),
        base_url: server.uri(),
        email: "ops@demo.cn".into(),
    };
    let source = UdeskTicketSource::new(
        "udesk-1",
        udesk_client("p1", &connection, secrets().as_ref()).expect("client"),
    );
    assert_eq!(source.split(0, 10).len(), 1);
    // 2017-07-10T16:00+08:00 .. 2017-07-12: two of the three example tickets.
    let window = Window {
        start_ms: 1_499_673_600_000,
        end_ms: 1_499_788_800_000,
    };
    let tickets = source.fetch(window).await.expect("fetched");
    let mut ids: Vec<_> = tickets.iter().map(|t| t.ticket_id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["1", "3"]);
    let first = tickets
        .iter()
        .find(|t| t.ticket_id == "1")
        .expect("ticket 1");
    assert_eq!(first.ticket_code.as_deref(), Some("#638"));
    assert_eq!(first.status_code, "open");
    assert_eq!(first.assignee_name.as_deref(), Some("Tom"));
    assert_eq!(first.vendor, Vendor::Udesk);
}
