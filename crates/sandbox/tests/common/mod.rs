//! Helpers shared by the integration tests: a seeded sandbox, a `sobot` client for it, raw
//! HTTP calls for what the client refuses to send.
#![allow(dead_code)]

pub mod builders;
pub mod vendors;

use std::time::Duration;

use chrono::{TimeZone, Utc};
use sandbox::{Sandbox, SandboxConfig, Size};
use serde_json::Value;
use sobot::{Host, Language, SobotClient, SobotConfig, TimeDialect, TimeWindow};
use vendor_http::{RetryPolicy, Secret, reqwest};

/// The end of the seeded history: 2026-01-01 00:00 at UTC+8.
pub const ANCHOR_MS: i64 = 1_767_196_800_000;

/// A small sandbox with a fixed anchor.
pub async fn sandbox() -> Sandbox {
    start(SandboxConfig::new(7, Size::Small).with_anchor_ms(ANCHOR_MS)).await
}

/// A sandbox with `config`.
pub async fn start(config: SandboxConfig) -> Sandbox {
    Sandbox::start(config).await.expect("the sandbox starts")
}

/// The client's configuration for `sandbox` (English, Asia/Shanghai, epoch-ms dialect, fast
/// retries).
pub fn config(sandbox: &Sandbox) -> SobotConfig {
    let info = &sandbox.info().sobot;
    let url = url::Url::parse(&info.base_url).expect("a valid base URL");
    let mut config = SobotConfig::new(Host::Custom(url), &info.appid, Secret::new(&info.app_key))
        .with_language(Language::English)
        .with_timezone_id("Asia/Shanghai")
        .with_time_dialect(TimeDialect::EpochMillis)
        .with_retry(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(5),
        });
    config.http.request_timeout = Duration::from_secs(10);
    config
}

/// A `sobot` client for `sandbox`.
pub fn client(sandbox: &Sandbox) -> SobotClient {
    SobotClient::new(config(sandbox)).expect("the client builds")
}

/// December 2025 at UTC+8 (inside the seeded history).
pub fn december() -> TimeWindow {
    TimeWindow::new(
        Utc.with_ymd_and_hms(2025, 11, 30, 16, 0, 0)
            .single()
            .expect("valid"),
        Utc.with_ymd_and_hms(2025, 12, 31, 16, 0, 0)
            .single()
            .expect("valid"),
    )
    .expect("a window")
}

/// The window around now (for what the API created during the test).
pub fn around_now() -> TimeWindow {
    let now = Utc::now();
    TimeWindow::new(
        now - chrono::TimeDelta::days(1),
        now + chrono::TimeDelta::days(1),
    )
    .expect("a window")
}

/// A fresh token fetched by hand.
pub async fn token(sandbox: &Sandbox) -> String {
    let info = &sandbox.info().sobot;
    let now = Utc::now().timestamp().to_string();
    let sign = sobot::auth::sign(&info.appid, &now, &Secret::new(&info.app_key));
    let answer: Value = reqwest::Client::new()
        .get(format!("{}/api/get_token", info.base_url))
        .query(&[
            ("appid", info.appid.as_str()),
            ("create_time", &now),
            ("sign", &sign),
        ])
        .send()
        .await
        .expect("get_token answers")
        .json()
        .await
        .expect("JSON");
    answer["item"]["token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

/// `GET path?query` with `token`, decoded as JSON.
pub async fn get(sandbox: &Sandbox, token: &str, path: &str, query: &[(&str, &str)]) -> Value {
    reqwest::Client::new()
        .get(format!("{}{path}", sandbox.sobot_base_url()))
        .header("token", token)
        .header("language", "en")
        .query(query)
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON")
}

/// `POST path` with a raw body and `token`, decoded as JSON.
pub async fn post(sandbox: &Sandbox, token: &str, path: &str, body: &str) -> Value {
    reqwest::Client::new()
        .post(format!("{}{path}", sandbox.sobot_base_url()))
        .header("token", token)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON")
}

/// The `ret_code` of an answer.
pub fn code(answer: &Value) -> &str {
    answer["ret_code"].as_str().unwrap_or_default()
}

/// The vendor code of a client error.
pub fn vendor_code(result: Result<impl std::fmt::Debug, sobot::Error>) -> String {
    match result {
        Ok(value) => panic!("expected a vendor error, got {value:?}"),
        Err(error) => error
            .vendor_code()
            .unwrap_or_else(|| panic!("expected a vendor code, got {error}"))
            .to_owned(),
    }
}

/// A seeded agent's ID and name, and its group's ID.
pub fn agent(sandbox: &Sandbox, index: usize) -> (String, String, String) {
    sandbox.inspect(|world| {
        let agent = &world.org.agents[index];
        (agent.id.clone(), agent.name.clone(), agent.group_id.clone())
    })
}

/// The company ID.
pub fn company(sandbox: &Sandbox) -> String {
    sandbox.inspect(|world| world.company_id.clone())
}

/// A leaf category whose template has no required field.
pub fn plain_leaf(sandbox: &Sandbox) -> String {
    sandbox.inspect(|world| {
        let mut leaves: Vec<&String> = world
            .tickets
            .templates
            .iter()
            .filter(|(_, fields)| {
                fields.iter().all(|id| {
                    world
                        .tickets
                        .field(id)
                        .is_some_and(|f| f.fill_flag != Some(sobot::ticket::FillFlag::Required))
                })
            })
            .map(|(id, _)| id)
            .collect();
        leaves.sort();
        leaves[0].clone()
    })
}
