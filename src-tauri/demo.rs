//! The demo workspace: the sandbox started in this process with demo data, and a profile that
//! connects to it. Its credentials are the sandbox's and live in memory, never in the keychain.

use sandbox::{Sandbox, SandboxConfig, SandboxError, Size};
use switchboard_core::profiles::{
    CallCenterConnection, Profile, SobotConnection, SobotRegion, TimeDialect, UdeskConnection,
    VendorLanguage,
};
use switchboard_core::secrets::{SecretError, SecretKey, SecretKind, SecretStore};
use vendor_http::Secret;

/// The demo profile's id (its secrets are routed to memory by this id).
pub const DEMO_PROFILE_ID: &str = "demo";

/// The seed of the demo data: every demo workspace shows the same tickets and customers.
const DEMO_SEED: u64 = 20_261_121;

/// The environment variable that sizes the demo data: `large` gives the Sobot connection 50,000
/// tickets (for measuring the app at a large tenant's scale, `scripts/bench-list-scroll.sh`);
/// unset or anything else gives the usual demo.
pub const DEMO_SIZE_VARIABLE: &str = "SWITCHBOARD_DEMO_SIZE";

/// The size of the demo data named by `value` (the variable's value, if set).
fn demo_size(value: Option<&str>) -> Size {
    match value.and_then(Size::parse) {
        Some(Size::Large) => Size::Large,
        _ => Size::Demo,
    }
}

/// The running sandbox and the profile that points at it.
#[derive(Debug)]
pub struct DemoWorkspace {
    /// Kept alive for the app's lifetime; dropping it stops the server.
    _sandbox: Sandbox,
    /// The profile connected to the sandbox.
    pub profile: Profile,
}

/// Why the demo workspace could not open.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The sandbox did not start.
    #[error("the demo sandbox could not start: {0}")]
    Sandbox(#[from] SandboxError),
    /// Its credentials could not be kept.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// Starts the sandbox with demo data and returns the demo profile, its secrets stored in
/// `secrets` (the in-memory store the demo profile is routed to).
pub async fn start(secrets: &dyn SecretStore) -> Result<DemoWorkspace, DemoError> {
    let size = demo_size(std::env::var(DEMO_SIZE_VARIABLE).ok().as_deref());
    let sandbox = Sandbox::start(SandboxConfig::new(DEMO_SEED, size)).await?;
    let info = sandbox.info().clone();
    let sobot = SobotConnection {
        id: "sobot".into(),
        region: SobotRegion::Custom(info.sobot.base_url.clone()),
        appid: info.sobot.appid.clone(),
        language: VendorLanguage::Zh,
        timezone_id: "Asia/Shanghai".into(),
        time_dialect: TimeDialect::DateTime,
    };
    secrets.set(
        &SecretKey::new(DEMO_PROFILE_ID, &sobot.id, SecretKind::AppKey),
        &Secret::new(info.sobot.app_key.clone()),
    )?;
    let mut udesk = Vec::new();
    if let Some(account) = &info.udesk {
        let connection = UdeskConnection {
            id: "udesk".into(),
            name: "Udesk".into(),
            base_url: account.base_url.clone(),
            email: account.email.clone(),
        };
        secrets.set(
            &SecretKey::new(DEMO_PROFILE_ID, &connection.id, SecretKind::ApiToken),
            &Secret::new(account.api_token.clone()),
        )?;
        udesk.push(connection);
    }
    let mut callcenter = None;
    if let Some(account) = &info.callcenter {
        let connection = CallCenterConnection {
            id: "callcenter".into(),
            base_url: account.base_url.clone(),
            app_id: account.app_id.clone(),
            agent_no: account.agent_no.clone(),
        };
        secrets.set(
            &SecretKey::new(DEMO_PROFILE_ID, &connection.id, SecretKind::AppSecret),
            &Secret::new(account.app_secret.clone()),
        )?;
        callcenter = Some(connection);
    }
    tracing::info!(sobot = %info.sobot.base_url, udesk = udesk.len(), "demo workspace opened");
    Ok(DemoWorkspace {
        _sandbox: sandbox,
        profile: Profile {
            id: DEMO_PROFILE_ID.into(),
            name: "Demo workspace".into(),
            sobot: Some(sobot),
            callcenter,
            udesk,
        },
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use switchboard_core::secrets::MemorySecretStore;
    use switchboard_core::store::tickets::ticket_ids;
    use switchboard_core::sync::SyncOptions;
    use switchboard_core::workspace::{Workspaces, sync_profile};

    use super::*;

    #[test]
    fn the_demo_is_large_only_when_asked_for_by_name() {
        assert_eq!(demo_size(None), Size::Demo);
        assert_eq!(demo_size(Some("large")), Size::Large);
        assert_eq!(demo_size(Some(" Large ")), Size::Large);
        assert_eq!(demo_size(Some("small")), Size::Demo);
        assert_eq!(demo_size(Some("huge")), Size::Demo);
    }

    #[tokio::test]
    async fn the_demo_workspace_syncs_exactly_the_sandboxs_tickets() {
        let secrets = Arc::new(MemorySecretStore::new());
        let demo = start(secrets.as_ref()).await.expect("demo opens");
        let dir = tempfile::tempdir().expect("temp dir");
        let workspaces = Workspaces::new(dir.path());
        let now_ms = switchboard_core::sync::unix_now_ms();
        let reports = sync_profile(
            &workspaces,
            &demo.profile,
            secrets,
            SyncOptions {
                first_sync_months: 7,
                concurrency: 3,
                now_ms,
            },
            &|_| {},
        )
        .await
        .expect("synced");
        for report in &reports {
            assert!(
                report.failures.is_empty(),
                "{}: {:?}",
                report.connection_id,
                report.failures
            );
        }
        let store = workspaces.store(DEMO_PROFILE_ID).expect("store");
        let stored: BTreeSet<String> =
            ticket_ids(store.lock().expect("lock").connection(), "sobot")
                .expect("ids")
                .into_iter()
                .collect();
        let served: BTreeSet<String> = demo._sandbox.inspect(|world| {
            world
                .tickets
                .tickets
                .iter()
                .filter(|t| t.updated_ms < now_ms)
                .map(|t| t.id().to_owned())
                .collect()
        });
        assert!(served.len() > 4_000, "demo data has about 5,000 tickets");
        assert_eq!(stored.len(), served.len());
        assert_eq!(stored, served);
        let udesk_stored: BTreeSet<String> =
            ticket_ids(store.lock().expect("lock").connection(), "udesk")
                .expect("ids")
                .into_iter()
                .collect();
        let udesk_served: BTreeSet<String> = demo._sandbox.inspect(|world| {
            world
                .udesk
                .tickets
                .iter()
                .map(|t| t.id.to_string())
                .collect()
        });
        assert!(
            udesk_served.len() > 900,
            "demo data has about 1,000 Udesk tickets"
        );
        assert_eq!(udesk_stored, udesk_served);
    }
}
