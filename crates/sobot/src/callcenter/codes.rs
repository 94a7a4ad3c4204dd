//! The call-center API's documented code sets. Each keeps unknown values, decodes from a string
//! or a number, and is written the way the endpoint's table types it.

use serde::{Deserializer, Serializer};
use vendor_http::Secret;

use vendor_http::code_enum;

code_enum! {
    /// `agentType`: how an agent is identified (sobot-callcenter.md §7). Written as a string
    /// (`"0"`), as most tables type it; the agent-setting and IVR endpoints type it `int` and
    /// send it as a number (004:47, 118, 192, 1939 vs 590, 751, 1029, 1333; §13 item 15).
    pub enum AgentType(Text) {
        /// `0` work number (the default where one is stated).
        WorkNumber = "0",
        /// `1` agent id (UUID).
        Id = "1",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `wrapUpType`: whose wrap-up ("post-call sorting") duration applies.
    pub enum WrapUpType(Integer) {
        /// `1` the company-wide setting.
        Overall = "1",
        /// `2` this agent's own `wrapUpTime`.
        Individual = "2",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `numberType` of an unbind: what to unbind (004:193; no default is documented).
    pub enum UnbindTarget(Integer) {
        /// `0` the extension.
        Extension = "0",
        /// `1` the phone.
        Phone = "1",
        /// `2` "telephone no. + phone no.", read as both.
        Both = "2",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `bindStatus` of an extension (String in the table, a number in the example, 004:937,
    /// 957).
    pub enum BindStatus(Integer) {
        /// `0` not bound to an agent.
        Unbound = "0",
        /// `1` bound.
        Bound = "1",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `numberType` of a forbidden number: only `1` is documented, other values are rejected
    /// row by row (004:1093, 1176).
    pub enum ForbiddenNumberType(Integer) {
        /// `1` a phone number.
        Phone = "1",
    }
    /// An undocumented (and so far rejected) value.
    other Other
}

code_enum! {
    /// `callType`: the call direction a forbidden number blocks (004:1094).
    pub enum CallDirection(Integer) {
        /// `2` inbound.
        Inbound = "2",
        /// `3` outbound.
        Outbound = "3",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `enabled` of a forbidden number.
    pub enum ForbiddenNumberState(Integer) {
        /// `0` disabled.
        Disabled = "0",
        /// `1` enabled.
        Enabled = "1",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `enabled` / `enabledCode` of a relay number.
    pub enum RelayNumberState(Integer) {
        /// `0` disabled.
        Disabled = "0",
        /// `1` enabled.
        Enabled = "1",
        /// `2` cancelled.
        Cancelled = "2",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `removeDuplicatesRule` of an outbound import (004:1427, where the last value is printed
    /// `RemoveDuplicatesInTenan t`).
    pub enum RemoveDuplicatesRule(Text) {
        /// Keep duplicates.
        None = "NonRemoveDuplicates",
        /// Deduplicate within this batch.
        InCallingList = "RemoveDuplicatesInCallingList",
        /// Deduplicate within the task.
        InCampaign = "RemoveDuplicatesInCampaign",
        /// Deduplicate across the tenant's tasks.
        InTenant = "RemoveDuplicatesInTenant",
    }
    /// An undocumented rule.
    other Other
}

code_enum! {
    /// `enableFilterDoNotCallListNumber`: whether forbidden numbers are dropped on import.
    pub enum DoNotCallFilter(Text) {
        /// Drop numbers on the forbidden list.
        Filter = "Filter",
        /// Keep them (the default).
        NoFilter = "NoFilter",
    }
    /// An undocumented value.
    other Other
}

code_enum! {
    /// `assignRule` of an outbound import.
    pub enum AssignRule(Text) {
        /// Spread rows evenly.
        Average = "AssignAverage",
        /// Designated assignment (`assignAgentAndCount` or per-row `allocationAgent`).
        Appoint = "AssignAppoint",
        /// Leave rows unassigned.
        None = "NoAssign",
    }
    /// An undocumented rule.
    other Other
}

/// Writes an [`AgentType`] as a JSON number, for the endpoints that type it `int`.
pub(crate) fn agent_type_as_int<S: Serializer>(
    value: &AgentType,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    vendor_http::code_enum::serialize_code(
        value.code(),
        vendor_http::code_enum::Wire::Integer,
        serializer,
    )
}

/// Writes an optional [`AgentType`] as a JSON number (skip `None` with `skip_serializing_none`).
pub(crate) fn opt_agent_type_as_int<S: Serializer>(
    value: &Option<AgentType>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => agent_type_as_int(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// A secret that may arrive as a string or a number (SIP passwords are digits).
pub(crate) fn secret<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
    Ok(Secret::new(vendor_http::lenient::string(deserializer)?))
}

/// An optional secret that may arrive as a string or a number; `null` is `None`.
pub(crate) fn opt_secret<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Secret>, D::Error> {
    Ok(vendor_http::lenient::opt_string(deserializer)?.map(Secret::new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_type_reads_numbers_and_strings_and_writes_either_form() {
        let decoded: Vec<AgentType> = serde_json::from_str(r#"[0, "1", "7"]"#).expect("decodes");
        assert_eq!(
            decoded,
            vec![
                AgentType::WorkNumber,
                AgentType::Id,
                AgentType::Other("7".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&AgentType::Id).expect("text"),
            r#""1""#
        );
        let mut out = Vec::new();
        agent_type_as_int(&AgentType::Id, &mut serde_json::Serializer::new(&mut out)).expect("int");
        assert_eq!(out, b"1");
    }

    #[test]
    fn import_rules_keep_unknown_values() {
        let rule: RemoveDuplicatesRule =
            serde_json::from_str(r#""RemoveDuplicatesInTenant""#).expect("decodes");
        assert_eq!(rule, RemoveDuplicatesRule::InTenant);
        let odd: AssignRule = serde_json::from_str(r#""AssignByWeight""#).expect("kept");
        assert_eq!(odd.code(), "AssignByWeight");
    }
}
