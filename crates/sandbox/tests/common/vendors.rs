//! Clients of the call center and Udesk for a sandbox, and raw signed Udesk calls.

use std::time::Duration;

use sandbox::Sandbox;
use sobot::callcenter::{AgentIdentity, CallCenterClient, CallCenterConfig, CallCenterHost};
use udesk::{UdeskClient, UdeskConfig};
use vendor_http::{RetryPolicy, Secret, reqwest};

/// Fast retries for tests.
pub fn retry() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
    }
}

/// The call-center configuration for `sandbox`, with the administrator (work number 1001) as
/// the agent-token identity.
pub fn cc_config(sandbox: &Sandbox) -> CallCenterConfig {
    let info = sandbox.info().callcenter.clone().expect("call center info");
    let url = url::Url::parse(&info.base_url).expect("a valid base URL");
    CallCenterConfig::new(
        CallCenterHost::Custom(url),
        &info.app_id,
        Secret::new(&info.app_secret),
    )
    .with_agent(AgentIdentity::WorkNumber(info.agent_no.clone()))
    .with_timezone_id("Asia/Shanghai")
    .with_retry(retry())
}

/// A call-center client for `sandbox`.
pub fn cc(sandbox: &Sandbox) -> CallCenterClient {
    CallCenterClient::new(cc_config(sandbox)).expect("the client builds")
}

/// The Udesk configuration for `sandbox` (the printed base URL used verbatim), without a
/// client-side rate limit.
pub fn udesk_config(sandbox: &Sandbox) -> UdeskConfig {
    let info = sandbox.info().udesk.clone().expect("udesk info");
    let url = url::Url::parse(&info.base_url).expect("a valid base URL");
    UdeskConfig::new(url, &info.email, Secret::new(&info.api_token))
        .with_calls_per_minute(None)
        .with_retry(retry())
}

/// A Udesk client for `sandbox`.
pub fn udesk(sandbox: &Sandbox) -> UdeskClient {
    UdeskClient::new(udesk_config(sandbox)).expect("the client builds")
}

/// The auth query of a raw Udesk call: `(email, timestamp, sign, nonce, v2)`.
pub fn udesk_auth(sandbox: &Sandbox, timestamp: i64, nonce: &str) -> Vec<(String, String)> {
    let info = sandbox.info().udesk.clone().expect("udesk info");
    let auth = udesk::auth::SignedAuth::new(
        &info.email,
        &Secret::new(&info.api_token),
        timestamp,
        nonce.to_owned(),
    );
    auth.query_pairs()
}

/// A raw `GET /open_api_v1/{path}` with `query` (auth included by the caller).
pub async fn udesk_get(
    sandbox: &Sandbox,
    path: &str,
    query: &[(String, String)],
) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new()
        .get(format!("{}/open_api_v1/{path}", sandbox.sobot_base_url()))
        .query(query)
        .send()
        .await
        .expect("answers");
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or_default();
    (status, body)
}

/// The current Unix time in seconds.
pub fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The vendor code of a Udesk client error.
pub fn udesk_code<T: std::fmt::Debug>(result: Result<T, udesk::Error>) -> i64 {
    match result {
        Ok(value) => panic!("expected a Udesk error, got {value:?}"),
        Err(error) => error
            .vendor_code()
            .unwrap_or_else(|| panic!("expected a vendor code, got {error}")),
    }
}
