//! The Udesk ticket Open API (`/open_api_v1/tickets...`): 19 endpoints, reached through
//! `client.tickets()`.

pub mod attachments;
pub mod codes;
pub mod export;
pub mod model;
pub mod query;
pub mod reference;
pub mod replies;
pub mod write;

use crate::client::UdeskClient;

pub use attachments::{FileUpload, UploadAnswer, UploadedAttachment};
pub use codes::*;
pub use export::{ExportBatch, ExportCursor};
pub use model::*;
pub use query::{TicketAnswer, TicketList, TicketListQuery};
pub use reference::*;
pub use replies::*;
pub use write::*;

/// The ticket API of a client: `client.tickets()`.
#[derive(Debug, Clone, Copy)]
pub struct Tickets<'a> {
    pub(crate) client: &'a UdeskClient,
}

impl UdeskClient {
    /// The ticket API.
    pub fn tickets(&self) -> Tickets<'_> {
        Tickets { client: self }
    }
}
