//! Small per-connection preferences kept with the profile's data (for example the agent the user
//! acts as when replying).

use rusqlite::{Connection, OptionalExtension};

/// The key of the agent id the user acts as on a connection.
pub const ACTING_AGENT: &str = "acting_agent_id";

/// A connection's preference, if set.
pub fn get(
    connection: &Connection,
    connection_id: &str,
    key: &str,
) -> rusqlite::Result<Option<String>> {
    connection
        .query_row(
            "SELECT value FROM connection_settings WHERE connection_id = ?1 AND key = ?2",
            [connection_id, key],
            |row| row.get(0),
        )
        .optional()
}

/// Sets a connection's preference (`None` removes it).
pub fn set(
    connection: &Connection,
    connection_id: &str,
    key: &str,
    value: Option<&str>,
) -> rusqlite::Result<()> {
    match value {
        Some(value) => connection.execute(
            "INSERT INTO connection_settings (connection_id, key, value) VALUES (?1, ?2, ?3)
             ON CONFLICT (connection_id, key) DO UPDATE SET value = excluded.value",
            [connection_id, key, value],
        )?,
        None => connection.execute(
            "DELETE FROM connection_settings WHERE connection_id = ?1 AND key = ?2",
            [connection_id, key],
        )?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_preference_is_set_replaced_and_removed_per_connection() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        let db = store.connection();
        set(db, "sobot", ACTING_AGENT, Some("a1")).expect("set");
        set(db, "sobot", ACTING_AGENT, Some("a2")).expect("replace");
        assert_eq!(
            get(db, "sobot", ACTING_AGENT).expect("get").as_deref(),
            Some("a2")
        );
        assert_eq!(get(db, "udesk-1", ACTING_AGENT).expect("get"), None);
        set(db, "sobot", ACTING_AGENT, None).expect("remove");
        assert_eq!(get(db, "sobot", ACTING_AGENT).expect("get"), None);
    }
}
