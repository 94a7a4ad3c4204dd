//! Answers in the V6 envelope `{apiVersion, status, code, message, reason, kind, metaData,
//! data}`. No failure answer is documented (sobot-callcenter.md §6): the sandbox answers a
//! failure under the HTTP status its `code` names (400 invalid or missing parameter, 401 token,
//! 403 not allowed, 404 unknown resource), with `status: "Failure"` and a message naming the
//! request field concerned.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;
use sobot::callcenter::V6Envelope;

/// A handler's answer: the success or the failure, both already envelopes.
pub(crate) type Answer = Result<Response, Response>;

/// Success around `data`, with `kind` as the examples name the payload.
pub(crate) fn ok<T: Serialize>(kind: &str, data: T) -> Answer {
    Ok(Json(V6Envelope::success(kind, data)).into_response())
}

/// Success that also carries the v5-style `retCode`/`retMsg` (skill-group create and delete,
/// 004:490-500, 548-560).
pub(crate) fn ok_with_ret_code<T: Serialize>(kind: &str, data: T) -> Answer {
    let mut envelope = V6Envelope::success(kind, data);
    envelope.head.ret_code = Some("000000".into());
    envelope.head.ret_msg = Some("操作成功".into());
    Ok(Json(envelope).into_response())
}

/// A failure with V6 `code` (also the HTTP status when it is one) and `message`.
pub(crate) fn fail_code(code: i64, message: &str) -> Response {
    let status = u16::try_from(code)
        .ok()
        .and_then(|c| StatusCode::from_u16(c).ok())
        .filter(|s| s.is_client_error() || s.is_server_error())
        .unwrap_or(StatusCode::OK);
    let body = json!({
        "apiVersion": "6.0.0",
        "status": "Failure",
        "code": code,
        "message": message,
        "reason": status.canonical_reason().unwrap_or_default(),
        "kind": "Status",
        "metaData": {},
        "data": null,
    });
    (status, Json(body)).into_response()
}

/// `400` naming the field: `field `agentType`: must be 0 or 1`.
pub(crate) fn invalid(field: &str, detail: &str) -> Response {
    fail_code(400, &format!("field `{field}`: {detail}"))
}

/// `400` for a missing required field.
pub(crate) fn missing(field: &str) -> Response {
    invalid(field, "is required")
}

/// `404` for an unknown resource, naming the field that referenced it.
pub(crate) fn not_found(field: &str, value: &str) -> Response {
    fail_code(404, &format!("field `{field}`: {value:?} not found"))
}
