//! Lists as streams over all pages, and the export scroll loop.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use futures::TryStreamExt;
use serde_json::json;
use udesk::Error;
use udesk::tickets::{FilterQuery, TicketListQuery};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const EXPORT: &str = "/open_api_v1/tickets/export";

fn ticket(id: u32) -> serde_json::Value {
    json!({"ticket": {"id": id, "field_num": format!("#{id}"), "subject": "s"}})
}

async fn on_query(
    server: &MockServer,
    route: &str,
    name: &str,
    value: &str,
    body: serde_json::Value,
) {
    Mock::given(method("GET"))
        .and(path(route))
        .and(query_param(name, value))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_ticket_list_stream_reads_every_page_per_meta() {
    let (server, client) = server_and_client().await;
    for page in 1..=3u32 {
        let meta = json!({"current_page": page, "total_pages": 3, "total_count": 5});
        let rows = if page < 3 {
            vec![ticket(page * 10), ticket(page * 10 + 1)]
        } else {
            vec![ticket(30)]
        };
        on_query(
            &server,
            "/open_api_v1/tickets",
            "page",
            &page.to_string(),
            json!({"code": 1000, "contents": rows, "meta": meta}),
        )
        .await;
    }
    let ids: Vec<String> = client
        .tickets()
        .list(TicketListQuery::default())
        .map_ok(|t| t.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec!["10", "11", "20", "21", "30"]);
    let requests = requests_to(&server, "/open_api_v1/tickets").await;
    assert_eq!(requests.len(), 3);
    assert!(
        requests
            .iter()
            .all(|r| query_value(r, "per_page").as_deref() == Some("100"))
    );
    let nonces: std::collections::HashSet<_> = requests.iter().map(assert_signed).collect();
    assert_eq!(nonces.len(), 3, "every page is signed afresh");
}

#[tokio::test]
async fn reply_change_log_filter_and_in_filter_streams_stop_on_the_last_page() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/1/replies",
        fixture("udesk_ticket_replies_list.response.json"),
    )
    .await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/1/change_logs",
        fixture("udesk_ticket_change_logs_list.response.json"),
    )
    .await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/filters",
        fixture("udesk_ticket_filters_list.response.json"),
    )
    .await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/tickets_in_filter",
        fixture("udesk_ticket_tickets_in_filter.response.json"),
    )
    .await;
    let tickets = client.tickets();
    assert_eq!(
        tickets
            .replies("1")
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        tickets
            .change_logs("1")
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        tickets
            .filters(FilterQuery::default())
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        tickets
            .tickets_in_filter("2")
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .len(),
        3
    );
    for route in [
        "/open_api_v1/tickets/1/replies",
        "/open_api_v1/tickets/1/change_logs",
        "/open_api_v1/tickets/filters",
        "/open_api_v1/tickets/tickets_in_filter",
    ] {
        assert_eq!(requests_to(&server, route).await.len(), 1, "{route}");
    }
    let filters = only_request(&server, "/open_api_v1/tickets/filters").await;
    assert_eq!(query_value(&filters, "per_page").as_deref(), Some("50"));
}

#[tokio::test]
async fn export_follows_the_newest_scroll_id_alone_until_an_empty_batch() {
    let (server, client) = server_and_client().await;
    on_query(
        &server,
        EXPORT,
        "filter_id",
        "7",
        json!({"code": 1000, "scroll_id": "S1", "total": 3, "contents": [ticket(1), ticket(2)]}),
    )
    .await;
    on_query(
        &server,
        EXPORT,
        "scroll_id",
        "S1",
        json!({"code": 1000, "scroll_id": "S2", "total": 3, "contents": [ticket(3)]}),
    )
    .await;
    on_query(
        &server,
        EXPORT,
        "scroll_id",
        "S2",
        json!({"code": 1000, "scroll_id": "S3", "total": 3, "contents": []}),
    )
    .await;
    let ids: Vec<String> = client
        .tickets()
        .export("7")
        .map_ok(|t| t.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec!["1", "2", "3"]);
    let requests = requests_to(&server, EXPORT).await;
    let queries: Vec<_> = requests.iter().map(query_of).collect();
    assert_eq!(
        queries,
        vec![
            pairs(&[("filter_id", "7")]),
            pairs(&[("scroll_id", "S1")]),
            pairs(&[("scroll_id", "S2")]),
        ]
    );
}

#[tokio::test]
async fn export_scroll_calls_are_not_repeated_after_a_server_error() {
    let (server, client) = server_and_client().await;
    on_query(
        &server,
        EXPORT,
        "filter_id",
        "7",
        json!({"code": 1000, "scroll_id": "S1", "contents": [ticket(1)]}),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(EXPORT))
        .and(query_param("scroll_id", "S1"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let result: Result<Vec<_>, Error> = client.tickets().export("7").try_collect().await;
    assert!(matches!(result, Err(Error::Transport(_))));
    assert_eq!(
        requests_to(&server, EXPORT).await.len(),
        2,
        "one filter call, one scroll call"
    );
}

#[tokio::test]
async fn a_non_empty_batch_without_a_scroll_id_ends_the_export_with_an_error() {
    let (server, client) = server_and_client().await;
    on_query(
        &server,
        EXPORT,
        "filter_id",
        "7",
        json!({"code": 1000, "scroll_id": "", "contents": [ticket(1)]}),
    )
    .await;
    let mut stream = Box::pin(client.tickets().export("7"));
    assert_eq!(
        stream.try_next().await.unwrap().map(|t| t.id),
        Some("1".into())
    );
    let error = stream.try_next().await.unwrap_err();
    let Error::Decode(decode) = error else {
        panic!("expected a decode error")
    };
    assert_eq!(decode.path, "scroll_id");
}

#[tokio::test]
async fn an_error_on_a_later_page_ends_the_stream_with_that_error() {
    let (server, client) = server_and_client().await;
    on_query(
        &server,
        "/open_api_v1/tickets",
        "page",
        "1",
        json!({"code": 1000, "contents": [ticket(1)], "meta": {"total_pages": 2}}),
    )
    .await;
    on_query(
        &server,
        "/open_api_v1/tickets",
        "page",
        "2",
        json!({"code": 2000, "message": "boom"}),
    )
    .await;
    let result: Result<Vec<_>, Error> = client
        .tickets()
        .list(TicketListQuery::default())
        .try_collect()
        .await;
    assert!(matches!(result, Err(Error::Validation { code: 2000, .. })));
}
