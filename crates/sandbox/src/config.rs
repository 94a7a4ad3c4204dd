//! How a sandbox is started: seed, size, port, credentials, token lifetime, rate limit.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How much seed data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Size {
    /// A few dozen of everything, for tests.
    Small,
    /// The demo workspace: about 5,000 tickets over six months and 2,000 CRM customers.
    Demo,
    /// The demo world with a large tenant's 50,000 Sobot tickets, for measuring the app at scale.
    Large,
}

impl Size {
    /// Parses `small`, `demo` or `large`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "small" => Some(Size::Small),
            "demo" => Some(Size::Demo),
            "large" => Some(Size::Large),
            _ => None,
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Demo => "demo",
            Size::Large => "large",
        }
    }
}

/// The Sobot v5 credentials the sandbox accepts (`get_token` signs with them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SobotCredentials {
    /// The API credential ID.
    pub appid: String,
    /// The API secret.
    pub app_key: String,
}

impl Default for SobotCredentials {
    fn default() -> Self {
        Self {
            appid: "sandbox0appid0000000000000000001".into(),
            app_key: "sandbox-app-key-0000000000000001".into(),
        }
    }
}

/// The call center (V6) credentials the sandbox accepts (`/tokens/company` and `/tokens/agent`
/// sign with them) and the work number of the agent whose agent token a client should ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallCenterCredentials {
    /// The application id (`appId`).
    pub app_id: String,
    /// The application secret.
    pub app_secret: String,
    /// A seeded agent's work number (the administrator, `1001`).
    pub agent_no: String,
}

impl Default for CallCenterCredentials {
    fn default() -> Self {
        Self {
            app_id: "sandbox-cc-app-0000000000000001".into(),
            app_secret: "sandbox-cc-secret-00000000000001".into(),
            agent_no: "1001".into(),
        }
    }
}

/// The Udesk credentials the sandbox accepts: the super administrator's email, the
/// `open_api_auth_token` requests are signed with, and the password `log_in` trades for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UdeskCredentials {
    /// The super administrator's email.
    pub email: String,
    /// The API token (`open_api_auth_token`).
    pub api_token: String,
    /// The password `POST /open_api_v1/log_in` accepts.
    pub password: String,
}

impl Default for UdeskCredentials {
    fn default() -> Self {
        Self {
            email: "admin@switchboard-demo.udesk.cn".into(),
            api_token: "sandbox-udesk-token-000000000001".into(),
            password: "sandbox-udesk-password".into(),
        }
    }
}

/// Everything a sandbox is started with.
#[derive(Debug, Clone, PartialEq)]
pub struct SandboxConfig {
    /// The seed of the generated data.
    pub seed: u64,
    /// How much data to generate.
    pub size: Size,
    /// The address to listen on (loopback by default).
    pub ip: IpAddr,
    /// The port; `0` picks a free one.
    pub port: u16,
    /// The end of the seeded history, in epoch milliseconds. `None` uses the start of the
    /// current day at UTC+8, so demo data looks current; set it to make the data identical on
    /// every day (tests do).
    pub anchor_ms: Option<i64>,
    /// How long a Sobot v5 token and a call center (V6) token live (`expires_in`; the v5 docs
    /// say 24 h, the V6 lifetime is undocumented and 24 h is what V6 JWTs carry).
    pub token_ttl: Duration,
    /// Requests per second the vendor endpoints accept before answering HTTP 429 (`None`: no
    /// limit; Sobot documents none).
    pub rate_limit_per_second: Option<u32>,
    /// The accepted Sobot v5 credentials.
    pub sobot: SobotCredentials,
    /// The accepted call center (V6) credentials.
    pub callcenter: CallCenterCredentials,
    /// The accepted Udesk credentials.
    pub udesk: UdeskCredentials,
    /// Udesk calls accepted per minute before HTTP 429 (`None`: no limit). Udesk documents 60
    /// calls per minute; the sandbox refills the allowance continuously, as the `udesk`
    /// client's limiter does.
    pub udesk_calls_per_minute: Option<u32>,
    /// How far a Udesk `timestamp` may be from the sandbox's clock (5 minutes, per the
    /// secondary source the inventory cites).
    pub udesk_timestamp_skew: Duration,
    /// How long a Udesk nonce stays used (15 minutes, 003:540).
    pub udesk_nonce_window: Duration,
}

impl SandboxConfig {
    /// A configuration with the given seed and size and the defaults: a free loopback port,
    /// today's anchor, 24-hour tokens, no rate limit on Sobot, Udesk's documented 60 calls per
    /// minute, the default credentials.
    pub fn new(seed: u64, size: Size) -> Self {
        Self {
            seed,
            size,
            ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            anchor_ms: None,
            token_ttl: Duration::from_secs(86_400),
            rate_limit_per_second: None,
            sobot: SobotCredentials::default(),
            callcenter: CallCenterCredentials::default(),
            udesk: UdeskCredentials::default(),
            udesk_calls_per_minute: Some(60),
            udesk_timestamp_skew: Duration::from_secs(300),
            udesk_nonce_window: Duration::from_secs(900),
        }
    }

    /// Fixes the end of the seeded history (epoch milliseconds).
    pub fn with_anchor_ms(mut self, anchor_ms: i64) -> Self {
        self.anchor_ms = Some(anchor_ms);
        self
    }

    /// Sets the token lifetime.
    pub fn with_token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }

    /// Sets the rate limit (requests per second over all vendor endpoints).
    pub fn with_rate_limit(mut self, per_second: u32) -> Self {
        self.rate_limit_per_second = Some(per_second);
        self
    }

    /// Sets the Udesk rate limit (calls per minute; `None` disables it).
    pub fn with_udesk_calls_per_minute(mut self, calls: Option<u32>) -> Self {
        self.udesk_calls_per_minute = calls;
        self
    }

    /// Sets the port (`0` picks a free one).
    pub fn with_port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self::new(1, Size::Small)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_from_their_command_line_names() {
        assert_eq!(Size::parse("small"), Some(Size::Small));
        assert_eq!(Size::parse(" Demo "), Some(Size::Demo));
        assert_eq!(Size::parse("huge"), None);
        assert_eq!(Size::Demo.name(), "demo");
        assert_eq!(Size::parse("LARGE"), Some(Size::Large));
        assert_eq!(Size::Large.name(), "large");
    }
}
