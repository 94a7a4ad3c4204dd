//! Attachment uploads (sobot-ticket.md §6.13-6.14): multipart, streamed from disk, the file name
//! kept exactly; the returned URL goes in `file_str` (creates, customer replies) or
//! `reply_file_str` (agent replies).

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use vendor_http::SentBytes;

use super::Tickets;
use crate::client::{ApiRequest, require_item};
use crate::de;
use crate::envelope::ItemEnvelope;
use crate::error::{Error, Result};

/// `item` of an upload answer.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    /// The URL to pass in `file_str` / `reply_file_str` (may contain unencoded spaces, I-22).
    #[serde(default, deserialize_with = "de::text")]
    pub file_url: Option<String>,
}

impl Tickets<'_> {
    /// `POST /api/ws/5/ticket/user_upload_file`: uploads a file for a customer ticket or reply;
    /// returns its URL. `file_num_key` is the optional random key Sobot uses to count the files
    /// of one ticket or reply (reuse it across those uploads).
    pub async fn upload_as_customer(
        &self,
        path: &Path,
        file_num_key: Option<&str>,
    ) -> Result<String> {
        self.upload("api/ws/5/ticket/user_upload_file", path, file_num_key, None)
            .await
    }

    /// `POST /api/ws/5/ticket/upload_file`: uploads a file for an agent ticket or reply;
    /// returns its URL.
    pub async fn upload_as_agent(&self, path: &Path, file_num_key: Option<&str>) -> Result<String> {
        self.upload("api/ws/5/ticket/upload_file", path, file_num_key, None)
            .await
    }

    /// [`Self::upload_as_agent`], telling `observer` how many of the file's bytes have been
    /// sent as they go.
    pub async fn upload_as_agent_observed(
        &self,
        path: &Path,
        file_num_key: Option<&str>,
        observer: &SentBytes,
    ) -> Result<String> {
        self.upload(
            "api/ws/5/ticket/upload_file",
            path,
            file_num_key,
            Some(observer.clone()),
        )
        .await
    }

    async fn upload(
        &self,
        endpoint: &str,
        path: &Path,
        file_num_key: Option<&str>,
        observer: Option<SentBytes>,
    ) -> Result<String> {
        let fields = file_num_key
            .map(|key| vec![("file_num_key".to_owned(), key.to_owned())])
            .unwrap_or_default();
        let request = ApiRequest::upload(endpoint, path.to_path_buf(), fields).observed(observer);
        let envelope: ItemEnvelope<UploadedFile> = self.client.call(&request).await?;
        require_item(envelope)?.file_url.ok_or_else(|| {
            Error::Decode(vendor_http::DecodeError {
                path: "item.file_url".into(),
                message: "missing field `file_url`".into(),
                excerpt: String::new(),
            })
        })
    }
}
