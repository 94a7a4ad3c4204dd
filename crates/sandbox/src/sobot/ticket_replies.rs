//! Replying to tickets (sobot-ticket.md §6.11-6.12).

use axum::response::Response;
use bytes::Bytes;
use serde_json::{Map, Value, json};
use sobot::ticket::{ReplyKind, ReplyVisibility, StartType, TicketReply, TicketStatus};

use super::auth::Ctx;
use super::params::{self, require, text};
use super::reply::{self, Answer};
use super::ticket_checks::{
    assignee, check_lengths, check_level, check_status, field_values, files, operating_agent,
};
use super::ticket_writes::log;
use crate::clock::{now_ms, parse_datetime};
use crate::state::World;

fn ticket_index(ctx: &Ctx, world: &World, body: &Map<String, Value>) -> Result<usize, Response> {
    let id = require(ctx, body, "ticketid", "400004")?;
    world
        .tickets
        .find(Some(&id), None)
        .ok_or_else(|| ctx.fail("400020"))
}

/// `POST save_user_reply`: a customer reply, visible to everyone. A ticket that was resolved or
/// waiting for the customer goes back to `2` (awaiting agent reply).
pub(crate) async fn reply_by_customer(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let now = now_ms();
    let mut guard = ctx.app.write();
    let world = &mut *guard;
    let index = ticket_index(&ctx, world, &body)?;
    let content = require(&ctx, &body, "reply_content", "400004")?;
    let replyid = world.new_id();
    let World { tickets, crm, .. } = world;
    let Some(record) = tickets.tickets.get_mut(index) else {
        return Err(ctx.fail("400020"));
    };
    let nick = record
        .detail
        .userid
        .as_deref()
        .and_then(|id| crm.customer(id))
        .and_then(|c| c.customer.nick.clone());
    let detail = &mut record.detail;
    detail.deal_list.push(TicketReply {
        replyid: Some(replyid),
        reply_title: detail.ticket_title.clone(),
        reply_content: Some(content),
        reply_type: Some(ReplyVisibility::Public),
        reply_type_new: Some(ReplyKind::TicketReply),
        reply_datetime: None,
        reply_datetime_ms: Some(now),
        start_type: Some(StartType::Customer),
        update_user_name: nick,
        face_img: None,
        file_list: files(text(&body, "file_str").as_deref()),
    });
    if matches!(
        detail.ticket_status.as_ref().map(TicketStatus::code),
        Some("3" | "1023")
    ) {
        detail.ticket_status = Some(TicketStatus::WaitingForReply);
    }
    record.touch(now);
    reply::ok(ctx.lang)
}

/// The agent's read time: `get_ticket_datetime_ms` (EN) or `get_ticket_datetime` (ZH and the EN
/// example); missing `400004`, malformed `400005`.
fn read_time(ctx: &Ctx, body: &Map<String, Value>) -> Result<i64, Response> {
    if let Some(ms) = text(body, "get_ticket_datetime_ms") {
        return ms.parse().map_err(|_| ctx.fail("400005"));
    }
    let Some(when) = text(body, "get_ticket_datetime") else {
        return Err(ctx.invalid("get_ticket_datetime_ms"));
    };
    parse_datetime(&when, ctx.offset).ok_or_else(|| ctx.fail("400005"))
}

/// `POST save_ticket_reply`: an agent reply that also updates the ticket. A read time older
/// than the ticket's last update gives `400016`.
pub(crate) async fn reply_by_agent(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let now = now_ms();
    let mut guard = ctx.app.write();
    let world = &mut *guard;
    let index = ticket_index(&ctx, world, &body)?;
    let title = require(&ctx, &body, "ticket_title", "400004")?;
    let content = require(&ctx, &body, "ticket_content", "400004")?;
    check_lengths(&ctx, &title, &content)?;
    let read_at = read_time(&ctx, &body)?;
    let visibility = require(&ctx, &body, "reply_type", "400004")?;
    let internal = match visibility.as_str() {
        "0" => false,
        "1" => true,
        _ => return Err(ctx.invalid("reply_type must be 0 or 1")),
    };
    let (_, agent_name) = operating_agent(&ctx, &world.org, &body, "reply_agentid")?;
    require(&ctx, &body, "reply_agent_name", "400004")?;
    let status = check_status(&ctx, world, &body)?;
    let level = check_level(&ctx, &body)?;
    let (group, agent) = assignee(&ctx, &world.org, &body)?;
    let typeid = world
        .tickets
        .tickets
        .get(index)
        .and_then(|t| t.detail.ticket_typeid.clone())
        .unwrap_or_default();
    let fields = field_values(&ctx, &world.tickets, &typeid, &body, false)?;
    let replyid = world.new_id();
    let Some(record) = world.tickets.tickets.get_mut(index) else {
        return Err(ctx.fail("400020"));
    };
    if read_at < record.updated_ms {
        return Err(ctx.fail("400016"));
    }
    let detail = &mut record.detail;
    let mut changes = Map::new();
    if detail.ticket_status.as_ref() != Some(&status) {
        changes.insert("工单状态".into(), json!(status.code()));
    }
    if detail.ticket_level.as_ref() != Some(&level) {
        changes.insert("优先级".into(), json!(level.code()));
    }
    if detail.ticket_title.as_deref() != Some(title.as_str()) {
        changes.insert("工单标题".into(), json!(title));
    }
    detail.ticket_title = Some(title.clone());
    detail.ticket_content = Some(content);
    detail.ticket_status = Some(status.clone());
    detail.ticket_level = Some(level);
    if let Some((group_id, group_name)) = group {
        changes.insert("受理技能组".into(), json!(group_name));
        detail.deal_groupid = Some(group_id);
        detail.deal_group_name = Some(group_name);
    }
    if let Some((agent_id, agent_name)) = agent {
        changes.insert("受理客服".into(), json!(agent_name));
        detail.deal_agentid = Some(agent_id);
        detail.deal_agent_name = Some(agent_name);
    }
    for value in fields {
        detail
            .extend_fields_list
            .retain(|existing| existing.fieldid != value.fieldid);
        detail.extend_fields_list.push(value);
    }
    let reply_text = text(&body, "reply_content");
    let reply_files = files(text(&body, "reply_file_str").as_deref());
    if reply_text.is_some() || !reply_files.is_empty() {
        changes.insert("回复".into(), json!(reply_text.clone().unwrap_or_default()));
        detail.deal_list.push(TicketReply {
            replyid: Some(replyid),
            reply_title: Some(title),
            reply_content: reply_text,
            reply_type: Some(if internal {
                ReplyVisibility::Internal
            } else {
                ReplyVisibility::Public
            }),
            reply_type_new: Some(if internal {
                ReplyKind::InternalNote
            } else {
                ReplyKind::TicketReply
            }),
            reply_datetime: None,
            reply_datetime_ms: Some(now),
            start_type: Some(StartType::Agent),
            update_user_name: Some(agent_name.clone()),
            face_img: None,
            file_list: reply_files,
        });
        if detail.first_accept_datetime_ms.is_none() {
            detail.first_accept_datetime_ms = Some(now);
        }
    }
    match status.code() {
        "3" if detail.first_complete_datetime_ms.is_none() => {
            detail.first_complete_datetime_ms = Some(now);
        }
        "99" => detail.closed_datetime_ms = Some(now),
        _ => {}
    }
    detail.update_agent_name = Some(agent_name.clone());
    detail.update_log_list.push(log(
        "更新工单",
        Value::Object(changes),
        StartType::Agent,
        Some(agent_name),
        now,
    ));
    record.touch(now);
    reply::ok(ctx.lang)
}
