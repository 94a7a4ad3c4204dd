//! Ticket API reads (token, reference data, lists, detail, statistics, export) against a local
//! stand-in: exact method, path, query, headers and body.
//! body.
#![allow(clippy::unwrap_used)]

use crate::common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::*;
use futures::TryStreamExt;
use serde_json::json;
use sobot::TimeDialect;
use sobot::TimeWindow;
use sobot::ticket::*;

fn dir(name: &str) -> String {
    format!("sobot-ticket/{name}")
}

fn window() -> TimeWindow {
    TimeWindow::new(
        Utc.with_ymd_and_hms(2023, 3, 6, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2023, 3, 7, 0, 0, 0).unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn get_token_is_signed_with_appid_create_time_and_app_key() {
    let (server, client) = server_and_client().await;
    client.token_broker().token().await.unwrap();
    let request = only_request(&server, "/api/get_token").await;
    assert_eq!(request.method.as_str(), "GET");
    let query = query_of(&request);
    let find = |key: &str| query.iter().find(|(k, _)| k == key).unwrap().1.clone();
    assert_eq!(find("appid"), "1");
    let create_time = find("create_time");
    assert!(create_time.parse::<i64>().is_ok());
    let expected = format!("{:x}", md5::compute(format!("1{create_time}2")));
    assert_eq!(find("sign"), expected);
    assert!(request.headers.get("token").is_none());
    assert_eq!(query.len(), 3);
}

#[tokio::test]
async fn timezones_are_read_with_a_token_and_no_query() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_timezone",
        fixture(&dir("timezone_list.response.json")),
    )
    .await;
    let zones = client.tickets().timezones().await.unwrap();
    assert_eq!(zones.len(), 68);
    let request = only_request(&server, "/api/ws/5/ticket/get_timezone").await;
    assert_eq!(request.method.as_str(), "GET");
    assert!(query_of(&request).is_empty());
    assert!(request.body.is_empty());
    assert_standard_headers(&request, false);
}

#[tokio::test]
async fn reference_reads_hit_their_paths() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_data_dict",
        fixture(&dir("data_dictionary_get.response.json")),
    )
    .await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_ticket_extend_fields",
        fixture(&dir("custom_field_list.response.json")),
    )
    .await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_ticket_status_infos",
        fixture(&dir("ticket_status_list.response.json")),
    )
    .await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_region",
        json!({"items": [{"id": "10001", "name": "安徽省", "regions": [{"id": "10032", "name": "安庆市"}]}], "ret_code": "000000", "ret_msg": "操作成功"}),
    )
    .await;
    let tickets = client.tickets();
    let dictionary = tickets.data_dictionary().await.unwrap();
    assert_eq!(dictionary.agent_list.len(), 2);
    assert!(!tickets.custom_fields().await.unwrap().is_empty());
    assert!(!tickets.statuses().await.unwrap().is_empty());
    let regions = tickets.regions().await.unwrap();
    assert_eq!(regions[0].regions[0].name.as_deref(), Some("安庆市"));
    for route in [
        "/api/ws/5/ticket/get_data_dict",
        "/api/ws/5/ticket/query_ticket_extend_fields",
        "/api/ws/5/ticket/query_ticket_status_infos",
        "/api/ws/5/ticket/get_region",
    ] {
        let request = only_request(&server, route).await;
        assert_eq!(request.method.as_str(), "GET");
        assert!(query_of(&request).is_empty(), "{route}");
        assert_standard_headers(&request, false);
    }
}

#[tokio::test]
async fn category_fields_send_the_misspelled_path_and_the_type_id() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_fileds_by_typeid",
        fixture(&dir("category_template_field_list.response.json")),
    )
    .await;
    let fields = client
        .tickets()
        .category_fields("4112bddd39cd4895808180f13c2f5e57")
        .await
        .unwrap();
    assert!(!fields.is_empty());
    let request = only_request(&server, "/api/ws/5/ticket/query_fileds_by_typeid").await;
    assert_eq!(
        query_of(&request),
        pairs(&[("ticket_typeid", "4112bddd39cd4895808180f13c2f5e57")])
    );
    assert_standard_headers(&request, false);
}

#[tokio::test]
async fn ticket_lists_send_millisecond_windows_pages_and_the_timezone_header() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_tickets",
        fixture(&dir("ticket_list_by_create_time.response.json")),
    )
    .await;
    let filter = TicketFilter {
        ticket_status: Some(TicketStatus::Processing),
        deal_agentid: Some("a1".into()),
        ..TicketFilter::default()
    };
    let page = client
        .tickets()
        .list_page(TicketTime::Created, window(), &filter, 1, 500)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 3);
    let sent = only_request(&server, "/api/ws/5/ticket/query_tickets").await;
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("create_start_datetime_ms", "1678060800000"),
            ("create_end_datetime_ms", "1678147199999"),
            ("ticket_status", "1"),
            ("deal_agentid", "a1"),
            ("page_no", "1"),
            ("page_size", "50"),
        ])
    );
    assert_standard_headers(&sent, true);
}

#[tokio::test]
async fn update_time_lists_use_the_datetime_dialect_when_configured() {
    let server = wiremock::MockServer::start().await;
    mount_token(&server, TOKEN).await;
    let client = client_for(&server, |c| c.with_time_dialect(TimeDialect::DateTime));
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_tickets_by_update_time",
        fixture(&dir("ticket_list_by_update_time.response.json")),
    )
    .await;
    let tickets: Vec<TicketSummary> = client
        .tickets()
        .list(TicketTime::Updated, window(), TicketFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(tickets.len(), 3);
    let sent = only_request(&server, "/api/ws/5/ticket/query_tickets_by_update_time").await;
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("update_start_datetime", "2023-03-06 08:00:00"),
            ("update_end_datetime", "2023-03-07 07:59:59"),
            ("page_no", "1"),
            ("page_size", "50"),
        ])
    );
}

#[tokio::test]
async fn a_long_window_is_streamed_month_by_month_and_page_by_page() {
    use wiremock::matchers::{method, path, query_param};
    use wiremock::{Mock, ResponseTemplate};
    let (server, client) = server_and_client().await;
    let row = |id: &str| json!({"ticketid": id, "ticket_status": "1"});
    // Every month answers page 1 with two pages' worth of paging and page 2 with one row.
    Mock::given(method("GET"))
        .and(path("/api/ws/5/ticket/query_tickets"))
        .and(query_param("page_no", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [row("b")], "page_no": 2, "page_size": 50, "page_count": 2, "total_count": 51,
            "ret_code": "000000", "ret_msg": "Success"
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/ws/5/ticket/query_tickets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [row("a")], "page_no": 1, "page_size": 50, "page_count": 2, "total_count": 51,
            "ret_code": "000000", "ret_msg": "Success"
        })))
        .mount(&server)
        .await;
    // 2024-01-01 .. 2024-03-15 local (UTC+8): January, February, half of March.
    let window = TimeWindow::new(
        Utc.with_ymd_and_hms(2023, 12, 31, 16, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2024, 3, 14, 16, 0, 0).unwrap(),
    )
    .unwrap();
    let tickets: Vec<TicketSummary> = client
        .tickets()
        .list(TicketTime::Created, window, TicketFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(tickets.len(), 6);
    let requests = requests_to(&server, "/api/ws/5/ticket/query_tickets").await;
    assert_eq!(requests.len(), 6);
    let mut starts: Vec<String> = requests
        .iter()
        .filter(|r| query_of(r).contains(&("page_no".into(), "1".into())))
        .map(|r| {
            query_of(r)
                .into_iter()
                .find(|(k, _)| k == "create_start_datetime_ms")
                .unwrap()
                .1
        })
        .collect();
    starts.sort();
    let local_month_starts = [(2023, 12, 31), (2024, 1, 31), (2024, 2, 29)].map(|(y, m, d)| {
        Utc.with_ymd_and_hms(y, m, d, 16, 0, 0)
            .unwrap()
            .timestamp_millis()
            .to_string()
    });
    assert_eq!(starts, local_month_starts.to_vec());
}

#[tokio::test]
async fn detail_is_read_by_id_or_code_with_the_timezone_header() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_ticket_by_id",
        fixture(&dir("ticket_detail_get.response.json")),
    )
    .await;
    let detail = client
        .tickets()
        .detail("d6aef19dca6b4ee5b9dc4206d")
        .await
        .unwrap();
    assert_eq!(detail.deal_list.len(), 1);
    client
        .tickets()
        .detail_by_code("20190912000003")
        .await
        .unwrap();
    let requests = requests_to(&server, "/api/ws/5/ticket/get_ticket_by_id").await;
    assert_eq!(
        query_of(&requests[0]),
        pairs(&[("ticketid", "d6aef19dca6b4ee5b9dc4206d")])
    );
    assert_eq!(
        query_of(&requests[1]),
        pairs(&[("ticket_code", "20190912000003")])
    );
    assert_standard_headers(&requests[0], true);
}

#[tokio::test]
async fn counts_workload_and_push_failures_send_plain_window_params() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/get_ticket_data",
        fixture(&dir("ticket_stats_overview.response.json")),
    )
    .await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_agent_jobs",
        fixture(&dir("agent_workload_list.response.json")),
    )
    .await;
    respond(
        &server,
        "GET",
        "/api/ws/5/ticket/query_ticket_push_fail_infos",
        fixture(&dir("push_failure_list.response.json")),
    )
    .await;
    let tickets = client.tickets();
    let counts = tickets.counts(window()).await.unwrap();
    assert_eq!(counts.unsolved_ticket_num, Some(3));
    let workload = tickets.agent_workload(window()).await.unwrap();
    // One count is a string, the other a number (000:3839).
    let counts: Vec<_> = workload.iter().map(|w| w.deal_ticket_num).collect();
    assert_eq!(counts, vec![Some(1), Some(0)]);
    let failures: Vec<PushFailure> = tickets.push_failures(window()).try_collect().await.unwrap();
    assert_eq!(failures.len(), 3);
    let window_params = [
        ("start_datetime_ms", "1678060800000"),
        ("end_datetime_ms", "1678147199999"),
    ];
    for route in [
        "/api/ws/5/ticket/get_ticket_data",
        "/api/ws/5/ticket/query_agent_jobs",
    ] {
        let sent = only_request(&server, route).await;
        assert_eq!(sent.method.as_str(), "GET");
        assert_eq!(query_of(&sent), pairs(&window_params));
        assert_standard_headers(&sent, true);
    }
    let sent = only_request(&server, "/api/ws/5/ticket/query_ticket_push_fail_infos").await;
    let mut expected = window_params.to_vec();
    expected.extend([("page_no", "1"), ("page_size", "50")]);
    assert_eq!(query_of(&sent), pairs(&expected));
    assert_standard_headers(&sent, true);
}

#[tokio::test]
async fn export_posts_to_the_wb_path_and_accepts_a_bare_record() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/wb/5/data/export_data",
        fixture(&dir("offline_data_export.response.json")),
    )
    .await;
    let request = ExportRequest::tickets_of(NaiveDate::from_ymd_opt(2019, 11, 5).unwrap());
    let records = client.tickets().export(&request).await.unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].ticket_code.as_deref(), Some("20200611000021"));
    let sent = only_request(&server, "/api/wb/5/data/export_data").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        json_of(&sent),
        fixture(&dir("offline_data_export.request.json"))
    );
}
