//! Assignment, the customer pool, follow-up records and stages (sobot-crm.md §7.4-7.5).

use std::collections::BTreeMap;

use bytes::Bytes;
use serde_json::{Value, json};
use sobot::crm::{AssignmentCount, AssignmentRecord, CrmStatus};

use super::auth::Ctx;
use super::crm_customers::record_behavior;
use super::params::{self, require, text};
use super::reply::{self, Answer};
use crate::clock::{DAY_MS, format_date, now_ms, parse_date};

fn customer_ids(
    ctx: &Ctx,
    body: &serde_json::Map<String, Value>,
) -> Result<Vec<String>, axum::response::Response> {
    let ids: Vec<String> = require(ctx, body, "confirmids", "400004")?
        .split(',')
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty())
        .collect();
    if ids.is_empty() {
        return Err(ctx.invalid("confirmids"));
    }
    Ok(ids)
}

/// `POST public_user/assign {confirmids, assign_biz_type, liable_list}`: the customers become
/// "following up" (3) with the listed agents as owners, dealt round-robin; each assignment is
/// recorded for `cus_distribute_records`.
pub(crate) async fn assign(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let ids = customer_ids(&ctx, &body)?;
    let kind = require(&ctx, &body, "assign_biz_type", "400004")?;
    if !matches!(kind.as_str(), "1" | "2" | "3" | "4" | "5") {
        return Err(ctx.invalid("assign_biz_type must be 1-5"));
    }
    let Some(Value::Array(liable)) = body.get("liable_list") else {
        return Err(ctx.invalid("liable_list"));
    };
    let now = now_ms();
    let mut world = ctx.app.write();
    let mut owners = Vec::new();
    for entry in liable {
        let entry = entry
            .as_object()
            .ok_or_else(|| ctx.invalid("liable_list[]"))?;
        let id = require(&ctx, entry, "liable_serviceid", "400004")?;
        require(&ctx, entry, "liable_service_name", "400004")?;
        let agent = world
            .org
            .agent(&id)
            .ok_or_else(|| ctx.invalid("liable_serviceid is not an agent"))?;
        owners.push((agent.id.clone(), agent.name.clone()));
    }
    if owners.is_empty() {
        return Err(ctx.invalid("liable_list"));
    }
    let mut indexes = Vec::new();
    for id in &ids {
        indexes.push(
            world
                .crm
                .index_of(id)
                .ok_or_else(|| ctx.invalid(&format!("customer {id} does not exist")))?,
        );
    }
    let company = world.company_id.clone();
    for (turn, index) in indexes.into_iter().enumerate() {
        let (agent_id, agent_name) = owners[turn % owners.len()].clone();
        let customer = &mut world.crm.customers[index].customer;
        customer.crm_status = Some(CrmStatus::FollowingUp);
        customer.liable_serviceid = Some(agent_id.clone());
        customer.liable_service_name = Some(agent_name.clone());
        let record = AssignmentRecord {
            assign_time: Some(now / 1000),
            userid: customer.id.clone(),
            companyid: Some(company.clone()),
            nick: customer.nick.clone(),
        };
        world.crm.assignments.push((agent_id.clone(), record));
        record_behavior(
            &mut world,
            index,
            "user_assign",
            json!({"assignBizType": kind, "liableServiceId": agent_id, "liableServiceName": agent_name}),
            now,
        );
    }
    reply::ok(ctx.lang)
}

/// `POST public_user/confirm {confirmids, confirm_type}`: the customers go to the pool (4)
/// and lose their owner.
pub(crate) async fn recycle(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let ids = customer_ids(&ctx, &body)?;
    match params::int(&ctx, &body, "confirm_type")? {
        Some(1 | 2) => {}
        _ => return Err(ctx.invalid("confirm_type must be 1 or 2")),
    }
    let now = now_ms();
    let mut world = ctx.app.write();
    let mut indexes = Vec::new();
    for id in &ids {
        indexes.push(
            world
                .crm
                .index_of(id)
                .ok_or_else(|| ctx.invalid(&format!("customer {id} does not exist")))?,
        );
    }
    for index in indexes {
        let customer = &mut world.crm.customers[index].customer;
        customer.crm_status = Some(CrmStatus::Pool);
        customer.liable_serviceid = None;
        customer.liable_service_name = None;
        record_behavior(&mut world, index, "user_recycle", json!({}), now);
    }
    reply::ok(ctx.lang)
}

/// `POST user/cus_distribute_records {liable_serviceid, start_time, end_time}` (seconds): the
/// agent's assignments in the period, newest first, as one page (the request has no paging).
pub(crate) async fn records(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let agent = require(&ctx, &body, "liable_serviceid", "400004")?;
    let start = params::int(&ctx, &body, "start_time")?.ok_or_else(|| ctx.invalid("start_time"))?;
    let end = params::int(&ctx, &body, "end_time")?.ok_or_else(|| ctx.invalid("end_time"))?;
    if end < start {
        return Err(ctx.fail("400057"));
    }
    let world = ctx.app.read();
    let mut rows: Vec<AssignmentRecord> = world
        .crm
        .assignments
        .iter()
        .filter(|(owner, record)| {
            owner == &agent
                && record
                    .assign_time
                    .is_some_and(|t| (start..=end).contains(&t))
        })
        .map(|(_, record)| record.clone())
        .collect();
    rows.reverse();
    let size = rows.len().max(1);
    reply::page(ctx.lang, rows, 1, size)
}

/// `POST user/cus_distribute_statistics {liable_serviceid, start_date, end_date, timezone?}`:
/// assignments per day (only days with some). The span may be at most 31 days (the doc's own
/// example spans 2022-05-02 to 2022-06-02); no code is documented, so `400004` answers.
pub(crate) async fn statistics(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let agent = require(&ctx, &body, "liable_serviceid", "400004")?;
    let offset = text(&body, "timezone")
        .and_then(|zone| parse_offset(&zone))
        .unwrap_or(ctx.offset);
    let start_date = require(&ctx, &body, "start_date", "400004")?;
    let end_date = require(&ctx, &body, "end_date", "400004")?;
    let start = parse_date(&start_date, offset).ok_or_else(|| ctx.fail("400005"))?;
    let end = parse_date(&end_date, offset).ok_or_else(|| ctx.fail("400005"))?;
    if end < start {
        return Err(ctx.fail("400057"));
    }
    if end - start > 31 * DAY_MS {
        return Err(ctx.invalid("the period may span at most one month"));
    }
    let world = ctx.app.read();
    let mut days: BTreeMap<String, i64> = BTreeMap::new();
    for (owner, record) in &world.crm.assignments {
        let Some(at) = record.assign_time.map(|s| s * 1000) else {
            continue;
        };
        if owner == &agent && (start..end + DAY_MS).contains(&at) {
            *days.entry(format_date(at, offset)).or_insert(0) += 1;
        }
    }
    let rows: Vec<AssignmentCount> = days
        .into_iter()
        .map(|(day, count)| AssignmentCount {
            liable_serviceid: Some(agent.clone()),
            companyid: Some(world.company_id.clone()),
            assign_num: Some(count),
            assign_date: Some(day),
        })
        .collect();
    reply::items(ctx.lang, rows)
}

/// `+08:00` / `-05:30` as seconds east of UTC.
fn parse_offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (1, text),
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// `POST user_stage/record_save {userid, content}`: a follow-up record on the timeline
/// (`groupService`).
pub(crate) async fn follow_up(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let userid = require(&ctx, &body, "userid", "400004")?;
    let content = require(&ctx, &body, "content", "400004")?;
    let now = now_ms();
    let mut world = ctx.app.write();
    let index = world
        .crm
        .index_of(&userid)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    record_behavior(
        &mut world,
        index,
        "user_follow_record",
        json!({"content": content}),
        now,
    );
    reply::ok(ctx.lang)
}

/// `GET user_stage/query_list_by_type`.
pub(crate) async fn stages(ctx: Ctx) -> Answer {
    let rows = ctx.app.read().crm.stages.clone();
    reply::items(ctx.lang, rows)
}

/// `POST user_stage/stage_save {userid, stageid, stage_name, stage_type, remark?}`: moves the
/// customer to the stage (`stage_type` 1, 2, 21, 22 or 23).
pub(crate) async fn set_stage(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let userid = require(&ctx, &body, "userid", "400004")?;
    let stageid = require(&ctx, &body, "stageid", "400004")?;
    let stage_name = require(&ctx, &body, "stage_name", "400004")?;
    let stage_type = require(&ctx, &body, "stage_type", "400004")?;
    if !matches!(stage_type.as_str(), "1" | "2" | "21" | "22" | "23") {
        return Err(ctx.invalid("stage_type must be 1, 2, 21, 22 or 23"));
    }
    let now = now_ms();
    let mut world = ctx.app.write();
    if !world
        .crm
        .stages
        .iter()
        .any(|s| s.id.as_deref() == Some(stageid.as_str()))
    {
        return Err(ctx.invalid("stageid is not a stage"));
    }
    let index = world
        .crm
        .index_of(&userid)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    let old = world.crm.customers[index]
        .stage_id
        .as_deref()
        .and_then(|id| {
            world
                .crm
                .stages
                .iter()
                .find(|s| s.id.as_deref() == Some(id))
        })
        .and_then(|s| s.name.clone())
        .unwrap_or_default();
    world.crm.customers[index].stage_id = Some(stageid.clone());
    record_behavior(
        &mut world,
        index,
        "user_stage_update",
        json!({"stageType": stage_type, "stageId": stageid, "stageName": stage_name, "oldStageName": old, "remark": text(&body, "remark").unwrap_or_default()}),
        now,
    );
    reply::ok(ctx.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_offsets_parse_with_sign_and_minutes() {
        assert_eq!(parse_offset("+08:00"), Some(28_800));
        assert_eq!(parse_offset("-05:30"), Some(-19_800));
        assert_eq!(parse_offset("soon"), None);
    }
}
