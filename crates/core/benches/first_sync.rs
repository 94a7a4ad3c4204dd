//! Benchmark: the first sync of the demo data set, and how close it comes to the sandbox's own
//! ceiling, both measured in the same run. `cargo bench -p switchboard-core --bench first_sync`.
//!
//! A demo-size sandbox (about 5,000 Sobot tickets over six months) is started in-process. The
//! first sync (reference data, then every calendar-month window, 3 at a time, into a fresh
//! database) is run several times; the median is reported as tickets per second. The ceiling is
//! what the sandbox serves raw over HTTP (pages of 50 of `query_tickets_by_update_time`, 1 and
//! 3 concurrent callers, like `crates/sandbox/benches/ticket_pages.rs`), as pages and tickets
//! per second; the sync's share of it is the ratio of tickets per second.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use sandbox::{Sandbox, SandboxConfig, Size};
use switchboard_core::profiles::{
    Profile, SobotConnection, SobotRegion, TimeDialect, VendorLanguage,
};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use switchboard_core::sync::SyncOptions;
use switchboard_core::workspace::{Workspaces, sync_profile};
use vendor_http::{Secret, reqwest};

/// The demo workspace's seed.
const SEED: u64 = 20_261_121;
/// 2026-01-01 00:00 UTC+8: a fixed end of the seeded history, so every run syncs the same data.
const ANCHOR_MS: i64 = 1_767_196_800_000;
const SYNC_RUNS: usize = 5;
const CONCURRENCY: usize = 3;
const PAGE_REQUESTS: usize = 600;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[allow(clippy::cast_precision_loss)]
fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn demo_profile(sandbox: &Sandbox, secrets: &MemorySecretStore) -> Profile {
    let info = sandbox.info().sobot.clone();
    secrets
        .set(
            &SecretKey::new("demo", "sobot", SecretKind::AppKey),
            &Secret::new(info.app_key),
        )
        .expect("set");
    Profile {
        id: "demo".into(),
        name: "Demo".into(),
        sobot: Some(SobotConnection {
            id: "sobot".into(),
            region: SobotRegion::Custom(info.base_url),
            appid: info.appid,
            language: VendorLanguage::Zh,
            timezone_id: "Asia/Shanghai".into(),
            time_dialect: TimeDialect::DateTime,
        }),
        callcenter: None,
        udesk: Vec::new(),
    }
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

/// Fetches `count` pages of December 2025 (cycling over its `pages`); returns tickets served.
async fn raw_pages(base: String, token: String, count: usize, pages: usize) -> usize {
    let http = reqwest::Client::new();
    let mut tickets = 0;
    for index in 0..count {
        let page = (index % pages + 1).to_string();
        let body: serde_json::Value = http
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
            .expect("answers")
            .json()
            .await
            .expect("JSON");
        assert_eq!(body["ret_code"], "000000", "a page");
        tickets += body["items"].as_array().map_or(0, Vec::len);
    }
    tickets
}

async fn ceiling(sandbox: &Sandbox, callers: usize, pages: usize) -> (f64, f64) {
    let token = token(sandbox).await;
    let base = sandbox.sobot_base_url().to_owned();
    raw_pages(base.clone(), token.clone(), 30, pages).await; // warm-up
    let start = Instant::now();
    let tasks: Vec<_> = (0..callers)
        .map(|_| {
            tokio::spawn(raw_pages(
                base.clone(),
                token.clone(),
                PAGE_REQUESTS / callers,
                pages,
            ))
        })
        .collect();
    let mut tickets = 0;
    for task in tasks {
        tickets += task.await.expect("a task");
    }
    let elapsed = start.elapsed();
    let requests = PAGE_REQUESTS / callers * callers;
    (per_second(requests, elapsed), per_second(tickets, elapsed))
}

async fn first_sync(sandbox: &Sandbox) -> (usize, f64) {
    let secrets = Arc::new(MemorySecretStore::new());
    let profile = demo_profile(sandbox, &secrets);
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    let options = SyncOptions {
        first_sync_months: 7,
        concurrency: CONCURRENCY,
        now_ms: ANCHOR_MS + 3_600_000,
    };
    let start = Instant::now();
    let reports = sync_profile(&workspaces, &profile, secrets, options, &|_| {})
        .await
        .expect("synced");
    let elapsed = start.elapsed();
    let report = &reports[0];
    assert!(report.failures.is_empty() && report.reference_failures.is_empty());
    (report.tickets, per_second(report.tickets, elapsed))
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let sandbox = Sandbox::start(SandboxConfig::new(SEED, Size::Demo).with_anchor_ms(ANCHOR_MS))
            .await
            .expect("starts");
        let in_month = sandbox.inspect(|w| {
            w.tickets
                .tickets
                .iter()
                .filter(|t| t.updated_ms >= ANCHOR_MS - 31 * 86_400_000 && t.updated_ms < ANCHOR_MS)
                .count()
        });
        let pages = in_month.div_ceil(50).max(1);

        let mut rates = Vec::new();
        let mut tickets = 0;
        for _ in 0..SYNC_RUNS {
            let (count, rate) = first_sync(&sandbox).await;
            tickets = count;
            rates.push(rate);
        }
        let sync_rate = median(rates.clone());
        println!(
            "first sync of the demo data set ({tickets} tickets, {CONCURRENCY} windows at a time): median {sync_rate:.0} tickets/s (runs: {})",
            rates.iter().map(|r| format!("{r:.0}")).collect::<Vec<_>>().join(", ")
        );

        for callers in [1, CONCURRENCY] {
            let (pages_per_second, tickets_per_second) = ceiling(&sandbox, callers, pages).await;
            println!(
                "sandbox ceiling, raw HTTP, {callers} caller(s): {pages_per_second:.0} pages/s = {tickets_per_second:.0} tickets/s; first sync = {:.0}% of it",
                100.0 * sync_rate / tickets_per_second
            );
        }
    });
}
