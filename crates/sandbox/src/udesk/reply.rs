//! Answers in the Udesk envelope: `{code: 1000, message?, ...payload}` on success and
//! `{code, message, exception?: {message}}` on failure, always under HTTP 200 (no HTTP status is
//! documented; the client judges by `code`).

use axum::Json;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// A handler's answer: the success or the documented error, both already envelopes.
pub(crate) type Answer = Result<Response, Response>;

/// `code` of every success.
pub(crate) const SUCCESS: i64 = 1000;
/// The generic validation / business code (003:2025-2072).
pub(crate) const GENERIC: i64 = 2000;
/// Resource not found (003:2073-2074); wrong password on `log_in`.
pub(crate) const NOT_FOUND: i64 = 2005;

/// A failure with the seed's message and, when the seed has one, its `exception.message`.
pub(crate) fn fail(code: i64, message: &str, exception: Option<&str>) -> Response {
    let mut body = json!({"code": code, "message": message});
    if let Some(exception) = exception {
        body["exception"] = json!({"message": exception});
    }
    Json(body).into_response()
}

/// A `2000` failure.
pub(crate) fn generic(message: &str) -> Response {
    fail(GENERIC, message, None)
}

/// Success: `{"code": 1000}` merged with `payload`'s keys.
pub(crate) fn ok(payload: Value) -> Answer {
    let mut body = Map::new();
    body.insert("code".into(), json!(SUCCESS));
    if let Value::Object(map) = payload {
        body.extend(map);
    }
    Ok(Json(Value::Object(body)).into_response())
}

/// The `meta` object and the rows of page `page` of `per_page` over `rows`.
pub(crate) fn page<T>(rows: Vec<T>, page: usize, per_page: usize) -> (Vec<T>, Value) {
    let total = rows.len();
    let items = rows
        .into_iter()
        .skip(page.saturating_sub(1).saturating_mul(per_page))
        .take(per_page)
        .collect();
    let meta = json!({
        "current_page": page,
        "total_pages": total.div_ceil(per_page.max(1)),
        "total_count": total,
    });
    (items, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cut_the_rows_and_count_them() {
        let (rows, meta) = page((1..=45).collect::<Vec<_>>(), 3, 20);
        assert_eq!(rows, vec![41, 42, 43, 44, 45]);
        assert_eq!(meta["total_pages"], 3);
        assert_eq!(meta["total_count"], 45);
    }
}
