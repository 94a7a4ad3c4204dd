//! Customers: a Sobot CRM customer's profile, read fresh (tickets link to it).

use switchboard_core::crm::{
    CrmError, CrmStage, CustomFieldValue, CustomerDesk, CustomerProfile, ProfileSection,
    SectionProblem, TimelineEntry, TimelineKind,
};
use tauri::State;

use crate::commands::tickets::{profile, types::ms_out, vendor_error};
use crate::error::{CommandResult, IpcError};
use crate::state::AppState;

/// Where the customer stands in the CRM (mirrors the core's `CrmStage`).
#[derive(Debug, Clone, Copy, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CrmStageView {
    /// First inquiry.
    FirstInquiry,
    /// Waiting to be assigned.
    ToBeAssigned,
    /// Followed up by a responsible agent.
    FollowingUp,
    /// In the customer pool.
    Pool,
    /// Not documented.
    Other,
}

impl From<CrmStage> for CrmStageView {
    fn from(stage: CrmStage) -> Self {
        match stage {
            CrmStage::FirstInquiry => Self::FirstInquiry,
            CrmStage::ToBeAssigned => Self::ToBeAssigned,
            CrmStage::FollowingUp => Self::FollowingUp,
            CrmStage::Pool => Self::Pool,
            CrmStage::Other => Self::Other,
        }
    }
}

/// What kind of event a timeline entry is (mirrors the core's `TimelineKind`).
#[derive(Debug, Clone, Copy, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKindView {
    /// The customer was created.
    Created,
    /// The follow-up stage changed.
    StageChanged,
    /// An agent's follow-up record.
    FollowUp,
    /// Anything else (see the code).
    Other,
}

impl From<TimelineKind> for TimelineKindView {
    fn from(kind: TimelineKind) -> Self {
        match kind {
            TimelineKind::Created => Self::Created,
            TimelineKind::StageChanged => Self::StageChanged,
            TimelineKind::FollowUp => Self::FollowUp,
            TimelineKind::Other => Self::Other,
        }
    }
}

/// A profile section read with its own call (mirrors the core's `ProfileSection`).
#[derive(Debug, Clone, Copy, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ProfileSectionView {
    /// Business tags.
    Tags,
    /// Custom field names.
    CustomFields,
    /// Behaviour timeline.
    Timeline,
}

impl From<ProfileSection> for ProfileSectionView {
    fn from(section: ProfileSection) -> Self {
        match section {
            ProfileSection::Tags => Self::Tags,
            ProfileSection::CustomFields => Self::CustomFields,
            ProfileSection::Timeline => Self::Timeline,
        }
    }
}

/// A custom field's label and value.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldValueView {
    /// The field's name.
    pub label: String,
    /// Its value (option label for choices).
    pub value: String,
}

/// One event in the customer's history.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntryView {
    /// When (ms).
    pub at_ms: Option<f64>,
    /// What kind of event.
    pub kind: TimelineKindView,
    /// The vendor's event code.
    pub code: String,
    /// Who did it.
    pub actor: Option<String>,
    /// What happened.
    pub summary: String,
}

/// A profile section Sobot refused, with the reason.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SectionProblemView {
    /// Which section.
    pub section: ProfileSectionView,
    /// The vendor's code.
    pub vendor_code: Option<String>,
    /// What went wrong.
    pub message: String,
}

/// A CRM customer's profile.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerProfileView {
    /// The connection it was read from.
    pub connection_id: String,
    /// Sobot's customer id.
    pub id: String,
    /// Name (real name, else nickname).
    pub name: Option<String>,
    /// Nickname.
    pub nick: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Enterprise.
    pub enterprise: Option<String>,
    /// Country, province, city, district.
    pub location: Option<String>,
    /// A VIP customer.
    pub vip: bool,
    /// VIP level.
    pub vip_level: Option<String>,
    /// Where the customer stands in the CRM.
    pub stage: Option<CrmStageView>,
    /// Responsible agent.
    pub owner: Option<String>,
    /// Who created the customer.
    pub created_by: Option<String>,
    /// Created (ms).
    pub created_at_ms: Option<f64>,
    /// Last changed (ms).
    pub updated_at_ms: Option<f64>,
    /// Remark.
    pub remark: Option<String>,
    /// Business tags.
    pub tags: Vec<String>,
    /// Custom fields with a value.
    pub custom_fields: Vec<CustomFieldValueView>,
    /// Newest behaviour first.
    pub timeline: Vec<TimelineEntryView>,
    /// Older entries exist at the vendor.
    pub timeline_truncated: bool,
    /// Sections Sobot refused.
    pub unavailable: Vec<SectionProblemView>,
}

impl From<CustomFieldValue> for CustomFieldValueView {
    fn from(f: CustomFieldValue) -> Self {
        Self {
            label: f.label,
            value: f.value,
        }
    }
}

impl From<TimelineEntry> for TimelineEntryView {
    fn from(e: TimelineEntry) -> Self {
        Self {
            at_ms: e.at_ms.map(ms_out),
            kind: e.kind.into(),
            code: e.code,
            actor: e.actor,
            summary: e.summary,
        }
    }
}

impl From<SectionProblem> for SectionProblemView {
    fn from(p: SectionProblem) -> Self {
        Self {
            section: p.section.into(),
            vendor_code: p.vendor_code,
            message: p.message,
        }
    }
}

impl From<CustomerProfile> for CustomerProfileView {
    fn from(p: CustomerProfile) -> Self {
        Self {
            connection_id: p.connection_id,
            id: p.id,
            name: p.name,
            nick: p.nick,
            phone: p.phone,
            email: p.email,
            enterprise: p.enterprise,
            location: p.location,
            vip: p.vip,
            vip_level: p.vip_level,
            stage: p.stage.map(Into::into),
            owner: p.owner,
            created_by: p.created_by,
            created_at_ms: p.created_at_ms.map(ms_out),
            updated_at_ms: p.updated_at_ms.map(ms_out),
            remark: p.remark,
            tags: p.tags,
            custom_fields: p.custom_fields.into_iter().map(Into::into).collect(),
            timeline: p.timeline.into_iter().map(Into::into).collect(),
            timeline_truncated: p.timeline_truncated,
            unavailable: p.unavailable.into_iter().map(Into::into).collect(),
        }
    }
}

/// The IPC error for a CRM failure.
fn ipc_error(err: CrmError) -> IpcError {
    let message = err.to_string();
    match err {
        CrmError::UnknownConnection(connection) => IpcError::NotFound {
            what: "connection".into(),
            message: connection,
        },
        CrmError::Client { connection, source } => IpcError::NeedsReauth {
            connection,
            message: source.to_string(),
        },
        CrmError::Invalid { field, .. } => IpcError::InvalidInput {
            field: field.into(),
            message,
        },
        CrmError::Store(_) | CrmError::Sqlite(_) => IpcError::Storage { message },
        CrmError::Sobot(inner) => vendor_error("sobot", &inner, message),
    }
}

/// Customer work in a profile of this app.
fn desk<'a>(state: &'a AppState, profile_id: &str) -> CommandResult<CustomerDesk<'a>> {
    Ok(CustomerDesk::new(
        &state.workspaces,
        profile(state, profile_id)?,
        state.secrets.clone(),
    ))
}

/// A Sobot CRM customer's profile, read fresh: details, tags, custom fields, newest behaviour.
#[tauri::command]
#[specta::specta]
pub async fn get_customer_profile(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    customer_id: String,
) -> CommandResult<CustomerProfileView> {
    let desk = desk(&state, &profile_id)?;
    desk.customer_profile(&connection_id, &customer_id)
        .await
        .map(CustomerProfileView::from)
        .map_err(|err| ipc_error(err).on_connection(desk.profile(), &connection_id))
}

/// Reads the customer's tickets of the first-sync period from Sobot into the local store (the
/// list then shows them with a `customerIds` filter); returns how many were read.
#[tauri::command]
#[specta::specta]
pub async fn refresh_customer_tickets(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    customer_id: String,
) -> CommandResult<u32> {
    let months = state.settings.get().first_sync_months;
    let desk = desk(&state, &profile_id)?;
    let read = desk
        .refresh_customer_tickets(&connection_id, &customer_id, months)
        .await
        .map_err(|err| ipc_error(err).on_connection(desk.profile(), &connection_id))?;
    Ok(u32::try_from(read).unwrap_or(u32::MAX))
}
