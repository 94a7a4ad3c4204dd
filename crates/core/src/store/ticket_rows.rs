//! The rows boards and lists show: cached tickets without their vendor record, with whether the
//! user has seen their latest version; plus totals and single-ticket reads.

use rusqlite::{Connection, OptionalExtension, params_from_iter, types::Value};
use serde::{Deserialize, Serialize};

use super::seen::SeenState;
use super::tickets::{
    COLUMNS, StoredTicket, TicketFilter, TicketPageRequest, Vendor, row_to_ticket, where_clause,
};

/// Characters of content a row carries as its preview.
const PREVIEW_CHARS: usize = 160;

/// A ticket as a board card or list row shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketRow {
    /// The connection it belongs to.
    pub connection_id: String,
    /// The vendor's ticket id.
    pub ticket_id: String,
    /// Which vendor.
    pub vendor: Vendor,
    /// The human-facing number.
    pub ticket_code: Option<String>,
    /// Title.
    pub title: String,
    /// The start of the content as plain text.
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
    /// Created, Unix milliseconds.
    pub created_at_ms: i64,
    /// Updated at the vendor, Unix milliseconds.
    pub updated_at_ms: i64,
    /// Whether the user has seen this version.
    pub seen: SeenState,
}

/// Plain text from possibly-HTML content: tags dropped, entities for spaces and brackets
/// decoded, whitespace collapsed, cut to `max` characters.
pub fn plain_preview(content: &str, max: usize) -> String {
    let mut text = String::with_capacity(content.len().min(max * 4));
    let mut in_tag = false;
    for ch in content.chars() {
        match ch {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ => text.push(ch),
        }
    }
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

impl TicketRow {
    /// The row of a stored ticket the user saw at `seen_updated_at_ms`.
    pub fn from_stored(ticket: StoredTicket, seen_updated_at_ms: Option<i64>) -> Self {
        Self {
            preview: plain_preview(&ticket.content, PREVIEW_CHARS),
            seen: SeenState::of(ticket.updated_at_ms, seen_updated_at_ms),
            connection_id: ticket.connection_id,
            ticket_id: ticket.ticket_id,
            vendor: ticket.vendor,
            ticket_code: ticket.ticket_code,
            title: ticket.title,
            status_code: ticket.status_code,
            priority_code: ticket.priority_code,
            source_code: ticket.source_code,
            category_id: ticket.category_id,
            assignee_id: ticket.assignee_id,
            assignee_name: ticket.assignee_name,
            group_id: ticket.group_id,
            group_name: ticket.group_name,
            customer_id: ticket.customer_id,
            customer_name: ticket.customer_name,
            created_at_ms: ticket.created_at_ms,
            updated_at_ms: ticket.updated_at_ms,
        }
    }
}

/// One sorted page of rows matching a filter (the same order as
/// [`super::tickets::query_tickets`]).
pub fn query_rows(
    connection: &Connection,
    request: &TicketPageRequest,
) -> rusqlite::Result<Vec<TicketRow>> {
    let (clause, mut values) = where_clause(&request.filter);
    let columns = COLUMNS
        .split(", ")
        .map(|c| format!("t.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    // The page's keys are found first and only then its rows read: skipping OFFSET rows then
    // walks keys (an index alone when it covers the filter and the sort, as for the default
    // newest-first list) instead of whole rows with their vendor records.
    let sql = format!(
        "SELECT {columns}, s.seen_updated_at_ms FROM (SELECT connection_id, ticket_id FROM tickets \
         {clause} ORDER BY {keys_order} LIMIT ? OFFSET ?) AS k \
         JOIN tickets AS t ON t.connection_id = k.connection_id AND t.ticket_id = k.ticket_id \
         LEFT JOIN ticket_seen AS s ON s.connection_id = t.connection_id AND s.ticket_id = t.ticket_id \
         ORDER BY {rows_order}",
        keys_order = request.order_by("tickets."),
        rows_order = request.order_by("t."),
    );
    values.push(Value::Integer(i64::from(request.limit)));
    values.push(Value::Integer(i64::from(request.offset)));
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(values), |row| {
        let ticket = row_to_ticket(row)?;
        let seen: Option<i64> = row.get(20)?;
        Ok(TicketRow::from_stored(ticket, seen))
    })?;
    rows.collect()
}

/// How many tickets match a filter.
pub fn count(connection: &Connection, filter: &TicketFilter) -> rusqlite::Result<u64> {
    let (clause, values) = where_clause(filter);
    let mut statement =
        connection.prepare_cached(&format!("SELECT COUNT(*) FROM tickets {clause}"))?;
    statement.query_row(params_from_iter(values), |row| row.get(0))
}

/// One cached ticket.
pub fn get(
    connection: &Connection,
    connection_id: &str,
    ticket_id: &str,
) -> rusqlite::Result<Option<StoredTicket>> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM tickets WHERE connection_id = ?1 AND ticket_id = ?2"),
            [connection_id, ticket_id],
            row_to_ticket,
        )
        .optional()
}

/// Removes a cached ticket (after it was deleted at the vendor).
pub fn remove(
    connection: &Connection,
    connection_id: &str,
    ticket_id: &str,
) -> rusqlite::Result<()> {
    connection.execute(
        "DELETE FROM tickets WHERE connection_id = ?1 AND ticket_id = ?2",
        [connection_id, ticket_id],
    )?;
    connection.execute(
        "DELETE FROM ticket_seen WHERE connection_id = ?1 AND ticket_id = ?2",
        [connection_id, ticket_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::seen::mark_seen;
    use crate::store::tickets::{SortField, upsert_tickets};
    use serde_json::json;

    fn ticket(id: u32, updated_at_ms: i64, content: &str) -> StoredTicket {
        StoredTicket {
            connection_id: "sobot".into(),
            ticket_id: format!("t{id}"),
            vendor: Vendor::Sobot,
            ticket_code: None,
            title: format!("title {id}"),
            content: content.into(),
            status_code: "0".into(),
            priority_code: None,
            source_code: None,
            category_id: None,
            assignee_id: None,
            assignee_name: None,
            group_id: None,
            group_name: None,
            customer_id: None,
            customer_name: None,
            created_at_ms: 1,
            updated_at_ms,
            custom_fields: json!({}),
            raw: json!({}),
        }
    }

    #[test]
    fn a_preview_is_plain_text_cut_to_length() {
        assert_eq!(
            plain_preview("<p>Hello&nbsp;<b>退款</b></p>\n<p>a &amp; b</p>", 100),
            "Hello 退款 a & b"
        );
        assert_eq!(plain_preview("abcdef", 3), "abc");
    }

    #[test]
    fn rows_say_whether_the_user_saw_the_latest_version() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        upsert_tickets(
            store.connection_mut(),
            &[ticket(1, 30, "a"), ticket(2, 20, "b"), ticket(3, 10, "c")],
            1,
        )
        .expect("upsert");
        mark_seen(store.connection(), "sobot", "t1", 25, 1).expect("seen");
        mark_seen(store.connection(), "sobot", "t2", 20, 1).expect("seen");
        let rows = query_rows(
            store.connection(),
            &TicketPageRequest {
                limit: 10,
                ..Default::default()
            },
        )
        .expect("rows");
        let states: Vec<(&str, SeenState)> = rows
            .iter()
            .map(|r| (r.ticket_id.as_str(), r.seen))
            .collect();
        assert_eq!(
            states,
            vec![
                ("t1", SeenState::Changed),
                ("t2", SeenState::Seen),
                ("t3", SeenState::Unseen)
            ]
        );
        assert_eq!(
            count(store.connection(), &TicketFilter::default()).expect("count"),
            3
        );
        assert_eq!(
            get(store.connection(), "sobot", "t2")
                .expect("get")
                .map(|t| t.title),
            Some("title 2".to_owned())
        );
        remove(store.connection(), "sobot", "t2").expect("remove");
        assert_eq!(get(store.connection(), "sobot", "t2").expect("get"), None);
    }

    /// The first ten rows of every cached ticket in this order.
    fn first_rows(store: &Store, sort: SortField, ascending: bool) -> Vec<TicketRow> {
        let request = TicketPageRequest {
            filter: TicketFilter::default(),
            sort,
            ascending,
            offset: 0,
            limit: 10,
        };
        query_rows(store.connection(), &request).expect("rows")
    }

    #[test]
    fn priority_sorts_by_urgency_across_vendors_whose_codes_run_opposite_ways() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        // (vendor, priority code, what it means); each ticket changed later than the one before.
        let cases = [
            (Vendor::Sobot, Some("0"), "sobot low"),
            (Vendor::Sobot, Some("3"), "sobot urgent"),
            (Vendor::Sobot, Some("2"), "sobot high"),
            (Vendor::Udesk, Some("4"), "udesk low"),
            (Vendor::Udesk, Some("1"), "udesk urgent"),
            (Vendor::Udesk, Some("3"), "udesk standard"),
            (Vendor::Sobot, None, "sobot none"),
        ];
        let tickets: Vec<StoredTicket> = cases
            .iter()
            .zip(0u32..)
            .map(|((vendor, code, meaning), id)| {
                let mut t = ticket(id, i64::from(id), "x");
                t.vendor = *vendor;
                t.connection_id = format!("{vendor:?}").to_lowercase();
                t.priority_code = code.map(str::to_owned);
                t.title = (*meaning).into();
                t
            })
            .collect();
        upsert_tickets(store.connection_mut(), &tickets, 1).expect("upsert");
        let titles = |ascending: bool| -> Vec<String> {
            first_rows(&store, SortField::Priority, ascending)
                .into_iter()
                .map(|r| r.title)
                .collect()
        };
        assert_eq!(
            titles(false),
            [
                "udesk urgent",
                "sobot urgent",
                "sobot high",
                "udesk standard",
                "udesk low",
                "sobot low",
                "sobot none"
            ],
            "most urgent first, the newest change first among equals"
        );
        assert_eq!(titles(true)[1..3], ["udesk low", "sobot low"]);
    }

    #[test]
    fn status_sorts_in_the_connections_own_order_with_unknown_statuses_last() {
        use crate::store::reference::{ReferenceItem, ReferenceKind, replace_kind};
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        // Udesk's lifecycle, which its codes do not follow alphabetically.
        let statuses: Vec<ReferenceItem> = ["open", "solving", "resolved", "closed"]
            .iter()
            .zip(0..)
            .map(|(code, position)| ReferenceItem {
                connection_id: "udesk".into(),
                kind: ReferenceKind::Status,
                code: (*code).into(),
                name: (*code).into(),
                position,
                extra: json!({}),
            })
            .collect();
        replace_kind(
            store.connection_mut(),
            "udesk",
            ReferenceKind::Status,
            &statuses,
        )
        .expect("statuses");
        let tickets: Vec<StoredTicket> = ["closed", "mystery", "open", "resolved", "solving"]
            .iter()
            .zip(0u32..)
            .map(|(status, id)| {
                let mut t = ticket(id, i64::from(id), "x");
                t.connection_id = "udesk".into();
                t.vendor = Vendor::Udesk;
                t.status_code = (*status).into();
                t
            })
            .collect();
        upsert_tickets(store.connection_mut(), &tickets, 1).expect("upsert");
        let statuses_in_order = |ascending: bool| -> Vec<String> {
            first_rows(&store, SortField::Status, ascending)
                .into_iter()
                .map(|r| r.status_code)
                .collect()
        };
        assert_eq!(
            statuses_in_order(true),
            ["open", "solving", "resolved", "closed", "mystery"]
        );
        assert_eq!(
            statuses_in_order(false),
            ["mystery", "closed", "resolved", "solving", "open"]
        );
    }

    #[test]
    fn pages_cover_every_matching_ticket_once_in_order_even_with_equal_sort_keys() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        let tickets: Vec<StoredTicket> = (0..25)
            .map(|id| {
                let mut t = ticket(id, i64::from(id % 4), "x");
                t.priority_code = Some((id % 3).to_string());
                t.status_code = if id % 5 == 0 { "closed" } else { "open" }.into();
                t
            })
            .collect();
        upsert_tickets(store.connection_mut(), &tickets, 1).expect("upsert");
        for sort in [SortField::UpdatedAt, SortField::Priority] {
            for ascending in [false, true] {
                let request = |offset: u32, limit: u32| TicketPageRequest {
                    filter: TicketFilter {
                        statuses: vec!["open".into()],
                        ..Default::default()
                    },
                    sort,
                    ascending,
                    offset,
                    limit,
                };
                let ids = |rows: Vec<TicketRow>| -> Vec<String> {
                    rows.into_iter().map(|r| r.ticket_id).collect()
                };
                let whole = ids(query_rows(store.connection(), &request(0, 100)).expect("all"));
                assert_eq!(whole.len(), 20, "only open tickets");
                // (the sort key, then among equals: newest change first, then id)
                let key = |id: &String| -> (String, (i64, String)) {
                    let t = tickets.iter().find(|t| &t.ticket_id == id).expect("known");
                    match sort {
                        SortField::Priority => (
                            t.priority_code.clone().unwrap_or_default(),
                            (-t.updated_at_ms, id.clone()),
                        ),
                        _ => (t.updated_at_ms.to_string(), (0, id.clone())),
                    }
                };
                let keys: Vec<(String, (i64, String))> = whole.iter().map(key).collect();
                assert!(
                    keys.windows(2).all(|w| if ascending {
                        w[0].0 <= w[1].0
                    } else {
                        w[0].0 >= w[1].0
                    } && (w[0].0 != w[1].0 || w[0].1 < w[1].1)),
                    "sorted with ties by the newest change, then id: {keys:?}"
                );
                let paged: Vec<String> = (0..7)
                    .flat_map(|page| {
                        ids(query_rows(store.connection(), &request(page * 3, 3)).expect("page"))
                    })
                    .collect();
                assert_eq!(paged, whole, "{sort:?} ascending={ascending}");
            }
        }
    }
}
