//! CRM customers and enterprises (sobot-crm.md §7.3): upsert, edit, list, detail, timeline,
//! enterprise create.

use axum::Json;
use axum::extract::{Path, RawQuery};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Map, Value, json};
use sobot::crm::{
    CrmStatus, CustomFieldEntry, Customer, CustomerBehavior, CustomerInput, CustomerSaveEnvelope,
    EnterpriseInput, SavedCustomerData, UpsertAction,
};

use super::auth::Ctx;
use super::params::{self, Params, require};
use super::reply::{self, Answer};
use crate::clock::{UTC8, now_ms, start_of_day};
use crate::seed::customers::empty_customer;
use crate::state::World;
use crate::state::crm::{CrmState, CustomerRecord, Enterprise};

/// The longest nickname and real name (002:815-816).
const MAX_NAME: usize = 50;

/// The timeline group of an event code (`biz_type` filter of the behaviour list).
pub(crate) fn group_of(biz_type: &str) -> &'static str {
    match biz_type {
        "user_follow_record" => "groupService",
        "user_stage_update" | "user_assign" | "user_recycle" | "user_black" | "user_unblack"
        | "user_update" => "groupUser",
        _ => "groupOther",
    }
}

/// Appends an event to a customer's timeline.
pub(crate) fn record_behavior(
    world: &mut World,
    index: usize,
    biz_type: &str,
    content: Value,
    at_ms: i64,
) {
    let id = world.new_id();
    if let Some(record) = world.crm.customers.get_mut(index) {
        let userid = record.id().to_owned();
        record.behaviors.push(CustomerBehavior {
            id: Some(id),
            userid: Some(userid),
            biz_type: Some(biz_type.to_owned()),
            biz_time: Some(at_ms),
            biz_content: Some(content),
            create_time: Some(at_ms),
        });
        record.customer.update_time = Some(at_ms / 1000);
    }
}

/// Decodes `ex_field_str` (a JSON array in a string) and checks the fields exist (`400004`).
fn custom_fields(ctx: &Ctx, crm: &CrmState, text: &str) -> Result<Vec<CustomFieldEntry>, Response> {
    let entries: Vec<Map<String, Value>> = serde_json::from_str(text)
        .map_err(|_| ctx.invalid("ex_field_str must be a JSON array in a string"))?;
    let mut fields = Vec::new();
    for entry in entries {
        let value = require(ctx, &entry, "field_value", "400004")?;
        let by_id = params::text(&entry, "fieldid");
        let by_params = params::text(&entry, "field_params");
        let field = crm.customer_fields.iter().find(|field| {
            (by_id.is_some() && field.field_id == by_id)
                || (by_params.is_some() && field.field_params == by_params)
        });
        let Some(field) = field else {
            return Err(ctx.invalid("ex_field_str names an unknown field"));
        };
        let labels: Vec<String> = value
            .split(',')
            .filter_map(|code| {
                field
                    .cus_field_data_info_list
                    .iter()
                    .find(|o| o.data_value.as_deref() == Some(code.trim()))
                    .and_then(|o| o.data_name.clone())
            })
            .collect();
        fields.push(CustomFieldEntry {
            fieldid: field.field_id.clone(),
            field_value: Some(value),
            field_text: (!labels.is_empty()).then(|| labels.join(",")),
            field_type: field.field_type.as_ref().map(|t| t.code().to_owned()),
            field_params: field.field_params.clone(),
            data_params: None,
        });
    }
    Ok(fields)
}

fn check_names(ctx: &Ctx, input: &CustomerInput) -> Result<(), Response> {
    if input.nick.trim().is_empty() {
        return Err(ctx.invalid("nick"));
    }
    if input.nick.chars().count() > MAX_NAME {
        return Err(ctx.invalid("nick is longer than 50 characters"));
    }
    if input
        .uname
        .as_deref()
        .is_some_and(|n| n.chars().count() > MAX_NAME)
    {
        return Err(ctx.invalid("uname is longer than 50 characters"));
    }
    Ok(())
}

/// Copies the fields `input` sends onto `customer` (fields left out are kept).
fn apply(customer: &mut Customer, input: &CustomerInput, world: &World) {
    fn set(target: &mut Option<String>, value: &Option<String>) {
        if let Some(value) = value {
            *target = Some(value.clone());
        }
    }
    customer.nick = Some(input.nick.trim().to_owned());
    set(&mut customer.uname, &input.uname);
    set(&mut customer.email, &input.email);
    set(&mut customer.tel, &input.tel);
    set(&mut customer.qq, &input.qq);
    set(&mut customer.wx, &input.wx);
    set(&mut customer.partnerid, &input.partnerid);
    set(&mut customer.remark, &input.remark);
    set(&mut customer.countryid, &input.countryid);
    set(&mut customer.proviceid, &input.proviceid);
    set(&mut customer.provice_name, &input.provice_name);
    set(&mut customer.cityid, &input.cityid);
    set(&mut customer.city_name, &input.city_name);
    set(&mut customer.areaid, &input.areaid);
    set(&mut customer.area_name, &input.area_name);
    set(&mut customer.enterpriseid, &input.enterpriseid);
    set(&mut customer.enterprise_name, &input.enterprise_name);
    set(&mut customer.is_vip, &input.is_vip);
    set(&mut customer.vip_level, &input.vip_level);
    set(&mut customer.wx_build_unionid, &input.wx_build_unionid);
    set(&mut customer.visitorids, &input.visitorids);
    set(&mut customer.timezoneid, &input.timezoneid);
    set(&mut customer.language, &input.language);
    if let Some(sex) = &input.sex {
        customer.sex = Some(sex.clone());
    }
    let crm = &world.crm;
    if let Some(id) = &input.proviceid
        && input.provice_name.is_none()
    {
        customer.provice_name = crm
            .provinces
            .iter()
            .find(|p| p.provinceid.as_deref() == Some(id))
            .and_then(|p| p.province_name.clone());
    }
    if let Some(id) = &input.cityid
        && input.city_name.is_none()
    {
        customer.city_name = crm
            .cities
            .iter()
            .find(|c| c.cityid.as_deref() == Some(id))
            .and_then(|c| c.city_name.clone());
    }
    if let Some(id) = &input.areaid
        && input.area_name.is_none()
    {
        customer.area_name = crm
            .districts
            .iter()
            .find(|d| d.areaid.as_deref() == Some(id))
            .and_then(|d| d.area_name.clone());
    }
    if let Some(id) = &input.enterpriseid
        && input.enterprise_name.is_none()
    {
        customer.enterprise_name = crm
            .enterprises
            .iter()
            .find(|e| &e.id == id)
            .map(|e| e.input.enterprise_name.clone());
    }
    if let Some(id) = &input.countryid {
        customer.country_name = crm
            .countries
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.label(true));
    }
    if let Some(zone) = &input.timezoneid {
        customer.timezone_value = crm
            .timezones
            .iter()
            .find(|t| &t.code == zone)
            .map(|t| t.label(true));
    }
    if let Some(code) = &input.language {
        customer.language_value = crm
            .languages
            .iter()
            .find(|l| &l.code == code)
            .map(|l| l.label(true));
    }
    let lists: [(&mut Vec<String>, &Vec<String>); 9] = [
        (
            &mut customer.wx_external_userids,
            &input.wx_external_userids,
        ),
        (&mut customer.wx_unionids, &input.wx_unionids),
        (&mut customer.wx_openids, &input.wx_openids),
        (&mut customer.whatsappids, &input.whatsappids),
        (&mut customer.facebookids, &input.facebookids),
        (&mut customer.instagramids, &input.instagramids),
        (&mut customer.lineids, &input.lineids),
        (&mut customer.telegramids, &input.telegramids),
        (&mut customer.discordids, &input.discordids),
    ];
    for (target, value) in lists {
        if !value.is_empty() {
            target.clone_from(value);
        }
    }
}

/// `POST user/save`: an upsert. A customer with the same phone (else e-mail) is updated
/// (`action: "update"`, its `crm_status` and owner kept); otherwise one is added.
pub(crate) async fn save(ctx: Ctx, body: Bytes) -> Answer {
    let object = params::json_object(&ctx, &body)?;
    require(&ctx, &object, "nick", "400004")?;
    let status = require(&ctx, &object, "crm_status", "400004")?;
    if !matches!(status.as_str(), "1" | "2" | "3" | "4") {
        return Err(ctx.invalid("crm_status must be 1-4"));
    }
    let input: CustomerInput = params::decode(&ctx, Value::Object(object))?;
    check_names(&ctx, &input)?;
    let now = now_ms();
    let mut guard = ctx.app.write();
    let world = &mut *guard;
    let owner = match (&input.crm_status, &input.liable_serviceid) {
        (Some(CrmStatus::FollowingUp), None) => {
            return Err(ctx.invalid("liable_serviceid is required when crm_status is 3"));
        }
        (_, Some(id)) => Some(
            world
                .org
                .agent(id)
                .map(|a| (a.id.clone(), a.name.clone()))
                .ok_or_else(|| ctx.invalid("liable_serviceid is not an agent"))?,
        ),
        _ => None,
    };
    let fields = match input.ex_field_str.as_deref() {
        Some(text) if !text.trim().is_empty() => Some(custom_fields(&ctx, &world.crm, text)?),
        _ => None,
    };
    let matched = world
        .crm
        .find_match(input.tel.as_deref(), input.email.as_deref());
    let (index, action) = match matched {
        Some(index) => {
            let mut customer = world.crm.customers[index].customer.clone();
            apply(&mut customer, &input, world);
            customer.update_time = Some(now / 1000);
            let record = &mut world.crm.customers[index];
            record.customer = customer;
            if let Some(fields) = fields {
                record.fields = fields;
            }
            record_behavior(world, index, "user_update", json!({"datas": []}), now);
            (index, UpsertAction::Updated)
        }
        None => {
            let id = world.new_id();
            let mut customer = empty_customer();
            customer.id = Some(id);
            customer.pid = Some(world.company_id.clone());
            apply(&mut customer, &input, world);
            customer.status = Some(8);
            customer.crm_status = input.crm_status.clone();
            if let Some((agent_id, agent_name)) = &owner {
                customer.liable_serviceid = Some(agent_id.clone());
                customer.liable_service_name = Some(agent_name.clone());
            }
            customer.source = Some(sobot::crm::CustomerSource::CustomerCenter);
            customer.create_type = Some(sobot::crm::CreateType::Agent);
            customer.create_time = Some(now / 1000);
            customer.create_date = Some(start_of_day(now, UTC8) / 1000);
            customer.update_time = Some(now / 1000);
            let index = world.crm.insert(CustomerRecord {
                customer,
                tag_ids: Vec::new(),
                stage_id: None,
                fields: fields.unwrap_or_default(),
                behaviors: Vec::new(),
            });
            record_behavior(world, index, "user_create", json!({"datas": []}), now);
            (index, UpsertAction::Added)
        }
    };
    let userid = world.crm.customers[index].id().to_owned();
    Ok(Json(CustomerSaveEnvelope {
        ret_code: "000000".into(),
        ret_msg: Some(reply::success_message(ctx.lang).into()),
        data: Some(SavedCustomerData { userid }),
        action: Some(action),
    })
    .into_response())
}

/// `POST user/update/{id}`: edits a customer. `nick` is required; fields left out are kept;
/// `crm_status` is ignored (assignment and recycling change it); custom fields are overwritten
/// (`upset_ex_field_str` 0, the default) or upserted (1).
pub(crate) async fn update(ctx: Ctx, Path(id): Path<String>, body: Bytes) -> Answer {
    let object = params::json_object(&ctx, &body)?;
    require(&ctx, &object, "nick", "400004")?;
    let input: CustomerInput = params::decode(&ctx, Value::Object(object))?;
    check_names(&ctx, &input)?;
    let now = now_ms();
    let mut guard = ctx.app.write();
    let world = &mut *guard;
    let index = world
        .crm
        .index_of(&id)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    let fields = match input.ex_field_str.as_deref() {
        Some(text) if !text.trim().is_empty() => Some(custom_fields(&ctx, &world.crm, text)?),
        _ => None,
    };
    let mut customer = world.crm.customers[index].customer.clone();
    apply(&mut customer, &input, world);
    customer.update_time = Some(now / 1000);
    let record = &mut world.crm.customers[index];
    record.customer = customer;
    if let Some(fields) = fields {
        if input.upset_ex_field_str == Some(1) {
            for field in fields {
                record.fields.retain(|f| f.fieldid != field.fieldid);
                record.fields.push(field);
            }
        } else {
            record.fields = fields;
        }
    }
    record_behavior(world, index, "user_update", json!({"datas": []}), now);
    reply::ok(ctx.lang)
}

/// `POST enterprise/save`: creates an enterprise; answers its ID as `item`.
pub(crate) async fn create_enterprise(ctx: Ctx, body: Bytes) -> Answer {
    let object = params::json_object(&ctx, &body)?;
    require(&ctx, &object, "enterprise_name", "400004")?;
    let input: EnterpriseInput = params::decode(&ctx, Value::Object(object))?;
    let mut world = ctx.app.write();
    let id = world.new_id();
    world.crm.enterprises.push(Enterprise {
        id: id.clone(),
        input,
    });
    reply::item(ctx.lang, id)
}

fn contains(field: &Option<String>, wanted: &str) -> bool {
    field
        .as_deref()
        .is_some_and(|value| value.to_lowercase().contains(&wanted.to_lowercase()))
}

/// `GET user/list_by_page`: customers newest first, filtered; `page_size` defaults to 15 (no
/// maximum is documented).
pub(crate) async fn list(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let (page_no, page_size) = params::page(&ctx, &params, 15, None)?;
    let range = |start: &str, end: &str| -> Result<(i64, i64), Response> {
        Ok((
            params.int(&ctx, start)?.unwrap_or(i64::MIN),
            params.int(&ctx, end)?.unwrap_or(i64::MAX),
        ))
    };
    let created = range("create_start_time", "create_end_time")?;
    let updated = range("update_start_time", "update_end_time")?;
    let search = params.text("search_value");
    let search_type = params.text("search_type");
    let labels: Vec<String> = params
        .get("user_label")
        .map(|l| {
            l.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let now_s = now_ms() / 1000;
    let world = ctx.app.read();
    let crm = &world.crm;
    let mut rows: Vec<usize> = crm
        .customers
        .iter()
        .enumerate()
        .filter(|(_, record)| {
            let c = &record.customer;
            let created_at = c.create_time.unwrap_or(0);
            let updated_at = c.update_time.unwrap_or(0);
            let blacklisted = crm.active_blacklisting(record.id(), now_s).is_some();
            let view = match params.get("module_type") {
                None | Some("1") => true,
                Some("2") => c.crm_status == Some(CrmStatus::FirstInquiry),
                Some("3") => c.crm_status == Some(CrmStatus::ToBeAssigned),
                Some("4") | Some("6") => c.crm_status == Some(CrmStatus::FollowingUp),
                Some("5") => c.crm_status == Some(CrmStatus::Pool),
                Some(_) => true,
            };
            let searched = match (&search, search_type.as_deref()) {
                (None, _) => true,
                (Some(s), Some("1" | "nick")) => contains(&c.nick, s),
                (Some(s), Some("2" | "uname")) => contains(&c.uname, s),
                (Some(s), Some("3" | "company")) => contains(&c.enterprise_name, s),
                (Some(s), Some("4" | "tel")) => contains(&c.tel, s),
                (Some(s), Some("5" | "email")) => contains(&c.email, s),
                (Some(s), _) => {
                    contains(&c.nick, s)
                        || contains(&c.uname, s)
                        || contains(&c.tel, s)
                        || contains(&c.email, s)
                }
            };
            view && searched
                && (created.0..=created.1).contains(&created_at)
                && (updated.0..=updated.1).contains(&updated_at)
                && params
                    .get("stageid")
                    .is_none_or(|s| record.stage_id.as_deref() == Some(s))
                && labels.iter().all(|l| record.tag_ids.contains(l))
                && params
                    .get("isblack")
                    .is_none_or(|b| (b == "1") == blacklisted)
                && params
                    .get("liable_serviceid")
                    .is_none_or(|a| c.liable_serviceid.as_deref() == Some(a))
                && params.get("external_userid").is_none_or(|e| {
                    c.external_userid.as_deref() == Some(e)
                        || c.wx_external_userids.iter().any(|x| x == e)
                })
                && params
                    .get("wx_build_unionId")
                    .is_none_or(|u| c.wx_build_unionid.as_deref() == Some(u))
        })
        .map(|(index, _)| index)
        .collect();
    rows.sort_by_key(|&index| {
        std::cmp::Reverse((
            crm.customers[index].customer.create_time.unwrap_or(0),
            index,
        ))
    });
    let total = rows.len();
    let items: Vec<Customer> = rows
        .into_iter()
        .skip((page_no - 1).saturating_mul(page_size))
        .take(page_size)
        .filter_map(|index| crm.render(index, now_s))
        .collect();
    Ok(Json(reply::paged(ctx.lang, items, page_no, page_size, total)).into_response())
}

/// `POST user/detail {id}`: one customer (`400004` when unknown).
pub(crate) async fn detail(ctx: Ctx, body: Bytes) -> Answer {
    let object = params::json_object(&ctx, &body)?;
    let id = require(&ctx, &object, "id", "400004")?;
    let world = ctx.app.read();
    let index = world
        .crm
        .index_of(&id)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    let customer = world
        .crm
        .render(index, now_ms() / 1000)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    reply::item(ctx.lang, customer)
}

/// `GET user_dynamic/list_by_page?userid&biz_type&page_no&page_size`: the timeline, newest
/// first; `biz_type` is `groupService`, `groupUser` or `groupOther` (others list everything).
pub(crate) async fn behavior(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let userid = params.require(&ctx, "userid", "400004")?;
    let (page_no, page_size) = params::page(&ctx, &params, 100, None)?;
    let world = ctx.app.read();
    let record = world
        .crm
        .customer(&userid)
        .ok_or_else(|| ctx.invalid("the customer does not exist"))?;
    let group = params
        .get("biz_type")
        .filter(|g| matches!(*g, "groupService" | "groupUser" | "groupOther"));
    let rows: Vec<CustomerBehavior> = record
        .behaviors
        .iter()
        .rev()
        .filter(|b| group.is_none_or(|g| b.biz_type.as_deref().map(group_of) == Some(g)))
        .cloned()
        .collect();
    reply::page(ctx.lang, rows, page_no, page_size)
}
