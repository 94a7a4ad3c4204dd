//! Checks shared by the ticket writes: attachments, custom fields against the category's
//! template, lengths, company, category, status, level, agents and assignees.

use axum::response::Response;
use serde_json::{Map, Value};
use sobot::ticket::{FileInfo, TicketFieldValue, TicketLevel, TicketStatus};

use super::auth::Ctx;
use super::params::{require, text};
use crate::state::tickets::TicketState;
use crate::state::{Org, World};

/// The longest title and description (000:4656-4657).
const MAX_TITLE: usize = 100;
const MAX_CONTENT: usize = 5_000;

/// Attachment URLs (`;`-separated) as the detail lists them.
pub(crate) fn files(file_str: Option<&str>) -> Vec<FileInfo> {
    file_str
        .unwrap_or_default()
        .split(';')
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .map(|url| {
            // Uploaded names are percent-encoded in the URL; the detail shows the file's name.
            let last = url.rsplit('/').next().unwrap_or(url);
            let name =
                url::form_urlencoded::parse(format!("n={}", last.replace('+', "%2B")).as_bytes())
                    .next()
                    .map(|(_, decoded)| decoded.into_owned())
                    .unwrap_or_else(|| last.to_owned());
            let kind = name
                .rsplit_once('.')
                .map(|(_, ext)| ext.to_ascii_lowercase());
            FileInfo {
                file_name: Some(name),
                file_url: Some(url.to_owned()),
                file_type: kind,
            }
        })
        .collect()
}

fn region_path_exists(regions: &[sobot::ticket::Region], codes: &[&str]) -> bool {
    let Some((first, rest)) = codes.split_first() else {
        return true;
    };
    regions
        .iter()
        .find(|region| region.id.as_deref() == Some(*first))
        .is_some_and(|region| region_path_exists(&region.regions, rest))
}

/// Checks `extend_fields` against the template of `typeid`; returns the values to store.
/// Unknown fields or options give `400004`, bad region codes `400401`; with `require_all`,
/// missing required fields give `400004`.
pub(crate) fn field_values(
    ctx: &Ctx,
    tickets: &TicketState,
    typeid: &str,
    body: &Map<String, Value>,
    require_all: bool,
) -> Result<Vec<TicketFieldValue>, Response> {
    let template = tickets.templates.get(typeid).cloned().unwrap_or_default();
    let sent = match body.get("extend_fields") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(ctx.invalid("extend_fields must be a list")),
    };
    let mut values = Vec::new();
    for item in sent {
        let Value::Object(item) = item else {
            return Err(ctx.invalid("extend_fields[] must be objects"));
        };
        let fieldid = require(ctx, &item, "fieldid", "400004")?;
        let value = require(ctx, &item, "field_value", "400004")?;
        if !template.contains(&fieldid) {
            return Err(ctx.invalid(&format!(
                "field {fieldid} is not in the template of the category"
            )));
        }
        let Some(field) = tickets.field(&fieldid) else {
            return Err(ctx.invalid(&format!("unknown field {fieldid}")));
        };
        let kind = field
            .field_type
            .as_ref()
            .map(|k| k.code().to_owned())
            .unwrap_or_default();
        let option = |code: &str| {
            field
                .field_data_list
                .iter()
                .find(|o| o.data_value.as_deref() == Some(code.trim()))
                .and_then(|o| o.data_name.clone())
        };
        let field_text = match kind.as_str() {
            "6" | "8" | "9" => Some(option(&value).ok_or_else(|| {
                ctx.invalid(&format!("{value} is not an option of field {fieldid}"))
            })?),
            "7" => {
                let mut labels = Vec::new();
                for code in value.split(',') {
                    labels.push(option(code).ok_or_else(|| {
                        ctx.invalid(&format!("{code} is not an option of field {fieldid}"))
                    })?);
                }
                Some(labels.join(","))
            }
            "11" => {
                let codes: Vec<&str> = value.split(',').map(str::trim).collect();
                if !region_path_exists(&tickets.regions, &codes) {
                    return Err(ctx.fail("400401"));
                }
                None
            }
            "5" => {
                value
                    .parse::<f64>()
                    .map_err(|_| ctx.invalid(&format!("field {fieldid} takes a number")))?;
                None
            }
            _ => None,
        };
        values.retain(|v: &TicketFieldValue| v.fieldid.as_deref() != Some(fieldid.as_str()));
        values.push(TicketFieldValue {
            fieldid: Some(fieldid),
            field_name: field.field_name.clone(),
            field_type: field.field_type.clone(),
            field_text,
            field_value: Some(value),
            field_sortno: None,
        });
    }
    if require_all {
        for fieldid in &template {
            let required = tickets
                .field(fieldid)
                .is_some_and(|f| f.fill_flag == Some(sobot::ticket::FillFlag::Required));
            if required
                && !values
                    .iter()
                    .any(|v| v.fieldid.as_deref() == Some(fieldid.as_str()))
            {
                return Err(ctx.invalid(&format!("the required field {fieldid} is missing")));
            }
        }
    }
    for (index, value) in values.iter_mut().enumerate() {
        value.field_sortno = Some(i64::try_from(index).unwrap_or(0) + 1);
    }
    Ok(values)
}

pub(crate) fn check_lengths(ctx: &Ctx, title: &str, content: &str) -> Result<(), Response> {
    if title.chars().count() > MAX_TITLE {
        return Err(ctx.invalid("ticket_title is longer than 100 characters"));
    }
    if content.chars().count() > MAX_CONTENT {
        return Err(ctx.invalid("ticket_content is longer than 5000 characters"));
    }
    Ok(())
}

pub(crate) fn check_company(
    ctx: &Ctx,
    world: &World,
    body: &Map<String, Value>,
) -> Result<(), Response> {
    let companyid = require(ctx, body, "companyid", "400004")?;
    if companyid != world.company_id {
        return Err(ctx.invalid("companyid is not this company"));
    }
    Ok(())
}

pub(crate) fn check_category(
    ctx: &Ctx,
    world: &World,
    body: &Map<String, Value>,
) -> Result<(String, String), Response> {
    let typeid = require(ctx, body, "ticket_typeid", "400008")?;
    let name = world
        .tickets
        .leaves
        .get(&typeid)
        .cloned()
        .ok_or_else(|| ctx.invalid("ticket_typeid is not a leaf category"))?;
    Ok((typeid, name))
}

pub(crate) fn check_status(
    ctx: &Ctx,
    world: &World,
    body: &Map<String, Value>,
) -> Result<TicketStatus, Response> {
    let code = require(ctx, body, "ticket_status", "400009")?;
    if world.tickets.status(&code).is_none() {
        return Err(ctx.fail("400314"));
    }
    Ok(TicketStatus::from_code(&code))
}

pub(crate) fn check_level(ctx: &Ctx, body: &Map<String, Value>) -> Result<TicketLevel, Response> {
    let code = require(ctx, body, "ticket_level", "400011")?;
    if !matches!(code.as_str(), "0" | "1" | "2" | "3") {
        return Err(ctx.invalid("ticket_level must be 0-3"));
    }
    Ok(TicketLevel::from_code(&code))
}

/// The operating agent named by `key`: blank `400006`, unknown `400007`.
pub(crate) fn operating_agent(
    ctx: &Ctx,
    org: &Org,
    body: &Map<String, Value>,
    key: &str,
) -> Result<(String, String), Response> {
    let id = require(ctx, body, key, "400006")?;
    let agent = org.agent(&id).ok_or_else(|| ctx.fail("400007"))?;
    Ok((agent.id.clone(), agent.name.clone()))
}

/// The receiving group and agent, if sent: unknown ones `400004`, an agent outside the group
/// `400013`. Returns `(group id, group name, agent id, agent name)`.
pub(crate) type Assignee = (Option<(String, String)>, Option<(String, String)>);

pub(crate) fn assignee(
    ctx: &Ctx,
    org: &Org,
    body: &Map<String, Value>,
) -> Result<Assignee, Response> {
    let group = match text(body, "deal_groupid") {
        None => None,
        Some(id) => Some(org.group(&id).ok_or_else(|| ctx.invalid("deal_groupid"))?),
    };
    let agent = match text(body, "deal_agentid") {
        None => None,
        Some(id) => Some(org.agent(&id).ok_or_else(|| ctx.invalid("deal_agentid"))?),
    };
    if let (Some(group), Some(agent)) = (group, agent)
        && agent.group_id != group.id
    {
        return Err(ctx.fail("400013"));
    }
    let group = group.or_else(|| agent.and_then(|a| org.group(&a.group_id)));
    Ok((
        group.map(|g| (g.id.clone(), g.name.clone())),
        agent.map(|a| (a.id.clone(), a.name.clone())),
    ))
}
