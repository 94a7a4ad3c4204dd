//! Reference data of the Ticket API: time zones, the data dictionary, custom fields and their
//! options, region trees, custom statuses (sobot-ticket.md §6.2-6.8).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::{FieldType, FillFlag, NodeFlag, StatusType, TicketLevel, TicketStatus};
use crate::client::{ApiRequest, require_item};
use crate::de;
use crate::envelope::{ItemEnvelope, ItemsEnvelope, StatusEnvelope};
use crate::error::Result;
use crate::wire::{json_body, query_pairs};

/// One entry of `get_timezone` (`item[]`, documented as an object but an array, I-3).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeZone {
    /// UTC offset in hours; decimal in practice (`-2.5`, `5.75`) although documented `int`.
    #[serde(default, deserialize_with = "de::float")]
    pub offset: Option<f64>,
    /// Sort order.
    #[serde(default, deserialize_with = "de::int")]
    pub sort_no: Option<i64>,
    /// Offset text such as `+08:00` (may differ from `offset` across DST, I-3).
    #[serde(default, deserialize_with = "de::text")]
    pub timezone: Option<String>,
    /// IANA ID, the value for the `timezoneid` header.
    #[serde(default, deserialize_with = "de::text")]
    pub timezone_id: Option<String>,
    /// Localized label, e.g. `GMT+08:00 Singapore`.
    #[serde(default, deserialize_with = "de::text")]
    pub timezone_value: Option<String>,
}

/// A `{dict_value, dict_name}` pair of the data dictionary.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DictEntry<T> {
    /// The code.
    pub dict_value: T,
    /// Its localized name.
    #[serde(default, deserialize_with = "de::text")]
    pub dict_name: Option<String>,
}

/// A node of the ticket category tree.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketCategory {
    /// Category ID (missing on a malformed example node, I-9).
    #[serde(default, deserialize_with = "de::text")]
    pub typeid: Option<String>,
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub type_name: Option<String>,
    /// Parent category ID (`"-1"` for roots).
    #[serde(default, deserialize_with = "de::text")]
    pub parentid: Option<String>,
    /// Level 1-5.
    #[serde(default, deserialize_with = "de::int")]
    pub type_level: Option<i64>,
    /// Whether it is a leaf (only leaves can be used to create tickets).
    pub node_flag: Option<NodeFlag>,
    /// Children.
    #[serde(default, deserialize_with = "de::list")]
    pub sub_type_list: Vec<TicketCategory>,
}

impl TicketCategory {
    /// Whether tickets can be filed under this category.
    pub fn is_leaf(&self) -> bool {
        self.node_flag == Some(NodeFlag::Leaf) || self.sub_type_list.is_empty()
    }
}

/// A skill group of the data dictionary.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRef {
    /// Group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub groupid: Option<String>,
    /// Group name.
    #[serde(default, deserialize_with = "de::text")]
    pub group_name: Option<String>,
}

/// An agent of the data dictionary.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentRef {
    /// Agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub agentid: Option<String>,
    /// Agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
}

/// `item` of `get_data_dict`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataDictionary {
    /// The category tree.
    #[serde(default, deserialize_with = "de::list")]
    pub ticket_type_list: Vec<TicketCategory>,
    /// Built-in statuses.
    #[serde(default, deserialize_with = "de::list")]
    pub ticket_status_list: Vec<DictEntry<TicketStatus>>,
    /// Priorities.
    #[serde(default, deserialize_with = "de::list")]
    pub ticket_level_list: Vec<DictEntry<TicketLevel>>,
    /// Skill groups.
    #[serde(default, deserialize_with = "de::list")]
    pub group_list: Vec<GroupRef>,
    /// Agents.
    #[serde(default, deserialize_with = "de::list")]
    pub agent_list: Vec<AgentRef>,
}

/// An option of a selection-type custom field.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldOption {
    /// Label.
    #[serde(default, deserialize_with = "de::text")]
    pub data_name: Option<String>,
    /// Code, the value to send as `field_value`.
    #[serde(default, deserialize_with = "de::text")]
    pub data_value: Option<String>,
    /// Option ID (ZH only, cascade tree).
    #[serde(default, deserialize_with = "de::text")]
    pub data_id: Option<String>,
    /// Parent option ID (ZH only, cascade tree).
    #[serde(default, deserialize_with = "de::text")]
    pub data_parent_id: Option<String>,
    /// `0` lowest level (ZH only).
    pub node_flag: Option<NodeFlag>,
}

/// A ticket custom field definition.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomField {
    /// Field ID.
    #[serde(default, deserialize_with = "de::text")]
    pub fieldid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_name: Option<String>,
    /// Type (String in the table, a number in examples, I-8).
    pub field_type: Option<FieldType>,
    /// Whether required.
    pub fill_flag: Option<FillFlag>,
    /// Options of selection fields.
    #[serde(default, deserialize_with = "de::list")]
    pub field_data_list: Vec<FieldOption>,
}

/// A node of the region tree (`get_region`, ZH doc only, 001:1717).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Region code.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Sub-regions.
    #[serde(default, deserialize_with = "de::list")]
    pub regions: Vec<Region>,
}

/// One option to add (`field_data_value[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFieldOption {
    /// Option value/code.
    pub field_value: String,
    /// Display text.
    pub field_text: String,
}

/// Body of `save_option_data_value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddFieldOptions {
    /// A selection-type field (drop-down, checkbox, radio).
    pub fieldid: String,
    /// Options to add.
    pub field_data_value: Vec<NewFieldOption>,
    /// Operating agent ID.
    pub agentid: String,
    /// Operating agent name.
    pub agent_name: String,
}

/// A `{placeholder, defaultValue}` of a status name.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DynamicContent {
    /// The placeholder, e.g. `{dc_ticket_001}`.
    #[serde(default, deserialize_with = "de::text")]
    pub placeholder: Option<String>,
    /// Its default value.
    #[serde(rename = "defaultValue", default, deserialize_with = "de::text")]
    pub default_value: Option<String>,
}

/// A ticket status definition (`query_ticket_status_infos`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketStatusInfo {
    /// Status ID (`null` when custom statuses are off, I-12).
    #[serde(default, deserialize_with = "de::text")]
    pub status_id: Option<String>,
    /// The code to use as `ticket_status` (Integer in the table, strings in EN, I-8).
    pub status_code: Option<TicketStatus>,
    /// Agent-side name.
    #[serde(default, deserialize_with = "de::text")]
    pub status_name: Option<String>,
    /// Category of the status.
    pub status_type: Option<StatusType>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub status_desc: Option<String>,
    /// Customer-side name.
    #[serde(default, deserialize_with = "de::text")]
    pub customer_status_name: Option<String>,
    /// Placeholders in `status_name` (EN only).
    #[serde(default, deserialize_with = "de::list")]
    pub dynamic_content: Vec<DynamicContent>,
    /// Placeholders in `customer_status_name` (EN only).
    #[serde(default, deserialize_with = "de::list")]
    pub customer_dynamic_content: Vec<DynamicContent>,
    /// `1` when deleted (deleted statuses are still listed).
    #[serde(default, deserialize_with = "de::int")]
    pub is_delete: Option<i64>,
}

impl TicketStatusInfo {
    /// Whether the status was deleted.
    pub fn is_deleted(&self) -> bool {
        self.is_delete == Some(1)
    }
}

#[derive(Serialize)]
struct TypeIdQuery<'a> {
    ticket_typeid: &'a str,
}

impl Tickets<'_> {
    /// `GET /api/ws/5/ticket/get_timezone`: time zones usable in `timezoneid`.
    pub async fn timezones(&self) -> Result<Vec<TimeZone>> {
        let envelope: ItemEnvelope<Vec<TimeZone>> = self
            .client
            .call(&ApiRequest::get("api/ws/5/ticket/get_timezone"))
            .await?;
        Ok(envelope.item.unwrap_or_default())
    }

    /// `GET /api/ws/5/ticket/get_data_dict`: categories, statuses, priorities, groups, agents.
    pub async fn data_dictionary(&self) -> Result<DataDictionary> {
        let envelope: ItemEnvelope<DataDictionary> = self
            .client
            .call(&ApiRequest::get("api/ws/5/ticket/get_data_dict"))
            .await?;
        require_item(envelope)
    }

    /// `GET /api/ws/5/ticket/query_ticket_extend_fields`: every custom field.
    pub async fn custom_fields(&self) -> Result<Vec<CustomField>> {
        let envelope: ItemsEnvelope<CustomField> = self
            .client
            .call(&ApiRequest::get(
                "api/ws/5/ticket/query_ticket_extend_fields",
            ))
            .await?;
        Ok(envelope.items)
    }

    /// `GET /api/ws/5/ticket/get_region`: the region tree for region-type (11) fields. ZH doc
    /// only (001:1717); whether `sg.sobot.io` serves it is undocumented.
    pub async fn regions(&self) -> Result<Vec<Region>> {
        let envelope: ItemsEnvelope<Region> = self
            .client
            .call(&ApiRequest::get("api/ws/5/ticket/get_region"))
            .await?;
        Ok(envelope.items)
    }

    /// `POST /api/ws/5/ticket/save_option_data_value`: adds options to a selection field.
    pub async fn add_field_options(&self, request: &AddFieldOptions) -> Result<()> {
        let _: StatusEnvelope = self
            .client
            .call(&ApiRequest::post_json(
                "api/ws/5/ticket/save_option_data_value",
                json_body(request)?,
            ))
            .await?;
        Ok(())
    }

    /// `GET /api/ws/5/ticket/query_fileds_by_typeid` (sic, I-16): the custom fields of the
    /// template linked to a category.
    pub async fn category_fields(&self, ticket_typeid: &str) -> Result<Vec<CustomField>> {
        let request = ApiRequest::get("api/ws/5/ticket/query_fileds_by_typeid")
            .with_query(query_pairs(&TypeIdQuery { ticket_typeid })?);
        let envelope: ItemsEnvelope<CustomField> = self.client.call(&request).await?;
        Ok(envelope.items)
    }

    /// `GET /api/ws/5/ticket/query_ticket_status_infos`: built-in and custom statuses
    /// (deleted ones included; see [`TicketStatusInfo::is_deleted`]).
    pub async fn statuses(&self) -> Result<Vec<TicketStatusInfo>> {
        let envelope: ItemsEnvelope<TicketStatusInfo> = self
            .client
            .call(&ApiRequest::get(
                "api/ws/5/ticket/query_ticket_status_infos",
            ))
            .await?;
        Ok(envelope.items)
    }
}
