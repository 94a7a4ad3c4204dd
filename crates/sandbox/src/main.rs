//! `switchboard-sandbox --port PORT --seed N --size small|demo|large`: serves the sandbox until
//! interrupted. The first line on stdout is one JSON object with the base URLs, credentials and
//! admin URL (see `sandbox::ConnectionInfo`); logs follow.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use sandbox::{Sandbox, SandboxConfig, Size};

const USAGE: &str = "usage: switchboard-sandbox [--port PORT] [--seed N] [--size small|demo|large] \
[--anchor-ms EPOCH_MS] [--token-ttl SECONDS] [--rate-limit PER_SECOND] \
[--udesk-rate-limit PER_MINUTE (0: none)]";

fn parse(args: &[String]) -> Result<SandboxConfig, String> {
    let mut config = SandboxConfig::new(1, Size::Small);
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.into());
        }
        let value = iter
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |what: &str| -> Result<u64, String> {
            value
                .parse::<u64>()
                .map_err(|_| format!("{what} must be a number, not {value:?}"))
        };
        match flag.as_str() {
            "--port" => {
                config.port = u16::try_from(number("--port")?)
                    .map_err(|_| format!("--port must be at most 65535, not {value}"))?;
            }
            "--seed" => config.seed = number("--seed")?,
            "--size" => {
                config.size = Size::parse(value)
                    .ok_or_else(|| format!("--size must be small, demo or large, not {value:?}"))?;
            }
            "--anchor-ms" => {
                config.anchor_ms = Some(
                    value
                        .parse::<i64>()
                        .map_err(|_| format!("--anchor-ms must be a number, not {value:?}"))?,
                );
            }
            "--token-ttl" => config.token_ttl = Duration::from_secs(number("--token-ttl")?),
            "--rate-limit" => {
                config.rate_limit_per_second = Some(
                    u32::try_from(number("--rate-limit")?)
                        .map_err(|_| "--rate-limit is too large".to_owned())?,
                );
            }
            "--udesk-rate-limit" => {
                let calls = u32::try_from(number("--udesk-rate-limit")?)
                    .map_err(|_| "--udesk-rate-limit is too large".to_owned())?;
                config.udesk_calls_per_minute = (calls > 0).then_some(calls);
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match parse(&args) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let running = match Sandbox::start(config).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("switchboard-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    let line = serde_json::to_string(running.info()).unwrap_or_default();
    {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{line}");
        let _ = stdout.flush();
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    tracing::info!(addr = %running.addr(), "switchboard-sandbox serving; Ctrl-C stops it");
    let _ = tokio::signal::ctrl_c().await;
    running.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn options_set_the_configuration() {
        let config = parse(&args(
            "--port 0 --seed 42 --size demo --token-ttl 60 --udesk-rate-limit 0",
        ))
        .expect("parses");
        assert_eq!(config.udesk_calls_per_minute, None);
        assert_eq!(config.port, 0);
        assert_eq!(config.seed, 42);
        assert_eq!(config.size, Size::Demo);
        assert_eq!(config.token_ttl, Duration::from_secs(60));
    }

    #[test]
    fn bad_options_are_refused_with_a_message() {
        assert!(parse(&args("--size huge")).is_err());
        assert!(parse(&args("--port 70000")).is_err());
        assert!(parse(&args("--seed")).is_err());
        assert!(parse(&args("--colour red")).is_err());
    }
}
