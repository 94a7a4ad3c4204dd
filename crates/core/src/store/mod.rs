//! The local store: one SQLite database per profile (WAL), migrated on open.

pub mod audit;
pub mod connection_settings;
mod migrations;
pub mod reference;
pub mod seen;
pub mod sync_state;
mod ticket_query;
pub mod ticket_rows;
pub mod tickets;
pub mod views;

pub use migrations::{MIGRATIONS, latest_version};

use std::path::{Path, PathBuf};

use rusqlite::Connection;

/// The database file's name inside a profile's data directory.
pub const DATABASE_FILE_NAME: &str = "switchboard.sqlite3";

/// Why the local store could not be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed (disk full, permissions, corruption).
    #[error("local database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The database was written by a newer Switchboard; opening it could lose data.
    #[error(
        "local database {path} has schema version {found}, newer than this app's {supported}; update Switchboard"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
}

/// An open profile database.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, turns on WAL and foreign keys, and
    /// applies the migrations it lacks, each in its own transaction.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|err| sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(err))))?;
        }
        let connection = Connection::open(path).map_err(sqlite)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
            )
            .map_err(sqlite)?;
        let mut store = Self {
            connection,
            path: path.to_path_buf(),
        };
        store.migrate_to(latest_version())?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.connection
            .pragma_query_value(None, "user_version", |row| row.get::<_, u32>(0))
            .map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })
    }

    /// The underlying connection, for the store's query modules.
    pub fn connection(&self) -> &Connection {
        &self.connection
    }

    /// The underlying connection for writes that need a transaction.
    pub fn connection_mut(&mut self) -> &mut Connection {
        &mut self.connection
    }

    fn migrate_to(&mut self, target: u32) -> Result<(), StoreError> {
        let current = self.schema_version()?;
        if current > latest_version() {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: current,
                supported: latest_version(),
            });
        }
        let path = self.path.clone();
        let sqlite = move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        for version in current + 1..=target {
            let sql = MIGRATIONS[(version - 1) as usize];
            let tx = self.connection.transaction().map_err(&sqlite)?;
            tx.execute_batch(sql).map_err(&sqlite)?;
            tx.pragma_update(None, "user_version", version)
                .map_err(&sqlite)?;
            tx.commit().map_err(&sqlite)?;
            tracing::info!(version, db = %self.path.display(), "local database migrated");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema as SQLite reports it, for comparing databases.
    fn schema(connection: &Connection) -> Vec<String> {
        let mut statement = connection
            .prepare("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_schema ORDER BY type, name")
            .expect("schema query");
        statement
            .query_map([], |row| row.get::<_, String>(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("schema")
    }

    #[test]
    fn a_new_database_is_at_the_latest_version_in_wal_mode() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("p1").join(DATABASE_FILE_NAME)).expect("opens");
        assert_eq!(store.schema_version().expect("version"), latest_version());
        let mode: String = store
            .connection()
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .expect("journal mode");
        assert_eq!(mode, "wal");
    }

    #[test]
    fn every_earlier_version_migrates_to_the_same_schema_as_a_new_database() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fresh = Store::open(&dir.path().join("fresh.sqlite3")).expect("fresh");
        let expected = schema(fresh.connection());
        for start in 0..latest_version() {
            let path = dir.path().join(format!("from-{start}.sqlite3"));
            {
                let mut old = Store {
                    connection: Connection::open(&path).expect("open"),
                    path: path.clone(),
                };
                old.migrate_to(start).expect("build the old version");
                assert_eq!(old.schema_version().expect("version"), start);
            }
            let upgraded = Store::open(&path).expect("upgrades");
            assert_eq!(
                upgraded.schema_version().expect("version"),
                latest_version()
            );
            assert_eq!(
                schema(upgraded.connection()),
                expected,
                "migrating from version {start}"
            );
        }
    }

    #[test]
    fn migration_4_ranks_existing_tickets_as_the_upsert_does() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("v3.sqlite3");
        let cases = [
            ("sobot", "0"),
            ("sobot", "3"),
            ("sobot", "7"),
            ("udesk", "1"),
            ("udesk", "4"),
            ("udesk", "urgent"),
        ];
        {
            let mut old = Store {
                connection: Connection::open(&path).expect("open"),
                path: path.clone(),
            };
            old.migrate_to(3).expect("version 3");
            for (index, (vendor, code)) in cases.iter().enumerate() {
                old.connection()
                    .execute(
                        "INSERT INTO tickets (connection_id, ticket_id, vendor, status_code, \
                         priority_code, created_at_ms, updated_at_ms, raw, synced_at_ms) \
                         VALUES (?, ?, ?, '1', ?, 0, 0, '{}', 0)",
                        rusqlite::params![vendor, index.to_string(), vendor, code],
                    )
                    .expect("insert");
            }
        }
        let store = Store::open(&path).expect("migrates");
        for (index, (vendor, code)) in cases.iter().enumerate() {
            let rank: Option<i64> = store
                .connection()
                .query_row(
                    "SELECT priority_rank FROM tickets WHERE ticket_id = ?",
                    [index.to_string()],
                    |row| row.get(0),
                )
                .expect("row");
            let vendor = if *vendor == "sobot" {
                tickets::Vendor::Sobot
            } else {
                tickets::Vendor::Udesk
            };
            assert_eq!(
                rank,
                tickets::priority_rank(vendor, Some(code)),
                "{vendor:?} {code}"
            );
        }
    }

    #[test]
    fn reopening_keeps_the_data() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(DATABASE_FILE_NAME);
        Store::open(&path)
            .expect("opens")
            .connection()
            .execute(
                "INSERT INTO saved_views (id, name, filter, created_at_ms, updated_at_ms) VALUES ('v1', '我的待办', '{}', 1, 1)",
                [],
            )
            .expect("insert");
        let reopened = Store::open(&path).expect("reopens");
        let name: String = reopened
            .connection()
            .query_row("SELECT name FROM saved_views WHERE id = 'v1'", [], |row| {
                row.get(0)
            })
            .expect("row");
        assert_eq!(name, "我的待办");
    }

    #[test]
    fn a_database_from_a_newer_app_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(DATABASE_FILE_NAME);
        Connection::open(&path)
            .expect("open")
            .pragma_update(None, "user_version", latest_version() + 1)
            .expect("set version");
        let err = Store::open(&path).expect_err("refused");
        assert!(
            matches!(err, StoreError::TooNew { found, .. } if found == latest_version() + 1),
            "{err}"
        );
    }
}
