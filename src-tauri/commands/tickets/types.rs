//! The ticket types that cross IPC (camelCase; times as Unix milliseconds in `f64`, since
//! specta refuses 64-bit integers and milliseconds fit a double exactly).

use serde::{Deserialize, Serialize};
use switchboard_core::store::seen::SeenState;
use switchboard_core::store::ticket_rows::TicketRow;
use switchboard_core::store::tickets::{SortField, TicketFilter, TimeRange, Vendor};

/// Milliseconds as IPC carries them.
pub fn ms_out(ms: i64) -> f64 {
    ms as f64
}

/// Milliseconds from IPC (fractions dropped, out-of-range clamped).
pub fn ms_in(ms: f64) -> i64 {
    if ms.is_finite() { ms as i64 } else { 0 }
}

/// Which vendor a ticket or connection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum TicketVendor {
    /// Sobot v5.
    Sobot,
    /// Udesk.
    Udesk,
}

impl From<Vendor> for TicketVendor {
    fn from(vendor: Vendor) -> Self {
        match vendor {
            Vendor::Sobot => Self::Sobot,
            Vendor::Udesk => Self::Udesk,
        }
    }
}

/// A filter over the cached tickets: every non-empty list is "any of"; all must hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketFilterInput {
    /// Connections (empty: all).
    pub connection_ids: Vec<String>,
    /// Status codes.
    pub statuses: Vec<String>,
    /// Priority codes.
    pub priorities: Vec<String>,
    /// Assignee ids.
    pub assignee_ids: Vec<String>,
    /// Group ids.
    pub group_ids: Vec<String>,
    /// Source codes.
    pub sources: Vec<String>,
    /// Category ids.
    pub category_ids: Vec<String>,
    /// Customer ids.
    pub customer_ids: Vec<String>,
    /// Created at or after (ms).
    pub created_from: Option<f64>,
    /// Created before (ms).
    pub created_until: Option<f64>,
    /// Updated at or after (ms).
    pub updated_from: Option<f64>,
    /// Updated before (ms).
    pub updated_until: Option<f64>,
    /// Text in title, content, customer name or ticket number.
    pub text: Option<String>,
}

impl From<&TicketFilterInput> for TicketFilter {
    fn from(input: &TicketFilterInput) -> Self {
        Self {
            connection_ids: input.connection_ids.clone(),
            statuses: input.statuses.clone(),
            priorities: input.priorities.clone(),
            assignee_ids: input.assignee_ids.clone(),
            group_ids: input.group_ids.clone(),
            sources: input.sources.clone(),
            category_ids: input.category_ids.clone(),
            customer_ids: input.customer_ids.clone(),
            created: TimeRange {
                from_ms: input.created_from.map(ms_in),
                until_ms: input.created_until.map(ms_in),
            },
            updated: TimeRange {
                from_ms: input.updated_from.map(ms_in),
                until_ms: input.updated_until.map(ms_in),
            },
            text: input.text.clone(),
        }
    }
}

impl From<&TicketFilter> for TicketFilterInput {
    fn from(filter: &TicketFilter) -> Self {
        Self {
            connection_ids: filter.connection_ids.clone(),
            statuses: filter.statuses.clone(),
            priorities: filter.priorities.clone(),
            assignee_ids: filter.assignee_ids.clone(),
            group_ids: filter.group_ids.clone(),
            sources: filter.sources.clone(),
            category_ids: filter.category_ids.clone(),
            customer_ids: filter.customer_ids.clone(),
            created_from: filter.created.from_ms.map(ms_out),
            created_until: filter.created.until_ms.map(ms_out),
            updated_from: filter.updated.from_ms.map(ms_out),
            updated_until: filter.updated.until_ms.map(ms_out),
            text: filter.text.clone(),
        }
    }
}

/// What a list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum TicketSort {
    /// Last update.
    #[default]
    UpdatedAt,
    /// Creation.
    CreatedAt,
    /// Priority.
    Priority,
    /// Status.
    Status,
    /// Assignee.
    Assignee,
    /// Title.
    Title,
}

impl From<TicketSort> for SortField {
    fn from(sort: TicketSort) -> Self {
        match sort {
            TicketSort::UpdatedAt => Self::UpdatedAt,
            TicketSort::CreatedAt => Self::CreatedAt,
            TicketSort::Priority => Self::Priority,
            TicketSort::Status => Self::Status,
            TicketSort::Assignee => Self::Assignee,
            TicketSort::Title => Self::Title,
        }
    }
}

/// One page of a sorted, filtered list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TicketListRequest {
    /// Which tickets.
    pub filter: TicketFilterInput,
    /// Sorted by.
    pub sort: TicketSort,
    /// Oldest/lowest first instead of newest first.
    pub ascending: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return (at most 500).
    pub limit: u32,
}

/// Whether the user saw a ticket's latest version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum TicketSeen {
    /// Never opened here.
    Unseen,
    /// Changed since the user last opened it.
    Changed,
    /// Unchanged since.
    Seen,
}

impl From<SeenState> for TicketSeen {
    fn from(state: SeenState) -> Self {
        match state {
            SeenState::Unseen => Self::Unseen,
            SeenState::Changed => Self::Changed,
            SeenState::Seen => Self::Seen,
        }
    }
}

/// A board card or list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TicketRowView {
    /// Connection.
    pub connection_id: String,
    /// Ticket id.
    pub ticket_id: String,
    /// Vendor.
    pub vendor: TicketVendor,
    /// Human-facing number.
    pub ticket_code: Option<String>,
    /// Title.
    pub title: String,
    /// Start of the content, plain text.
    pub preview: String,
    /// Status code.
    pub status_code: String,
    /// Priority code.
    pub priority_code: Option<String>,
    /// Source code.
    pub source_code: Option<String>,
    /// Category id.
    pub category_id: Option<String>,
    /// Assignee id.
    pub assignee_id: Option<String>,
    /// Assignee name.
    pub assignee_name: Option<String>,
    /// Group id.
    pub group_id: Option<String>,
    /// Group name.
    pub group_name: Option<String>,
    /// Customer id.
    pub customer_id: Option<String>,
    /// Customer name.
    pub customer_name: Option<String>,
    /// Created (ms).
    pub created_at_ms: f64,
    /// Updated at the vendor (ms); the version a write is guarded by.
    pub updated_at_ms: f64,
    /// Seen state.
    pub seen: TicketSeen,
}

impl From<TicketRow> for TicketRowView {
    fn from(row: TicketRow) -> Self {
        Self {
            connection_id: row.connection_id,
            ticket_id: row.ticket_id,
            vendor: row.vendor.into(),
            ticket_code: row.ticket_code,
            title: row.title,
            preview: row.preview,
            status_code: row.status_code,
            priority_code: row.priority_code,
            source_code: row.source_code,
            category_id: row.category_id,
            assignee_id: row.assignee_id,
            assignee_name: row.assignee_name,
            group_id: row.group_id,
            group_name: row.group_name,
            customer_id: row.customer_id,
            customer_name: row.customer_name,
            created_at_ms: ms_out(row.created_at_ms),
            updated_at_ms: ms_out(row.updated_at_ms),
            seen: row.seen.into(),
        }
    }
}

/// A page of rows and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TicketListPage {
    /// The rows.
    pub rows: Vec<TicketRowView>,
    /// How many tickets match the filter.
    pub total: u32,
}

/// How many tickets of a filter have a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    /// Status code.
    pub status_code: String,
    /// Tickets.
    pub count: u32,
}
