//! How many ticket-list pages per second the sandbox serves: the ceiling later sync benchmarks
//! measure against. Run with `cargo bench -p sandbox --bench ticket_pages`.
//!
//! A demo-size sandbox (5,000 tickets) is started in-process; pages of 50 of
//! `query_tickets_by_update_time` over one busy month are fetched (1) raw over HTTP by one
//! caller, (2) raw by four concurrent callers, (3) through the `sobot` client.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use sandbox::{Sandbox, SandboxConfig, Size};
use sobot::ticket::{TicketFilter, TicketTime};
use sobot::{Host, SobotClient, SobotConfig, TimeWindow};
use vendor_http::{Secret, reqwest};

const ANCHOR_MS: i64 = 1_767_196_800_000;
const REQUESTS: usize = 1_500;

fn report(label: &str, pages: usize, elapsed: Duration) {
    #[allow(clippy::cast_precision_loss)]
    let rate = pages as f64 / elapsed.as_secs_f64();
    println!(
        "{label:<44} {pages:>6} pages in {:>7.3} s = {rate:>8.0} pages/s",
        elapsed.as_secs_f64()
    );
}

async fn token(sandbox: &Sandbox) -> String {
    let info = &sandbox.info().sobot;
    let now = Utc::now().timestamp().to_string();
    let sign = sobot::auth::sign(&info.appid, &now, &Secret::new(&info.app_key));
    let answer: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/get_token", info.base_url))
        .query(&[
            ("appid", info.appid.as_str()),
            ("create_time", &now),
            ("sign", &sign),
        ])
        .send()
        .await
        .expect("get_token")
        .json()
        .await
        .expect("JSON");
    answer["item"]["token"].as_str().expect("token").to_owned()
}

async fn raw_pages(base: String, token: String, count: usize, pages: usize) -> usize {
    let http = reqwest::Client::new();
    let mut served = 0;
    for index in 0..count {
        let page = (index % pages + 1).to_string();
        let response = http
            .get(format!(
                "{base}/api/ws/5/ticket/query_tickets_by_update_time"
            ))
            .header("token", &token)
            .query(&[
                ("update_start_datetime", "2025-12-01 00:00:00"),
                ("update_end_datetime", "2025-12-31 23:59:59"),
                ("page_no", page.as_str()),
                ("page_size", "50"),
            ])
            .send()
            .await
            .expect("answers");
        let body = response.bytes().await.expect("body");
        assert!(body.starts_with(b"{\"ret_code\":\"000000\""), "a page");
        served += 1;
    }
    served
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let started = Instant::now();
        let sandbox = Sandbox::start(SandboxConfig::new(1, Size::Demo).with_anchor_ms(ANCHOR_MS))
            .await
            .expect("starts");
        println!(
            "demo sandbox seeded and listening in {:.3} s",
            started.elapsed().as_secs_f64()
        );
        let token = token(&sandbox).await;
        let base = sandbox.sobot_base_url().to_owned();
        let in_month = sandbox.inspect(|w| {
            w.tickets
                .tickets
                .iter()
                .filter(|t| t.updated_ms >= ANCHOR_MS - 31 * 86_400_000)
                .count()
        });
        let pages = in_month.div_ceil(50).max(1);
        println!("window: December 2025, ~{in_month} tickets, {pages} pages of 50");

        raw_pages(base.clone(), token.clone(), 50, pages).await; // warm-up
        let start = Instant::now();
        let served = raw_pages(base.clone(), token.clone(), REQUESTS, pages).await;
        report("raw HTTP, 1 caller", served, start.elapsed());

        let start = Instant::now();
        let tasks: Vec<_> = (0..4)
            .map(|_| tokio::spawn(raw_pages(base.clone(), token.clone(), REQUESTS / 4, pages)))
            .collect();
        let mut served = 0;
        for task in tasks {
            served += task.await.expect("a task");
        }
        report("raw HTTP, 4 concurrent callers", served, start.elapsed());

        let url = url::Url::parse(&base).expect("url");
        let info = &sandbox.info().sobot;
        let client = SobotClient::new(SobotConfig::new(
            Host::Custom(url),
            &info.appid,
            Secret::new(&info.app_key),
        ))
        .expect("client");
        let window = TimeWindow::new(
            Utc.with_ymd_and_hms(2025, 11, 30, 16, 0, 0)
                .single()
                .expect("valid"),
            Utc.with_ymd_and_hms(2025, 12, 31, 16, 0, 0)
                .single()
                .expect("valid"),
        )
        .expect("window");
        let filter = TicketFilter::default();
        let start = Instant::now();
        for index in 0..REQUESTS {
            let page = u32::try_from(index % pages + 1).expect("small");
            let page = client
                .tickets()
                .list_page(TicketTime::Updated, window, &filter, page, 50)
                .await
                .expect("a page");
            assert!(!page.items.is_empty());
        }
        report(
            "sobot client list_page (decoded), 1 caller",
            REQUESTS,
            start.elapsed(),
        );
        sandbox.shutdown().await;
    });
}
