//! Importing call-list rows into an outbound task and querying the results (004:1405-1669).
//!
//! The import is processed at once (Sobot's is asynchronous; the result query answers the
//! same either way). Each row is checked, then filtered, then deduplicated:
//!
//! 1. **Errors** (counted in `errorCount`, listed with their reason in the `.xlsx` report at
//!    `errorReportPath`): a telephone that is not 3-16 digits (the only phone rule the docs
//!    state, 004:1837), an `allocationAgent` that is no agent's work number, a description over
//!    200 characters, a `customFields.fieldId` not in the task's data template, and, with
//!    `enableFilterDoNotCallListNumber: Filter`, a number on the enabled outbound forbidden
//!    list.
//! 2. **Duplicates** (`repeatCount`, also written `removeDuplicatesCount` as the example
//!    does): per `removeDuplicatesRule`, a number already in this batch, in the task, or in
//!    any task of the tenant.
//! 3. The rest is imported and assigned: `AssignAverage` deals rows round-robin over the agents
//!    with call permission, `AssignAppoint` fills `assignAgentAndCount` quotas (agent by id or
//!    work number) after the rows that name an `allocationAgent`, `NoAssign` keeps only the
//!    rows' own `allocationAgent`.

use bytes::Bytes;
use serde_json::{Value, json};
use sobot::callcenter::{CallingListImport, ImportAccepted, ImportResult, RemoveDuplicatesRule};

use super::auth::Authorized;
use super::reply::{self, Answer};
use super::{body, by_id, decode, page, paging, required, text};
use crate::app::{StoredFile, lock};
use crate::clock::{UTC8, format_date, now_ms};
use crate::state::callcenter::{CallCenterState, CallRow, Campaign, ImportBatch};

const RULES: &[&str] = &[
    "NonRemoveDuplicates",
    "RemoveDuplicatesInCallingList",
    "RemoveDuplicatesInCampaign",
    "RemoveDuplicatesInTenant",
];

fn check_enum(
    value: &Value,
    key: &str,
    allowed: &[&str],
    required_field: bool,
) -> Result<(), axum::response::Response> {
    match text(value, key) {
        None if required_field => Err(reply::missing(key)),
        None => Ok(()),
        Some(given) if allowed.contains(&given.as_str()) => Ok(()),
        Some(given) => Err(reply::invalid(
            key,
            &format!("{given:?} is not one of {}", allowed.join(", ")),
        )),
    }
}

/// The task an import or result query names: `campaignId` wins over `code`.
fn campaign_index(
    state: &CallCenterState,
    value: &Value,
) -> Result<usize, axum::response::Response> {
    if let Some(id) = text(value, "campaignId") {
        return state
            .campaigns
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| reply::not_found("campaignId", &id));
    }
    if let Some(code) = text(value, "code") {
        return state
            .campaigns
            .iter()
            .position(|c| c.code == code)
            .ok_or_else(|| reply::not_found("code", &code));
    }
    Err(reply::invalid(
        "campaignId",
        "name the task by campaignId or code",
    ))
}

struct Outcome {
    rows: Vec<CallRow>,
    repeat: i64,
    errors: Vec<Vec<String>>,
}

fn process(state: &CallCenterState, campaign: &Campaign, import: &CallingListImport) -> Outcome {
    let template_fields = state
        .data_templates
        .iter()
        .find(|t| t.code == campaign.data_template_code)
        .map(|t| t.field_ids.clone())
        .unwrap_or_default();
    let filter = import
        .enable_filter_do_not_call_list_number
        .as_ref()
        .is_some_and(|f| f.code() == "Filter");
    let today = format_date(now_ms(), UTC8);
    let mut errors = Vec::new();
    let mut seen_batch: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut repeat = 0;
    for (index, detail) in import.data_details.iter().enumerate() {
        let telephone = detail.telephone.trim().to_owned();
        let reason = if !(3..=16).contains(&telephone.len())
            || !telephone.bytes().all(|b| b.is_ascii_digit())
        {
            Some("号码格式错误 telephone is not 3 to 16 digits".to_owned())
        } else if let Some(agent) = detail
            .allocation_agent
            .as_deref()
            .filter(|a| state.agent(a, false).is_none())
        {
            Some(format!(
                "分配坐席不存在 allocationAgent {agent} is no agent's work number"
            ))
        } else if detail
            .description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 200)
        {
            Some("备注超长 description is over 200 characters".to_owned())
        } else if let Some(field) = detail
            .custom_fields
            .iter()
            .find(|f| !template_fields.contains(&f.field_id))
        {
            Some(format!(
                "自定义字段不存在 fieldId {} is not in the task's template",
                field.field_id
            ))
        } else if filter && state.forbids_outbound(&telephone, &today) {
            Some("号码在禁呼名单中 number is on the forbidden list".to_owned())
        } else {
            None
        };
        if let Some(reason) = reason {
            errors.push(vec![
                (index + 1).to_string(),
                telephone,
                detail.name.clone().unwrap_or_default(),
                reason,
            ]);
            continue;
        }
        let duplicate = match &import.remove_duplicates_rule {
            RemoveDuplicatesRule::InCallingList => seen_batch.contains(&telephone),
            RemoveDuplicatesRule::InCampaign => {
                seen_batch.contains(&telephone)
                    || campaign.rows.iter().any(|r| r.telephone == telephone)
            }
            RemoveDuplicatesRule::InTenant => {
                seen_batch.contains(&telephone)
                    || state
                        .campaigns
                        .iter()
                        .any(|c| c.rows.iter().any(|r| r.telephone == telephone))
            }
            _ => false,
        };
        seen_batch.push(telephone.clone());
        if duplicate {
            repeat += 1;
            continue;
        }
        rows.push(CallRow {
            telephone,
            name: detail.name.clone(),
            agent_no: detail.allocation_agent.clone(),
            description: detail.description.clone(),
            custom_fields: detail
                .custom_fields
                .iter()
                .map(|f| (f.field_id.clone(), f.field_value.clone()))
                .collect(),
            calling_list_code: import.calling_list_code.clone(),
            dialled: false,
            answered: false,
            talk_seconds: 0,
        });
    }
    Outcome {
        rows,
        repeat,
        errors,
    }
}

fn assign(
    state: &CallCenterState,
    import: &CallingListImport,
    rows: &mut [CallRow],
) -> Result<(), axum::response::Response> {
    match import.assign_rule.code() {
        "AssignAverage" => {
            let agents: Vec<&str> = state
                .agents
                .iter()
                .filter(|a| a.call_permission)
                .map(|a| a.work_no.as_str())
                .collect();
            for (index, row) in rows.iter_mut().filter(|r| r.agent_no.is_none()).enumerate() {
                row.agent_no = agents
                    .get(index % agents.len().max(1))
                    .map(|a| (*a).to_owned());
            }
        }
        "AssignAppoint" => {
            let mut quotas = Vec::new();
            for quota in &import.assign_agent_and_count {
                let agent = state
                    .agent_any(&quota.agent_id)
                    .ok_or_else(|| reply::not_found("agentID", &quota.agent_id))?;
                if quota.count < 0 {
                    return Err(reply::invalid("count", "must not be negative"));
                }
                quotas.push((agent.work_no.clone(), quota.count));
            }
            let mut free = rows.iter_mut().filter(|r| r.agent_no.is_none());
            for (agent, count) in quotas {
                for _ in 0..count {
                    match free.next() {
                        Some(row) => row.agent_no = Some(agent.clone()),
                        None => return Ok(()),
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn report(errors: &[Vec<String>]) -> Vec<u8> {
    let mut rows = vec![vec![
        "行号 Row".to_owned(),
        "电话 Telephone".to_owned(),
        "姓名 Name".to_owned(),
        "原因 Reason".to_owned(),
    ]];
    rows.extend(errors.iter().cloned());
    crate::xlsx::workbook("导入失败 Errors", &rows).unwrap_or_default()
}

/// `POST .../cc-exports/api/campaigns/_import`.
pub(crate) async fn import(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let agent = required(&value, "agentID")?;
    let by_id = by_id(&value, "agentType")?;
    let list_code = required(&value, "callingListCode")?;
    if list_code.len() > 20 || !list_code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(reply::invalid(
            "callingListCode",
            "1 to 20 letters and digits",
        ));
    }
    check_enum(&value, "removeDuplicatesRule", RULES, true)?;
    check_enum(
        &value,
        "assignRule",
        &["AssignAverage", "AssignAppoint", "NoAssign"],
        true,
    )?;
    check_enum(
        &value,
        "enableFilterDoNotCallListNumber",
        &["Filter", "NoFilter"],
        false,
    )?;
    match value.get("dataDetails") {
        Some(Value::Array(rows)) if !rows.is_empty() => {
            for row in rows {
                required(row, "telephone")?;
            }
        }
        Some(Value::Array(_)) => return Err(reply::invalid("dataDetails", "at least one row")),
        _ => return Err(reply::missing("dataDetails")),
    }
    let request: CallingListImport = decode(value.clone())?;
    let key = format!("cc-import-{list_code}");
    let name = format!("import-errors-{list_code}.xlsx");
    let url = format!("{}/files/{key}/{name}", auth.app.info.admin_url);
    let (answer, errors) = {
        let mut world = auth.app.write();
        let state = &mut world.callcenter;
        let importer = state
            .agent(&agent, by_id)
            .ok_or_else(|| reply::not_found("agentID", &agent))?
            .uuid
            .clone();
        let index = campaign_index(state, &value)?;
        if text(&value, "campaignId").is_some() && state.campaigns[index].creator_uuid != importer {
            return Err(reply::invalid(
                "campaignId",
                "the task was created by another agent",
            ));
        }
        if state
            .imports
            .iter()
            .any(|b| b.calling_list_code == list_code)
        {
            return Err(reply::invalid("callingListCode", "already used"));
        }
        let mut outcome = process(state, &state.campaigns[index], &request);
        assign(state, &request, &mut outcome.rows)?;
        let campaign = &mut state.campaigns[index];
        let answer = ImportAccepted {
            campaign_id: Some(campaign.id.clone()),
            calling_list_code: Some(list_code.clone()),
            code: Some(campaign.code.clone()),
        };
        let batch = ImportBatch {
            campaign_id: campaign.id.clone(),
            code: campaign.code.clone(),
            calling_list_code: list_code.clone(),
            agent_uuid: importer,
            created_ms: now_ms(),
            rule: request.remove_duplicates_rule.code().to_owned(),
            success: i64::try_from(outcome.rows.len()).unwrap_or_default(),
            repeat: outcome.repeat,
            error: i64::try_from(outcome.errors.len()).unwrap_or_default(),
            report_url: (!outcome.errors.is_empty()).then(|| url.clone()),
        };
        campaign.rows.append(&mut outcome.rows);
        state.imports.push(batch);
        (answer, outcome.errors)
    };
    if !errors.is_empty() {
        lock(&auth.app.files).insert(
            key,
            StoredFile {
                name,
                bytes: report(&errors).into(),
            },
        );
    }
    reply::ok("ApiRespCampaignsVO", answer)
}

/// `POST .../campaigns/calling-list/import-result` (shape B; `pageSize` default 50): the
/// batches the asking agent imported, newest first.
pub(crate) async fn results(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let agent = required(&value, "agentID")?;
    let by_id = by_id(&value, "agentType")?;
    let (curr, size) = paging(&value, 50, None)?;
    let world = auth.app.read();
    let state = &world.callcenter;
    let asker = state
        .agent(&agent, by_id)
        .ok_or_else(|| reply::not_found("agentID", &agent))?
        .uuid
        .clone();
    let campaign = if text(&value, "campaignId").is_some() || text(&value, "code").is_some() {
        Some(state.campaigns[campaign_index(state, &value)?].id.clone())
    } else {
        None
    };
    let list_code = text(&value, "callingListCode");
    let rows: Vec<Value> = state
        .imports
        .iter()
        .rev()
        .filter(|b| b.agent_uuid == asker)
        .filter(|b| campaign.as_ref().is_none_or(|c| &b.campaign_id == c))
        .filter(|b| list_code.as_ref().is_none_or(|l| &b.calling_list_code == l))
        .map(|b| {
            let mut row = serde_json::to_value(ImportResult {
                campaign_id: Some(b.campaign_id.clone()),
                code: Some(b.code.clone()),
                calling_list_code: Some(b.calling_list_code.clone()),
                creation_time: Some(b.created_ms),
                remove_duplicates_rule: Some(RemoveDuplicatesRule::from_code(&b.rule)),
                success_count: Some(b.success),
                repeat_count: Some(b.repeat),
                remove_duplicates_count: Some(b.repeat),
                error_count: Some(b.error),
                error_report_path: b.report_url.clone(),
            })
            .unwrap_or_default();
            if row.get("errorReportPath").is_none() {
                row["errorReportPath"] = json!("");
            }
            row
        })
        .collect();
    reply::ok("ApiRepsICallListResult", page(rows, curr, size, true))
}
