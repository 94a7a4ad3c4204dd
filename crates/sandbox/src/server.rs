//! Starting the server in-process: [`Sandbox::start`] binds, seeds and serves until
//! [`Sandbox::shutdown`] (or drop).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::Router;
use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::app::{App, RateWindow, Shared, lock};
use crate::callcenter::auth::CcTokens;
use crate::callcenter::idempotency::IdempotencyCache;
use crate::clock::{UTC8, now_ms, start_of_day};
use crate::config::{SandboxConfig, Size};
use crate::faults::{ActiveFault, FaultRule, Faults};
use crate::journal::{Journal, JournalEntry};
use crate::sobot::auth::Tokens;
use crate::state::World;
use crate::udesk::auth::UdeskGuard;

/// What a Sobot v5 client needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SobotInfo {
    /// Base URL without a trailing slash; the API is under `/api/...` as documented.
    pub base_url: String,
    /// The credential ID.
    pub appid: String,
    /// The secret.
    pub app_key: String,
}

/// What a Sobot call center (V6) client needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallCenterInfo {
    /// Base URL without a trailing slash: give it to `sobot::callcenter::CallCenterHost::Custom`
    /// as is; the API is under `/callservice/v6/...` and the tokens under `/tokens/...`.
    pub base_url: String,
    /// The application id (`appId`).
    pub app_id: String,
    /// The application secret.
    pub app_secret: String,
    /// The work number of a seeded agent (for agent tokens and the agent-side calls).
    pub agent_no: String,
}

/// What a Udesk client needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UdeskInfo {
    /// The tenant base URL **without** `/open_api_v1`: the `udesk` client's
    /// `UdeskConfig::base_url` appends `/open_api_v1/` itself, so this value works verbatim.
    pub base_url: String,
    /// The super administrator's email.
    pub email: String,
    /// The API token (`open_api_auth_token`) requests are signed with.
    pub api_token: String,
}

/// Everything a client needs to reach the sandbox: the first line the binary prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionInfo {
    /// Sobot v5 (Ticket and CRM).
    pub sobot: SobotInfo,
    /// Sobot call center V6.
    pub callcenter: Option<CallCenterInfo>,
    /// Udesk (ticket Open API).
    pub udesk: Option<UdeskInfo>,
    /// The admin API's base URL (`.../__sandbox`).
    pub admin_url: String,
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The operating-system error.
        source: std::io::Error,
    },
}

/// A running sandbox. Dropping it stops the server.
#[derive(Debug)]
pub struct Sandbox {
    app: App,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

fn router(app: App) -> Router {
    let vendor = crate::sobot::router()
        .merge(crate::udesk::router())
        .merge(crate::callcenter::router(app.clone()))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            crate::gate::gate,
        ));
    Router::new()
        .merge(vendor)
        .nest("/__sandbox", crate::admin::router())
        .with_state(app)
}

impl Sandbox {
    /// Seeds the world, binds `config.ip:config.port` (0 picks a free port) and serves in the
    /// background of the current Tokio runtime.
    pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        let addr = SocketAddr::new(config.ip, config.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| SandboxError::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| SandboxError::Bind { addr, source })?;
        let anchor = config
            .anchor_ms
            .unwrap_or_else(|| start_of_day(now_ms(), UTC8));
        let base = format!("http://{addr}");
        let info = ConnectionInfo {
            sobot: SobotInfo {
                base_url: base.clone(),
                appid: config.sobot.appid.clone(),
                app_key: config.sobot.app_key.clone(),
            },
            callcenter: Some(CallCenterInfo {
                base_url: base.clone(),
                app_id: config.callcenter.app_id.clone(),
                app_secret: config.callcenter.app_secret.clone(),
                agent_no: config.callcenter.agent_no.clone(),
            }),
            udesk: Some(UdeskInfo {
                base_url: base.clone(),
                email: config.udesk.email.clone(),
                api_token: config.udesk.api_token.clone(),
            }),
            admin_url: format!("{base}/__sandbox"),
        };
        let mut world = crate::seed::generate(config.seed, config.size, anchor);
        crate::samples::link_samples(&mut world, &info.admin_url);
        let app: App = Arc::new(Shared {
            tokens: Mutex::new(Tokens::new(config.seed, config.token_ttl)),
            cc_tokens: Mutex::new(CcTokens::new(config.seed, config.token_ttl)),
            config,
            info,
            world: RwLock::new(world),
            faults: Mutex::new(Faults::default()),
            journal: Mutex::new(Journal::default()),
            rate: Mutex::new(RateWindow::default()),
            files: Mutex::new(HashMap::new()),
            udesk_guard: Mutex::new(UdeskGuard::default()),
            idempotency: Mutex::new(IdempotencyCache::default()),
        });
        let (stop, stopped) = oneshot::channel::<()>();
        let service = router(app.clone());
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, service)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
            if let Err(error) = served {
                tracing::error!(%error, "the sandbox server stopped");
            }
        });
        tracing::info!(%addr, "sandbox listening");
        Ok(Sandbox {
            app,
            addr,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The address served.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URLs and credentials.
    pub fn info(&self) -> &ConnectionInfo {
        &self.app.info
    }

    /// The Sobot v5 base URL (no trailing slash).
    pub fn sobot_base_url(&self) -> &str {
        &self.app.info.sobot.base_url
    }

    /// The admin API's base URL.
    pub fn admin_url(&self) -> &str {
        &self.app.info.admin_url
    }

    /// Installs a fault rule; returns its ID.
    pub fn add_fault(&self, rule: FaultRule) -> u64 {
        lock(&self.app.faults).add(rule)
    }

    /// The installed fault rules.
    pub fn faults(&self) -> Vec<ActiveFault> {
        lock(&self.app.faults).list()
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        lock(&self.app.faults).clear();
    }

    /// Every journaled request (oldest first).
    pub fn journal(&self) -> Vec<JournalEntry> {
        lock(&self.app.journal).query(None, 0, usize::MAX)
    }

    /// The journaled requests whose path starts with `path`.
    pub fn journal_for(&self, path: &str) -> Vec<JournalEntry> {
        lock(&self.app.journal).query(Some(path), 0, usize::MAX)
    }

    /// Forgets the journal.
    pub fn clear_journal(&self) {
        lock(&self.app.journal).clear();
    }

    /// Restores the seeded data (and clears faults, the journal and uploads; tokens stay valid).
    pub fn reset(&self) {
        let (seed, size, anchor) = {
            let world = self.app.read();
            (world.seed, world.size, world.anchor_ms)
        };
        self.app.reseed(seed, size, anchor);
    }

    /// Regenerates the data from another seed and size (same anchor).
    pub fn reseed(&self, seed: u64, size: Size) {
        let anchor = self.app.read().anchor_ms;
        self.app.reseed(seed, size, anchor);
    }

    /// Expires the current Sobot token and every call-center token now.
    pub fn expire_token(&self) {
        lock(&self.app.tokens).expire();
        lock(&self.app.cc_tokens).expire();
    }

    /// Sets the lifetime of Sobot and call-center tokens issued from now on.
    pub fn set_token_ttl(&self, ttl: Duration) {
        lock(&self.app.tokens).set_ttl(ttl);
        lock(&self.app.cc_tokens).set_ttl(ttl);
    }

    /// How many call-center tokens (company and agent) were issued so far.
    pub fn callcenter_tokens_issued(&self) -> u64 {
        lock(&self.app.cc_tokens).issued()
    }

    /// How many `Idempotency-Key` answers the call center keeps.
    pub fn idempotency_keys(&self) -> usize {
        lock(&self.app.idempotency).len()
    }

    /// The bytes of a file the sandbox serves under `/__sandbox/files/{id}` (uploads, import
    /// error reports).
    pub fn file(&self, id: &str) -> Option<Vec<u8>> {
        lock(&self.app.files).get(id).map(|f| f.bytes.to_vec())
    }

    /// How many Sobot tokens were issued so far.
    pub fn tokens_issued(&self) -> u64 {
        lock(&self.app.tokens).issued()
    }

    /// Reads the world (for tests and tools that check what the API changed).
    pub fn inspect<R>(&self, read: impl FnOnce(&World) -> R) -> R {
        read(&self.app.read())
    }

    /// Stops serving and waits for the server to finish.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
