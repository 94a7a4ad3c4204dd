//! The UI settings (language, theme, first sync months).

use tauri::State;

use crate::error::{CommandResult, IpcError};
use crate::settings::{SettingsError, UiSettings};
use crate::state::AppState;

/// Reads the UI settings in effect.
#[tauri::command]
#[specta::specta]
pub fn get_ui_settings(state: State<'_, AppState>) -> CommandResult<UiSettings> {
    Ok(state.settings.get())
}

/// Saves new UI settings and returns what is now in effect.
#[tauri::command]
#[specta::specta]
pub fn set_ui_settings(
    state: State<'_, AppState>,
    settings: UiSettings,
) -> CommandResult<UiSettings> {
    state.settings.set(settings).map_err(|err| {
        tracing::error!(error = %err, "saving UI settings failed");
        IpcError::from(err)
    })
}

impl From<SettingsError> for IpcError {
    fn from(err: SettingsError) -> Self {
        match err {
            SettingsError::Io(_) => IpcError::Storage {
                message: err.to_string(),
            },
            SettingsError::Encode(_) => IpcError::Internal {
                message: err.to_string(),
            },
            SettingsError::Invalid { field, message } => IpcError::InvalidInput {
                field: field.to_owned(),
                message,
            },
        }
    }
}
