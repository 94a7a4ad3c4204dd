//! Reference data of every connection: statuses (custom ones included), priorities, sources,
//! categories, agents, groups, custom fields and templates, kept so that the UI can name the
//! codes the tickets carry and offer them in filters and forms.
//!
//! Codes are the very strings the ticket sync writes into `tickets`: a status item's `code` is a
//! `tickets.status_code`, a priority's a `priority_code`, a source's a `source_code`, a category's
//! a `category_id`, an agent's an `assignee_id` and a group's a `group_id`. Udesk has no
//! categories: its tickets' `category_id` is their template's id (a [`ReferenceKind::Template`]).
//!
//! `extra` by kind: Status `{"custom", "deleted", "closed"}` (closed: a final state); Category
//! `{"parent": id or null, "leaf"}`; Agent `{"group_ids": [...]}` when known; Group `{}`;
//! CustomField the vendor's definition `{"key", "type", "options": [{"value", "label"}],
//! "required"}`; Template `{"description", "fields": [...]}`. Items of the vendors' documented
//! fixed sets also carry `"names": {"en", "zh-CN"}` so the UI can show them in its language.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

/// What kind of reference item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// A ticket status (built-in or custom).
    Status,
    /// A ticket priority.
    Priority,
    /// Where a ticket came from (channel).
    Source,
    /// A ticket category (a tree).
    Category,
    /// An agent.
    Agent,
    /// An agent (skill) group.
    Group,
    /// A ticket custom field definition.
    CustomField,
    /// A ticket template with its fields.
    Template,
}

impl ReferenceKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [ReferenceKind; 8] = [
        Self::Status,
        Self::Priority,
        Self::Source,
        Self::Category,
        Self::Agent,
        Self::Group,
        Self::CustomField,
        Self::Template,
    ];

    /// The name stored in the `kind` column (the serde name).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Status => "status",
            Self::Priority => "priority",
            Self::Source => "source",
            Self::Category => "category",
            Self::Agent => "agent",
            Self::Group => "group",
            Self::CustomField => "custom_field",
            Self::Template => "template",
        }
    }

    /// The kind stored as `name`, if it is one.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// One reference item of one connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceItem {
    /// Which connection it belongs to.
    pub connection_id: String,
    /// What kind of item.
    pub kind: ReferenceKind,
    /// Its code, as the tickets carry it.
    pub code: String,
    /// Its display name, as the vendor sent it.
    pub name: String,
    /// Its place in the vendor's order.
    pub position: i64,
    /// Kind-specific details (see the module documentation).
    pub extra: serde_json::Value,
}

/// Replaces every item of one kind of one connection (one transaction). Items of other
/// connections or kinds in `items` are ignored; a repeated code keeps its last item.
pub fn replace_kind(
    connection: &mut rusqlite::Connection,
    connection_id: &str,
    kind: ReferenceKind,
    items: &[ReferenceItem],
) -> rusqlite::Result<()> {
    let tx = connection.transaction()?;
    tx.execute(
        "DELETE FROM reference_data WHERE connection_id = ? AND kind = ?",
        params![connection_id, kind.as_str()],
    )?;
    {
        let mut insert = tx.prepare_cached(
            "INSERT OR REPLACE INTO reference_data (connection_id, kind, code, name, position, extra) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )?;
        for item in items
            .iter()
            .filter(|item| item.connection_id == connection_id && item.kind == kind)
        {
            insert.execute(params![
                connection_id,
                kind.as_str(),
                item.code,
                item.name,
                item.position,
                item.extra.to_string(),
            ])?;
        }
    }
    tx.commit()
}

/// Every item, of one connection or all, ordered by connection, kind, position, code. Rows of
/// a kind this build does not know are skipped.
pub fn list(
    connection: &Connection,
    connection_id: Option<&str>,
) -> rusqlite::Result<Vec<ReferenceItem>> {
    let mut statement = connection.prepare_cached(
        "SELECT connection_id, kind, code, name, position, extra FROM reference_data \
         WHERE (?1 IS NULL OR connection_id = ?1) \
         ORDER BY connection_id, kind, position, code",
    )?;
    let rows = statement.query_map(params![connection_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (connection_id, kind, code, name, position, extra) = row?;
        let Some(kind) = ReferenceKind::parse(&kind) else {
            continue;
        };
        items.push(ReferenceItem {
            connection_id,
            kind,
            code,
            name,
            position,
            extra: serde_json::from_str(&extra).unwrap_or(serde_json::Value::Null),
        });
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn item(connection: &str, kind: ReferenceKind, code: &str, position: i64) -> ReferenceItem {
        ReferenceItem {
            connection_id: connection.into(),
            kind,
            code: code.into(),
            name: format!("名称 {code}"),
            position,
            extra: serde_json::json!({"custom": code == "1012"}),
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("opens");
        (dir, store)
    }

    #[test]
    fn replacing_a_kind_drops_its_old_items_and_keeps_other_kinds_and_connections() {
        let (_dir, mut store) = store();
        let db = store.connection_mut();
        let statuses = [
            item("sobot", ReferenceKind::Status, "1", 1),
            item("sobot", ReferenceKind::Status, "99", 2),
        ];
        replace_kind(db, "sobot", ReferenceKind::Status, &statuses).expect("first");
        replace_kind(
            db,
            "sobot",
            ReferenceKind::Priority,
            &[item("sobot", ReferenceKind::Priority, "0", 0)],
        )
        .expect("priorities");
        replace_kind(
            db,
            "udesk-1",
            ReferenceKind::Status,
            &[item("udesk-1", ReferenceKind::Status, "open", 0)],
        )
        .expect("other connection");
        let newer = [
            item("sobot", ReferenceKind::Status, "1012", 3),
            item("sobot", ReferenceKind::Status, "1", 1),
        ];
        replace_kind(db, "sobot", ReferenceKind::Status, &newer).expect("second");

        let sobot = list(db, Some("sobot")).expect("list");
        assert_eq!(
            sobot
                .iter()
                .map(|i| (i.kind, i.code.as_str()))
                .collect::<Vec<_>>(),
            [
                (ReferenceKind::Priority, "0"),
                (ReferenceKind::Status, "1"),
                (ReferenceKind::Status, "1012"),
            ]
        );
        assert_eq!(sobot[2], newer[0], "items read back as written");
        assert_eq!(list(db, None).expect("all").len(), 4);
    }

    #[test]
    fn items_of_another_kind_or_connection_are_not_written_by_replace_kind() {
        let (_dir, mut store) = store();
        let db = store.connection_mut();
        let mixed = [
            item("sobot", ReferenceKind::Status, "1", 0),
            item("sobot", ReferenceKind::Agent, "a1", 0),
            item("udesk-1", ReferenceKind::Status, "open", 0),
        ];
        replace_kind(db, "sobot", ReferenceKind::Status, &mixed).expect("written");
        assert_eq!(list(db, None).expect("list"), [mixed[0].clone()]);
    }

    #[test]
    fn kinds_serialize_in_snake_case_as_stored() {
        for kind in ReferenceKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).expect("serializes"),
                serde_json::json!(kind.as_str())
            );
            assert_eq!(ReferenceKind::parse(kind.as_str()), Some(kind));
        }
    }
}
