//! The call center (V6) tenant: agents with work numbers in skill groups, extensions, relay
//! numbers, forbidden numbers, templates, outbound tasks with call lists and import batches,
//! and IVR flows.

use rand::Rng;
use rand::seq::IndexedRandom;

use super::names;
use crate::clock::DAY_MS;
use crate::state::callcenter::{
    CallCenterState, CallRow, Campaign, CcAgent, CcExtension, CcIvrFlow, CcMember, CcQueue,
    CcRelayNumber, CcTemplate, ForbiddenEntry, ImportBatch,
};
use crate::state::hex_id;

/// How much call-center data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallCenterVolume {
    /// Agents (work numbers from 1001).
    pub agents: usize,
    /// Skill groups.
    pub queues: usize,
    /// Outbound tasks.
    pub campaigns: usize,
    /// Rows per task's call list, at most.
    pub rows: usize,
    /// Days of history.
    pub days: i64,
}

const QUEUES: &[&str] = &[
    "售前热线 Pre-sales line",
    "售后热线 After-sales line",
    "VIP专线 VIP line",
    "回访外呼 Call-backs",
    "English hotline",
];

const IVR: &[(&str, &str)] = &[
    (
        "主菜单 Main menu",
        "按1售前，按2售后，按0人工 / 1 sales, 2 service, 0 agent",
    ),
    (
        "下班时间 After hours",
        "非工作时间留言 / voicemail outside office hours",
    ),
    (
        "VIP直达 VIP direct",
        "VIP客户直接转专属坐席 / VIP callers reach their agent",
    ),
    (
        "满意度回访 Survey",
        "通话后满意度按键评价 / post-call survey",
    ),
    ("节假日 Holidays", "节假日公告 / holiday announcement"),
    ("英文菜单 English menu", "English-language menu"),
];

const CAMPAIGNS: &[&str] = &[
    "会员续费提醒 Membership renewal",
    "新品预约回访 Launch follow-up",
    "满意度回访 Satisfaction survey",
    "逾期未付提醒 Overdue payments",
    "双十一活动通知 Singles' Day promo",
    "保修到期提醒 Warranty expiry",
    "VIP关怀 VIP care calls",
    "沉睡客户唤醒 Win-back",
];

/// The seeded data-import template's custom field ids.
pub const DATA_FIELDS: &[&str] = &[
    "3b987930e6db4b0ca51f6ad5755e91ae",
    "8d0c2f41a7b34c0e9f1e2d3c4b5a6978",
];

fn agents(rng: &mut impl Rng, volume: CallCenterVolume, start: i64, state: &mut CallCenterState) {
    for index in 0..volume.agents {
        let person = names::person(rng, 0.6);
        let ext = format!("{}", 8001 + index);
        let uuid = hex_id(rng);
        let created = start + rng.random_range(0..DAY_MS * 10);
        let bound = index % 5 != 4;
        state.extensions.push(CcExtension {
            ext: ext.clone(),
            password: format!("{:06}", rng.random_range(0..1_000_000)),
            bound: bound.then(|| (uuid.clone(), created)),
        });
        state.agents.push(CcAgent {
            uuid,
            work_no: format!("{}", 1001 + index),
            name: person.name,
            phone: rng.random_bool(0.5).then_some(person.phone),
            ext: bound.then_some(ext),
            wrap_up_type: if index % 3 == 0 { 2 } else { 1 },
            wrap_up_time: [15, 30, 60].choose(rng).copied().unwrap_or(30),
            login_status: if rng.random_bool(0.6) { 1 } else { 2 },
            not_ready_reason: if rng.random_bool(0.2) { 11 } else { 0 },
            call_permission: index % 7 != 6,
            created_ms: created,
            updated_ms: created,
        });
    }
    // Two spare, unbound extensions.
    for spare in 0..2 {
        state.extensions.push(CcExtension {
            ext: format!("{}", 8901 + spare),
            password: format!("{:06}", rng.random_range(0..1_000_000)),
            bound: None,
        });
    }
    for (index, name) in QUEUES.iter().take(volume.queues).enumerate() {
        let members = state
            .agents
            .iter()
            .enumerate()
            .filter(|(agent, _)| agent % volume.queues == index || *agent == 0)
            .map(|(_, agent)| CcMember {
                agent_uuid: agent.uuid.clone(),
                level: rng.random_range(1..=5),
                checkin: rng.random_bool(0.7),
            })
            .collect();
        state.queues.push(CcQueue {
            id: format!("{}", 100 + index),
            name: (*name).into(),
            weight: format!("{}", 1 + index % 3),
            members,
        });
    }
}

fn numbers(rng: &mut impl Rng, volume: CallCenterVolume, state: &mut CallCenterState) {
    let relays = if volume.agents > 10 { 6 } else { 2 };
    for index in 0..relays {
        state.relay_numbers.push(CcRelayNumber {
            number: format!("0755****{:04}", rng.random_range(0..10_000)),
            alias: format!("外显号码{} Caller ID {}", index + 1, index + 1),
            remark: if index == 0 {
                "主号 main".into()
            } else {
                String::new()
            },
            state: match index % 3 {
                1 => 0,
                2 => 2,
                _ => 1,
            },
        });
    }
    let forbidden = if volume.agents > 10 { 40 } else { 4 };
    for index in 0..forbidden {
        let person = names::chinese(rng);
        state.forbidden.push(ForbiddenEntry {
            number: person.phone,
            call_type: if index % 4 == 0 { 2 } else { 3 },
            enabled: index % 6 != 5,
            expiration: (index % 3 == 0).then(|| "2099-12-31".to_owned()),
            zone_id: Some("Asia/Shanghai".into()),
            description: Some("客户要求勿扰 customer asked not to be called".into()),
        });
    }
    state.data_templates = vec![
        CcTemplate {
            code: "DT001".into(),
            name: "外呼名单模板 Call list".into(),
            enabled: true,
            field_ids: DATA_FIELDS.iter().map(|f| (*f).to_owned()).collect(),
        },
        CcTemplate {
            code: "DT002".into(),
            name: "停用模板 Disabled".into(),
            enabled: false,
            field_ids: Vec::new(),
        },
    ];
    state.wrap_up_templates = vec![
        CcTemplate {
            code: "WT001".into(),
            name: "通话小结 Call summary".into(),
            enabled: true,
            field_ids: Vec::new(),
        },
        CcTemplate {
            code: "WT002".into(),
            name: "停用小结 Disabled".into(),
            enabled: false,
            field_ids: Vec::new(),
        },
    ];
    let flows = if volume.agents > 10 { IVR.len() } else { 2 };
    for (index, (name, remarks)) in IVR.iter().take(flows).enumerate() {
        state.ivr_flows.push(CcIvrFlow {
            name: (*name).into(),
            code: format!("IVR{:03}", index + 1),
            remarks: Some((*remarks).into()),
        });
    }
}

/// A task code: 10 lowercase letters and digits.
pub fn task_code(rng: &mut impl Rng) -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..10)
        .map(|_| char::from(CHARS[rng.random_range(0..CHARS.len())]))
        .collect()
}

/// A campaign id: a hyphenated 36-character id.
pub fn campaign_id(rng: &mut impl Rng) -> String {
    let hex = hex_id(rng);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn campaigns(
    rng: &mut impl Rng,
    volume: CallCenterVolume,
    start: i64,
    anchor: i64,
    state: &mut CallCenterState,
) {
    for index in 0..volume.campaigns {
        let created = start
            + (anchor - start) / 10 * i64::try_from(index + 1).unwrap_or(1)
            + rng.random_range(0..DAY_MS);
        // The administrator (work number 1001) creates the first task.
        let creator = if index == 0 {
            state.agents.first().cloned()
        } else {
            state.agents.choose(rng).cloned()
        };
        let Some(creator) = creator else {
            return;
        };
        let code = task_code(rng);
        let id = campaign_id(rng);
        let calling_list_code = format!("seed{}", created / 1000);
        let count = rng.random_range(volume.rows / 2..=volume.rows);
        let finished = created + 14 * DAY_MS < anchor;
        let rows = (0..count)
            .map(|_| {
                let person = names::chinese(rng);
                let dialled = finished || rng.random_bool(0.4);
                let answered = dialled && rng.random_bool(0.6);
                CallRow {
                    telephone: person.phone,
                    name: Some(person.name),
                    agent_no: state.agents.choose(rng).map(|a| a.work_no.clone()),
                    description: None,
                    custom_fields: vec![(DATA_FIELDS[0].to_owned(), "会员 Member".to_owned())],
                    calling_list_code: calling_list_code.clone(),
                    dialled,
                    answered,
                    talk_seconds: if answered {
                        rng.random_range(20..600)
                    } else {
                        0
                    },
                }
            })
            .collect::<Vec<_>>();
        state.imports.push(ImportBatch {
            campaign_id: id.clone(),
            code: code.clone(),
            calling_list_code,
            agent_uuid: creator.uuid.clone(),
            created_ms: created + 60_000,
            rule: "RemoveDuplicatesInCallingList".into(),
            success: i64::try_from(rows.len()).unwrap_or_default(),
            repeat: 0,
            error: 0,
            report_url: None,
        });
        state.campaigns.push(Campaign {
            id,
            code,
            name: CAMPAIGNS[index % CAMPAIGNS.len()].into(),
            creator_uuid: creator.uuid,
            data_template_code: "DT001".into(),
            wrap_up_template_code: "WT001".into(),
            start_ms: created + DAY_MS,
            end_ms: created + 14 * DAY_MS,
            zone_id: "Asia/Shanghai".into(),
            description: Some("自动生成的演示外呼任务 seeded demo task".into()),
            created_ms: created,
            state: if finished { 2 } else { 1 },
            rows,
        });
    }
}

/// Generates the tenant for `volume`, history ending at `anchor_ms`.
pub fn generate(rng: &mut impl Rng, volume: CallCenterVolume, anchor_ms: i64) -> CallCenterState {
    let start = anchor_ms - volume.days * DAY_MS;
    let mut state = CallCenterState::default();
    agents(rng, volume, start, &mut state);
    numbers(rng, volume, &mut state);
    campaigns(rng, volume, start, anchor_ms, &mut state);
    state
}
