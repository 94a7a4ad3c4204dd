//! The Sobot v5 Ticket API (`/api/ws/5/ticket/*`, `/api/wb/5/data/export_data`).

pub mod attachments;
pub mod codes;
pub mod export;
pub mod model;
pub mod query;
pub mod reference;
pub mod write;

use crate::client::SobotClient;

pub use attachments::UploadedFile;
pub use codes::*;
pub use export::{ExportRequest, ExportedTicket};
pub use model::*;
pub use query::{AgentWorkload, TicketCounts, TicketFilter, TicketTime};
pub use reference::*;
pub use write::*;

/// The Ticket API of a client: `client.tickets()`.
#[derive(Debug, Clone, Copy)]
pub struct Tickets<'a> {
    pub(crate) client: &'a SobotClient,
}

impl SobotClient {
    /// The Ticket API.
    pub fn tickets(&self) -> Tickets<'_> {
        Tickets { client: self }
    }
}
