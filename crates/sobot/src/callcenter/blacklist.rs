//! Enterprise forbidden numbers, the call-center blacklist (sobot-callcenter.md §9.4 and §11,
//! 004:1076-1201 and 2033-2037).
//!
//! The import is `PUT /callservice/v6/cc-config/blacklist/batch` (no `/api/`) with a top-level
//! JSON array. Rows that fail are reported inside a success answer as strings, which
//! [`ImportFailure`] parses into row, field, value and reference.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_with::skip_serializing_none;

use super::ForbiddenNumbers;
use super::client::CcRequest;
use super::codes::{CallDirection, ForbiddenNumberState, ForbiddenNumberType};
use crate::de;
use crate::error::Result;

use super::paths::BLACKLIST_BATCH as BATCH;

/// One forbidden number to import.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ForbiddenNumber {
    /// The phone number (format not documented; examples are bare national digits).
    pub call_number: String,
    /// Only [`ForbiddenNumberType::Phone`] is accepted.
    pub number_type: ForbiddenNumberType,
    /// The direction blocked; block both directions with two rows.
    pub call_type: CallDirection,
    /// Whether the entry is in force.
    pub enabled: ForbiddenNumberState,
    /// Expiry date `yyyy-MM-dd`, in `zone_id`.
    pub expiration_time: Option<String>,
    /// One of the company's time zones; the company default when absent.
    pub zone_id: Option<String>,
    /// Free text.
    pub description: Option<String>,
}

impl ForbiddenNumber {
    /// An enabled, non-expiring phone-number entry blocking `direction`.
    pub fn phone(call_number: impl Into<String>, direction: CallDirection) -> Self {
        Self {
            call_number: call_number.into(),
            number_type: ForbiddenNumberType::Phone,
            call_type: direction,
            enabled: ForbiddenNumberState::Enabled,
            expiration_time: None,
            zone_id: None,
            description: None,
        }
    }
}

/// The answer of the import (`kind` `BatchDetail`). Always check [`Self::failures`]: failing
/// rows do not fail the call. The example's counts do not add up (3 rows, 3 successes and 2
/// failures, 004:1172-1173), so the counts are reported as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ForbiddenImportReport {
    /// Rows imported.
    #[serde(
        default,
        deserialize_with = "de::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub success_count: Option<i64>,
    /// Rows refused.
    #[serde(
        default,
        deserialize_with = "de::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub failed_count: Option<i64>,
    /// One entry per refused row.
    #[serde(default, deserialize_with = "de::list")]
    pub details: Vec<ImportFailure>,
}

impl ForbiddenImportReport {
    /// The refused rows.
    pub fn failures(&self) -> &[ImportFailure] {
        &self.details
    }
}

/// One refused row, parsed from the vendor's text.
///
/// The example writes `NO[2],[numberType],Content[2],[Reference:1-number]` (004:1176), the
/// common-structure section `Entry[3], [callType], content [5], [Refer to: 1-Outbound]`
/// (004:2037) and describes an object with a `detail` field (004:1105): the bracketed groups
/// are taken in order from either a bare string or `{"detail": ...}`, and the text is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFailure {
    /// The text as sent.
    pub raw: String,
    /// The 1-based position of the row in the request array.
    pub row: Option<u32>,
    /// The offending field (e.g. `numberType`).
    pub field: Option<String>,
    /// The offending value as text.
    pub value: Option<String>,
    /// The allowed values, label removed (e.g. `1-number`).
    pub reference: Option<String>,
}

impl ImportFailure {
    /// Parses a failure text; parts that are missing stay `None`.
    pub fn parse(raw: &str) -> Self {
        let groups = bracket_groups(raw);
        let nonempty = |index: usize| {
            groups
                .get(index)
                .map(|g| g.trim())
                .filter(|g| !g.is_empty())
                .map(str::to_owned)
        };
        let reference = nonempty(3).map(|text| match text.split_once(':') {
            Some((_, rest)) => rest.trim().to_owned(),
            None => text,
        });
        Self {
            raw: raw.to_owned(),
            row: nonempty(0).and_then(|row| row.parse().ok()),
            field: nonempty(1),
            value: nonempty(2),
            reference,
        }
    }
}

fn bracket_groups(text: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        groups.push(&after[..close]);
        rest = &after[close + 1..];
    }
    groups
}

impl fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for ImportFailure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for ImportFailure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let text = match &value {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Object(map) => match map.get("detail") {
                Some(serde_json::Value::String(text)) => text.clone(),
                _ => value.to_string(),
            },
            other => other.to_string(),
        };
        Ok(Self::parse(&text))
    }
}

impl ForbiddenNumbers<'_> {
    /// `PUT .../cc-config/blacklist/batch` with the rows as a top-level array. No row limit is
    /// documented; chunk large lists.
    pub async fn import(&self, rows: &[ForbiddenNumber]) -> Result<ForbiddenImportReport> {
        let request = CcRequest::json(vendor_http::reqwest::Method::PUT, BATCH, rows)?;
        self.client.call(&request).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_documented_failure_formats_parse_into_row_field_value_and_reference() {
        let example = ImportFailure::parse("NO[2],[numberType],Content[2],[Reference:1-number]");
        assert_eq!(example.row, Some(2));
        assert_eq!(example.field.as_deref(), Some("numberType"));
        assert_eq!(example.value.as_deref(), Some("2"));
        assert_eq!(example.reference.as_deref(), Some("1-number"));
        let common =
            ImportFailure::parse("Entry[3], [callType], content [5], [Refer to: 1-Outbound]");
        assert_eq!(common.row, Some(3));
        assert_eq!(common.field.as_deref(), Some("callType"));
        assert_eq!(common.value.as_deref(), Some("5"));
        assert_eq!(common.reference.as_deref(), Some("1-Outbound"));
    }

    #[test]
    fn unparseable_failures_keep_their_text() {
        let odd = ImportFailure::parse("row 4 is invalid");
        assert_eq!(odd.raw, "row 4 is invalid");
        assert_eq!((odd.row, odd.field), (None, None));
        let decoded: ImportFailure =
            serde_json::from_str(r#"{"detail":"NO[7],[enabled],Content[9],[Reference:0,1]"}"#)
                .expect("object form");
        assert_eq!(decoded.row, Some(7));
        assert_eq!(decoded.reference.as_deref(), Some("0,1"));
    }
}
