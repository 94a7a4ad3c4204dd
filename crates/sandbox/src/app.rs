//! The state shared by every request: the world, tokens, faults, the journal, uploads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::callcenter::auth::CcTokens;
use crate::callcenter::idempotency::IdempotencyCache;
use crate::config::{SandboxConfig, Size};
use crate::faults::Faults;
use crate::journal::Journal;
use crate::server::ConnectionInfo;
use crate::sobot::auth::Tokens;
use crate::state::World;
use crate::udesk::auth::UdeskGuard;

/// An uploaded attachment, served back under `/__sandbox/files/{id}`.
#[derive(Debug, Clone)]
pub(crate) struct StoredFile {
    /// The file name as uploaded.
    pub name: String,
    /// The bytes.
    pub bytes: bytes::Bytes,
}

/// Requests counted in the current second (the optional rate limit).
#[derive(Debug, Default)]
pub(crate) struct RateWindow {
    pub second: i64,
    pub count: u32,
}

/// Everything a handler can reach.
#[derive(Debug)]
pub(crate) struct Shared {
    pub config: SandboxConfig,
    pub info: ConnectionInfo,
    pub world: RwLock<World>,
    pub tokens: Mutex<Tokens>,
    pub faults: Mutex<Faults>,
    pub journal: Mutex<Journal>,
    pub rate: Mutex<RateWindow>,
    pub files: Mutex<HashMap<String, StoredFile>>,
    /// Used Udesk nonces and the Udesk rate-limit allowance.
    pub udesk_guard: Mutex<UdeskGuard>,
    /// The call center's issued tokens.
    pub cc_tokens: Mutex<CcTokens>,
    /// The call center's kept `Idempotency-Key` answers.
    pub idempotency: Mutex<IdempotencyCache>,
}

/// The handle handlers get.
pub(crate) type App = Arc<Shared>;

/// Locks a mutex, recovering the data if a panicking thread poisoned it.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// The world, for reading.
    pub fn read(&self) -> RwLockReadGuard<'_, World> {
        self.world.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The world, for changing.
    pub fn write(&self) -> RwLockWriteGuard<'_, World> {
        self.world.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Regenerates the world from `seed`, `size` and `anchor_ms`, and clears faults, the journal
    /// and uploads. Issued tokens stay valid.
    pub fn reseed(&self, seed: u64, size: Size, anchor_ms: i64) {
        let mut world = crate::seed::generate(seed, size, anchor_ms);
        crate::samples::link_samples(&mut world, &self.info.admin_url);
        *self.write() = world;
        lock(&self.faults).clear();
        lock(&self.journal).clear();
        lock(&self.files).clear();
        lock(&self.idempotency).clear();
    }
}
