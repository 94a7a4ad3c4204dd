//! The audit log of a profile: every write the app made at a vendor.

use serde::Serialize;
use switchboard_core::store::audit::{self, AuditOutcome};
use tauri::State;

use crate::error::{CommandResult, IpcError};
use crate::state::AppState;

/// The most entries one call returns.
const MAX_PAGE: u32 = 500;

/// One recorded write.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditRow {
    /// Sequence number (pass the last one as `beforeId` for the next page).
    pub id: String,
    /// When, Unix milliseconds (as a string: specta refuses 64-bit numbers).
    pub at_ms: String,
    /// Which connection.
    pub connection_id: String,
    /// What was done, such as `ticket.reply`.
    pub action: String,
    /// What it was done to.
    pub target: String,
    /// Short summary.
    pub summary: String,
    /// Whether it succeeded.
    pub ok: bool,
    /// The error code when it failed.
    pub error_code: Option<String>,
    /// The error message when it failed, as received.
    pub error_message: Option<String>,
}

/// The newest audit entries of a profile, `limit` at most (500), older than `before_id`.
#[tauri::command]
#[specta::specta]
pub fn list_audit_log(
    state: State<'_, AppState>,
    profile_id: String,
    before_id: Option<String>,
    limit: u32,
) -> CommandResult<Vec<AuditRow>> {
    let before = match before_id.as_deref() {
        Some(text) => Some(text.parse::<i64>().map_err(|_| IpcError::InvalidInput {
            field: "beforeId".into(),
            message: format!("{text} is not an entry id"),
        })?),
        None => None,
    };
    let entries = super::with_profile_db(
        &state,
        &profile_id,
        |db| audit::recent(db, limit.min(MAX_PAGE), before),
        super::storage_error,
    )?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let (ok, error_code, error_message) = match e.outcome {
                AuditOutcome::Ok => (true, None, None),
                AuditOutcome::Failed { code, message } => (false, Some(code), Some(message)),
            };
            AuditRow {
                id: e.id.to_string(),
                at_ms: e.at_ms.to_string(),
                connection_id: e.connection_id,
                action: e.action,
                target: e.target,
                summary: e.summary,
                ok,
                error_code,
                error_message,
            }
        })
        .collect())
}
