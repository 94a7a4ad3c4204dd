//! Ticket sync of a profile, with progress streamed to the UI over a channel.

use std::sync::Arc;

use serde::Serialize;
use switchboard_core::secrets::SecretStore;
use switchboard_core::sync::SyncOptions;
use switchboard_core::workspace::{self, WorkspaceError};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::{CommandResult, IpcError};
use crate::state::AppState;

/// Windows fetched at once per connection.
const CONCURRENT_WINDOWS: usize = 3;

/// Progress of one connection's sync, sent after each window.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgressEvent {
    /// Which connection.
    pub connection_id: String,
    /// Windows finished so far.
    pub windows_done: u32,
    /// Windows this run fetches.
    pub windows_total: u32,
    /// Tickets written so far.
    pub tickets: u32,
}

/// How one connection's sync ended.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncSummary {
    /// Which connection.
    pub connection_id: String,
    /// Tickets written.
    pub tickets: u32,
    /// Windows that failed and will be fetched again next time, with why.
    pub failures: Vec<String>,
    /// Whether everything up to now is synced.
    pub complete: bool,
}

fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Syncs every ticket connection of a profile into its local database (first sync of the last
/// N months, N from the settings, then incremental), streaming progress; resumes where a killed
/// sync stopped. Each connection's reference data is synced first; its failures are listed
/// with the windows'.
#[tauri::command]
#[specta::specta]
pub async fn sync_profile(
    state: State<'_, AppState>,
    profile_id: String,
    on_progress: Channel<SyncProgressEvent>,
) -> CommandResult<Vec<SyncSummary>> {
    let profile = state
        .find_profile(&profile_id)
        .ok_or_else(|| IpcError::NotFound {
            what: "profile".into(),
            message: profile_id.clone(),
        })?;
    let secrets: Arc<dyn SecretStore> = state.secrets.clone();
    let options = SyncOptions {
        first_sync_months: state.settings.get().first_sync_months,
        concurrency: CONCURRENT_WINDOWS,
        now_ms: switchboard_core::sync::unix_now_ms(),
    };
    let reports = workspace::sync_profile(&state.workspaces, &profile, secrets, options, &|p| {
        // A closed window (the UI went away) must not stop the sync.
        let _ = on_progress.send(SyncProgressEvent {
            connection_id: p.connection_id,
            windows_done: count(p.windows_done),
            windows_total: count(p.windows_total),
            tickets: count(p.tickets),
        });
    })
    .await
    .map_err(|err| match err {
        WorkspaceError::Client { connection, source } => IpcError::NeedsReauth {
            connection: profile.connection_name(&connection),
            message: source.to_string(),
        },
        other => IpcError::Storage {
            message: other.to_string(),
        },
    })?;
    Ok(reports
        .into_iter()
        .map(|r| SyncSummary {
            connection_id: r.connection_id,
            tickets: count(r.tickets),
            failures: r
                .reference_failures
                .iter()
                .chain(r.failures.iter().map(|(_, e)| e))
                .map(|e| e.message.clone())
                .collect(),
            complete: r.synced_until_ms.is_some(),
        })
        .collect())
}
