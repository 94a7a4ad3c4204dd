//! The `switchboard-sandbox` binary: its first stdout line and serving.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_first_line_is_the_connection_json_and_the_server_answers() {
    let mut child = Child(
        Command::new(env!("CARGO_BIN_EXE_switchboard-sandbox"))
            .args(["--port", "0", "--seed", "3", "--size", "small"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("a first line");
    let info: Value = serde_json::from_str(&line).expect("the first line is JSON");
    let base = info["sobot"]["base_url"].as_str().expect("base_url");
    assert!(base.starts_with("http://127.0.0.1:") && !base.ends_with('/'));
    assert!(info["sobot"]["appid"].is_string() && info["sobot"]["app_key"].is_string());
    assert!(
        info["admin_url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/__sandbox"))
    );
    assert_eq!(info["callcenter"]["base_url"], info["sobot"]["base_url"]);
    for key in ["app_id", "app_secret", "agent_no"] {
        assert!(info["callcenter"][key].is_string(), "callcenter.{key}");
    }
    // The udesk client appends /open_api_v1 itself: the printed base URL has no prefix.
    assert_eq!(info["udesk"]["base_url"], info["sobot"]["base_url"]);
    assert!(info["udesk"]["email"].is_string() && info["udesk"]["api_token"].is_string());
    let served: Value = vendor_http::reqwest::get(format!(
        "{}/info",
        info["admin_url"].as_str().unwrap_or_default()
    ))
    .await
    .expect("answers")
    .json()
    .await
    .expect("JSON");
    assert_eq!(served["seed"], 3);
}

#[test]
fn a_bad_option_exits_with_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard-sandbox"))
        .args(["--size", "huge"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("small, demo or large"));
}
