//! The v5 token broker: one token per credential, shared by every caller and every process.
//!
//! Every `get_token` call invalidates the previous token (000:22-30), so the broker:
//! * refreshes single-flight (concurrent callers wait for one `get_token`);
//! * refreshes proactively, a margin before `expires_in` runs out;
//! * refreshes reactively at most once per request, and only if nobody else already replaced the
//!   rejected token;
//! * keeps the token in a [`TokenStore`], so the app and the CLI share one instead of rotating
//!   each other's out.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use futures::future::BoxFuture;
use vendor_http::{Clock, Retryable, Secret};

use crate::error::{Error, Result};

/// A token and the wall-clock time it stops being valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// The token.
    pub token: Secret,
    /// When Sobot will stop accepting it.
    pub expires_at: SystemTime,
}

impl StoredToken {
    /// A token expiring at `expires_at_unix_millis` (as persisted by a [`TokenStore`]).
    pub fn from_unix_millis(token: Secret, expires_at_unix_millis: i64) -> Self {
        let millis = u64::try_from(expires_at_unix_millis).unwrap_or(0);
        Self {
            token,
            expires_at: SystemTime::UNIX_EPOCH + Duration::from_millis(millis),
        }
    }

    /// The expiry in milliseconds since the Unix epoch, for persisting.
    pub fn expires_at_unix_millis(&self) -> i64 {
        self.expires_at
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}

/// A token as `get_token` returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedToken {
    /// The token.
    pub token: Secret,
    /// Its lifetime as of issue.
    pub expires_in: Duration,
}

/// A failure of the persistent token store.
#[derive(Debug, Clone, thiserror::Error)]
#[error("token store: {0}")]
pub struct TokenStoreError(pub String);

/// Where a credential's token is kept between calls and between processes (the app keeps it in
/// the OS keychain next to the app key). One store per credential (appid).
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// The stored token, if any.
    fn load(&self) -> Result<Option<StoredToken>, TokenStoreError>;
    /// Replaces the stored token.
    fn save(&self, token: &StoredToken) -> Result<(), TokenStoreError>;
    /// Forgets the stored token.
    fn clear(&self) -> Result<(), TokenStoreError>;
}

/// A token store in process memory (tests, and processes that need not share).
#[derive(Debug, Default, Clone)]
pub struct MemoryTokenStore {
    token: Arc<Mutex<Option<StoredToken>>>,
}

impl TokenStore for MemoryTokenStore {
    fn load(&self) -> Result<Option<StoredToken>, TokenStoreError> {
        Ok(self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone())
    }

    fn save(&self, token: &StoredToken) -> Result<(), TokenStoreError> {
        *self.token.lock().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        Ok(())
    }

    fn clear(&self) -> Result<(), TokenStoreError> {
        *self.token.lock().unwrap_or_else(PoisonError::into_inner) = None;
        Ok(())
    }
}

/// Something that issues new tokens (the real one calls `get_token`).
pub trait TokenSource: Send + Sync {
    /// Issues a new token (and so invalidates the previous one).
    fn issue(&self) -> BoxFuture<'_, Result<IssuedToken>>;
}

/// Hands out the current token, refreshing it when needed; share one per credential.
pub struct TokenBroker {
    source: Arc<dyn TokenSource>,
    store: Arc<dyn TokenStore>,
    clock: Arc<dyn Clock>,
    margin: Duration,
    current: tokio::sync::Mutex<Option<StoredToken>>,
    /// Counts finished `get_token` attempts, so callers that queued behind a failed attempt
    /// share its failure instead of each calling `get_token` again.
    attempts: std::sync::atomic::AtomicU64,
    last_failure: Mutex<Option<(u64, String, bool)>>,
}

impl fmt::Debug for TokenBroker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenBroker")
            .field("store", &self.store)
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}

impl TokenBroker {
    /// A broker that refreshes `margin` before expiry (at most half the token's lifetime).
    pub fn new(
        source: Arc<dyn TokenSource>,
        store: Arc<dyn TokenStore>,
        clock: Arc<dyn Clock>,
        margin: Duration,
    ) -> Self {
        Self {
            source,
            store,
            clock,
            margin,
            current: tokio::sync::Mutex::new(None),
            attempts: std::sync::atomic::AtomicU64::new(0),
            last_failure: Mutex::new(None),
        }
    }

    /// A token valid for at least the refresh margin, from memory, the store, or `get_token`.
    pub async fn token(&self) -> Result<Secret> {
        let seen = self.attempts.load(std::sync::atomic::Ordering::SeqCst);
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref().filter(|t| self.is_fresh(t)) {
            return Ok(token.token.clone());
        }
        if let Some(stored) = self.load_store().filter(|t| self.is_fresh(t)) {
            let token = stored.token.clone();
            *current = Some(stored);
            return Ok(token);
        }
        self.shared_failure_since(seen)?;
        self.issue_into(&mut current).await
    }

    /// Called when Sobot rejected `rejected` as blank or expired: returns a different token,
    /// issuing a new one only if no other caller (or process) already did.
    pub async fn refresh_rejected(&self, rejected: &Secret) -> Result<Secret> {
        let seen = self.attempts.load(std::sync::atomic::Ordering::SeqCst);
        let mut current = self.current.lock().await;
        if let Some(token) = current
            .as_ref()
            .filter(|t| &t.token != rejected && self.is_fresh(t))
        {
            return Ok(token.token.clone());
        }
        if let Some(stored) = self
            .load_store()
            .filter(|t| &t.token != rejected && self.is_fresh(t))
        {
            let token = stored.token.clone();
            *current = Some(stored);
            return Ok(token);
        }
        self.shared_failure_since(seen)?;
        self.issue_into(&mut current).await
    }

    /// Forgets the token in memory and in the store.
    pub async fn invalidate(&self) {
        *self.current.lock().await = None;
        if let Err(error) = self.store.clear() {
            tracing::warn!(%error, "could not clear the stored Sobot token");
        }
    }

    fn is_fresh(&self, token: &StoredToken) -> bool {
        self.clock.now() + self.margin < token.expires_at
    }

    fn load_store(&self) -> Option<StoredToken> {
        self.store.load().unwrap_or_else(|error| {
            tracing::warn!(%error, "could not read the stored Sobot token");
            None
        })
    }

    /// Fails with the outcome of a `get_token` attempt that finished while this caller waited
    /// for the lock, if that attempt failed.
    fn shared_failure_since(&self, seen: u64) -> Result<()> {
        let failure = self
            .last_failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match failure {
            Some((attempt, message, retryable)) if attempt > seen => {
                Err(Error::TokenUnavailable { message, retryable })
            }
            _ => Ok(()),
        }
    }

    async fn issue_into(&self, current: &mut Option<StoredToken>) -> Result<Secret> {
        let outcome = self.source.issue().await;
        let attempt = self
            .attempts
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            + 1;
        let issued = match outcome {
            Ok(issued) => {
                *self
                    .last_failure
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = None;
                issued
            }
            Err(error) => {
                *self
                    .last_failure
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) =
                    Some((attempt, error.to_string(), error.is_retryable()));
                return Err(error);
            }
        };
        // A margin larger than half the lifetime would refresh on every call.
        let lifetime = issued.expires_in;
        let stored = StoredToken {
            token: issued.token,
            expires_at: self.clock.now() + lifetime,
        };
        if self.margin >= lifetime / 2 {
            tracing::warn!(
                ?lifetime,
                margin = ?self.margin,
                "Sobot token lifetime is shorter than twice the refresh margin"
            );
        }
        if let Err(error) = self.store.save(&stored) {
            tracing::warn!(%error, "could not persist the Sobot token");
        }
        let token = stored.token.clone();
        *current = Some(stored);
        tracing::debug!(?lifetime, "issued a new Sobot token");
        Ok(token)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use vendor_http::ManualClock;

    use super::*;

    struct CountingSource {
        issued: AtomicUsize,
        lifetime: Duration,
    }

    impl TokenSource for CountingSource {
        fn issue(&self) -> BoxFuture<'_, Result<IssuedToken>> {
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                let n = self.issued.fetch_add(1, Ordering::SeqCst) + 1;
                Ok(IssuedToken {
                    token: Secret::new(format!("token-{n}")),
                    expires_in: self.lifetime,
                })
            })
        }
    }

    fn broker(
        clock: &ManualClock,
        store: Arc<dyn TokenStore>,
    ) -> (Arc<TokenBroker>, Arc<CountingSource>) {
        let source = Arc::new(CountingSource {
            issued: AtomicUsize::new(0),
            lifetime: Duration::from_secs(86_400),
        });
        let broker = TokenBroker::new(
            source.clone(),
            store,
            Arc::new(clock.clone()),
            Duration::from_secs(300),
        );
        (Arc::new(broker), source)
    }

    #[tokio::test(start_paused = true)]
    async fn thirty_two_concurrent_callers_cause_exactly_one_issue() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let (broker, source) = broker(&clock, Arc::new(MemoryTokenStore::default()));
        let callers: Vec<_> = (0..32)
            .map(|_| {
                let broker = broker.clone();
                tokio::spawn(async move { broker.token().await })
            })
            .collect();
        for caller in callers {
            let token = caller.await.expect("task").expect("token");
            assert_eq!(token.expose(), "token-1");
        }
        assert_eq!(source.issued.load(Ordering::SeqCst), 1);
    }

    struct FailingSource {
        calls: AtomicUsize,
    }

    impl TokenSource for FailingSource {
        fn issue(&self) -> BoxFuture<'_, Result<IssuedToken>> {
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                self.calls.fetch_add(1, Ordering::SeqCst);
                Err(Error::from_vendor("900003", "sign error"))
            })
        }
    }

    #[tokio::test(start_paused = true)]
    async fn callers_queued_behind_a_failed_issue_share_its_failure() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let source = Arc::new(FailingSource {
            calls: AtomicUsize::new(0),
        });
        let broker = Arc::new(TokenBroker::new(
            source.clone(),
            Arc::new(MemoryTokenStore::default()),
            Arc::new(clock),
            Duration::from_secs(300),
        ));
        let callers: Vec<_> = (0..8)
            .map(|_| {
                let broker = broker.clone();
                tokio::spawn(async move { broker.token().await })
            })
            .collect();
        for caller in callers {
            assert!(caller.await.expect("task").is_err());
        }
        assert_eq!(source.calls.load(Ordering::SeqCst), 1);
        // A later call tries again.
        assert!(broker.token().await.is_err());
        assert_eq!(source.calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn the_token_is_refreshed_proactively_within_the_margin_of_expiry() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let (broker, source) = broker(&clock, Arc::new(MemoryTokenStore::default()));
        assert_eq!(broker.token().await.expect("first").expose(), "token-1");
        clock.advance(Duration::from_secs(86_400 - 301));
        assert_eq!(
            broker.token().await.expect("still fresh").expose(),
            "token-1"
        );
        clock.advance(Duration::from_secs(2));
        assert_eq!(broker.token().await.expect("refreshed").expose(), "token-2");
        assert_eq!(source.issued.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_rejections_of_the_same_token_cause_one_refresh() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let (broker, source) = broker(&clock, Arc::new(MemoryTokenStore::default()));
        let rejected = broker.token().await.expect("first");
        let callers: Vec<_> = (0..8)
            .map(|_| {
                let broker = broker.clone();
                let rejected = rejected.clone();
                tokio::spawn(async move { broker.refresh_rejected(&rejected).await })
            })
            .collect();
        for caller in callers {
            assert_eq!(
                caller.await.expect("task").expect("token").expose(),
                "token-2"
            );
        }
        assert_eq!(source.issued.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn a_token_saved_by_another_process_is_used_instead_of_issuing() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let store = Arc::new(MemoryTokenStore::default());
        store
            .save(&StoredToken {
                token: Secret::new("from-the-cli"),
                expires_at: clock.now() + Duration::from_secs(3_600),
            })
            .expect("save");
        let (broker, source) = broker(&clock, store.clone());
        assert_eq!(
            broker.token().await.expect("token").expose(),
            "from-the-cli"
        );
        assert_eq!(source.issued.load(Ordering::SeqCst), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn a_rejected_token_is_replaced_by_a_newer_stored_one_without_issuing() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let store = Arc::new(MemoryTokenStore::default());
        let (broker, source) = broker(&clock, store.clone());
        let ours = broker.token().await.expect("first");
        // The CLI refreshed: our token is now invalid, its token is in the shared store.
        store
            .save(&StoredToken {
                token: Secret::new("cli-token"),
                expires_at: clock.now() + Duration::from_secs(86_400),
            })
            .expect("save");
        let next = broker.refresh_rejected(&ours).await.expect("refresh");
        assert_eq!(next.expose(), "cli-token");
        assert_eq!(source.issued.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn stored_tokens_round_trip_through_unix_millis() {
        let token = StoredToken::from_unix_millis(Secret::new("t"), 1_700_000_000_123);
        assert_eq!(token.expires_at_unix_millis(), 1_700_000_000_123);
    }

    #[tokio::test(start_paused = true)]
    async fn issued_tokens_are_persisted_to_the_store() {
        let clock = ManualClock::at_unix_seconds(1_700_000_000);
        let store = Arc::new(MemoryTokenStore::default());
        let (broker, _) = broker(&clock, store.clone());
        broker.token().await.expect("token");
        let stored = store.load().expect("load").expect("saved");
        assert_eq!(stored.token.expose(), "token-1");
        assert_eq!(stored.expires_at, clock.now() + Duration::from_secs(86_400));
        broker.invalidate().await;
        assert!(store.load().expect("load").is_none());
    }
}
