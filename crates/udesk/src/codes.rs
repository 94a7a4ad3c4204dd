//! Udesk result codes and what each means for the caller.
//!
//! The seed's table (003:2022-2079) prints each code once for a group of rows, so every row from
//! 003:2025 to 003:2072 is code `2000`: a generic code whose meaning is in the message. This
//! module classifies `2000` by its (English) message where the seed lists one, and falls back
//! to a validation error without a field. Authentication codes are not in the seed; they come
//! from a secondary summary of Udesk's intro page (udesk-ticket.md §4).

use crate::error::AuthFailure;

/// `code` of every successful answer.
pub const SUCCESS: i64 = 1000;
/// Generic validation / business error; the message says which.
pub const GENERIC: i64 = 2000;
/// Wrong tenant subdomain.
pub const WRONG_TENANT: i64 = 2002;
/// Resource not found (seed); wrong credentials on `log_in` (secondary source).
pub const NOT_FOUND: i64 = 2005;
/// The identity is not a (super) administrator.
pub const NOT_ADMINISTRATOR: i64 = 2015;
/// The tenant's plan does not include the Open API.
pub const PLAN_NOT_ELIGIBLE: i64 = 2058;
/// Wrong signature.
pub const BAD_SIGNATURE: i64 = 2059;
/// Export called with both `filter_id` and `scroll_id` (003:2075).
pub const EXPORT_BOTH_IDS: i64 = 2062;
/// `vote_number` missing or not a positive integer (003:2076).
pub const BAD_VOTE_NUMBER: i64 = 20573;
/// The ticket was already rated (003:2077).
pub const ALREADY_RATED: i64 = 20576;
/// `timestamp` missing or malformed.
pub const BAD_TIMESTAMP: i64 = 20621;
/// `timestamp` more than 5 minutes off the server's clock.
pub const TIMESTAMP_EXPIRED: i64 = 20622;
/// The nonce was already used within 15 minutes.
pub const NONCE_REUSED: i64 = 20623;
/// The nonce is missing or empty.
pub const NONCE_MISSING: i64 = 20624;
/// `customer_id_type`/`customer_id_value` not both set or both empty (003:2078).
pub const CUSTOMER_ID_PAIR: i64 = 40001;
/// Unsupported `customer_id_type` (003:2079).
pub const CUSTOMER_ID_TYPE: i64 = 40002;

/// What kind of failure a code (and, for `2000`, its message) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// Credentials, signature, clock or entitlement.
    Auth(AuthFailure),
    /// A parameter is missing or invalid; the field when known.
    Validation(Option<&'static str>),
    /// Something referenced does not exist; the parameter that referenced it when known.
    NotFound(Option<&'static str>),
    /// A business rule refused the request (limits, plan, already rated, ...).
    Business,
}

/// Classifies a non-success code; `text` is the message and the exception message together.
pub fn classify(code: i64, text: &str) -> CodeKind {
    match code {
        GENERIC => classify_generic(text),
        WRONG_TENANT => CodeKind::Auth(AuthFailure::WrongTenant),
        NOT_FOUND => CodeKind::NotFound(not_found_field(text)),
        NOT_ADMINISTRATOR => CodeKind::Auth(AuthFailure::NotAdministrator),
        PLAN_NOT_ELIGIBLE => CodeKind::Auth(AuthFailure::PlanNotEligible),
        BAD_SIGNATURE => CodeKind::Auth(AuthFailure::Signature),
        BAD_TIMESTAMP | TIMESTAMP_EXPIRED => CodeKind::Auth(AuthFailure::Timestamp),
        NONCE_REUSED => CodeKind::Auth(AuthFailure::NonceReused),
        NONCE_MISSING => CodeKind::Auth(AuthFailure::NonceMissing),
        EXPORT_BOTH_IDS => CodeKind::Validation(Some("scroll_id")),
        BAD_VOTE_NUMBER => CodeKind::Validation(Some("vote_number")),
        CUSTOMER_ID_PAIR => CodeKind::Validation(Some("customer_id_value")),
        CUSTOMER_ID_TYPE => CodeKind::Validation(Some("customer_id_type")),
        _ => CodeKind::Business,
    }
}

fn not_found_field(text: &str) -> Option<&'static str> {
    let lowered = text.to_ascii_lowercase();
    if lowered.contains("user") {
        Some("follower_ids")
    } else if lowered.contains("ticket") {
        Some("id")
    } else {
        None
    }
}

/// The `2000` rows of the seed: a distinctive part of the message (lowercase), the kind, and the
/// field concerned. More specific needles come before the needles they contain.
const GENERIC_ROWS: &[(&str, CodeKind)] = &[
    // 003:2025, 2065
    (
        "object ticket cannot be empty",
        CodeKind::Validation(Some("ticket")),
    ),
    (
        "value is empty: ticket",
        CodeKind::Validation(Some("ticket")),
    ),
    // 003:2026-2027, 2072
    (
        "ticket description cannot be empty",
        CodeKind::Validation(Some("content")),
    ),
    (
        "ticket subject cannot be empty",
        CodeKind::Validation(Some("subject")),
    ),
    ("title is required", CodeKind::Validation(Some("subject"))),
    // 003:2028 names `{content_type}` where `type_content` is meant.
    ("no such customer", CodeKind::NotFound(Some("type_content"))),
    // 003:2029 names `{priority_id}` for create, which takes `priority`; 2069 is update's.
    ("priority error", CodeKind::Validation(Some("priority"))),
    (
        "priority is incorrect",
        CodeKind::Validation(Some("priority_id")),
    ),
    ("status error", CodeKind::Validation(Some("status_id"))),
    (
        "status is incorrect",
        CodeKind::Validation(Some("status_id")),
    ),
    // 003:2032 before 2030 (it contains it).
    (
        "creator customer service not found",
        CodeKind::NotFound(Some("creator_email")),
    ),
    (
        "customer service not found",
        CodeKind::NotFound(Some("assignee_email")),
    ),
    (
        "not in this customer service group",
        CodeKind::Validation(Some("agent_group_name")),
    ),
    (
        "customer service email error",
        CodeKind::Validation(Some("assignee_email")),
    ),
    (
        "customer group error",
        CodeKind::NotFound(Some("agent_group_name")),
    ),
    (
        "customer creation email error",
        CodeKind::Validation(Some("creator_email")),
    ),
    (
        "customer creation not found",
        CodeKind::NotFound(Some("creator_email")),
    ),
    (
        "time date format is incorrect",
        CodeKind::Validation(Some("custom_fields")),
    ),
    ("you must pass id and num", CodeKind::Validation(Some("id"))),
    (
        "the resource does not exist",
        CodeKind::NotFound(Some("id")),
    ),
    (
        "id and num cannot be passed at the same time",
        CodeKind::Validation(Some("num")),
    ),
    (
        "customer service group does not exist",
        CodeKind::NotFound(Some("id")),
    ),
    (
        "customer service does not exist",
        CodeKind::NotFound(Some("id")),
    ),
    (
        "specific filter not found",
        CodeKind::NotFound(Some("filter_id")),
    ),
    (
        "ticket_id is a required field",
        CodeKind::Validation(Some("ticket_id")),
    ),
    (
        "file_name is a required field",
        CodeKind::Validation(Some("file_name")),
    ),
    // 003:2056 before 2047.
    (
        "the customer of the ticket does not exist",
        CodeKind::Business,
    ),
    (
        "the ticket does not exist",
        CodeKind::NotFound(Some("ticket_id")),
    ),
    ("up to 10 attachments", CodeKind::Business),
    (
        "you have not uploaded attachments",
        CodeKind::Validation(Some("file")),
    ),
    ("cannot exceed 20mb", CodeKind::Business),
    ("exceeds 20mb", CodeKind::Business),
    (
        "reply content new_reply is required",
        CodeKind::Validation(Some("new_reply")),
    ),
    // 003:2053 names `{content_type}` where `function_type` is meant.
    (
        "function_type is required",
        CodeKind::Validation(Some("function_type")),
    ),
    (
        "customer service id is required",
        CodeKind::Validation(Some("agent_id")),
    ),
    (
        "customer service id should be an integer",
        CodeKind::Validation(Some("agent_id")),
    ),
    (
        "no attachment associated with the ticket",
        CodeKind::NotFound(Some("attachment_ids")),
    ),
    (
        "the attachment with id",
        CodeKind::NotFound(Some("attachment_ids")),
    ),
    (
        "cc_customer is not an array",
        CodeKind::Validation(Some("cc_customer")),
    ),
    ("cc is not an array", CodeKind::Validation(Some("cc"))),
    ("free companies cannot carbon copy", CodeKind::Business),
    (
        "copied customer services does not exceed",
        CodeKind::Validation(Some("cc")),
    ),
    (
        "copied customers does not exceed",
        CodeKind::Validation(Some("cc_customer")),
    ),
    ("ticket satisfaction survey", CodeKind::Business),
    ("unable to find agent", CodeKind::NotFound(Some("agent_id"))),
    (
        "responsible group for the ticket owner",
        CodeKind::Validation(Some("agent_group_id")),
    ),
    // 003:2068 spells the field `{emplate_id}`.
    ("template", CodeKind::NotFound(Some("template_id"))),
    (
        "no implicit conversion",
        CodeKind::Validation(Some("custom_fields")),
    ),
];

fn classify_generic(text: &str) -> CodeKind {
    let lowered = text.to_ascii_lowercase();
    GENERIC_ROWS
        .iter()
        .find(|(needle, _)| lowered.contains(needle))
        .map_or(CodeKind::Validation(None), |(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_code_2000_is_classified_by_its_message() {
        assert_eq!(
            classify(2000, "Sorry, ticket subject cannot be empty"),
            CodeKind::Validation(Some("subject"))
        );
        assert_eq!(
            classify(2000, "Creator customer service not found"),
            CodeKind::NotFound(Some("creator_email"))
        );
        assert_eq!(
            classify(2000, "Customer service not found"),
            CodeKind::NotFound(Some("assignee_email"))
        );
        assert_eq!(
            classify(2000, "cc_customer is not an array format"),
            CodeKind::Validation(Some("cc_customer"))
        );
        assert_eq!(
            classify(
                2000,
                "Unknown error param is missing or the value is empty: ticket"
            ),
            CodeKind::Validation(Some("ticket"))
        );
        assert_eq!(
            classify(2000, "A ticket can upload up to 10 attachments"),
            CodeKind::Business
        );
    }

    #[test]
    fn an_unlisted_2000_message_is_a_validation_error_without_a_field() {
        assert_eq!(classify(2000, "参数错误"), CodeKind::Validation(None));
    }

    #[test]
    fn specific_codes_map_to_their_fields_and_auth_reasons() {
        assert_eq!(classify(2062, ""), CodeKind::Validation(Some("scroll_id")));
        assert_eq!(
            classify(20573, ""),
            CodeKind::Validation(Some("vote_number"))
        );
        assert_eq!(
            classify(40002, ""),
            CodeKind::Validation(Some("customer_id_type"))
        );
        assert_eq!(classify(20576, ""), CodeKind::Business);
        assert_eq!(classify(2059, ""), CodeKind::Auth(AuthFailure::Signature));
        assert_eq!(
            classify(20623, ""),
            CodeKind::Auth(AuthFailure::NonceReused)
        );
        assert_eq!(
            classify(2005, "Couldn't find Ticket with id=9"),
            CodeKind::NotFound(Some("id"))
        );
        assert_eq!(classify(99999, ""), CodeKind::Business);
    }

    #[test]
    fn every_documented_auth_code_is_an_auth_failure_with_its_reason() {
        let expected = [
            (2002, AuthFailure::WrongTenant),
            (2015, AuthFailure::NotAdministrator),
            (2058, AuthFailure::PlanNotEligible),
            (2059, AuthFailure::Signature),
            (20621, AuthFailure::Timestamp),
            (20622, AuthFailure::Timestamp),
            (20623, AuthFailure::NonceReused),
            (20624, AuthFailure::NonceMissing),
        ];
        for (code, reason) in expected {
            assert_eq!(classify(code, "x"), CodeKind::Auth(reason), "{code}");
        }
    }
}
