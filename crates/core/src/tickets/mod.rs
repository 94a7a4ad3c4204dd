//! Working on one ticket at the vendor: reading its detail, replying, changing it, creating
//! tickets and uploading attachments. Every write is checked for conflicts first (when the
//! caller says which version it saw), recorded in the audit log, and reflected in the local store.

mod actions;
mod agents;
pub mod attachments;
pub mod catalog;
mod create;
pub mod detail;
pub mod export;
mod form_fields;
mod sobot_detail;
mod sobot_writes;
mod udesk_detail;
mod udesk_writes;

pub use actions::{ReplyInput, TicketChange, WriteOutcome};
pub use agents::{Agent, agents_of};
pub use create::NewTicketInput;

use std::sync::{Arc, Mutex, PoisonError};

use futures::TryStreamExt;
use udesk::tickets::TicketKey;
use vendor_http::{RetryClass, Retryable};

use crate::connections::{ClientError, profile_sobot_client, udesk_client};
use crate::profiles::Profile;
use crate::secrets::SecretStore;
use crate::store::audit::{self, AuditOutcome, NewAuditEntry};
use crate::store::tickets::upsert_tickets;
use crate::store::{Store, StoreError, seen, ticket_rows};
use crate::sync::{SobotTicketSource, UdeskTicketSource, unix_now_ms};
use crate::workspace::Workspaces;
use detail::TicketDetail;

/// Why a ticket operation failed, by what the user can do about it.
#[derive(Debug, thiserror::Error)]
pub enum TicketsError {
    /// The profile has no connection with this id.
    #[error("this profile has no ticket connection {0}")]
    UnknownConnection(String),
    /// The connection's client could not be built (missing secret, keychain, bad URL).
    #[error("connection {connection}: {source}")]
    Client {
        /// Which connection.
        connection: String,
        /// Why.
        source: ClientError,
    },
    /// Sobot refused or could not be reached.
    #[error(transparent)]
    Sobot(#[from] sobot::Error),
    /// Udesk refused or could not be reached.
    #[error(transparent)]
    Udesk(#[from] udesk::Error),
    /// The local database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The local database failed.
    #[error("local database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Replying or changing a ticket needs to know which agent the user acts as.
    #[error("choose the agent you act as on connection {connection}")]
    ActingAgentRequired {
        /// Which connection.
        connection: String,
    },
    /// The vendor does not offer this on this kind of connection.
    #[error("{what} is not available on {vendor} connections")]
    Unsupported {
        /// Which vendor.
        vendor: &'static str,
        /// What was asked.
        what: &'static str,
    },
    /// An input is not acceptable; says which field and why.
    #[error("{field}: {message}")]
    Invalid {
        /// Which input.
        field: String,
        /// Why.
        message: String,
    },
    /// The vendor answered without the ticket.
    #[error("ticket {ticket} was not found on {connection}")]
    NotFound {
        /// Which connection.
        connection: String,
        /// Which ticket.
        ticket: String,
    },
}

impl TicketsError {
    /// The vendor's error code, when the vendor refused (for the audit log and the UI).
    pub fn vendor_code(&self) -> Option<String> {
        match self {
            Self::Sobot(err) => err.vendor_code().map(str::to_owned),
            Self::Udesk(err) => err.vendor_code().map(|code| code.to_string()),
            _ => None,
        }
    }

    /// Whether trying again later can help.
    pub fn retryable(&self) -> bool {
        match self {
            Self::Sobot(err) => err.retry_class() != RetryClass::Never,
            Self::Udesk(err) => err.retry_class() != RetryClass::Never,
            _ => false,
        }
    }
}

/// Shorthand for ticket results.
pub type Result<T> = std::result::Result<T, TicketsError>;

/// One connection's vendor side.
pub(crate) enum VendorTickets {
    /// A Sobot v5 connection.
    Sobot(SobotTicketSource),
    /// A Udesk connection.
    Udesk(UdeskTicketSource),
}

impl VendorTickets {
    fn vendor_name(&self) -> &'static str {
        match self {
            Self::Sobot(_) => "Sobot",
            Self::Udesk(_) => "Udesk",
        }
    }
}

/// Ticket work in one profile: its connections, secrets and local database.
pub struct TicketDesk<'a> {
    workspaces: &'a Workspaces,
    profile: Profile,
    secrets: Arc<dyn SecretStore>,
}

impl<'a> TicketDesk<'a> {
    /// Works on `profile`'s tickets with its secrets and database.
    pub fn new(
        workspaces: &'a Workspaces,
        profile: Profile,
        secrets: Arc<dyn SecretStore>,
    ) -> Self {
        Self {
            workspaces,
            profile,
            secrets,
        }
    }

    /// The profile worked in.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub(crate) fn vendor(&self, connection_id: &str) -> Result<VendorTickets> {
        let client_error = |source| TicketsError::Client {
            connection: connection_id.to_owned(),
            source,
        };
        if let Some(client) =
            profile_sobot_client(&self.profile, connection_id, self.secrets.clone())
        {
            return Ok(VendorTickets::Sobot(SobotTicketSource::new(
                connection_id,
                client.map_err(client_error)?,
            )));
        }
        if let Some(conn) = self.profile.udesk.iter().find(|c| c.id == connection_id) {
            let client = udesk_client(&self.profile.id, conn, self.secrets.as_ref())
                .map_err(client_error)?;
            return Ok(VendorTickets::Udesk(UdeskTicketSource::new(
                connection_id,
                client,
            )));
        }
        Err(TicketsError::UnknownConnection(connection_id.to_owned()))
    }

    pub(crate) fn store(&self) -> Result<Arc<Mutex<Store>>> {
        Ok(self.workspaces.store(&self.profile.id)?)
    }

    pub(crate) fn with_store<T>(
        &self,
        work: impl FnOnce(&mut Store) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let store = self.store()?;
        let mut guard = store.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(work(&mut guard)?)
    }

    /// Reads a ticket fresh from the vendor, without touching the local store.
    pub(crate) async fn fetch(
        &self,
        vendor: &VendorTickets,
        ticket_id: &str,
    ) -> Result<TicketDetail> {
        let not_found = || TicketsError::NotFound {
            connection: match vendor {
                VendorTickets::Sobot(s) => crate::sync::TicketSource::connection_id(s).to_owned(),
                VendorTickets::Udesk(u) => crate::sync::TicketSource::connection_id(u).to_owned(),
            },
            ticket: ticket_id.to_owned(),
        };
        match vendor {
            VendorTickets::Sobot(source) => {
                let detail = source.client().tickets().detail(ticket_id).await?;
                sobot_detail::map(source, detail).ok_or_else(not_found)
            }
            VendorTickets::Udesk(source) => {
                let tickets = source.client().tickets();
                let ticket = tickets.detail(&TicketKey::Id(ticket_id.to_owned())).await?;
                let (replies, logs) = futures::future::try_join(
                    tickets.replies(ticket_id).try_collect::<Vec<_>>(),
                    tickets.change_logs(ticket_id).try_collect::<Vec<_>>(),
                )
                .await?;
                Ok(udesk_detail::map(source, ticket, replies, logs))
            }
        }
    }

    /// Writes a freshly read ticket to the local store.
    pub(crate) fn remember(&self, detail: &TicketDetail) -> Result<()> {
        self.with_store(|store| {
            upsert_tickets(
                store.connection_mut(),
                std::slice::from_ref(&detail.ticket),
                unix_now_ms(),
            )
            .map(|_| ())
        })
    }

    /// The ticket's detail, read fresh from the vendor; the local copy is updated and the
    /// ticket counts as seen in this version.
    pub async fn detail(&self, connection_id: &str, ticket_id: &str) -> Result<TicketDetail> {
        let vendor = self.vendor(connection_id)?;
        self.read_as_seen(&vendor, connection_id, ticket_id).await
    }

    /// Reads a ticket fresh from the vendor, updates the local copy and records this version as
    /// seen by the user (on opening it, and after the user's own writes).
    pub(crate) async fn read_as_seen(
        &self,
        vendor: &VendorTickets,
        connection_id: &str,
        ticket_id: &str,
    ) -> Result<TicketDetail> {
        let detail = self.fetch(vendor, ticket_id).await?;
        self.remember(&detail)?;
        self.with_store(|store| {
            seen::mark_seen(
                store.connection(),
                connection_id,
                ticket_id,
                detail.ticket.updated_at_ms,
                unix_now_ms(),
            )
        })?;
        Ok(detail)
    }

    /// Records a write in the audit log (a failure to record is logged, never hides the
    /// write's own result).
    pub(crate) fn audit<T>(
        &self,
        connection_id: &str,
        action: &str,
        target: &str,
        summary: &str,
        result: &Result<T>,
    ) {
        let outcome = match result {
            Ok(_) => AuditOutcome::Ok,
            Err(err) => AuditOutcome::Failed {
                code: err.vendor_code().unwrap_or_else(|| "local".into()),
                message: err.to_string(),
            },
        };
        let recorded = self.with_store(|store| {
            audit::record(
                store.connection(),
                &NewAuditEntry {
                    at_ms: unix_now_ms(),
                    connection_id,
                    action,
                    target,
                    summary,
                    outcome,
                },
            )
        });
        if let Err(err) = recorded {
            tracing::error!(%err, action, target, "could not record a write in the audit log");
        }
    }

    /// What the ticket screens need to know about each of the profile's connections.
    pub fn catalogs(&self) -> Result<Vec<catalog::ConnectionCatalog>> {
        self.with_store(|store| catalog::catalogs(store.connection(), &self.profile))
    }

    /// Forgets a ticket deleted at the vendor.
    pub(crate) fn forget(&self, connection_id: &str, ticket_id: &str) -> Result<()> {
        self.with_store(|store| ticket_rows::remove(store.connection(), connection_id, ticket_id))
    }
}
