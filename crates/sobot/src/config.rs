//! The settings of one Sobot v5 connection.

use std::time::Duration;

use chrono::FixedOffset;
use url::Url;
use vendor_http::{HttpConfig, RetryPolicy, Secret};

/// Where the account lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// Mainland China, `https://www.sobot.com` (the ZH doc).
    China,
    /// International / Singapore, `https://sg.sobot.io` (the EN docs).
    Singapore,
    /// North America, `https://us.sobot.com`.
    UnitedStates,
    /// Any other base URL: a sandbox, a test server, a new region.
    Custom(Url),
}

impl Host {
    /// The base URL requests are made against.
    pub fn base_url(&self) -> Url {
        let preset = match self {
            Host::China => "https://www.sobot.com/",
            Host::Singapore => "https://sg.sobot.io/",
            Host::UnitedStates => "https://us.sobot.com/",
            Host::Custom(url) => return url.clone(),
        };
        Url::parse(preset).expect("preset base URLs are valid")
    }

    /// The time dialect the region's doc describes: date-time strings for China (ZH doc),
    /// epoch milliseconds elsewhere (EN doc). See [`TimeDialect`].
    pub fn default_time_dialect(&self) -> TimeDialect {
        match self {
            Host::China => TimeDialect::DateTime,
            _ => TimeDialect::EpochMillis,
        }
    }
}

/// The language of `ret_msg` and localized names (`language` header, 000:32-40).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Chinese (`zh`), Sobot's default.
    Chinese,
    /// English (`en`).
    English,
}

impl Language {
    /// The header value.
    pub fn code(self) -> &'static str {
        match self {
            Language::Chinese => "zh",
            Language::English => "en",
        }
    }
}

/// How time-window parameters are written.
///
/// The two ticket docs disagree for the same paths (I-4): the EN doc documents epoch
/// milliseconds in `*_ms` parameters plus a `timezoneid` header (000:2913-2914), the ZH doc
/// `yyyy-MM-dd HH:mm:ss` strings in `*_datetime` parameters (001:3089-3090) — and the EN curl
/// examples use the ZH form. Which one a host honours is a connection setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeDialect {
    /// `create_start_datetime_ms=1678085323404` (EN doc).
    EpochMillis,
    /// `create_start_datetime=2023-03-06 14:48:43` in the connection's UTC offset (ZH doc).
    DateTime,
}

/// Everything needed to talk to one Sobot v5 account.
#[derive(Debug, Clone)]
pub struct SobotConfig {
    /// Region or base URL.
    pub host: Host,
    /// The API credential ID.
    pub appid: String,
    /// The API secret.
    pub app_key: Secret,
    /// `language` header; `None` sends none (Sobot then answers in Chinese).
    pub language: Option<Language>,
    /// `timezoneid` header on the endpoints that take it (an IANA zone such as
    /// `Asia/Shanghai`); `None` sends none (Sobot defaults to `Asia/Shanghai`).
    pub timezone_id: Option<String>,
    /// How time windows are written.
    pub time_dialect: TimeDialect,
    /// The UTC offset of the date-time strings Sobot reads and writes. The docs never state it;
    /// examples and the `timezoneid` default point to UTC+8.
    pub utc_offset: FixedOffset,
    /// `ret_code`s that mean "get a new token and retry once" (default `900001`, `900002`).
    pub token_invalid_codes: Vec<String>,
    /// Refresh the token this long before it expires.
    pub token_refresh_margin: Duration,
    /// Retries of idempotent requests on transport failures and HTTP 5xx.
    pub retry: RetryPolicy,
    /// Timeouts and user agent.
    pub http: HttpConfig,
}

impl SobotConfig {
    /// A configuration with the region's defaults: its time dialect, UTC+8, the documented
    /// token codes, a 10-minute refresh margin, three attempts for reads.
    pub fn new(host: Host, appid: impl Into<String>, app_key: Secret) -> Self {
        Self {
            time_dialect: host.default_time_dialect(),
            host,
            appid: appid.into(),
            app_key,
            language: None,
            timezone_id: None,
            utc_offset: china_standard_time(),
            token_invalid_codes: crate::codes::default_token_invalid_codes(),
            token_refresh_margin: Duration::from_secs(600),
            retry: RetryPolicy::default(),
            http: HttpConfig::default(),
        }
    }

    /// Sets the `language` header.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Sets the `timezoneid` header.
    pub fn with_timezone_id(mut self, timezone_id: impl Into<String>) -> Self {
        self.timezone_id = Some(timezone_id.into());
        self
    }

    /// Sets the time dialect.
    pub fn with_time_dialect(mut self, dialect: TimeDialect) -> Self {
        self.time_dialect = dialect;
        self
    }

    /// Sets the retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }
}

/// UTC+8, the zone of Sobot's date-time strings.
pub fn china_standard_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_point_at_the_regional_hosts() {
        assert_eq!(Host::China.base_url().as_str(), "https://www.sobot.com/");
        assert_eq!(Host::Singapore.base_url().as_str(), "https://sg.sobot.io/");
        assert_eq!(
            Host::UnitedStates.base_url().as_str(),
            "https://us.sobot.com/"
        );
        let custom = Url::parse("http://127.0.0.1:9000/sandbox/").expect("url");
        assert_eq!(Host::Custom(custom.clone()).base_url(), custom);
    }

    #[test]
    fn each_region_defaults_to_its_docs_time_dialect() {
        let china = SobotConfig::new(Host::China, "1", Secret::new("2"));
        let sg = SobotConfig::new(Host::Singapore, "1", Secret::new("2"));
        assert_eq!(china.time_dialect, TimeDialect::DateTime);
        assert_eq!(sg.time_dialect, TimeDialect::EpochMillis);
        assert_eq!(china.utc_offset.local_minus_utc(), 8 * 3600);
        assert_eq!(china.token_invalid_codes, vec!["900001", "900002"]);
    }
}
