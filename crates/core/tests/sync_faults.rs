//! Sync against the sandbox with faults: a sync killed mid-way, bursts of HTTP 5xx and a token
//! that expires mid-sync. After the final sync the store holds exactly the sandbox's tickets
//! (same ids, same update times), and a resumed sync fetches only the windows still pending.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sandbox::{FaultKind, FaultRule, Sandbox, SandboxConfig, Size};
use switchboard_core::profiles::{Profile, VendorLanguage};
use switchboard_core::secrets::MemorySecretStore;
use switchboard_core::sync::{SyncOptions, SyncProgress, unix_now_ms};
use switchboard_core::workspace::{Workspaces, sync_profile};

use crate::common;

const LIST_PATH: &str = "/api/ws/5/ticket/query_tickets_by_update_time";

struct Setup {
    sandbox: Sandbox,
    profile: Profile,
    secrets: Arc<MemorySecretStore>,
    _dir: tempfile::TempDir,
    workspaces: Workspaces,
    options: SyncOptions,
}

async fn setup(seed: u64) -> Setup {
    let sandbox = Sandbox::start(SandboxConfig::new(seed, Size::Small))
        .await
        .expect("sandbox");
    let (profile, secrets) = common::sobot_profile(&sandbox, VendorLanguage::Zh);
    let dir = tempfile::tempdir().expect("temp dir");
    let workspaces = Workspaces::new(dir.path());
    Setup {
        sandbox,
        profile,
        secrets,
        _dir: dir,
        workspaces,
        options: SyncOptions {
            first_sync_months: 7,
            concurrency: 1,
            now_ms: unix_now_ms(),
        },
    }
}

impl Setup {
    async fn sync(
        &self,
        progress: &(dyn Fn(SyncProgress) + Send + Sync),
    ) -> switchboard_core::sync::SyncReport {
        let mut reports = sync_profile(
            &self.workspaces,
            &self.profile,
            self.secrets.clone(),
            self.options,
            progress,
        )
        .await
        .expect("sync runs");
        reports.remove(0)
    }

    /// Ticket id → update time (whole seconds: the date-time dialect has no milliseconds).
    fn stored(&self) -> BTreeMap<String, i64> {
        let store = self.workspaces.store("p1").expect("store");
        let db = store.lock().expect("lock");
        let mut statement = db
            .connection()
            .prepare("SELECT ticket_id, updated_at_ms FROM tickets WHERE connection_id = 'sobot'")
            .expect("query");
        statement
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? / 1_000))
            })
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("tickets")
    }

    fn served(&self) -> BTreeMap<String, i64> {
        let now_ms = self.options.now_ms;
        self.sandbox.inspect(|world| {
            world
                .tickets
                .tickets
                .iter()
                .filter(|t| t.updated_ms < now_ms)
                .map(|t| (t.id().to_owned(), t.updated_ms / 1_000))
                .collect()
        })
    }

    fn assert_store_matches_sandbox(&self) {
        let served = self.served();
        assert!(served.len() > 20, "the small data set has tickets");
        assert_eq!(self.stored(), served);
    }
}

#[tokio::test]
async fn a_sync_killed_mid_way_resumes_with_the_pending_windows_and_ends_exact() {
    let setup = setup(21).await;
    let killed = Arc::new(tokio::sync::Notify::new());
    let first = {
        let signal = killed.clone();
        let progress = move |p: SyncProgress| {
            if p.windows_done == 2 {
                signal.notify_one();
            }
        };
        tokio::select! {
            report = setup.sync(&progress) => Some(report),
            () = killed.notified() => None,
        }
    };
    assert!(first.is_none(), "the sync was dropped after two windows");
    let partial = setup.stored().len();

    let resumed = setup.sync(&|_| {}).await;
    assert!(resumed.failures.is_empty(), "{resumed:?}");
    assert_eq!(resumed.synced_until_ms, Some(setup.options.now_ms));
    let windows_fetched = resumed.windows_fetched;
    let journal_after_resume = setup.sandbox.journal_for(LIST_PATH).len();
    setup.assert_store_matches_sandbox();
    assert!(partial <= setup.stored().len());

    // A fresh first sync of the same range plans every window again: the resumed one did less.
    let fresh = self::setup(21).await;
    let full = fresh.sync(&|_| {}).await;
    assert!(
        windows_fetched + 2 <= full.windows_fetched,
        "resumed {windows_fetched} windows of {}",
        full.windows_fetched
    );
    assert!(journal_after_resume > 0);
}

#[tokio::test]
async fn a_burst_of_5xx_leaves_windows_pending_and_the_next_sync_completes_exactly() {
    let setup = setup(22).await;
    // Three attempts per request: nine 503s fail three windows outright.
    setup.sandbox.add_fault(FaultRule::next(
        LIST_PATH,
        FaultKind::HttpStatus { status: 503 },
        9,
    ));
    let first = setup.sync(&|_| {}).await;
    assert!(!first.failures.is_empty(), "{first:?}");
    assert!(first.failures.iter().all(|(_, err)| err.retryable));
    assert_eq!(
        first.synced_until_ms, None,
        "the cursor waits for every window"
    );

    let second = setup.sync(&|_| {}).await;
    assert!(second.failures.is_empty(), "{second:?}");
    assert_eq!(second.windows_fetched, first.failures.len());
    assert_eq!(second.synced_until_ms, Some(setup.options.now_ms));
    setup.assert_store_matches_sandbox();
}

#[tokio::test]
async fn a_short_burst_of_5xx_is_absorbed_by_retries_within_one_sync() {
    let setup = setup(23).await;
    setup.sandbox.add_fault(FaultRule::next(
        LIST_PATH,
        FaultKind::HttpStatus { status: 502 },
        2,
    ));
    let report = setup.sync(&|_| {}).await;
    assert!(report.failures.is_empty(), "{report:?}");
    setup.assert_store_matches_sandbox();
}

#[tokio::test]
async fn a_token_that_expires_mid_sync_is_renewed_and_the_sync_ends_exact() {
    let setup = setup(24).await;
    let expired = AtomicBool::new(false);
    let sandbox = &setup.sandbox;
    let progress = |p: SyncProgress| {
        if p.windows_done == 2 && !expired.swap(true, Ordering::SeqCst) {
            sandbox.expire_token();
        }
    };
    let tokens_before = sandbox.tokens_issued();
    let report = setup.sync(&progress).await;
    assert!(expired.load(Ordering::SeqCst));
    assert!(report.failures.is_empty(), "{report:?}");
    assert_eq!(report.synced_until_ms, Some(setup.options.now_ms));
    assert!(
        sandbox.tokens_issued() > tokens_before + 1,
        "a new token replaced the expired one"
    );
    setup.assert_store_matches_sandbox();

    // And by the fault rule: the next list request finds its token expired.
    sandbox.add_fault(FaultRule::next(LIST_PATH, FaultKind::TokenExpiry, 1));
    let incremental = setup.sync(&|_| {}).await;
    assert!(incremental.failures.is_empty(), "{incremental:?}");
    setup.assert_store_matches_sandbox();
}
