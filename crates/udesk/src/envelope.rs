//! The Udesk envelope: `{code, message, ...payload}` with `code == 1000` meaning success, and
//! the `meta` pagination object (003:34-40).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use crate::de;

/// The part of every answer that says whether it succeeded.
///
/// `message` is usually a string, an object on the upload endpoints (003:1646), and absent from
/// several success examples; errors may add `exception: {message}` (003:2024; shape not
/// documented, so a string is accepted too).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Head {
    /// `1000` on success.
    #[serde(default, deserialize_with = "de::int")]
    pub code: Option<i64>,
    /// The message, whatever its shape.
    #[serde(default)]
    pub message: Option<serde_json::Value>,
    /// The exception detail of an error body.
    #[serde(default)]
    pub exception: Option<serde_json::Value>,
}

impl Head {
    /// The message as text: a string as sent, an object's `msg`/`message`, or its JSON text.
    pub fn message_text(&self) -> String {
        value_text(self.message.as_ref())
    }

    /// `exception.message` (or `exception` itself when it is a string).
    pub fn exception_text(&self) -> Option<String> {
        let text = value_text(self.exception.as_ref());
        (!text.trim().is_empty()).then_some(text)
    }
}

fn value_text(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(serde_json::Value::Object(map)) => map
            .get("message")
            .or_else(|| map.get("msg"))
            .and_then(serde_json::Value::as_str)
            .map_or_else(
                || serde_json::Value::Object(map.clone()).to_string(),
                str::to_owned,
            ),
        Some(other) => other.to_string(),
    }
}

/// An answer with no payload beyond an optional message (delete, take_survey,
/// delete_file_for_reply).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    /// `1000` on success.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message (`"success"`, `"Clear attachments successfully"`).
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
}

/// The pagination object `meta` (003:36-40); integers, decoded leniently.
#[skip_serializing_none]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The current page, 1-based.
    #[serde(default, deserialize_with = "de::int")]
    pub current_page: Option<i64>,
    /// The number of pages.
    #[serde(default, deserialize_with = "de::int")]
    pub total_pages: Option<i64>,
    /// The number of records over all pages.
    #[serde(default, deserialize_with = "de::int")]
    pub total_count: Option<i64>,
}

/// A page of a list: its rows and its `meta`.
pub trait Paged {
    /// One row.
    type Item;
    /// Splits the page into its rows and its pagination object.
    fn into_parts(self) -> (Vec<Self::Item>, Option<Meta>);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_read_as_strings_objects_or_absent() {
        let plain: Head = serde_json::from_str(r#"{"code":2000,"message":"x "}"#).expect("head");
        assert_eq!(
            (plain.code, plain.message_text()),
            (Some(2000), "x ".into())
        );
        let object: Head =
            serde_json::from_str(r#"{"code":"1000","message":{"msg":"upload Success"}}"#)
                .expect("head");
        assert_eq!(object.message_text(), "upload Success");
        let bare: Head = serde_json::from_str(r#"{"code":1000}"#).expect("head");
        assert_eq!(bare.message_text(), "");
        assert_eq!(bare.exception_text(), None);
    }

    #[test]
    fn the_exception_may_be_an_object_or_a_string() {
        let object: Head =
            serde_json::from_str(r#"{"code":2000,"exception":{"message":"User 9 not found"}}"#)
                .expect("head");
        assert_eq!(object.exception_text().as_deref(), Some("User 9 not found"));
        let text: Head = serde_json::from_str(r#"{"code":2000,"exception":"boom"}"#).expect("head");
        assert_eq!(text.exception_text().as_deref(), Some("boom"));
    }

    #[test]
    fn meta_accepts_numbers_as_strings() {
        let meta: Meta =
            serde_json::from_str(r#"{"current_page":"2","total_pages":3,"total_count":""}"#)
                .expect("meta");
        assert_eq!(meta.current_page, Some(2));
        assert_eq!(meta.total_pages, Some(3));
        assert_eq!(meta.total_count, None);
    }
}
