//! The Ticket API's reference data: categories, custom fields and templates, statuses, regions.

use std::collections::HashMap;

use rand::Rng;
use serde_json::json;
use sobot::ticket::{CustomField, Region, TicketCategory, TicketStatusInfo};

use super::decode;
use crate::state::hex_id;
use crate::state::tickets::TicketState;

/// A second-level category and its leaves.
type SubCategory = (&'static str, &'static [&'static str]);

/// The category tree: (name, children). Leaves are the usable categories.
const CATEGORIES: &[(&str, &[SubCategory])] = &[
    (
        "咨询 Consulting",
        &[("产品咨询 Product", &[]), ("价格咨询 Pricing", &[])],
    ),
    (
        "售后 After-sales",
        &[
            ("退换货 Returns", &["退货 Return", "换货 Exchange"]),
            ("维修 Repair", &[]),
        ],
    ),
    ("投诉 Complaints", &[]),
    (
        "技术支持 Technical support",
        &[("登录问题 Sign-in", &[]), ("支付问题 Payment", &[])],
    ),
];

/// Field name, type, required, options.
type FieldSpec = (&'static str, u8, bool, &'static [&'static str]);

const FIELDS: &[FieldSpec] = &[
    (
        "下单渠道 Order channel",
        6,
        false,
        &["官网 Website", "天猫 Tmall", "京东 JD", "Shopee", "Amazon"],
    ),
    (
        "产品线 Product line",
        7,
        false,
        &[
            "手机 Phones",
            "耳机 Audio",
            "手表 Watches",
            "配件 Accessories",
        ],
    ),
    ("订单号 Order number", 1, false, &[]),
    ("金额 Amount", 5, false, &[]),
    ("购买日期 Purchase date", 3, false, &[]),
    ("预约时间 Appointment", 12, false, &[]),
    ("紧急程度 Urgency", 8, false, &["一般 Normal", "加急 Rush"]),
    (
        "投诉原因 Complaint reason",
        6,
        true,
        &["服务态度 Attitude", "物流 Delivery", "质量 Quality"],
    ),
    ("所在地区 Region", 11, false, &[]),
    ("备注 Notes", 2, false, &[]),
];

/// Which fields (by index into [`FIELDS`]) each top-level category's leaves use.
fn template_for(top: usize) -> &'static [usize] {
    match top {
        0 => &[1, 9],
        1 => &[0, 1, 2, 3, 4, 5, 6, 8],
        2 => &[7, 2, 9],
        _ => &[1, 6, 9],
    }
}

fn category(
    rng: &mut impl Rng,
    company_id: &str,
    name: &str,
    parent: &str,
    level: i64,
    children: Vec<TicketCategory>,
) -> TicketCategory {
    decode(json!({
        "typeid": hex_id(rng),
        "companyid": company_id,
        "type_name": name,
        "parentid": parent,
        "type_level": level.to_string(),
        "node_flag": if children.is_empty() { "0" } else { "1" },
        "sub_type_list": serde_json::to_value(&children).unwrap_or_default(),
    }))
}

/// Builds the categories, fields, templates, statuses and regions into `state`.
pub fn generate<R: Rng>(rng: &mut R, company_id: &str, state: &mut TicketState) {
    let mut fields = Vec::new();
    for (name, kind, required, options) in FIELDS {
        let options: Vec<serde_json::Value> = options
            .iter()
            .map(|label| json!({"data_name": label, "data_value": rng.random_range(500_000_000_000_000u64..600_000_000_000_000).to_string()}))
            .collect();
        fields.push(decode::<CustomField>(json!({
            "fieldid": hex_id(rng),
            "field_name": name,
            "field_type": kind,
            "fill_flag": u8::from(*required),
            "field_data_list": options,
        })));
    }
    let field_ids: Vec<String> = fields
        .iter()
        .map(|f| f.fieldid.clone().unwrap_or_default())
        .collect();
    let mut leaves = HashMap::new();
    let mut templates = HashMap::new();
    let mut roots = Vec::new();
    for (top_index, (top, subs)) in CATEGORIES.iter().enumerate() {
        let top_id_seed = hex_id(rng);
        let template: Vec<String> = template_for(top_index)
            .iter()
            .filter_map(|&i| field_ids.get(i).cloned())
            .collect();
        let mut children = Vec::new();
        for (sub, grandchildren) in subs.iter() {
            let sub_id_seed = hex_id(rng);
            let mut leaves_below = Vec::new();
            for leaf in grandchildren.iter() {
                let node = category(rng, company_id, leaf, &sub_id_seed, 3, Vec::new());
                let id = node.typeid.clone().unwrap_or_default();
                leaves.insert(id.clone(), format!("{top}/{sub}/{leaf}"));
                templates.insert(id, template.clone());
                leaves_below.push(node);
            }
            let mut node = category(rng, company_id, sub, &top_id_seed, 2, leaves_below);
            node.typeid = Some(sub_id_seed.clone());
            if node.sub_type_list.is_empty() {
                leaves.insert(sub_id_seed.clone(), format!("{top}/{sub}"));
                templates.insert(sub_id_seed, template.clone());
            }
            children.push(node);
        }
        let mut node = category(rng, company_id, top, "-1", 1, children);
        node.typeid = Some(top_id_seed.clone());
        if node.sub_type_list.is_empty() {
            leaves.insert(top_id_seed.clone(), (*top).to_owned());
            templates.insert(top_id_seed, template.clone());
        }
        roots.push(node);
    }
    state.categories = roots;
    state.leaves = leaves;
    state.templates = templates;
    state.fields = fields;
    state.statuses = statuses(rng);
    state.regions = regions();
}

fn statuses<R: Rng>(rng: &mut R) -> Vec<TicketStatusInfo> {
    let specs: &[(&str, u8, &str, &str, &str, u8)] = &[
        (
            "0",
            1,
            "Not Received 未受理",
            "The ticket is pending assignment to agent.",
            "Processing",
            0,
        ),
        (
            "1",
            2,
            "Processing 受理中",
            "Agent is processing the ticket.",
            "Processing",
            0,
        ),
        (
            "2",
            2,
            "Awaiting Agent Reply 待客服回复",
            "Agent is processing the ticket.",
            "Processing",
            0,
        ),
        (
            "1012",
            2,
            "Escalated 已升级",
            "Escalated to the second line.",
            "Processing",
            0,
        ),
        (
            "1023",
            3,
            "Waiting for customer 待客户回复",
            "",
            "Waiting your reply",
            0,
        ),
        ("1104", 4, "Paused 暂停", "", "Processing", 0),
        (
            "3",
            5,
            "Resolved 已解决",
            "The ticket issue has been resolved, awaiting customer confirmation.",
            "Resolved",
            0,
        ),
        (
            "99",
            6,
            "Closed 已关闭",
            "The ticket issue has been resolved, and the customer has confirmed.",
            "Closed",
            0,
        ),
        ("98", 7, "Deleted 已删除", "Deleted", "Deleted", 0),
        ("1072", 2, "Retired status 已停用", "", "Processing", 1),
    ];
    specs
        .iter()
        .map(|(code, kind, name, desc, customer_name, deleted)| {
            decode(json!({
                "status_id": hex_id(rng),
                "status_code": code,
                "status_name": name,
                "status_type": kind,
                "status_desc": desc,
                "customer_status_name": customer_name,
                "dynamic_content": [],
                "customer_dynamic_content": [],
                "is_delete": deleted,
            }))
        })
        .collect()
}

fn region(id: &str, name: &str, children: Vec<Region>) -> Region {
    Region {
        id: Some(id.into()),
        name: Some(name.into()),
        regions: children,
    }
}

/// A four-level region tree (province → city → district → street), as the ZH example.
pub fn regions() -> Vec<Region> {
    vec![
        region(
            "10002",
            "北京市",
            vec![region(
                "10048",
                "北京市",
                vec![
                    region(
                        "10501",
                        "东城区",
                        vec![region("14865", "东华门街道", vec![])],
                    ),
                    region("10505", "朝阳区", vec![region("14920", "建外街道", vec![])]),
                ],
            )],
        ),
        region(
            "10010",
            "上海市",
            vec![region(
                "10140",
                "上海市",
                vec![region(
                    "10815",
                    "浦东新区",
                    vec![region("15201", "陆家嘴街道", vec![])],
                )],
            )],
        ),
        region(
            "10020",
            "广东省",
            vec![
                region(
                    "10233",
                    "广州市",
                    vec![region(
                        "11002",
                        "天河区",
                        vec![region("15560", "石牌街道", vec![])],
                    )],
                ),
                region(
                    "10235",
                    "深圳市",
                    vec![region(
                        "11030",
                        "南山区",
                        vec![region("15611", "粤海街道", vec![])],
                    )],
                ),
            ],
        ),
    ]
}
