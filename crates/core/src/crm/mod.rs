//! Sobot CRM customers as the app shows them: a customer's profile read fresh from the vendor.
//! (Tickets link here; the customer's tickets come from the local store, filtered by customer.)

mod profile;
mod timeline;

pub use profile::{CrmStage, CustomFieldValue, CustomerProfile, ProfileSection, SectionProblem};
pub use timeline::{TimelineEntry, TimelineKind};

use std::sync::{Arc, PoisonError};

use crate::connections::{ClientError, profile_sobot_client};
use crate::profiles::Profile;
use crate::secrets::SecretStore;
use crate::store::StoreError;
use crate::store::tickets::upsert_tickets;
use crate::sync::reference::SobotDirectory;
use crate::sync::{SobotTicketSource, unix_now_ms};
use crate::workspace::Workspaces;

/// How many behaviour entries the profile shows (the newest).
pub const TIMELINE_LIMIT: u32 = 50;

/// Why a customer could not be read, by what the user can do about it.
#[derive(Debug, thiserror::Error)]
pub enum CrmError {
    /// The profile has no Sobot connection with this id (Udesk has no CRM).
    #[error("this profile has no Sobot connection {0}")]
    UnknownConnection(String),
    /// The connection's client could not be built (missing secret, keychain, bad URL).
    #[error("connection {connection}: {source}")]
    Client {
        /// Which connection.
        connection: String,
        /// Why.
        source: ClientError,
    },
    /// An input is not acceptable; says which field and why.
    #[error("{field}: {message}")]
    Invalid {
        /// Which input.
        field: &'static str,
        /// Why.
        message: &'static str,
    },
    /// Sobot refused or could not be reached.
    #[error(transparent)]
    Sobot(#[from] sobot::Error),
    /// The local database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The local database failed.
    #[error("local database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl CrmError {
    /// The vendor's error code, when Sobot refused.
    pub fn vendor_code(&self) -> Option<String> {
        match self {
            Self::Sobot(err) => err.vendor_code().map(str::to_owned),
            _ => None,
        }
    }
}

/// About a month, for "the last N months".
const MONTH_MS: i64 = 31 * 24 * 60 * 60 * 1000;

fn required_id(customer_id: &str) -> Result<&str, CrmError> {
    let customer_id = customer_id.trim();
    if customer_id.is_empty() {
        return Err(CrmError::Invalid {
            field: "customerId",
            message: "a customer id is required",
        });
    }
    Ok(customer_id)
}

/// Customer work in one profile: its Sobot connection, secrets and local database.
pub struct CustomerDesk<'a> {
    workspaces: &'a Workspaces,
    profile: Profile,
    secrets: Arc<dyn SecretStore>,
}

impl<'a> CustomerDesk<'a> {
    /// Works on `profile`'s CRM customers with its secrets and database.
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

    /// Reads from Sobot the customer's tickets created in the last `months` months and stores
    /// them with the customer id, so that the local list can show a customer's tickets (the
    /// ticket sync's list rows carry no customer). Returns how many were read.
    pub async fn refresh_customer_tickets(
        &self,
        connection_id: &str,
        customer_id: &str,
        months: u32,
    ) -> Result<usize, CrmError> {
        let customer_id = required_id(customer_id)?;
        let client = self.client(connection_id)?;
        let store = self.workspaces.store(&self.profile.id)?;
        let directory = {
            let db = store.lock().unwrap_or_else(PoisonError::into_inner);
            SobotDirectory::stored(db.connection(), connection_id)?
        };
        let source = SobotTicketSource::new(connection_id, client).with_directory(directory);
        let now_ms = unix_now_ms();
        let start_ms = now_ms - i64::from(months.max(1)) * MONTH_MS;
        let tickets = source
            .customer_tickets(customer_id, start_ms, now_ms)
            .await?;
        let mut db = store.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(upsert_tickets(db.connection_mut(), &tickets, now_ms)?)
    }

    fn client(&self, connection_id: &str) -> Result<sobot::SobotClient, CrmError> {
        profile_sobot_client(&self.profile, connection_id, self.secrets.clone())
            .ok_or_else(|| CrmError::UnknownConnection(connection_id.to_owned()))?
            .map_err(|source| CrmError::Client {
                connection: connection_id.to_owned(),
                source,
            })
    }

    /// The customer's profile, read fresh: details, tags, labelled custom fields and the newest
    /// behaviour. Only the details are required; a section Sobot refuses is left empty and
    /// named in `unavailable` with the vendor's reason.
    pub async fn customer_profile(
        &self,
        connection_id: &str,
        customer_id: &str,
    ) -> Result<CustomerProfile, CrmError> {
        let customer_id = required_id(customer_id)?;
        let client = self.client(connection_id)?;
        let crm = client.crm();
        let ids = [customer_id.to_owned()];
        let (customer, tags, fields, behaviour) = futures::join!(
            crm.customer(customer_id),
            crm.customer_tags(&ids),
            crm.customer_fields(),
            crm.behavior_page(customer_id, None, 1, TIMELINE_LIMIT),
        );
        let customer = customer?;
        let mut unavailable = Vec::new();
        let mut section = |section, err: sobot::Error| {
            unavailable.push(SectionProblem::new(section, &err));
        };
        let tags = tags
            .map(|batch| profile::tag_names(&batch, customer_id))
            .unwrap_or_else(|err| {
                section(ProfileSection::Tags, err);
                Vec::new()
            });
        let custom_fields = fields
            .map(|fields| profile::custom_fields(&customer, &fields))
            .unwrap_or_else(|err| {
                section(ProfileSection::CustomFields, err);
                profile::custom_fields(&customer, &[])
            });
        let (timeline, truncated) = match behaviour {
            Ok(page) => {
                let more = page.has_more(1, i64::from(TIMELINE_LIMIT));
                let mut entries: Vec<TimelineEntry> =
                    page.items.iter().map(TimelineEntry::from).collect();
                entries.sort_by_key(|entry| std::cmp::Reverse(entry.at_ms));
                (entries, more)
            }
            Err(err) => {
                section(ProfileSection::Timeline, err);
                (Vec::new(), false)
            }
        };
        Ok(CustomerProfile::from_parts(
            connection_id,
            customer_id,
            &customer,
            profile::Sections {
                tags,
                custom_fields,
                timeline,
                timeline_truncated: truncated,
                unavailable,
            },
        ))
    }
}
