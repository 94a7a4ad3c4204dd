//! Which profile the window works in, and the demo workspace.

use serde::Serialize;
use tauri::State;

use crate::demo::{self, DEMO_PROFILE_ID};
use crate::error::{CommandResult, IpcError};
use crate::state::AppState;

/// The profile the window works in, for the status bar and every area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActiveProfile {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether it is the demo workspace (sandbox data, no account).
    pub is_demo: bool,
}

/// Starts the sandbox with demo data (once) and returns the demo profile.
async fn ensure_demo(state: &AppState) -> CommandResult<ActiveProfile> {
    let workspace = state
        .demo
        .get_or_try_init(|| demo::start(state.demo_secrets.as_ref()))
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "demo workspace failed to open");
            IpcError::Internal {
                message: err.to_string(),
            }
        })?;
    Ok(ActiveProfile {
        id: workspace.profile.id.clone(),
        name: workspace.profile.name.clone(),
        is_demo: true,
    })
}

fn set_active(state: &AppState, profile: &ActiveProfile) {
    *state
        .active_profile
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(profile.id.clone());
}

/// Opens the demo workspace (the sandbox with demo data, no account needed) and makes it active.
#[tauri::command]
#[specta::specta]
pub async fn open_demo_workspace(state: State<'_, AppState>) -> CommandResult<ActiveProfile> {
    let profile = ensure_demo(&state).await?;
    set_active(&state, &profile);
    Ok(profile)
}

/// Makes a saved profile (or the open demo workspace) the one the window works in.
#[tauri::command]
#[specta::specta]
pub fn set_active_profile(state: State<'_, AppState>, id: String) -> CommandResult<ActiveProfile> {
    let profile = state.find_profile(&id).ok_or_else(|| IpcError::NotFound {
        what: "profile".into(),
        message: id.clone(),
    })?;
    let active = ActiveProfile {
        is_demo: profile.id == DEMO_PROFILE_ID,
        id: profile.id,
        name: profile.name,
    };
    set_active(&state, &active);
    Ok(active)
}

/// The profile the window works in, if any. When the app was started with `--demo`, this waits
/// for the demo workspace to open.
#[tauri::command]
#[specta::specta]
pub async fn get_active_profile(
    state: State<'_, AppState>,
) -> CommandResult<Option<ActiveProfile>> {
    let current = state
        .active_profile
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    match current {
        Some(id) => Ok(state.find_profile(&id).map(|p| ActiveProfile {
            is_demo: p.id == DEMO_PROFILE_ID,
            id: p.id,
            name: p.name,
        })),
        None if state.demo_at_start => {
            let profile = ensure_demo(&state).await?;
            set_active(&state, &profile);
            Ok(Some(profile))
        }
        None => Ok(None),
    }
}
