//! Tickets from every connection in one model, and the board and list queries over them.

use rusqlite::{Connection, params_from_iter, types::Value};
use serde::{Deserialize, Serialize};

pub(crate) use super::ticket_query::where_clause;
pub use super::ticket_query::{SortField, TicketFilter, TicketPageRequest, TimeRange};

/// Which vendor a ticket came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Vendor {
    /// Sobot v5 tickets.
    Sobot,
    /// Udesk tickets.
    Udesk,
}

impl Vendor {
    fn as_str(self) -> &'static str {
        match self {
            Self::Sobot => "sobot",
            Self::Udesk => "udesk",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "sobot" => Some(Self::Sobot),
            "udesk" => Some(Self::Udesk),
            _ => None,
        }
    }
}

/// A ticket in the unified model: the fields boards, lists and filters use, plus the vendor's
/// own record (`raw`) so nothing the vendor sent is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredTicket {
    /// The connection it was synced from.
    pub connection_id: String,
    /// The vendor's ticket id.
    pub ticket_id: String,
    /// Which vendor.
    pub vendor: Vendor,
    /// The human-facing ticket number, if the vendor has one.
    pub ticket_code: Option<String>,
    /// Title.
    pub title: String,
    /// Content as the vendor sent it (may be HTML; sanitized where rendered).
    pub content: String,
    /// Status code (custom statuses included), resolved to a name through reference data.
    pub status_code: String,
    /// Priority code.
    pub priority_code: Option<String>,
    /// Source (channel) code.
    pub source_code: Option<String>,
    /// Category id.
    pub category_id: Option<String>,
    /// Assigned agent id.
    pub assignee_id: Option<String>,
    /// Assigned agent name.
    pub assignee_name: Option<String>,
    /// Assigned group id.
    pub group_id: Option<String>,
    /// Assigned group name.
    pub group_name: Option<String>,
    /// Customer id.
    pub customer_id: Option<String>,
    /// Customer name.
    pub customer_name: Option<String>,
    /// Created, Unix milliseconds.
    pub created_at_ms: i64,
    /// Last updated at the vendor, Unix milliseconds.
    pub updated_at_ms: i64,
    /// Custom field values as a JSON object.
    pub custom_fields: serde_json::Value,
    /// The vendor's record as received.
    pub raw: serde_json::Value,
}

pub(crate) const COLUMNS: &str = "connection_id, ticket_id, vendor, ticket_code, title, content, status_code, \
     priority_code, source_code, category_id, assignee_id, assignee_name, group_id, group_name, \
     customer_id, customer_name, created_at_ms, updated_at_ms, custom_fields, raw";

/// Where a priority code sits on the one urgency scale the list sorts by: 0 low, 1 medium or
/// standard, 2 high, 3 urgent. Sobot's codes run 0 low to 3 urgent, Udesk's 1 urgent to 4 low
/// (sync::reference::fixed); an unknown code has no rank. Migration 4 ranks older rows alike.
pub fn priority_rank(vendor: Vendor, code: Option<&str>) -> Option<i64> {
    let code: i64 = code?.parse().ok()?;
    match vendor {
        Vendor::Sobot if (0..=3).contains(&code) => Some(code),
        Vendor::Udesk if (1..=4).contains(&code) => Some(4 - code),
        _ => None,
    }
}

/// The update half of the upsert: every column takes the new value, except that a customer id
/// already known is kept when the new row has none. Sobot's list rows carry no customer id
/// (ticket inventory 6.17, "List items carry no IDs for category, customer or agent"); it comes
/// from the detail or from a list filtered by customer, and a later sync must not wipe it.
fn upsert_assignments() -> String {
    COLUMNS
        .split(',')
        .map(str::trim)
        .filter(|column| !matches!(*column, "connection_id" | "ticket_id"))
        .map(|column| match column {
            "customer_id" => {
                "customer_id = COALESCE(excluded.customer_id, tickets.customer_id)".to_owned()
            }
            _ => format!("{column} = excluded.{column}"),
        })
        .chain([
            "priority_rank = excluded.priority_rank".to_owned(),
            "synced_at_ms = excluded.synced_at_ms".to_owned(),
        ])
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inserts or updates tickets in one transaction; returns how many were written.
pub fn upsert_tickets(
    connection: &mut Connection,
    tickets: &[StoredTicket],
    synced_at_ms: i64,
) -> rusqlite::Result<usize> {
    let tx = connection.transaction()?;
    {
        let mut insert = tx.prepare_cached(&format!(
            "INSERT INTO tickets ({COLUMNS}, priority_rank, synced_at_ms) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (connection_id, ticket_id) DO UPDATE SET {}",
            upsert_assignments()
        ))?;
        for t in tickets {
            insert.execute(rusqlite::params![
                t.connection_id,
                t.ticket_id,
                t.vendor.as_str(),
                t.ticket_code,
                t.title,
                t.content,
                t.status_code,
                t.priority_code,
                t.source_code,
                t.category_id,
                t.assignee_id,
                t.assignee_name,
                t.group_id,
                t.group_name,
                t.customer_id,
                t.customer_name,
                t.created_at_ms,
                t.updated_at_ms,
                t.custom_fields.to_string(),
                t.raw.to_string(),
                priority_rank(t.vendor, t.priority_code.as_deref()),
                synced_at_ms,
            ])?;
        }
    }
    tx.commit()?;
    Ok(tickets.len())
}

pub(crate) fn row_to_ticket(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredTicket> {
    let json = |index: usize| -> rusqlite::Result<serde_json::Value> {
        let text: String = row.get(index)?;
        serde_json::from_str(&text).map_err(|err| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                rusqlite::types::Type::Text,
                Box::new(err),
            )
        })
    };
    let vendor_text: String = row.get(2)?;
    let vendor = Vendor::parse(&vendor_text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown vendor {vendor_text}").into(),
        )
    })?;
    Ok(StoredTicket {
        connection_id: row.get(0)?,
        ticket_id: row.get(1)?,
        vendor,
        ticket_code: row.get(3)?,
        title: row.get(4)?,
        content: row.get(5)?,
        status_code: row.get(6)?,
        priority_code: row.get(7)?,
        source_code: row.get(8)?,
        category_id: row.get(9)?,
        assignee_id: row.get(10)?,
        assignee_name: row.get(11)?,
        group_id: row.get(12)?,
        group_name: row.get(13)?,
        customer_id: row.get(14)?,
        customer_name: row.get(15)?,
        created_at_ms: row.get(16)?,
        updated_at_ms: row.get(17)?,
        custom_fields: json(18)?,
        raw: json(19)?,
    })
}

/// One sorted page of the tickets matching a filter. Ties are broken by the newest change, then
/// by connection and ticket id so paging is stable.
pub fn query_tickets(
    connection: &Connection,
    request: &TicketPageRequest,
) -> rusqlite::Result<Vec<StoredTicket>> {
    let (clause, mut values) = where_clause(&request.filter);
    let sql = format!(
        "SELECT {COLUMNS} FROM tickets {clause} ORDER BY {} LIMIT ? OFFSET ?",
        request.order_by("tickets.")
    );
    values.push(Value::Integer(i64::from(request.limit)));
    values.push(Value::Integer(i64::from(request.offset)));
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(values), row_to_ticket)?;
    rows.collect()
}

/// How many tickets match a filter, per status code (for board columns and status counts).
pub fn count_by_status(
    connection: &Connection,
    filter: &TicketFilter,
) -> rusqlite::Result<Vec<(String, u64)>> {
    let (clause, values) = where_clause(filter);
    let sql = format!(
        "SELECT status_code, COUNT(*) FROM tickets {clause} GROUP BY status_code ORDER BY status_code"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(values), |row| {
        Ok((row.get(0)?, row.get(1)?))
    })?;
    rows.collect()
}

/// All ticket ids of a connection (for reconciling with the vendor after a sync).
pub fn ticket_ids(connection: &Connection, connection_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare_cached(
        "SELECT ticket_id FROM tickets WHERE connection_id = ? ORDER BY ticket_id",
    )?;
    let rows = statement.query_map([connection_id], |row| row.get(0))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use serde_json::json;

    #[test]
    fn priority_ranks_put_both_vendors_on_one_scale_from_low_to_urgent() {
        let sobot: Vec<_> = ["0", "1", "2", "3"]
            .map(|code| priority_rank(Vendor::Sobot, Some(code)))
            .into();
        let udesk: Vec<_> = ["4", "3", "2", "1"]
            .map(|code| priority_rank(Vendor::Udesk, Some(code)))
            .into();
        assert_eq!(sobot, [Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(udesk, sobot, "Udesk's low .. urgent");
        assert_eq!(priority_rank(Vendor::Sobot, Some("4")), None);
        assert_eq!(priority_rank(Vendor::Udesk, Some("0")), None);
        assert_eq!(priority_rank(Vendor::Udesk, Some("紧急")), None);
        assert_eq!(priority_rank(Vendor::Sobot, None), None);
    }

    /// A ticket with the given id, status, update time and title; other fields plausible.
    pub(crate) fn ticket(id: u32, status: &str, updated_at_ms: i64, title: &str) -> StoredTicket {
        StoredTicket {
            connection_id: if id.is_multiple_of(2) {
                "sobot".into()
            } else {
                "udesk-1".into()
            },
            ticket_id: format!("t{id:05}"),
            vendor: if id.is_multiple_of(2) {
                Vendor::Sobot
            } else {
                Vendor::Udesk
            },
            ticket_code: Some(format!("#{id}")),
            title: title.into(),
            content: format!("<p>content {id}</p>"),
            status_code: status.into(),
            priority_code: Some(((id % 4) + 1).to_string()),
            source_code: Some("email".into()),
            category_id: None,
            assignee_id: Some(format!("agent-{}", id % 3)),
            assignee_name: Some(format!("Agent {}", id % 3)),
            group_id: None,
            group_name: None,
            customer_id: Some(format!("c{id}")),
            customer_name: Some(if id == 7 {
                "王小明".into()
            } else {
                format!("Customer {id}")
            }),
            created_at_ms: 1_000 + i64::from(id),
            updated_at_ms,
            custom_fields: json!({"order": id}),
            raw: json!({"ticketid": format!("t{id:05}")}),
        }
    }

    fn store_with(tickets: &[StoredTicket]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        upsert_tickets(store.connection_mut(), tickets, 99).expect("upsert");
        (dir, store)
    }

    #[test]
    fn a_stored_ticket_reads_back_field_for_field() {
        let original = ticket(7, "open", 5_000, "Refund 退款");
        let (_dir, store) = store_with(std::slice::from_ref(&original));
        let page = query_tickets(
            store.connection(),
            &TicketPageRequest {
                limit: 10,
                ..Default::default()
            },
        )
        .expect("query");
        assert_eq!(page, vec![original]);
    }

    #[test]
    fn upserting_again_replaces_instead_of_duplicating() {
        let (_dir, mut store) = store_with(&[ticket(2, "open", 1, "before")]);
        upsert_tickets(
            store.connection_mut(),
            &[ticket(2, "closed", 2, "after")],
            100,
        )
        .expect("upsert");
        let page = query_tickets(
            store.connection(),
            &TicketPageRequest {
                limit: 10,
                ..Default::default()
            },
        )
        .expect("query");
        assert_eq!(page.len(), 1);
        assert_eq!(
            (page[0].status_code.as_str(), page[0].title.as_str()),
            ("closed", "after")
        );
    }

    #[test]
    fn a_known_customer_id_survives_a_row_without_one_and_yields_to_a_new_one() {
        let (_dir, mut store) = store_with(&[ticket(2, "open", 1, "before")]);
        let mut without = ticket(2, "closed", 2, "after");
        without.customer_id = None;
        upsert_tickets(store.connection_mut(), &[without], 100).expect("upsert");
        let read = |store: &Store| {
            query_tickets(
                store.connection(),
                &TicketPageRequest {
                    limit: 10,
                    ..Default::default()
                },
            )
            .expect("query")
        };
        let page = read(&store);
        assert_eq!(page[0].customer_id.as_deref(), Some("c2"));
        assert_eq!(page[0].status_code, "closed");
        let mut moved = ticket(2, "closed", 3, "after");
        moved.customer_id = Some("c9".into());
        upsert_tickets(store.connection_mut(), &[moved], 101).expect("upsert");
        assert_eq!(read(&store)[0].customer_id.as_deref(), Some("c9"));
    }

    #[test]
    fn a_customer_filter_lists_only_that_customers_tickets() {
        let (_dir, store) = store_with(&[
            ticket(3, "open", 1, "a"),
            ticket(4, "open", 2, "b"),
            ticket(5, "open", 3, "c"),
        ]);
        let mut request = TicketPageRequest {
            limit: 10,
            ..Default::default()
        };
        request.filter.customer_ids = vec!["c4".into()];
        let page = query_tickets(store.connection(), &request).expect("query");
        let ids: Vec<&str> = page.iter().map(|t| t.ticket_id.as_str()).collect();
        assert_eq!(ids, vec!["t00004"]);
    }

    #[test]
    fn a_filter_saved_before_customer_ids_existed_still_reads() {
        let filter: TicketFilter = serde_json::from_value(json!({
            "connection_ids": [], "statuses": ["open"], "priorities": [], "assignee_ids": [],
            "group_ids": [], "sources": [], "category_ids": [],
            "created": {"from_ms": null, "until_ms": null},
            "updated": {"from_ms": null, "until_ms": null}, "text": null
        }))
        .expect("an old saved filter");
        assert!(filter.customer_ids.is_empty());
        assert_eq!(filter.statuses, vec!["open".to_owned()]);
    }

    #[test]
    fn filters_combine_and_sorting_pages_stably() {
        let tickets: Vec<_> = (0..20)
            .map(|i| {
                ticket(
                    i,
                    if i < 12 { "open" } else { "closed" },
                    i64::from(i % 5),
                    "t",
                )
            })
            .collect();
        let (_dir, store) = store_with(&tickets);
        let filter = TicketFilter {
            statuses: vec!["open".into()],
            assignee_ids: vec!["agent-0".into(), "agent-1".into()],
            ..Default::default()
        };
        let all = query_tickets(
            store.connection(),
            &TicketPageRequest {
                filter: filter.clone(),
                limit: 100,
                ..Default::default()
            },
        )
        .expect("query");
        let expected = tickets
            .iter()
            .filter(|t| t.status_code == "open" && t.assignee_id.as_deref() != Some("agent-2"))
            .count();
        assert_eq!(all.len(), expected);
        assert!(
            all.windows(2)
                .all(|w| w[0].updated_at_ms >= w[1].updated_at_ms),
            "newest first"
        );
        let first = query_tickets(
            store.connection(),
            &TicketPageRequest {
                filter: filter.clone(),
                limit: 3,
                ..Default::default()
            },
        )
        .expect("page 1");
        let second = query_tickets(
            store.connection(),
            &TicketPageRequest {
                filter,
                limit: 3,
                offset: 3,
                ..Default::default()
            },
        )
        .expect("page 2");
        assert_eq!([first, second].concat(), all[..6].to_vec());
    }

    #[test]
    fn text_search_covers_title_content_customer_and_number_and_treats_wildcards_literally() {
        let (_dir, store) = store_with(&[
            ticket(7, "open", 1, "Invoice"),
            ticket(8, "open", 1, "100% refund"),
            ticket(9, "open", 1, "other"),
        ]);
        let search = |text: &str| {
            let filter = TicketFilter {
                text: Some(text.into()),
                ..Default::default()
            };
            let mut ids: Vec<String> = query_tickets(
                store.connection(),
                &TicketPageRequest {
                    filter,
                    limit: 10,
                    ..Default::default()
                },
            )
            .expect("query")
            .into_iter()
            .map(|t| t.ticket_id)
            .collect();
            ids.sort();
            ids
        };
        assert_eq!(search("王小明"), vec!["t00007"]);
        assert_eq!(search("#9"), vec!["t00009"]);
        assert_eq!(search("invoice"), vec!["t00007"]);
        assert_eq!(search("content 9"), vec!["t00009"]);
        assert_eq!(search("100%"), vec!["t00008"]);
        assert_eq!(search("%"), vec!["t00008"]);
    }

    #[test]
    fn counts_per_status_follow_the_filter() {
        let tickets: Vec<_> = (0..10)
            .map(|i| ticket(i, if i < 6 { "open" } else { "closed" }, 1, "t"))
            .collect();
        let (_dir, store) = store_with(&tickets);
        assert_eq!(
            count_by_status(store.connection(), &TicketFilter::default()).expect("counts"),
            vec![("closed".to_owned(), 4), ("open".to_owned(), 6)]
        );
        let sobot_only = TicketFilter {
            connection_ids: vec!["sobot".into()],
            ..Default::default()
        };
        assert_eq!(
            count_by_status(store.connection(), &sobot_only).expect("counts"),
            vec![("closed".to_owned(), 2), ("open".to_owned(), 3)]
        );
    }
}
