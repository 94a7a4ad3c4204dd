//! Ticket API writes (creates, replies, uploads, reminders, ratings, deletes, re-binding) against
//! a local stand-in: exact method, path, query, headers and body.
//! body.
#![allow(clippy::unwrap_used)]

use crate::common;

use chrono::{TimeZone, Utc};
use common::*;
use serde_json::json;
use sobot::TimeDialect;
use sobot::ticket::*;

fn dir(name: &str) -> String {
    format!("sobot-ticket/{name}")
}

#[tokio::test]
async fn adding_field_options_posts_the_example_body() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/save_option_data_value",
        ok(),
    )
    .await;
    let example = fixture(&dir("custom_field_option_add.request.json"));
    let request: AddFieldOptions = serde_json::from_value(example.clone()).unwrap();
    client.tickets().add_field_options(&request).await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/save_option_data_value").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert!(query_of(&sent).is_empty());
    assert_eq!(json_of(&sent), example);
    assert_standard_headers(&sent, false);
}

#[tokio::test]
async fn creating_tickets_posts_the_example_bodies_and_returns_the_id() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/save_user_ticket",
        fixture(&dir("ticket_create_by_customer.response.json")),
    )
    .await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/save_agent_ticket",
        fixture(&dir("ticket_create_by_agent.response.json")),
    )
    .await;

    let customer_example = fixture(&dir("ticket_create_by_customer.request.json"));
    let ticket: CustomerTicket = serde_json::from_value(customer_example.clone()).unwrap();
    let id = client.tickets().create_as_customer(&ticket).await.unwrap();
    assert!(!id.is_empty());
    let sent = only_request(&server, "/api/ws/5/ticket/save_user_ticket").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(json_of(&sent), customer_example);
    assert_standard_headers(&sent, false);

    // 000:2495 vs 001:2681: we send `create_agentid` without the example's trailing space.
    let mut agent_example = fixture(&dir("ticket_create_by_agent.request.json"));
    let map = agent_example.as_object_mut().unwrap();
    let agent = map.remove("create_agentid ").unwrap();
    map.insert("create_agentid".into(), agent);
    let ticket: AgentTicket = serde_json::from_value(agent_example.clone()).unwrap();
    client.tickets().create_as_agent(&ticket).await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/save_agent_ticket").await;
    assert_eq!(json_of(&sent), agent_example);
}

#[tokio::test]
async fn customer_reply_posts_the_example_body() {
    let (server, client) = server_and_client().await;
    respond(&server, "POST", "/api/ws/5/ticket/save_user_reply", ok()).await;
    let example = fixture(&dir("ticket_reply_by_customer.request.json"));
    let reply: CustomerReply = serde_json::from_value(example.clone()).unwrap();
    client.tickets().reply_as_customer(&reply).await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/save_user_reply").await;
    assert_eq!(json_of(&sent), example);
}

#[tokio::test]
async fn agent_reply_in_the_datetime_dialect_is_the_example_body() {
    let server = wiremock::MockServer::start().await;
    mount_token(&server, TOKEN).await;
    let client = client_for(&server, |c| c.with_time_dialect(TimeDialect::DateTime));
    respond(&server, "POST", "/api/ws/5/ticket/save_ticket_reply", ok()).await;
    // The example repeats reply_agentid/reply_agent_name (000:2639); JSON keeps one of each.
    let example = fixture(&dir("ticket_reply_by_agent.request.json"));
    let mut reply: AgentReply = serde_json::from_value(example.clone()).unwrap();
    // "2019-09-19 13:00:00" at UTC+8.
    reply.read_at = Some(Utc.with_ymd_and_hms(2019, 9, 19, 5, 0, 0).unwrap());
    client.tickets().reply_as_agent(&reply).await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/save_ticket_reply").await;
    assert_eq!(json_of(&sent), example);
}

#[tokio::test]
async fn agent_reply_in_the_millisecond_dialect_sends_get_ticket_datetime_ms() {
    let (server, client) = server_and_client().await;
    respond(&server, "POST", "/api/ws/5/ticket/save_ticket_reply", ok()).await;
    let mut reply: AgentReply =
        serde_json::from_value(fixture(&dir("ticket_reply_by_agent.request.json"))).unwrap();
    reply.read_at = Some(Utc.with_ymd_and_hms(2019, 9, 19, 5, 0, 0).unwrap());
    reply.reply_file_str = Some(join_file_urls(&["https://a/1.png", "https://a/2.png"]));
    client.tickets().reply_as_agent(&reply).await.unwrap();
    let body = json_of(&only_request(&server, "/api/ws/5/ticket/save_ticket_reply").await);
    assert_eq!(body["get_ticket_datetime_ms"], json!(1_568_869_200_000_i64));
    assert!(body.get("get_ticket_datetime").is_none());
    assert_eq!(
        body["reply_file_str"],
        json!("https://a/1.png;https://a/2.png")
    );
    assert!(body.get("file_str").is_none());
}

#[tokio::test]
async fn reminder_posts_the_example_body_and_needs_a_ticket() {
    let (server, client) = server_and_client().await;
    respond(&server, "POST", "/api/ws/5/ticket/reminder", ok()).await;
    let example = fixture(&dir("ticket_reminder_send.request.json"));
    let reminder: Reminder = serde_json::from_value(example.clone()).unwrap();
    client.tickets().remind(&reminder).await.unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/ws/5/ticket/reminder").await),
        example
    );
    let nothing = Reminder {
        ticketid: None,
        ticket_code: None,
        ..reminder
    };
    assert!(matches!(
        client.tickets().remind(&nothing).await,
        Err(sobot::Error::InvalidRequest(_))
    ));
    assert_eq!(
        requests_to(&server, "/api/ws/5/ticket/reminder")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn evaluation_posts_camel_case_query_parameters_without_a_body() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/add_ticket_evaluation",
        ok(),
    )
    .await;
    let evaluation = Evaluation {
        ticket_id: "t1".into(),
        company_id: "c1".into(),
        score: 5,
        remark: Some("very good 很好".into()),
    };
    client.tickets().rate(&evaluation).await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/add_ticket_evaluation").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        query_of(&sent),
        pairs(&[
            ("ticketId", "t1"),
            ("companyId", "c1"),
            ("score", "5"),
            ("remark", "very good 很好")
        ])
    );
    assert!(sent.body.is_empty());
    assert_standard_headers(&sent, false);
}

#[tokio::test]
async fn reply_delete_posts_the_example_body() {
    let (server, client) = server_and_client().await;
    respond(&server, "POST", "/api/ws/5/ticket/del_reply_infos", ok()).await;
    let example = fixture(&dir("ticket_reply_delete.request.json"));
    let request: DeleteReply = serde_json::from_value(example.clone()).unwrap();
    client.tickets().delete_reply(&request).await.unwrap();
    assert_eq!(
        json_of(&only_request(&server, "/api/ws/5/ticket/del_reply_infos").await),
        example
    );
}

#[tokio::test]
async fn changing_the_customer_posts_underscored_query_parameters() {
    let (server, client) = server_and_client().await;
    respond(&server, "POST", "/api/ws/5/ticket/update_ticket_user", ok()).await;
    let change = ChangeTicketCustomer::new(TicketRef::Code("20240903000001".into()), "u1");
    client.tickets().change_customer(&change).await.unwrap();
    let sent = only_request(&server, "/api/ws/5/ticket/update_ticket_user").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(
        query_of(&sent),
        pairs(&[("ticket_code", "20240903000001"), ("user_id", "u1")])
    );
    assert!(sent.body.is_empty());
}

#[tokio::test]
async fn uploads_stream_the_file_with_its_exact_name_in_a_multipart_body() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/upload_file",
        fixture(&dir("attachment_upload_by_agent.response.json")),
    )
    .await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/user_upload_file",
        fixture(&dir("attachment_upload_by_customer.response.json")),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("客户截图 2024.png");
    let content: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&file, &content).unwrap();

    let url = client
        .tickets()
        .upload_as_agent(&file, Some("k-1"))
        .await
        .unwrap();
    assert!(url.starts_with("https://"));
    client
        .tickets()
        .upload_as_customer(&file, None)
        .await
        .unwrap();

    let sent = only_request(&server, "/api/ws/5/ticket/upload_file").await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_standard_headers(&sent, false);
    let content_type = header(&sent, "content-type").unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let body = &sent.body;
    let needle = "Content-Disposition: form-data; name=\"file\"; filename=\"客户截图 2024.png\"";
    assert!(contains(body, needle.as_bytes()), "no raw UTF-8 filename");
    assert!(contains(body, b"Content-Type: image/png"));
    assert!(contains(body, &content), "file content not sent whole");
    assert!(contains(body, b"name=\"file_num_key\"\r\n\r\nk-1"));
    let customer = only_request(&server, "/api/ws/5/ticket/user_upload_file").await;
    assert!(!contains(&customer.body, b"file_num_key"));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[tokio::test]
async fn an_observed_upload_reports_the_bytes_sent_up_to_the_whole_file() {
    let (server, client) = server_and_client().await;
    respond(
        &server,
        "POST",
        "/api/ws/5/ticket/upload_file",
        fixture(&dir("attachment_upload_by_agent.response.json")),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("通话录音.mp3");
    let content: Vec<u8> = (0..300_000u32).map(|i| (i % 241) as u8).collect();
    std::fs::write(&file, &content).unwrap();
    let (observer, seen) = vendor_http::test_support::sent_bytes_recorder();

    client
        .tickets()
        .upload_as_agent_observed(&file, None, &observer)
        .await
        .unwrap();

    let seen = seen.lock().unwrap().clone();
    assert!(seen.len() > 1, "reported in pieces: {seen:?}");
    assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&300_000));
    let sent = only_request(&server, "/api/ws/5/ticket/upload_file").await;
    assert!(
        contains(&sent.body, &content),
        "file content not sent whole"
    );
}
