//! Creating, updating and deleting tickets (003:42-138, 003:292-526).
//!
//! Create and update describe the same data differently (udesk-ticket.md §6.2): create takes
//! `priority` as a display name, `assignee_email`/`agent_group_name`, the customer as
//! `ticket.type`/`ticket.type_content`, custom fields as `ticket_field` with select values
//! comma-joined (`"0,3"`); update takes `priority_id`, `agent_id`/`agent_group_id`, the customer
//! as top-level `customer_id_type`/`customer_id_value`, custom fields as `custom_fields` with
//! select values as arrays (`["0","3"]`). The types below keep those differences; the one value
//! type [`FieldInput`] is written in each endpoint's form.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use serde_with::skip_serializing_none;
use vendor_http::reqwest::Method;

use super::Tickets;
use super::codes::{CustomerIdType, Platform, Priority, StatusName, TicketStatus};
use super::model::{FieldValue, Follower, TicketAttachment, TicketKey};
use crate::client::{ApiBody, ApiRequest};
use crate::de;
use crate::envelope::Ack;
use crate::error::{Error, Result};
use crate::wire::{json_body, query_pairs};

/// A custom field value to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldInput {
    /// A text-type value in its type's format: date `2016-08-11`, time `14:44:36`, datetime
    /// `2017-05-03 14:44`, number `"13"`, decimal `"13.33"`, multi-line with `\r\n`.
    Text(String),
    /// Selected option indexes of a select-type field (`["0", "3"]`).
    Options(Vec<String>),
}

struct CreateForm<'a>(&'a FieldInput);

impl Serialize for CreateForm<'_> {
    /// Create joins option indexes with commas (003:75).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            FieldInput::Text(text) => serializer.serialize_str(text),
            FieldInput::Options(options) => serializer.serialize_str(&options.join(",")),
        }
    }
}

fn write_create_fields<S: Serializer>(
    fields: &BTreeMap<String, FieldInput>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(fields.iter().map(|(name, value)| (name, CreateForm(value))))
}

/// Body of `POST /open_api_v1/tickets`: `{"ticket": {...}}` (003:50-70).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTicket {
    /// Title (required, max 255).
    pub subject: String,
    /// Description (required).
    pub content: String,
    /// How to find the customer (`type`); send with `type_content` or not at all. If set and
    /// no customer matches, create fails: create the customer first (003:81).
    #[serde(rename = "type")]
    pub customer_type: Option<CustomerIdType>,
    /// The customer's email, phone, external token or ID, per `type` (max 255).
    pub type_content: Option<String>,
    /// Priority *display name* (003:62); see [`crate::PriorityNames`] and
    /// [`Tickets::priority_name`]. Udesk defaults to "standard".
    pub priority: Option<String>,
    /// Handling agent's email (max 255).
    pub assignee_email: Option<String>,
    /// Handling group's name (max 255); the agent must belong to it.
    pub agent_group_name: Option<String>,
    /// Template ID (missing or invalid: the default template).
    #[serde(
        default,
        serialize_with = "de::write_opt_id",
        deserialize_with = "de::text"
    )]
    pub template_id: Option<String>,
    /// Follower agent IDs. Sent as integers per the table (`[1,2,3]`, 003:66); the example's
    /// strings (`["1","23","12"]`, 003:105) are read too.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "de::write_ids",
        deserialize_with = "de::ids"
    )]
    pub follower_ids: Vec<String>,
    /// Tag names, sent comma-joined (`"Tag1,Tag2"`).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "de::write_comma_list",
        deserialize_with = "de::comma_list"
    )]
    pub tags: Vec<String>,
    /// Initial status.
    pub status_id: Option<TicketStatus>,
    /// Custom fields by field name; select options are sent comma-joined (`"0,3"`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "write_create_fields"
    )]
    pub ticket_field: BTreeMap<String, FieldInput>,
    /// Creating agent's email (max 255).
    pub creator_email: Option<String>,
}

impl NewTicket {
    /// A ticket with a title and description and nothing else.
    pub fn new(subject: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            subject: subject.into(),
            content: content.into(),
            ..Self::default()
        }
    }

    /// Refuses what Udesk would refuse without acting: an empty title or description, or a
    /// customer `type` without its value (or the reverse).
    pub fn validate(&self) -> Result<()> {
        if self.subject.trim().is_empty() {
            return Err(Error::InvalidRequest(
                "the ticket subject is required".into(),
            ));
        }
        if self.content.trim().is_empty() {
            return Err(Error::InvalidRequest(
                "the ticket content is required".into(),
            ));
        }
        let has_value = self
            .type_content
            .as_deref()
            .is_some_and(|value| !value.trim().is_empty());
        if self.customer_type.is_some() != has_value {
            return Err(Error::InvalidRequest(
                "type and type_content go together".into(),
            ));
        }
        Ok(())
    }
}

/// The create body's wrapper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateTicketBody {
    /// The ticket.
    pub ticket: NewTicket,
}

/// Answer of create: `{code, message, ticket_id}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedTicket {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// `"ticket create success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The new ticket's ID.
    #[serde(serialize_with = "de::write_id", deserialize_with = "de::string")]
    pub ticket_id: String,
}

struct UpdateForm<'a>(&'a FieldInput);

impl Serialize for UpdateForm<'_> {
    /// Update takes option indexes as an array of strings (003:329).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            FieldInput::Text(text) => serializer.serialize_str(text),
            FieldInput::Options(options) => serializer.collect_seq(options),
        }
    }
}

fn write_update_fields<S: Serializer>(
    fields: &BTreeMap<String, FieldInput>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(fields.iter().map(|(name, value)| (name, UpdateForm(value))))
}

/// The `ticket` object of an update (003:314-326). `None` fields are left unchanged.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketChanges {
    /// Title: required by the table even for partial updates (003:317), so always sent.
    #[serde(default)]
    pub subject: String,
    /// Description.
    pub content: Option<String>,
    /// Handling agent ID (must belong to `agent_group_id`).
    #[serde(
        default,
        serialize_with = "de::write_opt_id",
        deserialize_with = "de::text"
    )]
    pub agent_id: Option<String>,
    /// Handling group ID.
    #[serde(
        default,
        serialize_with = "de::write_opt_id",
        deserialize_with = "de::text"
    )]
    pub agent_group_id: Option<String>,
    /// Template ID.
    #[serde(
        default,
        serialize_with = "de::write_opt_id",
        deserialize_with = "de::text"
    )]
    pub template_id: Option<String>,
    /// Status.
    pub status_id: Option<TicketStatus>,
    /// Priority (by ID, unlike create).
    pub priority_id: Option<Priority>,
    /// Follower agent IDs, replacing the current ones (`Some(vec![])` clears them). The example
    /// sends follower objects (003:398-409) where the table says IDs (003:324); IDs are sent,
    /// both are read.
    #[serde(
        default,
        serialize_with = "de::write_opt_ids",
        deserialize_with = "de::opt_ids"
    )]
    pub follower_ids: Option<Vec<String>>,
    /// Custom fields by field name; select options are sent as arrays (`["0","3"]`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "write_update_fields"
    )]
    pub custom_fields: BTreeMap<String, FieldInput>,
    /// Tag names, replacing the current ones, sent comma-joined.
    #[serde(
        default,
        serialize_with = "de::write_opt_comma_list",
        deserialize_with = "de::opt_comma_list"
    )]
    pub tags: Option<Vec<String>>,
}

/// Body of `PUT /open_api_v1/tickets/:id` (003:305-312).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketUpdate {
    /// The changes.
    pub ticket: TicketChanges,
    /// Attach the customer found by this identifier type (both or neither, else `40001`).
    pub customer_id_type: Option<CustomerIdType>,
    /// The identifier's value.
    pub customer_id_value: Option<String>,
}

impl TicketUpdate {
    /// Refuses an empty title and a lone customer identifier type or value (`40001`).
    pub fn validate(&self) -> Result<()> {
        if self.ticket.subject.trim().is_empty() {
            return Err(Error::InvalidRequest(
                "update requires the ticket subject".into(),
            ));
        }
        if self.customer_id_type.is_some() != self.customer_id_value.is_some() {
            return Err(Error::InvalidRequest(
                "customer_id_type and customer_id_value go together".into(),
            ));
        }
        Ok(())
    }
}

/// A tag as update's answer returns it (`{id, name}`, 003:376); detail's comma string is read
/// too.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// Tag ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Tag name.
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
}

fn tags<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Tag>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    match value {
        None | Some(serde_json::Value::Null) => Ok(Vec::new()),
        Some(serde_json::Value::String(text)) => Ok(text
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| Tag {
                id: None,
                name: name.to_owned(),
            })
            .collect()),
        Some(other) => serde_json::from_value(other).map_err(serde::de::Error::custom),
    }
}

/// The ticket in update's answer (003:353-380), with names unlike detail's: `customer_*` for
/// `user_*`, `agent_*` for `assignee_*`, `agent_group_*` for `user_group_*`, `platform_name` (a
/// code) for `platform` (a display name), tags as objects.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdatedTicket {
    /// Ticket ID.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Ticket number.
    #[serde(default, deserialize_with = "de::text")]
    pub field_num: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub subject: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub content: Option<String>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub customer_id: Option<String>,
    /// Customer name.
    #[serde(default, deserialize_with = "de::text")]
    pub customer_name: Option<String>,
    /// Handling agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_id: Option<String>,
    /// Handling agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
    /// Handling agent avatar.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_avatar: Option<String>,
    /// Handling group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_group_id: Option<String>,
    /// Handling group name.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_group_name: Option<String>,
    /// Template ID.
    #[serde(default, deserialize_with = "de::text")]
    pub template_id: Option<String>,
    /// Priority display name.
    #[serde(default, deserialize_with = "de::text")]
    pub priority: Option<String>,
    /// Status display name.
    #[serde(default, deserialize_with = "de::text")]
    pub status: Option<String>,
    /// Status ID (in the example, not the table).
    #[serde(default)]
    pub status_id: Option<TicketStatus>,
    /// Stable English status.
    #[serde(default)]
    pub status_en: Option<StatusName>,
    /// Channel code.
    #[serde(default)]
    pub platform_name: Option<Platform>,
    /// Chat sub-session ID.
    #[serde(default, deserialize_with = "de::text")]
    pub im_sub_session_id: Option<String>,
    /// Satisfaction result (Integer in this table, String in detail's; read as text).
    #[serde(default, deserialize_with = "de::text")]
    pub satisfaction: Option<String>,
    /// Creation time.
    #[serde(default, deserialize_with = "de::text")]
    pub created_at: Option<String>,
    /// Custom fields (select values as arrays here).
    #[serde(default, deserialize_with = "de::list")]
    pub custom_fields: BTreeMap<String, FieldValue>,
    /// The customer's company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub organization_id: Option<String>,
    /// Attachments.
    #[serde(default, deserialize_with = "de::list")]
    pub attachments: Vec<TicketAttachment>,
    /// Tags.
    #[serde(default, deserialize_with = "tags")]
    pub tags: Vec<Tag>,
    /// Followers (with avatars).
    #[serde(default, deserialize_with = "de::list")]
    pub followers: Vec<Follower>,
    /// Deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub solved_deadline: Option<String>,
}

/// Answer of update: `{code, ticket}` (no `message`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateAnswer {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message, if any.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The ticket after the update.
    pub ticket: UpdatedTicket,
}

impl Tickets<'_> {
    /// The display name create's `priority` takes for `priority`, per the connection's
    /// [`crate::PriorityNames`].
    pub fn priority_name(&self, priority: &Priority) -> Option<String> {
        self.client
            .config()
            .priority_names
            .name(priority)
            .map(str::to_owned)
    }

    /// `POST /open_api_v1/tickets`: creates a ticket; returns its ID. Never retried once it may
    /// have reached Udesk.
    pub async fn create(&self, ticket: &NewTicket) -> Result<String> {
        ticket.validate()?;
        let body = json_body(&CreateTicketBody {
            ticket: ticket.clone(),
        })?;
        let answer: CreatedTicket = self
            .client
            .call(&ApiRequest::post_json("tickets", body))
            .await?;
        Ok(answer.ticket_id)
    }

    /// `PUT /open_api_v1/tickets/:id`: changes a ticket; returns it as update's answer shapes
    /// it ([`UpdatedTicket`]). Not retried.
    pub async fn update(&self, id: &str, update: &TicketUpdate) -> Result<UpdatedTicket> {
        TicketKey::id(id).validate()?;
        update.validate()?;
        let path = format!("tickets/{}", de::path_segment(id));
        let answer: UpdateAnswer = self
            .client
            .call(&ApiRequest::put_json(path, json_body(update)?))
            .await?;
        Ok(answer.ticket)
    }

    /// `DELETE /open_api_v1/tickets/destroy_ticket?id=..` (or `num=%23..`): deletes a ticket.
    /// Not retried (a repeat would answer "does not exist").
    pub async fn delete(&self, ticket: &TicketKey) -> Result<()> {
        ticket.validate()?;
        let request = ApiRequest::write(Method::DELETE, "tickets/destroy_ticket", ApiBody::Empty)
            .with_query(query_pairs(ticket)?);
        let _: Ack = self.client.call(&request).await?;
        Ok(())
    }
}
