//! Benchmark: the board and list queries over 50,000 cached tickets.
//!
//! `cargo bench -p switchboard-core --bench board_query` prints the median of repeated runs of:
//! bulk upsert, a filtered sorted first page, a deep page, a text search, and per-status counts.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::store::Store;
use switchboard_core::store::reference::{ReferenceItem, ReferenceKind, replace_kind};
use switchboard_core::store::seen::mark_seen;
use switchboard_core::store::ticket_rows::{count, query_rows};
use switchboard_core::store::tickets::{
    SortField, StoredTicket, TicketFilter, TicketPageRequest, Vendor, count_by_status,
    upsert_tickets,
};
use switchboard_core::tickets::export::{ExportField, ExportRequest, write_csv};

const TICKETS: u32 = 50_000;
const RUNS: usize = 25;
const STATUSES: [&str; 6] = ["0", "1", "2", "3", "99", "custom-7"];

fn ticket(i: u32) -> StoredTicket {
    StoredTicket {
        connection_id: if i.is_multiple_of(5) {
            "udesk-1".into()
        } else {
            "sobot".into()
        },
        ticket_id: format!("{i:08}"),
        vendor: if i.is_multiple_of(5) {
            Vendor::Udesk
        } else {
            Vendor::Sobot
        },
        ticket_code: Some(format!("#{i}")),
        title: format!(
            "Order {i} {}",
            if i.is_multiple_of(97) {
                "退款 refund"
            } else {
                "delivery question"
            }
        ),
        content: format!("<p>The customer asks about order {i} and its delivery window.</p>"),
        status_code: STATUSES[(i % 6) as usize].into(),
        priority_code: Some(((i % 4) + 1).to_string()),
        source_code: Some(["email", "web", "phone", "wechat"][(i % 4) as usize].into()),
        category_id: Some(format!("cat-{}", i % 12)),
        assignee_id: Some(format!("agent-{}", i % 30)),
        assignee_name: Some(format!("Agent {}", i % 30)),
        group_id: Some(format!("group-{}", i % 5)),
        group_name: Some(format!("Group {}", i % 5)),
        customer_id: Some(format!("c{}", i % 2_000)),
        customer_name: Some(format!("客户 {}", i % 2_000)),
        created_at_ms: 1_700_000_000_000 + i64::from(i) * 60_000,
        updated_at_ms: 1_700_000_000_000 + i64::from((i * 7_919) % TICKETS) * 60_000,
        custom_fields: json!({"order": i}),
        raw: json!({"ticketid": i, "ticket_title": "…"}),
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(name: &str, mut run: impl FnMut() -> usize) {
    let mut rows = 0;
    let samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            rows = run();
            start.elapsed()
        })
        .collect();
    println!(
        "{name:<58} {:>9.2} ms  ({rows} rows)",
        median(samples).as_secs_f64() * 1_000.0
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("bench.sqlite3"))?;
    let tickets: Vec<_> = (0..TICKETS).map(ticket).collect();
    let start = Instant::now();
    upsert_tickets(store.connection_mut(), &tickets, 1)?;
    let insert = start.elapsed();
    println!(
        "upsert {TICKETS} tickets in one transaction: {:.0} ms ({:.0} tickets/s)",
        insert.as_secs_f64() * 1_000.0,
        f64::from(TICKETS) / insert.as_secs_f64()
    );
    // Each connection's statuses in its own order (the board's columns), which "by status" sorts by.
    for connection in ["sobot", "udesk-1"] {
        let statuses: Vec<ReferenceItem> = STATUSES
            .iter()
            .rev()
            .zip(0..)
            .map(|(code, position)| ReferenceItem {
                connection_id: connection.into(),
                kind: ReferenceKind::Status,
                code: (*code).into(),
                name: (*code).into(),
                position,
                extra: json!({}),
            })
            .collect();
        replace_kind(
            store.connection_mut(),
            connection,
            ReferenceKind::Status,
            &statuses,
        )?;
    }
    let board = TicketFilter {
        connection_ids: vec!["sobot".into(), "udesk-1".into()],
        priorities: vec!["1".into(), "2".into()],
        assignee_ids: (0..10).map(|a| format!("agent-{a}")).collect(),
        ..Default::default()
    };
    let page = |filter: TicketFilter, sort: SortField, offset: u32| TicketPageRequest {
        filter,
        sort,
        ascending: false,
        offset,
        limit: 200,
    };
    let db = store.connection();
    measure("first page (200), filtered, newest first", || {
        query_rows(db, &page(board.clone(), SortField::UpdatedAt, 0))
            .map(|r| r.len())
            .unwrap_or(0)
    });
    measure("page at offset 5000, filtered, by priority", || {
        query_rows(db, &page(board.clone(), SortField::Priority, 5_000))
            .map(|r| r.len())
            .unwrap_or(0)
    });
    measure("first page, one status, unfiltered otherwise", || {
        let filter = TicketFilter {
            statuses: vec!["99".into()],
            ..Default::default()
        };
        query_rows(db, &page(filter, SortField::UpdatedAt, 0))
            .map(|r| r.len())
            .unwrap_or(0)
    });
    measure("text search '退款' over title, content, customer", || {
        let filter = TicketFilter {
            text: Some("退款".into()),
            ..Default::default()
        };
        query_rows(db, &page(filter, SortField::UpdatedAt, 0))
            .map(|r| r.len())
            .unwrap_or(0)
    });
    measure("counts per status, filtered", || {
        count_by_status(db, &board).map(|r| r.len()).unwrap_or(0)
    });
    // What the list view asks while scrolling all 50,000 rows: a page of 200 rows with their
    // seen state (half the tickets seen) and the total, at the start, middle and end.
    for ticket in tickets.iter().step_by(2) {
        mark_seen(
            db,
            &ticket.connection_id,
            &ticket.ticket_id,
            ticket.updated_at_ms,
            1,
        )?;
    }
    for (sort, name) in [
        (SortField::UpdatedAt, "newest first"),
        (SortField::Priority, "by priority"),
        (SortField::Status, "by status"),
    ] {
        for offset in [0, 25_000, 49_800] {
            measure(
                &format!("list rows (200) + seen + total at offset {offset}, {name}"),
                || {
                    let request = page(TicketFilter::default(), sort, offset);
                    let rows = query_rows(db, &request).map(|r| r.len()).unwrap_or(0);
                    rows + usize::try_from(count(db, &request.filter).unwrap_or(0)).unwrap_or(0)
                },
            );
        }
    }
    let every_column = [
        ExportField::Number,
        ExportField::Title,
        ExportField::Status,
        ExportField::Priority,
        ExportField::Assignee,
        ExportField::Group,
        ExportField::Customer,
        ExportField::Source,
        ExportField::Category,
        ExportField::Connection,
        ExportField::Created,
        ExportField::Updated,
    ];
    let export = ExportRequest {
        filter: TicketFilter::default(),
        sort: SortField::UpdatedAt,
        ascending: false,
        columns: every_column
            .map(|field| (field, format!("{field:?}")))
            .into(),
        language: "en".into(),
        utc_offset_minutes: 480,
    };
    let mut bytes = 0;
    measure("export every ticket as CSV, 12 columns (in memory)", || {
        let mut out = Vec::with_capacity(16 << 20);
        let tickets = write_csv(db, &[], &export, &mut out).unwrap_or(0);
        bytes = out.len();
        tickets
    });
    println!("  ({:.1} MB of CSV)", bytes as f64 / 1_048_576.0);
    Ok(())
}
