//! Classifying call-center failures into the crate's [`Error`], the same enum the v5 client
//! uses (DESIGN §3: one error enum per crate).
//!
//! The seed documents no error answer (sobot-callcenter.md §6, §13 item 24); only "HTTP 401 for
//! an expired token" is known (§1.2 A). The V6 `code` mirrors HTTP statuses in every example,
//! so failures are classified by that code (or the HTTP status):
//!
//! | code | error | retry helps |
//! |---|---|---|
//! | 401 (after the one refresh) | [`Error::Auth`] `TokenRejected` | no |
//! | 403 | [`Error::Auth`] `NotConfigured` (this credential may not call it) | no |
//! | 400, 422 | [`Error::Validation`] with the request field the message names, if any | no |
//! | 404 | [`Error::NotFound`] | no |
//! | 429 | [`Error::RateLimited`] | yes |
//! | 5xx | [`Error::Business`] with the code | for idempotent calls |
//! | anything else | [`Error::Business`] with the code (or a failing `retCode`) | no |
//!
//! The vendor's `message` (else `retMsg`, else `reason`) is kept exactly as sent.

use super::envelope::V6Head;
use crate::error::{AuthFailure, Error};

/// Request field names of the call-center API, for finding the one a validation message names.
const FIELDS: &[&str] = &[
    "agent",
    "agentType",
    "agentID",
    "agentUUID",
    "agentName",
    "agentStatus",
    "wrapUpTime",
    "wrapUpType",
    "phone",
    "ext",
    "numberType",
    "queue",
    "queueID",
    "queueName",
    "queueWeight",
    "level",
    "checkin",
    "bindStatus",
    "password",
    "callNumber",
    "callType",
    "enabled",
    "expirationTime",
    "zoneId",
    "zoneValue",
    "description",
    "name",
    "dataTemplateCode",
    "wrapUpTemplateCode",
    "scheduleStartTime",
    "scheduleEndTime",
    "scheduleTimeZoneId",
    "campaignId",
    "code",
    "callingListCode",
    "removeDuplicatesRule",
    "enableFilterDoNotCallListNumber",
    "assignRule",
    "assignAgentAndCount",
    "count",
    "dataDetails",
    "telephone",
    "allocationAgent",
    "customFields",
    "fieldId",
    "fieldValue",
    "creationTimeStart",
    "creationTimeEnd",
    "currPage",
    "pageSize",
    "bak",
    "customerPhoneNumberList",
    "executorId",
    "operator",
];

/// The request field a vendor message names as a whole word (the longest match wins, so
/// `agentType` beats `agent`).
pub fn mentioned_field(text: &str) -> Option<&'static str> {
    let mut best: Option<&'static str> = None;
    for field in FIELDS {
        if contains_word(text, field) && best.is_none_or(|b| field.len() > b.len()) {
            best = Some(field);
        }
    }
    best
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_');
        boundary(before) && boundary(after)
    })
}

/// The error for an answer that reports a failure (`head` from the body, `http_status` of the
/// response).
pub fn from_answer(http_status: u16, head: &V6Head) -> Error {
    let code = head.vendor_code(http_status);
    let message = head.vendor_message();
    let numeric = head
        .code
        .filter(|c| *c != super::envelope::SUCCESS_CODE)
        .unwrap_or(i64::from(http_status));
    match numeric {
        401 => Error::Auth {
            reason: AuthFailure::TokenRejected,
            code,
            message,
        },
        403 => Error::Auth {
            reason: AuthFailure::NotConfigured,
            code,
            message,
        },
        400 | 422 => Error::Validation {
            field: mentioned_field(&message)
                .or_else(|| head.reason.as_deref().and_then(mentioned_field)),
            code,
            message,
        },
        404 => Error::NotFound { code, message },
        429 => Error::RateLimited { retry_after: None },
        _ => Error::Business { code, message },
    }
}

#[cfg(test)]
mod tests {
    use vendor_http::Retryable;

    use super::*;

    fn head(json: &str) -> V6Head {
        serde_json::from_str(json).expect("decodes")
    }

    #[test]
    fn a_validation_failure_names_the_longest_field_its_message_mentions() {
        let error = from_answer(
            400,
            &head(r#"{"code":400,"message":"agentType must be 0 or 1","status":"Failure"}"#),
        );
        assert!(matches!(
            error,
            Error::Validation {
                field: Some("agentType"),
                ..
            }
        ));
        assert_eq!(error.vendor_message(), Some("agentType must be 0 or 1"));
        assert_eq!(
            mentioned_field("callingListCode已存在"),
            Some("callingListCode")
        );
        assert_eq!(mentioned_field("subagentTypes are unknown"), None);
        assert_eq!(
            mentioned_field("callingListCode: already used"),
            Some("callingListCode")
        );
    }

    #[test]
    fn codes_classify_by_what_the_caller_should_do() {
        assert!(matches!(
            from_answer(401, &V6Head::default()),
            Error::Auth {
                reason: AuthFailure::TokenRejected,
                ..
            }
        ));
        assert!(matches!(
            from_answer(200, &head(r#"{"code":403,"message":"no permission"}"#)),
            Error::Auth {
                reason: AuthFailure::NotConfigured,
                ..
            }
        ));
        assert!(matches!(
            from_answer(200, &head(r#"{"code":404}"#)),
            Error::NotFound { .. }
        ));
        assert!(from_answer(429, &V6Head::default()).is_retryable());
        let server = from_answer(200, &head(r#"{"code":500,"message":"busy"}"#));
        assert_eq!(server.vendor_code(), Some("500"));
        assert!(server.is_retryable());
        let business = from_answer(
            200,
            &head(r#"{"code":200,"retCode":"100123","retMsg":"任务不存在"}"#),
        );
        assert_eq!(business.vendor_code(), Some("100123"));
        assert_eq!(business.vendor_message(), Some("任务不存在"));
        assert!(!business.is_retryable());
    }
}
