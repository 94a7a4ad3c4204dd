//! Tauri commands, one module per domain. Each is a few lines: take state, call the domain code,
//! map the error to [`crate::error::IpcError`].

pub mod app;
pub mod audit;
pub mod customers;
pub mod downloads;
pub mod logs;
pub mod profiles;
pub mod settings;
pub mod sync;
pub mod tickets;
pub mod workspace;

use crate::error::{CommandResult, IpcError};
use crate::state::AppState;

/// Runs `work` on the profile's open database; its errors become IPC errors through `error`
/// (opening the database failing is a storage error).
pub(crate) fn with_profile_db<T, E>(
    state: &AppState,
    profile_id: &str,
    work: impl FnOnce(&rusqlite::Connection) -> Result<T, E>,
    error: impl FnOnce(E) -> IpcError,
) -> CommandResult<T> {
    let store = state
        .workspaces
        .store(profile_id)
        .map_err(|err| IpcError::Storage {
            message: err.to_string(),
        })?;
    let db = store
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    work(db.connection()).map_err(error)
}

/// The IPC error for a local database failure.
pub(crate) fn storage_error(err: impl std::fmt::Display) -> IpcError {
    IpcError::Storage {
        message: err.to_string(),
    }
}
