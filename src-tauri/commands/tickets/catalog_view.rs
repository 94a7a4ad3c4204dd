//! A connection's catalog as it crosses IPC: statuses, priorities, agents, fields, capabilities.

use serde::{Deserialize, Serialize};
use switchboard_core::tickets::Agent;
use switchboard_core::tickets::catalog::{
    Capabilities, CatalogEntry, ConnectionCatalog, CustomFieldDef,
};

use super::types::TicketVendor;

/// A coded value with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItem {
    /// Code.
    pub code: String,
    /// The vendor's name.
    pub name: String,
    /// English name (fixed vendor sets).
    pub name_en: Option<String>,
    /// Chinese name (fixed vendor sets).
    pub name_zh: Option<String>,
    /// A custom status.
    pub custom: bool,
    /// A final state.
    pub closed: bool,
    /// Deleted at the vendor.
    pub deleted: bool,
    /// Category parent.
    pub parent: Option<String>,
    /// Category usable for new tickets.
    pub leaf: bool,
}

impl From<CatalogEntry> for CatalogItem {
    fn from(e: CatalogEntry) -> Self {
        Self {
            code: e.code,
            name: e.name,
            name_en: e.name_en,
            name_zh: e.name_zh,
            custom: e.custom,
            closed: e.closed,
            deleted: e.deleted,
            parent: e.parent,
            leaf: e.leaf,
        }
    }
}

/// An agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AgentView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Email.
    pub email: Option<String>,
    /// Groups.
    pub group_ids: Vec<String>,
}

impl From<Agent> for AgentView {
    fn from(a: Agent) -> Self {
        Self {
            id: a.id,
            name: a.name,
            email: a.email,
            group_ids: a.group_ids,
        }
    }
}

/// An option of a selection field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldOptionView {
    /// Value sent.
    pub value: String,
    /// Label shown.
    pub label: String,
}

/// A custom field of the create form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldView {
    /// Key values are sent under.
    pub key: String,
    /// Name.
    pub name: String,
    /// Vendor type.
    pub field_type: String,
    /// Required.
    pub required: bool,
    /// Options.
    pub options: Vec<FieldOptionView>,
}

impl From<CustomFieldDef> for CustomFieldView {
    fn from(f: CustomFieldDef) -> Self {
        Self {
            key: f.key,
            name: f.name,
            field_type: f.field_type,
            required: f.required,
            options: f
                .options
                .into_iter()
                .map(|o| FieldOptionView {
                    value: o.value,
                    label: o.label,
                })
                .collect(),
        }
    }
}

/// What a connection's vendor supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CapabilitiesView {
    /// Internal notes.
    pub internal_notes: bool,
    /// Reminders.
    pub remind: bool,
    /// Deleting replies.
    pub delete_reply: bool,
    /// Changing the customer.
    pub change_customer: bool,
    /// Deleting tickets.
    pub delete_ticket: bool,
    /// Creating on a customer's behalf.
    pub create_as_customer: bool,
    /// Attachments on new tickets.
    pub attach_on_create: bool,
    /// New tickets need a category.
    pub category_required: bool,
}

impl From<Capabilities> for CapabilitiesView {
    fn from(c: Capabilities) -> Self {
        Self {
            internal_notes: c.internal_notes,
            remind: c.remind,
            delete_reply: c.delete_reply,
            change_customer: c.change_customer,
            delete_ticket: c.delete_ticket,
            create_as_customer: c.create_as_customer,
            attach_on_create: c.attach_on_create,
            category_required: c.category_required,
        }
    }
}

/// Everything the ticket screens know about a connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCatalogView {
    /// Connection id.
    pub connection_id: String,
    /// Display name.
    pub name: String,
    /// Vendor.
    pub vendor: TicketVendor,
    /// Statuses (board columns) in the vendor's order.
    pub statuses: Vec<CatalogItem>,
    /// Priorities.
    pub priorities: Vec<CatalogItem>,
    /// Sources.
    pub sources: Vec<CatalogItem>,
    /// Categories.
    pub categories: Vec<CatalogItem>,
    /// Groups.
    pub groups: Vec<CatalogItem>,
    /// Agents.
    pub agents: Vec<AgentView>,
    /// Custom fields.
    pub custom_fields: Vec<CustomFieldView>,
    /// Templates.
    pub templates: Vec<CatalogItem>,
    /// The agent the user acts as.
    pub acting_agent_id: Option<String>,
    /// Capabilities.
    pub capabilities: CapabilitiesView,
}

impl From<ConnectionCatalog> for ConnectionCatalogView {
    fn from(c: ConnectionCatalog) -> Self {
        let items = |list: Vec<CatalogEntry>| list.into_iter().map(CatalogItem::from).collect();
        Self {
            connection_id: c.connection_id,
            name: c.name,
            vendor: c.vendor.into(),
            statuses: items(c.statuses),
            priorities: items(c.priorities),
            sources: items(c.sources),
            categories: items(c.categories),
            groups: items(c.groups),
            agents: c.agents.into_iter().map(AgentView::from).collect(),
            custom_fields: c
                .custom_fields
                .into_iter()
                .map(CustomFieldView::from)
                .collect(),
            templates: items(c.templates),
            acting_agent_id: c.acting_agent_id,
            capabilities: c.capabilities.into(),
        }
    }
}
