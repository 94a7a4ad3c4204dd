//! A Sobot CRM customer as the profile screen shows it: who they are, how to reach them, where
//! they stand in the CRM, their tags and custom fields.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sobot::crm::{CrmCustomField, CrmStatus, Customer, CustomerTags};

use super::timeline::{TimelineEntry, unix_ms};

/// Where a customer stands in the CRM's assignment flow (`crm_status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrmStage {
    /// `1` first inquiry.
    FirstInquiry,
    /// `2` waiting to be assigned.
    ToBeAssigned,
    /// `3` followed up by a responsible agent.
    FollowingUp,
    /// `4` back in the customer pool.
    Pool,
    /// A value the docs do not list.
    Other,
}

impl From<&CrmStatus> for CrmStage {
    fn from(status: &CrmStatus) -> Self {
        match status {
            CrmStatus::FirstInquiry => Self::FirstInquiry,
            CrmStatus::ToBeAssigned => Self::ToBeAssigned,
            CrmStatus::FollowingUp => Self::FollowingUp,
            CrmStatus::Pool => Self::Pool,
            CrmStatus::Other(_) => Self::Other,
        }
    }
}

/// A custom field of the customer with its label and display value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldValue {
    /// The field's name from the CRM's field list, or its id when the list lacks it.
    pub label: String,
    /// The option label for choice fields, the raw value otherwise.
    pub value: String,
}

/// A CRM customer's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerProfile {
    /// The connection it was read from.
    pub connection_id: String,
    /// Sobot's customer id.
    pub id: String,
    /// Real name (`uname`), else the nickname.
    pub name: Option<String>,
    /// Nickname.
    pub nick: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// The enterprise the customer belongs to.
    pub enterprise: Option<String>,
    /// Country, province, city and district, as far as known.
    pub location: Option<String>,
    /// A VIP customer.
    pub vip: bool,
    /// The VIP level's value, when VIP.
    pub vip_level: Option<String>,
    /// Where the customer stands in the CRM.
    pub stage: Option<CrmStage>,
    /// The responsible agent.
    pub owner: Option<String>,
    /// Who created the customer.
    pub created_by: Option<String>,
    /// When the customer was created, Unix milliseconds.
    pub created_at_ms: Option<i64>,
    /// When the customer was last changed, Unix milliseconds.
    pub updated_at_ms: Option<i64>,
    /// The agents' remark.
    pub remark: Option<String>,
    /// Business tags.
    pub tags: Vec<String>,
    /// Custom fields with a value.
    pub custom_fields: Vec<CustomFieldValue>,
    /// The newest behaviour entries, newest first.
    pub timeline: Vec<TimelineEntry>,
    /// Whether the CRM holds older behaviour entries than `timeline`.
    pub timeline_truncated: bool,
    /// Sections Sobot refused to give, with the reason (the rest of the profile still shows).
    pub unavailable: Vec<SectionProblem>,
}

/// A part of the profile read with its own vendor call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileSection {
    /// Business tags.
    Tags,
    /// Custom field names.
    CustomFields,
    /// Behaviour timeline.
    Timeline,
}

/// Why one section of the profile is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionProblem {
    /// Which section.
    pub section: ProfileSection,
    /// The vendor's error code, when Sobot refused.
    pub vendor_code: Option<String>,
    /// What went wrong.
    pub message: String,
}

impl SectionProblem {
    /// The problem `err` caused in `section`.
    pub(crate) fn new(section: ProfileSection, err: &sobot::Error) -> Self {
        Self {
            section,
            vendor_code: err.vendor_code().map(str::to_owned),
            message: err.to_string(),
        }
    }
}

/// The parts of a profile read apart from the customer's details.
pub(crate) struct Sections {
    pub tags: Vec<String>,
    pub custom_fields: Vec<CustomFieldValue>,
    pub timeline: Vec<TimelineEntry>,
    pub timeline_truncated: bool,
    pub unavailable: Vec<SectionProblem>,
}

fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Joins the parts of a place that are present ("China Guangdong Shenzhen").
fn location(customer: &Customer) -> Option<String> {
    let parts: Vec<String> = [
        &customer.country_name,
        &customer.provice_name,
        &customer.city_name,
        &customer.area_name,
    ]
    .into_iter()
    .filter_map(text)
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `is_vip` is the String "0" (general) or "1" (VIP) (CRM seed 002 L839, L1368); "true" is
/// accepted too, leniently.
fn is_vip(value: &Option<String>) -> bool {
    matches!(
        text(value)
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("1" | "true" | "yes")
    )
}

/// The tag names of `customer_id` in a batch answer (names missing from the answer are skipped).
pub(crate) fn tag_names(batch: &[CustomerTags], customer_id: &str) -> Vec<String> {
    batch
        .iter()
        .filter(|entry| entry.userid.as_deref() == Some(customer_id))
        .flat_map(|entry| entry.label_set.iter())
        .filter_map(|tag| text(&tag.name))
        .collect()
}

/// The customer's custom fields with a value, labelled from the CRM's field list.
pub(crate) fn custom_fields(
    customer: &Customer,
    fields: &[CrmCustomField],
) -> Vec<CustomFieldValue> {
    let names: HashMap<&str, &str> = fields
        .iter()
        .filter_map(|f| Some((f.field_id.as_deref()?, f.field_name.as_deref()?)))
        .collect();
    customer
        .custom_fields()
        .into_iter()
        .filter_map(|entry| {
            let value = text(&entry.field_text).or_else(|| text(&entry.field_value))?;
            let id = text(&entry.fieldid);
            let label = id
                .as_deref()
                .and_then(|id| names.get(id).map(|name| (*name).to_owned()))
                .or(id)?;
            Some(CustomFieldValue { label, value })
        })
        .collect()
}

impl CustomerProfile {
    /// The profile of `customer` read from `connection_id` with its other sections.
    pub(crate) fn from_parts(
        connection_id: &str,
        customer_id: &str,
        customer: &Customer,
        sections: Sections,
    ) -> Self {
        let nick = text(&customer.nick);
        Self {
            connection_id: connection_id.to_owned(),
            id: text(&customer.id).unwrap_or_else(|| customer_id.to_owned()),
            name: text(&customer.uname).or_else(|| nick.clone()),
            nick,
            phone: text(&customer.tel),
            email: text(&customer.email),
            enterprise: text(&customer.enterprise_name),
            location: location(customer),
            vip: is_vip(&customer.is_vip),
            vip_level: text(&customer.vip_level).filter(|_| is_vip(&customer.is_vip)),
            stage: customer.crm_status.as_ref().map(CrmStage::from),
            owner: text(&customer.liable_service_name),
            created_by: text(&customer.create_service_name),
            created_at_ms: customer.create_time.map(unix_ms),
            updated_at_ms: customer.update_time.map(unix_ms),
            remark: text(&customer.remark),
            tags: sections.tags,
            custom_fields: sections.custom_fields,
            timeline: sections.timeline,
            timeline_truncated: sections.timeline_truncated,
            unavailable: sections.unavailable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn empty() -> Sections {
        Sections {
            tags: vec![],
            custom_fields: vec![],
            timeline: vec![],
            timeline_truncated: false,
            unavailable: vec![],
        }
    }

    fn customer(value: serde_json::Value) -> Customer {
        serde_json::from_value(value).expect("a customer")
    }

    #[test]
    fn name_falls_back_to_the_nickname_and_blank_values_count_as_absent() {
        let c = customer(
            json!({"id": "u1", "uname": "  ", "nick": "小王", "tel": "", "email": "w@example.com"}),
        );
        let profile = CustomerProfile::from_parts("s", "u1", &c, empty());
        assert_eq!(profile.name.as_deref(), Some("小王"));
        assert_eq!(profile.phone, None);
        assert_eq!(profile.email.as_deref(), Some("w@example.com"));
    }

    #[test]
    fn vip_level_is_shown_only_for_vip_customers_and_times_become_milliseconds() {
        let vip = customer(
            json!({"id": "u1", "is_vip": "1", "vip_level": "gold", "create_time": 1_700_000_000}),
        );
        let plain = customer(json!({"id": "u2", "is_vip": "0", "vip_level": "gold"}));
        let vip = CustomerProfile::from_parts("s", "u1", &vip, empty());
        let plain = CustomerProfile::from_parts("s", "u2", &plain, empty());
        assert!(vip.vip);
        assert_eq!(vip.vip_level.as_deref(), Some("gold"));
        assert_eq!(vip.created_at_ms, Some(1_700_000_000_000));
        assert!(!plain.vip);
        assert_eq!(plain.vip_level, None);
    }

    #[test]
    fn location_joins_the_known_parts_in_order() {
        let c = customer(
            json!({"id": "u1", "country_name": "中国", "provice_name": "广东", "city_name": "深圳"}),
        );
        assert_eq!(location(&c).as_deref(), Some("中国 广东 深圳"));
        assert_eq!(location(&customer(json!({"id": "u2"}))), None);
    }

    #[test]
    fn custom_fields_take_the_option_label_and_the_field_name_and_skip_empty_values() {
        let c = customer(json!({
            "id": "u1",
            "ex_field_str": json!([
                {"fieldid": "f1", "field_value": "2", "field_text": "Enterprise"},
                {"fieldid": "f2", "field_value": "A-17"},
                {"fieldid": "f3", "field_value": ""},
                {"fieldid": "f9", "field_value": "x"}
            ]).to_string()
        }));
        let fields: Vec<CrmCustomField> = serde_json::from_value(json!([
            {"field_id": "f1", "field_name": "Plan"},
            {"field_id": "f2", "field_name": "Contract"}
        ]))
        .expect("fields");
        let values = custom_fields(&c, &fields);
        let pairs: Vec<(&str, &str)> = values
            .iter()
            .map(|v| (v.label.as_str(), v.value.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![("Plan", "Enterprise"), ("Contract", "A-17"), ("f9", "x")]
        );
    }

    #[test]
    fn tag_names_are_those_of_the_asked_customer_only() {
        let batch: Vec<CustomerTags> = serde_json::from_value(json!([
            {"userid": "u1", "label_set": [{"id": "t1", "name": "VIP"}, {"id": "t2", "name": ""}]},
            {"userid": "u2", "label_set": [{"id": "t3", "name": "Other"}]}
        ]))
        .expect("tags");
        assert_eq!(tag_names(&batch, "u1"), vec!["VIP".to_owned()]);
    }
}
