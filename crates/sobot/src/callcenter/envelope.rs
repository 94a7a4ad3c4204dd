//! The V6 envelope `{apiVersion, status, code, message, reason, kind, metaData, data}` (plus the
//! `retCode`/`retMsg` some endpoints add) and the two page shapes (sobot-callcenter.md §4, §5).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use vendor_http::lenient;

/// The V6 success code (`code`), mirroring HTTP 200.
pub const SUCCESS_CODE: i64 = 200;

/// The v5-style success `retCode` some V6 endpoints add.
pub const SUCCESS_RET_CODE: &str = "000000";

/// The part of every answer that says whether it succeeded.
///
/// The seed documents no failure answer (§6, 004 has none), so a failure is anything that
/// says so: `code` other than 200, `status` other than `Success`, or a `retCode` other than
/// `000000`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct V6Head {
    /// Varies between examples (`6.2`, `v6.3.0`, ...); not interpreted.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub api_version: Option<String>,
    /// `Success` on success.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub status: Option<String>,
    /// `200` on success.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub code: Option<i64>,
    /// The vendor's message.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub message: Option<String>,
    /// The vendor's reason (`OK`, `Success`, `""`).
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub reason: Option<String>,
    /// The payload's type name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
    /// `000000` on success, on the endpoints that send it.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub ret_code: Option<String>,
    /// The message accompanying `retCode`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub ret_msg: Option<String>,
}

impl V6Head {
    /// Whether the answer reports a failure.
    pub fn is_failure(&self) -> bool {
        let code = self.code.is_some_and(|code| code != SUCCESS_CODE);
        let status = self
            .status
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty() && !s.trim().eq_ignore_ascii_case("success"));
        let ret = self
            .ret_code
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty() && c.trim() != SUCCESS_RET_CODE);
        code || status || ret
    }

    /// The code to report: `code` when it is not 200, else a failing `retCode`, else the HTTP
    /// status.
    pub fn vendor_code(&self, http_status: u16) -> String {
        if let Some(code) = self.code.filter(|c| *c != SUCCESS_CODE) {
            return code.to_string();
        }
        if let Some(ret) = self
            .ret_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty() && *c != SUCCESS_RET_CODE)
        {
            return ret.to_owned();
        }
        http_status.to_string()
    }

    /// The vendor's words exactly as sent: `message`, else `retMsg`, else `reason`.
    pub fn vendor_message(&self) -> String {
        [&self.message, &self.ret_msg, &self.reason]
            .into_iter()
            .flatten()
            .find(|text| !text.trim().is_empty())
            .cloned()
            .unwrap_or_default()
    }
}

/// A whole V6 answer with its payload.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct V6Envelope<T> {
    /// The status fields.
    #[serde(flatten)]
    pub head: V6Head,
    /// Usually `{}`; the IVR query fills it with nulls.
    #[serde(default)]
    pub meta_data: Option<serde_json::Value>,
    /// The payload: an object, a bare array, or a page.
    #[serde(default = "none")]
    pub data: Option<T>,
}

impl<T> V6Envelope<T> {
    /// A success answer around `data`, written as the examples write it (for a simulator of the
    /// API and for tests).
    pub fn success(kind: impl Into<String>, data: T) -> Self {
        Self {
            head: V6Head {
                api_version: Some("6.0.0".into()),
                status: Some("Success".into()),
                code: Some(SUCCESS_CODE),
                message: Some("Success".into()),
                reason: Some("Success".into()),
                kind: Some(kind.into()),
                ret_code: None,
                ret_msg: None,
            },
            meta_data: Some(serde_json::json!({})),
            data: Some(data),
        }
    }
}

fn none<T>() -> Option<T> {
    None
}

/// One page of a list, in either of the two shapes (§5): shape A `{list, currPage, pageSize,
/// total}` (skill groups, extensions, IVR) or shape B `{list, currPage, pageSize, totalCount,
/// totalPage}` (import results, outbound tasks). Every count is lenient and optional.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Paged<T> {
    /// The page's rows (`null` decodes as empty).
    #[serde(default = "Vec::new", deserialize_with = "lenient::null_as_default")]
    pub list: Vec<T>,
    /// The page number, 1-based.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub curr_page: Option<i64>,
    /// The page size.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub page_size: Option<i64>,
    /// Rows over all pages (shape A).
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub total: Option<i64>,
    /// Rows over all pages (shape B).
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    /// Number of pages (shape B).
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub total_page: Option<i64>,
}

impl<T> Paged<T> {
    /// Rows over all pages, in whichever shape the page came.
    pub fn total_rows(&self) -> Option<i64> {
        self.total.or(self.total_count)
    }

    /// Whether a page after `page_no` may hold more rows: by `totalPage` when sent, else by the
    /// total row count, else by a full page. An empty page ends the list.
    pub fn has_more(&self, page_no: i64, requested_size: i64) -> bool {
        if self.list.is_empty() {
            return false;
        }
        if let Some(pages) = self.total_page {
            return page_no < pages;
        }
        if let Some(total) = self.total_rows() {
            let size = self.page_size.filter(|s| *s > 0).unwrap_or(requested_size);
            return page_no.saturating_mul(size) < total;
        }
        i64::try_from(self.list.len()).unwrap_or(i64::MAX) >= requested_size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(json: &str) -> V6Head {
        serde_json::from_str(json).expect("decodes")
    }

    #[test]
    fn success_needs_no_failing_code_status_or_ret_code() {
        assert!(!head(r#"{"status":"Success","code":200,"retCode":"000000"}"#).is_failure());
        assert!(!head(r#"{"status":"Success","code":"200"}"#).is_failure());
        assert!(head(r#"{"status":"Success","code":500}"#).is_failure());
        assert!(head(r#"{"status":"Failure","code":200}"#).is_failure());
        assert!(head(r#"{"code":200,"retCode":"100001"}"#).is_failure());
    }

    #[test]
    fn the_reported_code_and_message_prefer_the_v6_fields_and_keep_the_text() {
        let failed = head(r#"{"code":400,"message":" 坐席不存在 ","retCode":"100001"}"#);
        assert_eq!(failed.vendor_code(200), "400");
        assert_eq!(failed.vendor_message(), " 坐席不存在 ");
        let ret_only = head(r#"{"code":200,"retCode":"100001","retMsg":"bad"}"#);
        assert_eq!(ret_only.vendor_code(200), "100001");
        assert_eq!(ret_only.vendor_message(), "bad");
        assert_eq!(V6Head::default().vendor_code(502), "502");
    }

    #[test]
    fn a_built_success_answer_reads_back_as_success() {
        let answer = V6Envelope::success("QueueInfo", vec!["q1".to_owned()]);
        let text = serde_json::to_string(&answer).expect("encodes");
        let decoded: V6Envelope<Vec<String>> = serde_json::from_str(&text).expect("decodes");
        assert!(!decoded.head.is_failure());
        assert_eq!(decoded, answer);
        assert!(text.contains(r#""kind":"QueueInfo""#), "{text}");
    }

    #[test]
    fn both_page_shapes_know_whether_more_pages_follow() {
        let a: Paged<u8> =
            serde_json::from_str(r#"{"list":[1,2,3],"currPage":1,"pageSize":3,"total":13}"#)
                .expect("shape A");
        assert!(a.has_more(1, 3));
        assert!(!a.has_more(5, 3));
        let b: Paged<u8> = serde_json::from_str(
            r#"{"totalCount":13,"pageSize":50,"totalPage":1,"currPage":1,"list":[1]}"#,
        )
        .expect("shape B");
        assert_eq!(b.total_rows(), Some(13));
        assert!(!b.has_more(1, 50));
        let bare: Paged<u8> = serde_json::from_str(r#"{"list":[1,2]}"#).expect("no counts");
        assert!(bare.has_more(1, 2));
        assert!(!bare.has_more(1, 3));
        let empty: Paged<u8> = serde_json::from_str(r#"{"list":null,"total":9}"#).expect("null");
        assert!(!empty.has_more(1, 3));
    }
}
