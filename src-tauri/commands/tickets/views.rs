//! Saved views: named ticket filters kept in the profile's database.

use serde::{Deserialize, Serialize};
use switchboard_core::store::tickets::TicketFilter;
use switchboard_core::store::views::{self, SavedView, ViewError};
use tauri::State;

use super::types::{TicketFilterInput, ms_out};
use crate::error::{CommandResult, IpcError};
use crate::state::AppState;

/// A saved view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedViewInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The filter.
    pub filter: TicketFilterInput,
    /// Last change (ms).
    pub updated_at_ms: f64,
}

fn view_error(err: ViewError) -> IpcError {
    match err {
        ViewError::NameTaken(name) => IpcError::NameTaken {
            what: "view".into(),
            name,
        },
        ViewError::NameRequired => IpcError::InvalidInput {
            field: "name".into(),
            message: "a view needs a name".into(),
        },
        other => IpcError::Storage {
            message: other.to_string(),
        },
    }
}

fn with_views<T>(
    state: &AppState,
    profile_id: &str,
    work: impl FnOnce(&rusqlite::Connection) -> Result<T, ViewError>,
) -> CommandResult<T> {
    crate::commands::with_profile_db(state, profile_id, work, view_error)
}

/// The profile's saved views, by name.
#[tauri::command]
#[specta::specta]
pub fn list_saved_views(
    state: State<'_, AppState>,
    profile_id: String,
) -> CommandResult<Vec<SavedViewInfo>> {
    with_views(&state, &profile_id, |db| {
        Ok(views::list(db)?
            .into_iter()
            .map(|v| SavedViewInfo {
                filter: TicketFilterInput::from(&v.filter),
                id: v.id,
                name: v.name,
                updated_at_ms: ms_out(v.updated_at_ms),
            })
            .collect())
    })
}

/// Saves a view: a new one without `id`, or renames/refilters the view with that id.
#[tauri::command]
#[specta::specta]
pub fn save_view(
    state: State<'_, AppState>,
    profile_id: String,
    id: Option<String>,
    name: String,
    filter: TicketFilterInput,
) -> CommandResult<SavedViewInfo> {
    let now = switchboard_core::sync::unix_now_ms();
    let view = SavedView {
        id: id.unwrap_or_else(|| format!("view-{now}")),
        name: name.trim().to_owned(),
        filter: TicketFilter::from(&filter),
        updated_at_ms: now,
    };
    with_views(&state, &profile_id, |db| views::save(db, &view))?;
    Ok(SavedViewInfo {
        id: view.id,
        name: view.name,
        filter,
        updated_at_ms: ms_out(now),
    })
}

/// Deletes a saved view.
#[tauri::command]
#[specta::specta]
pub fn delete_saved_view(
    state: State<'_, AppState>,
    profile_id: String,
    view_id: String,
) -> CommandResult<()> {
    with_views(&state, &profile_id, |db| views::delete(db, &view_id))
}
