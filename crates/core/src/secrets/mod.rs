//! Secrets (app keys, API tokens, cached vendor tokens) live only in the OS keychain, behind the
//! [`SecretStore`] trait; tests use [`MemorySecretStore`].

mod keychain;
mod memory;
mod routed;
mod token_store;

pub use keychain::KeychainSecretStore;
pub use memory::MemorySecretStore;
pub use routed::RoutedSecretStore;
pub use token_store::SecretTokenStore;

use std::fmt;

use vendor_http::Secret;

/// The keychain service name every Switchboard secret is filed under.
pub const KEYCHAIN_SERVICE: &str = "app.switchboard.desktop";

/// What kind of secret an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    /// Sobot v5 `app_key`.
    AppKey,
    /// Sobot call-center `app_secret`.
    AppSecret,
    /// Udesk API token.
    ApiToken,
    /// A cached vendor access token (with its expiry), shared by the app and the CLI.
    CachedToken,
}

impl SecretKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::AppKey => "app-key",
            Self::AppSecret => "app-secret",
            Self::ApiToken => "api-token",
            Self::CachedToken => "cached-token",
        }
    }
}

/// Names one secret: which profile, which connection, which kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretKey {
    /// The profile's stable id.
    pub profile_id: String,
    /// The connection's stable id within the profile.
    pub connection_id: String,
    /// What the secret is.
    pub kind: SecretKind,
}

impl SecretKey {
    /// A key for `kind` of connection `connection_id` in profile `profile_id`.
    pub fn new(
        profile_id: impl Into<String>,
        connection_id: impl Into<String>,
        kind: SecretKind,
    ) -> Self {
        Self {
            profile_id: profile_id.into(),
            connection_id: connection_id.into(),
            kind,
        }
    }

    /// The keychain account name: `profile/connection/kind`.
    pub fn account(&self) -> String {
        format!(
            "{}/{}/{}",
            self.profile_id,
            self.connection_id,
            self.kind.as_str()
        )
    }
}

impl fmt::Display for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.account())
    }
}

/// Why a secret could not be read or written, by what the user can do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// No keychain is reachable (no Secret Service on Linux, no session bus): set one up.
    #[error("the OS keychain is not available: {0}")]
    Unavailable(String),
    /// The keychain is locked or the user refused access: unlock it and retry.
    #[error("the OS keychain refused access to {key}: {detail}")]
    Denied {
        /// Which entry.
        key: String,
        /// What the keychain said.
        detail: String,
    },
    /// The stored value is not what Switchboard wrote (not UTF-8, not the expected format).
    #[error("the keychain entry {key} is unreadable: {detail}")]
    Corrupt {
        /// Which entry.
        key: String,
        /// What is wrong with it.
        detail: String,
    },
    /// Anything else the keychain reported.
    #[error("keychain error on {key}: {detail}")]
    Other {
        /// Which entry.
        key: String,
        /// What the keychain said.
        detail: String,
    },
}

/// Where secrets are kept. Implementations never log or return a secret in an error.
pub trait SecretStore: Send + Sync + fmt::Debug {
    /// The secret, or `None` when no entry exists.
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError>;
    /// Creates or replaces the entry.
    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError>;
    /// Removes the entry; removing a missing entry succeeds.
    fn delete(&self, key: &SecretKey) -> Result<(), SecretError>;
}
