//! What a ticket list asks for: which tickets (the filter), in what order, which page, and the
//! SQL that says so.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Fields a ticket list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    /// Last update (the default, newest first).
    #[default]
    UpdatedAt,
    /// Creation time.
    CreatedAt,
    /// Priority by urgency (low to urgent ascending), the same scale for every vendor.
    Priority,
    /// Status, in the connection's own order (the board's columns).
    Status,
    /// Assignee name.
    Assignee,
    /// Title.
    Title,
}

impl SortField {
    /// What the list is ordered by, most significant first, each column qualified with `table`.
    /// Statuses sort in the connection's own order, the board's columns (the reference data's
    /// positions), with a status the reference data does not know last and by code.
    fn keys(self, table: &str) -> Vec<String> {
        let column = |name: &str| format!("{table}{name}");
        match self {
            Self::UpdatedAt => vec![column("updated_at_ms")],
            Self::CreatedAt => vec![column("created_at_ms")],
            Self::Priority => vec![column("priority_rank")],
            Self::Status => vec![
                format!(
                    "COALESCE((SELECT r.position FROM reference_data AS r \
                     WHERE r.connection_id = {table}connection_id AND r.kind = 'status' \
                     AND r.code = {table}status_code), {UNKNOWN_POSITION})"
                ),
                column("status_code"),
            ],
            Self::Assignee => vec![column("assignee_name")],
            Self::Title => vec![column("title")],
        }
    }
}

/// A half-open time range in Unix milliseconds; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TimeRange {
    /// Inclusive start.
    pub from_ms: Option<i64>,
    /// Exclusive end.
    pub until_ms: Option<i64>,
}

/// A filter over cached tickets: every non-empty list is an "any of"; all conditions must hold.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TicketFilter {
    /// Connections to include (empty: all).
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
    /// Customer ids (a customer's tickets, from the customer profile).
    #[serde(default)]
    pub customer_ids: Vec<String>,
    /// Creation time range.
    pub created: TimeRange,
    /// Update time range.
    pub updated: TimeRange,
    /// Text searched (case-insensitive for ASCII) in title, content, customer name and ticket
    /// number.
    pub text: Option<String>,
}

/// One page of a sorted ticket list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TicketPageRequest {
    /// Which tickets.
    pub filter: TicketFilter,
    /// Sort field.
    pub sort: SortField,
    /// Ascending instead of the default descending.
    pub ascending: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return.
    pub limit: u32,
}

/// Where a status the reference data does not know sorts: after every known one.
const UNKNOWN_POSITION: i64 = i64::MAX;

impl TicketPageRequest {
    /// The ORDER BY terms of this request, each column qualified with `table` (`"tickets."` or
    /// an alias): the chosen order, then the newest change first among equals (urgent tickets,
    /// newest first), then connection and ticket id so that paging is stable.
    pub(crate) fn order_by(&self, table: &str) -> String {
        let direction = if self.ascending { "ASC" } else { "DESC" };
        let mut terms: Vec<String> = self
            .sort
            .keys(table)
            .into_iter()
            .map(|key| format!("{key} {direction}"))
            .collect();
        if self.sort != SortField::UpdatedAt {
            terms.push(format!("{table}updated_at_ms DESC"));
        }
        terms.push(format!("{table}connection_id"));
        terms.push(format!("{table}ticket_id"));
        terms.join(", ")
    }
}

/// Builds the WHERE clause and its parameters for a filter.
pub(crate) fn where_clause(filter: &TicketFilter) -> (String, Vec<Value>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let lists: [(&str, &Vec<String>); 8] = [
        ("connection_id", &filter.connection_ids),
        ("status_code", &filter.statuses),
        ("priority_code", &filter.priorities),
        ("assignee_id", &filter.assignee_ids),
        ("group_id", &filter.group_ids),
        ("source_code", &filter.sources),
        ("category_id", &filter.category_ids),
        ("customer_id", &filter.customer_ids),
    ];
    for (column, list) in lists {
        if list.is_empty() {
            continue;
        }
        conditions.push(format!(
            "{column} IN ({})",
            vec!["?"; list.len()].join(", ")
        ));
        values.extend(list.iter().cloned().map(Value::Text));
    }
    for (column, range) in [
        ("created_at_ms", filter.created),
        ("updated_at_ms", filter.updated),
    ] {
        if let Some(from) = range.from_ms {
            conditions.push(format!("{column} >= ?"));
            values.push(Value::Integer(from));
        }
        if let Some(until) = range.until_ms {
            conditions.push(format!("{column} < ?"));
            values.push(Value::Integer(until));
        }
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let pattern = format!(
            "%{}%",
            text.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        conditions.push(
            "(title LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\' \
             OR ticket_code LIKE ? ESCAPE '\\')"
                .to_owned(),
        );
        values.extend(std::iter::repeat_n(Value::Text(pattern), 4));
    }
    let clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    (clause, values)
}
