//! A Sobot [`TokenStore`] kept in a [`SecretStore`], so the app and the CLI reuse one token
//! instead of invalidating each other's (every Sobot `get_token` invalidates the previous token).

use std::sync::Arc;

use sobot::token::TokenStoreError;
use sobot::{StoredToken, TokenStore};
use vendor_http::Secret;

use super::{SecretKey, SecretStore};

/// The cached token of one connection, stored as `<expiry-unix-millis>:<token>`.
#[derive(Debug, Clone)]
pub struct SecretTokenStore {
    secrets: Arc<dyn SecretStore>,
    key: SecretKey,
}

impl SecretTokenStore {
    /// The token cache at `key` (kind [`super::SecretKind::CachedToken`]) in `secrets`.
    pub fn new(secrets: Arc<dyn SecretStore>, key: SecretKey) -> Self {
        Self { secrets, key }
    }
}

impl TokenStore for SecretTokenStore {
    fn load(&self) -> Result<Option<StoredToken>, TokenStoreError> {
        let Some(stored) = self
            .secrets
            .get(&self.key)
            .map_err(|e| TokenStoreError(e.to_string()))?
        else {
            return Ok(None);
        };
        // A value we cannot parse is treated as no token: the broker fetches a fresh one.
        let parsed = stored
            .expose()
            .split_once(':')
            .and_then(|(millis, token)| Some((millis.parse::<i64>().ok()?, token)));
        match parsed {
            Some((millis, token)) if !token.is_empty() => Ok(Some(StoredToken::from_unix_millis(
                Secret::new(token),
                millis,
            ))),
            _ => {
                tracing::warn!(key = %self.key, "cached token entry unreadable; ignoring it");
                Ok(None)
            }
        }
    }

    fn save(&self, token: &StoredToken) -> Result<(), TokenStoreError> {
        let value = Secret::new(format!(
            "{}:{}",
            token.expires_at_unix_millis(),
            token.token.expose()
        ));
        self.secrets
            .set(&self.key, &value)
            .map_err(|e| TokenStoreError(e.to_string()))
    }

    fn clear(&self) -> Result<(), TokenStoreError> {
        self.secrets
            .delete(&self.key)
            .map_err(|e| TokenStoreError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::{MemorySecretStore, SecretKind};

    fn store() -> (Arc<MemorySecretStore>, SecretTokenStore) {
        let secrets = Arc::new(MemorySecretStore::new());
        let key = SecretKey::new("p1", "sobot", SecretKind::CachedToken);
        (secrets.clone(), SecretTokenStore::new(secrets, key))
    }

    #[test]
    fn a_saved_token_loads_back_with_its_expiry() {
        let (_, tokens) = store();
        assert!(tokens.load().expect("load").is_none());
        tokens
            .save(&StoredToken::from_unix_millis(
                Secret::new("abc123"),
                1_900_000_000_000,
            ))
            .expect("save");
        let loaded = tokens.load().expect("load").expect("a token");
        assert_eq!(loaded.token.expose(), "abc123");
        assert_eq!(loaded.expires_at_unix_millis(), 1_900_000_000_000);
        tokens.clear().expect("clear");
        assert!(tokens.load().expect("load").is_none());
    }

    #[test]
    fn an_unreadable_entry_counts_as_no_token() {
        let (secrets, tokens) = store();
        let key = SecretKey::new("p1", "sobot", SecretKind::CachedToken);
        secrets.set(&key, &Secret::new("garbage")).expect("set");
        assert!(tokens.load().expect("load").is_none());
    }

    #[test]
    fn two_stores_on_one_keychain_entry_share_the_token() {
        let (secrets, app) = store();
        let cli = SecretTokenStore::new(
            secrets,
            SecretKey::new("p1", "sobot", SecretKind::CachedToken),
        );
        app.save(&StoredToken::from_unix_millis(
            Secret::new("shared"),
            1_900_000_000_000,
        ))
        .expect("save");
        assert_eq!(
            cli.load()
                .expect("load")
                .map(|t| t.token.expose().to_owned()),
            Some("shared".to_owned())
        );
    }
}
