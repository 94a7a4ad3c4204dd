//! Creating and listing outbound tasks (004:1315-1404, 1670-1813).
//!
//! Templates must exist and be enabled (400 otherwise); the task list filters by code,
//! creator and a creation range of at most 12 months (366 days), and needs `pageSize` and
//! `currPage`.

use bytes::Bytes;
use serde_json::{Value, json};
use sobot::callcenter::{CreatedTask, NewOutboundTask};

use super::auth::Authorized;
use super::reply::{self, Answer};
use super::{body, by_id, decode, int, page, paging, required, text};
use crate::clock::now_ms;
use crate::seed::callcenter::{campaign_id, task_code};
use crate::state::callcenter::{Campaign, CcTemplate};

/// The longest creation range of the list: 12 months, as 366 days.
const MAX_RANGE_MS: i64 = 366 * 86_400_000;

fn template(
    templates: &[CcTemplate],
    field: &str,
    code: &str,
) -> Result<(), axum::response::Response> {
    match templates.iter().find(|t| t.code == code) {
        None => Err(reply::not_found(field, code)),
        Some(t) if !t.enabled => Err(reply::invalid(field, "the template is not enabled")),
        Some(_) => Ok(()),
    }
}

/// `POST .../cc-outbound/api/campaigns`.
pub(crate) async fn create(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let agent = required(&value, "agentID")?;
    let by_id = by_id(&value, "agentType")?;
    required(&value, "name")?;
    let data_template = required(&value, "dataTemplateCode")?;
    let wrap_up_template = required(&value, "wrapUpTemplateCode")?;
    let start =
        int(&value, "scheduleStartTime")?.ok_or_else(|| reply::missing("scheduleStartTime"))?;
    let end = int(&value, "scheduleEndTime")?.ok_or_else(|| reply::missing("scheduleEndTime"))?;
    if end <= start {
        return Err(reply::invalid(
            "scheduleEndTime",
            "must be after scheduleStartTime",
        ));
    }
    if text(&value, "description").is_some_and(|d| d.chars().count() > 200) {
        return Err(reply::invalid("description", "at most 200 characters"));
    }
    let task: NewOutboundTask = decode(value)?;
    let mut world = auth.app.write();
    let world = &mut *world;
    let state = &mut world.callcenter;
    let creator = state
        .agent(&agent, by_id)
        .ok_or_else(|| reply::not_found("agentID", &agent))?
        .uuid
        .clone();
    template(&state.data_templates, "dataTemplateCode", &data_template)?;
    template(
        &state.wrap_up_templates,
        "wrapUpTemplateCode",
        &wrap_up_template,
    )?;
    let id = campaign_id(&mut world.rng);
    let code = task_code(&mut world.rng);
    state.campaigns.push(Campaign {
        id: id.clone(),
        code: code.clone(),
        name: task.name,
        creator_uuid: creator,
        data_template_code: data_template,
        wrap_up_template_code: wrap_up_template,
        start_ms: start,
        end_ms: end,
        zone_id: task
            .schedule_time_zone_id
            .unwrap_or_else(|| "Asia/Singapore".into()),
        description: task.description,
        created_ms: now_ms(),
        state: 0,
        rows: Vec::new(),
    });
    reply::ok(
        "ApiRespCampaignsVO",
        CreatedTask {
            id: Some(id),
            code: Some(code),
        },
    )
}

fn rate(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0.00%".into();
    }
    // Counts are small: the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    let percent = part as f64 * 100.0 / whole as f64;
    format!("{percent:.2}%")
}

fn row(campaign: &Campaign) -> Value {
    let total = campaign.rows.len();
    let unassigned = campaign
        .rows
        .iter()
        .filter(|r| r.agent_no.is_none())
        .count();
    let mut agents: Vec<&str> = campaign
        .rows
        .iter()
        .filter_map(|r| r.agent_no.as_deref())
        .collect();
    agents.sort_unstable();
    agents.dedup();
    let executed = campaign.rows.iter().filter(|r| r.dialled).count();
    let answered = campaign.rows.iter().filter(|r| r.answered).count();
    let talk: i64 = campaign.rows.iter().map(|r| r.talk_seconds).sum();
    let zone = format!("GMT+08:00 {}", campaign.zone_id);
    json!({
        "code": campaign.code,
        "name": campaign.name,
        "timed": 0,
        "scheduleStartTime": campaign.start_ms,
        "scheduleEndTime": campaign.end_ms,
        "scheduleTimeZoneId": campaign.zone_id,
        "scheduleStartTimeZoneValue": zone,
        "scheduleEndTimeZoneValue": zone,
        "state": campaign.state,
        "expired": i64::from(campaign.end_ms < now_ms()),
        "description": campaign.description,
        "creationTime": campaign.created_ms,
        "contactRecordCount": total,
        "contactUnassignedCount": unassigned,
        "agentCount": agents.len(),
        "contactRecordExecuteCount": executed,
        "contactExecuteRate": rate(executed, total),
        "contactRecordAnswerCount": answered,
        "contactAnswerRate": rate(answered, total),
        "callDialCount": executed,
        "callAnswerCount": answered,
        "callAnswerRate": rate(answered, executed),
        "callTalkDuration": talk,
        "averageCallTalkDuration": if answered == 0 { 0 } else { talk / i64::try_from(answered).unwrap_or(1) },
    })
}

/// `POST .../cc-outbound/api/campaigns/getList` (shape B).
pub(crate) async fn list(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    if text(&value, "pageSize").is_none() {
        return Err(reply::missing("pageSize"));
    }
    if text(&value, "currPage").is_none() {
        return Err(reply::missing("currPage"));
    }
    let (curr, size) = paging(&value, 10, None)?;
    let start = int(&value, "creationTimeStart")?;
    let end = int(&value, "creationTimeEnd")?;
    if let (Some(start), Some(end)) = (start, end)
        && (end < start || end - start > MAX_RANGE_MS)
    {
        return Err(reply::invalid(
            "creationTimeEnd",
            "the range must run forwards and span at most 12 months",
        ));
    }
    let code = text(&value, "code");
    let by_id = by_id(&value, "agentType")?;
    let world = auth.app.read();
    let state = &world.callcenter;
    let creator = match text(&value, "agentUUID") {
        Some(agent) => Some(
            state
                .agent(&agent, by_id)
                .ok_or_else(|| reply::not_found("agentUUID", &agent))?
                .uuid
                .clone(),
        ),
        None => None,
    };
    let rows: Vec<Value> = state
        .campaigns
        .iter()
        .rev()
        .filter(|c| code.as_ref().is_none_or(|code| &c.code == code))
        .filter(|c| start.is_none_or(|s| c.created_ms >= s))
        .filter(|c| end.is_none_or(|e| c.created_ms <= e))
        .filter(|c| creator.as_ref().is_none_or(|u| &c.creator_uuid == u))
        .map(row)
        .collect();
    reply::ok("RespCampaignsVO", page(rows, curr, size, true))
}
