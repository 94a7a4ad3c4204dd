//! Tickets: the cached board and list, the connections' catalogs, detail read from the vendor,
//! guarded writes, new tickets, attachments uploaded from paths, saved views.

pub mod catalog_view;
pub mod detail_view;
pub mod export;
pub mod types;
pub mod views;
pub mod writes;

use switchboard_core::profiles::Profile;
use switchboard_core::store::ticket_rows;
use switchboard_core::store::tickets::{TicketFilter, TicketPageRequest, count_by_status};
use switchboard_core::tickets::{TicketDesk, TicketsError};
use tauri::State;

use crate::error::{CommandResult, IpcError};
use crate::state::AppState;
use catalog_view::ConnectionCatalogView;
use detail_view::TicketDetailView;
use types::{StatusCount, TicketFilterInput, TicketListPage, TicketListRequest, TicketRowView};

/// The most rows one list call returns.
const MAX_ROWS: u32 = 500;

fn count(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The profile a command works in.
pub(crate) fn profile(state: &AppState, profile_id: &str) -> CommandResult<Profile> {
    state
        .find_profile(profile_id)
        .ok_or_else(|| IpcError::NotFound {
            what: "profile".into(),
            message: profile_id.to_owned(),
        })
}

/// Ticket work in a profile of this app.
pub(crate) fn desk<'a>(state: &'a AppState, profile_id: &str) -> CommandResult<TicketDesk<'a>> {
    Ok(TicketDesk::new(
        &state.workspaces,
        profile(state, profile_id)?,
        state.secrets.clone(),
    ))
}

/// The IPC error for a ticket failure: what the user can do about it.
pub(crate) fn ipc_error(err: TicketsError) -> IpcError {
    let message = err.to_string();
    match err {
        TicketsError::UnknownConnection(connection) => IpcError::NotFound {
            what: "connection".into(),
            message: connection,
        },
        TicketsError::NotFound { ticket, .. } => IpcError::NotFound {
            what: "ticket".into(),
            message: ticket,
        },
        TicketsError::Client { connection, source } => IpcError::NeedsReauth {
            connection,
            message: source.to_string(),
        },
        TicketsError::Store(_) | TicketsError::Sqlite(_) => IpcError::Storage { message },
        TicketsError::ActingAgentRequired { .. } => IpcError::InvalidInput {
            field: "actingAgent".into(),
            message,
        },
        TicketsError::Invalid { field, message } => IpcError::InvalidInput { field, message },
        TicketsError::Unsupported { .. } => IpcError::InvalidInput {
            field: "action".into(),
            message,
        },
        TicketsError::Sobot(inner) => vendor_error("sobot", &inner, message),
        TicketsError::Udesk(inner) => vendor_error("udesk", &inner, message),
    }
}

/// The IPC error for a failure of work on one connection of `profile`: as [`ipc_error`], with
/// refused credentials naming that connection.
pub(crate) fn ipc_error_on<'a>(
    profile: &'a Profile,
    connection_id: &'a str,
) -> impl Fn(TicketsError) -> IpcError + 'a {
    move |err| ipc_error(err).on_connection(profile, connection_id)
}

pub(crate) fn vendor_error(vendor: &str, err: &dyn VendorErrorInfo, message: String) -> IpcError {
    match err.kind() {
        VendorErrorKind::Auth => IpcError::NeedsReauth {
            connection: vendor.into(),
            message,
        },
        VendorErrorKind::RateLimited(retry_after_seconds) => IpcError::RateLimited {
            retry_after_seconds,
            message,
        },
        VendorErrorKind::Network => IpcError::Network { message },
        VendorErrorKind::Coded(vendor_code) => IpcError::Vendor {
            vendor: vendor.into(),
            vendor_code,
            message,
        },
        VendorErrorKind::Other => IpcError::Internal { message },
    }
}

pub(crate) enum VendorErrorKind {
    Auth,
    RateLimited(Option<u32>),
    Network,
    Coded(String),
    Other,
}

pub(crate) trait VendorErrorInfo {
    fn kind(&self) -> VendorErrorKind;
}

fn seconds(duration: Option<std::time::Duration>) -> Option<u32> {
    duration.map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX))
}

impl VendorErrorInfo for sobot::Error {
    fn kind(&self) -> VendorErrorKind {
        match self {
            sobot::Error::Auth { .. } | sobot::Error::TokenUnavailable { .. } => {
                VendorErrorKind::Auth
            }
            sobot::Error::RateLimited { retry_after } => {
                VendorErrorKind::RateLimited(seconds(*retry_after))
            }
            sobot::Error::Transport(_) => VendorErrorKind::Network,
            sobot::Error::Validation { code, .. }
            | sobot::Error::NotFound { code, .. }
            | sobot::Error::Business { code, .. } => VendorErrorKind::Coded(code.clone()),
            _ => VendorErrorKind::Other,
        }
    }
}

impl VendorErrorInfo for udesk::Error {
    fn kind(&self) -> VendorErrorKind {
        match self {
            udesk::Error::Auth { .. } => VendorErrorKind::Auth,
            udesk::Error::RateLimited { retry_after } => {
                VendorErrorKind::RateLimited(seconds(*retry_after))
            }
            udesk::Error::Transport(_) => VendorErrorKind::Network,
            udesk::Error::Validation { code, .. }
            | udesk::Error::NotFound { code, .. }
            | udesk::Error::Business { code, .. } => VendorErrorKind::Coded(code.to_string()),
            _ => VendorErrorKind::Other,
        }
    }
}

/// Runs `work` on the profile's open database.
pub(crate) fn with_db<T>(
    state: &AppState,
    profile_id: &str,
    work: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>,
) -> CommandResult<T> {
    super::with_profile_db(state, profile_id, work, super::storage_error)
}

/// One sorted, filtered page of the profile's cached tickets, with the total that match.
#[tauri::command]
#[specta::specta]
pub fn list_tickets(
    state: State<'_, AppState>,
    profile_id: String,
    request: TicketListRequest,
) -> CommandResult<TicketListPage> {
    let page = TicketPageRequest {
        filter: TicketFilter::from(&request.filter),
        sort: request.sort.into(),
        ascending: request.ascending,
        offset: request.offset,
        limit: request.limit.min(MAX_ROWS),
    };
    with_db(&state, &profile_id, |db| {
        let rows = ticket_rows::query_rows(db, &page)?;
        let total = ticket_rows::count(db, &page.filter)?;
        Ok(TicketListPage {
            rows: rows.into_iter().map(TicketRowView::from).collect(),
            total: count(total),
        })
    })
}

/// How many cached tickets of a filter have each status.
#[tauri::command]
#[specta::specta]
pub fn count_tickets_by_status(
    state: State<'_, AppState>,
    profile_id: String,
    filter: TicketFilterInput,
) -> CommandResult<Vec<StatusCount>> {
    let filter = TicketFilter::from(&filter);
    with_db(&state, &profile_id, |db| {
        Ok(count_by_status(db, &filter)?
            .into_iter()
            .map(|(status_code, n)| StatusCount {
                status_code,
                count: count(n),
            })
            .collect())
    })
}

/// What the ticket screens need to know about each ticket connection of the profile.
#[tauri::command]
#[specta::specta]
pub fn ticket_catalogs(
    state: State<'_, AppState>,
    profile_id: String,
) -> CommandResult<Vec<ConnectionCatalogView>> {
    let desk = desk(&state, &profile_id)?;
    Ok(desk
        .catalogs()
        .map_err(ipc_error)?
        .into_iter()
        .map(ConnectionCatalogView::from)
        .collect())
}

/// A ticket read fresh from the vendor (the cached copy is updated and marked seen).
#[tauri::command]
#[specta::specta]
pub async fn get_ticket_detail(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    ticket_id: String,
) -> CommandResult<TicketDetailView> {
    let desk = desk(&state, &profile_id)?;
    desk.detail(&connection_id, &ticket_id)
        .await
        .map(TicketDetailView::from)
        .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// Chooses the agent the user acts as on a connection (`null` forgets it).
#[tauri::command]
#[specta::specta]
pub fn set_acting_agent(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    agent_id: Option<String>,
) -> CommandResult<()> {
    let desk = desk(&state, &profile_id)?;
    desk.set_acting_agent(&connection_id, agent_id.as_deref())
        .map_err(ipc_error_on(desk.profile(), &connection_id))
}

/// The custom fields of a new ticket's form: those of a Sobot category's template (read live)
/// or of a Udesk template; all of the connection's without a choice.
#[tauri::command]
#[specta::specta]
pub async fn ticket_form_fields(
    state: State<'_, AppState>,
    profile_id: String,
    connection_id: String,
    category_or_template: Option<String>,
) -> CommandResult<Vec<catalog_view::CustomFieldView>> {
    let desk = desk(&state, &profile_id)?;
    Ok(desk
        .form_fields(&connection_id, category_or_template.as_deref())
        .await
        .map_err(ipc_error_on(desk.profile(), &connection_id))?
        .into_iter()
        .map(catalog_view::CustomFieldView::from)
        .collect())
}

#[cfg(test)]
mod tests {
    use switchboard_core::profiles::UdeskConnection;

    use super::*;

    fn profile_with_udesk(name: &str) -> Profile {
        Profile {
            id: "p".into(),
            name: "Team".into(),
            sobot: None,
            callcenter: None,
            udesk: vec![UdeskConnection {
                id: "udesk-1".into(),
                name: name.into(),
                base_url: "https://demo.udesk.cn".into(),
                email: "admin@example.com".into(),
            }],
        }
    }

    #[test]
    fn refused_credentials_name_the_connection_the_user_knows() {
        let profile = profile_with_udesk("Udesk 上海");
        let refused = TicketsError::Udesk(udesk::Error::from_vendor(2059, "签名错误", None));
        match ipc_error_on(&profile, "udesk-1")(refused) {
            IpcError::NeedsReauth {
                connection,
                message,
            } => {
                assert_eq!(connection, "Udesk 上海");
                assert!(message.contains("签名错误"), "{message}");
            }
            other => panic!("needs new credentials: {other:?}"),
        }
    }

    #[test]
    fn other_vendor_errors_keep_their_vendor_and_code() {
        let profile = profile_with_udesk("Udesk 上海");
        let refused = TicketsError::Udesk(udesk::Error::Business {
            code: 9001,
            message: "工单已关闭".into(),
            detail: None,
        });
        assert_eq!(
            ipc_error_on(&profile, "udesk-1")(refused),
            IpcError::Vendor {
                vendor: "udesk".into(),
                vendor_code: "9001".into(),
                message: "Udesk error 9001: 工单已关闭".into(),
            }
        );
    }
}
