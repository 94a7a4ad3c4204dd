//! Saved views: a named ticket filter, stored locally.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::tickets::TicketFilter;

/// A named filter the user saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    /// Stable id.
    pub id: String,
    /// The name the user gave it (unique).
    pub name: String,
    /// The filter.
    pub filter: TicketFilter,
    /// Last change, Unix milliseconds.
    pub updated_at_ms: i64,
}

/// Why a view could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// Another view already has that name.
    #[error("a view named {0} already exists")]
    NameTaken(String),
    /// The name is empty.
    #[error("a view needs a name")]
    NameRequired,
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// The stored filter is not valid JSON (written by another version).
    #[error("view {id} has an unreadable filter: {source}")]
    Corrupt {
        /// The view.
        id: String,
        /// Why.
        source: serde_json::Error,
    },
}

/// Creates or replaces a view (matched by id).
pub fn save(connection: &Connection, view: &SavedView) -> Result<(), ViewError> {
    let name = view.name.trim();
    if name.is_empty() {
        return Err(ViewError::NameRequired);
    }
    let taken: Option<String> = connection
        .query_row(
            "SELECT id FROM saved_views WHERE name = ? AND id <> ?",
            [name, view.id.as_str()],
            |row| row.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(ViewError::NameTaken(name.to_owned()));
    }
    let filter = serde_json::to_string(&view.filter).map_err(|source| ViewError::Corrupt {
        id: view.id.clone(),
        source,
    })?;
    connection.execute(
        "INSERT INTO saved_views (id, name, filter, created_at_ms, updated_at_ms) VALUES (?1, ?2, ?3, ?4, ?4) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, filter = excluded.filter, updated_at_ms = excluded.updated_at_ms",
        rusqlite::params![view.id, name, filter, view.updated_at_ms],
    )?;
    Ok(())
}

/// All views, by name.
pub fn list(connection: &Connection) -> Result<Vec<SavedView>, ViewError> {
    let mut statement = connection
        .prepare_cached("SELECT id, name, filter, updated_at_ms FROM saved_views ORDER BY name")?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, i64>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (id, name, filter, updated_at_ms) = row?;
        let filter = serde_json::from_str(&filter).map_err(|source| ViewError::Corrupt {
            id: id.clone(),
            source,
        })?;
        Ok(SavedView {
            id,
            name,
            filter,
            updated_at_ms,
        })
    })
    .collect()
}

/// Deletes a view; deleting a missing one succeeds.
pub fn delete(connection: &Connection, id: &str) -> Result<(), ViewError> {
    connection.execute("DELETE FROM saved_views WHERE id = ?", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn view(id: &str, name: &str) -> SavedView {
        SavedView {
            id: id.into(),
            name: name.into(),
            filter: TicketFilter {
                statuses: vec!["open".into()],
                text: Some("退款".into()),
                ..Default::default()
            },
            updated_at_ms: 1,
        }
    }

    #[test]
    fn views_save_rename_list_and_delete() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        save(store.connection(), &view("v1", "Urgent 紧急")).expect("save");
        save(store.connection(), &view("v2", "Mine")).expect("save");
        save(
            store.connection(),
            &SavedView {
                name: "Escalated".into(),
                ..view("v1", "")
            },
        )
        .expect("rename");
        let names: Vec<_> = list(store.connection())
            .expect("list")
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(names, ["Escalated", "Mine"]);
        assert_eq!(
            list(store.connection()).expect("list")[0].filter,
            view("v1", "x").filter
        );
        delete(store.connection(), "v2").expect("delete");
        assert_eq!(list(store.connection()).expect("list").len(), 1);
    }

    #[test]
    fn a_duplicate_or_empty_name_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        save(store.connection(), &view("v1", "Mine")).expect("save");
        assert!(
            matches!(save(store.connection(), &view("v2", " Mine ")), Err(ViewError::NameTaken(name)) if name == "Mine")
        );
        assert!(matches!(
            save(store.connection(), &view("v3", "  ")),
            Err(ViewError::NameRequired)
        ));
    }
}
