//! The profile settings form as it crosses IPC, and its conversion to and from core profiles.

use serde::{Deserialize, Serialize};
use switchboard_core::profiles::{
    self, CallCenterConnection, FieldError, FieldProblem, Profile, SobotConnection, SobotRegion,
    TimeDialect, UdeskConnection, VendorLanguage,
};
use switchboard_core::secrets::{SecretError, SecretKey, SecretKind, SecretStore};
use vendor_http::Secret;

/// Which Sobot host a connection uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SobotRegionKind {
    /// www.sobot.com
    China,
    /// sg.sobot.io
    Singapore,
    /// us.sobot.com
    UnitedStates,
    /// `customBaseUrl`
    Custom,
}

/// A Sobot v5 connection as the settings form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SobotForm {
    /// Stable id; empty for a new connection.
    pub id: String,
    /// Region preset or custom.
    pub region: SobotRegionKind,
    /// Base URL when `region` is custom.
    pub custom_base_url: String,
    /// The appid.
    pub appid: String,
    /// A new app key to store; null keeps the stored one. Never sent back.
    pub app_key: Option<String>,
    /// Whether an app key is stored.
    pub has_app_key: bool,
    /// `zh` or `en`.
    pub language: String,
    /// IANA time zone, such as `Asia/Shanghai`.
    pub timezone_id: String,
    /// `epochMillis` or `dateTime`.
    pub time_dialect: String,
}

/// A Sobot call-center connection as the settings form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallCenterForm {
    /// Stable id; empty for a new connection.
    pub id: String,
    /// Base URL.
    pub base_url: String,
    /// The appId.
    pub app_id: String,
    /// A new app secret to store; null keeps the stored one. Never sent back.
    pub app_secret: Option<String>,
    /// Whether an app secret is stored.
    pub has_app_secret: bool,
    /// Agent work number for agent-token calls.
    pub agent_no: String,
}

/// A Udesk account as the settings form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UdeskForm {
    /// Stable id; empty for a new account.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Base URL, such as `https://demo.udesk.cn`.
    pub base_url: String,
    /// Admin email.
    pub email: String,
    /// A new API token to store; null keeps the stored one. Never sent back.
    pub api_token: Option<String>,
    /// Whether an API token is stored.
    pub has_api_token: bool,
}

/// A profile as the settings form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileForm {
    /// Stable id; empty for a new profile.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The Sobot v5 connection, if any.
    pub sobot: Option<SobotForm>,
    /// The call-center connection, if any.
    pub callcenter: Option<CallCenterForm>,
    /// Udesk accounts.
    pub udesk: Vec<UdeskForm>,
    /// Set when the OS keychain could not be read (locked, missing): the `has*` flags are then
    /// unknown rather than "not stored". What the keychain said, never a secret. Ignored on save.
    pub keychain_error: Option<String>,
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FieldIssueKind {
    /// Nothing entered.
    Required,
    /// Not an http(s) URL.
    NotAUrl,
    /// Not an email address.
    NotAnEmail,
    /// Used by another entry.
    Duplicate,
    /// Not one of the allowed values.
    NotAllowed,
}

/// A field the form must fix before saving, by its path (`sobot.appid`, `udesk[1].email`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldIssue {
    /// The field's path.
    pub field: String,
    /// What is wrong.
    pub issue: FieldIssueKind,
}

/// The kind of problem a connection test found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ConnectionProblemKind {
    /// The host did not answer.
    HostUnreachable,
    /// TLS failed.
    Tls,
    /// Too slow.
    Timeout,
    /// Credential rejected.
    BadCredential,
    /// Signature rejected.
    SignatureRejected,
    /// No API access in the plan.
    NoApiAccess,
    /// No API configured.
    NotConfigured,
    /// Clock differs from the vendor's.
    ClockSkew,
    /// Rate limited.
    RateLimited,
    /// Not this vendor's API.
    UnexpectedAnswer,
    /// A vendor business error.
    Vendor,
    /// The secret is not stored.
    MissingSecret,
}

/// The outcome of "test connection".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTest {
    /// Whether the credential works.
    pub ok: bool,
    /// What failed, when it did not.
    pub problem: Option<ConnectionProblemKind>,
    /// The vendor's code, when it sent one.
    pub vendor_code: Option<String>,
    /// What was said (vendor message or error), never a secret.
    pub message: String,
}

fn issue(field: impl Into<String>, issue: FieldIssueKind) -> FieldIssue {
    FieldIssue {
        field: field.into(),
        issue,
    }
}

/// Converts the form into the stored profile, collecting fields that cannot be converted.
fn to_profile(form: &ProfileForm, issues: &mut Vec<FieldIssue>) -> Profile {
    let new_id = |prefix: &str, existing: &str| {
        if existing.trim().is_empty() {
            format!(
                "{prefix}-{:x}",
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0)
            )
        } else {
            existing.trim().to_owned()
        }
    };
    let sobot = form.sobot.as_ref().map(|s| SobotConnection {
        id: new_id("sobot", &s.id),
        region: match s.region {
            SobotRegionKind::China => SobotRegion::China,
            SobotRegionKind::Singapore => SobotRegion::Singapore,
            SobotRegionKind::UnitedStates => SobotRegion::UnitedStates,
            SobotRegionKind::Custom => SobotRegion::Custom(s.custom_base_url.trim().to_owned()),
        },
        appid: s.appid.trim().to_owned(),
        language: match s.language.as_str() {
            "en" => VendorLanguage::En,
            "zh" => VendorLanguage::Zh,
            _ => {
                issues.push(issue("sobot.language", FieldIssueKind::NotAllowed));
                VendorLanguage::Zh
            }
        },
        timezone_id: s.timezone_id.trim().to_owned(),
        time_dialect: match s.time_dialect.as_str() {
            "epochMillis" => TimeDialect::EpochMillis,
            "dateTime" => TimeDialect::DateTime,
            _ => {
                issues.push(issue("sobot.timeDialect", FieldIssueKind::NotAllowed));
                TimeDialect::DateTime
            }
        },
    });
    let callcenter = form.callcenter.as_ref().map(|c| CallCenterConnection {
        id: new_id("callcenter", &c.id),
        base_url: c.base_url.trim().to_owned(),
        app_id: c.app_id.trim().to_owned(),
        agent_no: c.agent_no.trim().to_owned(),
    });
    let udesk = form
        .udesk
        .iter()
        .enumerate()
        .map(|(index, u)| UdeskConnection {
            id: new_id(&format!("udesk{index}"), &u.id),
            name: u.name.trim().to_owned(),
            base_url: u.base_url.trim().to_owned(),
            email: u.email.trim().to_owned(),
        })
        .collect();
    Profile {
        id: new_id("profile", &form.id),
        name: form.name.trim().to_owned(),
        sobot,
        callcenter,
        udesk,
    }
}

/// A core field error as the form names it.
pub(crate) fn field_issue(error: &FieldError) -> FieldIssue {
    // Core names fields in snake_case; the form uses camelCase.
    let field = error
        .field
        .replace("timezone_id", "timezoneId")
        .replace("base_url", "baseUrl")
        .replace("app_id", "appId")
        .replace("agent_no", "agentNo");
    let field = if field == "sobot.region" {
        "sobot.customBaseUrl".to_owned()
    } else {
        field
    };
    issue(
        field,
        match error.problem {
            FieldProblem::Required => FieldIssueKind::Required,
            FieldProblem::NotAUrl => FieldIssueKind::NotAUrl,
            FieldProblem::NotAnEmail => FieldIssueKind::NotAnEmail,
            FieldProblem::Duplicate => FieldIssueKind::Duplicate,
        },
    )
}

/// The secrets the form provides, and issues for connections that have none at all.
fn secrets_of(
    form: &ProfileForm,
    profile: &Profile,
    store: &dyn SecretStore,
    issues: &mut Vec<FieldIssue>,
) -> Result<Vec<(SecretKey, Secret)>, SecretError> {
    let mut provided = Vec::new();
    let mut take = |field: String,
                    connection_id: &str,
                    kind: SecretKind,
                    value: &Option<String>|
     -> Result<(), SecretError> {
        let key = SecretKey::new(&profile.id, connection_id, kind);
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(value) => provided.push((key, Secret::new(value))),
            None if store.get(&key)?.is_none() => {
                issues.push(issue(field, FieldIssueKind::Required))
            }
            None => {}
        }
        Ok(())
    };
    if let (Some(form), Some(conn)) = (&form.sobot, &profile.sobot) {
        take(
            "sobot.appKey".into(),
            &conn.id,
            SecretKind::AppKey,
            &form.app_key,
        )?;
    }
    if let (Some(form), Some(conn)) = (&form.callcenter, &profile.callcenter) {
        take(
            "callcenter.appSecret".into(),
            &conn.id,
            SecretKind::AppSecret,
            &form.app_secret,
        )?;
    }
    for (index, (form, conn)) in form.udesk.iter().zip(&profile.udesk).enumerate() {
        take(
            format!("udesk[{index}].apiToken"),
            &conn.id,
            SecretKind::ApiToken,
            &form.api_token,
        )?;
    }
    Ok(provided)
}

/// A form converted and checked: the profile, the secrets it provides, what must be fixed.
pub(crate) struct Checked {
    /// The profile to store.
    pub profile: Profile,
    /// New secrets the form provides.
    pub secrets: Vec<(SecretKey, Secret)>,
    /// Fields to fix; empty when it can be saved.
    pub issues: Vec<FieldIssue>,
}

/// Converts and checks a form against the stored secrets.
pub(crate) fn check(form: &ProfileForm, store: &dyn SecretStore) -> Result<Checked, SecretError> {
    let mut issues = Vec::new();
    let profile = to_profile(form, &mut issues);
    issues.extend(profiles::validate(&profile).iter().map(field_issue));
    let secrets = secrets_of(form, &profile, store, &mut issues)?;
    Ok(Checked {
        profile,
        secrets,
        issues,
    })
}

/// The form for a stored profile: which secrets exist, never the secrets.
pub(crate) fn to_form(profile: &Profile, store: &dyn SecretStore) -> ProfileForm {
    let keychain_error = std::cell::RefCell::new(None);
    let has = |connection_id: &str, kind| match store.get(&SecretKey::new(
        &profile.id,
        connection_id,
        kind,
    )) {
        Ok(secret) => secret.is_some(),
        Err(err) => {
            tracing::warn!(profile = %profile.id, connection = connection_id, error = %err, "keychain unreadable");
            keychain_error.borrow_mut().get_or_insert(err.to_string());
            false
        }
    };
    let mut form = ProfileForm {
        id: profile.id.clone(),
        name: profile.name.clone(),
        sobot: profile.sobot.as_ref().map(|s| {
            let (region, custom_base_url) = match &s.region {
                SobotRegion::China => (SobotRegionKind::China, String::new()),
                SobotRegion::Singapore => (SobotRegionKind::Singapore, String::new()),
                SobotRegion::UnitedStates => (SobotRegionKind::UnitedStates, String::new()),
                SobotRegion::Custom(url) => (SobotRegionKind::Custom, url.clone()),
            };
            SobotForm {
                id: s.id.clone(),
                region,
                custom_base_url,
                appid: s.appid.clone(),
                app_key: None,
                has_app_key: has(&s.id, SecretKind::AppKey),
                language: match s.language {
                    VendorLanguage::Zh => "zh",
                    VendorLanguage::En => "en",
                }
                .to_owned(),
                timezone_id: s.timezone_id.clone(),
                time_dialect: match s.time_dialect {
                    TimeDialect::EpochMillis => "epochMillis",
                    TimeDialect::DateTime => "dateTime",
                }
                .to_owned(),
            }
        }),
        callcenter: profile.callcenter.as_ref().map(|c| CallCenterForm {
            id: c.id.clone(),
            base_url: c.base_url.clone(),
            app_id: c.app_id.clone(),
            app_secret: None,
            has_app_secret: has(&c.id, SecretKind::AppSecret),
            agent_no: c.agent_no.clone(),
        }),
        udesk: profile
            .udesk
            .iter()
            .map(|u| UdeskForm {
                id: u.id.clone(),
                name: u.name.clone(),
                base_url: u.base_url.clone(),
                email: u.email.clone(),
                api_token: None,
                has_api_token: has(&u.id, SecretKind::ApiToken),
            })
            .collect(),
        keychain_error: None,
    };
    form.keychain_error = keychain_error.into_inner();
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::secrets::MemorySecretStore;

    fn form() -> ProfileForm {
        ProfileForm {
            id: String::new(),
            name: "华东团队".into(),
            sobot: Some(SobotForm {
                id: String::new(),
                region: SobotRegionKind::Custom,
                custom_base_url: "http://127.0.0.1:4010".into(),
                appid: "app-1".into(),
                app_key: None,
                has_app_key: false,
                language: "zh".into(),
                timezone_id: "Asia/Shanghai".into(),
                time_dialect: "dateTime".into(),
            }),
            callcenter: None,
            udesk: vec![UdeskForm {
                id: String::new(),
                name: "Udesk".into(),
                base_url: "https://demo.udesk.cn".into(),
                email: "ops@demo".into(),
                api_token: Some("tok".into()),
                has_api_token: false,
            }],
            keychain_error: None,
        }
    }

    /// A keychain that is locked: every read fails.
    #[derive(Debug)]
    struct LockedKeychain;

    impl SecretStore for LockedKeychain {
        fn get(&self, _key: &SecretKey) -> Result<Option<Secret>, SecretError> {
            Err(SecretError::Unavailable("the collection is locked".into()))
        }
        fn set(&self, _key: &SecretKey, _secret: &Secret) -> Result<(), SecretError> {
            Err(SecretError::Unavailable("the collection is locked".into()))
        }
        fn delete(&self, _key: &SecretKey) -> Result<(), SecretError> {
            Err(SecretError::Unavailable("the collection is locked".into()))
        }
    }

    #[test]
    fn a_locked_keychain_is_reported_on_the_form_instead_of_secrets_shown_as_missing() {
        let memory = MemorySecretStore::new();
        let profile = check(&form(), &memory).expect("checked").profile;
        assert_eq!(to_form(&profile, &memory).keychain_error, None);
        let listed = to_form(&profile, &LockedKeychain);
        let message = listed.keychain_error.expect("reported");
        assert!(message.contains("locked"), "{message}");
    }

    #[test]
    fn a_new_profile_needs_its_secrets_and_valid_fields_named_as_the_form_names_them() {
        let store = MemorySecretStore::new();
        let issues = check(&form(), &store).expect("checked").issues;
        assert_eq!(
            issues,
            vec![
                issue("udesk[0].email", FieldIssueKind::NotAnEmail),
                issue("sobot.appKey", FieldIssueKind::Required),
            ]
        );
    }

    #[test]
    fn saved_ids_are_kept_new_ones_are_assigned_and_secrets_never_come_back() {
        let store = MemorySecretStore::new();
        let mut input = form();
        input.udesk[0].email = "ops@demo.cn".into();
        if let Some(sobot) = input.sobot.as_mut() {
            sobot.app_key = Some("  key-1 ".into());
        }
        let Checked {
            profile,
            secrets,
            issues,
        } = check(&input, &store).expect("checked");
        assert!(issues.is_empty(), "{issues:?}");
        assert!(profile.id.starts_with("profile-"));
        assert_eq!(secrets.len(), 2);
        assert_eq!(secrets[0].1.expose(), "key-1", "secrets are trimmed");
        for (key, secret) in &secrets {
            store.set(key, secret).expect("set");
        }
        let back = to_form(&profile, &store);
        let sobot = back.sobot.expect("sobot");
        assert!(sobot.has_app_key && sobot.app_key.is_none());
        assert!(back.udesk[0].has_api_token && back.udesk[0].api_token.is_none());
        // Saving again without re-entering secrets keeps ids and needs nothing.
        let again = check(&to_form(&profile, &store), &store).expect("checked");
        assert!(
            again.issues.is_empty() && again.secrets.is_empty(),
            "{:?}",
            again.issues
        );
        assert_eq!(again.profile, profile);
    }
}
