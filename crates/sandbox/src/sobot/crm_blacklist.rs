//! The blacklist (sobot-crm.md §7.7), keyed by the customer ID sent as `user_id`.

use axum::extract::RawQuery;
use bytes::Bytes;
use serde_json::json;
use sobot::crm::{BlacklistDuration, BlacklistEntry};

use super::auth::Ctx;
use super::crm_customers::record_behavior;
use super::params::{self, Params, require};
use super::reply::{self, Answer};
use crate::clock::now_ms;

/// "Permanent" is stored as 1000 days, as the doc's example shows (CRM 60).
const PERMANENT_SECONDS: i64 = 86_400_000;

/// `GET user/query_black_list?user_id&black_type&start_time&end_time&page_no&page_size`:
/// entries newest first, past ones included (`is_black` 0), filtered on the blacklisting time.
pub(crate) async fn list(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let (page_no, page_size) = params::page(&ctx, &params, 15, None)?;
    let user = params.text("user_id");
    let kind = params.int(&ctx, "black_type")?;
    let start = params.int(&ctx, "start_time")?.unwrap_or(i64::MIN);
    let end = params.int(&ctx, "end_time")?.unwrap_or(i64::MAX);
    let now_s = now_ms() / 1000;
    let world = ctx.app.read();
    let rows: Vec<BlacklistEntry> = world
        .crm
        .blacklist
        .iter()
        .rev()
        .filter(|e| {
            user.as_deref()
                .is_none_or(|u| e.user_id.as_deref() == Some(u))
        })
        .filter(|e| {
            kind.is_none_or(|k| {
                e.black_type.as_ref().map(|t| t.code().to_owned()) == Some(k.to_string())
            })
        })
        .filter(|e| e.black_time.is_some_and(|t| (start..=end).contains(&t)))
        .map(|e| {
            let mut entry = e.clone();
            let active =
                entry.is_black == Some(1) && entry.black_end_time.is_none_or(|t| t > now_s);
            entry.is_black = Some(i64::from(active));
            entry.user_status = Some(i64::from(active));
            entry
        })
        .collect();
    reply::page(ctx.lang, rows, page_no, page_size)
}

/// `POST user/add_black_list {user_id, black_type, black_reason}`: blacklists the customer for
/// 24, 48 or 72 hours or permanently (`-1`); a customer already blacklisted gets the new entry.
pub(crate) async fn add(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let user = require(&ctx, &body, "user_id", "400004")?;
    let kind = require(&ctx, &body, "black_type", "400004")?;
    let hours = match kind.as_str() {
        "-1" => None,
        "24" => Some(24),
        "48" => Some(48),
        "72" => Some(72),
        _ => return Err(ctx.invalid("black_type must be -1, 24, 48 or 72")),
    };
    let reason = require(&ctx, &body, "black_reason", "400004")?;
    let now = now_ms();
    let now_s = now / 1000;
    let mut world = ctx.app.write();
    let index = world
        .crm
        .index_of(&user)
        .ok_or_else(|| ctx.invalid("user_id is not a customer"))?;
    let nick = world.crm.customers[index].customer.nick.clone();
    for entry in &mut world.crm.blacklist {
        if entry.user_id.as_deref() == Some(user.as_str()) {
            entry.is_black = Some(0);
            entry.user_status = Some(0);
        }
    }
    world.crm.blacklist.push(BlacklistEntry {
        user_id: Some(user.clone()),
        nick,
        black_type: Some(BlacklistDuration::from_code(&kind)),
        black_reason: Some(reason.clone()),
        black_time: Some(now_s),
        black_end_time: Some(now_s + hours.map_or(PERMANENT_SECONDS, |h| h * 3600)),
        is_black: Some(1),
        user_status: Some(1),
    });
    record_behavior(
        &mut world,
        index,
        "user_black",
        json!({"blackType": kind, "blackReason": reason}),
        now,
    );
    reply::ok(ctx.lang)
}

/// `POST user/remove_black_list {user_id}`: ends the customer's blacklisting now.
pub(crate) async fn remove(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let user = require(&ctx, &body, "user_id", "400004")?;
    let now = now_ms();
    let mut world = ctx.app.write();
    let index = world
        .crm
        .index_of(&user)
        .ok_or_else(|| ctx.invalid("user_id is not a customer"))?;
    for entry in &mut world.crm.blacklist {
        if entry.user_id.as_deref() == Some(user.as_str()) && entry.is_black == Some(1) {
            entry.is_black = Some(0);
            entry.user_status = Some(0);
            entry.black_end_time = Some(now / 1000);
        }
    }
    record_behavior(&mut world, index, "user_unblack", json!({}), now);
    reply::ok(ctx.lang)
}
