//! Exporting the ticket list as a CSV file for Excel: every cached ticket the list's filter
//! matches, in the list's order, with the columns the user shows and the names (not the codes) of
//! statuses, priorities, sources, categories and connections in the UI's language.
//!
//! The file is UTF-8 with a byte-order mark, which is what makes Excel read Chinese text
//! correctly. A cell that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return)
//! is prefixed with `'`, so that opening the file never runs what a customer typed into a title.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::PoisonError;

use serde::{Deserialize, Serialize};

use super::catalog::{CatalogEntry, ConnectionCatalog};
use super::{TicketDesk, TicketsError};
use crate::store::ticket_rows::{TicketRow, query_rows};
use crate::store::tickets::{SortField, TicketFilter, TicketPageRequest};

/// Rows read from the store at a time.
const PAGE: u32 = 1_000;

/// A column of the exported list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportField {
    /// The ticket number.
    Number,
    /// The title.
    Title,
    /// The status's name.
    Status,
    /// The priority's name.
    Priority,
    /// The assignee's name.
    Assignee,
    /// The group's name.
    Group,
    /// The customer's name.
    Customer,
    /// The source's name.
    Source,
    /// The category's name.
    Category,
    /// The connection's name.
    Connection,
    /// When it was created.
    Created,
    /// When it last changed.
    Updated,
}

/// What to export: the list's filter and order, and its columns with their headers.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    /// Which tickets.
    pub filter: TicketFilter,
    /// Their order.
    pub sort: SortField,
    /// Ascending instead of descending.
    pub ascending: bool,
    /// The columns, in order, each with its header as the user reads it.
    pub columns: Vec<(ExportField, String)>,
    /// The UI's language (`en` or `zh-CN`): which names of fixed vendor sets to write.
    pub language: String,
    /// The user's offset from UTC in minutes (east positive), for the times written.
    pub utc_offset_minutes: i32,
}

/// An exported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedList {
    /// Where it was written.
    pub path: PathBuf,
    /// How many tickets it holds.
    pub tickets: usize,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The tickets could not be read.
    #[error(transparent)]
    Tickets(#[from] TicketsError),
    /// The file could not be written (the path says where).
    #[error("could not write {path}: {source}")]
    Write {
        /// The file being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl TicketDesk<'_> {
    /// Writes the tickets `request` selects to `destination` as CSV. The file appears only when
    /// complete: it is written beside it under a hidden name and then renamed, so a failure
    /// leaves a file already there untouched.
    pub fn export_list(
        &self,
        request: &ExportRequest,
        destination: &Path,
    ) -> Result<ExportedList, ExportError> {
        let catalogs = self.catalogs()?;
        let store = self.store()?;
        let partial = crate::download::temporary_sibling(destination);
        let write = || -> Result<usize, CsvError> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
            let tickets = {
                let store = store.lock().unwrap_or_else(PoisonError::into_inner);
                write_csv(store.connection(), &catalogs, request, &mut out)?
            };
            out.into_inner()
                .map_err(std::io::IntoInnerError::into_error)?
                .sync_all()?;
            std::fs::rename(&partial, destination)?;
            Ok(tickets)
        };
        write()
            .map(|tickets| ExportedList {
                path: destination.to_path_buf(),
                tickets,
            })
            .map_err(|err| {
                let _ = std::fs::remove_file(&partial);
                match err {
                    CsvError::Io(source) => ExportError::Write {
                        path: destination.to_path_buf(),
                        source,
                    },
                    CsvError::Store(source) => ExportError::Tickets(source.into()),
                }
            })
    }
}

/// Why writing the CSV stopped.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The tickets could not be read.
    #[error(transparent)]
    Store(#[from] rusqlite::Error),
    /// The output refused the bytes.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes the byte-order mark, the header and every selected ticket, page by page; returns how
/// many tickets.
pub fn write_csv(
    connection: &rusqlite::Connection,
    catalogs: &[ConnectionCatalog],
    request: &ExportRequest,
    out: &mut impl Write,
) -> Result<usize, CsvError> {
    out.write_all("\u{feff}".as_bytes())?;
    let headers: Vec<&str> = request.columns.iter().map(|(_, h)| h.as_str()).collect();
    write_record(out, &headers)?;
    let mut offset = 0;
    loop {
        let page = TicketPageRequest {
            filter: request.filter.clone(),
            sort: request.sort,
            ascending: request.ascending,
            offset,
            limit: PAGE,
        };
        let rows = query_rows(connection, &page)?;
        for row in &rows {
            let cells: Vec<String> = request
                .columns
                .iter()
                .map(|(field, _)| cell(*field, row, catalogs, request))
                .collect();
            write_record(out, &cells)?;
        }
        let read = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        offset = offset.saturating_add(read);
        if read < PAGE {
            return Ok(offset as usize);
        }
    }
}

/// One CSV line: fields quoted when they hold a comma, quote or line break, formulas defused.
fn write_record<S: AsRef<str>>(out: &mut impl Write, fields: &[S]) -> std::io::Result<()> {
    let line: Vec<String> = fields
        .iter()
        .map(|field| csv_field(field.as_ref()))
        .collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// A field as CSV writes it.
pub fn csv_field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn cell(
    field: ExportField,
    row: &TicketRow,
    catalogs: &[ConnectionCatalog],
    request: &ExportRequest,
) -> String {
    let catalog = catalogs
        .iter()
        .find(|c| c.connection_id == row.connection_id);
    let named = |entries: Option<&Vec<CatalogEntry>>, code: Option<&str>| -> String {
        let Some(code) = code else {
            return String::new();
        };
        entries
            .and_then(|entries| entries.iter().find(|e| e.code == code))
            .map_or_else(|| code.to_owned(), |e| name_in(e, &request.language))
    };
    match field {
        ExportField::Number => row
            .ticket_code
            .clone()
            .unwrap_or_else(|| row.ticket_id.clone()),
        ExportField::Title => row.title.clone(),
        ExportField::Status => named(catalog.map(|c| &c.statuses), Some(row.status_code.as_str())),
        ExportField::Priority => {
            named(catalog.map(|c| &c.priorities), row.priority_code.as_deref())
        }
        ExportField::Assignee => row.assignee_name.clone().unwrap_or_default(),
        ExportField::Group => row.group_name.clone().unwrap_or_default(),
        ExportField::Customer => row.customer_name.clone().unwrap_or_default(),
        ExportField::Source => named(catalog.map(|c| &c.sources), row.source_code.as_deref()),
        ExportField::Category => named(catalog.map(|c| &c.categories), row.category_id.as_deref()),
        ExportField::Connection => {
            catalog.map_or_else(|| row.connection_id.clone(), |c| c.name.clone())
        }
        ExportField::Created => local_time(row.created_at_ms, request.utc_offset_minutes),
        ExportField::Updated => local_time(row.updated_at_ms, request.utc_offset_minutes),
    }
}

/// The name of a coded value in `language`, as the UI shows it (`itemLabel` in the UI).
fn name_in(entry: &CatalogEntry, language: &str) -> String {
    let localized = if language.starts_with("zh") {
        entry.name_zh.as_ref()
    } else {
        entry.name_en.as_ref()
    };
    localized.unwrap_or(&entry.name).clone()
}

/// `2026-12-07 18:31`, at the user's offset from UTC; empty for an unknown time (0).
fn local_time(ms: i64, utc_offset_minutes: i32) -> String {
    if ms <= 0 {
        return String::new();
    }
    let shifted = ms + i64::from(utc_offset_minutes) * 60_000;
    chrono::DateTime::from_timestamp_millis(shifted)
        .map(|time| time.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed_and_formulas_are_defused() {
        assert_eq!(csv_field("退款 refund"), "退款 refund");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+86 138"), "'+86 138");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn times_are_written_at_the_users_offset() {
        // 2026-12-07 10:31 UTC
        let ms = 1_796_639_460_000;
        assert_eq!(local_time(ms, 0), "2026-12-07 10:31");
        assert_eq!(local_time(ms, 480), "2026-12-07 18:31");
        assert_eq!(local_time(ms, -300), "2026-12-07 05:31");
        assert_eq!(local_time(0, 480), "");
    }

    #[test]
    fn names_follow_the_ui_language_and_fall_back_to_the_vendors() {
        let entry = CatalogEntry {
            code: "3".into(),
            name: "紧急".into(),
            name_en: Some("Urgent".into()),
            name_zh: Some("紧急".into()),
            custom: false,
            closed: false,
            deleted: false,
            parent: None,
            leaf: true,
        };
        assert_eq!(name_in(&entry, "en"), "Urgent");
        assert_eq!(name_in(&entry, "zh-CN"), "紧急");
        let custom = CatalogEntry {
            name_en: None,
            name_zh: None,
            name: "待客户回复".into(),
            ..entry
        };
        assert_eq!(name_in(&custom, "en"), "待客户回复");
    }
}
