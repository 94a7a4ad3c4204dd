//! Ticket reference data: time zones, the data dictionary, custom fields, regions, template
//! fields, statuses.

use axum::extract::RawQuery;
use serde_json::json;
use sobot::ticket::{AgentRef, DataDictionary, DictEntry, GroupRef, TicketLevel, TicketStatus};

use super::auth::Ctx;
use super::params::Params;
use super::reply::{self, Answer};

/// `(timezoneId, offset hours, "+hh:mm", English label, Chinese label)`.
const ZONES: &[(&str, f64, &str, &str, &str)] = &[
    ("Pacific/Honolulu", -10.0, "-10:00", "Hawaii", "夏威夷"),
    (
        "America/Los_Angeles",
        -8.0,
        "-08:00",
        "Pacific Time (US & Canada)",
        "太平洋时间（美国和加拿大）",
    ),
    (
        "America/Chicago",
        -6.0,
        "-06:00",
        "Central America",
        "中美洲",
    ),
    (
        "America/New_York",
        -5.0,
        "-05:00",
        "Eastern Time (US & Canada)",
        "东部时间（美国和加拿大）",
    ),
    ("America/Caracas", -4.0, "-04:00", "Caracas", "加拉加斯"),
    ("Europe/London", 0.0, "+00:00", "London", "伦敦"),
    ("Europe/Paris", 1.0, "+01:00", "Paris", "巴黎"),
    (
        "Asia/Dubai",
        4.0,
        "+04:00",
        "Abu Dhabi, Muscat",
        "阿布扎比，马斯喀特",
    ),
    (
        "Asia/Kolkata",
        5.5,
        "+05:30",
        "Chennai, Kolkata, Mumbai, New Delhi",
        "钦奈，加尔各答，孟买，新德里",
    ),
    (
        "Asia/Bangkok",
        7.0,
        "+07:00",
        "Bangkok, Hanoi, Jakarta",
        "曼谷，河内，雅加达",
    ),
    (
        "Asia/Shanghai",
        8.0,
        "+08:00",
        "Beijing, Chongqing, Hong Kong, Urumqi",
        "北京，重庆，香港特别行政区，乌鲁木齐",
    ),
    ("Asia/Singapore", 8.0, "+08:00", "Singapore", "新加坡"),
    (
        "Asia/Tokyo",
        9.0,
        "+09:00",
        "Osaka, Sapporo, Tokyo",
        "大阪，札幌，东京",
    ),
    (
        "Australia/Sydney",
        10.0,
        "+10:00",
        "Canberra, Melbourne, Sydney",
        "堪培拉，墨尔本，悉尼",
    ),
];

/// `GET get_timezone`: the documented deviation is kept — `retCode`/`retMsg` keys and an
/// `item` that is an array (I-3).
pub(crate) async fn timezones(ctx: Ctx) -> Answer {
    let english = ctx.lang.english();
    let item: Vec<serde_json::Value> = ZONES
        .iter()
        .enumerate()
        .map(|(index, (id, offset, text, en, zh))| {
            json!({
                "offset": offset,
                "sortNo": index + 1,
                "timezone": text,
                "timezoneId": id,
                "timezoneValue": format!("GMT{text} {}", if english { en } else { zh }),
            })
        })
        .collect();
    reply::raw(json!({
        "item": item,
        "retCode": "000000",
        "retMsg": reply::success_message(ctx.lang),
    }))
}

/// `GET get_data_dict`: categories, built-in statuses, priorities, groups, agents.
pub(crate) async fn dictionary(ctx: Ctx) -> Answer {
    let english = ctx.lang.english();
    let world = ctx.app.read();
    let statuses = [
        ("0", "未受理", "Not received"),
        ("1", "受理中", "Processing"),
        ("2", "等待回复", "Waiting for reply"),
        ("3", "已解决", "Resolved"),
        ("99", "已关闭", "Closed"),
    ];
    let levels = [
        ("0", "低", "Low"),
        ("1", "中", "Medium"),
        ("2", "高", "High"),
        ("3", "紧急", "Emergency"),
    ];
    let dictionary = DataDictionary {
        ticket_type_list: world.tickets.categories.clone(),
        ticket_status_list: statuses
            .iter()
            .map(|(code, zh, en)| DictEntry {
                dict_value: TicketStatus::from_code(code),
                dict_name: Some((if english { en } else { zh }).to_string()),
            })
            .collect(),
        ticket_level_list: levels
            .iter()
            .map(|(code, zh, en)| DictEntry {
                dict_value: TicketLevel::from_code(code),
                dict_name: Some((if english { en } else { zh }).to_string()),
            })
            .collect(),
        group_list: world
            .org
            .groups
            .iter()
            .map(|group| GroupRef {
                groupid: Some(group.id.clone()),
                group_name: Some(group.name.clone()),
            })
            .collect(),
        agent_list: world
            .org
            .agents
            .iter()
            .map(|agent| AgentRef {
                agentid: Some(agent.id.clone()),
                agent_name: Some(agent.name.clone()),
            })
            .collect(),
    };
    reply::item(ctx.lang, dictionary)
}

/// `GET query_ticket_extend_fields`: every custom field.
pub(crate) async fn fields(ctx: Ctx) -> Answer {
    let fields = ctx.app.read().tickets.fields.clone();
    reply::items(ctx.lang, fields)
}

/// `GET get_region` (ZH doc only): the region tree.
pub(crate) async fn regions(ctx: Ctx) -> Answer {
    let regions = ctx.app.read().tickets.regions.clone();
    reply::items(ctx.lang, regions)
}

/// `GET query_fileds_by_typeid?ticket_typeid=`: the fields of the category's template.
/// Blank gives `400008`; an unknown or non-leaf category `400004`.
pub(crate) async fn category_fields(ctx: Ctx, RawQuery(query): RawQuery) -> Answer {
    let params = Params::parse(query.as_deref());
    let typeid = params.require(&ctx, "ticket_typeid", "400008")?;
    let world = ctx.app.read();
    let Some(template) = world.tickets.templates.get(&typeid) else {
        return Err(ctx.invalid("ticket_typeid is not a leaf category"));
    };
    let fields = template
        .iter()
        .filter_map(|id| world.tickets.field(id).cloned())
        .collect();
    reply::items(ctx.lang, fields)
}

/// `GET query_ticket_status_infos`: built-in and custom statuses, deleted ones included.
pub(crate) async fn statuses(ctx: Ctx) -> Answer {
    let statuses = ctx.app.read().tickets.statuses.clone();
    reply::items(ctx.lang, statuses)
}
