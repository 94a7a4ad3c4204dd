//! Creating tickets (sobot-ticket.md §6.9-6.10).

use axum::response::Response;
use bytes::Bytes;
use serde_json::{Map, Value, json};
use sobot::ticket::{
    LogSource, StartType, TicketLevel, TicketLogEntry, TicketSource, TicketStatus,
};

use super::auth::Ctx;
use super::params::{self, require, text};
use super::reply::{self, Answer};
use super::ticket_checks::{
    assignee, check_category, check_company, check_lengths, check_level, check_status,
    field_values, files, operating_agent,
};
use crate::clock::{format_date, now_ms};
use crate::seed::customers::empty_customer;
use crate::state::World;
use crate::state::crm::CustomerRecord;
use crate::state::tickets::{TicketRecord, empty_detail};

pub(crate) fn log(
    title: &str,
    contents: Value,
    start: StartType,
    who: Option<String>,
    at: i64,
) -> TicketLogEntry {
    TicketLogEntry {
        update_title: Some(title.to_owned()),
        update_contents: Some(contents.to_string()),
        log_from: Some(LogSource::PageOperation),
        update_datetime: None,
        update_datetime_ms: Some(at),
        start_type: Some(start),
        update_agent_name: who,
        face_img: None,
    }
}

fn created(ctx: &Ctx, ticketid: String) -> Answer {
    // The create answers carry an empty `items` next to `item` (I-37).
    reply::raw(json!({
        "item": {"ticketid": ticketid},
        "items": [],
        "ret_code": "000000",
        "ret_msg": reply::success_message(ctx.lang),
    }))
}

fn new_ticket(world: &mut World, now: i64) -> (String, TicketRecord) {
    let id = world.new_id();
    let day = format_date(now, crate::clock::UTC8).replace('-', "");
    let mut detail = empty_detail();
    detail.companyid = Some(world.company_id.clone());
    detail.ticketid = Some(id.clone());
    detail.ticket_code = Some(world.tickets.next_code(&day));
    detail.create_datetime_ms = Some(now);
    detail.update_datetime_ms = Some(now);
    (
        id,
        TicketRecord {
            detail,
            partnerid: None,
            created_ms: now,
            updated_ms: now,
        },
    )
}

/// The customer a customer ticket belongs to: matched by `userid` > `partnerid` >
/// `user_emails` > `user_tels`, or created in the CRM.
fn customer_for(
    ctx: &Ctx,
    world: &mut World,
    body: &Map<String, Value>,
    now: i64,
) -> Result<usize, Response> {
    if let Some(userid) = text(body, "userid") {
        return world
            .crm
            .index_of(&userid)
            .ok_or_else(|| ctx.invalid("userid is not a customer"));
    }
    let partnerid = text(body, "partnerid");
    let email = text(body, "user_emails");
    let tel = text(body, "user_tels");
    if let Some(partnerid) = &partnerid
        && let Some(index) = world
            .crm
            .customers
            .iter()
            .position(|c| c.customer.partnerid.as_deref() == Some(partnerid.as_str()))
    {
        return Ok(index);
    }
    if let Some(index) = world
        .crm
        .find_match(None, email.as_deref())
        .or_else(|| world.crm.find_match(tel.as_deref(), None))
    {
        return Ok(index);
    }
    let id = world.new_id();
    let nick = email
        .clone()
        .or_else(|| tel.clone())
        .unwrap_or_else(|| format!("访客{}", &id[..6]));
    let mut customer = empty_customer();
    customer.id = Some(id.clone());
    customer.pid = Some(world.company_id.clone());
    customer.nick = Some(nick);
    customer.email = email;
    customer.tel = tel;
    customer.partnerid = partnerid;
    customer.status = Some(8);
    customer.crm_status = Some(sobot::crm::CrmStatus::FirstInquiry);
    customer.source = Some(sobot::crm::CustomerSource::TicketCenter);
    customer.create_type = Some(sobot::crm::CreateType::Trigger);
    customer.create_time = Some(now / 1000);
    customer.create_date = Some(crate::clock::start_of_day(now, crate::clock::UTC8) / 1000);
    customer.update_time = Some(now / 1000);
    Ok(world.crm.insert(CustomerRecord {
        customer,
        tag_ids: Vec::new(),
        stage_id: None,
        fields: Vec::new(),
        behaviors: Vec::new(),
    }))
}

fn first_contact(ctx: &Ctx, body: &Map<String, Value>) -> Result<(), Response> {
    match (
        text(body, "first_contact_type"),
        text(body, "first_contact_info"),
    ) {
        (None, None) => Ok(()),
        (Some(kind), Some(_)) if kind == "1" || kind == "2" => Ok(()),
        _ => Err(ctx.invalid("first_contact_type and first_contact_info go together")),
    }
}

/// `POST save_user_ticket`: a ticket created on the customer's behalf.
pub(crate) async fn create_by_customer(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let now = now_ms();
    let mut guard = ctx.app.write();
    let world = &mut *guard;
    check_company(&ctx, world, &body)?;
    let title = require(&ctx, &body, "ticket_title", "400004")?;
    let content = require(&ctx, &body, "ticket_content", "400004")?;
    check_lengths(&ctx, &title, &content)?;
    let (typeid, type_name) = check_category(&ctx, world, &body)?;
    let from = require(&ctx, &body, "ticket_from", "400010")?;
    first_contact(&ctx, &body)?;
    let fields = field_values(&ctx, &world.tickets, &typeid, &body, true)?;
    let customer = customer_for(&ctx, world, &body, now)?;
    let (userid, nick, partnerid) = world
        .crm
        .customers
        .get(customer)
        .map(|c| {
            (
                c.id().to_owned(),
                c.customer.nick.clone(),
                c.customer.partnerid.clone(),
            )
        })
        .unwrap_or_default();
    let (id, mut record) = new_ticket(world, now);
    let detail = &mut record.detail;
    detail.ticket_title = Some(title);
    detail.ticket_content = Some(content);
    detail.ticket_typeid = Some(typeid);
    detail.ticket_type_name = Some(type_name);
    detail.ticket_from = Some(TicketSource::from_code(&from));
    detail.ticket_status = Some(TicketStatus::NotReceived);
    detail.ticket_level = Some(TicketLevel::Low);
    detail.start_type = Some(StartType::Customer);
    detail.start_name = nick.clone();
    detail.userid = Some(userid);
    detail.update_agent_name = nick.clone();
    detail.file_list = files(text(&body, "file_str").as_deref());
    detail.extend_fields_list = fields;
    detail.update_log_list.push(log(
        "创建工单",
        json!({"工单状态": "0"}),
        StartType::Customer,
        nick,
        now,
    ));
    record.partnerid = partnerid;
    world.tickets.insert(record);
    created(&ctx, id)
}

/// `POST save_agent_ticket`: a ticket created by an agent.
pub(crate) async fn create_by_agent(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let now = now_ms();
    let mut guard = ctx.app.write();
    let world = &mut *guard;
    check_company(&ctx, world, &body)?;
    let title = require(&ctx, &body, "ticket_title", "400004")?;
    let content = require(&ctx, &body, "ticket_content", "400004")?;
    check_lengths(&ctx, &title, &content)?;
    let from = require(&ctx, &body, "ticket_from", "400010")?;
    let (_, creator_name) = operating_agent(&ctx, &world.org, &body, "create_agentid")?;
    require(&ctx, &body, "create_agent_name", "400004")?;
    let status = check_status(&ctx, world, &body)?;
    let level = check_level(&ctx, &body)?;
    let (typeid, type_name) = check_category(&ctx, world, &body)?;
    let (group, agent) = assignee(&ctx, &world.org, &body)?;
    let userid = match text(&body, "userid") {
        None => None,
        Some(id) => Some(
            world
                .crm
                .customer(&id)
                .map(|c| c.id().to_owned())
                .ok_or_else(|| ctx.invalid("userid is not a customer"))?,
        ),
    };
    first_contact(&ctx, &body)?;
    if text(&body, "first_contact_type").is_some() && userid.is_none() {
        return Err(ctx.invalid("userid is required with first_contact_type"));
    }
    let fields = field_values(&ctx, &world.tickets, &typeid, &body, true)?;
    let partnerid = userid
        .as_deref()
        .and_then(|id| world.crm.customer(id))
        .and_then(|c| c.customer.partnerid.clone());
    let (id, mut record) = new_ticket(world, now);
    let detail = &mut record.detail;
    detail.ticket_title = Some(title);
    detail.ticket_content = Some(content);
    detail.ticket_typeid = Some(typeid);
    detail.ticket_type_name = Some(type_name);
    detail.ticket_from = Some(TicketSource::from_code(&from));
    detail.ticket_status = Some(status.clone());
    detail.ticket_level = Some(level);
    detail.start_type = Some(StartType::Agent);
    detail.start_name = Some(creator_name.clone());
    detail.update_agent_name = Some(creator_name.clone());
    detail.userid = userid;
    detail.recordid = text(&body, "recordid");
    if let Some((group_id, group_name)) = group {
        detail.deal_groupid = Some(group_id);
        detail.deal_group_name = Some(group_name);
    }
    if let Some((agent_id, agent_name)) = agent {
        detail.deal_agentid = Some(agent_id);
        detail.deal_agent_name = Some(agent_name);
    }
    detail.file_list = files(text(&body, "file_str").as_deref());
    detail.extend_fields_list = fields;
    detail.update_log_list.push(log(
        "创建工单",
        json!({"工单状态": status.code()}),
        StartType::Agent,
        Some(creator_name),
        now,
    ));
    record.partnerid = partnerid;
    world.tickets.insert(record);
    created(&ctx, id)
}
