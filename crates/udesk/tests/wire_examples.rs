//! Every endpoint against a local stand-in, checked against the seed's curl example: the exact
//! method, path, endpoint query (the auth parameters aside, checked for a valid signature),
//! headers and body. Where an example contradicts its table the difference is asserted.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use serde_json::{Value, json};
use udesk::tickets::*;
use wiremock::Request;

/// Mounts `response` (a fixture name) on the curl example's method and path, and returns the
/// parsed example.
async fn stand_in(server: &wiremock::MockServer, example: &str, response: &str) -> CurlExample {
    let parsed = curl(example);
    respond(server, &parsed.method, &parsed.path, fixture(response)).await;
    parsed
}

/// Checks the one request on the example's path against the example: method, path, signed
/// query, endpoint query, and (when the example has a JSON body) `body`.
async fn check(
    server: &wiremock::MockServer,
    example: &CurlExample,
    body: Option<Value>,
) -> Request {
    let request = only_request(server, &example.path).await;
    assert_eq!(request.method.as_str(), example.method);
    assert_signed(&request);
    assert_eq!(query_of(&request), example.query);
    match body {
        Some(body) => assert_eq!(json_of(&request), body),
        None if !example.binary => assert_no_body(&request),
        None => {}
    }
    request
}

#[tokio::test]
async fn create_sends_the_example_body_with_integer_follower_ids() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_create.curl.txt",
        "udesk_ticket_create.response.json",
    )
    .await;
    let body: CreateTicketBody =
        serde_json::from_value(fixture("udesk_ticket_create.request.json")).unwrap();
    let id = client.tickets().create(&body.ticket).await.unwrap();
    assert_eq!(id, "2");
    let mut expected = example.body.clone().unwrap();
    expected["ticket"]["follower_ids"] = json!([1, 23, 12]);
    check(&server, &example, Some(expected)).await;
}

#[tokio::test]
async fn detail_by_id_sends_id() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_detail.curl.txt",
        "udesk_ticket_detail.response.json",
    )
    .await;
    let ticket = client.tickets().detail(&TicketKey::id("1")).await.unwrap();
    assert_eq!(ticket.subject.as_deref(), Some("hello!"));
    assert_eq!(example.query, pairs(&[("id", "1")]));
    check(&server, &example, None).await;
}

#[tokio::test]
async fn detail_by_number_url_encodes_the_hash() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/detail",
        fixture("udesk_ticket_detail.response.json"),
    )
    .await;
    client
        .tickets()
        .detail(&TicketKey::num("848"))
        .await
        .unwrap();
    let request = only_request(&server, "/open_api_v1/tickets/detail").await;
    assert_eq!(query_of(&request), pairs(&[("num", "#848")]));
    assert!(request.url.query().unwrap().ends_with("&num=%23848"));
}

#[tokio::test]
async fn update_puts_the_ticket_under_its_id_with_ids_not_follower_objects() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_update.curl.txt",
        "udesk_ticket_update.response.json",
    )
    .await;
    let update: TicketUpdate =
        serde_json::from_value(fixture("udesk_ticket_update.request.json")).unwrap();
    let ticket = client.tickets().update("1", &update).await.unwrap();
    assert_eq!(ticket.agent_name.as_deref(), Some("Test Agent 1"));
    let mut expected = example.body.clone().unwrap();
    expected["ticket"]["follower_ids"] = json!([1, 2]);
    expected["ticket"]
        .as_object_mut()
        .unwrap()
        .remove("attachments");
    check(&server, &example, Some(expected)).await;
}

#[tokio::test]
async fn delete_by_number_sends_an_encoded_num_and_no_body() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_delete.curl.txt",
        "udesk_ticket_delete.response.json",
    )
    .await;
    client
        .tickets()
        .delete(&TicketKey::num("#848"))
        .await
        .unwrap();
    let request = check(&server, &example, None).await;
    assert!(example.raw_query.ends_with("&num=%23848"));
    assert!(request.url.query().unwrap().ends_with("&num=%23848"));
}

#[tokio::test]
async fn list_sends_page_and_per_page() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_list.curl.txt",
        "udesk_ticket_list.response.json",
    )
    .await;
    let page = client
        .tickets()
        .list_page(&TicketListQuery::default(), 1, 20)
        .await
        .unwrap();
    assert_eq!(page.contents.len(), 3);
    let request = only_request(&server, &example.path).await;
    assert_eq!(request.method.as_str(), example.method);
    assert_signed(&request);
    // The example sends no paging (defaults 1 and 20); we send them explicitly.
    assert!(example.query.is_empty());
    assert_eq!(
        query_of(&request),
        pairs(&[("page", "1"), ("per_page", "20")])
    );
}

#[tokio::test]
async fn list_of_one_customer_sends_type_and_content() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets",
        fixture("udesk_ticket_list.response.json"),
    )
    .await;
    let query = TicketListQuery::customer(CustomerIdType::Email, "lucy@qq.com");
    client.tickets().list_page(&query, 2, 500).await.unwrap();
    let request = only_request(&server, "/open_api_v1/tickets").await;
    assert_eq!(
        query_of(&request),
        pairs(&[
            ("type", "email"),
            ("content", "lucy@qq.com"),
            ("page", "2"),
            ("per_page", "100")
        ])
    );
}

#[tokio::test]
async fn replies_are_read_by_ticket_id_in_the_path() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_replies_list.curl.txt",
        "udesk_ticket_replies_list.response.json",
    )
    .await;
    let page = client.tickets().replies_page("1", 1, 5).await.unwrap();
    assert_eq!(page.replies.len(), 1);
    let request = only_request(&server, &example.path).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_signed(&request);
    // Below 20 Udesk answers 20 anyway (003:734): the request says so.
    assert_eq!(
        query_of(&request),
        pairs(&[("page", "1"), ("per_page", "20")])
    );
}

#[tokio::test]
async fn change_logs_are_read_by_ticket_id_in_the_path() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_change_logs_list.curl.txt",
        "udesk_ticket_change_logs_list.response.json",
    )
    .await;
    let page = client
        .tickets()
        .change_logs_page("1", 3, 1000)
        .await
        .unwrap();
    assert_eq!(page.change_logs.len(), 1);
    assert_eq!(example.path, "/open_api_v1/tickets/1/change_logs");
    let request = only_request(&server, &example.path).await;
    assert_signed(&request);
    assert_eq!(
        query_of(&request),
        pairs(&[("page", "3"), ("per_page", "100")])
    );
}

#[tokio::test]
async fn custom_fields_templates_and_survey_take_no_parameters() {
    let (server, client) = server_and_client().await;
    let fields = stand_in(
        &server,
        "udesk_ticket_custom_fields_list.curl.txt",
        "udesk_ticket_custom_fields_list.response.json",
    )
    .await;
    let templates = stand_in(
        &server,
        "udesk_ticket_templates_list.curl.txt",
        "udesk_ticket_templates_list.response.json",
    )
    .await;
    let survey = stand_in(
        &server,
        "udesk_ticket_surveys_get.curl.txt",
        "udesk_ticket_surveys_get.response.json",
    )
    .await;
    assert_eq!(client.tickets().custom_fields().await.unwrap().len(), 12);
    assert!(!client.tickets().templates().await.unwrap().is_empty());
    assert_eq!(client.tickets().survey().await.unwrap().options.len(), 3);
    for example in [&fields, &templates, &survey] {
        check(&server, example, None).await;
        assert!(example.query.is_empty());
    }
}

#[tokio::test]
async fn filters_send_scope_id_and_paging_in_the_query() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_filters_list.curl.txt",
        "udesk_ticket_filters_list.response.json",
    )
    .await;
    let query = FilterQuery {
        scope: Some(FilterScope::AgentGroup),
        id: Some("12".into()),
    };
    let page = client.tickets().filters_page(&query, 1, 100).await.unwrap();
    assert_eq!(page.filters.len(), 3);
    let request = only_request(&server, &example.path).await;
    assert_signed(&request);
    assert_no_body(&request);
    assert_eq!(
        query_of(&request),
        pairs(&[
            ("type", "agent_group"),
            ("id", "12"),
            ("page", "1"),
            ("per_page", "50")
        ])
    );
}

#[tokio::test]
async fn tickets_in_filter_send_the_filter_id() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_tickets_in_filter.curl.txt",
        "udesk_ticket_tickets_in_filter.response.json",
    )
    .await;
    let page = client
        .tickets()
        .tickets_in_filter_page("2", 1, 20)
        .await
        .unwrap();
    assert_eq!(page.contents.len(), 3);
    let request = only_request(&server, &example.path).await;
    assert_signed(&request);
    let mut expected = example.query.clone();
    expected.extend(pairs(&[("page", "1"), ("per_page", "20")]));
    expected.sort();
    assert_eq!(query_of(&request), expected);
}

#[tokio::test]
async fn export_first_call_sends_only_the_filter_id() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_export.curl.txt",
        "udesk_ticket_export.response.json",
    )
    .await;
    let batch = client
        .tickets()
        .export_batch(&ExportCursor::Filter("1".into()))
        .await
        .unwrap();
    assert_eq!(batch.total, Some(10_000));
    check(&server, &example, None).await;
    assert_eq!(example.query, pairs(&[("filter_id", "1")]));
}

#[tokio::test]
async fn upload_file_sends_raw_bytes_with_name_and_type_in_the_query() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_upload_file.curl.txt",
        "udesk_ticket_upload_file.response.json",
    )
    .await;
    let bytes = b"GIF89a\x01\x00\x01\x00".to_vec();
    let upload = FileUpload::new("1", "my_picture.gif", bytes.clone()).with_mime_type("image/gif");
    let uploaded = client.tickets().upload_file(&upload).await.unwrap();
    assert_eq!(uploaded.attachment_id.as_deref(), Some("1001"));
    assert!(example.binary);
    let request = check(&server, &example, None).await;
    assert_eq!(
        example.query,
        pairs(&[
            ("ticket_id", "1"),
            ("file_name", "my_picture.gif"),
            ("type", "image/gif")
        ])
    );
    assert_eq!(
        header(&request, "content-type").as_deref(),
        Some("application/octet-stream")
    );
    assert_eq!(request.body, bytes);
}

#[tokio::test]
async fn upload_file_for_reply_sends_raw_bytes_and_returns_the_attachment_id() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_upload_file_for_reply.curl.txt",
        "udesk_ticket_upload_file_for_reply.response.json",
    )
    .await;
    let upload =
        FileUpload::new("1", "test.png", vec![0x89, b'P', b'N', b'G']).with_mime_type("image/png");
    let uploaded = client
        .tickets()
        .upload_file_for_reply(&upload)
        .await
        .unwrap();
    assert_eq!(uploaded.attachment_id.as_deref(), Some("1"));
    let request = check(&server, &example, None).await;
    assert_eq!(
        header(&request, "content-type").as_deref(),
        Some("application/octet-stream")
    );
    assert_eq!(request.body, vec![0x89, b'P', b'N', b'G']);
}

#[tokio::test]
async fn an_observed_reply_upload_sends_its_length_and_reports_the_bytes_sent() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/open_api_v1/tickets/upload_file_for_reply",
        fixture("udesk_ticket_upload_file_for_reply.response.json"),
    )
    .await;
    let content: Vec<u8> = (0..200_000u32).map(|i| (i % 239) as u8).collect();
    let upload = FileUpload::new("1", "现场照片.png", content.clone()).with_mime_type("image/png");
    let (observer, seen) = vendor_http::test_support::sent_bytes_recorder();

    client
        .tickets()
        .upload_file_for_reply_observed(&upload, &observer)
        .await
        .unwrap();

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen, vec![65_536, 131_072, 196_608, 200_000]);
    let request = only_request(&server, "/open_api_v1/tickets/upload_file_for_reply").await;
    assert_eq!(
        header(&request, "content-length").as_deref(),
        Some("200000")
    );
    assert_eq!(request.body, content);
}

#[tokio::test]
async fn an_upload_without_a_type_sends_no_type_and_keeps_a_unicode_name() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/open_api_v1/tickets/upload_file",
        fixture("udesk_ticket_upload_file.response.json"),
    )
    .await;
    let upload = FileUpload::new("7", "报告 (1).pdf", b"%PDF".to_vec());
    client.tickets().upload_file(&upload).await.unwrap();
    let request = only_request(&server, "/open_api_v1/tickets/upload_file").await;
    assert_eq!(
        query_of(&request),
        pairs(&[("ticket_id", "7"), ("file_name", "报告 (1).pdf")])
    );
}

#[tokio::test]
async fn agent_reply_sends_the_example_body_exactly() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_agent_reply.curl.txt",
        "udesk_ticket_agent_reply.response.json",
    )
    .await;
    let reply: AgentReply =
        serde_json::from_value(fixture("udesk_ticket_agent_reply.request.json")).unwrap();
    let posted = client.tickets().agent_reply(&reply).await.unwrap();
    assert_eq!(posted.data.function_type, Some(FunctionType::Internal));
    let expected = example.body.clone().unwrap();
    assert_eq!(expected, fixture("udesk_ticket_agent_reply.request.json"));
    check(&server, &example, Some(expected)).await;
}

#[tokio::test]
async fn agent_reply_by_number_with_customer_cc() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/open_api_v1/tickets/agent_reply",
        fixture("udesk_ticket_agent_reply.response.json"),
    )
    .await;
    let reply = AgentReply {
        ticket: TicketKey::num("848"),
        agent_id: "13".into(),
        function_type: FunctionType::External,
        new_reply: "<p>hi</p>".into(),
        cc: vec![],
        cc_customer: vec!["c@x.cn".into()],
        attachment_ids: vec![],
    };
    client.tickets().agent_reply(&reply).await.unwrap();
    let request = only_request(&server, "/open_api_v1/tickets/agent_reply").await;
    assert_eq!(
        json_of(&request),
        json!({"num": "#848", "agent_id": 13, "function_type": "external",
               "new_reply": "<p>hi</p>", "cc_customer": ["c@x.cn"]})
    );
}

#[tokio::test]
async fn customer_reply_sends_the_example_body_exactly() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_customer_reply.curl.txt",
        "udesk_ticket_customer_reply.response.json",
    )
    .await;
    let reply: CustomerReply =
        serde_json::from_value(fixture("udesk_ticket_customer_reply.request.json")).unwrap();
    let posted = client.tickets().customer_reply(&reply).await.unwrap();
    assert_eq!(posted.data.function_type, Some(FunctionType::External));
    check(&server, &example, example.body.clone()).await;
}

#[tokio::test]
async fn delete_file_for_reply_sends_the_ticket_id_in_query_and_body_by_default() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_delete_file_for_reply.curl.txt",
        "udesk_ticket_delete_file_for_reply.response.json",
    )
    .await;
    client.tickets().delete_file_for_reply("1").await.unwrap();
    let request = only_request(&server, &example.path).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_signed(&request);
    // The example's body (003:1926-1928) and the table's query parameter (003:1911).
    assert_eq!(
        json_of(&request),
        fixture("udesk_ticket_delete_file_for_reply.request.json")
    );
    assert_eq!(query_of(&request), pairs(&[("ticket_id", "1")]));
}

#[tokio::test]
async fn delete_file_for_reply_placement_is_a_connection_setting() {
    let server = wiremock::MockServer::start().await;
    respond(
        &server,
        "POST",
        "/open_api_v1/tickets/delete_file_for_reply",
        ok(),
    )
    .await;
    let query_only = client_with(&server, |c| {
        c.with_delete_file_ticket_id(udesk::TicketIdPlacement::Query)
    });
    query_only
        .tickets()
        .delete_file_for_reply("5")
        .await
        .unwrap();
    let body_only = client_with(&server, |c| {
        c.with_delete_file_ticket_id(udesk::TicketIdPlacement::Body)
    });
    body_only
        .tickets()
        .delete_file_for_reply("6")
        .await
        .unwrap();
    let requests = requests_to(&server, "/open_api_v1/tickets/delete_file_for_reply").await;
    assert_eq!(requests.len(), 2);
    assert_eq!(query_of(&requests[0]), pairs(&[("ticket_id", "5")]));
    assert_no_body(&requests[0]);
    assert!(query_of(&requests[1]).is_empty());
    assert_eq!(json_of(&requests[1]), json!({"ticket_id": 6}));
}

#[tokio::test]
async fn take_survey_puts_the_example_body_exactly() {
    let (server, client) = server_and_client().await;
    let example = stand_in(
        &server,
        "udesk_ticket_take_survey.curl.txt",
        "udesk_ticket_take_survey.response.json",
    )
    .await;
    let vote: SurveyVote =
        serde_json::from_value(fixture("udesk_ticket_take_survey.request.json")).unwrap();
    client.tickets().take_survey(&vote).await.unwrap();
    assert_eq!(example.method, "PUT");
    check(&server, &example, example.body.clone()).await;
}

#[tokio::test]
async fn log_in_posts_the_credentials_unsigned_and_signs_later_calls_with_the_token() {
    let server = wiremock::MockServer::start().await;
    respond(
        &server,
        "POST",
        "/open_api_v1/log_in",
        json!({"code": 1000, "open_api_auth_token": TOKEN}),
    )
    .await;
    respond(
        &server,
        "GET",
        "/open_api_v1/tickets/surveys",
        fixture("udesk_ticket_surveys_get.response.json"),
    )
    .await;
    let client = client_with(&server, |mut c| {
        c.api_token = vendor_http::Secret::new("");
        c
    });
    let token = client
        .log_in(&vendor_http::Secret::new("pa55"))
        .await
        .unwrap();
    assert_eq!(token.expose(), TOKEN);
    let login = only_request(&server, "/open_api_v1/log_in").await;
    assert_eq!(login.method.as_str(), "POST");
    assert!(login.url.query().is_none(), "log_in is not signed");
    assert_eq!(json_of(&login), json!({"email": EMAIL, "password": "pa55"}));
    client.tickets().survey().await.unwrap();
    assert_signed(&only_request(&server, "/open_api_v1/tickets/surveys").await);
}
