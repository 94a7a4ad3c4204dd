//! Sync engine tests against a fake ticket source that can fail chosen windows.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::store::tickets::{TicketPageRequest, Vendor, query_tickets, ticket_ids};

const NOW: i64 = 1_750_000_000_000;

/// A vendor with tickets at given update times; windows containing a "poisoned" instant fail.
struct FakeSource {
    tickets: Mutex<BTreeMap<String, i64>>,
    poisoned: Mutex<HashSet<i64>>,
    fetches: AtomicUsize,
}

impl FakeSource {
    fn new(update_times: impl IntoIterator<Item = i64>) -> Self {
        Self {
            tickets: Mutex::new(
                update_times
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| (format!("t{i:04}"), t))
                    .collect(),
            ),
            poisoned: Mutex::new(HashSet::new()),
            fetches: AtomicUsize::new(0),
        }
    }

    fn ids(&self) -> Vec<String> {
        self.tickets.lock().expect("lock").keys().cloned().collect()
    }
}

fn ticket(id: &str, updated_at_ms: i64) -> StoredTicket {
    StoredTicket {
        connection_id: "sobot".into(),
        ticket_id: id.into(),
        vendor: Vendor::Sobot,
        ticket_code: None,
        title: format!("title {id}"),
        content: String::new(),
        status_code: "1".into(),
        priority_code: None,
        source_code: None,
        category_id: None,
        assignee_id: None,
        assignee_name: None,
        group_id: None,
        group_name: None,
        customer_id: None,
        customer_name: None,
        created_at_ms: updated_at_ms,
        updated_at_ms,
        custom_fields: serde_json::json!({}),
        raw: serde_json::json!({}),
    }
}

impl TicketSource for FakeSource {
    fn connection_id(&self) -> &str {
        "sobot"
    }

    async fn fetch(&self, window: Window) -> Result<Vec<StoredTicket>, FetchError> {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        tokio::task::yield_now().await;
        if self
            .poisoned
            .lock()
            .expect("lock")
            .iter()
            .any(|t| (window.start_ms..window.end_ms).contains(t))
        {
            return Err(FetchError {
                message: "HTTP 503".into(),
                retryable: true,
            });
        }
        Ok(self
            .tickets
            .lock()
            .expect("lock")
            .iter()
            .filter(|(_, t)| (window.start_ms..window.end_ms).contains(*t))
            .map(|(id, t)| ticket(id, *t))
            .collect())
    }
}

fn store() -> (tempfile::TempDir, Arc<Mutex<Store>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
    (dir, Arc::new(Mutex::new(store)))
}

fn options(now_ms: i64) -> SyncOptions {
    SyncOptions {
        first_sync_months: 6,
        concurrency: 3,
        now_ms,
    }
}

fn stored_ids(store: &Arc<Mutex<Store>>) -> Vec<String> {
    ticket_ids(store.lock().expect("lock").connection(), "sobot").expect("ids")
}

fn spread(count: i64) -> Vec<i64> {
    // One ticket every ~1.7 days over the last five months.
    (0..count)
        .map(|i| NOW - 150 * DAY_MS + i * (150 * DAY_MS / count))
        .collect()
}

#[tokio::test]
async fn a_first_sync_stores_exactly_the_vendors_tickets_and_sets_the_cursor() {
    let (_dir, store) = store();
    let source = FakeSource::new(spread(90).into_iter().chain([NOW - 400 * DAY_MS]));
    let seen = Mutex::new(Vec::new());
    let report = sync_tickets(&store, &source, options(NOW), &|p| {
        seen.lock().expect("lock").push(p)
    })
    .await
    .expect("sync");
    let in_range: Vec<String> = source.ids().into_iter().take(90).collect();
    assert_eq!(
        stored_ids(&store),
        in_range,
        "tickets older than the first-sync horizon are not fetched"
    );
    assert_eq!(report.tickets, 90);
    assert!(report.failures.is_empty());
    assert_eq!(report.synced_until_ms, Some(NOW));
    let seen = seen.into_inner().expect("lock");
    assert_eq!(seen.len(), report.windows_fetched);
    assert_eq!(
        seen.last().map(|p| (p.windows_done, p.windows_total)),
        Some((report.windows_fetched, report.windows_fetched))
    );
}

#[tokio::test]
async fn a_failed_window_stays_pending_and_the_next_run_fetches_only_it() {
    let (_dir, store) = store();
    let times = spread(60);
    let source = FakeSource::new(times.clone());
    source.poisoned.lock().expect("lock").insert(times[30]);
    let first = sync_tickets(&store, &source, options(NOW), &|_| {})
        .await
        .expect("sync");
    assert_eq!(first.failures.len(), 1);
    assert_eq!(
        first.synced_until_ms, None,
        "the cursor does not move past a hole"
    );
    let windows_total = first.windows_fetched + 1;
    assert!(stored_ids(&store).len() < 60);

    source.poisoned.lock().expect("lock").clear();
    source.fetches.store(0, Ordering::SeqCst);
    let second = sync_tickets(&store, &source, options(NOW + 1_000), &|_| {})
        .await
        .expect("resume");
    assert_eq!(
        source.fetches.load(Ordering::SeqCst),
        1,
        "only the failed window of {windows_total} is fetched again"
    );
    assert_eq!(
        second.synced_until_ms,
        Some(NOW),
        "the resumed plan ends where it was planned"
    );
    assert_eq!(stored_ids(&store), source.ids());
}

#[tokio::test]
async fn an_incremental_sync_fetches_only_since_the_cursor_and_picks_up_changes() {
    let (_dir, store) = store();
    let source = FakeSource::new(spread(40));
    sync_tickets(&store, &source, options(NOW), &|_| {})
        .await
        .expect("first sync");
    // A ticket changes and a new one appears after the first sync.
    source
        .tickets
        .lock()
        .expect("lock")
        .insert("t0003".into(), NOW + 10 * 60 * 1_000);
    source
        .tickets
        .lock()
        .expect("lock")
        .insert("new".into(), NOW + 20 * 60 * 1_000);
    source.fetches.store(0, Ordering::SeqCst);
    let later = NOW + 60 * 60 * 1_000;
    let report = sync_tickets(&store, &source, options(later), &|_| {})
        .await
        .expect("incremental");
    assert_eq!(
        source.fetches.load(Ordering::SeqCst),
        1,
        "one short window since the cursor"
    );
    assert_eq!(report.tickets, 2);
    assert_eq!(report.synced_until_ms, Some(later));
    let db = store.lock().expect("lock");
    let newest = query_tickets(
        db.connection(),
        &TicketPageRequest {
            limit: 2,
            ..Default::default()
        },
    )
    .expect("query");
    assert_eq!(
        newest
            .iter()
            .map(|t| t.ticket_id.as_str())
            .collect::<Vec<_>>(),
        ["new", "t0003"]
    );
}
