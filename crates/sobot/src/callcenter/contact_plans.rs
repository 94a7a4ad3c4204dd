//! Contact plans (sobot-callcenter.md §9.6, 004:1817-1917).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::ContactPlans;
use super::client::CcRequest;
use super::codes::AgentType;
use crate::error::{Error, Result};

use super::paths::CONTACT_SCHEDULES_BATCH_ADD as BATCH_ADD;

/// The most numbers one call may carry (004:1837).
pub const CONTACT_PLAN_MAX_NUMBERS: usize = 50;

/// Body of "Create Contact Plans in Bulk": one plan per customer number.
///
/// Times are documented to minute precision (004:1835-1836), yet the vendor's own example uses
/// seconds (1661911780000 is …:09:40, §13 item 19); they are sent as given.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewContactPlans {
    /// Plan name (max 20 characters).
    pub name: String,
    /// Note (max 200 characters).
    pub bak: Option<String>,
    /// Start, epoch ms.
    pub schedule_start_time: i64,
    /// Expiry, epoch ms.
    pub schedule_end_time: i64,
    /// Customer numbers, 3-16 digits each, at most 50.
    pub customer_phone_number_list: Vec<String>,
    /// The agent who carries the plans out (work number or id per `agent_type`).
    pub executor_id: String,
    /// The agent creating the plans.
    #[serde(rename = "agentID")]
    pub agent_id: String,
    /// Applies to `agent_id` and `executor_id`: `"0"` work number (default), `"1"` id.
    pub agent_type: Option<AgentType>,
    /// Zone id, e.g. `Asia/Singapore`.
    pub zone_id: Option<String>,
    /// Zone label, e.g. `GMT+08:00 Singapore`.
    pub zone_value: Option<String>,
}

impl NewContactPlans {
    /// Checks the documented limits: 1 to 50 numbers of 3-16 digits, a name of at most 20
    /// characters.
    pub fn validate(&self) -> Result<()> {
        let numbers = &self.customer_phone_number_list;
        if numbers.is_empty() || numbers.len() > CONTACT_PLAN_MAX_NUMBERS {
            return Err(Error::InvalidRequest(format!(
                "field `customerPhoneNumberList`: {} numbers given, 1 to 50 allowed",
                numbers.len()
            )));
        }
        if let Some(bad) = numbers
            .iter()
            .find(|n| !(3..=16).contains(&n.len()) || !n.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(Error::InvalidRequest(format!(
                "field `customerPhoneNumberList`: {bad:?} is not 3 to 16 digits"
            )));
        }
        if self.name.trim().is_empty() || self.name.chars().count() > 20 {
            return Err(Error::InvalidRequest(
                "field `name`: 1 to 20 characters".into(),
            ));
        }
        Ok(())
    }
}

impl ContactPlans<'_> {
    /// `POST .../cc-console/contact-schedules/_batchAddInfos`: the ids of the new plans (one per
    /// number; their order relative to the numbers is not stated).
    pub async fn create(&self, plans: &NewContactPlans) -> Result<Vec<String>> {
        plans.validate()?;
        self.client.call(&CcRequest::post(BATCH_ADD, plans)?).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(numbers: Vec<String>) -> NewContactPlans {
        NewContactPlans {
            name: "plan".into(),
            bak: None,
            schedule_start_time: 1_663_986_420_000,
            schedule_end_time: 1_663_990_020_000,
            customer_phone_number_list: numbers,
            executor_id: "5001".into(),
            agent_id: "5002".into(),
            agent_type: None,
            zone_id: None,
            zone_value: None,
        }
    }

    #[test]
    fn numbers_are_limited_to_fifty_of_three_to_sixteen_digits() {
        assert!(plans(vec!["18189672221".into()]).validate().is_ok());
        assert!(plans(vec!["12".into()]).validate().is_err());
        assert!(plans(vec!["+8618189672221".into()]).validate().is_err());
        assert!(plans(vec!["123".into(); 51]).validate().is_err());
        assert!(plans(vec![]).validate().is_err());
    }
}
