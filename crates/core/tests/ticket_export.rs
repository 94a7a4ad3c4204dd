//! Exporting the ticket list of a synced Sobot sandbox as CSV: every matching ticket once, in the
//! list's order, with names instead of codes, and nothing left behind when writing fails.

use switchboard_core::profiles::VendorLanguage;
use switchboard_core::store::tickets::{SortField, TicketFilter};
use switchboard_core::tickets::export::{ExportError, ExportField, ExportRequest};

use crate::common;

fn request(filter: TicketFilter, language: &str) -> ExportRequest {
    ExportRequest {
        filter,
        sort: SortField::UpdatedAt,
        ascending: false,
        columns: vec![
            (ExportField::Number, "Number".into()),
            (ExportField::Title, "Title".into()),
            (ExportField::Status, "Status".into()),
            (ExportField::Priority, "Priority".into()),
            (ExportField::Connection, "Connection".into()),
            (ExportField::Updated, "Updated".into()),
        ],
        language: language.into(),
        utc_offset_minutes: 480,
    }
}

/// The file's records (a naive split: the sandbox's titles hold no commas, quotes or newlines).
fn records(text: &str) -> Vec<Vec<String>> {
    text.trim_end()
        .split("\r\n")
        .map(|line| line.split(',').map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_list_is_exported_in_its_order_with_names_and_a_byte_order_mark_for_excel() {
    let setup = common::Synced::sobot(7, VendorLanguage::Zh, 7).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("工单.csv");
    let exported = setup
        .desk()
        .export_list(&request(TicketFilter::default(), "en"), &path)
        .expect("exported");
    let cached = setup.cached(TicketFilter::default());
    assert_eq!(exported.tickets, cached.len());
    assert_eq!(exported.path, path);

    let bytes = std::fs::read(&path).expect("written");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 byte-order mark first"
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    let rows = records(text.trim_start_matches('\u{feff}'));
    assert_eq!(
        rows[0],
        [
            "Number",
            "Title",
            "Status",
            "Priority",
            "Connection",
            "Updated"
        ]
    );
    assert_eq!(
        rows.len(),
        cached.len() + 1,
        "a header and one line a ticket"
    );
    for (line, ticket) in rows[1..].iter().zip(&cached) {
        let number = ticket
            .ticket_code
            .clone()
            .unwrap_or_else(|| ticket.ticket_id.clone());
        assert_eq!(
            line[0].trim_start_matches('\''),
            number,
            "in the list's order"
        );
        assert_eq!(line[1], ticket.title);
        assert!(
            !line[2].is_empty() && line[2] != ticket.status_code,
            "the status's name, not its code: {line:?}"
        );
        assert_eq!(
            line[5].len(),
            "2026-12-07 18:31".len(),
            "a local time: {line:?}"
        );
    }
    let urgent = rows[1..].iter().find(|line| line[3] == "Urgent");
    assert!(urgent.is_some(), "priorities are named in English");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["工单.csv"], "no partial file is left");
}

#[tokio::test]
async fn a_filtered_export_holds_only_the_matching_tickets_named_in_chinese() {
    let setup = common::Synced::sobot(7, VendorLanguage::Zh, 7).await;
    let status = setup.cached(TicketFilter::default())[0].status_code.clone();
    let filter = TicketFilter {
        statuses: vec![status],
        ..Default::default()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("list.csv");
    let exported = setup
        .desk()
        .export_list(&request(filter.clone(), "zh-CN"), &path)
        .expect("exported");
    assert_eq!(exported.tickets, setup.cached(filter).len());
    let text = std::fs::read_to_string(&path).expect("written");
    let rows = records(text.trim_start_matches('\u{feff}'));
    let statuses: std::collections::BTreeSet<&str> =
        rows[1..].iter().map(|line| line[2].as_str()).collect();
    assert_eq!(statuses.len(), 1, "one status: {statuses:?}");
    assert!(
        statuses.iter().all(|name| !name.is_ascii()),
        "named in Chinese: {statuses:?}"
    );
}

#[tokio::test]
async fn a_place_that_cannot_be_written_is_named_and_nothing_is_left_behind() {
    let setup = common::Synced::sobot(7, VendorLanguage::Zh, 7).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-folder").join("list.csv");
    let err = setup
        .desk()
        .export_list(&request(TicketFilter::default(), "en"), &missing)
        .expect_err("no folder");
    match err {
        ExportError::Write { path, .. } => assert_eq!(path, missing),
        other => panic!("expected a write error, got {other:?}"),
    }
    assert!(err_free(dir.path()), "nothing was written");
}

fn err_free(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).expect("dir").next().is_none()
}
