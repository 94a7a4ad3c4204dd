//! The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) as a
//! [`SecretStore`], through `keyring` 3.

use vendor_http::Secret;

use super::{KEYCHAIN_SERVICE, SecretError, SecretKey, SecretStore};

/// Secrets in the OS keychain, filed under one service name with one account per [`SecretKey`].
#[derive(Debug, Clone)]
pub struct KeychainSecretStore {
    service: String,
}

impl Default for KeychainSecretStore {
    fn default() -> Self {
        Self::new(KEYCHAIN_SERVICE)
    }
}

impl KeychainSecretStore {
    /// A store filing entries under `service` (tests use their own, to stay apart from the app's).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, key: &SecretKey) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, &key.account()).map_err(|err| classify(key, err))
    }
}

impl SecretStore for KeychainSecretStore {
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError> {
        match self.entry(key)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(classify(key, err)),
        }
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError> {
        self.entry(key)?
            .set_password(secret.expose())
            .map_err(|err| classify(key, err))
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(classify(key, err)),
        }
    }
}

/// Maps a keyring error to what the user can do. keyring's messages never contain the secret.
fn classify(key: &SecretKey, err: keyring::Error) -> SecretError {
    let key = key.account();
    match err {
        keyring::Error::NoStorageAccess(inner) => SecretError::Unavailable(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => SecretError::Unavailable(inner.to_string()),
        keyring::Error::BadEncoding(_) => SecretError::Corrupt {
            key,
            detail: "the stored value is not UTF-8 text".to_owned(),
        },
        keyring::Error::Ambiguous(_) => SecretError::Corrupt {
            key,
            detail: "several keychain entries match".to_owned(),
        },
        keyring::Error::TooLong(field, limit) => SecretError::Other {
            key,
            detail: format!("{field} is longer than the keychain allows ({limit})"),
        },
        keyring::Error::Invalid(field, reason) => SecretError::Other {
            key,
            detail: format!("invalid {field}: {reason}"),
        },
        other => SecretError::Denied {
            key,
            detail: other.to_string(),
        },
    }
}

#[cfg(all(test, feature = "os-keychain-tests"))]
mod os_keychain_tests {
    use super::*;
    use crate::secrets::SecretKind;

    /// Runs against the real OS keychain (Secret Service under dbus-run-session on Linux CI).
    #[test]
    fn a_secret_round_trips_through_the_os_keychain_and_is_gone_after_delete() {
        let store = KeychainSecretStore::new("app.switchboard.desktop.tests");
        let key = SecretKey::new(
            format!("profile-{}", std::process::id()),
            "sobot",
            SecretKind::AppKey,
        );
        store.set(&key, &Secret::new("key-密钥-1")).expect("set");
        assert_eq!(
            store.get(&key).expect("get").map(|s| s.expose().to_owned()),
            Some("key-密钥-1".to_owned())
        );
        // A second process would see the same entry: a fresh store object reads it back.
        let again = KeychainSecretStore::new("app.switchboard.desktop.tests");
        assert!(again.get(&key).expect("get").is_some());
        store.set(&key, &Secret::new("key-2")).expect("replace");
        assert_eq!(
            store.get(&key).expect("get").map(|s| s.expose().to_owned()),
            Some("key-2".to_owned())
        );
        store.delete(&key).expect("delete");
        assert_eq!(store.get(&key).expect("get after delete"), None);
        store
            .delete(&key)
            .expect("deleting a missing entry succeeds");
    }
}
