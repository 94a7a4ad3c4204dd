//! Ticket sync: a first sync of the last N months, then incremental sync by update time, per
//! connection. Windows are planned and recorded before anything is fetched, fetched concurrently,
//! and marked done one by one, so a killed sync resumes where it stopped.

pub mod reference;
mod sobot_source;
mod udesk_source;

pub use sobot_source::SobotTicketSource;
pub use udesk_source::UdeskTicketSource;

use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use futures::StreamExt;

use crate::store::Store;
use crate::store::sync_state::{self, Window};
use crate::store::tickets::{StoredTicket, upsert_tickets};

/// The stream name tickets are synced under.
pub const TICKETS_STREAM: &str = "tickets";

/// How far an incremental sync reaches back before the cursor, for clock differences and
/// tickets the vendor indexes late.
pub const INCREMENTAL_OVERLAP_MS: i64 = 5 * 60 * 1_000;

const DAY_MS: i64 = 24 * 60 * 60 * 1_000;

/// The current time in Unix milliseconds (sync's "now").
pub fn unix_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Why fetching a window failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FetchError {
    /// What failed, as the vendor client said it (never a secret).
    pub message: String,
    /// Whether trying again later can help.
    pub retryable: bool,
}

/// Where tickets come from: one vendor connection.
pub trait TicketSource: Send + Sync {
    /// The connection's id (the store's `connection_id`).
    fn connection_id(&self) -> &str;

    /// Splits `[start_ms, end_ms)` into the windows this vendor fetches best (Sobot: calendar
    /// months in the account's time zone). The default is 30-day windows.
    fn split(&self, start_ms: i64, end_ms: i64) -> Vec<Window> {
        let mut windows = Vec::new();
        let mut start = start_ms;
        while start < end_ms {
            let end = (start + 30 * DAY_MS).min(end_ms);
            windows.push(Window {
                start_ms: start,
                end_ms: end,
            });
            start = end;
        }
        windows
    }

    /// Every ticket updated in `window`, in the unified model.
    fn fetch(
        &self,
        window: Window,
    ) -> impl Future<Output = Result<Vec<StoredTicket>, FetchError>> + Send;
}

/// What a sync run is told to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncOptions {
    /// How many months a first sync reaches back.
    pub first_sync_months: u32,
    /// How many windows are fetched at once.
    pub concurrency: usize,
    /// "Now", Unix milliseconds (injected so tests are deterministic).
    pub now_ms: i64,
}

/// Progress reported after each window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncProgress {
    /// Which connection.
    pub connection_id: String,
    /// Windows finished in this run.
    pub windows_done: usize,
    /// Windows this run set out to fetch.
    pub windows_total: usize,
    /// Tickets written in this run so far.
    pub tickets: usize,
}

/// How a sync run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    /// Which connection.
    pub connection_id: String,
    /// Windows fetched in this run.
    pub windows_fetched: usize,
    /// Tickets written.
    pub tickets: usize,
    /// Windows that failed (they stay pending for the next run).
    pub failures: Vec<(Window, FetchError)>,
    /// Reference data calls that failed (their kinds keep the previous items).
    pub reference_failures: Vec<FetchError>,
    /// The new cursor when the whole plan is done.
    pub synced_until_ms: Option<i64>,
}

/// Why a sync could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The local store failed.
    #[error("local database: {0}")]
    Store(#[from] rusqlite::Error),
}

fn months_back(now_ms: i64, months: u32) -> i64 {
    now_ms - i64::from(months) * 31 * DAY_MS
}

/// Runs one sync of `source` into `store`: plans windows if none are pending (first sync or
/// incremental from the cursor), fetches the pending ones concurrently, records each as it lands.
pub async fn sync_tickets<S: TicketSource>(
    store: &Arc<Mutex<Store>>,
    source: &S,
    options: SyncOptions,
    progress: &(dyn Fn(SyncProgress) + Send + Sync),
) -> Result<SyncReport, SyncError> {
    let connection_id = source.connection_id().to_owned();
    let lock = || store.lock().unwrap_or_else(PoisonError::into_inner);
    let pending = {
        let mut db = lock();
        let mut pending =
            sync_state::pending_windows(db.connection(), &connection_id, TICKETS_STREAM)?;
        if pending.is_empty() {
            let start = match sync_state::cursor(db.connection(), &connection_id, TICKETS_STREAM)? {
                Some(cursor) => cursor - INCREMENTAL_OVERLAP_MS,
                None => months_back(options.now_ms, options.first_sync_months),
            };
            let windows = source.split(start, options.now_ms);
            sync_state::plan_windows(
                db.connection_mut(),
                &connection_id,
                TICKETS_STREAM,
                &windows,
            )?;
            pending = sync_state::pending_windows(db.connection(), &connection_id, TICKETS_STREAM)?;
        }
        pending
    };
    let total = pending.len();
    let mut report = SyncReport {
        connection_id: connection_id.clone(),
        windows_fetched: 0,
        tickets: 0,
        failures: Vec::new(),
        reference_failures: Vec::new(),
        synced_until_ms: None,
    };
    let mut fetches = futures::stream::iter(pending)
        .map(|window| async move { (window, source.fetch(window).await) })
        .buffer_unordered(options.concurrency.max(1));
    while let Some((window, fetched)) = fetches.next().await {
        match fetched {
            Ok(tickets) => {
                let mut db = lock();
                upsert_tickets(db.connection_mut(), &tickets, options.now_ms)?;
                sync_state::finish_window(
                    db.connection(),
                    &connection_id,
                    TICKETS_STREAM,
                    window,
                    tickets.len(),
                    options.now_ms,
                )?;
                report.windows_fetched += 1;
                report.tickets += tickets.len();
            }
            Err(err) => {
                tracing::warn!(connection = %connection_id, ?window, error = %err, "sync window failed; it stays pending");
                report.failures.push((window, err));
            }
        }
        progress(SyncProgress {
            connection_id: connection_id.clone(),
            windows_done: report.windows_fetched + report.failures.len(),
            windows_total: total,
            tickets: report.tickets,
        });
    }
    report.synced_until_ms =
        sync_state::complete_plan(lock().connection_mut(), &connection_id, TICKETS_STREAM)?;
    Ok(report)
}

#[cfg(test)]
mod tests;
