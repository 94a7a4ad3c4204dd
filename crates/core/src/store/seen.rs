//! What the user last saw of each ticket, so boards and lists can mark tickets that changed
//! since the user last looked.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// How a ticket relates to what the user last saw of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeenState {
    /// Never opened in this app.
    Unseen,
    /// Updated at the vendor after the user last opened it.
    Changed,
    /// Unchanged since the user last opened it.
    Seen,
}

impl SeenState {
    /// The state of a ticket updated at `updated_at_ms` that the user saw at version
    /// `seen_updated_at_ms` (none: never).
    pub fn of(updated_at_ms: i64, seen_updated_at_ms: Option<i64>) -> Self {
        match seen_updated_at_ms {
            None => Self::Unseen,
            Some(seen) if updated_at_ms > seen => Self::Changed,
            Some(_) => Self::Seen,
        }
    }
}

/// Records that the user saw the ticket as it was at `updated_at_ms`.
pub fn mark_seen(
    connection: &Connection,
    connection_id: &str,
    ticket_id: &str,
    updated_at_ms: i64,
    now_ms: i64,
) -> rusqlite::Result<()> {
    connection.execute(
        "INSERT INTO ticket_seen (connection_id, ticket_id, seen_updated_at_ms, seen_at_ms)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (connection_id, ticket_id) DO UPDATE SET
           seen_updated_at_ms = MAX(seen_updated_at_ms, excluded.seen_updated_at_ms),
           seen_at_ms = excluded.seen_at_ms",
        rusqlite::params![connection_id, ticket_id, updated_at_ms, now_ms],
    )?;
    Ok(())
}

/// The version of the ticket the user last saw, if any.
pub fn seen_version(
    connection: &Connection,
    connection_id: &str,
    ticket_id: &str,
) -> rusqlite::Result<Option<i64>> {
    connection
        .query_row(
            "SELECT seen_updated_at_ms FROM ticket_seen WHERE connection_id = ?1 AND ticket_id = ?2",
            [connection_id, ticket_id],
            |row| row.get(0),
        )
        .optional()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_ticket_updated_after_it_was_seen_counts_as_changed() {
        assert_eq!(SeenState::of(10, None), SeenState::Unseen);
        assert_eq!(SeenState::of(10, Some(10)), SeenState::Seen);
        assert_eq!(SeenState::of(11, Some(10)), SeenState::Changed);
    }

    #[test]
    fn marking_an_older_version_never_moves_the_seen_version_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        mark_seen(store.connection(), "sobot", "t1", 50, 1).expect("mark");
        mark_seen(store.connection(), "sobot", "t1", 40, 2).expect("mark");
        assert_eq!(
            seen_version(store.connection(), "sobot", "t1").expect("read"),
            Some(50)
        );
        assert_eq!(
            seen_version(store.connection(), "sobot", "t2").expect("read"),
            None
        );
    }
}
