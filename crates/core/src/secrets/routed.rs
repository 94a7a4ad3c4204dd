//! One profile's secrets kept apart from the rest: the demo workspace's sandbox credentials live
//! in memory, everything else in the OS keychain.

use std::sync::Arc;

use vendor_http::Secret;

use super::{SecretError, SecretKey, SecretStore};

/// Sends the entries of `profile_id` to `scoped` and every other entry to `main`.
#[derive(Debug, Clone)]
pub struct RoutedSecretStore {
    profile_id: String,
    scoped: Arc<dyn SecretStore>,
    main: Arc<dyn SecretStore>,
}

impl RoutedSecretStore {
    /// Routes `profile_id` to `scoped`, the rest to `main`.
    pub fn new(
        profile_id: impl Into<String>,
        scoped: Arc<dyn SecretStore>,
        main: Arc<dyn SecretStore>,
    ) -> Self {
        Self {
            profile_id: profile_id.into(),
            scoped,
            main,
        }
    }

    fn store_for(&self, key: &SecretKey) -> &dyn SecretStore {
        if key.profile_id == self.profile_id {
            self.scoped.as_ref()
        } else {
            self.main.as_ref()
        }
    }
}

impl SecretStore for RoutedSecretStore {
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError> {
        self.store_for(key).get(key)
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError> {
        self.store_for(key).set(key, secret)
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        self.store_for(key).delete(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::{MemorySecretStore, SecretKind};

    #[test]
    fn the_scoped_profile_never_touches_the_main_store() {
        let scoped = Arc::new(MemorySecretStore::new());
        let main = Arc::new(MemorySecretStore::new());
        let routed = RoutedSecretStore::new("demo", scoped.clone(), main.clone());
        routed
            .set(
                &SecretKey::new("demo", "sobot", SecretKind::AppKey),
                &Secret::new("sandbox"),
            )
            .expect("set");
        routed
            .set(
                &SecretKey::new("p1", "sobot", SecretKind::AppKey),
                &Secret::new("real"),
            )
            .expect("set");
        assert_eq!((scoped.len(), main.len()), (1, 1));
        let demo = routed
            .get(&SecretKey::new("demo", "sobot", SecretKind::AppKey))
            .expect("get");
        assert_eq!(
            demo.map(|s| s.expose().to_owned()),
            Some("sandbox".to_owned())
        );
        routed
            .delete(&SecretKey::new("p1", "sobot", SecretKind::AppKey))
            .expect("delete");
        assert!(main.is_empty());
    }
}
