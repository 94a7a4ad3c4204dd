//! What the ticket screens need to know about each connection: its statuses (board columns),
//! priorities, sources, categories, agents, groups, custom fields and templates, the agent the
//! user acts as, and which actions its vendor supports.

use serde::{Deserialize, Serialize};

use super::agents::{Agent, agents_of};
use crate::profiles::Profile;
use crate::store::connection_settings::{self, ACTING_AGENT};
use crate::store::reference::{self, ReferenceItem, ReferenceKind};
use crate::store::tickets::Vendor;

/// A coded value with its name (and its names per UI language when the vendor's set is fixed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// The code tickets carry.
    pub code: String,
    /// The vendor's name for it.
    pub name: String,
    /// English name, for fixed vendor sets.
    pub name_en: Option<String>,
    /// Chinese name, for fixed vendor sets.
    pub name_zh: Option<String>,
    /// A custom status (the account defined it).
    pub custom: bool,
    /// A final state (closed).
    pub closed: bool,
    /// Deleted at the vendor but still on old tickets.
    pub deleted: bool,
    /// Category: the parent's code.
    pub parent: Option<String>,
    /// Category: tickets can be filed under it.
    pub leaf: bool,
}

/// An option of a selection field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldOption {
    /// The value sent.
    pub value: String,
    /// The label shown.
    pub label: String,
}

/// A custom field the create form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldDef {
    /// The id (Sobot) or key (Udesk) values are sent under.
    pub key: String,
    /// Its name.
    pub name: String,
    /// The vendor's type name or code.
    pub field_type: String,
    /// Whether a value is required.
    pub required: bool,
    /// Options of a selection field.
    pub options: Vec<FieldOption>,
}

/// What the vendor lets this connection do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    /// Internal notes besides public replies.
    pub internal_notes: bool,
    /// Reminders.
    pub remind: bool,
    /// Deleting a reply.
    pub delete_reply: bool,
    /// Moving a ticket to another customer.
    pub change_customer: bool,
    /// Deleting a ticket.
    pub delete_ticket: bool,
    /// Creating a ticket on a customer's behalf.
    pub create_as_customer: bool,
    /// Attaching files to a new ticket.
    pub attach_on_create: bool,
    /// Categories are required to create.
    pub category_required: bool,
}

impl Capabilities {
    /// The capabilities of a vendor.
    pub fn of(vendor: Vendor) -> Self {
        match vendor {
            Vendor::Sobot => Self {
                internal_notes: true,
                remind: true,
                delete_reply: true,
                change_customer: true,
                delete_ticket: false,
                create_as_customer: true,
                attach_on_create: true,
                category_required: true,
            },
            Vendor::Udesk => Self {
                internal_notes: true,
                remind: false,
                delete_reply: false,
                change_customer: false,
                delete_ticket: true,
                create_as_customer: false,
                attach_on_create: false,
                category_required: false,
            },
        }
    }
}

/// Everything the ticket screens know about one connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionCatalog {
    /// The connection's id.
    pub connection_id: String,
    /// Its display name.
    pub name: String,
    /// Which vendor.
    pub vendor: Vendor,
    /// Statuses in the vendor's order (board columns); custom ones included.
    pub statuses: Vec<CatalogEntry>,
    /// Priorities.
    pub priorities: Vec<CatalogEntry>,
    /// Sources (channels).
    pub sources: Vec<CatalogEntry>,
    /// Categories (a tree through `parent`).
    pub categories: Vec<CatalogEntry>,
    /// Groups.
    pub groups: Vec<CatalogEntry>,
    /// Agents.
    pub agents: Vec<Agent>,
    /// Custom fields.
    pub custom_fields: Vec<CustomFieldDef>,
    /// Templates (Udesk).
    pub templates: Vec<CatalogEntry>,
    /// The agent the user acts as here, if chosen.
    pub acting_agent_id: Option<String>,
    /// What the vendor supports.
    pub capabilities: Capabilities,
}

fn flag(item: &ReferenceItem, key: &str) -> bool {
    item.extra
        .get(key)
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn text(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn entry(item: &ReferenceItem) -> CatalogEntry {
    let names = item.extra.get("names");
    CatalogEntry {
        code: item.code.clone(),
        name: item.name.clone(),
        name_en: text(names.and_then(|n| n.get("en"))),
        name_zh: text(names.and_then(|n| n.get("zh-CN"))),
        custom: flag(item, "custom"),
        closed: flag(item, "closed"),
        deleted: flag(item, "deleted"),
        parent: text(item.extra.get("parent")),
        leaf: item
            .extra
            .get("leaf")
            .and_then(|v| v.as_bool())
            .unwrap_or(true),
    }
}

fn field(item: &ReferenceItem) -> CustomFieldDef {
    let extra = &item.extra;
    CustomFieldDef {
        key: text(extra.get("key")).unwrap_or_else(|| item.code.clone()),
        name: item.name.clone(),
        field_type: text(extra.get("type")).unwrap_or_default(),
        required: extra
            .get("required")
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        options: extra
            .get("options")
            .and_then(|o| o.as_array())
            .map(|options| {
                options
                    .iter()
                    .filter_map(|o| {
                        let value = text(o.get("value"))?;
                        Some(FieldOption {
                            label: text(o.get("label")).unwrap_or_else(|| value.clone()),
                            value,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Statuses seen on cached tickets that the reference data lacks (so no ticket is ever
/// without a column), named by their code.
fn statuses_on_tickets(
    connection: &rusqlite::Connection,
    connection_id: &str,
) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare_cached(
        "SELECT DISTINCT status_code FROM tickets WHERE connection_id = ?1 ORDER BY status_code",
    )?;
    let codes = statement.query_map([connection_id], |row| row.get(0))?;
    codes.collect()
}

/// The catalog of every ticket connection of a profile, from its local database.
pub fn catalogs(
    connection: &rusqlite::Connection,
    profile: &Profile,
) -> rusqlite::Result<Vec<ConnectionCatalog>> {
    let mut targets: Vec<(String, String, Vendor)> = Vec::new();
    if let Some(sobot) = &profile.sobot {
        targets.push((
            sobot.id.clone(),
            profile.connection_name(&sobot.id),
            Vendor::Sobot,
        ));
    }
    for udesk in &profile.udesk {
        let name = profile.connection_name(&udesk.id);
        targets.push((udesk.id.clone(), name, Vendor::Udesk));
    }
    targets
        .into_iter()
        .map(|(connection_id, name, vendor)| {
            let items = reference::list(connection, Some(&connection_id))?;
            let of = |kind: ReferenceKind| -> Vec<CatalogEntry> {
                items.iter().filter(|i| i.kind == kind).map(entry).collect()
            };
            let mut statuses = of(ReferenceKind::Status);
            for code in statuses_on_tickets(connection, &connection_id)? {
                if !code.is_empty() && !statuses.iter().any(|s| s.code == code) {
                    statuses.push(CatalogEntry {
                        name: code.clone(),
                        code,
                        name_en: None,
                        name_zh: None,
                        custom: true,
                        closed: false,
                        deleted: false,
                        parent: None,
                        leaf: true,
                    });
                }
            }
            Ok(ConnectionCatalog {
                statuses,
                priorities: of(ReferenceKind::Priority),
                sources: of(ReferenceKind::Source),
                categories: of(ReferenceKind::Category),
                groups: of(ReferenceKind::Group),
                agents: agents_of(connection, &connection_id)?,
                custom_fields: items
                    .iter()
                    .filter(|i| i.kind == ReferenceKind::CustomField)
                    .map(field)
                    .collect(),
                templates: of(ReferenceKind::Template),
                acting_agent_id: connection_settings::get(
                    connection,
                    &connection_id,
                    ACTING_AGENT,
                )?,
                capabilities: Capabilities::of(vendor),
                connection_id,
                name,
                vendor,
            })
        })
        .collect()
}
