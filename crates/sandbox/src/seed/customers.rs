//! CRM customers with enterprises, tags, stages, custom fields, timelines, assignments and
//! blacklist entries.

use rand::Rng;
use rand::seq::IndexedRandom;
use serde_json::json;
use sobot::crm::{AssignmentRecord, BlacklistEntry, CustomFieldEntry, Customer, EnterpriseInput};

use super::{Volume, decode, names};
use crate::clock::{UTC8, start_of_day};
use crate::state::crm::{CrmState, CustomerRecord, Enterprise};
use crate::state::{Org, hex_id};

const COMPANIES_ZH: &[&str] = &[
    "上海云帆科技有限公司",
    "杭州星河电子商务有限公司",
    "深圳极光智能硬件有限公司",
    "北京知行教育咨询有限公司",
    "成都蓝鲸物流有限公司",
    "广州青木贸易有限公司",
];
const COMPANIES_EN: &[&str] = &[
    "Northwind Trading Pte Ltd",
    "Blue Harbor Logistics",
    "Maple Leaf Retail Inc.",
    "Sunrise Electronics Sdn Bhd",
    "Orchid Health Pte Ltd",
];
const FOLLOW_UPS: &[&str] = &[
    "电话回访，客户对新品感兴趣",
    "已发送报价单",
    "客户要求下周再联系",
    "Sent the product brochure by e-mail",
    "Customer asked for a bulk discount",
];

/// What customer generation needs from the rest of the world.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Agents (owners of followed-up customers).
    pub org: &'a Org,
    /// The company ID.
    pub company_id: &'a str,
    /// The start of the history, epoch ms.
    pub start_ms: i64,
    /// The end of the history, epoch ms.
    pub anchor_ms: i64,
    /// How many to generate.
    pub volume: Volume,
}

/// A customer with every field empty.
pub fn empty_customer() -> Customer {
    decode(json!({}))
}

/// Generates the customers into `crm` (which already holds the reference data).
pub fn generate<R: Rng>(rng: &mut R, context: &Context<'_>, crm: &mut CrmState) {
    for index in 0..context.volume.enterprises {
        let name = if index % 3 == 2 {
            COMPANIES_EN[index % COMPANIES_EN.len()].to_owned()
        } else {
            COMPANIES_ZH[index % COMPANIES_ZH.len()].to_owned()
        };
        let name = if index >= COMPANIES_ZH.len() + COMPANIES_EN.len() {
            format!("{name} {}", index + 1)
        } else {
            name
        };
        crm.enterprises.push(Enterprise {
            id: hex_id(rng),
            input: EnterpriseInput {
                enterprise_name: name,
                ..EnterpriseInput::default()
            },
        });
    }
    let span_s = (context.anchor_ms - context.start_ms) / 1000;
    let mut created: Vec<i64> = (0..context.volume.customers)
        .map(|_| context.start_ms / 1000 + rng.random_range(0..span_s.max(1)))
        .collect();
    created.sort_unstable();
    for created_s in created {
        let record = customer(rng, context, crm, created_s);
        crm.insert(record);
    }
}

fn customer<R: Rng>(
    rng: &mut R,
    context: &Context<'_>,
    crm: &mut CrmState,
    created_s: i64,
) -> CustomerRecord {
    let anchor_s = context.anchor_ms / 1000;
    let person = names::person(rng, 0.65);
    let id = hex_id(rng);
    let crm_status = match rng.random_range(0..100u8) {
        0..20 => 1,
        20..35 => 2,
        35..85 => 3,
        _ => 4,
    };
    let owner = (crm_status == 3)
        .then(|| context.org.agents.choose(rng))
        .flatten();
    let creator = context.org.agents.choose(rng);
    let updated_s = (created_s + rng.random_range(0..=(anchor_s - created_s).max(0))).min(anchor_s);
    let (country, timezone, language) = if person.chinese {
        ("101", "1", "1")
    } else {
        (
            ["102", "103", "104", "105"][rng.random_range(0..4usize)],
            ["2", "4", "5"][rng.random_range(0..3usize)],
            "2",
        )
    };
    let country = crm.countries.iter().find(|c| c.id == country).cloned();
    let timezone = crm.timezones.iter().find(|t| t.id == timezone).cloned();
    let language = crm.languages.iter().find(|l| l.id == language).cloned();
    let district = if person.chinese {
        crm.districts.choose(rng).cloned()
    } else {
        None
    };
    let city = district
        .as_ref()
        .and_then(|d| crm.cities.iter().find(|c| c.cityid == d.cityid).cloned());
    let province = city.as_ref().and_then(|c| {
        crm.provinces
            .iter()
            .find(|p| p.provinceid == c.provinceid)
            .cloned()
    });
    let enterprise = rng
        .random_bool(0.2)
        .then(|| crm.enterprises.choose(rng))
        .flatten();
    let vip = rng.random_bool(0.12);
    let mut customer: Customer = decode(json!({
        "id": id,
        "pid": context.company_id,
        "nick": person.nick,
        "uname": person.name,
        "email": person.email,
        "tel": person.phone,
        "sex": rng.random_range(0..3u8),
        "remark": "",
        "partnerid": if rng.random_bool(0.3) { format!("P{:08}", rng.random_range(0..100_000_000u32)) } else { String::new() },
        "visitorids": hex_id(rng),
        "countryid": country.as_ref().map(|c| c.id.clone()),
        "country_name": country.as_ref().map(|c| c.label(!person.chinese)),
        "proviceid": province.as_ref().and_then(|p| p.provinceid.clone()),
        "provice_name": province.as_ref().and_then(|p| p.province_name.clone()),
        "cityid": city.as_ref().and_then(|c| c.cityid.clone()),
        "city_name": city.as_ref().and_then(|c| c.city_name.clone()),
        "areaid": district.as_ref().and_then(|d| d.areaid.clone()),
        "area_name": district.as_ref().and_then(|d| d.area_name.clone()),
        "enterpriseid": enterprise.map(|e| e.id.clone()),
        "enterprise_name": enterprise.map(|e| e.input.enterprise_name.clone()),
        "is_vip": if vip { "1" } else { "0" },
        "vip_level": if vip { rng.random_range(1..4u8).to_string() } else { "0".into() },
        "status": 8,
        "crm_status": crm_status,
        "liable_serviceid": owner.map(|a| a.id.clone()),
        "liable_service_name": owner.map(|a| a.name.clone()),
        "create_serviceid": creator.map(|a| a.id.clone()),
        "create_service_name": creator.map(|a| a.name.clone()),
        "update_user_id": creator.map(|a| a.id.clone()),
        "update_user_name": creator.map(|a| a.name.clone()),
        "user_label": "",
        "source": rng.random_range(0..15u8),
        "create_type": if rng.random_bool(0.8) { 1 } else { rng.random_range(2..8u8) },
        "development_mode": 1,
        "create_time": created_s,
        "create_date": start_of_day(created_s * 1000, UTC8) / 1000,
        "update_time": updated_s,
        "timezoneid": timezone.as_ref().map(|t| t.code.clone()),
        "timezone_value": timezone.as_ref().map(|t| t.label(!person.chinese)),
        "language": language.as_ref().map(|l| l.code.clone()),
        "language_value": language.as_ref().map(|l| l.label(!person.chinese)),
    }));
    if customer.partnerid.as_deref() == Some("") {
        customer.partnerid = None;
    }
    let tag_count = rng.random_range(0..4usize);
    let mut tag_ids: Vec<String> = Vec::new();
    for _ in 0..tag_count {
        if let Some(tag) = crm.tags.choose(rng).and_then(|t| t.id.clone())
            && !tag_ids.contains(&tag)
        {
            tag_ids.push(tag);
        }
    }
    let stage = (crm_status == 3 && rng.random_bool(0.7))
        .then(|| crm.stages.choose(rng))
        .flatten()
        .cloned();
    let mut fields = Vec::new();
    if rng.random_bool(0.4) {
        fields.push(CustomFieldEntry {
            fieldid: crm.customer_fields.first().and_then(|f| f.field_id.clone()),
            field_value: Some(format!("M{:06}", rng.random_range(0..1_000_000u32))),
            field_text: None,
            field_type: Some("1".into()),
            field_params: None,
            data_params: None,
        });
    }
    if let Some(industry) = crm.customer_fields.get(1)
        && rng.random_bool(0.5)
        && let Some(option) = industry.cus_field_data_info_list.choose(rng)
    {
        fields.push(CustomFieldEntry {
            fieldid: industry.field_id.clone(),
            field_value: option.data_value.clone(),
            field_text: option.data_name.clone(),
            field_type: Some("6".into()),
            field_params: None,
            data_params: option.data_params.clone(),
        });
    }
    let operator = creator
        .map(|a| (a.id.clone(), a.name.clone()))
        .unwrap_or_default();
    let mut behaviors = vec![decode(json!({
        "id": hex_id(rng),
        "userid": id,
        "biz_type": "user_create",
        "biz_time": created_s * 1000,
        "biz_content": {"bizOperatorType": 1, "bizOperatorTypeName": "客服", "bizOperatorId": operator.0, "bizOperatorName": operator.1, "datas": []},
        "create_time": created_s * 1000,
    }))];
    if let Some(stage) = &stage {
        let at = (created_s + rng.random_range(0..=(updated_s - created_s).max(0))) * 1000;
        behaviors.push(decode(json!({
            "id": hex_id(rng),
            "userid": id,
            "biz_type": "user_stage_update",
            "biz_time": at,
            "biz_content": {"stageType": "1", "stageTypeName": "跟进过程", "stageId": stage.id, "stageName": stage.name, "oldStageName": "", "remark": "", "bizOperatorId": operator.0, "bizOperatorName": operator.1},
            "create_time": at,
        })));
    }
    for _ in 0..rng.random_range(0..3u8) {
        let at = (created_s + rng.random_range(0..=(updated_s - created_s).max(0))) * 1000;
        behaviors.push(decode(json!({
            "id": hex_id(rng),
            "userid": id,
            "biz_type": "user_follow_record",
            "biz_time": at,
            "biz_content": {"content": FOLLOW_UPS.choose(rng).copied().unwrap_or_default(), "bizOperatorId": operator.0, "bizOperatorName": operator.1},
            "create_time": at,
        })));
    }
    behaviors.sort_by_key(|b: &sobot::crm::CustomerBehavior| b.biz_time);
    if let Some(owner) = owner {
        let assigned =
            created_s + rng.random_range(0..=(updated_s - created_s).clamp(0, 86_400 * 3));
        crm.assignments.push((
            owner.id.clone(),
            AssignmentRecord {
                assign_time: Some(assigned),
                userid: Some(id.clone()),
                companyid: Some(context.company_id.to_owned()),
                nick: customer.nick.clone(),
            },
        ));
    }
    if rng.random_bool(0.04) {
        let (kind, hours) =
            [(-1i64, 24_000i64), (24, 24), (48, 48), (72, 72)][rng.random_range(0..4usize)];
        let black_time =
            (created_s + rng.random_range(0..=(anchor_s - created_s).max(0))).min(anchor_s);
        let end = black_time + hours * 3600;
        let reason = ["辱骂客服", "Spam messages", "恶意刷单", "Abusive language"]
            [rng.random_range(0..4usize)];
        crm.blacklist.push(decode::<BlacklistEntry>(json!({
            "user_id": id,
            "nick": customer.nick,
            "black_type": kind,
            "black_reason": reason,
            "black_time": black_time,
            "black_end_time": end,
            "is_black": i64::from(end > anchor_s),
            "user_status": i64::from(end > anchor_s),
        })));
    }
    CustomerRecord {
        customer,
        tag_ids,
        stage_id: stage.and_then(|s| s.id),
        fields,
        behaviors,
    }
}
