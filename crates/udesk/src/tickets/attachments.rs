//! Attachments: uploading raw bytes to a ticket or for the next reply, and clearing pending
//! reply attachments (003:1621-1671, 003:1846-1935).
//!
//! Uploads are `POST` with the file as the raw body (`Content-Type: application/octet-stream`,
//! curl `--data-binary`) and `ticket_id`, `file_name` and the optional MIME `type` in the query
//! string. The file name must carry its extension or Udesk cannot recognize the file.

use std::path::Path;

use bytes::Bytes;
use serde::{Deserialize, Deserializer, Serialize};
use serde_with::skip_serializing_none;
use vendor_http::{Idempotency, SentBytes};

use super::Tickets;
use crate::client::{ApiBody, ApiRequest};
use crate::config::TicketIdPlacement;
use crate::de;
use crate::envelope::Ack;
use crate::error::{Error, Result};
use crate::wire::query_pairs;

/// The largest file Udesk accepts (20 MB per file, 003:2051; also the total per ticket or
/// reply).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The longest file name and MIME type (003:1633-1634).
pub const MAX_NAME_CHARS: usize = 255;

/// A file to upload: the bytes and the name they are sent under.
#[derive(Clone, PartialEq, Eq)]
pub struct FileUpload {
    /// The ticket the file belongs to.
    pub ticket_id: String,
    /// The file name, with its extension (`screenshot.gif`), kept exactly.
    pub file_name: String,
    /// The MIME type (`type`), optional.
    pub mime_type: Option<String>,
    /// The file's bytes.
    pub data: Bytes,
}

impl std::fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileUpload")
            .field("ticket_id", &self.ticket_id)
            .field("file_name", &self.file_name)
            .field("mime_type", &self.mime_type)
            .field("len", &self.data.len())
            .finish()
    }
}

impl FileUpload {
    /// An upload of `data` named `file_name`, without a MIME type.
    pub fn new(
        ticket_id: impl Into<String>,
        file_name: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        Self {
            ticket_id: ticket_id.into(),
            file_name: file_name.into(),
            mime_type: None,
            data: data.into(),
        }
    }

    /// Sets the MIME type sent as `type`.
    pub fn with_mime_type(mut self, mime_type: impl Into<String>) -> Self {
        self.mime_type = Some(mime_type.into());
        self
    }

    /// Reads a local file: its name is the path's last component, its MIME type guessed from
    /// the extension. Files over [`MAX_FILE_BYTES`] are refused before reading them whole.
    pub async fn from_path(ticket_id: impl Into<String>, path: &Path) -> Result<Self> {
        let file_error = |source| Error::LocalFile {
            path: path.display().to_string(),
            source,
        };
        let file_name = vendor_http::multipart::file_name(path).map_err(file_error)?;
        let len = tokio::fs::metadata(path).await.map_err(file_error)?.len();
        if len > MAX_FILE_BYTES as u64 {
            return Err(Error::InvalidRequest(format!(
                "{file_name} is {len} bytes; Udesk accepts at most {MAX_FILE_BYTES}"
            )));
        }
        let data = tokio::fs::read(path).await.map_err(file_error)?;
        let mime = vendor_http::multipart::mime_for(&file_name);
        Ok(Self::new(ticket_id, file_name, data).with_mime_type(mime))
    }

    /// Refuses what Udesk would refuse: no ticket, no name, no extension, a name or type over
    /// 255 characters, an empty or oversized file.
    pub fn validate(&self) -> Result<()> {
        let invalid = |why: String| Err(Error::InvalidRequest(why));
        if self.ticket_id.trim().is_empty() {
            return invalid("ticket_id is required".into());
        }
        let has_extension = self
            .file_name
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.trim().is_empty());
        if !has_extension {
            return invalid(format!(
                "the file name {:?} needs an extension",
                self.file_name
            ));
        }
        if self.file_name.chars().count() > MAX_NAME_CHARS
            || self
                .mime_type
                .as_ref()
                .is_some_and(|mime| mime.chars().count() > MAX_NAME_CHARS)
        {
            return invalid(format!(
                "file name and type are limited to {MAX_NAME_CHARS} characters"
            ));
        }
        if self.data.is_empty() {
            return invalid("the file is empty".into());
        }
        if self.data.len() > MAX_FILE_BYTES {
            return invalid(format!(
                "the file is {} bytes; Udesk accepts at most {MAX_FILE_BYTES}",
                self.data.len()
            ));
        }
        Ok(())
    }
}

#[skip_serializing_none]
#[derive(Serialize)]
struct UploadQuery<'a> {
    #[serde(serialize_with = "de::write_id")]
    ticket_id: &'a str,
    file_name: &'a str,
    #[serde(rename = "type")]
    mime_type: Option<&'a str>,
}

/// The `message` object of an upload answer (003:1648-1653, 003:1874-1880).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedAttachment {
    /// `"upload Success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub msg: Option<String>,
    /// The attachment's URL.
    #[serde(default, deserialize_with = "de::text")]
    pub url: Option<String>,
    /// The attachment ID (for a reply's `attachment_ids`).
    #[serde(default, deserialize_with = "de::text")]
    pub attachment_id: Option<String>,
    /// `"Reply"` for reply uploads.
    #[serde(default, deserialize_with = "de::text")]
    pub attachable_type: Option<String>,
}

fn upload_message<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<UploadedAttachment, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    match value {
        // `message` is a string everywhere else; keep it rather than fail.
        serde_json::Value::String(msg) => Ok(UploadedAttachment {
            msg: Some(msg),
            url: None,
            attachment_id: None,
            attachable_type: None,
        }),
        other => serde_json::from_value(other).map_err(serde::de::Error::custom),
    }
}

/// Answer of an upload: `{code, message: {msg, url, attachment_id[, attachable_type]}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadAnswer {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The uploaded attachment.
    #[serde(deserialize_with = "upload_message")]
    pub message: UploadedAttachment,
}

#[skip_serializing_none]
#[derive(Serialize)]
struct TicketIdBody<'a> {
    #[serde(serialize_with = "de::write_id")]
    ticket_id: &'a str,
}

impl Tickets<'_> {
    /// `POST /open_api_v1/tickets/upload_file`: attaches a file to a ticket (at most 10 per
    /// ticket, 20 MB in total). Not retried.
    pub async fn upload_file(&self, file: &FileUpload) -> Result<UploadedAttachment> {
        self.upload("tickets/upload_file", file, None).await
    }

    /// `POST /open_api_v1/tickets/upload_file_for_reply`: uploads one file for the ticket's
    /// next reply; pass the returned `attachment_id` in the reply's `attachment_ids` within
    /// two hours. Not retried.
    pub async fn upload_file_for_reply(&self, file: &FileUpload) -> Result<UploadedAttachment> {
        self.upload("tickets/upload_file_for_reply", file, None)
            .await
    }

    /// [`Self::upload_file_for_reply`], telling `observer` how many of the file's bytes have
    /// been sent as they go.
    pub async fn upload_file_for_reply_observed(
        &self,
        file: &FileUpload,
        observer: &SentBytes,
    ) -> Result<UploadedAttachment> {
        self.upload("tickets/upload_file_for_reply", file, Some(observer))
            .await
    }

    async fn upload(
        &self,
        path: &str,
        file: &FileUpload,
        observer: Option<&SentBytes>,
    ) -> Result<UploadedAttachment> {
        file.validate()?;
        let query = query_pairs(&UploadQuery {
            ticket_id: &file.ticket_id,
            file_name: &file.file_name,
            mime_type: file.mime_type.as_deref(),
        })?;
        let request = ApiRequest::write(
            vendor_http::reqwest::Method::POST,
            path,
            ApiBody::Bytes(file.data.clone(), observer.cloned()),
        )
        .with_query(query);
        let answer: UploadAnswer = self.client.call(&request).await?;
        if answer.message.attachment_id.is_none() {
            return Err(Error::Decode(vendor_http::DecodeError {
                path: "message.attachment_id".into(),
                message: "missing field `attachment_id`".into(),
                excerpt: String::new(),
            }));
        }
        Ok(answer.message)
    }

    /// `POST /open_api_v1/tickets/delete_file_for_reply`: drops every attachment uploaded for
    /// the ticket's next reply. `ticket_id` goes where
    /// [`crate::UdeskConfig::delete_file_ticket_id`] says (both places by default). Retried
    /// like a read: clearing twice leaves the same state.
    pub async fn delete_file_for_reply(&self, ticket_id: &str) -> Result<()> {
        if ticket_id.trim().is_empty() {
            return Err(Error::InvalidRequest("ticket_id is required".into()));
        }
        let id = TicketIdBody { ticket_id };
        let placement = self.client.config().delete_file_ticket_id;
        let body = match placement {
            TicketIdPlacement::Query => ApiBody::Empty,
            TicketIdPlacement::Body | TicketIdPlacement::Both => {
                ApiBody::Json(crate::wire::json_body(&id)?)
            }
        };
        let query = match placement {
            TicketIdPlacement::Body => Vec::new(),
            TicketIdPlacement::Query | TicketIdPlacement::Both => query_pairs(&id)?,
        };
        let request = ApiRequest::write(
            vendor_http::reqwest::Method::POST,
            "tickets/delete_file_for_reply",
            body,
        )
        .with_query(query)
        .with_idempotency(Idempotency::Idempotent);
        let _: Ack = self.client.call(&request).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_need_a_ticket_an_extension_and_a_size_within_limits() {
        assert!(FileUpload::new("1", "a.png", vec![1u8]).validate().is_ok());
        assert!(FileUpload::new("", "a.png", vec![1u8]).validate().is_err());
        assert!(FileUpload::new("1", "noext", vec![1u8]).validate().is_err());
        assert!(FileUpload::new("1", ".png", vec![1u8]).validate().is_err());
        assert!(
            FileUpload::new("1", "a.png", Vec::new())
                .validate()
                .is_err()
        );
        let big = vec![0u8; MAX_FILE_BYTES + 1];
        assert!(FileUpload::new("1", "a.png", big).validate().is_err());
    }

    #[test]
    fn debug_shows_the_size_not_the_bytes() {
        let upload = FileUpload::new("1", "a.txt", b"secret body".to_vec());
        let shown = format!("{upload:?}");
        assert!(
            shown.contains("len: 11") && !shown.contains("secret"),
            "{shown}"
        );
    }

    #[tokio::test]
    async fn a_local_file_keeps_its_name_and_gets_a_guessed_type() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("客户 截图.PNG");
        std::fs::write(&path, b"12345").expect("write");
        let upload = FileUpload::from_path("9", &path).await.expect("reads");
        assert_eq!(upload.file_name, "客户 截图.PNG");
        assert_eq!(upload.mime_type.as_deref(), Some("image/png"));
        assert_eq!(upload.data.len(), 5);
        let missing = FileUpload::from_path("9", &dir.path().join("nope.txt")).await;
        assert!(matches!(missing, Err(Error::LocalFile { .. })));
    }
}
