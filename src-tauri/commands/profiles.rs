//! Profiles and connections: list, validate, save (secrets to the keychain), delete, and test.

use std::sync::Arc;

use switchboard_core::connections::{self, ConnectionCheck, ProblemKind};
use switchboard_core::profiles::ProfileError;
use switchboard_core::secrets::{SecretError, SecretStore};
use tauri::State;

use crate::error::{CommandResult, IpcError};
use crate::profile_forms::{
    Checked, ConnectionProblemKind, ConnectionTest, FieldIssue, ProfileForm, check, field_issue,
    to_form,
};
use crate::state::AppState;

impl From<SecretError> for IpcError {
    fn from(err: SecretError) -> Self {
        IpcError::KeychainUnavailable {
            message: err.to_string(),
        }
    }
}

impl From<ProfileError> for IpcError {
    fn from(err: ProfileError) -> Self {
        match err {
            ProfileError::Invalid(fields) => {
                let first = fields.first().map(field_issue);
                IpcError::InvalidInput {
                    field: first.map(|f| f.field).unwrap_or_default(),
                    message: fields
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                }
            }
            ProfileError::NotFound(id) => IpcError::NotFound {
                what: "profile".into(),
                message: id,
            },
            ProfileError::Secret(err) => err.into(),
            ProfileError::Write(err) => IpcError::Storage {
                message: err.to_string(),
            },
            ProfileError::Encode(err) => IpcError::Internal {
                message: err.to_string(),
            },
        }
    }
}

/// Every profile, with which secrets are stored (never the secrets).
#[tauri::command]
#[specta::specta]
pub fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<ProfileForm>> {
    Ok(state
        .profiles
        .list()
        .iter()
        .map(|p| to_form(p, state.secrets.as_ref()))
        .collect())
}

/// What must be fixed before `form` can be saved (empty when it can).
#[tauri::command]
#[specta::specta]
pub fn validate_profile(
    state: State<'_, AppState>,
    form: ProfileForm,
) -> CommandResult<Vec<FieldIssue>> {
    Ok(check(&form, state.secrets.as_ref())?.issues)
}

/// Saves a profile: new secrets into the keychain, the rest into `profiles.toml`.
#[tauri::command]
#[specta::specta]
pub fn save_profile(state: State<'_, AppState>, form: ProfileForm) -> CommandResult<ProfileForm> {
    let Checked {
        profile,
        secrets,
        issues,
    } = check(&form, state.secrets.as_ref())?;
    if let Some(first) = issues.first() {
        return Err(IpcError::InvalidInput {
            field: first.field.clone(),
            message: format!("{} field(s) need attention", issues.len()),
        });
    }
    state.profiles.save(profile.clone(), &secrets)?;
    tracing::info!(profile = %profile.id, "profile saved");
    Ok(to_form(&profile, state.secrets.as_ref()))
}

/// Deletes a profile and its keychain entries.
#[tauri::command]
#[specta::specta]
pub fn delete_profile(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state.profiles.delete(&id)?;
    tracing::info!(profile = %id, "profile deleted");
    Ok(())
}

/// A client that could not be built: a missing secret is a test result, the rest are errors.
fn client_error(err: connections::ClientError) -> CommandResult<ConnectionTest> {
    match err {
        connections::ClientError::MissingSecret { kind } => Ok(ConnectionTest {
            ok: false,
            problem: Some(ConnectionProblemKind::MissingSecret),
            vendor_code: None,
            message: format!("no {kind} stored"),
        }),
        connections::ClientError::Secret(err) => Err(err.into()),
        err => Err(IpcError::InvalidInput {
            field: "connection".into(),
            message: err.to_string(),
        }),
    }
}

/// Tests one connection of a saved profile with a cheap authenticated call.
#[tauri::command]
#[specta::specta]
pub async fn test_connection(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
) -> CommandResult<ConnectionTest> {
    let profile = state
        .find_profile(&profile_id)
        .ok_or_else(|| IpcError::NotFound {
            what: "profile".into(),
            message: profile_id.clone(),
        })?;
    let secrets: Arc<dyn SecretStore> = state.secrets.clone();
    let outcome = if let Some(sobot) = profile.sobot.as_ref().filter(|s| s.id == connection_id) {
        match connections::sobot_client(&profile.id, sobot, secrets) {
            Ok(client) => connections::check_sobot(&client).await,
            Err(err) => return client_error(err),
        }
    } else if let Some(callcenter) = profile
        .callcenter
        .as_ref()
        .filter(|c| c.id == connection_id)
    {
        match connections::callcenter_client(&profile.id, callcenter, secrets) {
            Ok(client) => connections::check_callcenter(&client).await,
            Err(err) => return client_error(err),
        }
    } else if let Some(udesk) = profile.udesk.iter().find(|u| u.id == connection_id) {
        match connections::udesk_client(&profile.id, udesk, secrets.as_ref()) {
            Ok(client) => connections::check_udesk(&client).await,
            Err(err) => return client_error(err),
        }
    } else {
        return Err(IpcError::NotFound {
            what: "connection".into(),
            message: connection_id,
        });
    };
    Ok(match outcome {
        ConnectionCheck::Ok => ConnectionTest {
            ok: true,
            problem: None,
            vendor_code: None,
            message: String::new(),
        },
        ConnectionCheck::Failed(problem) => ConnectionTest {
            ok: false,
            problem: Some(match problem.kind {
                ProblemKind::HostUnreachable => ConnectionProblemKind::HostUnreachable,
                ProblemKind::Tls => ConnectionProblemKind::Tls,
                ProblemKind::Timeout => ConnectionProblemKind::Timeout,
                ProblemKind::BadCredential => ConnectionProblemKind::BadCredential,
                ProblemKind::SignatureRejected => ConnectionProblemKind::SignatureRejected,
                ProblemKind::NoApiAccess => ConnectionProblemKind::NoApiAccess,
                ProblemKind::NotConfigured => ConnectionProblemKind::NotConfigured,
                ProblemKind::ClockSkew => ConnectionProblemKind::ClockSkew,
                ProblemKind::RateLimited => ConnectionProblemKind::RateLimited,
                ProblemKind::UnexpectedAnswer => ConnectionProblemKind::UnexpectedAnswer,
                ProblemKind::Vendor => ConnectionProblemKind::Vendor,
            }),
            vendor_code: problem.vendor_code,
            message: problem.message,
        },
    })
}
