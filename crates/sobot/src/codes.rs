//! Every return code the Sobot v5 Ticket and CRM docs list, classified for what the caller
//! should do.
//!
//! Sources: Ticket EN 000:4912-4954, Ticket ZH 001:5054-5097 (adds `400401`), CRM
//! 002:3457-3481. `400313` is absent from both ticket lists.

/// What kind of failure a return code reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// `000000`.
    Success,
    /// The token is blank (`900001`) or expired (`900002`): get a new token.
    TokenInvalid,
    /// `get_token`'s signature is wrong (`900003`): check appid, app_key and the clock.
    Signature,
    /// The company has no API configuration (`900004`) or its plan excludes the API
    /// (`700046`): nothing the client can fix.
    NotEntitled,
    /// A request parameter is missing or invalid; [`CodeInfo::field`] names it when known.
    Validation,
    /// The thing addressed does not exist.
    NotFound,
    /// A business rule refused the request (duplicates, limits, stale data).
    Conflict,
    /// The vendor failed (`999999`, `400014`).
    VendorFailure,
}

/// One documented return code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code as Sobot sends it, e.g. `"400003"`.
    pub code: &'static str,
    /// Its classification.
    pub kind: CodeKind,
    /// The request field the code is about, when it is about one.
    pub field: Option<&'static str>,
    /// The documented meaning, in English.
    pub meaning: &'static str,
}

const fn info(
    code: &'static str,
    kind: CodeKind,
    field: Option<&'static str>,
    meaning: &'static str,
) -> CodeInfo {
    CodeInfo {
        code,
        kind,
        field,
        meaning,
    }
}

use CodeKind::*;

/// The success code.
pub const SUCCESS: &str = "000000";

/// Every documented code of the Ticket (EN and ZH) and CRM docs.
pub const RETURN_CODES: &[CodeInfo] = &[
    info(SUCCESS, Success, None, "success"),
    info(
        "700046",
        NotEntitled,
        None,
        "the company's edition does not include the API (free and overseas team editions)",
    ),
    info("900001", TokenInvalid, None, "token is blank"),
    info("900002", TokenInvalid, None, "token expired; get a new one"),
    info("900003", Signature, Some("sign"), "signature error"),
    info(
        "900004",
        NotEntitled,
        Some("appid"),
        "no API configuration found for the company",
    ),
    info("999999", VendorFailure, None, "unknown system error"),
    // Ticket API (000:4912-4954, 001:5054-5097).
    info(
        "400001",
        Validation,
        Some("create_start_datetime"),
        "creation time cannot be blank",
    ),
    info(
        "400002",
        Validation,
        Some("create_end_datetime"),
        "creation end time is earlier than start time",
    ),
    info(
        "400003",
        Validation,
        Some("create_end_datetime"),
        "creation-time window exceeds one month",
    ),
    info(
        "400004",
        Validation,
        None,
        "request parameter cannot be null",
    ),
    info("400005", Validation, None, "wrong time format"),
    info(
        "400006",
        Validation,
        Some("agentid"),
        "operating agent ID is blank",
    ),
    info(
        "400007",
        Validation,
        Some("agentid"),
        "operating agent ID is incorrect",
    ),
    info(
        "400008",
        Validation,
        Some("ticket_typeid"),
        "ticket category ID is blank",
    ),
    info(
        "400009",
        Validation,
        Some("ticket_status"),
        "ticket status is blank",
    ),
    info(
        "400010",
        Validation,
        Some("ticket_from"),
        "ticket source is blank",
    ),
    info(
        "400011",
        Validation,
        Some("ticket_level"),
        "ticket level (priority) is blank",
    ),
    info(
        "400012",
        Validation,
        Some("deal_groupid"),
        "skill group ID is blank",
    ),
    info(
        "400013",
        Validation,
        Some("deal_agentid"),
        "receiving skill group does not match receiving agent",
    ),
    info("400014", VendorFailure, None, "request failed"),
    info(
        "400015",
        Validation,
        Some("start_datetime"),
        "start time cannot be blank",
    ),
    info(
        "400016",
        Conflict,
        Some("get_ticket_datetime"),
        "the ticket data read has expired; refresh",
    ),
    info(
        "400017",
        Validation,
        Some("update_start_datetime"),
        "update time cannot be blank",
    ),
    info(
        "400018",
        Validation,
        Some("update_end_datetime"),
        "update end time is earlier than start time",
    ),
    info(
        "400019",
        Validation,
        Some("update_end_datetime"),
        "update-time window exceeds one month",
    ),
    info("400020", NotFound, Some("ticketid"), "ticket not found"),
    info(
        "400021",
        NotFound,
        Some("replyid"),
        "ticket reply not found",
    ),
    info(
        "400057",
        Validation,
        Some("end_datetime"),
        "end time is earlier than start time",
    ),
    info("400308", Conflict, Some("name"), "name already exists"),
    info("400309", Validation, Some("name"), "name cannot be blank"),
    info(
        "400310",
        Conflict,
        Some("name"),
        "name cannot duplicate a default name",
    ),
    info(
        "400311",
        NotFound,
        Some("ticket_status"),
        "ticket status not found",
    ),
    info(
        "400312",
        Conflict,
        Some("ticket_status"),
        "at most 30 ticket statuses are supported",
    ),
    info(
        "400314",
        Validation,
        Some("ticket_status"),
        "ticket status is incorrect",
    ),
    // ZH only (001:5097).
    info(
        "400401",
        Validation,
        Some("field_value"),
        "region code is incorrect",
    ),
    // CRM API (002:3457-3481).
    info("510001", NotFound, Some("groupid"), "tag group not found"),
    info(
        "510002",
        Conflict,
        Some("name"),
        "tag group name already exists",
    ),
    info("510003", Conflict, Some("name"), "tag name already exists"),
    // 002:3477 prints two messages under one code: ".Tag param name already exists. Tag not found".
    info(
        "510004",
        Conflict,
        Some("param_name"),
        "tag param name already exists, or tag not found",
    ),
    info(
        "510005",
        Validation,
        Some("name"),
        "tag group name cannot be blank",
    ),
    info(
        "510006",
        Validation,
        Some("name"),
        "tag name cannot be blank",
    ),
    info(
        "510007",
        Validation,
        Some("name"),
        "name cannot exceed 30 characters",
    ),
];

/// The documented meaning of a code, if the docs list it.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    let code = code.trim();
    RETURN_CODES.iter().find(|info| info.code == code)
}

/// The default set of codes that mean "get a new token and retry" (`900001`, `900002`).
pub fn default_token_invalid_codes() -> Vec<String> {
    RETURN_CODES
        .iter()
        .filter(|info| info.kind == TokenInvalid)
        .map(|info| info.code.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_code_is_listed_once() {
        let documented = [
            "000000", "700046", "900001", "900002", "900003", "900004", "999999", "400001",
            "400002", "400003", "400004", "400005", "400006", "400007", "400008", "400009",
            "400010", "400011", "400012", "400013", "400014", "400015", "400016", "400017",
            "400018", "400019", "400020", "400021", "400057", "400308", "400309", "400310",
            "400311", "400312", "400314", "400401", "510001", "510002", "510003", "510004",
            "510005", "510006", "510007",
        ];
        assert_eq!(RETURN_CODES.len(), documented.len());
        for code in documented {
            assert!(lookup(code).is_some(), "{code} is not mapped");
        }
    }

    #[test]
    fn token_codes_are_the_default_refresh_triggers() {
        assert_eq!(default_token_invalid_codes(), vec!["900001", "900002"]);
    }

    #[test]
    fn window_codes_name_the_field() {
        let window = lookup("400003").expect("documented");
        assert_eq!(window.kind, CodeKind::Validation);
        assert_eq!(window.field, Some("create_end_datetime"));
        assert_eq!(lookup("400013").map(|i| i.kind), Some(CodeKind::Validation));
        assert!(lookup("400313").is_none());
    }
}
