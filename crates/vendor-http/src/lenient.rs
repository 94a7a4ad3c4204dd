//! Lenient serde helpers for vendor JSON whose types disagree with its documentation.
//!
//! Use them with `#[serde(default, deserialize_with = "...")]`:
//!
//! * a value documented as a string that arrives as a number (or the reverse): [`string`],
//!   [`opt_string`], [`opt_i64`], [`opt_f64`];
//! * an empty string meaning "absent": [`opt_string_nonempty`], and the numeric helpers treat
//!   `""` as `None`;
//! * a JSON document sent as a string in one place and as a value in another: [`json_or_string`];
//! * a list sent as an array or as one comma-separated string: [`comma_list`];
//! * both spellings of a key: serde's own `#[serde(alias = "retCode")]`.
//!
//! Every helper accepts `null` where an `Option` is returned.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// Any JSON scalar, as the lenient helpers see it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// `null` (or a missing value).
    Null,
    /// A JSON string.
    Str(String),
    /// A JSON integer that fits an `i64`.
    Int(i64),
    /// A JSON integer above `i64::MAX`.
    UInt(u64),
    /// A JSON number with a fraction or exponent.
    Float(f64),
    /// A JSON boolean.
    Bool(bool),
}

impl Scalar {
    /// The scalar as text (numbers in their shortest form); `None` for `null`.
    pub fn into_text(self) -> Option<String> {
        match self {
            Scalar::Null => None,
            Scalar::Str(text) => Some(text),
            Scalar::Int(number) => Some(number.to_string()),
            Scalar::UInt(number) => Some(number.to_string()),
            Scalar::Float(number) => Some(number.to_string()),
            Scalar::Bool(flag) => Some(flag.to_string()),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number, a boolean or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(i64::try_from(v).map_or(Scalar::UInt(v), Scalar::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

fn scalar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
    serde::Deserialize::deserialize(deserializer)
}

/// A string that may arrive as a number or boolean; `null` becomes `""`.
pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(scalar(deserializer)?.into_text().unwrap_or_default())
}

/// An optional string that may arrive as a number; `""` is kept as `Some("")`.
pub fn opt_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(scalar(deserializer)?.into_text())
}

/// An optional string that may arrive as a number; `""` (and whitespace only) becomes `None`.
pub fn opt_string_nonempty<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(scalar(deserializer)?
        .into_text()
        .filter(|text| !text.trim().is_empty()))
}

/// An optional integer that may arrive as a string (`"86400"`, `" 3 "`); `""` becomes `None`.
pub fn opt_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    match scalar(deserializer)? {
        Scalar::Null => Ok(None),
        Scalar::Int(number) => Ok(Some(number)),
        Scalar::UInt(number) => Err(de::Error::custom(format!("{number} is out of range"))),
        Scalar::Float(number) if number.fract() == 0.0 && number.abs() < 9.0e15 =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Ok(Some(number as i64))
        }
        Scalar::Float(number) => Err(de::Error::custom(format!("{number} is not an integer"))),
        Scalar::Bool(flag) => Ok(Some(i64::from(flag))),
        Scalar::Str(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                Ok(None)
            } else {
                trimmed
                    .parse()
                    .map(Some)
                    .map_err(|_| de::Error::custom(format!("{text:?} is not an integer")))
            }
        }
    }
}

/// An integer that may arrive as a string; absent, `null` or `""` is an error.
pub fn i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    opt_i64(deserializer)?.ok_or_else(|| de::Error::custom("expected an integer, found nothing"))
}

/// An optional decimal number that may arrive as a string; `""` becomes `None`.
pub fn opt_f64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    match scalar(deserializer)? {
        Scalar::Null => Ok(None),
        Scalar::Int(number) => Ok(Some(number as f64)),
        Scalar::UInt(number) => Ok(Some(number as f64)),
        Scalar::Float(number) => Ok(Some(number)),
        Scalar::Bool(flag) => Ok(Some(f64::from(u8::from(flag)))),
        Scalar::Str(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                Ok(None)
            } else {
                trimmed
                    .parse()
                    .map(Some)
                    .map_err(|_| de::Error::custom(format!("{text:?} is not a number")))
            }
        }
    }
}

/// A JSON document that arrives either as a value or as a string holding JSON.
///
/// A string that does not parse as JSON is kept as a JSON string, so nothing is lost; `""` and
/// `null` become `None`.
pub fn json_or_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    let value: serde_json::Value = serde::Deserialize::deserialize(deserializer)?;
    Ok(match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) if text.trim().is_empty() => None,
        serde_json::Value::String(text) => {
            Some(serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)))
        }
        other => Some(other),
    })
}

/// Any value whose `null` means its default (an empty list, an empty string).
///
/// Unlike [`vec_or_empty`] this decodes in place, so a decode error inside keeps its JSON path.
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A list that may arrive as `""` or `null` meaning empty (decoded through a buffer, so errors
/// inside report the path of the list only).
pub fn vec_or_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value: serde_json::Value = serde::Deserialize::deserialize(deserializer)?;
    match value {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::String(text) if text.trim().is_empty() => Ok(Vec::new()),
        serde_json::Value::String(text) => serde_json::from_str(&text).map_err(de::Error::custom),
        other => serde_json::from_value(other).map_err(de::Error::custom),
    }
}

/// A list of strings sent as a JSON array, a comma-separated string (`"a, b"`), `""` or `null`.
///
/// Pieces of a string are trimmed and empty ones dropped; array items are kept as sent, except
/// that `null` items are dropped and non-string items are kept as their JSON text.
pub fn comma_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(match value {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::String(text)) => text
            .split(',')
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(serde_json::Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                serde_json::Value::Null => None,
                serde_json::Value::String(text) => Some(text),
                other => Some(other.to_string()),
            })
            .collect(),
        Some(other) => vec![other.to_string()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Sample {
        #[serde(default, deserialize_with = "string")]
        code: String,
        #[serde(default, deserialize_with = "opt_string")]
        label: Option<String>,
        #[serde(default, deserialize_with = "opt_string_nonempty")]
        reason: Option<String>,
        #[serde(default, deserialize_with = "opt_i64")]
        count: Option<i64>,
        #[serde(default, deserialize_with = "opt_f64")]
        offset: Option<f64>,
        #[serde(default, deserialize_with = "json_or_string")]
        content: Option<serde_json::Value>,
        #[serde(default, deserialize_with = "vec_or_empty")]
        list: Vec<u8>,
        #[serde(default, alias = "retCode")]
        ret_code: String,
    }

    fn decode(json: &str) -> Sample {
        serde_json::from_str(json).expect("lenient decode")
    }

    #[test]
    fn strings_accept_numbers_and_numbers_accept_strings() {
        let a = decode(r#"{"code":99,"label":3,"count":"86400","offset":"-2.5"}"#);
        let b = decode(r#"{"code":"99","label":"3","count":86400,"offset":-2.5}"#);
        assert_eq!(a, b);
        assert_eq!(a.code, "99");
        assert_eq!(a.count, Some(86_400));
        assert_eq!(a.offset, Some(-2.5));
    }

    #[test]
    fn empty_strings_become_none_where_asked_and_stay_where_not() {
        let sample = decode(r#"{"label":"","reason":"  ","count":"","list":""}"#);
        assert_eq!(sample.label, Some(String::new()));
        assert_eq!(sample.reason, None);
        assert_eq!(sample.count, None);
        assert!(sample.list.is_empty());
    }

    #[test]
    fn nulls_and_missing_fields_are_none() {
        let sample = decode(r#"{"code":null,"label":null,"count":null}"#);
        assert_eq!(sample.code, "");
        assert_eq!(sample.label, None);
        assert_eq!(sample.count, None);
    }

    #[test]
    fn json_may_arrive_as_a_string_or_as_a_value() {
        let a = decode(r#"{"content":"{\"a\":1}"}"#);
        let b = decode(r#"{"content":{"a":1}}"#);
        assert_eq!(a.content, b.content);
        let c = decode(r#"{"content":"not json"}"#);
        assert_eq!(c.content, Some(serde_json::json!("not json")));
    }

    #[test]
    fn both_spellings_of_a_key_decode() {
        assert_eq!(decode(r#"{"retCode":"000000"}"#).ret_code, "000000");
        assert_eq!(decode(r#"{"ret_code":"000000"}"#).ret_code, "000000");
    }

    #[test]
    fn comma_lists_accept_strings_arrays_and_nothing() {
        #[derive(Deserialize)]
        struct Tags {
            #[serde(default, deserialize_with = "comma_list")]
            tags: Vec<String>,
        }
        let tags = |json: &str| serde_json::from_str::<Tags>(json).expect("decodes").tags;
        assert_eq!(tags(r#"{"tags":"a, b,,c "}"#), vec!["a", "b", "c"]);
        assert_eq!(
            tags(r#"{"tags":[" a",null,3,true]}"#),
            vec![" a", "3", "true"]
        );
        assert_eq!(tags(r#"{"tags":7}"#), vec!["7"]);
        assert!(tags(r#"{"tags":""}"#).is_empty());
        assert!(tags(r#"{"tags":null}"#).is_empty());
        assert!(tags("{}").is_empty());
    }

    #[test]
    fn a_non_numeric_string_is_an_error_not_a_silent_none() {
        let error = serde_json::from_str::<Sample>(r#"{"count":"many"}"#).expect_err("bad");
        assert!(error.to_string().contains("not an integer"));
    }
}
