//! Profiles connected to a running sandbox, with their secrets in memory, for the integration
//! tests (each test file uses some of these).
#![allow(dead_code)]

use std::sync::Arc;

use sandbox::{Sandbox, SandboxConfig, Size};
use switchboard_core::profiles::{
    Profile, SobotConnection, SobotRegion, TimeDialect, UdeskConnection, VendorLanguage,
};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
use switchboard_core::store::ticket_rows::{self, TicketRow};
use switchboard_core::store::tickets::{TicketFilter, TicketPageRequest};
use switchboard_core::sync::{SyncOptions, unix_now_ms};
use switchboard_core::tickets::TicketDesk;
use switchboard_core::workspace::{Workspaces, sync_profile};
use vendor_http::Secret;

/// The profile id every test uses.
pub const PROFILE_ID: &str = "p1";

/// A profile with one Sobot connection (`sobot`) to the sandbox, messages in `language`.
pub fn sobot_profile(
    sandbox: &Sandbox,
    language: VendorLanguage,
) -> (Profile, Arc<MemorySecretStore>) {
    let info = sandbox.info().sobot.clone();
    let secrets = Arc::new(MemorySecretStore::new());
    secrets
        .set(
            &SecretKey::new(PROFILE_ID, "sobot", SecretKind::AppKey),
            &Secret::new(info.app_key),
        )
        .expect("secret");
    let profile = Profile {
        id: PROFILE_ID.into(),
        name: "Team".into(),
        sobot: Some(SobotConnection {
            id: "sobot".into(),
            region: SobotRegion::Custom(info.base_url),
            appid: info.appid,
            language,
            timezone_id: "Asia/Shanghai".into(),
            time_dialect: TimeDialect::DateTime,
        }),
        callcenter: None,
        udesk: Vec::new(),
    };
    (profile, secrets)
}

/// A profile with one Udesk connection (`udesk`) to the sandbox.
pub fn udesk_profile(sandbox: &Sandbox) -> (Profile, Arc<MemorySecretStore>) {
    let info = sandbox
        .info()
        .udesk
        .clone()
        .expect("the sandbox serves Udesk");
    let secrets = Arc::new(MemorySecretStore::new());
    secrets
        .set(
            &SecretKey::new(PROFILE_ID, "udesk", SecretKind::ApiToken),
            &Secret::new(info.api_token),
        )
        .expect("secret");
    let profile = Profile {
        id: PROFILE_ID.into(),
        name: "Team".into(),
        sobot: None,
        callcenter: None,
        udesk: vec![UdeskConnection {
            id: "udesk".into(),
            name: "Udesk".into(),
            base_url: info.base_url,
            email: info.email,
        }],
    };
    (profile, secrets)
}

/// A profile connected to a running sandbox and synced into a fresh workspace on disk.
pub struct Synced {
    /// The sandbox the profile is connected to.
    pub sandbox: Sandbox,
    /// The profile.
    pub profile: Profile,
    /// Its secrets.
    pub secrets: Arc<MemorySecretStore>,
    /// Where its database lives.
    pub workspaces: Workspaces,
    _dir: tempfile::TempDir,
}

impl Synced {
    /// `profile` with `secrets`, connected to `sandbox`, after a first sync of `months` months.
    pub async fn start(
        sandbox: Sandbox,
        (profile, secrets): (Profile, Arc<MemorySecretStore>),
        months: u32,
    ) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let workspaces = Workspaces::new(dir.path());
        let synced = Self {
            sandbox,
            profile,
            secrets,
            workspaces,
            _dir: dir,
        };
        synced.sync(months).await;
        synced
    }

    /// A Sobot profile (messages in `language`) on a fresh small sandbox seeded with `seed`,
    /// after a first sync of `months` months.
    pub async fn sobot(seed: u64, language: VendorLanguage, months: u32) -> Self {
        let sandbox = Sandbox::start(SandboxConfig::new(seed, Size::Small))
            .await
            .expect("sandbox");
        let profile = sobot_profile(&sandbox, language);
        Self::start(sandbox, profile, months).await
    }

    /// Syncs the profile (a first sync of `months` months, or incrementally after one).
    pub async fn sync(&self, months: u32) {
        let options = SyncOptions {
            first_sync_months: months,
            concurrency: 2,
            now_ms: unix_now_ms(),
        };
        sync_profile(
            &self.workspaces,
            &self.profile,
            self.secrets.clone(),
            options,
            &|_| {},
        )
        .await
        .expect("synced");
    }

    /// Ticket work in the profile.
    pub fn desk(&self) -> TicketDesk<'_> {
        TicketDesk::new(&self.workspaces, self.profile.clone(), self.secrets.clone())
    }

    /// The cached tickets matching `filter`, newest first (at most 500).
    pub fn cached(&self, filter: TicketFilter) -> Vec<TicketRow> {
        let store = self.workspaces.store(PROFILE_ID).expect("store");
        let db = store.lock().expect("lock");
        let request = TicketPageRequest {
            filter,
            limit: 500,
            ..Default::default()
        };
        ticket_rows::query_rows(db.connection(), &request).expect("rows")
    }
}
