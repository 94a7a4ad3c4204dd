//! A profile's workspace: its database and a sync of every ticket connection it has.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::connections::{ClientError, sobot_client, udesk_client};
use crate::profiles::Profile;
use crate::profiles::VendorLanguage;
use crate::secrets::SecretStore;
use crate::store::{DATABASE_FILE_NAME, Store, StoreError};
use crate::sync::{
    SobotTicketSource, SyncError, SyncOptions, SyncProgress, SyncReport, TicketSource,
    UdeskTicketSource, reference, sync_tickets,
};

/// The open databases of the profiles used in this process, one per profile.
#[derive(Debug)]
pub struct Workspaces {
    data_dir: PathBuf,
    open: Mutex<HashMap<String, Arc<Mutex<Store>>>>,
}

/// Why a profile sync could not start or finish.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The profile's database could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A connection's client could not be built (missing secret, keychain, bad URL).
    #[error("connection {connection}: {source}")]
    Client {
        /// Which connection.
        connection: String,
        /// Why.
        source: ClientError,
    },
    /// The sync failed locally.
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl Workspaces {
    /// Workspaces kept under `data_dir/profiles/<id>/`.
    pub fn new(data_dir: &Path) -> Self {
        Self {
            data_dir: data_dir.to_path_buf(),
            open: Mutex::new(HashMap::new()),
        }
    }

    /// The database of profile `profile_id`, opened (and migrated) on first use.
    pub fn store(&self, profile_id: &str) -> Result<Arc<Mutex<Store>>, StoreError> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(store) = open.get(profile_id) {
            return Ok(store.clone());
        }
        let path = self
            .data_dir
            .join("profiles")
            .join(profile_id)
            .join(DATABASE_FILE_NAME);
        let store = Arc::new(Mutex::new(Store::open(&path)?));
        open.insert(profile_id.to_owned(), store.clone());
        Ok(store)
    }

    /// Forgets an open database (after the profile is deleted).
    pub fn close(&self, profile_id: &str) {
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(profile_id);
    }
}

/// Syncs the tickets of every ticket connection of `profile` (Sobot and each Udesk account) at
/// once, reporting progress per connection. Each connection's reference data is synced first;
/// a reference failure is reported in [`SyncReport::reference_failures`] and does not stop the
/// ticket sync. A connection whose client cannot be built fails the call before anything is
/// fetched.
pub async fn sync_profile(
    workspaces: &Workspaces,
    profile: &Profile,
    secrets: Arc<dyn SecretStore>,
    options: SyncOptions,
    progress: &(dyn Fn(SyncProgress) + Send + Sync),
) -> Result<Vec<SyncReport>, WorkspaceError> {
    let store = workspaces.store(&profile.id)?;
    let client_error = |connection: &str| {
        let connection = connection.to_owned();
        move |source| WorkspaceError::Client { connection, source }
    };
    let sobot = match &profile.sobot {
        Some(conn) => Some(SobotTicketSource::new(
            conn.id.clone(),
            sobot_client(&profile.id, conn, secrets.clone()).map_err(client_error(&conn.id))?,
        )),
        None => None,
    };
    let udesk = profile
        .udesk
        .iter()
        .map(|conn| {
            udesk_client(&profile.id, conn, secrets.as_ref())
                .map(|client| UdeskTicketSource::new(conn.id.clone(), client))
                .map_err(client_error(&conn.id))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let sobot_run = async {
        let (Some(source), Some(conn)) = (&sobot, &profile.sobot) else {
            return Ok(None);
        };
        let language = match conn.language {
            VendorLanguage::En => "en",
            VendorLanguage::Zh => "zh-CN",
        };
        let fetched = reference::fetch_sobot(&conn.id, source.client(), language).await;
        reference::store_fetch(&store, &conn.id, &fetched)?;
        let directory = {
            let db = store.lock().unwrap_or_else(PoisonError::into_inner);
            reference::SobotDirectory::stored(db.connection(), &conn.id).map_err(SyncError::from)?
        };
        let source = source.clone().with_directory(directory);
        let mut report = sync_tickets(&store, &source, options, progress).await?;
        report.reference_failures = fetched.failures;
        Ok::<_, SyncError>(Some(report))
    };
    let udesk_runs = futures::future::join_all(udesk.iter().map(|source| async {
        let connection_id = source.connection_id().to_owned();
        let fetched = reference::fetch_udesk(&connection_id, source.client()).await;
        reference::store_fetch(&store, &connection_id, &fetched)?;
        let mut report = sync_tickets(&store, source, options, progress).await?;
        reference::derive_from_tickets(&store, &connection_id)?;
        report.reference_failures = fetched.failures;
        Ok::<_, SyncError>(report)
    }));
    let (sobot_report, udesk_reports) = futures::future::join(sobot_run, udesk_runs).await;
    let mut reports: Vec<SyncReport> = sobot_report?.into_iter().collect();
    for report in udesk_reports {
        reports.push(report?);
    }
    Ok(reports)
}
