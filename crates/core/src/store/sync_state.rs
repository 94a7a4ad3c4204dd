//! What sync has planned and finished, per connection and stream, so a killed sync resumes
//! without refetching finished windows.

use rusqlite::{Connection, OptionalExtension};

/// A half-open time window `[start_ms, end_ms)` in Unix milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Window {
    /// Inclusive start.
    pub start_ms: i64,
    /// Exclusive end.
    pub end_ms: i64,
}

/// Records a plan: every window pending. Existing windows with the same start are kept as is.
pub fn plan_windows(
    connection: &mut Connection,
    connection_id: &str,
    stream: &str,
    windows: &[Window],
) -> rusqlite::Result<()> {
    let tx = connection.transaction()?;
    {
        let mut insert = tx.prepare_cached(
            "INSERT OR IGNORE INTO sync_windows (connection_id, stream, window_start_ms, window_end_ms, state) \
             VALUES (?, ?, ?, ?, 'pending')",
        )?;
        for window in windows {
            insert.execute(rusqlite::params![
                connection_id,
                stream,
                window.start_ms,
                window.end_ms
            ])?;
        }
    }
    tx.commit()
}

/// The windows still to fetch, oldest first.
pub fn pending_windows(
    connection: &Connection,
    connection_id: &str,
    stream: &str,
) -> rusqlite::Result<Vec<Window>> {
    let mut statement = connection.prepare_cached(
        "SELECT window_start_ms, window_end_ms FROM sync_windows \
         WHERE connection_id = ? AND stream = ? AND state = 'pending' ORDER BY window_start_ms",
    )?;
    let rows = statement.query_map([connection_id, stream], |row| {
        Ok(Window {
            start_ms: row.get(0)?,
            end_ms: row.get(1)?,
        })
    })?;
    rows.collect()
}

/// Marks a window fetched, with how many records it held.
pub fn finish_window(
    connection: &Connection,
    connection_id: &str,
    stream: &str,
    window: Window,
    fetched: usize,
    now_ms: i64,
) -> rusqlite::Result<()> {
    connection.execute(
        "UPDATE sync_windows SET state = 'done', fetched = ?, finished_at_ms = ? \
         WHERE connection_id = ? AND stream = ? AND window_start_ms = ?",
        rusqlite::params![
            i64::try_from(fetched).unwrap_or(i64::MAX),
            now_ms,
            connection_id,
            stream,
            window.start_ms
        ],
    )?;
    Ok(())
}

/// When every planned window is done: moves the cursor to the end of the plan and clears it.
/// Returns the new cursor, or `None` while windows are still pending.
pub fn complete_plan(
    connection: &mut Connection,
    connection_id: &str,
    stream: &str,
) -> rusqlite::Result<Option<i64>> {
    let tx = connection.transaction()?;
    let pending: i64 = tx.query_row(
        "SELECT COUNT(*) FROM sync_windows WHERE connection_id = ? AND stream = ? AND state = 'pending'",
        [connection_id, stream],
        |row| row.get(0),
    )?;
    if pending > 0 {
        return Ok(None);
    }
    let end: Option<i64> = tx.query_row(
        "SELECT MAX(window_end_ms) FROM sync_windows WHERE connection_id = ? AND stream = ?",
        [connection_id, stream],
        |row| row.get(0),
    )?;
    if let Some(end) = end {
        tx.execute(
            "INSERT INTO sync_cursors (connection_id, stream, synced_until_ms) VALUES (?1, ?2, ?3) \
             ON CONFLICT (connection_id, stream) DO UPDATE SET synced_until_ms = MAX(synced_until_ms, excluded.synced_until_ms)",
            rusqlite::params![connection_id, stream, end],
        )?;
        tx.execute(
            "DELETE FROM sync_windows WHERE connection_id = ? AND stream = ?",
            [connection_id, stream],
        )?;
    }
    tx.commit()?;
    cursor(connection, connection_id, stream)
}

/// Everything before this instant has been synced.
pub fn cursor(
    connection: &Connection,
    connection_id: &str,
    stream: &str,
) -> rusqlite::Result<Option<i64>> {
    connection
        .query_row(
            "SELECT synced_until_ms FROM sync_cursors WHERE connection_id = ? AND stream = ?",
            [connection_id, stream],
            |row| row.get(0),
        )
        .optional()
}
