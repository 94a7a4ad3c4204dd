//! Smaller ticket writes: field options, uploads, reminders, ratings, reply deletion, customer
//! change (sobot-ticket.md §6.6, §6.13-6.16, §6.24-6.25).

use axum::extract::RawQuery;
use axum::http::HeaderMap;
use bytes::Bytes;
use serde_json::{Map, Value, json};
use sobot::ticket::{FieldOption, LogSource, StartType, TicketLogEntry};

use super::auth::Ctx;
use super::params::{self, Params, require, text};
use super::reply::{self, Answer};
use super::ticket_checks::operating_agent;
use crate::app::{StoredFile, lock};
use crate::clock::now_ms;
use crate::multipart;

/// Uploads kept in memory at most (older ones are dropped).
const MAX_FILES: usize = 200;

fn log(title: &str, contents: Value, who: Option<String>, at: i64) -> TicketLogEntry {
    TicketLogEntry {
        update_title: Some(title.to_owned()),
        update_contents: Some(contents.to_string()),
        log_from: Some(LogSource::PageOperation),
        update_datetime: None,
        update_datetime_ms: Some(at),
        start_type: Some(StartType::Agent),
        update_agent_name: who,
        face_img: None,
    }
}

/// `POST save_option_data_value`: adds options to a drop-down, checkbox or radio field. Unknown
/// fields and other field types give `400004`; an option value that exists `400308`.
pub(crate) async fn add_options(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let fieldid = require(&ctx, &body, "fieldid", "400004")?;
    let mut world = ctx.app.write();
    operating_agent(&ctx, &world.org, &body, "agentid")?;
    require(&ctx, &body, "agent_name", "400004")?;
    let Some(Value::Array(options)) = body.get("field_data_value") else {
        return Err(ctx.invalid("field_data_value"));
    };
    if options.is_empty() {
        return Err(ctx.invalid("field_data_value"));
    }
    let mut new = Vec::new();
    for option in options {
        let Value::Object(option) = option else {
            return Err(ctx.invalid("field_data_value[] must be objects"));
        };
        let value = require(&ctx, option, "field_value", "400004")?;
        let label = require(&ctx, option, "field_text", "400004")?;
        new.push((value, label));
    }
    let Some(field) = world
        .tickets
        .fields
        .iter_mut()
        .find(|f| f.fieldid.as_deref() == Some(fieldid.as_str()))
    else {
        return Err(ctx.invalid("fieldid is not a custom field"));
    };
    if !matches!(
        field.field_type.as_ref().map(|t| t.code()),
        Some("6" | "7" | "8")
    ) {
        return Err(ctx.invalid("fieldid is not a selection-type field"));
    }
    for (value, _) in &new {
        if field
            .field_data_list
            .iter()
            .any(|o| o.data_value.as_deref() == Some(value.as_str()))
        {
            return Err(ctx.fail("400308"));
        }
    }
    for (value, label) in new {
        field.field_data_list.push(FieldOption {
            data_name: Some(label),
            data_value: Some(value),
            data_id: None,
            data_parent_id: None,
            node_flag: None,
        });
    }
    reply::ok(ctx.lang)
}

/// `POST user_upload_file` and `upload_file`: a multipart upload with a `file` part; answers
/// `item.file_url`, a URL under the admin API that serves the bytes back. No `file` part (or
/// not multipart) gives `400004`.
pub(crate) async fn upload(ctx: Ctx, headers: HeaderMap, body: Bytes) -> Answer {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = multipart::boundary(content_type)
        .ok_or_else(|| ctx.invalid("the upload must be multipart/form-data"))?;
    let file = multipart::parts(&body, &boundary)
        .into_iter()
        .find(|part| part.name == "file")
        .ok_or_else(|| ctx.invalid("file"))?;
    let name = file.filename.unwrap_or_else(|| "file".into());
    let id = ctx.app.write().new_id();
    let url = format!(
        "{}/files/{id}/{}",
        ctx.app.info.admin_url,
        url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()
    );
    let mut files = lock(&ctx.app.files);
    if files.len() >= MAX_FILES {
        files.clear();
    }
    files.insert(
        id,
        StoredFile {
            name,
            bytes: file.data,
        },
    );
    reply::item(ctx.lang, json!({"file_url": url}))
}

/// `POST reminder`: `ticketid` or `ticket_code` (`ticketid` wins), `reminder_agentid`,
/// `reminder_remark`. The reminder is logged in the ticket's history.
pub(crate) async fn remind(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let ticketid = text(&body, "ticketid");
    let code = text(&body, "ticket_code");
    if ticketid.is_none() && code.is_none() {
        return Err(ctx.invalid("ticketid or ticket_code"));
    }
    let now = now_ms();
    let mut world = ctx.app.write();
    let index = world
        .tickets
        .find(ticketid.as_deref(), code.as_deref())
        .ok_or_else(|| ctx.fail("400020"))?;
    let (_, agent) = operating_agent(&ctx, &world.org, &body, "reminder_agentid")?;
    let remark = require(&ctx, &body, "reminder_remark", "400004")?;
    if let Some(record) = world.tickets.tickets.get_mut(index) {
        record.detail.update_log_list.push(log(
            "催单",
            json!({"催单备注": remark}),
            Some(agent),
            now,
        ));
        record.touch(now);
    }
    reply::ok(ctx.lang)
}

/// `POST add_ticket_evaluation?ticketId&companyId&score&remark` (camelCase, in the query as the
/// example sends it; a JSON body is accepted too). A score outside 1-5 gives `400004`.
pub(crate) async fn evaluate(ctx: Ctx, RawQuery(query): RawQuery, body: Bytes) -> Answer {
    let params = Params::parse(query.as_deref());
    let json: Map<String, Value> = serde_json::from_slice(&body).unwrap_or_default();
    let field = |name: &str| params.text(name).or_else(|| text(&json, name));
    let ticketid = field("ticketId").ok_or_else(|| ctx.invalid("ticketId"))?;
    let company = field("companyId").ok_or_else(|| ctx.invalid("companyId"))?;
    let score = field("score")
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|s| (1..=5).contains(s))
        .ok_or_else(|| ctx.invalid("score must be 1-5"))?;
    let now = now_ms();
    let mut world = ctx.app.write();
    if company != world.company_id {
        return Err(ctx.invalid("companyId is not this company"));
    }
    let index = world
        .tickets
        .find(Some(&ticketid), None)
        .ok_or_else(|| ctx.fail("400020"))?;
    if let Some(record) = world.tickets.tickets.get_mut(index) {
        record.detail.score = Some(score);
        record.detail.remark = field("remark");
        record.detail.evaluation_datetime_ms = Some(now);
        record.touch(now);
    }
    reply::ok(ctx.lang)
}

/// `POST del_reply_infos {ticketid, replyid, agentid?}`: `400020` unknown ticket, `400021`
/// unknown reply.
pub(crate) async fn delete_reply(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let ticketid = require(&ctx, &body, "ticketid", "400004")?;
    let replyid = require(&ctx, &body, "replyid", "400004")?;
    let now = now_ms();
    let mut world = ctx.app.write();
    let agent = match text(&body, "agentid") {
        Some(_) => Some(operating_agent(&ctx, &world.org, &body, "agentid")?.1),
        None => None,
    };
    let index = world
        .tickets
        .find(Some(&ticketid), None)
        .ok_or_else(|| ctx.fail("400020"))?;
    let Some(record) = world.tickets.tickets.get_mut(index) else {
        return Err(ctx.fail("400020"));
    };
    let before = record.detail.deal_list.len();
    record
        .detail
        .deal_list
        .retain(|reply| reply.replyid.as_deref() != Some(replyid.as_str()));
    if record.detail.deal_list.len() == before {
        return Err(ctx.fail("400021"));
    }
    record
        .detail
        .update_log_list
        .push(log("删除回复", json!({"回复ID": replyid}), agent, now));
    record.touch(now);
    reply::ok(ctx.lang)
}

/// `POST update_ticket_user?ticket_id|ticket_code&user_id` (query string as the example; a JSON
/// body is accepted too): re-binds the ticket to another CRM customer.
pub(crate) async fn change_customer(ctx: Ctx, RawQuery(query): RawQuery, body: Bytes) -> Answer {
    let params = Params::parse(query.as_deref());
    let json: Map<String, Value> = serde_json::from_slice(&body).unwrap_or_default();
    let field = |name: &str| params.text(name).or_else(|| text(&json, name));
    let ticketid = field("ticket_id");
    let code = field("ticket_code");
    if ticketid.is_none() && code.is_none() {
        return Err(ctx.invalid("ticket_id or ticket_code"));
    }
    let user = field("user_id").ok_or_else(|| ctx.invalid("user_id"))?;
    let now = now_ms();
    let mut world = ctx.app.write();
    let index = world
        .tickets
        .find(ticketid.as_deref(), code.as_deref())
        .ok_or_else(|| ctx.fail("400020"))?;
    let customer = world
        .crm
        .customer(&user)
        .map(|c| (c.id().to_owned(), c.customer.partnerid.clone()))
        .ok_or_else(|| ctx.invalid("user_id is not a customer"))?;
    if let Some(record) = world.tickets.tickets.get_mut(index) {
        record.detail.userid = Some(customer.0.clone());
        record.partnerid = customer.1;
        record
            .detail
            .update_log_list
            .push(log("更换客户", json!({"客户": customer.0}), None, now));
        record.touch(now);
    }
    reply::ok(ctx.lang)
}
