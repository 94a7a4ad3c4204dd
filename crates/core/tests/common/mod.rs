//! Profiles connected to a running sandbox, with their secrets in memory, for the integration
//! tests (each test file uses some of these).
#![allow(dead_code)]

use std::sync::Arc;

use sandbox::Sandbox;
use switchboard_core::profiles::{
    Profile, SobotConnection, SobotRegion, TimeDialect, UdeskConnection, VendorLanguage,
};
use switchboard_core::secrets::{MemorySecretStore, SecretKey, SecretKind, SecretStore};
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
