//! Business tags and tag groups, and the tags on customers (sobot-crm.md §7.2). Codes:
//! `510001` group not found, `510002` group name taken, `510003` tag name taken, `510004` tag
//! param name taken or tag not found, `510005`/`510006` blank names, `510007` longer than 30.

use axum::extract::{Path, RawQuery};
use axum::response::Response;
use bytes::Bytes;
use serde_json::{Value, json};
use sobot::crm::{CustomerTags, TagRef};

use super::auth::Ctx;
use super::crm_customers::record_behavior;
use super::params::{self, Params, require, text};
use super::reply::{self, Answer};
use crate::clock::now_ms;
use crate::seed::crm_reference::{tag, tag_group};
use crate::state::World;

/// The longest tag or tag group name (510007).
const MAX_NAME: usize = 30;

fn name(ctx: &Ctx, value: Option<String>, blank: &str) -> Result<String, Response> {
    let name = value.ok_or_else(|| ctx.fail(blank))?;
    if name.chars().count() > MAX_NAME {
        return Err(ctx.fail("510007"));
    }
    Ok(name)
}

/// `POST label_group/save {name, color_value, is_multiple_choice, label_list: [{name}]}`:
/// answers the new group's ID as `item`.
pub(crate) async fn create_group(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let group_name = name(&ctx, text(&body, "name"), "510005")?;
    let color = require(&ctx, &body, "color_value", "400004")?;
    let multiple = match params::int(&ctx, &body, "is_multiple_choice")? {
        Some(0) => false,
        Some(1) => true,
        _ => return Err(ctx.invalid("is_multiple_choice must be 0 or 1")),
    };
    let Some(Value::Array(labels)) = body.get("label_list") else {
        return Err(ctx.invalid("label_list"));
    };
    let mut names: Vec<String> = Vec::new();
    for label in labels {
        let label = label.as_object().and_then(|l| text(l, "name"));
        let label = name(&ctx, label, "510006")?;
        if names.contains(&label) {
            return Err(ctx.fail("510003"));
        }
        names.push(label);
    }
    let now = now_ms();
    let mut world = ctx.app.write();
    if world
        .crm
        .tag_groups
        .iter()
        .any(|g| g.name.as_deref() == Some(group_name.as_str()))
    {
        return Err(ctx.fail("510002"));
    }
    let id = world.new_id();
    world
        .crm
        .tag_groups
        .push(tag_group(id.clone(), &group_name, &color, multiple, now));
    for label in names {
        let tag_id = world.new_id();
        world.crm.tags.push(tag(tag_id, &id, &label, None, now));
    }
    reply::item(ctx.lang, id)
}

/// `POST label_group/update {id, name, color_value?, is_multiple_choice?}`.
pub(crate) async fn update_group(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let id = require(&ctx, &body, "id", "400004")?;
    let group_name = name(&ctx, text(&body, "name"), "510005")?;
    let multiple = params::int(&ctx, &body, "is_multiple_choice")?;
    let now = now_ms();
    let mut world = ctx.app.write();
    if world.crm.tag_group(&id).is_none() {
        return Err(ctx.fail("510001"));
    }
    if world.crm.tag_groups.iter().any(|g| {
        g.name.as_deref() == Some(group_name.as_str()) && g.id.as_deref() != Some(id.as_str())
    }) {
        return Err(ctx.fail("510002"));
    }
    if let Some(group) = world
        .crm
        .tag_groups
        .iter_mut()
        .find(|g| g.id.as_deref() == Some(id.as_str()))
    {
        group.name = Some(group_name);
        if let Some(color) = text(&body, "color_value") {
            group.color_value = Some(color);
        }
        if let Some(multiple) = multiple {
            group.is_multiple_choice = Some(i64::from(multiple != 0));
        }
        group.update_time_ms = Some(now);
        group.update_time = Some(crate::clock::format_datetime(now, crate::clock::UTC8));
    }
    reply::ok(ctx.lang)
}

/// `GET label_group/list?page_no&page_size` (default 100).
pub(crate) async fn list_groups(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let (page_no, page_size) = params::page(&ctx, &params, 100, None)?;
    let rows = ctx.app.read().crm.tag_groups.clone();
    reply::page(ctx.lang, rows, page_no, page_size)
}

fn detach(world: &mut World, removed: &[String]) {
    for record in &mut world.crm.customers {
        record.tag_ids.retain(|id| !removed.contains(id));
    }
}

/// `GET label_group/remove/{id}`: deletes the group and all its tags (and takes them off
/// customers).
pub(crate) async fn remove_group(ctx: Ctx, Path(id): Path<String>) -> Answer {
    let mut world = ctx.app.write();
    if world.crm.tag_group(&id).is_none() {
        return Err(ctx.fail("510001"));
    }
    world
        .crm
        .tag_groups
        .retain(|g| g.id.as_deref() != Some(id.trim()));
    let removed: Vec<String> = world
        .crm
        .tags
        .iter()
        .filter(|t| t.groupid.as_deref() == Some(id.trim()))
        .filter_map(|t| t.id.clone())
        .collect();
    world
        .crm
        .tags
        .retain(|t| t.groupid.as_deref() != Some(id.trim()));
    detach(&mut world, &removed);
    reply::ok(ctx.lang)
}

/// `POST label/save {name, groupid | groupId, param_name?}`: no ID in the answer (CRM 23).
pub(crate) async fn create_tag(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let tag_name = name(&ctx, text(&body, "name"), "510006")?;
    let group = text(&body, "groupid")
        .or_else(|| text(&body, "groupId"))
        .ok_or_else(|| ctx.invalid("groupid"))?;
    let param = text(&body, "param_name");
    let now = now_ms();
    let mut world = ctx.app.write();
    if world.crm.tag_group(&group).is_none() {
        return Err(ctx.fail("510001"));
    }
    if world.crm.tags.iter().any(|t| {
        t.groupid.as_deref() == Some(group.as_str()) && t.name.as_deref() == Some(tag_name.as_str())
    }) {
        return Err(ctx.fail("510003"));
    }
    if param.is_some() && world.crm.tags.iter().any(|t| t.param_name == param) {
        return Err(ctx.fail("510004"));
    }
    let id = world.new_id();
    world.crm.tags.push(tag(id, &group, &tag_name, param, now));
    reply::ok(ctx.lang)
}

/// `POST label/update {id, name, param_name?}`: an unknown tag gives `510004`.
pub(crate) async fn update_tag(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let id = require(&ctx, &body, "id", "400004")?;
    let tag_name = name(&ctx, text(&body, "name"), "510006")?;
    let param = text(&body, "param_name");
    let now = now_ms();
    let mut world = ctx.app.write();
    let Some(existing) = world.crm.tag(&id).cloned() else {
        return Err(ctx.fail("510004"));
    };
    if world.crm.tags.iter().any(|t| {
        t.groupid == existing.groupid
            && t.name.as_deref() == Some(tag_name.as_str())
            && t.id != existing.id
    }) {
        return Err(ctx.fail("510003"));
    }
    if param.is_some()
        && world
            .crm
            .tags
            .iter()
            .any(|t| t.param_name == param && t.id != existing.id)
    {
        return Err(ctx.fail("510004"));
    }
    if let Some(tag) = world.crm.tags.iter_mut().find(|t| t.id == existing.id) {
        tag.name = Some(tag_name);
        if param.is_some() {
            tag.param_name = param;
        }
        tag.update_time_ms = Some(now);
        tag.update_time = Some(crate::clock::format_datetime(now, crate::clock::UTC8));
    }
    reply::ok(ctx.lang)
}

/// `GET label/list?groupid&page_no&page_size` (default 100): `510001` for an unknown group.
pub(crate) async fn list_tags(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let group = params.require(&ctx, "groupid", "400004")?;
    let (page_no, page_size) = params::page(&ctx, &params, 100, None)?;
    let world = ctx.app.read();
    if world.crm.tag_group(&group).is_none() {
        return Err(ctx.fail("510001"));
    }
    let rows = world
        .crm
        .tags
        .iter()
        .filter(|t| t.groupid.as_deref() == Some(group.as_str()))
        .cloned()
        .collect();
    reply::page(ctx.lang, rows, page_no, page_size)
}

/// `GET label/remove/{id}`: deletes a tag (and takes it off customers).
pub(crate) async fn remove_tag(ctx: Ctx, Path(id): Path<String>) -> Answer {
    let mut world = ctx.app.write();
    if world.crm.tag(&id).is_none() {
        return Err(ctx.fail("510004"));
    }
    world
        .crm
        .tags
        .retain(|t| t.id.as_deref() != Some(id.trim()));
    detach(&mut world, &[id.trim().to_owned()]);
    reply::ok(ctx.lang)
}

fn tag_ref(world: &World, id: &str) -> Option<TagRef> {
    let tag = world.crm.tag(id)?;
    let color = tag
        .groupid
        .as_deref()
        .and_then(|g| world.crm.tag_group(g))
        .and_then(|g| g.color_value.clone());
    Some(TagRef {
        id: tag.id.clone(),
        name: tag.name.clone(),
        color_value: color,
    })
}

/// `POST label/userlabels ["id", ...]` (a bare array as the example; `{"ids": [...]}` is
/// accepted too): the tags of each known customer.
pub(crate) async fn customer_tags(ctx: Ctx, body: Bytes) -> Answer {
    let value = params::json_value(&ctx, &body)?;
    let ids = match value {
        Value::Array(ids) => ids,
        Value::Object(mut map) => match map.remove("ids") {
            Some(Value::Array(ids)) => ids,
            _ => return Err(ctx.invalid("ids")),
        },
        _ => return Err(ctx.invalid("ids")),
    };
    let world = ctx.app.read();
    let rows: Vec<CustomerTags> = ids
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|id| world.crm.customer(id))
        .map(|record| CustomerTags {
            userid: Some(record.id().to_owned()),
            label_set: record
                .tag_ids
                .iter()
                .filter_map(|id| tag_ref(&world, id))
                .collect(),
        })
        .collect();
    reply::items(ctx.lang, rows)
}

/// `POST label/update_userlabel/{id} [{id, name}, ...]` (bare array, or `{"list": [...]}`):
/// replaces the customer's tags. Unknown tags give `510004`.
pub(crate) async fn set_customer_tags(
    ctx: Ctx,
    Path(customer): Path<String>,
    body: Bytes,
) -> Answer {
    let value = params::json_value(&ctx, &body)?;
    let list = match value {
        Value::Array(list) => list,
        Value::Object(mut map) => match map.remove("list") {
            Some(Value::Array(list)) => list,
            _ => return Err(ctx.invalid("list")),
        },
        _ => return Err(ctx.invalid("list")),
    };
    let mut ids = Vec::new();
    for entry in &list {
        let id = entry
            .as_object()
            .and_then(|e| text(e, "id"))
            .ok_or_else(|| ctx.invalid("list[].id"))?;
        ids.push(id);
    }
    let now = now_ms();
    let mut world = ctx.app.write();
    let index = world
        .crm
        .index_of(&customer)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    if ids.iter().any(|id| world.crm.tag(id).is_none()) {
        return Err(ctx.fail("510004"));
    }
    ids.dedup();
    world.crm.customers[index].tag_ids = ids.clone();
    record_behavior(
        &mut world,
        index,
        "user_label_update",
        json!({"labels": ids}),
        now,
    );
    reply::ok(ctx.lang)
}

/// `POST label/update_biz_label {userid | unionid | external_userid, add_tag, remove_tag}`:
/// incremental. Adding a tag of a single-choice group replaces that group's other tag.
pub(crate) async fn change_tags(ctx: Ctx, body: Bytes) -> Answer {
    let body = params::json_object(&ctx, &body)?;
    let list = |key: &str| -> Vec<String> {
        body.get(key)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let add = list("add_tag");
    let remove = list("remove_tag");
    if add.is_empty() && remove.is_empty() {
        return Err(ctx.invalid("add_tag or remove_tag"));
    }
    let userid = text(&body, "userid");
    let unionid = text(&body, "unionid");
    let external = text(&body, "external_userid");
    if userid.is_none() && unionid.is_none() && external.is_none() {
        return Err(ctx.invalid("userid, unionid or external_userid"));
    }
    let now = now_ms();
    let mut world = ctx.app.write();
    let index = world.crm.customers.iter().position(|record| {
        let c = &record.customer;
        userid.as_deref() == Some(record.id())
            || unionid.as_ref().is_some_and(|u| c.wx_unionids.contains(u))
            || external.as_ref().is_some_and(|e| {
                c.external_userid.as_ref() == Some(e) || c.wx_external_userids.contains(e)
            })
    });
    let index = index.ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    if add
        .iter()
        .chain(&remove)
        .any(|id| world.crm.tag(id).is_none())
    {
        return Err(ctx.fail("510004"));
    }
    let single_group = |world: &World, id: &str| {
        let tag = world.crm.tag(id)?;
        let group = world.crm.tag_group(tag.groupid.as_deref()?)?;
        (group.is_multiple_choice == Some(0))
            .then(|| group.id.clone())
            .flatten()
    };
    let mut tags = world.crm.customers[index].tag_ids.clone();
    tags.retain(|id| !remove.contains(id));
    for id in &add {
        if let Some(group) = single_group(&world, id) {
            tags.retain(|existing| {
                world.crm.tag(existing).and_then(|t| t.groupid.clone()) != Some(group.clone())
            });
        }
        if !tags.contains(id) {
            tags.push(id.clone());
        }
    }
    world.crm.customers[index].tag_ids = tags;
    record_behavior(
        &mut world,
        index,
        "user_label_update",
        json!({"add_tag": add, "remove_tag": remove}),
        now,
    );
    reply::ok(ctx.lang)
}
