//! `profiles.toml`: the profiles and their connections, with secrets written beside them in the
//! secret store and removed with them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use vendor_http::Secret;

use super::model::Profile;
use super::validate::{FieldError, validate};
use crate::fs::{WriteError, move_aside, write_atomically};
use crate::secrets::{SecretError, SecretKey, SecretKind, SecretStore};

/// The file's name inside the config directory.
pub const PROFILES_FILE_NAME: &str = "profiles.toml";

#[derive(Debug, Default, Serialize, Deserialize)]
struct ProfilesDocument {
    #[serde(default, rename = "profile")]
    profiles: Vec<Profile>,
}

/// Why a profile operation failed, by what the user can do.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The profile has invalid fields; nothing was saved.
    #[error("the profile has {} invalid field(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// No profile with that id.
    #[error("no profile with id {0}")]
    NotFound(String),
    /// The keychain failed; the file was not changed.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The profiles could not be encoded (a bug).
    #[error("could not encode profiles: {0}")]
    Encode(#[from] toml::ser::Error),
}

/// The profiles of this machine, with their secrets.
#[derive(Debug)]
pub struct ProfileStore {
    path: PathBuf,
    secrets: Arc<dyn SecretStore>,
    profiles: Mutex<Vec<Profile>>,
}

impl ProfileStore {
    /// Opens `profiles.toml` in `config_dir`. A file that cannot be parsed is moved aside to
    /// `profiles.toml.broken` (never overwritten) and the store starts empty.
    pub fn open(config_dir: &Path, secrets: Arc<dyn SecretStore>) -> Self {
        let path = config_dir.join(PROFILES_FILE_NAME);
        let profiles = load(&path);
        Self {
            path,
            secrets,
            profiles: Mutex::new(profiles),
        }
    }

    /// All profiles, in the order they were created.
    pub fn list(&self) -> Vec<Profile> {
        self.lock().clone()
    }

    /// One profile.
    pub fn get(&self, id: &str) -> Option<Profile> {
        self.lock().iter().find(|p| p.id == id).cloned()
    }

    /// Creates or replaces `profile` after validating it, storing the given secrets first (a
    /// `None` keeps the stored one). Keychain entries of connections the profile no longer has
    /// are removed after the file is saved.
    pub fn save(
        &self,
        profile: Profile,
        secrets: &[(SecretKey, Secret)],
    ) -> Result<(), ProfileError> {
        let problems = validate(&profile);
        if !problems.is_empty() {
            return Err(ProfileError::Invalid(problems));
        }
        for (key, secret) in secrets {
            self.secrets.set(key, secret)?;
        }
        let mut profiles = self.lock();
        let mut next = profiles.clone();
        let removed = match next.iter_mut().find(|p| p.id == profile.id) {
            Some(existing) => {
                let removed = connection_ids(existing)
                    .into_iter()
                    .filter(|id| !connection_ids(&profile).contains(id))
                    .collect();
                *existing = profile.clone();
                removed
            }
            None => {
                next.push(profile.clone());
                Vec::new()
            }
        };
        self.write(&next)?;
        *profiles = next;
        drop(profiles);
        for connection_id in removed {
            self.forget_secrets(&profile.id, &connection_id);
        }
        Ok(())
    }

    /// Deletes a profile and its keychain entries.
    pub fn delete(&self, id: &str) -> Result<(), ProfileError> {
        let mut profiles = self.lock();
        let Some(index) = profiles.iter().position(|p| p.id == id) else {
            return Err(ProfileError::NotFound(id.to_owned()));
        };
        let mut next = profiles.clone();
        let removed = next.remove(index);
        self.write(&next)?;
        *profiles = next;
        drop(profiles);
        for connection_id in connection_ids(&removed) {
            self.forget_secrets(&removed.id, &connection_id);
        }
        Ok(())
    }

    fn forget_secrets(&self, profile_id: &str, connection_id: &str) {
        for kind in [
            SecretKind::AppKey,
            SecretKind::AppSecret,
            SecretKind::ApiToken,
            SecretKind::CachedToken,
        ] {
            let key = SecretKey::new(profile_id, connection_id, kind);
            if let Err(err) = self.secrets.delete(&key) {
                tracing::warn!(%key, error = %err, "could not remove a keychain entry");
            }
        }
    }

    fn write(&self, profiles: &[Profile]) -> Result<(), ProfileError> {
        let text = toml::to_string_pretty(&ProfilesDocument {
            profiles: profiles.to_vec(),
        })?;
        write_atomically(&self.path, text.as_bytes())?;
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Profile>> {
        self.profiles.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn connection_ids(profile: &Profile) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(profile.sobot.iter().map(|c| c.id.clone()));
    ids.extend(profile.callcenter.iter().map(|c| c.id.clone()));
    ids.extend(profile.udesk.iter().map(|c| c.id.clone()));
    ids
}

fn load(path: &Path) -> Vec<Profile> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            tracing::warn!(path = %path.display(), error = %err, "profiles file unreadable");
            return Vec::new();
        }
    };
    match toml::from_str::<ProfilesDocument>(&text) {
        Ok(document) => document.profiles,
        Err(err) => {
            let moved = move_aside(path);
            tracing::warn!(path = %path.display(), error = %err, moved = ?moved, "profiles file malformed; moved aside");
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::*;
    use crate::secrets::MemorySecretStore;

    fn udesk(id: &str) -> UdeskConnection {
        UdeskConnection {
            id: id.into(),
            name: format!("Udesk {id}"),
            base_url: "https://demo.udesk.cn".into(),
            email: format!("{id}@demo.cn"),
        }
    }

    fn profile() -> Profile {
        Profile {
            id: "p1".into(),
            name: "Shanghai team".into(),
            sobot: Some(SobotConnection {
                id: "sobot".into(),
                region: SobotRegion::Custom("http://127.0.0.1:4010".into()),
                appid: "app-1".into(),
                language: VendorLanguage::En,
                timezone_id: "Asia/Shanghai".into(),
                time_dialect: TimeDialect::EpochMillis,
            }),
            callcenter: None,
            udesk: vec![udesk("u1"), udesk("u2")],
        }
    }

    fn key(connection: &str, kind: SecretKind) -> SecretKey {
        SecretKey::new("p1", connection, kind)
    }

    #[test]
    fn a_saved_profile_is_read_back_by_a_new_store_and_its_secret_is_only_in_the_keychain() {
        let dir = tempfile::tempdir().expect("temp dir");
        let secrets = Arc::new(MemorySecretStore::new());
        let store = ProfileStore::open(dir.path(), secrets.clone());
        store
            .save(
                profile(),
                &[(
                    key("sobot", SecretKind::AppKey),
                    Secret::new("very-secret-key"),
                )],
            )
            .expect("saves");
        let reopened = ProfileStore::open(dir.path(), secrets.clone());
        assert_eq!(reopened.list(), vec![profile()]);
        let text = std::fs::read_to_string(dir.path().join(PROFILES_FILE_NAME)).expect("file");
        assert!(!text.contains("very-secret-key"), "{text}");
        assert!(
            secrets
                .get(&key("sobot", SecretKind::AppKey))
                .expect("get")
                .is_some()
        );
    }

    #[test]
    fn an_invalid_profile_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let secrets = Arc::new(MemorySecretStore::new());
        let store = ProfileStore::open(dir.path(), secrets.clone());
        let mut bad = profile();
        bad.name.clear();
        let err = store
            .save(bad, &[(key("sobot", SecretKind::AppKey), Secret::new("k"))])
            .expect_err("refused");
        assert!(
            matches!(&err, ProfileError::Invalid(fields) if fields[0].field == "name"),
            "{err:?}"
        );
        assert!(!dir.path().join(PROFILES_FILE_NAME).exists());
        assert!(secrets.is_empty());
    }

    #[test]
    fn removing_a_connection_or_the_profile_removes_their_keychain_entries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let secrets = Arc::new(MemorySecretStore::new());
        let store = ProfileStore::open(dir.path(), secrets.clone());
        store
            .save(
                profile(),
                &[
                    (key("sobot", SecretKind::AppKey), Secret::new("k")),
                    (key("u1", SecretKind::ApiToken), Secret::new("t1")),
                    (key("u2", SecretKind::ApiToken), Secret::new("t2")),
                ],
            )
            .expect("saves");
        let mut edited = profile();
        edited.udesk.retain(|u| u.id != "u2");
        store.save(edited, &[]).expect("saves the edit");
        assert!(
            secrets
                .get(&key("u2", SecretKind::ApiToken))
                .expect("get")
                .is_none()
        );
        assert!(
            secrets
                .get(&key("u1", SecretKind::ApiToken))
                .expect("get")
                .is_some()
        );
        store.delete("p1").expect("deletes");
        assert!(secrets.is_empty());
        assert!(store.list().is_empty());
        assert!(matches!(store.delete("p1"), Err(ProfileError::NotFound(_))));
    }

    #[test]
    fn a_malformed_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(PROFILES_FILE_NAME), "[[profile]\nname=").expect("write");
        let store = ProfileStore::open(dir.path(), Arc::new(MemorySecretStore::new()));
        assert!(store.list().is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("profiles.toml.broken")).expect("kept"),
            "[[profile]\nname="
        );
    }
}
