//! The Udesk tenant: agents in groups, customers, custom fields, templates, filters, the
//! satisfaction survey and tickets with replies and change logs, spread over the history.

use std::collections::BTreeMap;

use rand::Rng;
use rand::seq::IndexedRandom;

use super::names;
use super::udesk_text::{AGENT_REPLIES, CUSTOMER_REPLIES, INTERNAL_NOTES, TOPICS, fill};
use crate::clock::{DAY_MS, UTC8, format_date};
use crate::state::udesk::{
    FilterRule, UdeskAgent, UdeskAttachment, UdeskAuthor, UdeskChange, UdeskChangeLog,
    UdeskCustomer, UdeskField, UdeskFilter, UdeskGroup, UdeskReply, UdeskState, UdeskSurvey,
    UdeskTemplate, UdeskTicket, priority_name, status_names,
};

/// How much Udesk data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UdeskVolume {
    /// Agents.
    pub agents: usize,
    /// Customers.
    pub customers: usize,
    /// Tickets.
    pub tickets: usize,
    /// Days of history.
    pub days: i64,
}

const GROUPS: &[&str] = &[
    "售后服务 After-sales",
    "技术支持 Tech support",
    "VIP专线 VIP",
];

/// The custom fields: `(key, label, content_type, options)`.
const FIELDS: &[(&str, &str, &str, &[&str])] = &[
    ("TextField_1", "订单号 Order number", "text", &[]),
    ("TextField_2", "补充说明 Notes", "area_text", &[]),
    ("TextField_3", "购买日期 Purchase date", "date", &[]),
    ("TextField_4", "预约回访 Call-back time", "datetime", &[]),
    (
        "SelectField_1",
        "产品线 Product line",
        "droplist",
        &[
            "手机 Phones",
            "耳机 Audio",
            "笔记本 Laptops",
            "穿戴 Wearables",
        ],
    ),
    (
        "SelectField_2",
        "客户等级 Customer tier",
        "radio",
        &["普通 Standard", "会员 Member", "VIP"],
    ),
    (
        "SelectField_3",
        "问题类型 Issue types",
        "checkbox",
        &[
            "物流 Shipping",
            "质量 Quality",
            "账户 Account",
            "发票 Invoice",
        ],
    ),
];

fn org(rng: &mut impl Rng, volume: UdeskVolume, state: &mut UdeskState) {
    for name in GROUPS {
        let id = state.next_id();
        state.groups.push(UdeskGroup {
            id,
            name: (*name).into(),
        });
    }
    for index in 0..volume.agents {
        let person = names::person(rng, 0.6);
        let local = person.email.split('@').next().unwrap_or("agent").to_owned();
        let id = state.next_id();
        let mut group_ids = vec![state.groups[index % state.groups.len()].id];
        if index % 4 == 0 {
            group_ids.push(state.groups[(index + 1) % state.groups.len()].id);
        }
        state.agents.push(UdeskAgent {
            id,
            name: person.name,
            email: format!("{local}@switchboard-demo.udesk.cn"),
            avatar: format!("https://avatar.switchboard-demo.udesk.cn/{id}.png"),
            group_ids,
        });
    }
    for _ in 0..volume.customers {
        let person = names::person(rng, 0.65);
        let id = state.next_id();
        state.customers.push(UdeskCustomer {
            id,
            name: person.name,
            email: person.email,
            cellphone: person.phone,
            token: format!("crm-{:08x}", rng.random::<u32>()),
            organization_id: rng.random_bool(0.3).then(|| rng.random_range(1..20)),
        });
    }
}

fn reference(start_ms: i64, state: &mut UdeskState) {
    state.fields = FIELDS
        .iter()
        .map(|(name, label, content_type, options)| UdeskField {
            name: (*name).into(),
            label: (*label).into(),
            content_type: (*content_type).into(),
            options: options.iter().map(|o| (*o).into()).collect(),
            required: false,
        })
        .collect();
    let templates: [(&str, &str, &[&str]); 3] = [
        (
            "默认模板 Default",
            "",
            &["TextField_1", "TextField_2", "SelectField_1"],
        ),
        (
            "售后模板 After-sales",
            "退换货与维修 Returns and repairs",
            &[
                "TextField_1",
                "TextField_3",
                "SelectField_1",
                "SelectField_3",
            ],
        ),
        (
            "技术支持 Tech support",
            "设备与账户问题 Devices and accounts",
            &[
                "TextField_2",
                "TextField_4",
                "SelectField_1",
                "SelectField_2",
            ],
        ),
    ];
    for (name, description, fields) in templates {
        let id = state.next_id();
        state.templates.push(UdeskTemplate {
            id,
            name: name.into(),
            description: description.into(),
            updated_ms: start_ms,
            fields: fields.iter().map(|f| (*f).into()).collect(),
        });
    }
    let first_agent = state.agents.first().map(|a| a.id).unwrap_or_default();
    let first_group = state.groups.first().map(|g| g.id).unwrap_or_default();
    let filters = [
        (
            "所有未解决工单 All unsolved",
            "all",
            None,
            FilterRule::Unsolved,
            true,
        ),
        ("全部工单 All tickets", "all", None, FilterRule::All, true),
        ("紧急工单 Urgent", "all", None, FilterRule::Urgent, true),
        ("已关闭 Closed", "all", None, FilterRule::Status(3), false),
        (
            "我的未解决工单 My unsolved",
            "agent",
            Some(first_agent),
            FilterRule::Assignee(first_agent),
            true,
        ),
        (
            "售后组工单 After-sales group",
            "agent_group",
            Some(first_group),
            FilterRule::Group(first_group),
            true,
        ),
    ];
    for (name, permission, permission_id, rule, active) in filters {
        let id = state.next_id();
        state.filters.push(UdeskFilter {
            id,
            name: name.into(),
            description: None,
            active,
            permission: permission.into(),
            permission_id,
            created_ms: start_ms,
            updated_ms: start_ms,
            rule,
        });
    }
    state.survey = Some(UdeskSurvey {
        title: "工单满意度调查 Ticket satisfaction".into(),
        enable: true,
        note: true,
        options: vec![
            (1, "非常满意 Very satisfied".into()),
            (2, "满意 Satisfied".into()),
            (3, "一般 Average".into()),
            (4, "不满意 Dissatisfied".into()),
        ],
    });
}

/// Generates the tenant for `volume`, history ending at `anchor_ms`.
pub fn generate(rng: &mut impl Rng, volume: UdeskVolume, anchor_ms: i64) -> UdeskState {
    let start_ms = anchor_ms - volume.days * DAY_MS;
    let mut state = UdeskState::default();
    org(rng, volume, &mut state);
    reference(start_ms, &mut state);
    for index in 0..volume.tickets {
        // Spread evenly with jitter, so every month of the history has tickets.
        let slot = (anchor_ms - start_ms) / i64::try_from(volume.tickets.max(1)).unwrap_or(1);
        let created = start_ms
            + slot * i64::try_from(index).unwrap_or_default()
            + rng.random_range(0..slot.max(1));
        let ticket = ticket(rng, &mut state, created, anchor_ms);
        state.tickets.push(ticket);
    }
    state
}

fn pick_status(rng: &mut impl Rng, age_days: i64) -> i64 {
    let roll = rng.random_range(0..100);
    if age_days > 30 {
        match roll {
            0..5 => 1,
            5..10 => 4,
            10..45 => 2,
            _ => 3,
        }
    } else {
        match roll {
            0..30 => 1,
            30..55 => 4,
            55..85 => 2,
            _ => 3,
        }
    }
}

fn ticket(rng: &mut impl Rng, state: &mut UdeskState, created: i64, anchor_ms: i64) -> UdeskTicket {
    let id = state.next_id();
    let topic = TOPICS.choose(rng).unwrap_or(&TOPICS[0]);
    let customer = state.customers.choose(rng).cloned();
    let chinese = customer.as_ref().is_none_or(|c| !c.name.is_ascii());
    let order = format!("SO{}{:05}", format_date(created, UTC8).replace('-', ""), id);
    let day = format_date(created - DAY_MS * rng.random_range(1..6), UTC8);
    let (subject, content) = if chinese {
        (topic.zh_subject, fill(topic.zh_content, &order, &day))
    } else {
        (topic.en_subject, fill(topic.en_content, &order, &day))
    };
    let agent = state.agents.choose(rng).cloned();
    let group_id = agent.as_ref().and_then(|a| a.group_ids.first().copied());
    let age_days = (anchor_ms - created) / DAY_MS;
    let status_id = pick_status(rng, age_days);
    let priority_id = match rng.random_range(0..100) {
        0..8 => 1,
        8..30 => 2,
        30..85 => 3,
        _ => 4,
    };
    let platform = [
        "email",
        "wechat",
        "im",
        "call",
        "api",
        "manual_input",
        "weibo",
        "hc",
    ]
    .choose(rng)
    .copied()
    .unwrap_or("email");
    let template = state.templates.choose(rng).cloned();
    let mut custom_fields = BTreeMap::new();
    if let Some(template) = &template {
        for key in &template.fields {
            let Some(field) = state.field(key) else {
                continue;
            };
            let value = match field.content_type.as_str() {
                "text" => order.clone(),
                "area_text" => "已电话确认\r\nConfirmed by phone".to_owned(),
                "date" => day.clone(),
                "datetime" => format!("{} 10:30", format_date(created + DAY_MS, UTC8)),
                "checkbox" => {
                    let a = rng.random_range(0..field.options.len());
                    let b = rng.random_range(0..field.options.len());
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{},{}", a.min(b), a.max(b))
                    }
                }
                _ => rng.random_range(0..field.options.len().max(1)).to_string(),
            };
            custom_fields.insert(key.clone(), value);
        }
    }
    let mut ticket = UdeskTicket {
        id,
        subject: subject.into(),
        content: format!("<p>{content}</p>"),
        content_type: "html".into(),
        customer_id: customer.as_ref().map(|c| c.id),
        assignee_id: agent.as_ref().map(|a| a.id),
        group_id,
        template_id: template.as_ref().map(|t| t.id).unwrap_or_default(),
        priority_id,
        status_id: 1,
        platform: platform.into(),
        satisfaction: None,
        custom_fields,
        tags: topic.tags.iter().map(|t| (*t).to_owned()).collect(),
        followers: Vec::new(),
        creator_id: agent.as_ref().map(|a| a.id),
        created_ms: created,
        updated_ms: created,
        solving_ms: None,
        resolved_ms: None,
        closed_ms: None,
        deadline_ms: Some(created + DAY_MS * (5 - priority_id)),
        im_sub_session_id: (platform == "im").then(|| rng.random_range(1_000..99_999)),
        attachments: Vec::new(),
        replies: Vec::new(),
        change_logs: Vec::new(),
        associated: Vec::new(),
    };
    if rng.random_bool(0.2)
        && let Some(follower) = state.agents.choose(rng)
    {
        ticket.followers.push(follower.id);
    }
    conversation(rng, state, &mut ticket, chinese, status_id, anchor_ms);
    if ticket.status_id >= 2 && ticket.status_id != 4 && rng.random_bool(0.35) {
        let vote = rng.random_range(1..=4);
        ticket.satisfaction = Some((vote, None));
    }
    ticket
}

fn conversation(
    rng: &mut impl Rng,
    state: &mut UdeskState,
    ticket: &mut UdeskTicket,
    chinese: bool,
    final_status: i64,
    anchor_ms: i64,
) {
    let lang = |pair: &(&str, &str)| if chinese { pair.0 } else { pair.1 }.to_owned();
    let agent = ticket.assignee_id.unwrap_or_default();
    let customer = ticket.customer_id;
    let turns = rng.random_range(1..=4);
    let mut at = ticket.created_ms;
    let room = (anchor_ms - at).max(60_000);
    for turn in 0..turns {
        at += rng.random_range(10 * 60_000..(room / 6).max(10 * 60_000 + 1));
        if at >= anchor_ms {
            break;
        }
        let (author, content, function_type) = if turn % 2 == 1 && customer.is_some() {
            let text = lang(CUSTOMER_REPLIES.choose(rng).unwrap_or(&CUSTOMER_REPLIES[0]));
            (
                UdeskAuthor::Customer(customer.unwrap_or_default()),
                text,
                "external",
            )
        } else if rng.random_bool(0.2) {
            let text = lang(INTERNAL_NOTES.choose(rng).unwrap_or(&INTERNAL_NOTES[0]));
            (UdeskAuthor::Agent(agent), text, "internal")
        } else {
            let text = lang(AGENT_REPLIES.choose(rng).unwrap_or(&AGENT_REPLIES[0]));
            (UdeskAuthor::Agent(agent), text, "external")
        };
        let id = state.next_id();
        let attachments = if rng.random_bool(0.08) {
            let attachment_id = state.next_id();
            let sample = crate::samples::Sample::Photo;
            let name = format!("photo-{attachment_id}.png");
            // Drawn (and unused) so that the rest of the seeded world stays as it was before
            // attachments had real bytes.
            let _former_size: i64 = rng.random_range(20_000..900_000);
            vec![UdeskAttachment {
                id: attachment_id,
                url: sample.seed_url(&name),
                name,
                size: i64::try_from(sample.bytes().len()).unwrap_or_default(),
                at_ms: at,
            }]
        } else {
            Vec::new()
        };
        ticket.replies.push(UdeskReply {
            id,
            content: format!("<p>{content}</p>"),
            content_format: "html".into(),
            created_ms: at,
            function_type: function_type.into(),
            cc: None,
            author,
            attachments,
        });
        ticket.updated_ms = at;
        if turn == 0 && final_status != 1 {
            set_status(state, ticket, 4, at, agent);
        }
    }
    if final_status != 1 && final_status != ticket.status_id {
        let at = (ticket.updated_ms + rng.random_range(60_000..DAY_MS)).min(anchor_ms - 1);
        if final_status == 3 {
            set_status(state, ticket, 2, at, agent);
        }
        set_status(
            state,
            ticket,
            final_status,
            at.max(ticket.updated_ms),
            agent,
        );
    }
}

/// Moves `ticket` to `status_id` at `at`, stamping the status times and logging the change.
pub fn set_status(
    state: &mut UdeskState,
    ticket: &mut UdeskTicket,
    status_id: i64,
    at: i64,
    by: i64,
) {
    if ticket.status_id == status_id {
        return;
    }
    let old = status_names(ticket.status_id).0;
    ticket.status_id = status_id;
    match status_id {
        4 => ticket.solving_ms = ticket.solving_ms.or(Some(at)),
        2 => ticket.resolved_ms = Some(at),
        3 => ticket.closed_ms = Some(at),
        _ => {}
    }
    ticket.updated_ms = ticket.updated_ms.max(at);
    let id = state.next_id();
    ticket.change_logs.push(UdeskChangeLog {
        id,
        created_ms: at,
        author: UdeskAuthor::Agent(by),
        changes: vec![UdeskChange {
            field: "status_id".into(),
            field_name: "状态 Status".into(),
            old_value: old.into(),
            new_value: status_names(status_id).0.into(),
            trigger_name: None,
        }],
    });
}

/// The display text of a priority change, for change logs.
pub fn priority_change(old: i64, new: i64) -> UdeskChange {
    UdeskChange {
        field: "priority_id".into(),
        field_name: "优先级 Priority".into(),
        old_value: priority_name(old).into(),
        new_value: priority_name(new).into(),
        trigger_name: None,
    }
}
