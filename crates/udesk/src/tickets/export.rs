//! Bulk export by scroll (003:1575-1619).
//!
//! Call with `filter_id` for the first batch and a `scroll_id`; then call with **only** the
//! newest `scroll_id` (both together is error `2062`); stop when `contents` is empty. A
//! `scroll_id` expires one minute after it is issued; a batch holds at most 1000 tickets.
//! `filter_id` is marked required in the table (003:1592) although the usage notes omit it on
//! later calls (003:1586): the usage notes win, [`ExportCursor`] makes both-at-once
//! unrepresentable.

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use vendor_http::Idempotency;

use super::Tickets;
use super::model::{Ticket, TicketEntry};
use crate::client::{ApiRequest, UdeskClient};
use crate::de;
use crate::error::{Error, Result};
use crate::wire::query_pairs;

/// Where an export call starts: a filter (first call) or the newest scroll ID (every later
/// call). Serialized as `{"filter_id": 1}` or `{"scroll_id": "..."}`, never both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportCursor {
    /// The first call: the filter to export.
    #[serde(
        rename = "filter_id",
        serialize_with = "de::write_id",
        deserialize_with = "de::string"
    )]
    Filter(String),
    /// A later call: the `scroll_id` of the previous answer.
    #[serde(rename = "scroll_id")]
    Scroll(String),
}

/// One export batch: `{code, scroll_id, total, contents}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportBatch {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message, if any.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The cursor for the next batch (valid for one minute).
    #[serde(
        default,
        deserialize_with = "vendor_http::lenient::opt_string_nonempty"
    )]
    pub scroll_id: Option<String>,
    /// The number of tickets the whole export holds.
    #[serde(default, deserialize_with = "de::int")]
    pub total: Option<i64>,
    /// This batch's tickets (at most 1000); empty at the end.
    #[serde(default, deserialize_with = "de::list")]
    pub contents: Vec<TicketEntry>,
}

async fn batch(client: &UdeskClient, cursor: &ExportCursor) -> Result<ExportBatch> {
    let (value, idempotency) = match cursor {
        ExportCursor::Filter(id) => (id, Idempotency::Idempotent),
        // Re-sending a scroll call whose answer was lost would skip a batch: only retried when
        // Udesk certainly did not receive it.
        ExportCursor::Scroll(id) => (id, Idempotency::NonIdempotent),
    };
    if value.trim().is_empty() {
        return Err(Error::InvalidRequest(
            "an export needs a filter_id or a scroll_id".into(),
        ));
    }
    let request = ApiRequest::get("tickets/export")
        .with_query(query_pairs(cursor)?)
        .with_idempotency(idempotency);
    client.call(&request).await
}

impl Tickets<'_> {
    /// One `GET /open_api_v1/tickets/export` call.
    pub async fn export_batch(&self, cursor: &ExportCursor) -> Result<ExportBatch> {
        batch(self.client, cursor).await
    }

    /// Every ticket of a filter through the export scroll, as a stream: the first call by
    /// `filter_id`, then always by the newest `scroll_id` alone, until a batch comes back
    /// empty. A non-empty batch without a `scroll_id` ends the stream with a decode error
    /// (the export could not continue). Consume it promptly: a `scroll_id` lives one minute.
    pub fn export(
        &self,
        filter_id: impl Into<String>,
    ) -> impl Stream<Item = Result<Ticket>> + Send + 'static {
        let client = self.client.clone();
        let mut cursor = ExportCursor::Filter(filter_id.into());
        async_stream::try_stream! {
            loop {
                let answer = batch(&client, &cursor).await?;
                if answer.contents.is_empty() {
                    break;
                }
                let next = answer.scroll_id;
                for entry in answer.contents {
                    yield entry.ticket;
                }
                match next {
                    Some(scroll_id) => cursor = ExportCursor::Scroll(scroll_id),
                    None => Err(Error::Decode(vendor_http::DecodeError {
                        path: "scroll_id".into(),
                        message: "a non-empty export batch came without a scroll_id".into(),
                        excerpt: String::new(),
                    }))?,
                }
            }
        }
    }
}
