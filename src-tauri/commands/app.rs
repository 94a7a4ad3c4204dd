//! App and build information.

use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// How the running binary was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum BuildProfile {
    /// A debug build (development, tests).
    Debug,
    /// An optimized release build.
    Release,
}

/// What the About section and the status bar show, and what the UI needs to follow the OS locale.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// Product name.
    pub name: String,
    /// Semantic version of this build.
    pub version: String,
    /// The git commit it was built from, or "unknown".
    pub commit: String,
    /// Debug or release.
    pub build_profile: BuildProfile,
    /// Operating system (linux, macos, windows).
    pub os: String,
    /// CPU architecture.
    pub arch: String,
    /// The Tauri runtime version.
    pub tauri_version: String,
    /// The OS locale as a BCP 47 tag (for example `zh-CN`), `en-US` when unknown.
    pub system_locale: String,
    /// Where settings are stored.
    pub config_dir: String,
    /// Where log files are written.
    pub log_dir: String,
}

/// Reports the app's version, build and directories.
#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    Ok(collect_app_info(&state))
}

/// Builds the [`AppInfo`] for this process.
pub fn collect_app_info(state: &AppState) -> AppInfo {
    AppInfo {
        name: "Switchboard".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        commit: env!("SWITCHBOARD_COMMIT").to_owned(),
        build_profile: if cfg!(debug_assertions) {
            BuildProfile::Debug
        } else {
            BuildProfile::Release
        },
        os: std::env::consts::OS.to_owned(),
        arch: std::env::consts::ARCH.to_owned(),
        tauri_version: tauri::VERSION.to_owned(),
        system_locale: sys_locale::get_locale().unwrap_or_else(|| "en-US".to_owned()),
        config_dir: state.paths.config_dir.display().to_string(),
        log_dir: state.paths.log_dir.display().to_string(),
    }
}
