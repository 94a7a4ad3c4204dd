//! The state every command can reach: the app's directories and the settings store.

use std::path::PathBuf;
use std::sync::Arc;

use switchboard_core::profiles::{Profile, ProfileStore};
use switchboard_core::secrets::{
    KeychainSecretStore, MemorySecretStore, RoutedSecretStore, SecretStore,
};
use switchboard_core::workspace::Workspaces;

use crate::demo::{DEMO_PROFILE_ID, DemoWorkspace};
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
    /// Where secrets are kept: the OS keychain, except the demo profile's (in memory).
    pub secrets: Arc<dyn SecretStore>,
    /// The demo profile's secrets (the sandbox's credentials).
    pub demo_secrets: Arc<MemorySecretStore>,
    /// The demo workspace, once opened.
    pub demo: tokio::sync::OnceCell<DemoWorkspace>,
    /// Whether the app was started straight into the demo workspace (`--demo`).
    pub demo_at_start: bool,
    /// The profile the window works in.
    pub active_profile: std::sync::Mutex<Option<String>>,
    /// Profiles and their connections.
    pub profiles: ProfileStore,
    /// The profiles' local databases.
    pub workspaces: Workspaces,
}

impl AppState {
    /// Opens the state for the given directories.
    pub fn open(paths: AppPaths, demo_at_start: bool) -> Self {
        let settings = SettingsStore::open(&paths.config_dir);
        let demo_secrets = Arc::new(MemorySecretStore::new());
        let secrets: Arc<dyn SecretStore> = Arc::new(RoutedSecretStore::new(
            DEMO_PROFILE_ID,
            demo_secrets.clone(),
            Arc::new(KeychainSecretStore::default()),
        ));
        let profiles = ProfileStore::open(&paths.config_dir, secrets.clone());
        let workspaces = Workspaces::new(&paths.data_dir);
        Self {
            workspaces,
            paths,
            settings,
            secrets,
            demo_secrets,
            demo: tokio::sync::OnceCell::new(),
            demo_at_start,
            active_profile: std::sync::Mutex::new(None),
            profiles,
        }
    }

    /// A saved profile, or the demo profile once it is open.
    pub fn find_profile(&self, id: &str) -> Option<Profile> {
        if id == DEMO_PROFILE_ID {
            return self.demo.get().map(|demo| demo.profile.clone());
        }
        self.profiles.get(id)
    }
}
