//! Exporting the ticket list as a CSV file: Rust asks where with the native save dialog (the
//! webview never names a path), then writes every cached ticket the list's filter matches.

use serde::{Deserialize, Serialize};
use switchboard_core::tickets::export::{ExportError, ExportField, ExportRequest};

use super::types::{TicketFilterInput, TicketSort};
use super::{desk, ipc_error};
use crate::commands::downloads::ask_destination;
use crate::error::{CommandResult, IpcError};
use crate::state::AppState;
use switchboard_core::store::tickets::TicketFilter;

/// A column of the exported list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ExportFieldView {
    /// The ticket number.
    Number,
    /// The title.
    Title,
    /// The status.
    Status,
    /// The priority.
    Priority,
    /// The assignee.
    Assignee,
    /// The group.
    Group,
    /// The customer.
    Customer,
    /// The source.
    Source,
    /// The category.
    Category,
    /// The connection.
    Connection,
    /// Created at.
    Created,
    /// Updated at.
    Updated,
}

impl From<ExportFieldView> for ExportField {
    fn from(field: ExportFieldView) -> Self {
        match field {
            ExportFieldView::Number => Self::Number,
            ExportFieldView::Title => Self::Title,
            ExportFieldView::Status => Self::Status,
            ExportFieldView::Priority => Self::Priority,
            ExportFieldView::Assignee => Self::Assignee,
            ExportFieldView::Group => Self::Group,
            ExportFieldView::Customer => Self::Customer,
            ExportFieldView::Source => Self::Source,
            ExportFieldView::Category => Self::Category,
            ExportFieldView::Connection => Self::Connection,
            ExportFieldView::Created => Self::Created,
            ExportFieldView::Updated => Self::Updated,
        }
    }
}

/// A column and its header as the user reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportColumnView {
    /// Which column.
    pub field: ExportFieldView,
    /// Its header.
    pub header: String,
}

/// What to export: the list as the user sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TicketExportRequest {
    /// Which tickets.
    pub filter: TicketFilterInput,
    /// Their order.
    pub sort: TicketSort,
    /// Ascending instead of descending.
    pub ascending: bool,
    /// The columns, in order.
    pub columns: Vec<ExportColumnView>,
    /// The UI's language (`en`, `zh-CN`).
    pub language: String,
    /// The user's offset from UTC in minutes, east positive.
    pub utc_offset_minutes: i32,
}

/// An exported list.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportedListView {
    /// Where it was written.
    pub path: String,
    /// How many tickets it holds.
    pub tickets: f64,
}

/// Asks where to save the list (proposing `file_name`), then writes it there as CSV. `None`
/// when the user cancelled the dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_ticket_list(
    window: tauri::Window,
    state: tauri::State<'_, AppState>,
    profile_id: String,
    request: TicketExportRequest,
    file_name: String,
    dialog_title: String,
) -> CommandResult<Option<ExportedListView>> {
    if request.columns.is_empty() {
        return Err(IpcError::InvalidInput {
            field: "columns".into(),
            message: "choose at least one column to export".into(),
        });
    }
    let desk = desk(&state, &profile_id)?;
    let Some(destination) = ask_destination(&window, &file_name, &dialog_title).await? else {
        return Ok(None);
    };
    let export = ExportRequest {
        filter: TicketFilter::from(&request.filter),
        sort: request.sort.into(),
        ascending: request.ascending,
        columns: request
            .columns
            .into_iter()
            .map(|column| (column.field.into(), column.header))
            .collect(),
        language: request.language,
        utc_offset_minutes: request.utc_offset_minutes,
    };
    // Tens of thousands of rows take a moment: this worker thread may block meanwhile.
    let exported = tokio::task::block_in_place(|| desk.export_list(&export, &destination))
        .map_err(export_error)?;
    Ok(Some(ExportedListView {
        path: exported.path.to_string_lossy().into_owned(),
        tickets: exported.tickets as f64,
    }))
}

/// The IPC error for a failed export.
fn export_error(err: ExportError) -> IpcError {
    match err {
        ExportError::Tickets(err) => ipc_error(err),
        ExportError::Write { .. } => IpcError::Storage {
            message: err.to_string(),
        },
    }
}
