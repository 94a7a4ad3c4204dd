//! Short names for the lenient serde helpers used throughout the payload types.

pub(crate) use vendor_http::lenient::{
    comma_list as string_list, json_or_string as json, null_as_default as list, opt_f64 as float,
    opt_i64 as int, opt_string as text, vec_or_empty as list_or_empty,
};

use serde::{Deserialize, Deserializer};

/// A list of objects that the docs type as a single object (e.g. `follow_user`, CRM 39).
pub(crate) fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    match value {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::String(text) if text.trim().is_empty() => Ok(Vec::new()),
        serde_json::Value::Array(_) => {
            serde_json::from_value(value).map_err(serde::de::Error::custom)
        }
        single => serde_json::from_value(single)
            .map(|item| vec![item])
            .map_err(serde::de::Error::custom),
    }
}

/// An ID made safe to put in a URL path segment.
pub(crate) fn path_segment(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id.trim(), percent_encoding::NON_ALPHANUMERIC).to_string()
}
