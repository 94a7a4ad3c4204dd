//! Vendor clients for a profile's connections, with their secrets from the secret store and the
//! Sobot token cached beside them (so the app and the CLI share one token).

use std::sync::Arc;

use sobot::callcenter::{AgentIdentity, CallCenterClient, CallCenterConfig, CallCenterHost};
use sobot::{Host, Language, SobotClient, SobotConfig};
use udesk::{UdeskClient, UdeskConfig};

use crate::profiles::{
    CallCenterConnection, Profile, SobotConnection, SobotRegion, TimeDialect, UdeskConnection,
    VendorLanguage,
};
use crate::secrets::{SecretError, SecretKey, SecretKind, SecretStore, SecretTokenStore};

/// Why a client could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The connection's secret is not in the keychain: the user must enter it again.
    #[error("no {kind} is stored for this connection")]
    MissingSecret {
        /// Which secret.
        kind: &'static str,
    },
    /// The keychain failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// A URL in the connection is not valid.
    #[error("{field} is not a valid URL: {message}")]
    InvalidUrl {
        /// Which field.
        field: &'static str,
        /// Why.
        message: String,
    },
    /// The client refused the configuration.
    #[error("{0}")]
    Config(String),
}

fn secret(
    secrets: &dyn SecretStore,
    key: &SecretKey,
    kind: &'static str,
) -> Result<vendor_http::Secret, ClientError> {
    secrets
        .get(key)?
        .filter(|s| !s.is_empty())
        .ok_or(ClientError::MissingSecret { kind })
}

/// The Sobot v5 client of `profile`'s Sobot connection `connection_id`; `None` when the profile
/// has no Sobot connection with that id.
pub fn profile_sobot_client(
    profile: &Profile,
    connection_id: &str,
    secrets: Arc<dyn SecretStore>,
) -> Option<Result<SobotClient, ClientError>> {
    let connection = profile.sobot.as_ref().filter(|c| c.id == connection_id)?;
    Some(sobot_client(&profile.id, connection, secrets))
}

/// The Sobot v5 client of a profile's connection.
pub fn sobot_client(
    profile_id: &str,
    connection: &SobotConnection,
    secrets: Arc<dyn SecretStore>,
) -> Result<SobotClient, ClientError> {
    let app_key = secret(
        secrets.as_ref(),
        &SecretKey::new(profile_id, &connection.id, SecretKind::AppKey),
        "app key",
    )?;
    let host = match &connection.region {
        SobotRegion::China => Host::China,
        SobotRegion::Singapore => Host::Singapore,
        SobotRegion::UnitedStates => Host::UnitedStates,
        SobotRegion::Custom(base) => {
            Host::Custom(
                url::Url::parse(base).map_err(|err| ClientError::InvalidUrl {
                    field: "sobot.region",
                    message: err.to_string(),
                })?,
            )
        }
    };
    let config = SobotConfig::new(host, connection.appid.clone(), app_key)
        .with_language(match connection.language {
            VendorLanguage::Zh => Language::Chinese,
            VendorLanguage::En => Language::English,
        })
        .with_timezone_id(connection.timezone_id.clone())
        .with_time_dialect(match connection.time_dialect {
            TimeDialect::EpochMillis => sobot::TimeDialect::EpochMillis,
            TimeDialect::DateTime => sobot::TimeDialect::DateTime,
        });
    let tokens = SecretTokenStore::new(
        secrets,
        SecretKey::new(profile_id, &connection.id, SecretKind::CachedToken),
    );
    SobotClient::builder(config)
        .token_store(Arc::new(tokens))
        .build()
        .map_err(|err| ClientError::Config(err.to_string()))
}

/// The Udesk client of a profile's account.
pub fn udesk_client(
    profile_id: &str,
    connection: &UdeskConnection,
    secrets: &dyn SecretStore,
) -> Result<UdeskClient, ClientError> {
    let token = secret(
        secrets,
        &SecretKey::new(profile_id, &connection.id, SecretKind::ApiToken),
        "API token",
    )?;
    let base = url::Url::parse(&connection.base_url).map_err(|err| ClientError::InvalidUrl {
        field: "udesk.base_url",
        message: err.to_string(),
    })?;
    UdeskClient::new(UdeskConfig::new(base, connection.email.clone(), token))
        .map_err(|err| ClientError::Config(err.to_string()))
}

/// The call center (V6) client of a profile's connection: its app secret from the keychain,
/// the company token cached there too (shared by the app and the CLI), agent tokens for the
/// connection's work number when one is set.
pub fn callcenter_client(
    profile_id: &str,
    connection: &CallCenterConnection,
    secrets: Arc<dyn SecretStore>,
) -> Result<CallCenterClient, ClientError> {
    let app_secret = secret(
        secrets.as_ref(),
        &SecretKey::new(profile_id, &connection.id, SecretKind::AppSecret),
        "app secret",
    )?;
    let base = url::Url::parse(&connection.base_url).map_err(|err| ClientError::InvalidUrl {
        field: "callcenter.base_url",
        message: err.to_string(),
    })?;
    let mut config = CallCenterConfig::new(
        CallCenterHost::Custom(base),
        connection.app_id.clone(),
        app_secret,
    );
    if !connection.agent_no.trim().is_empty() {
        config = config.with_agent(AgentIdentity::WorkNumber(connection.agent_no.clone()));
    }
    let tokens = SecretTokenStore::new(
        secrets,
        SecretKey::new(profile_id, &connection.id, SecretKind::CachedToken),
    );
    CallCenterClient::builder(config)
        .token_store(Arc::new(tokens))
        .build()
        .map_err(|err| ClientError::Config(err.to_string()))
}
