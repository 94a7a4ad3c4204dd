//! Contact plans (004:1817-1917) and published IVR flows (004:1921-2031).
//!
//! Contact plans: 1-50 numbers of 3-16 digits, a name of at most 20 characters, whole-minute
//! times are **not** enforced (the vendor's own example is not whole minutes, §13 item 19). IVR:
//! `pageSize` at most 50 (004:1923).

use bytes::Bytes;
use serde_json::Value;
use sobot::callcenter::{IvrFlow, NewContactPlans};

use super::auth::Authorized;
use super::reply::{self, Answer};
use super::{body, by_id, decode, int, page, paging, required, text};
use crate::state::callcenter::ContactPlan;
use crate::state::hex_id;

/// `POST .../cc-console/contact-schedules/_batchAddInfos`: one plan id per number.
pub(crate) async fn contact_plans(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let name = required(&value, "name")?;
    if name.chars().count() > 20 {
        return Err(reply::invalid("name", "at most 20 characters"));
    }
    if text(&value, "bak").is_some_and(|b| b.chars().count() > 200) {
        return Err(reply::invalid("bak", "at most 200 characters"));
    }
    let start =
        int(&value, "scheduleStartTime")?.ok_or_else(|| reply::missing("scheduleStartTime"))?;
    let end = int(&value, "scheduleEndTime")?.ok_or_else(|| reply::missing("scheduleEndTime"))?;
    if end <= start {
        return Err(reply::invalid(
            "scheduleEndTime",
            "must be after scheduleStartTime",
        ));
    }
    let numbers: Vec<String> = match value.get("customerPhoneNumberList") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect(),
        _ => return Err(reply::missing("customerPhoneNumberList")),
    };
    if numbers.is_empty() || numbers.len() > 50 {
        return Err(reply::invalid("customerPhoneNumberList", "1 to 50 numbers"));
    }
    if let Some(bad) = numbers
        .iter()
        .find(|n| !(3..=16).contains(&n.len()) || !n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(reply::invalid(
            "customerPhoneNumberList",
            &format!("{bad:?} is not 3 to 16 digits"),
        ));
    }
    let executor = required(&value, "executorId")?;
    let agent = required(&value, "agentID")?;
    let by_id = by_id(&value, "agentType")?;
    let _: NewContactPlans = decode(value)?;
    let mut world = auth.app.write();
    let world = &mut *world;
    let state = &mut world.callcenter;
    if state.agent(&agent, by_id).is_none() {
        return Err(reply::not_found("agentID", &agent));
    }
    let executor_uuid = state
        .agent(&executor, by_id)
        .ok_or_else(|| reply::not_found("executorId", &executor))?
        .uuid
        .clone();
    let mut ids = Vec::new();
    for number in numbers {
        let id = hex_id(&mut world.rng);
        ids.push(id.clone());
        state.contact_plans.push(ContactPlan {
            id,
            name: name.clone(),
            number,
            executor_uuid: executor_uuid.clone(),
            start_ms: start,
            end_ms: end,
        });
    }
    reply::ok("List", ids)
}

/// `POST .../cc-ivr/api/ivr/published/_search` (shape A).
pub(crate) async fn ivr(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let (curr, size) = paging(&value, 10, Some(50))?;
    let by_id = by_id(&value, "agentType")?;
    let world = auth.app.read();
    let state = &world.callcenter;
    if let Some(operator) = text(&value, "operator")
        && state.agent(&operator, by_id).is_none()
    {
        return Err(reply::not_found("operator", &operator));
    }
    let rows: Vec<IvrFlow> = state
        .ivr_flows
        .iter()
        .map(|f| IvrFlow {
            name: Some(f.name.clone()),
            code: Some(f.code.clone()),
            remarks: f.remarks.clone(),
        })
        .collect();
    reply::ok("SearchIvrResponse", page(rows, curr, size, false))
}
