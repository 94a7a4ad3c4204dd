//! Saving a ticket's attachment: Rust asks the user where with the native save dialog, then
//! downloads the link there, streaming progress over a channel. The webview never names a path,
//! so it cannot make the app write anywhere the user did not choose.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use switchboard_core::download::{DownloadError, Downloader, web_link};
use tauri::ipc::Channel;
use tauri_plugin_dialog::DialogExt;

use crate::error::{CommandResult, IpcError};

/// Progress is reported at most once per this many bytes (and at the end).
const PROGRESS_STEP_BYTES: u64 = 256 * 1024;

/// How far a download has come.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DownloadProgressView {
    /// Bytes written so far.
    pub received: f64,
    /// The file's size, when the server announced it.
    pub total: Option<f64>,
}

/// A file saved to disk.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedFileView {
    /// Where it was saved.
    pub path: String,
    /// Its size in bytes.
    pub bytes: f64,
}

/// Asks where to save the attachment at `url` (http or https), proposing `file_name`, then
/// downloads it there, replacing a file there only once the download is complete. `None` when
/// the user cancelled the dialog.
#[tauri::command]
#[specta::specta]
pub async fn save_attachment(
    window: tauri::Window,
    url: String,
    file_name: String,
    dialog_title: String,
    on_progress: Channel<DownloadProgressView>,
) -> CommandResult<Option<SavedFileView>> {
    // A link that cannot be fetched is refused before the user is asked anything.
    web_link(&url).map_err(download_error)?;
    let Some(destination) = ask_destination(&window, &file_name, &dialog_title).await? else {
        return Ok(None);
    };
    let downloader = Downloader::new().map_err(|err| IpcError::Internal {
        message: err.to_string(),
    })?;
    let reported = AtomicU64::new(0);
    let saved = downloader
        .save(&url, &destination, &|received, total| {
            let last = reported.load(Ordering::Relaxed);
            let finished = total == Some(received);
            if received == 0 || finished || received - last >= PROGRESS_STEP_BYTES {
                reported.store(received, Ordering::Relaxed);
                // A closed window must not stop the download.
                let _ = on_progress.send(DownloadProgressView {
                    received: received as f64,
                    total: total.map(|t| t as f64),
                });
            }
        })
        .await
        .map_err(download_error)?;
    Ok(Some(SavedFileView {
        path: saved.path.to_string_lossy().into_owned(),
        bytes: saved.bytes as f64,
    }))
}

/// The path the user picks in the native save dialog (over `window`), or `None` if cancelled.
pub(crate) async fn ask_destination(
    window: &tauri::Window,
    file_name: &str,
    title: &str,
) -> CommandResult<Option<PathBuf>> {
    let (picked, answer) = tokio::sync::oneshot::channel();
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(title)
        .set_file_name(file_name)
        .save_file(move |path| {
            let _ = picked.send(path);
        });
    let Ok(Some(path)) = answer.await else {
        return Ok(None);
    };
    path.into_path()
        .map(Some)
        .map_err(|err| IpcError::InvalidInput {
            field: "destination".into(),
            message: format!("the chosen place is not a file on this computer: {err}"),
        })
}

/// The IPC error for a failed download: what the user can do about it.
fn download_error(err: DownloadError) -> IpcError {
    let message = err.to_string();
    match err {
        DownloadError::NotWebLink { .. } => IpcError::InvalidInput {
            field: "url".into(),
            message,
        },
        DownloadError::BadDestination { .. } => IpcError::InvalidInput {
            field: "destination".into(),
            message,
        },
        DownloadError::TooLarge { .. } => IpcError::InvalidInput {
            field: "attachment".into(),
            message,
        },
        DownloadError::Status { status: 429, .. } => IpcError::RateLimited {
            retry_after_seconds: None,
            message,
        },
        DownloadError::Status { status, .. } if status >= 500 => IpcError::Network { message },
        DownloadError::Status { .. } => IpcError::NotFound {
            what: "attachment".into(),
            message,
        },
        DownloadError::Transfer { .. } => IpcError::Network { message },
        DownloadError::Write { .. } => IpcError::Storage { message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> DownloadError {
        DownloadError::Status {
            host: "files.example.com".into(),
            status,
            excerpt: String::new(),
        }
    }

    #[test]
    fn a_gone_or_refused_link_is_not_found_and_a_failing_server_is_a_network_problem() {
        for code in [403, 404, 410] {
            assert!(
                matches!(download_error(status(code)), IpcError::NotFound { ref what, ref message } if what == "attachment" && message.contains(&code.to_string())),
                "{code}"
            );
        }
        assert!(matches!(
            download_error(status(503)),
            IpcError::Network { .. }
        ));
        assert!(matches!(
            download_error(status(429)),
            IpcError::RateLimited { .. }
        ));
    }

    #[test]
    fn a_write_failure_names_the_file_and_bad_input_names_its_field() {
        let err = download_error(DownloadError::Write {
            path: PathBuf::from("/home/me/退款.png"),
            source: std::io::Error::other("disk full"),
        });
        assert!(
            matches!(err, IpcError::Storage { ref message } if message.contains("/home/me/退款.png") && message.contains("disk full"))
        );
        let err = download_error(DownloadError::NotWebLink {
            url: "file:///etc/passwd".into(),
        });
        assert!(matches!(err, IpcError::InvalidInput { ref field, .. } if field == "url"));
    }
}
