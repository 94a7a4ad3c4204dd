//! The ticket as detail, list, filter and export return it, and the ticket key (`id` or `num`).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_with::skip_serializing_none;

use super::codes::{ContentFormat, StatusName};
use crate::de;
use crate::error::{Error, Result};

/// Which ticket a call is about: its numeric `id` or its display number `num` (`#848`).
///
/// Serialized as `{"id": 159}` (a number when numeric) or `{"num": "#848"}`; in a query string the
/// transport encodes `#` as `%23` (003:153).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TicketKey {
    /// The ticket ID.
    #[serde(
        rename = "id",
        serialize_with = "de::write_id",
        deserialize_with = "de::string"
    )]
    Id(String),
    /// The ticket number, with its leading `#`.
    #[serde(rename = "num")]
    Num(String),
}

impl TicketKey {
    /// By ticket ID.
    pub fn id(id: impl Into<String>) -> Self {
        Self::Id(id.into().trim().to_owned())
    }

    /// By ticket number; a missing leading `#` is added (`"848"` becomes `"#848"`).
    pub fn num(num: impl Into<String>) -> Self {
        let num = num.into();
        let num = num.trim();
        if num.starts_with('#') {
            Self::Num(num.to_owned())
        } else {
            Self::Num(format!("#{num}"))
        }
    }

    /// Refuses an empty ID or number before sending (Udesk: "id and num ... cannot be empty").
    pub fn validate(&self) -> Result<()> {
        let empty = match self {
            Self::Id(id) => id.trim().is_empty(),
            Self::Num(num) => num.trim_start_matches('#').trim().is_empty(),
        };
        if empty {
            return Err(Error::InvalidRequest(
                "a ticket ID or number must not be empty".into(),
            ));
        }
        Ok(())
    }
}

/// A custom field value as Udesk returns it: text, a list of option indexes (update's answer,
/// 003:339-341), or an object (tickets in filter, 003:1474-1480).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Text, or create-style comma-joined option indexes (`"0,3"`).
    Text(String),
    /// Option indexes as an array (`["0","3"]`).
    Options(Vec<String>),
    /// Anything else, kept as sent.
    Other(serde_json::Value),
}

/// A ticket follower.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Follower {
    /// Agent ID.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub nick_name: Option<String>,
    /// Avatar URL (update's answer only).
    #[serde(default, deserialize_with = "de::text")]
    pub avatar: Option<String>,
}

/// A ticket attachment. The tables say `file_name` (003:200, 003:379), every ticket example
/// `name` (003:262, 003:412); both are read.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketAttachment {
    /// File name.
    #[serde(default, alias = "file_name", deserialize_with = "de::text")]
    pub name: Option<String>,
    /// File URL (kept as sent; one example carries a broken escape, 003:476).
    #[serde(default, deserialize_with = "de::text")]
    pub url: Option<String>,
}

/// A ticket associated with another (detail only).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociatedTicket {
    /// Ticket ID.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Ticket number (`#002`).
    #[serde(default, deserialize_with = "de::text")]
    pub field_num: Option<String>,
    /// Relation, a display name ("repeat ticket", "sub ticket").
    #[serde(default, deserialize_with = "de::text")]
    pub associated_type: Option<String>,
}

/// A ticket as detail, list, tickets-in-filter and export return it (003:162-202).
///
/// `priority`, `status` and `platform` are display names in the tenant's language; `status_en`
/// is the stable status. Times are kept as sent (see [`crate::time::parse`]).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    /// Ticket ID.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Ticket number with its `#`.
    #[serde(default, deserialize_with = "de::text")]
    pub field_num: Option<String>,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub subject: Option<String>,
    /// Description (HTML when `content_type` is `html`).
    #[serde(default, deserialize_with = "de::text")]
    pub content: Option<String>,
    /// Format of `content`.
    #[serde(default)]
    pub content_type: Option<ContentFormat>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub user_id: Option<String>,
    /// Customer name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_name: Option<String>,
    /// Customer email.
    #[serde(default, deserialize_with = "de::text")]
    pub user_email: Option<String>,
    /// Customer phone.
    #[serde(default, deserialize_with = "de::text")]
    pub user_cellphone: Option<String>,
    /// The customer's company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub organization_id: Option<String>,
    /// Handling agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub assignee_id: Option<String>,
    /// Handling agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub assignee_name: Option<String>,
    /// Handling agent avatar URL.
    #[serde(default, deserialize_with = "de::text")]
    pub assignee_avatar: Option<String>,
    /// Handling agent group ID.
    #[serde(default, deserialize_with = "de::text")]
    pub user_group_id: Option<String>,
    /// Handling agent group name.
    #[serde(default, deserialize_with = "de::text")]
    pub user_group_name: Option<String>,
    /// Template ID.
    #[serde(default, deserialize_with = "de::text")]
    pub template_id: Option<String>,
    /// Priority display name (`"High"`, `"紧急"`; the example's `"noraml"` is kept as sent).
    #[serde(default, deserialize_with = "de::text")]
    pub priority: Option<String>,
    /// Status display name.
    #[serde(default, deserialize_with = "de::text")]
    pub status: Option<String>,
    /// Stable English status.
    #[serde(default)]
    pub status_en: Option<StatusName>,
    /// Channel display name ("Manual entry", "Email").
    #[serde(default, deserialize_with = "de::text")]
    pub platform: Option<String>,
    /// The ticket's chat sub-session ID.
    #[serde(default, deserialize_with = "de::text")]
    pub im_sub_session_id: Option<String>,
    /// Satisfaction result: String in the detail table (003:185), Integer in update's
    /// (003:372); read as text either way.
    #[serde(default, deserialize_with = "de::text")]
    pub satisfaction: Option<String>,
    /// Custom field values by field name (`TextField_1`, `SelectField_3`).
    #[serde(default, deserialize_with = "de::list")]
    pub custom_fields: BTreeMap<String, FieldValue>,
    /// Tag names (a comma-separated string on the wire).
    #[serde(
        default,
        deserialize_with = "de::tag_names",
        serialize_with = "de::write_comma_list"
    )]
    pub tags: Vec<String>,
    /// Followers.
    #[serde(default, deserialize_with = "de::list")]
    pub followers: Vec<Follower>,
    /// Attachments.
    #[serde(default, deserialize_with = "de::list")]
    pub attachments: Vec<TicketAttachment>,
    /// Creator (agent) ID.
    #[serde(default, deserialize_with = "de::text")]
    pub creator_id: Option<String>,
    /// Creation time.
    #[serde(default, deserialize_with = "de::text")]
    pub created_at: Option<String>,
    /// Last update time.
    #[serde(default, deserialize_with = "de::text")]
    pub updated_at: Option<String>,
    /// When solving started.
    #[serde(default, deserialize_with = "de::text")]
    pub solving_at: Option<String>,
    /// Resolution time.
    #[serde(default, deserialize_with = "de::text")]
    pub resolved_at: Option<String>,
    /// Closing time.
    #[serde(default, deserialize_with = "de::text")]
    pub closed_at: Option<String>,
    /// Deadline.
    #[serde(default, deserialize_with = "de::text")]
    pub solved_deadline: Option<String>,
    /// Last reply time.
    #[serde(default, deserialize_with = "de::text")]
    pub replied_at: Option<String>,
    /// Last agent reply time.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_replied_at: Option<String>,
    /// Last customer reply time.
    #[serde(default, deserialize_with = "de::text")]
    pub customer_replied_at: Option<String>,
    /// Who replied last.
    #[serde(default, deserialize_with = "de::text")]
    pub replied_by: Option<String>,
    /// Associated tickets (detail only).
    #[serde(default, deserialize_with = "de::list")]
    pub associated_tickets: Vec<AssociatedTicket>,
}

/// One element of a ticket list: `{"ticket": {...}}`. The list table says each element is a
/// ticket (003:554) while every example wraps it (003:565-713), so a bare ticket is read too.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TicketEntry {
    /// The ticket.
    pub ticket: Ticket,
}

impl<'de> Deserialize<'de> for TicketEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut value = serde_json::Value::deserialize(deserializer)?;
        let wrapped = value
            .get("ticket")
            .is_some_and(serde_json::Value::is_object);
        let (prefix, inner) = if wrapped {
            let inner = value
                .get_mut("ticket")
                .map(serde_json::Value::take)
                .unwrap_or_default();
            ("ticket.", inner)
        } else {
            ("", value)
        };
        // Decoded through a value: keep the inner path in the message.
        serde_path_to_error::deserialize::<_, Ticket>(inner)
            .map(|ticket| Self { ticket })
            .map_err(|error| {
                serde::de::Error::custom(format!("at {prefix}{}: {}", error.path(), error.inner()))
            })
    }
}

impl From<TicketEntry> for Ticket {
    fn from(entry: TicketEntry) -> Self {
        entry.ticket
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_get_their_hash_and_empty_keys_are_refused() {
        assert_eq!(TicketKey::num("848"), TicketKey::Num("#848".into()));
        assert_eq!(TicketKey::num("#848"), TicketKey::Num("#848".into()));
        assert!(TicketKey::num("#").validate().is_err());
        assert!(TicketKey::id(" ").validate().is_err());
        assert!(TicketKey::id("1").validate().is_ok());
    }

    #[test]
    fn keys_serialize_as_a_numeric_id_or_a_num_string() {
        assert_eq!(
            serde_json::to_value(TicketKey::id("159")).expect("id"),
            serde_json::json!({"id": 159})
        );
        assert_eq!(
            serde_json::to_value(TicketKey::num("1")).expect("num"),
            serde_json::json!({"num": "#1"})
        );
    }

    #[test]
    fn list_elements_decode_wrapped_or_bare() {
        let wrapped: TicketEntry =
            serde_json::from_str(r#"{"ticket":{"id":1,"tags":"a,b"}}"#).expect("wrapped");
        let bare: TicketEntry =
            serde_json::from_str(r#"{"id":"1","tags":["a","b"]}"#).expect("bare");
        assert_eq!(wrapped, bare);
        assert_eq!(wrapped.ticket.tags, vec!["a", "b"]);
    }

    #[test]
    fn a_bad_value_inside_a_wrapped_ticket_names_its_path() {
        let error =
            serde_json::from_str::<TicketEntry>(r#"{"ticket":{"id":1,"followers":[{"id":[]}]}}"#)
                .expect_err("bad follower id");
        assert!(error.to_string().contains("followers[0].id"), "{error}");
    }

    #[test]
    fn custom_field_values_keep_text_arrays_and_objects() {
        let fields: BTreeMap<String, FieldValue> =
            serde_json::from_str(r#"{"a":"0,3","b":["0","3"],"c":{"keyword":"test"},"d":13}"#)
                .expect("fields");
        assert_eq!(fields["a"], FieldValue::Text("0,3".into()));
        assert_eq!(
            fields["b"],
            FieldValue::Options(vec!["0".into(), "3".into()])
        );
        assert!(matches!(fields["c"], FieldValue::Other(_)));
        assert!(matches!(fields["d"], FieldValue::Other(_)));
    }
}
