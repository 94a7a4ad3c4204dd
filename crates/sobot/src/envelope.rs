//! The v5 response envelope `{ret_code, ret_msg, item | items | data, paging}` and pages.

use serde::{Deserialize, Serialize};
use vendor_http::lenient;

/// The part of every answer that says whether it succeeded.
///
/// `get_timezone` spells the keys `retCode`/`retMsg` (000:644-645), so both are accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// `"000000"` on success; a [`crate::codes`] code otherwise.
    #[serde(
        alias = "retCode",
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ret_code: Option<String>,
    /// The vendor's message, localized per the `language` header.
    #[serde(
        alias = "retMsg",
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ret_msg: Option<String>,
}

/// An answer whose payload is `item` (a single object, or a bare ID string).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemEnvelope<T> {
    /// `"000000"` on success.
    #[serde(alias = "retCode", default, deserialize_with = "lenient::string")]
    pub ret_code: String,
    /// The vendor's message.
    #[serde(
        alias = "retMsg",
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ret_msg: Option<String>,
    /// The payload.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub item: Option<T>,
}

/// An answer whose payload is the list `items`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct ItemsEnvelope<T> {
    /// `"000000"` on success.
    #[serde(alias = "retCode", default, deserialize_with = "lenient::string")]
    pub ret_code: String,
    /// The vendor's message.
    #[serde(
        alias = "retMsg",
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ret_msg: Option<String>,
    /// The payload (`null` decodes as empty).
    #[serde(default = "Vec::new", deserialize_with = "lenient::null_as_default")]
    pub items: Vec<T>,
}

/// An answer with no payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEnvelope {
    /// `"000000"` on success.
    #[serde(alias = "retCode", default, deserialize_with = "lenient::string")]
    pub ret_code: String,
    /// The vendor's message (optional on some endpoints, 000:2829).
    #[serde(
        alias = "retMsg",
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ret_msg: Option<String>,
}

/// One page of a paginated list, with the envelope's paging fields.
///
/// The paging fields are numbers in examples and strings in some tables (CRM I-10), and some
/// examples omit `page_no`, so each is lenient and optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// `"000000"` on success.
    #[serde(alias = "retCode", default, deserialize_with = "lenient::string")]
    pub ret_code: String,
    /// The vendor's message.
    #[serde(
        alias = "retMsg",
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ret_msg: Option<String>,
    /// The page's rows.
    #[serde(default = "Vec::new", deserialize_with = "lenient::null_as_default")]
    pub items: Vec<T>,
    /// The page number, 1-based.
    #[serde(
        default,
        deserialize_with = "lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_no: Option<i64>,
    /// The page size.
    #[serde(
        default,
        deserialize_with = "lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_size: Option<i64>,
    /// The number of pages.
    #[serde(
        default,
        deserialize_with = "lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_count: Option<i64>,
    /// The number of rows over all pages.
    #[serde(
        default,
        deserialize_with = "lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<i64>,
}

impl<T> Page<T> {
    /// Whether a page after `page_no` may hold more rows, judged by `page_count` when present
    /// and otherwise by a full page.
    pub fn has_more(&self, page_no: i64, requested_size: i64) -> bool {
        vendor_http::paging::more_after(self.items.len(), self.page_count, page_no, requested_size)
    }
}

fn none<T>() -> Option<T> {
    None
}
