//! The settings of one Udesk connection.

use url::Url;
use vendor_http::{HttpConfig, RetryPolicy, Secret};

use crate::error::{Error, Result};
use crate::tickets::Priority;

/// The path prefix of every endpoint (the "v2" of "Open API v2" is the signature version, not
/// the path).
pub const API_PREFIX: &str = "open_api_v1";

/// Udesk's documented default rate limit: 60 calls per minute (udeskglobal.com intro page).
pub const DEFAULT_CALLS_PER_MINUTE: u32 = 60;

/// Where `delete_file_for_reply` sends `ticket_id`.
///
/// The table puts it in the query string (003:1908-1911), the example in a JSON body with no
/// query parameter (003:1923-1928); which one Udesk reads is unknown, so it is a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketIdPlacement {
    /// In the query string only (the table).
    Query,
    /// In a JSON body only (the example).
    Body,
    /// In both (the default: whichever Udesk reads, it finds the same value).
    Both,
}

/// The priority display names `create` sends in `ticket.priority`.
///
/// Create takes the priority's *display name* ("Chinese name of priority, default is standard",
/// 003:62), the example sends `"normal"` (003:109) and the enum table calls level 3 "medium"
/// (003:18). The names a tenant accepts depend on its language, so they are a setting; the
/// defaults are the Chinese names of a standard tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityNames {
    /// Level 1.
    pub urgent: String,
    /// Level 2.
    pub high: String,
    /// Level 3.
    pub medium: String,
    /// Level 4.
    pub low: String,
}

impl Default for PriorityNames {
    fn default() -> Self {
        Self {
            urgent: "紧急".into(),
            high: "高".into(),
            medium: "标准".into(),
            low: "低".into(),
        }
    }
}

impl PriorityNames {
    /// The display name for `priority`; `None` for a level this table does not know.
    pub fn name(&self, priority: &Priority) -> Option<&str> {
        match priority {
            Priority::Urgent => Some(&self.urgent),
            Priority::High => Some(&self.high),
            Priority::Medium => Some(&self.medium),
            Priority::Low => Some(&self.low),
            Priority::Other(_) => None,
        }
    }
}

/// Everything needed to talk to one Udesk account.
#[derive(Debug, Clone)]
pub struct UdeskConfig {
    /// The tenant's base URL, e.g. `https://demo.udesk.cn` (or a sandbox); endpoint paths are
    /// appended under `/open_api_v1/`. Any path already in the URL is kept as a prefix.
    pub base_url: Url,
    /// The super administrator's email (signed and sent with every request).
    pub email: String,
    /// The `open_api_auth_token` from `log_in`; may start empty and be set by
    /// [`crate::UdeskClient::log_in`].
    pub api_token: Secret,
    /// Calls allowed per minute for this account (`None`: no client-side limit).
    pub calls_per_minute: Option<u32>,
    /// Retries of safe requests on transport failures, HTTP 5xx and rate limits.
    pub retry: RetryPolicy,
    /// Timeouts and user agent.
    pub http: HttpConfig,
    /// Where `delete_file_for_reply` sends `ticket_id`.
    pub delete_file_ticket_id: TicketIdPlacement,
    /// The names `create` uses for [`Priority`] levels ([`PriorityNames`]).
    pub priority_names: PriorityNames,
}

impl UdeskConfig {
    /// A configuration with the documented defaults: 60 calls per minute, three attempts for
    /// safe requests, `ticket_id` in both places for `delete_file_for_reply`.
    pub fn new(base_url: Url, email: impl Into<String>, api_token: Secret) -> Self {
        Self {
            base_url,
            email: email.into(),
            api_token,
            calls_per_minute: Some(DEFAULT_CALLS_PER_MINUTE),
            retry: RetryPolicy::default(),
            http: HttpConfig::default(),
            delete_file_ticket_id: TicketIdPlacement::Both,
            priority_names: PriorityNames::default(),
        }
    }

    /// A configuration for `https://{subdomain}.udesk.cn`. Tenants on other hosts (e.g.
    /// `name.s2.udesk.cn`) use [`UdeskConfig::new`] with their whole base URL.
    pub fn for_subdomain(
        subdomain: &str,
        email: impl Into<String>,
        api_token: Secret,
    ) -> Result<Self> {
        let subdomain = subdomain.trim();
        let valid = !subdomain.is_empty()
            && subdomain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        if !valid {
            return Err(Error::InvalidRequest(format!(
                "{subdomain:?} is not a Udesk subdomain"
            )));
        }
        let url = Url::parse(&format!("https://{subdomain}.udesk.cn/"))
            .map_err(|error| Error::InvalidRequest(error.to_string()))?;
        Ok(Self::new(url, email, api_token))
    }

    /// Sets the retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets the client-side rate limit (`None` disables it).
    pub fn with_calls_per_minute(mut self, calls: Option<u32>) -> Self {
        self.calls_per_minute = calls;
        self
    }

    /// Sets where `delete_file_for_reply` sends `ticket_id`.
    pub fn with_delete_file_ticket_id(mut self, placement: TicketIdPlacement) -> Self {
        self.delete_file_ticket_id = placement;
        self
    }

    /// The base URL with a trailing slash and the API prefix: `https://demo.udesk.cn/open_api_v1/`.
    pub fn api_base(&self) -> Result<Url> {
        let mut base = self.base_url.clone();
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        base.join(&format!("{API_PREFIX}/"))
            .map_err(|error| Error::InvalidRequest(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_base_appends_the_prefix_to_any_base_path() {
        let plain = UdeskConfig::new(
            Url::parse("https://demo.udesk.cn").expect("url"),
            "a@b.c",
            Secret::new("t"),
        );
        assert_eq!(
            plain.api_base().expect("base").as_str(),
            "https://demo.udesk.cn/open_api_v1/"
        );
        let prefixed = UdeskConfig::new(
            Url::parse("http://127.0.0.1:9/sandbox/udesk").expect("url"),
            "a@b.c",
            Secret::new("t"),
        );
        assert_eq!(
            prefixed.api_base().expect("base").as_str(),
            "http://127.0.0.1:9/sandbox/udesk/open_api_v1/"
        );
    }

    #[test]
    fn subdomains_become_udesk_hosts_and_bad_ones_are_refused() {
        let config =
            UdeskConfig::for_subdomain("demo", "a@b.c", Secret::new("t")).expect("subdomain");
        assert_eq!(config.base_url.as_str(), "https://demo.udesk.cn/");
        assert_eq!(config.calls_per_minute, Some(60));
        assert!(UdeskConfig::for_subdomain("evil.com/x?", "a", Secret::new("t")).is_err());
        assert!(UdeskConfig::for_subdomain("", "a", Secret::new("t")).is_err());
    }

    #[test]
    fn priority_names_default_to_the_chinese_names() {
        let names = PriorityNames::default();
        assert_eq!(names.name(&Priority::Medium), Some("标准"));
        assert_eq!(names.name(&Priority::Other("9".into())), None);
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let config = UdeskConfig::new(
            Url::parse("https://demo.udesk.cn").expect("url"),
            "a@b.c",
            Secret::new("super-secret-token"),
        );
        assert!(!format!("{config:?}").contains("super-secret-token"));
    }
}
