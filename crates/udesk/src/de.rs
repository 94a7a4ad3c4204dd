//! Lenient decoding and exact encoding helpers shared by the payload types.
//!
//! Udesk IDs are integers on the wire; we keep them as `String`s (they cross to TypeScript,
//! which cannot hold 64-bit integers), decode them from numbers or strings, and write them back
//! as JSON numbers whenever they are numeric, as the request tables and examples do.

pub(crate) use vendor_http::lenient::{
    comma_list, null_as_default as list, opt_i64 as int, opt_string as text, string,
};

use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serializer};

/// Writes an ID as a JSON number when it is all digits, otherwise as a string.
pub(crate) fn write_id<S: Serializer>(id: &str, serializer: S) -> Result<S::Ok, S::Error> {
    let trimmed = id.trim();
    match trimmed.parse::<u64>() {
        Ok(number) if !trimmed.starts_with('+') => serializer.serialize_u64(number),
        _ => serializer.serialize_str(id),
    }
}

/// `serialize_with` for an optional ID (use with `skip_serializing_if = "Option::is_none"`).
pub(crate) fn write_opt_id<S: Serializer>(
    id: &Option<String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match id {
        Some(id) => write_id(id, serializer),
        None => serializer.serialize_none(),
    }
}

/// `serialize_with` for a list of IDs, each written as [`write_id`] does.
pub(crate) fn write_ids<S: Serializer>(ids: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    struct Id<'a>(&'a str);
    impl serde::Serialize for Id<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            write_id(self.0, serializer)
        }
    }
    let mut seq = serializer.serialize_seq(Some(ids.len()))?;
    for id in ids {
        seq.serialize_element(&Id(id))?;
    }
    seq.end()
}

/// `serialize_with` for an optional list of IDs.
pub(crate) fn write_opt_ids<S: Serializer>(
    ids: &Option<Vec<String>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match ids {
        Some(ids) => write_ids(ids, serializer),
        None => serializer.serialize_none(),
    }
}

/// A list of IDs sent as numbers, strings, or objects carrying an `id` (the update example
/// sends follower objects where its table says agent IDs, 003:324 vs 003:398-409).
pub(crate) fn ids<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    let items = match value {
        None | Some(serde_json::Value::Null) => return Ok(Vec::new()),
        Some(serde_json::Value::Array(items)) => items,
        Some(serde_json::Value::String(text)) => {
            return Ok(split_commas(&text));
        }
        Some(other) => vec![other],
    };
    items
        .into_iter()
        .filter_map(|item| match item {
            serde_json::Value::Null => None,
            serde_json::Value::String(text) => Some(Ok(text.trim().to_owned())),
            serde_json::Value::Number(number) => Some(Ok(number.to_string())),
            serde_json::Value::Object(map) => match map.get("id") {
                Some(serde_json::Value::Number(number)) => Some(Ok(number.to_string())),
                Some(serde_json::Value::String(text)) => Some(Ok(text.trim().to_owned())),
                _ => Some(Err(serde::de::Error::custom("an object without an `id`"))),
            },
            other => Some(Err(serde::de::Error::custom(format!(
                "{other} is not an ID"
            )))),
        })
        .collect()
}

/// [`ids`] for an optional list (absent stays `None`, `null` becomes `Some(vec![])`).
pub(crate) fn opt_ids<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    ids(deserializer).map(Some)
}

/// [`comma_list`] for an optional list.
pub(crate) fn opt_comma_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    comma_list(deserializer).map(Some)
}

/// `serialize_with` writing a list as one comma-separated string (create/update `tags`).
pub(crate) fn write_comma_list<S: Serializer>(
    items: &[String],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&items.join(","))
}

/// `serialize_with` writing an optional list as one comma-separated string.
pub(crate) fn write_opt_comma_list<S: Serializer>(
    items: &Option<Vec<String>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match items {
        Some(items) => write_comma_list(items, serializer),
        None => serializer.serialize_none(),
    }
}

fn split_commas(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An ID made safe to put in a URL path segment.
pub(crate) fn path_segment(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id.trim(), percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Tag names from a comma-separated string (detail, 003:187), an array of strings, or an array
/// of `{id, name}` objects (update's answer, 003:376).
pub(crate) fn tag_names<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(match value {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::String(text)) => split_commas(&text),
        Some(serde_json::Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                serde_json::Value::String(text) => Some(text),
                serde_json::Value::Object(map) => map
                    .get("name")
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            })
            .collect(),
        Some(other) => vec![other.to_string()],
    })
}

/// An optional boolean sent as `true`/`false`, `1`/`0` or their strings.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<bool>, D::Error> {
    use vendor_http::lenient::Scalar;
    match Scalar::deserialize(deserializer)? {
        Scalar::Null => Ok(None),
        Scalar::Bool(flag) => Ok(Some(flag)),
        Scalar::Int(number) => Ok(Some(number != 0)),
        Scalar::Str(text) => match text.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            _ => Err(serde::de::Error::custom(format!(
                "{text:?} is not a boolean"
            ))),
        },
        other => Err(serde::de::Error::custom(format!(
            "{other:?} is not a boolean"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Ids {
        #[serde(serialize_with = "write_ids", deserialize_with = "ids")]
        ids: Vec<String>,
        #[serde(serialize_with = "write_comma_list", deserialize_with = "comma_list")]
        tags: Vec<String>,
    }

    #[test]
    fn ids_decode_from_numbers_strings_and_objects_and_encode_as_numbers() {
        let decoded: Ids = serde_json::from_str(
            r#"{"ids":[1,"23",{"id":12,"nick_name":"x"},"ab-1"],"tags":"a, b,,c"}"#,
        )
        .expect("decodes");
        assert_eq!(decoded.ids, vec!["1", "23", "12", "ab-1"]);
        assert_eq!(decoded.tags, vec!["a", "b", "c"]);
        assert_eq!(
            serde_json::to_string(&decoded).expect("encodes"),
            r#"{"ids":[1,23,12,"ab-1"],"tags":"a,b,c"}"#
        );
    }

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(path_segment(" 12 "), "12");
        assert_eq!(path_segment("a/b#c"), "a%2Fb%23c");
    }
}
