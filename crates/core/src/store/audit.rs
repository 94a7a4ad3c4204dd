//! The audit log: every write the app makes at a vendor (when, which connection, what, result).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// Whether the write succeeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AuditOutcome {
    /// The vendor accepted it.
    Ok,
    /// It failed; the code is the vendor's or ours, the message as received.
    Failed {
        /// Vendor or Switchboard error code.
        code: String,
        /// The message, as received.
        message: String,
    },
}

/// One write, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Sequence number (increasing).
    pub id: i64,
    /// When, Unix milliseconds.
    pub at_ms: i64,
    /// Which connection.
    pub connection_id: String,
    /// What was done, such as `ticket.reply` or `blacklist.add`.
    pub action: String,
    /// What it was done to, such as a ticket id or a phone number.
    pub target: String,
    /// A short human summary (never a secret).
    pub summary: String,
    /// The result.
    pub outcome: AuditOutcome,
}

/// A write about to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEntry<'a> {
    /// When, Unix milliseconds.
    pub at_ms: i64,
    /// Which connection.
    pub connection_id: &'a str,
    /// What was done.
    pub action: &'a str,
    /// What it was done to.
    pub target: &'a str,
    /// A short summary.
    pub summary: &'a str,
    /// The result.
    pub outcome: AuditOutcome,
}

/// Appends an entry; returns its id.
pub fn record(connection: &Connection, entry: &NewAuditEntry<'_>) -> rusqlite::Result<i64> {
    let (outcome, code, message) = match &entry.outcome {
        AuditOutcome::Ok => ("ok", None, None),
        AuditOutcome::Failed { code, message } => {
            ("failed", Some(code.as_str()), Some(message.as_str()))
        }
    };
    connection.execute(
        "INSERT INTO audit_log (at_ms, connection_id, action, target, summary, outcome, error_code, error_message) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rusqlite::params![entry.at_ms, entry.connection_id, entry.action, entry.target, entry.summary, outcome, code, message],
    )?;
    Ok(connection.last_insert_rowid())
}

/// The newest entries first, `limit` of them, older than `before_id` when given (for paging).
pub fn recent(
    connection: &Connection,
    limit: u32,
    before_id: Option<i64>,
) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut statement = connection.prepare_cached(
        "SELECT id, at_ms, connection_id, action, target, summary, outcome, error_code, error_message \
         FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?",
    )?;
    let rows = statement.query_map(
        rusqlite::params![before_id.unwrap_or(i64::MAX), limit],
        |row| {
            let outcome: String = row.get(6)?;
            Ok(AuditEntry {
                id: row.get(0)?,
                at_ms: row.get(1)?,
                connection_id: row.get(2)?,
                action: row.get(3)?,
                target: row.get(4)?,
                summary: row.get(5)?,
                outcome: if outcome == "ok" {
                    AuditOutcome::Ok
                } else {
                    AuditOutcome::Failed {
                        code: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
                        message: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
                    }
                },
            })
        },
    )?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn entries_read_back_newest_first_with_their_outcome_and_page_by_id() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        for i in 0..5 {
            let outcome = if i == 3 {
                AuditOutcome::Failed {
                    code: "700046".into(),
                    message: "无权限".into(),
                }
            } else {
                AuditOutcome::Ok
            };
            record(
                store.connection(),
                &NewAuditEntry {
                    at_ms: 1_000 + i,
                    connection_id: "sobot",
                    action: "ticket.reply",
                    target: &format!("t{i}"),
                    summary: "public reply",
                    outcome,
                },
            )
            .expect("record");
        }
        let newest = recent(store.connection(), 2, None).expect("recent");
        assert_eq!(
            newest.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(),
            ["t4", "t3"]
        );
        assert_eq!(
            newest[1].outcome,
            AuditOutcome::Failed {
                code: "700046".into(),
                message: "无权限".into()
            }
        );
        let older = recent(store.connection(), 10, Some(newest[1].id)).expect("older");
        assert_eq!(
            older.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(),
            ["t2", "t1", "t0"]
        );
    }
}
