//! The settings of one call-center V6 connection, including what the docs leave open
//! (sobot-callcenter.md §1.3): the `Authorization` prefix, which endpoints get an agent token,
//! and the key of the token in the token answer.

use std::time::Duration;

use url::Url;
use vendor_http::{HttpConfig, RetryPolicy, Secret};

use crate::config::Language;

/// Where the call-center account lives. The V6 API has its own hosts (sobot-callcenter.md §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallCenterHost {
    /// Singapore, `https://sg.sobot.io` (every URL of the seed, 004:30 ff.).
    Singapore,
    /// North America, `https://us.sobot.com`.
    UnitedStates,
    /// Mainland China, `https://openapi.soboten.com` (the Chinese auth page, §1.2 B).
    China,
    /// Any other base URL: a sandbox, a test server, a new region.
    Custom(Url),
}

impl CallCenterHost {
    /// The base URL; API paths (`callservice/v6/...`) and token paths (`tokens/...`) are joined
    /// onto it.
    pub fn base_url(&self) -> Url {
        let preset = match self {
            CallCenterHost::Singapore => "https://sg.sobot.io/",
            CallCenterHost::UnitedStates => "https://us.sobot.com/",
            CallCenterHost::China => "https://openapi.soboten.com/",
            CallCenterHost::Custom(url) => return with_trailing_slash(url.clone()),
        };
        Url::parse(preset).expect("preset base URLs are valid")
    }
}

/// A base URL whose path ends in `/`, so relative paths join below it.
pub(crate) fn with_trailing_slash(mut url: Url) -> Url {
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url
}

/// The agent an agent token is issued for (`POST /tokens/agent`). The auth page takes
/// `agentId` or `agentNo`, and ignores the work number when an id is given (§1.2 A).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentIdentity {
    /// The agent's id (`agentId`).
    Id(String),
    /// The agent's work number (`agentNo`).
    WorkNumber(String),
}

/// Which endpoints are sent an agent token instead of the company token.
///
/// The seed asks for an "Agent token" on five endpoints (004:454, 524, 581, 742, 1211: add,
/// delete and member search of skill groups, bulk member update, relay numbers), while the auth
/// page says agent tokens are for the JS/UI SDKs and the company token is for the HTTP APIs.
/// Which one the gateway accepts there is unknown, so it is a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgentTokenScope {
    /// The five endpoints the seed marks "Agent token" (default). Without an
    /// [`CallCenterConfig::agent`] they get the company token.
    #[default]
    DocumentedEndpoints,
    /// Every endpoint (needs [`CallCenterConfig::agent`]; without one, the company token).
    AllEndpoints,
    /// No endpoint: the company token everywhere.
    Never,
}

/// Everything needed to talk to one call-center V6 account.
#[derive(Debug, Clone)]
pub struct CallCenterConfig {
    /// Region or base URL.
    pub host: CallCenterHost,
    /// The application id issued by Sobot (`appId`).
    pub app_id: String,
    /// The application secret (`app_secret`; "appSecret" on the Chinese page).
    pub app_secret: Secret,
    /// The agent that agent tokens are issued for; `None` uses the company token everywhere.
    pub agent: Option<AgentIdentity>,
    /// Which endpoints get the agent token.
    pub agent_token_scope: AgentTokenScope,
    /// What precedes the token in the `Authorization` header. The docs say only "send the
    /// access_token"; Sobot's OpenAPI rendering and public code use `Bearer <token>`
    /// (§1.2 C, E). Default `"Bearer "`; set `""` to send the bare token.
    pub authorization_prefix: String,
    /// The keys the token may have in the token answer, tried in order at the top level and
    /// inside `data`/`item`/`content`/`result`. Default `access_token`, `accessToken`, `token`
    /// (both spellings appear in the vendor's pages, §13 item 28).
    pub token_response_keys: Vec<String>,
    /// The token lifetime assumed when the answer states none and the token is not a JWT with
    /// `exp` (default 24 hours, the lifetime seen on V6 JWTs, §1.3).
    pub default_token_lifetime: Duration,
    /// `timezoneid` header on the endpoints that list it (an IANA zone; Sobot's default is
    /// `Asia/Singapore`). `None` sends none.
    pub timezone_id: Option<String>,
    /// `language` header on the endpoints that list it (the five agent-token endpoints; Sobot's
    /// default is `en`). `None` sends none.
    pub language: Option<Language>,
    /// Retries of idempotent requests (reads, and outbound calls carrying an `Idempotency-Key`)
    /// on transport failures and HTTP 5xx.
    pub retry: RetryPolicy,
    /// Timeouts and user agent.
    pub http: HttpConfig,
}

impl CallCenterConfig {
    /// A configuration with the defaults described on each field.
    pub fn new(host: CallCenterHost, app_id: impl Into<String>, app_secret: Secret) -> Self {
        Self {
            host,
            app_id: app_id.into(),
            app_secret,
            agent: None,
            agent_token_scope: AgentTokenScope::default(),
            authorization_prefix: "Bearer ".into(),
            token_response_keys: vec!["access_token".into(), "accessToken".into(), "token".into()],
            default_token_lifetime: Duration::from_secs(24 * 3600),
            timezone_id: None,
            language: None,
            retry: RetryPolicy::default(),
            http: HttpConfig::default(),
        }
    }

    /// Issues agent tokens for `agent`.
    pub fn with_agent(mut self, agent: AgentIdentity) -> Self {
        self.agent = Some(agent);
        self
    }

    /// Sets which endpoints get the agent token.
    pub fn with_agent_token_scope(mut self, scope: AgentTokenScope) -> Self {
        self.agent_token_scope = scope;
        self
    }

    /// Sets the `Authorization` prefix (`""` for a bare token).
    pub fn with_authorization_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.authorization_prefix = prefix.into();
        self
    }

    /// Sets the `timezoneid` header.
    pub fn with_timezone_id(mut self, timezone_id: impl Into<String>) -> Self {
        self.timezone_id = Some(timezone_id.into());
        self
    }

    /// Sets the `language` header.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Sets the retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_point_at_the_call_center_hosts_and_custom_urls_gain_a_slash() {
        assert_eq!(
            CallCenterHost::Singapore.base_url().as_str(),
            "https://sg.sobot.io/"
        );
        assert_eq!(
            CallCenterHost::China.base_url().as_str(),
            "https://openapi.soboten.com/"
        );
        let custom = Url::parse("http://127.0.0.1:9000/sandbox").expect("url");
        assert_eq!(
            CallCenterHost::Custom(custom).base_url().as_str(),
            "http://127.0.0.1:9000/sandbox/"
        );
    }

    #[test]
    fn defaults_send_a_bearer_token_and_accept_both_token_spellings() {
        let config = CallCenterConfig::new(CallCenterHost::Singapore, "app", Secret::new("s"));
        assert_eq!(config.authorization_prefix, "Bearer ");
        assert_eq!(
            config.token_response_keys,
            vec!["access_token", "accessToken", "token"]
        );
        assert_eq!(
            config.agent_token_scope,
            AgentTokenScope::DocumentedEndpoints
        );
        assert!(format!("{config:?}").contains("[redacted]"));
    }
}
