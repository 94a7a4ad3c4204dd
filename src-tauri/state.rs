//! The state every command can reach: the app's directories and the settings store.

use std::path::PathBuf;
use std::sync::Arc;

use switchboard_core::profiles::ProfileStore;
use switchboard_core::secrets::{KeychainSecretStore, SecretStore};
use switchboard_core::workspace::Workspaces;

use crate::settings::SettingsStore;

/// Where the app keeps its files on this machine.
#[derive(Debug, Clone)]
pub struct AppPaths {
    /// The OS config directory for this app (settings).
    pub config_dir: PathBuf,
    /// The OS log directory for this app (rolling log files).
    pub log_dir: PathBuf,
    /// The OS data directory for this app (one database per profile).
    pub data_dir: PathBuf,
}

/// Managed state shared by all commands.
#[derive(Debug)]
pub struct AppState {
    /// The app's directories.
    pub paths: AppPaths,
    /// The UI settings file.
    pub settings: SettingsStore,
    /// Where secrets are kept (the OS keychain).
    pub secrets: Arc<dyn SecretStore>,
    /// Profiles and their connections.
    pub profiles: ProfileStore,
    /// The profiles' local databases.
    pub workspaces: Workspaces,
}

impl AppState {
    /// Opens the state for the given directories.
    pub fn open(paths: AppPaths) -> Self {
        let settings = SettingsStore::open(&paths.config_dir);
        let secrets: Arc<dyn SecretStore> = Arc::new(KeychainSecretStore::default());
        let profiles = ProfileStore::open(&paths.config_dir, secrets.clone());
        let workspaces = Workspaces::new(&paths.data_dir);
        Self {
            workspaces,
            paths,
            settings,
            secrets,
            profiles,
        }
    }
}
