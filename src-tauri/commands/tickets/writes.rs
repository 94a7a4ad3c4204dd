//! Ticket writes: guarded changes and replies, reminders, reply deletion, customer change,
//! deletion, creation and attachment uploads from paths (progress over a channel).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use switchboard_core::tickets::WriteOutcome;
use switchboard_core::tickets::attachments::{FileProblem, UploadProgress, UploadState};
use tauri::State;
use tauri::ipc::Channel;

use super::detail_view::{
    NewTicketView, ReplyInputView, TicketChangeInput, TicketDetailView, WriteResult,
};
use super::types::ms_in;
use super::{desk, ipc_error_on};
use crate::error::CommandResult;
use crate::state::AppState;

fn result(outcome: WriteOutcome) -> WriteResult {
    match outcome {
        WriteOutcome::Done(ticket) => WriteResult::Done {
            ticket: ticket.into(),
        },
        WriteOutcome::Conflict(ticket) => WriteResult::Conflict {
            ticket: ticket.into(),
        },
    }
}

/// Changes status, priority, assignee, group or title. `seenVersion` is the `updatedAtMs` the
/// user saw; when the vendor's ticket is newer nothing is written and the current ticket comes
/// back as a conflict (`null` overwrites).
#[tauri::command]
#[specta::specta]
pub async fn change_ticket(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
    change: TicketChangeInput,
    seen_version: Option<f64>,
) -> CommandResult<WriteResult> {
    let desk = desk(&state, &profile_id)?;
    desk.change(
        &connection_id,
        &ticket_id,
        &change.into(),
        seen_version.map(ms_in),
    )
    .await
    .map(result)
    .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Replies (or adds an internal note) with attachments and changes, guarded like
/// `change_ticket`.
#[tauri::command]
#[specta::specta]
pub async fn reply_to_ticket(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
    reply: ReplyInputView,
    seen_version: Option<f64>,
) -> CommandResult<WriteResult> {
    let desk = desk(&state, &profile_id)?;
    desk.reply(
        &connection_id,
        &ticket_id,
        &reply.into(),
        seen_version.map(ms_in),
    )
    .await
    .map(result)
    .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Sends a reminder about a ticket (Sobot).
#[tauri::command]
#[specta::specta]
pub async fn remind_ticket(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
    remark: String,
) -> CommandResult<()> {
    let desk = desk(&state, &profile_id)?;
    desk.remind(&connection_id, &ticket_id, &remark)
        .await
        .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Deletes a reply (Sobot); returns the ticket as it is now.
#[tauri::command]
#[specta::specta]
pub async fn delete_ticket_reply(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
    reply_id: String,
) -> CommandResult<TicketDetailView> {
    let desk = desk(&state, &profile_id)?;
    desk.delete_reply(&connection_id, &ticket_id, &reply_id)
        .await
        .map(TicketDetailView::from)
        .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Moves a ticket to another customer (Sobot), guarded.
#[tauri::command]
#[specta::specta]
pub async fn change_ticket_customer(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
    customer_id: String,
    seen_version: Option<f64>,
) -> CommandResult<WriteResult> {
    let desk = desk(&state, &profile_id)?;
    desk.change_customer(
        &connection_id,
        &ticket_id,
        &customer_id,
        seen_version.map(ms_in),
    )
    .await
    .map(result)
    .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Deletes a ticket (Udesk), guarded: returns the current ticket instead when it changed.
#[tauri::command]
#[specta::specta]
pub async fn delete_ticket(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
    seen_version: Option<f64>,
) -> CommandResult<Option<TicketDetailView>> {
    let desk = desk(&state, &profile_id)?;
    desk.delete(&connection_id, &ticket_id, seen_version.map(ms_in))
        .await
        .map(|conflict| conflict.map(TicketDetailView::from))
        .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Creates a ticket; returns its id.
#[tauri::command]
#[specta::specta]
pub async fn create_ticket(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket: NewTicketView,
) -> CommandResult<String> {
    let desk = desk(&state, &profile_id)?;
    desk.create(&connection_id, &ticket.into())
        .await
        .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Why a file was refused before upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum FileProblemView {
    /// No such file.
    NotFound,
    /// Not a file.
    NotAFile,
    /// Empty.
    Empty,
    /// Too large.
    TooLarge {
        /// Size in bytes.
        size: f64,
        /// Limit in bytes.
        max: f64,
    },
    /// Type not accepted.
    TypeNotAllowed {
        /// Its extension.
        extension: String,
    },
}

/// Where one file of an upload stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum UploadStateView {
    /// Refused locally; nothing sent.
    Rejected {
        /// Why.
        problem: FileProblemView,
    },
    /// Being sent; `sent` bytes of it have gone out so far.
    Uploading {
        /// Bytes sent so far.
        sent: f64,
    },
    /// Uploaded.
    Uploaded {
        /// What a reply or ticket attaches.
        reference: String,
    },
    /// The vendor refused it or the connection failed.
    Failed {
        /// Vendor code.
        vendor_code: Option<String>,
        /// What went wrong.
        message: String,
    },
}

/// One file's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadProgressView {
    /// Its position in the batch.
    pub index: u32,
    /// Its path as given.
    pub path: String,
    /// Its name.
    pub name: String,
    /// Its size.
    pub size: Option<f64>,
    /// Its state.
    pub state: UploadStateView,
}

fn progress_view(progress: UploadProgress, paths: &[String]) -> UploadProgressView {
    let state = match progress.state {
        UploadState::Rejected { problem } => UploadStateView::Rejected {
            problem: match problem {
                FileProblem::NotFound => FileProblemView::NotFound,
                FileProblem::NotAFile => FileProblemView::NotAFile,
                FileProblem::Empty => FileProblemView::Empty,
                FileProblem::TooLarge { size, max } => FileProblemView::TooLarge {
                    size: size as f64,
                    max: max as f64,
                },
                FileProblem::TypeNotAllowed { extension } => {
                    FileProblemView::TypeNotAllowed { extension }
                }
            },
        },
        UploadState::Uploading { sent } => UploadStateView::Uploading { sent: sent as f64 },
        UploadState::Uploaded { reference } => UploadStateView::Uploaded { reference },
        UploadState::Failed {
            vendor_code,
            message,
        } => UploadStateView::Failed {
            vendor_code,
            message,
        },
    };
    UploadProgressView {
        index: u32::try_from(progress.index).unwrap_or(u32::MAX),
        path: paths.get(progress.index).cloned().unwrap_or_default(),
        name: progress.name,
        size: progress.size.map(|s| s as f64),
        state,
    }
}

/// Uploads files from their paths (dropped on the window or picked), checking each first;
/// streams each file's progress and returns where each ended. Udesk needs `ticketId`.
#[tauri::command]
#[specta::specta]
pub async fn upload_ticket_files(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: Option<String>,
    paths: Vec<String>,
    on_progress: Channel<UploadProgressView>,
) -> CommandResult<Vec<UploadProgressView>> {
    let desk = desk(&state, &profile_id)?;
    let files: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let outcomes = desk
        .upload(&connection_id, ticket_id.as_deref(), &files, &|p| {
            // A closed window must not stop the upload.
            let _ = on_progress.send(progress_view(p, &paths));
        })
        .await
        .map_err(ipc_error_on(desk.profile(), &connection_id))?;
    Ok(outcomes
        .into_iter()
        .map(|p| progress_view(p, &paths))
        .collect())
}
