//! A customer's behaviour timeline (`crm_customer_behavior_list`) reduced to what a supervisor
//! reads: when, what kind of event, who did it, and a one-line summary.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sobot::crm::CustomerBehavior;

/// What kind of event a timeline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// The customer was created (`user_create`).
    Created,
    /// The customer moved to another follow-up stage (`user_stage_update`).
    StageChanged,
    /// An agent recorded a follow-up (`user_follow_record`).
    FollowUp,
    /// Anything else; `code` says what.
    Other,
}

/// One event in a customer's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// When it happened, Unix milliseconds.
    pub at_ms: Option<i64>,
    /// What kind of event.
    pub kind: TimelineKind,
    /// The vendor's event code (`biz_type`).
    pub code: String,
    /// Who did it.
    pub actor: Option<String>,
    /// What happened: the follow-up text, the new stage ("Old → New"), or the vendor's fields.
    pub summary: String,
}

/// A Unix time in milliseconds from one that may be in seconds: the behaviour example mixes
/// `1621509568807` and `1622018626` under the same "ms" field (CRM seed 002 L1463, L1473, L1514).
pub(crate) fn unix_ms(value: i64) -> i64 {
    if value.abs() < 100_000_000_000 {
        value * 1000
    } else {
        value
    }
}

fn field<'a>(content: &'a Value, key: &str) -> Option<&'a str> {
    content
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The `datas` of a creation or change as "name: value" pairs.
fn changed_fields(content: &Value) -> String {
    content
        .get("datas")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|data| {
            let name = field(data, "name").or_else(|| field(data, "field"))?;
            Some(match field(data, "value") {
                Some(value) => format!("{name}: {value}"),
                None => name.to_owned(),
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl From<&CustomerBehavior> for TimelineEntry {
    fn from(behaviour: &CustomerBehavior) -> Self {
        let code = behaviour.biz_type.clone().unwrap_or_default();
        let content = behaviour.biz_content.clone().unwrap_or(Value::Null);
        let (kind, summary) = match code.as_str() {
            "user_create" => (TimelineKind::Created, changed_fields(&content)),
            "user_stage_update" => {
                let new = field(&content, "stageName").unwrap_or_default();
                let summary = match field(&content, "oldStageName") {
                    Some(old) => format!("{old} → {new}"),
                    None => new.to_owned(),
                };
                (TimelineKind::StageChanged, summary)
            }
            "user_follow_record" => (
                TimelineKind::FollowUp,
                field(&content, "content").unwrap_or_default().to_owned(),
            ),
            _ => (
                TimelineKind::Other,
                field(&content, "content")
                    .map(str::to_owned)
                    .unwrap_or_else(|| changed_fields(&content)),
            ),
        };
        Self {
            at_ms: behaviour.biz_time.or(behaviour.create_time).map(unix_ms),
            kind,
            code,
            actor: field(&content, "bizOperatorName").map(str::to_owned),
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(value: Value) -> TimelineEntry {
        let behaviour: CustomerBehavior = serde_json::from_value(value).expect("a behaviour");
        TimelineEntry::from(&behaviour)
    }

    #[test]
    fn seconds_and_milliseconds_both_become_milliseconds() {
        assert_eq!(unix_ms(1_622_018_626), 1_622_018_626_000);
        assert_eq!(unix_ms(1_621_509_568_807), 1_621_509_568_807);
    }

    #[test]
    fn a_stage_change_reads_old_to_new_with_its_operator() {
        let e = entry(
            json!({"biz_type": "user_stage_update", "biz_time": 1_622_018_626,
            "biz_content": {"stageName": "Negotiation", "oldStageName": "Contacted", "bizOperatorName": "Li Lei"}}),
        );
        assert_eq!(e.kind, TimelineKind::StageChanged);
        assert_eq!(e.summary, "Contacted → Negotiation");
        assert_eq!(e.actor.as_deref(), Some("Li Lei"));
        assert_eq!(e.at_ms, Some(1_622_018_626_000));
    }

    #[test]
    fn a_follow_up_carries_its_text_even_when_the_content_is_a_json_string() {
        let e = entry(
            json!({"biz_type": "user_follow_record", "create_time": 1_700_000_000_000_i64,
            "biz_content": json!({"content": "回访：客户满意", "bizOperatorName": "王芳"}).to_string()}),
        );
        assert_eq!(e.kind, TimelineKind::FollowUp);
        assert_eq!(e.summary, "回访：客户满意");
        assert_eq!(e.at_ms, Some(1_700_000_000_000));
    }

    #[test]
    fn a_creation_lists_the_fields_it_set_and_unknown_events_keep_their_code() {
        let created = entry(json!({"biz_type": "user_create",
            "biz_content": {"datas": [{"name": "Phone", "value": "138"}, {"field": "email"}]}}));
        assert_eq!(created.summary, "Phone: 138, email");
        let other = entry(json!({"biz_type": "user_merge", "biz_content": null}));
        assert_eq!(other.kind, TimelineKind::Other);
        assert_eq!(other.code, "user_merge");
        assert_eq!(other.summary, "");
    }
}
