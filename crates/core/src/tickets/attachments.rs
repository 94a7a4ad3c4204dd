//! Attachments dropped or picked by the user: checked locally (exists, size, type) before
//! anything is sent, then uploaded one by one from their paths (never through the UI as bytes),
//! each reporting its progress. Chinese file names are kept as they are.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use udesk::tickets::FileUpload;
use vendor_http::SentBytes;

use super::{Result, TicketDesk, TicketsError, VendorTickets};

/// The largest file uploaded: Udesk documents 20 MB (udesk-ticket.md, upload limits); Sobot
/// documents no limit, so the same is applied to keep failures local and early.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Extensions accepted: documents, images, audio, video and archives agents exchange.
pub const ALLOWED_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "bmp", "webp", "heic", "pdf", "doc", "docx", "xls", "xlsx", "csv",
    "ppt", "pptx", "txt", "rtf", "odt", "ods", "zip", "rar", "7z", "mp3", "wav", "amr", "m4a",
    "mp4", "mov", "eml", "msg", "json", "xml", "log",
];

/// Why a file is refused before upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileProblem {
    /// No file at that path.
    NotFound,
    /// A folder or other non-file.
    NotAFile,
    /// Zero bytes.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// Its type is not accepted.
    TypeNotAllowed {
        /// Its extension (empty: none).
        extension: String,
    },
}

/// A file that passed the local checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its name as the vendor will show it.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
}

/// The file's name (the last path component, any script).
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// Checks a file before upload.
pub fn check_file(path: &Path) -> std::result::Result<CheckedFile, FileProblem> {
    let metadata = std::fs::metadata(path).map_err(|_| FileProblem::NotFound)?;
    if !metadata.is_file() {
        return Err(FileProblem::NotAFile);
    }
    let name = file_name(path);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !ALLOWED_EXTENSIONS.contains(&extension.as_str()) {
        return Err(FileProblem::TypeNotAllowed { extension });
    }
    let size = metadata.len();
    if size == 0 {
        return Err(FileProblem::Empty);
    }
    if size > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            size,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(CheckedFile {
        path: path.to_path_buf(),
        name,
        size,
    })
}

/// Progress of one file of an upload batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UploadState {
    /// Refused by the local checks; nothing was sent.
    Rejected {
        /// Why.
        problem: FileProblem,
    },
    /// Being sent; `sent` bytes of it have gone out so far.
    Uploading {
        /// Bytes sent so far.
        sent: u64,
    },
    /// Uploaded; `reference` is what a reply or ticket attaches (a Sobot URL or a Udesk id).
    Uploaded {
        /// The vendor's reference.
        reference: String,
    },
    /// The vendor refused it or the connection failed.
    Failed {
        /// The vendor's code, if any.
        vendor_code: Option<String>,
        /// What went wrong.
        message: String,
    },
}

/// One file's progress, reported as it happens and returned at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadProgress {
    /// The file's position in the batch.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Its size, when known.
    pub size: Option<u64>,
    /// Where it stands.
    pub state: UploadState,
}

impl TicketDesk<'_> {
    /// Checks then uploads files for a reply or a new ticket of a connection. Udesk attaches
    /// uploads to a ticket, so `ticket_id` is required there. Every file reports its progress;
    /// a refused or failed file does not stop the others.
    pub async fn upload(
        &self,
        connection_id: &str,
        ticket_id: Option<&str>,
        paths: &[PathBuf],
        report: &(dyn Fn(UploadProgress) + Send + Sync),
    ) -> Result<Vec<UploadProgress>> {
        let vendor = self.vendor(connection_id)?;
        if matches!(vendor, VendorTickets::Udesk(_)) && ticket_id.is_none() {
            return Err(TicketsError::Unsupported {
                vendor: "Udesk",
                what: "attaching files to a new ticket",
            });
        }
        let mut outcomes = Vec::with_capacity(paths.len());
        let file_num_key = format!("switchboard-{}", crate::sync::unix_now_ms());
        for (index, path) in paths.iter().enumerate() {
            let name = file_name(path);
            let send = |size: Option<u64>, state: UploadState| {
                let progress = UploadProgress {
                    index,
                    name: name.clone(),
                    size,
                    state,
                };
                report(progress.clone());
                progress
            };
            let checked = match check_file(path) {
                Ok(checked) => checked,
                Err(problem) => {
                    outcomes.push(send(None, UploadState::Rejected { problem }));
                    continue;
                }
            };
            send(Some(checked.size), UploadState::Uploading { sent: 0 });
            let uploaded = send_file(&vendor, ticket_id, &checked, &file_num_key, &|sent| {
                send(Some(checked.size), UploadState::Uploading { sent });
            })
            .await;
            let state = match uploaded {
                Ok(reference) => UploadState::Uploaded { reference },
                Err(err) => UploadState::Failed {
                    vendor_code: err.vendor_code(),
                    message: err.to_string(),
                },
            };
            outcomes.push(send(Some(checked.size), state));
        }
        let summary = outcomes
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let failed = outcomes
            .iter()
            .find(|o| matches!(o.state, UploadState::Failed { .. }));
        let result: Result<()> = match failed {
            Some(UploadProgress {
                state: UploadState::Failed { message, .. },
                name,
                ..
            }) => Err(TicketsError::Invalid {
                field: name.clone(),
                message: message.clone(),
            }),
            _ => Ok(()),
        };
        self.audit(
            connection_id,
            "ticket.upload",
            ticket_id.unwrap_or("-"),
            &summary,
            &result,
        );
        Ok(outcomes)
    }
}

/// Which sent totals of one file are worth reporting: a move of a hundredth of the file, never
/// under 64 KB (a 20 MB file reports about a hundred times), and the whole file once.
struct ProgressThrottle {
    step: u64,
    size: u64,
    reported: u64,
}

impl ProgressThrottle {
    fn new(size: u64) -> Self {
        Self {
            step: (size / 100).max(64 * 1024),
            size,
            reported: 0,
        }
    }

    /// Whether `sent` is reported; if it is, it becomes the last total reported.
    fn admit(&mut self, sent: u64) -> bool {
        let worth =
            sent >= self.reported + self.step || (sent == self.size && sent > self.reported);
        if worth {
            self.reported = sent;
        }
        worth
    }
}

/// Sends one checked file to the vendor, telling `on_sent` how many bytes have gone out (at
/// most as often as [`ProgressThrottle`] admits); returns the vendor's reference.
async fn send_file(
    vendor: &VendorTickets,
    ticket_id: Option<&str>,
    file: &CheckedFile,
    file_num_key: &str,
    on_sent: &(dyn Fn(u64) + Send + Sync),
) -> Result<String> {
    // The body needs an observer it can own, so totals pass through a channel that keeps only
    // the newest one, and are reported here while the upload runs.
    let (totals, mut newest) = tokio::sync::watch::channel(0u64);
    let observer = SentBytes::new(move |total| {
        let _ = totals.send(total);
    });
    let upload = async move {
        match vendor {
            VendorTickets::Sobot(source) => source
                .client()
                .tickets()
                .upload_as_agent_observed(&file.path, Some(file_num_key), &observer)
                .await
                .map_err(TicketsError::from),
            VendorTickets::Udesk(source) => {
                let file = FileUpload::from_path(ticket_id.unwrap_or_default(), &file.path).await?;
                source
                    .client()
                    .tickets()
                    .upload_file_for_reply_observed(&file, &observer)
                    .await
                    .map(|answer| answer.attachment_id.unwrap_or_default())
                    .map_err(TicketsError::from)
            }
        }
    };
    let mut upload = std::pin::pin!(upload);
    let mut throttle = ProgressThrottle::new(file.size);
    loop {
        tokio::select! {
            biased;
            uploaded = &mut upload => return uploaded,
            changed = newest.changed() => {
                if changed.is_err() {
                    return upload.await;
                }
                let sent = *newest.borrow_and_update();
                if throttle.admit(sent) {
                    on_sent(sent);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_reported_every_hundredth_of_a_file_never_under_64_kb_and_at_the_end() {
        let mut big = ProgressThrottle::new(20 * 1024 * 1024);
        let admitted: Vec<u64> = [100_000, 209_715, 300_000, 419_430, 20 * 1024 * 1024]
            .into_iter()
            .filter(|&sent| big.admit(sent))
            .collect();
        assert_eq!(admitted, vec![209_715, 419_430, 20 * 1024 * 1024]);

        let mut small = ProgressThrottle::new(1_000);
        assert!(!small.admit(600), "under 64 KB moved");
        assert!(small.admit(1_000), "the whole file");
        assert!(!small.admit(1_000), "the whole file once");
    }

    #[test]
    fn files_are_refused_locally_for_type_size_emptiness_and_absence() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ok = dir.path().join("发票 invoice.pdf");
        std::fs::write(&ok, b"%PDF-1.4").expect("write");
        let checked = check_file(&ok).expect("accepted");
        assert_eq!(checked.name, "发票 invoice.pdf");
        assert_eq!(checked.size, 8);

        let exe = dir.path().join("setup.exe");
        std::fs::write(&exe, b"MZ").expect("write");
        assert_eq!(
            check_file(&exe),
            Err(FileProblem::TypeNotAllowed {
                extension: "exe".into()
            })
        );
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, b"").expect("write");
        assert_eq!(check_file(&empty), Err(FileProblem::Empty));
        assert_eq!(
            check_file(&dir.path().join("gone.png")),
            Err(FileProblem::NotFound)
        );
        assert_eq!(check_file(dir.path()), Err(FileProblem::NotAFile));

        let big = dir.path().join("big.zip");
        let file = std::fs::File::create(&big).expect("create");
        file.set_len(MAX_FILE_BYTES + 1).expect("grow");
        assert_eq!(
            check_file(&big),
            Err(FileProblem::TooLarge {
                size: MAX_FILE_BYTES + 1,
                max: MAX_FILE_BYTES
            })
        );
    }
}
