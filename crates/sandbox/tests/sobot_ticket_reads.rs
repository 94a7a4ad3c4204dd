//! The ticket reads and reference data through the real `sobot` client, and the documented
//! errors of windows and pages.

use crate::common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::{client, code, december, get, sandbox, token, vendor_code};
use futures::TryStreamExt;
use sobot::TimeWindow;
use sobot::ticket::{ExportRequest, TicketFilter, TicketTime};

#[tokio::test]
async fn reference_data_decodes_into_the_client_types() {
    let sandbox = sandbox().await;
    let tickets = client(&sandbox);
    let tickets = tickets.tickets();
    let zones = tickets.timezones().await.expect("time zones");
    assert!(
        zones
            .iter()
            .any(|z| z.timezone_id.as_deref() == Some("Asia/Shanghai"))
    );
    let dictionary = tickets.data_dictionary().await.expect("dictionary");
    assert_eq!(dictionary.agent_list.len(), 4);
    assert_eq!(dictionary.ticket_level_list.len(), 4);
    assert!(
        dictionary
            .ticket_type_list
            .iter()
            .any(|c| !c.sub_type_list.is_empty())
    );
    let fields = tickets.custom_fields().await.expect("fields");
    assert!(fields.len() >= 8);
    let regions = tickets.regions().await.expect("regions");
    assert_eq!(
        regions[0].regions[0].regions[0].regions[0].id.as_deref(),
        Some("14865")
    );
    let statuses = tickets.statuses().await.expect("statuses");
    assert!(statuses.iter().any(|s| s.is_deleted()));
    assert!(
        statuses
            .iter()
            .any(|s| s.status_code.as_ref().map(|c| c.code()) == Some("1012"))
    );
    let leaf = common::plain_leaf(&sandbox);
    let template = tickets.category_fields(&leaf).await.expect("template");
    assert!(!template.is_empty());
}

#[tokio::test]
async fn the_timezone_list_keeps_the_documented_camel_case_envelope() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let answer = get(&sandbox, &token, "/api/ws/5/ticket/get_timezone", &[]).await;
    assert_eq!(answer["retCode"], "000000");
    assert!(answer["item"].is_array());
}

#[tokio::test]
async fn a_category_template_needs_a_category() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    assert_eq!(
        vendor_code(client.tickets().category_fields(" ").await),
        "400008"
    );
    assert_eq!(
        vendor_code(client.tickets().category_fields("nope").await),
        "400004"
    );
}

#[tokio::test]
async fn a_month_of_tickets_pages_through_every_ticket_once() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let expected = sandbox.inspect(|world| {
        let window = december();
        world
            .tickets
            .tickets
            .iter()
            .filter(|t| {
                t.created_ms >= window.start.timestamp_millis()
                    && t.created_ms < window.end.timestamp_millis()
            })
            .count()
    });
    assert!(expected > 10);
    let first = client
        .tickets()
        .list_page(
            TicketTime::Created,
            december(),
            &TicketFilter::default(),
            1,
            7,
        )
        .await
        .expect("page 1");
    assert_eq!(
        first.total_count,
        Some(i64::try_from(expected).expect("fits"))
    );
    assert_eq!(
        first.page_count,
        Some(i64::try_from(expected.div_ceil(7)).expect("fits"))
    );
    assert_eq!(first.items.len(), 7);
    let all: Vec<_> = client
        .tickets()
        .list(TicketTime::Created, december(), TicketFilter::default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(all.len(), expected);
    let mut ids: Vec<_> = all.iter().filter_map(|t| t.ticketid.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), expected);
}

#[tokio::test]
async fn a_long_window_is_split_by_the_client_and_accepted_month_by_month() {
    let sandbox = sandbox().await;
    let whole = TimeWindow::new(
        Utc.with_ymd_and_hms(2025, 10, 1, 0, 0, 0)
            .single()
            .expect("valid"),
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .expect("valid"),
    )
    .expect("window");
    let all: Vec<_> = client(&sandbox)
        .tickets()
        .list(TicketTime::Updated, whole, TicketFilter::default())
        .try_collect()
        .await
        .expect("every month");
    assert_eq!(all.len(), 60);
}

#[tokio::test]
async fn a_window_longer_than_a_month_is_refused_with_the_documented_codes() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let long = TimeWindow::new(
        Utc.with_ymd_and_hms(2025, 10, 1, 0, 0, 0)
            .single()
            .expect("valid"),
        Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0)
            .single()
            .expect("valid"),
    )
    .expect("window");
    let by_created = client
        .tickets()
        .list_page(TicketTime::Created, long, &TicketFilter::default(), 1, 10)
        .await;
    assert_eq!(vendor_code(by_created), "400003");
    let by_updated = client
        .tickets()
        .list_page(TicketTime::Updated, long, &TicketFilter::default(), 1, 10)
        .await;
    assert_eq!(vendor_code(by_updated), "400019");
}

#[tokio::test]
async fn blank_reversed_and_malformed_windows_get_their_codes() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let path = "/api/ws/5/ticket/query_tickets";
    let blank = get(&sandbox, &token, path, &[("create_start_datetime_ms", "1")]).await;
    assert_eq!(code(&blank), "400001");
    let reversed = get(
        &sandbox,
        &token,
        path,
        &[
            ("create_start_datetime_ms", "1000"),
            ("create_end_datetime_ms", "10"),
        ],
    )
    .await;
    assert_eq!(code(&reversed), "400002");
    let malformed = get(
        &sandbox,
        &token,
        path,
        &[
            ("create_start_datetime", "2018- 09 - 18"),
            ("create_end_datetime", "2018-09-19 00:00:00"),
        ],
    )
    .await;
    assert_eq!(code(&malformed), "400005");
    let update_blank = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_tickets_by_update_time",
        &[],
    )
    .await;
    assert_eq!(code(&update_blank), "400017");
    let update_reversed = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_tickets_by_update_time",
        &[
            ("update_start_datetime_ms", "1000"),
            ("update_end_datetime_ms", "10"),
        ],
    )
    .await;
    assert_eq!(code(&update_reversed), "400018");
    let period_blank = get(&sandbox, &token, "/api/ws/5/ticket/get_ticket_data", &[]).await;
    assert_eq!(code(&period_blank), "400015");
    let period_reversed = get(
        &sandbox,
        &token,
        "/api/ws/5/ticket/query_agent_jobs",
        &[("start_datetime_ms", "1000"), ("end_datetime_ms", "10")],
    )
    .await;
    assert_eq!(code(&period_reversed), "400057");
}

#[tokio::test]
async fn pages_above_fifty_or_below_one_are_refused() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let window = [
        ("create_start_datetime", "2025-12-01 00:00:00"),
        ("create_end_datetime", "2025-12-31 23:59:59"),
    ];
    let mut too_big = window.to_vec();
    too_big.push(("page_size", "51"));
    assert_eq!(
        code(&get(&sandbox, &token, "/api/ws/5/ticket/query_tickets", &too_big).await),
        "400004"
    );
    let mut zero = window.to_vec();
    zero.push(("page_no", "0"));
    assert_eq!(
        code(&get(&sandbox, &token, "/api/ws/5/ticket/query_tickets", &zero).await),
        "400004"
    );
    let mut word = window.to_vec();
    word.push(("page_size", "many"));
    assert_eq!(
        code(&get(&sandbox, &token, "/api/ws/5/ticket/query_tickets", &word).await),
        "400004"
    );
    let defaults = get(&sandbox, &token, "/api/ws/5/ticket/query_tickets", &window).await;
    assert_eq!(code(&defaults), "000000");
    assert_eq!(defaults["page_size"], 15);
}

#[tokio::test]
async fn the_date_time_dialect_reads_the_same_tickets() {
    let sandbox = sandbox().await;
    let millis = client(&sandbox)
        .tickets()
        .list_page(
            TicketTime::Updated,
            december(),
            &TicketFilter::default(),
            1,
            50,
        )
        .await
        .expect("ms dialect");
    let strings = sobot::SobotClient::new(
        common::config(&sandbox).with_time_dialect(sobot::TimeDialect::DateTime),
    )
    .expect("builds")
    .tickets()
    .list_page(
        TicketTime::Updated,
        december(),
        &TicketFilter::default(),
        1,
        50,
    )
    .await
    .expect("date-time dialect");
    assert_eq!(millis.total_count, strings.total_count);
    assert_eq!(millis.items, strings.items);
}

#[tokio::test]
async fn filters_narrow_the_list() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let (agent, _, _) = common::agent(&sandbox, 0);
    let filter = TicketFilter {
        deal_agentid: Some(agent.clone()),
        ..TicketFilter::default()
    };
    let mine: Vec<_> = client
        .tickets()
        .list(TicketTime::Created, december(), filter)
        .try_collect()
        .await
        .expect("filtered");
    let expected = sandbox.inspect(|world| {
        let window = december();
        world
            .tickets
            .tickets
            .iter()
            .filter(|t| {
                t.detail.deal_agentid.as_deref() == Some(agent.as_str())
                    && t.created_ms >= window.start.timestamp_millis()
                    && t.created_ms < window.end.timestamp_millis()
            })
            .count()
    });
    assert_eq!(mine.len(), expected);
    let name = common::agent(&sandbox, 0).1;
    assert!(
        mine.iter()
            .all(|t| t.deal_agent_name.as_deref() == Some(name.as_str()))
    );
}

#[tokio::test]
async fn detail_by_id_and_by_code_agree_and_unknown_tickets_are_400020() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let (id, ticket_code) = sandbox.inspect(|world| {
        let t = &world.tickets.tickets[5];
        (
            t.id().to_owned(),
            t.detail.ticket_code.clone().expect("a code"),
        )
    });
    let by_id = client.tickets().detail(&id).await.expect("by id");
    let by_code = client
        .tickets()
        .detail_by_code(&ticket_code)
        .await
        .expect("by code");
    assert_eq!(by_id, by_code);
    assert!(!by_id.update_log_list.is_empty());
    assert!(by_id.create_datetime.is_some() && by_id.create_datetime_ms.is_some());
    assert_eq!(
        vendor_code(client.tickets().detail("missing").await),
        "400020"
    );
}

#[tokio::test]
async fn counts_and_workload_cover_the_period() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let counts = client.tickets().counts(december()).await.expect("counts");
    assert!(counts.unsolved_ticket_num.unwrap_or_default() > 0);
    assert!(
        counts.unassigned_ticket_num.unwrap_or_default()
            <= counts.unsolved_ticket_num.unwrap_or_default()
    );
    let workload = client
        .tickets()
        .agent_workload(december())
        .await
        .expect("workload");
    assert_eq!(workload.len(), 4);
    assert!(
        workload
            .iter()
            .map(|w| w.deal_ticket_num.unwrap_or(0))
            .sum::<i64>()
            > 0
    );
}

#[tokio::test]
async fn failed_pushes_are_listed_by_period() {
    let sandbox = sandbox().await;
    let whole = TimeWindow::new(
        Utc.with_ymd_and_hms(2025, 10, 1, 0, 0, 0)
            .single()
            .expect("valid"),
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .expect("valid"),
    )
    .expect("window");
    let failures: Vec<_> = client(&sandbox)
        .tickets()
        .push_failures(whole)
        .try_collect()
        .await
        .expect("failures");
    assert_eq!(failures.len(), 3);
    assert!(failures.iter().all(|f| f.is_reminder.is_some()));
}

#[tokio::test]
async fn the_export_lists_the_tickets_created_that_day() {
    let sandbox = sandbox().await;
    let (day, expected) = sandbox.inspect(|world| {
        let first = world.tickets.tickets[0].created_ms;
        let day = sandbox::clock::format_date(first, sandbox::clock::UTC8);
        let count = world
            .tickets
            .tickets
            .iter()
            .filter(|t| sandbox::clock::format_date(t.created_ms, sandbox::clock::UTC8) == day)
            .count();
        (day, count)
    });
    let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").expect("date");
    let records = client(&sandbox)
        .tickets()
        .export(&ExportRequest::tickets_of(date))
        .await
        .expect("export");
    assert_eq!(records.len(), expected);
    assert!(
        records[0].create_time.is_some_and(|s| s < 10_000_000_000),
        "seconds"
    );
    let token = token(&sandbox).await;
    let wrong = common::post(
        &sandbox,
        &token,
        "/api/wb/5/data/export_data",
        r#"{"task_type":"5","date":"2025-12-01"}"#,
    )
    .await;
    assert_eq!(code(&wrong), "400004");
    let bad_date = common::post(
        &sandbox,
        &token,
        "/api/wb/5/data/export_data",
        r#"{"task_type":"6","date":"01/12/2025"}"#,
    )
    .await;
    assert_eq!(code(&bad_date), "400005");
}

#[tokio::test]
async fn the_timezoneid_header_shifts_the_time_strings_but_not_the_millis() {
    let sandbox = sandbox().await;
    let token = token(&sandbox).await;
    let id = sandbox.inspect(|w| w.tickets.tickets[0].id().to_owned());
    let fetch = |zone: &'static str| {
        let sandbox = &sandbox;
        let token = token.clone();
        let id = id.clone();
        async move {
            vendor_http::reqwest::Client::new()
                .get(format!(
                    "{}/api/ws/5/ticket/get_ticket_by_id",
                    sandbox.sobot_base_url()
                ))
                .header("token", token)
                .header("timezoneid", zone)
                .query(&[("ticketid", id.as_str())])
                .send()
                .await
                .expect("answers")
                .json::<serde_json::Value>()
                .await
                .expect("JSON")
        }
    };
    let shanghai = fetch("Asia/Shanghai").await;
    let london = fetch("Europe/London").await;
    assert_eq!(
        shanghai["item"]["create_datetime_ms"],
        london["item"]["create_datetime_ms"]
    );
    let parse = |v: &serde_json::Value| {
        chrono::NaiveDateTime::parse_from_str(
            v["item"]["create_datetime"].as_str().expect("text"),
            "%Y-%m-%d %H:%M:%S",
        )
        .expect("the documented format")
    };
    assert_eq!(
        parse(&shanghai) - parse(&london),
        chrono::TimeDelta::hours(8)
    );
}
