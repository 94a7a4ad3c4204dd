//! The CRM's reference data: countries, time zones, languages, regions, custom fields, VIP
//! levels, sources, follow-up stages, multilingual content, tag groups and tags.

use rand::Rng;
use serde_json::json;
use sobot::crm::{
    City, CrmCustomField, CustomerSourceEntry, District, FollowUpStage, MultilingualContent,
    Province, Tag, TagGroup, VipLevel,
};

use super::decode;
use crate::clock::format_datetime;
use crate::state::crm::{Bilingual, CrmState};
use crate::state::hex_id;

fn bilingual(id: &str, code: &str, zh: &str, en: &str) -> Bilingual {
    Bilingual {
        id: id.into(),
        code: code.into(),
        zh: zh.into(),
        en: en.into(),
    }
}

/// Fills the CRM's reference data into `crm`; `now_ms` stamps tags and content.
pub fn generate<R: Rng>(rng: &mut R, company_id: &str, now_ms: i64, crm: &mut CrmState) {
    crm.countries = vec![
        bilingual("101", "101", "中国", "China"),
        bilingual("102", "102", "新加坡", "Singapore"),
        bilingual("103", "103", "美国", "United States"),
        bilingual("104", "104", "英国", "United Kingdom"),
        bilingual("105", "105", "马来西亚", "Malaysia"),
        bilingual("106", "106", "日本", "Japan"),
    ];
    crm.timezones = vec![
        bilingual("1", "Asia/Shanghai", "GMT+08:00 北京", "GMT+08:00 Beijing"),
        bilingual(
            "2",
            "Asia/Singapore",
            "GMT+08:00 新加坡",
            "GMT+08:00 Singapore",
        ),
        bilingual("3", "Asia/Tokyo", "GMT+09:00 东京", "GMT+09:00 Tokyo"),
        bilingual("4", "Europe/London", "GMT+00:00 伦敦", "GMT+00:00 London"),
        bilingual(
            "5",
            "America/New_York",
            "GMT-05:00 纽约",
            "GMT-05:00 New York",
        ),
        bilingual(
            "6",
            "US/Samoa",
            "GMT-11:00 美属萨摩亚",
            "GMT-11:00 American Samoa",
        ),
    ];
    crm.languages = vec![
        bilingual("1", "zh", "简体中文", "Simplified Chinese"),
        bilingual("2", "en", "英语", "English"),
        bilingual("3", "ja", "日语", "Japanese"),
        bilingual("4", "ms", "马来语", "Malay"),
    ];
    regions(crm);
    crm.customer_fields = vec![
        field(
            rng,
            "会员卡号 Membership card",
            "customField1",
            1,
            &[],
            None,
        ),
        field(
            rng,
            "行业 Industry",
            "customField2",
            6,
            &[
                "零售 Retail",
                "制造 Manufacturing",
                "教育 Education",
                "金融 Finance",
            ],
            None,
        ),
        field(
            rng,
            "兴趣 Interests",
            "customField3",
            7,
            &["数码 Digital", "运动 Sports", "旅行 Travel"],
            None,
        ),
        field(rng, "生日 Birthday", "customField4", 3, &[], None),
    ];
    crm.enterprise_fields = vec![
        field(
            rng,
            "规模 Headcount",
            "customField11",
            5,
            &[],
            Some("headcount"),
        ),
        field(
            rng,
            "客户等级 Account tier",
            "customField12",
            6,
            &["A", "B", "C"],
            Some("tier"),
        ),
    ];
    crm.vip_levels = ["普通 Regular", "银卡 Silver", "金卡 Gold", "钻石 Diamond"]
        .iter()
        .enumerate()
        .map(|(index, name)| VipLevel {
            data_value: Some(index.to_string()),
            data_name: Some((*name).into()),
        })
        .collect();
    crm.sources = [
        "desktop website",
        "WeChat official account",
        "APP",
        "micro-blog",
        "mobile website",
        "Melting cloud",
        "call center",
        "work order center",
        "customer center",
        "Enterprise WeChat",
        "WeChat applet",
        "mail",
        "Baidu marketing",
        "headline",
        "360",
    ]
    .iter()
    .enumerate()
    .map(|(value, label)| {
        decode::<CustomerSourceEntry>(json!({"label": label, "value": value.to_string()}))
    })
    .collect();
    crm.stages = [
        "初步接触 Initial contact",
        "需求确认 Needs confirmed",
        "方案报价 Quotation",
        "商务谈判 Negotiation",
        "赢单 Deal closing",
    ]
    .iter()
    .enumerate()
    .map(|(index, name)| FollowUpStage {
        id: Some(hex_id(rng)),
        name: Some((*name).into()),
        sortnum: Some(i64::try_from(index).unwrap_or_default() + 1),
    })
    .collect();
    crm.placeholders = [
        ("{dc_ticket_001}", "工单状态说明", "Ticket status note", "<p>处理中</p>", "<p>In progress</p>"),
        ("{dc_welcome}", "欢迎语", "Welcome", "<p>您好，欢迎咨询！</p>", "<p>Hello, how can we help?</p>"),
    ]
    .iter()
    .map(|(placeholder, zh_name, _en_name, zh, en)| {
        decode::<MultilingualContent>(json!({
            "companyid": company_id,
            "catalogid": hex_id(rng),
            "placeholderid": hex_id(rng),
            "name": zh_name,
            "placeholder": placeholder,
            "default_value": zh,
            "create_time": now_ms,
            "update_time": now_ms,
            "status": 1,
            "lang_list": [{"lang_type": "zh", "lang_value": zh}, {"lang_type": "en", "lang_value": en}],
        }))
    })
    .collect();
    tags(rng, company_id, now_ms, crm);
}

fn field<R: Rng>(
    rng: &mut R,
    name: &str,
    variable: &str,
    kind: u8,
    options: &[&str],
    params: Option<&str>,
) -> CrmCustomField {
    let field_id = hex_id(rng);
    let options: Vec<serde_json::Value> = options
        .iter()
        .enumerate()
        .map(|(index, label)| {
            json!({
                "data_id": hex_id(rng),
                "data_value": rng.random_range(600_000_000_000_000u64..700_000_000_000_000).to_string(),
                "data_name": label,
                "data_params": format!("option{}", index + 1),
                "field_id": params.map(|_| field_id.clone()),
                "field_variable": params.map(|_| variable),
            })
        })
        .collect();
    decode(json!({
        "field_id": field_id,
        "field_name": name,
        "field_variable": variable,
        "field_type": kind,
        "fill_flag": 0,
        "field_status": 1,
        "field_remark": "",
        "operate_type": if params.is_some() { 2 } else { 1 },
        "field_params": params,
        "cus_field_data_info_list": if options.is_empty() { serde_json::Value::Null } else { json!(options) },
    }))
}

/// `(id, name)` of a district.
type DistrictSpec = (&'static str, &'static str);
/// `(id, name, districts)` of a city.
type CitySpec = (&'static str, &'static str, &'static [DistrictSpec]);
/// `(id, name, cities)` of a province.
type ProvinceSpec = (&'static str, &'static str, &'static [CitySpec]);

fn regions(crm: &mut CrmState) {
    let provinces: &[ProvinceSpec] = &[
        (
            "110000",
            "北京市",
            &[(
                "110100",
                "北京市",
                &[
                    ("110101", "东城区"),
                    ("110105", "朝阳区"),
                    ("110108", "海淀区"),
                ],
            )],
        ),
        (
            "310000",
            "上海市",
            &[(
                "310100",
                "上海市",
                &[("310104", "徐汇区"), ("310115", "浦东新区")],
            )],
        ),
        (
            "440000",
            "广东省",
            &[
                (
                    "440100",
                    "广州市",
                    &[("440106", "天河区"), ("440104", "越秀区")],
                ),
                (
                    "440300",
                    "深圳市",
                    &[("440305", "南山区"), ("440304", "福田区")],
                ),
            ],
        ),
        (
            "330000",
            "浙江省",
            &[(
                "330100",
                "杭州市",
                &[("330106", "西湖区"), ("330108", "滨江区")],
            )],
        ),
        (
            "510000",
            "四川省",
            &[(
                "510100",
                "成都市",
                &[("510107", "武侯区"), ("510104", "锦江区")],
            )],
        ),
    ];
    for (province_id, province_name, cities) in provinces {
        crm.provinces.push(Province {
            provinceid: Some((*province_id).into()),
            province_name: Some((*province_name).into()),
        });
        for (city_id, city_name, districts) in cities.iter() {
            crm.cities.push(City {
                provinceid: Some((*province_id).into()),
                cityid: Some((*city_id).into()),
                city_name: Some((*city_name).into()),
            });
            for (area_id, area_name) in districts.iter() {
                crm.districts.push(District {
                    cityid: Some((*city_id).into()),
                    areaid: Some((*area_id).into()),
                    area_name: Some((*area_name).into()),
                });
            }
        }
    }
}

/// A tag group as the list returns it.
pub fn tag_group(id: String, name: &str, color: &str, multiple: bool, now_ms: i64) -> TagGroup {
    let text = format_datetime(now_ms, crate::clock::UTC8);
    TagGroup {
        bizid: Some(id.clone()),
        id: Some(id),
        name: Some(name.into()),
        color_value: Some(color.into()),
        is_multiple_choice: Some(i64::from(multiple)),
        kind: Some(sobot::crm::TagGroupKind::Customer),
        status: Some(1),
        create_time: Some(text.clone()),
        update_time: Some(text),
        create_time_ms: Some(now_ms),
        update_time_ms: Some(now_ms),
    }
}

/// A tag as the list returns it.
pub fn tag(id: String, groupid: &str, name: &str, param_name: Option<String>, now_ms: i64) -> Tag {
    let text = format_datetime(now_ms, crate::clock::UTC8);
    Tag {
        bizid: Some(id.clone()),
        id: Some(id),
        groupid: Some(groupid.into()),
        name: Some(name.into()),
        param_name,
        status: Some(1),
        create_time: Some(text.clone()),
        update_time: Some(text),
        create_time_ms: Some(now_ms),
        update_time_ms: Some(now_ms),
    }
}

fn tags<R: Rng>(rng: &mut R, _company_id: &str, now_ms: i64, crm: &mut CrmState) {
    let groups: &[(&str, &str, bool, &[&str])] = &[
        (
            "客户类型 Customer type",
            "#345454",
            false,
            &["VIP客户 VIP", "潜在客户 Prospect", "老客户 Returning"],
        ),
        (
            "兴趣 Interests",
            "#2f7ed8",
            true,
            &["数码 Gadgets", "户外 Outdoor", "美妆 Beauty", "母婴 Baby"],
        ),
        (
            "渠道 Channel",
            "#e4a11b",
            true,
            &["直播 Live stream", "门店 Store", "海外 Overseas"],
        ),
    ];
    for (name, color, multiple, labels) in groups {
        let group_id = hex_id(rng);
        crm.tag_groups
            .push(tag_group(group_id.clone(), name, color, *multiple, now_ms));
        for (index, label) in labels.iter().enumerate() {
            let id = hex_id(rng);
            let param = format!("tag_{}_{}", crm.tag_groups.len(), index + 1);
            crm.tags
                .push(tag(id, &group_id, label, Some(param), now_ms));
        }
    }
}
