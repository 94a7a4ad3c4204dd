//! Ticket reads: the two lists, detail, counts, agent workload, failed pushes, the export.

use axum::Json;
use axum::extract::RawQuery;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::json;
use sobot::ticket::{AgentWorkload, ExportedTicket, TicketCounts, TicketStatus};

use super::auth::Ctx;
use super::params::{self, CREATED, PERIOD, Params, UPDATED};
use super::reply::{self, Answer};
use crate::clock::{DAY_MS, parse_date};
use crate::state::tickets::TicketRecord;

/// The largest page the ticket lists and failed pushes allow (000:2923).
pub(crate) const MAX_PAGE_SIZE: usize = 50;

/// The optional filters of the ticket lists.
struct Filter {
    status: Option<String>,
    from: Option<String>,
    typeid: Option<String>,
    userid: Option<String>,
    partnerid: Option<String>,
    agent: Option<String>,
    group: Option<String>,
}

impl Filter {
    fn of(params: &Params) -> Self {
        Self {
            status: params.text("ticket_status"),
            from: params.text("ticket_from"),
            typeid: params.text("ticket_typeid"),
            userid: params.text("userid"),
            partnerid: params.text("user_partnerid"),
            agent: params.text("deal_agentid"),
            group: params.text("deal_agent_groupid"),
        }
    }

    fn accepts(&self, ticket: &TicketRecord) -> bool {
        let same = |wanted: &Option<String>, actual: Option<&str>| {
            wanted
                .as_deref()
                .is_none_or(|wanted| actual == Some(wanted))
        };
        let detail = &ticket.detail;
        same(
            &self.status,
            detail.ticket_status.as_ref().map(|s| s.code()),
        ) && same(&self.from, detail.ticket_from.as_ref().map(|s| s.code()))
            && same(&self.typeid, detail.ticket_typeid.as_deref())
            && same(&self.userid, detail.userid.as_deref())
            && same(&self.partnerid, ticket.partnerid.as_deref())
            && same(&self.agent, detail.deal_agentid.as_deref())
            && same(&self.group, detail.deal_groupid.as_deref())
    }
}

fn list(ctx: &Ctx, query: Option<&str>, by_update: bool) -> Answer {
    let params = Params::parse(query);
    let (prefix, codes) = if by_update {
        ("update_", UPDATED)
    } else {
        ("create_", CREATED)
    };
    let (start, end) = params::window(ctx, &params, prefix, codes)?;
    let (page_no, page_size) = params::page(ctx, &params, 15, Some(MAX_PAGE_SIZE))?;
    let filter = Filter::of(&params);
    let world = ctx.app.read();
    let key = |ticket: &TicketRecord| {
        if by_update {
            ticket.updated_ms
        } else {
            ticket.created_ms
        }
    };
    let mut matched: Vec<(i64, usize)> = world
        .tickets
        .tickets
        .iter()
        .enumerate()
        .filter(|(_, ticket)| (start..=end).contains(&key(ticket)) && filter.accepts(ticket))
        .map(|(index, ticket)| (key(ticket), index))
        .collect();
    matched.sort_unstable();
    let total = matched.len();
    let items = matched
        .iter()
        .skip((page_no - 1).saturating_mul(page_size))
        .take(page_size)
        .map(|&(_, index)| world.tickets.render_summary(index, ctx.offset, &world.crm))
        .collect();
    Ok(Json(reply::paged(ctx.lang, items, page_no, page_size, total)).into_response())
}

/// `GET query_tickets`: tickets created in a window of at most a month, oldest first.
pub(crate) async fn by_create_time(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    list(&ctx, query.as_deref(), false)
}

/// `GET query_tickets_by_update_time`: tickets updated in a window of at most a month, least
/// recently updated first.
pub(crate) async fn by_update_time(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    list(&ctx, query.as_deref(), true)
}

/// `GET get_ticket_by_id?ticketid=` (or `ticket_code`, ZH): `400020` when unknown.
pub(crate) async fn detail(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    if params.get("ticketid").is_none() && params.get("ticket_code").is_none() {
        return Err(ctx.invalid("ticketid"));
    }
    let world = ctx.app.read();
    let index = world
        .tickets
        .find(params.get("ticketid"), params.get("ticket_code"))
        .ok_or_else(|| ctx.fail("400020"))?;
    reply::item(
        ctx.lang,
        world.tickets.render_detail(index, ctx.offset, &world.crm),
    )
}

/// `GET get_ticket_data`: unassigned and unsolved tickets among those created in the period.
pub(crate) async fn counts(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let (start, end) = params::window(&ctx, &params, "", PERIOD)?;
    let world = ctx.app.read();
    let mut counts = TicketCounts {
        unassigned_ticket_num: Some(0),
        unsolved_ticket_num: Some(0),
    };
    for ticket in &world.tickets.tickets {
        if !(start..=end).contains(&ticket.created_ms) {
            continue;
        }
        let status = ticket
            .detail
            .ticket_status
            .clone()
            .unwrap_or(TicketStatus::NotReceived);
        if world.tickets.is_unsolved(&status) {
            *counts.unsolved_ticket_num.get_or_insert(0) += 1;
            if ticket.detail.deal_agentid.is_none() {
                *counts.unassigned_ticket_num.get_or_insert(0) += 1;
            }
        }
    }
    // Counts are strings in the docs' example ("unsolved_ticket_num":"3").
    reply::raw(json!({
        "item": {
            "unassigned_ticket_num": counts.unassigned_ticket_num.unwrap_or(0).to_string(),
            "unsolved_ticket_num": counts.unsolved_ticket_num.unwrap_or(0).to_string(),
        },
        "ret_code": "000000",
        "ret_msg": reply::success_message(ctx.lang),
    }))
}

/// `GET query_agent_jobs`: per agent, the tickets assigned among those created in the period
/// and the share of them resolved or closed (`ticket_end_rate`, a fraction with two decimals;
/// the docs leave the format open).
pub(crate) async fn workload(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let (start, end) = params::window(&ctx, &params, "", PERIOD)?;
    let world = ctx.app.read();
    let rows = world
        .org
        .agents
        .iter()
        .map(|agent| {
            let mut handled = 0i64;
            let mut ended = 0i64;
            for ticket in &world.tickets.tickets {
                if (start..=end).contains(&ticket.created_ms)
                    && ticket.detail.deal_agentid.as_deref() == Some(agent.id.as_str())
                {
                    handled += 1;
                    let status = ticket
                        .detail
                        .ticket_status
                        .clone()
                        .unwrap_or(TicketStatus::NotReceived);
                    if !world.tickets.is_unsolved(&status) {
                        ended += 1;
                    }
                }
            }
            #[allow(clippy::cast_precision_loss)]
            let rate = if handled == 0 {
                0.0
            } else {
                ended as f64 / handled as f64
            };
            AgentWorkload {
                agentid: Some(agent.id.clone()),
                agent_name: Some(agent.name.clone()),
                deal_ticket_num: Some(handled),
                ticket_end_rate: Some(format!("{rate:.2}")),
            }
        })
        .collect();
    reply::items(ctx.lang, rows)
}

/// `GET query_ticket_push_fail_infos`: failed push messages in the period, paged (max 50).
pub(crate) async fn push_failures(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let (start, end) = params::window(&ctx, &params, "", PERIOD)?;
    let (page_no, page_size) = params::page(&ctx, &params, 15, Some(MAX_PAGE_SIZE))?;
    let world = ctx.app.read();
    let rows = world
        .tickets
        .push_failures
        .iter()
        .filter(|failure| (start..=end).contains(&failure.at_ms))
        .map(|failure| {
            let mut row = failure.failure.clone();
            row.update_datetime = row
                .update_datetime_ms
                .map(|ms| crate::clock::format_datetime(ms, ctx.offset));
            row.reminder_time = row
                .reminder_time_ms
                .map(|ms| crate::clock::format_datetime(ms, ctx.offset));
            row
        })
        .collect();
    reply::page(ctx.lang, rows, page_no, page_size)
}

/// `POST /api/wb/5/data/export_data {task_type: "6", date}`: the tickets created that day as
/// camelCase records with times in epoch seconds. The container is undocumented (I-32); the
/// sandbox answers `{ret_code, ret_msg, items: [records]}`.
pub(crate) async fn export(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let task_type = params::require(&ctx, &body, "task_type", "400004")?;
    if task_type != "6" {
        return Err(ctx.invalid("task_type must be \"6\""));
    }
    let date = params::require(&ctx, &body, "date", "400004")?;
    let day = parse_date(&date, ctx.offset).ok_or_else(|| ctx.fail("400005"))?;
    let world = ctx.app.read();
    let mut records = Vec::new();
    for (index, ticket) in world.tickets.tickets.iter().enumerate() {
        if !(day..day + DAY_MS).contains(&ticket.created_ms) {
            continue;
        }
        let detail = world.tickets.render_detail(index, ctx.offset, &world.crm);
        let seconds = |ms: Option<i64>| ms.map(|ms| ms / 1000);
        let record = json!({
            "companyId": detail.companyid,
            "ticketId": detail.ticketid,
            "ticketCode": detail.ticket_code,
            "ticketTitle": detail.ticket_title,
            "ticketContent": detail.ticket_content,
            "ticketStatus": detail.ticket_status,
            "ticketLevel": detail.ticket_level,
            "ticketFrom": detail.ticket_from,
            "ticketTypeName": detail.ticket_type_name,
            "recordId": detail.recordid,
            "createTime": seconds(detail.create_datetime_ms),
            "updateTime": seconds(detail.update_datetime_ms),
            "startType": detail.start_type,
            "startName": detail.start_name,
            "dealGroupId": detail.deal_groupid,
            "dealGroupName": detail.deal_group_name,
            "dealUserId": detail.deal_agentid,
            "dealUserName": detail.deal_agent_name,
            "customerId": detail.userid,
            "nick": detail.user_nick,
            "uname": detail.user_name,
            "tel": detail.user_tels.map(|t| t.replace(',', ";")),
            "email": detail.user_emails.map(|e| e.replace(',', ";")),
            "fileStr": detail.file_list.iter().filter_map(|f| f.file_url.clone()).collect::<Vec<_>>().join(";"),
            "resultList": detail.extend_fields_list.iter().map(|f| json!({
                "fieldId": f.fieldid, "fieldType": f.field_type, "title": f.field_name,
                "value": f.field_value, "text": f.field_text,
            })).collect::<Vec<_>>(),
            "dealList": detail.deal_list.iter().map(|r| json!({
                "replyTitle": r.reply_title, "replyContent": r.reply_content, "replyType": r.reply_type,
                "replyTime": seconds(r.reply_datetime_ms), "startType": r.start_type,
                "updateUserName": r.update_user_name, "fileList": [],
            })).collect::<Vec<_>>(),
            "updateLogList": detail.update_log_list.iter().map(|l| json!({
                "updateTitle": l.update_title, "updateContent": l.update_contents,
                "updateTime": seconds(l.update_datetime_ms), "startType": l.start_type,
                "updateServiceName": l.update_agent_name,
            })).collect::<Vec<_>>(),
        });
        let record: ExportedTicket =
            serde_json::from_value(record).map_err(|_| ctx.fail("999999"))?;
        records.push(record);
    }
    reply::items(ctx.lang, records)
}
