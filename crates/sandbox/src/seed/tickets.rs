//! Tickets with replies, history, assignments, ratings and custom fields; failed pushes.

use rand::Rng;
use rand::seq::IndexedRandom;
use sobot::ticket::{
    FileInfo, LogSource, PushFailure, ReplyKind, ReplyVisibility, StartType, TicketFieldValue,
    TicketLevel, TicketLogEntry, TicketReply, TicketSource, TicketStatus,
};

use crate::clock::{UTC8, format_date};
use crate::state::crm::CrmState;
use crate::state::tickets::{PushFailureRecord, TicketRecord, TicketState, empty_detail};
use crate::state::{Org, hex_id};

const TITLES: &[(&str, &str)] = &[
    ("无法登录账户", "Cannot sign in to my account"),
    ("订单迟迟未发货", "My order has not shipped yet"),
    ("申请退款", "Refund request"),
    ("收到的商品有破损", "The item arrived damaged"),
    ("需要开具发票", "I need an invoice"),
    ("修改收货地址", "Please change my delivery address"),
    ("优惠券无法使用", "Coupon code does not work"),
    ("会员积分没有到账", "Loyalty points are missing"),
    ("咨询产品功能", "Question about product features"),
    ("APP 打开就闪退", "The app crashes on startup"),
    ("支付失败但已扣款", "Payment failed but I was charged"),
    ("预约上门维修", "Book a repair visit"),
    ("对客服态度不满意", "Unhappy with the service I received"),
];

const AGENT_REPLIES: &[(&str, &str)] = &[
    (
        "您好，已收到您的反馈，正在为您处理。",
        "Hello, we have received your request and are working on it.",
    ),
    (
        "已为您提交退款申请，预计3-5个工作日到账。",
        "Your refund has been submitted and should arrive in 3-5 business days.",
    ),
    (
        "麻烦提供一下订单截图，方便我们核实。",
        "Could you send a screenshot of the order so we can check?",
    ),
    (
        "问题已解决，如有其他问题请随时联系我们。",
        "The issue is resolved; let us know if there is anything else.",
    ),
    (
        "已安排工程师上门，请保持电话畅通。",
        "An engineer will visit; please keep your phone available.",
    ),
];

const CUSTOMER_REPLIES: &[(&str, &str)] = &[
    ("好的，谢谢！", "OK, thank you!"),
    ("请问什么时候能处理好？", "When will this be fixed?"),
    ("截图已上传，请查收。", "I have attached the screenshot."),
    (
        "还是不行，麻烦再看一下。",
        "It still does not work, please check again.",
    ),
];

const INTERNAL_NOTES: &[&str] = &[
    "已转二线排查",
    "Escalated to logistics",
    "客户为VIP，优先处理",
    "Waiting for the warehouse",
];

const CUSTOMER_SOURCES: &[&str] = &[
    "1", "1", "2", "2", "3", "4", "12", "12", "16", "17", "21", "23", "25", "27", "29", "33", "34",
];
const AGENT_SOURCES: &[&str] = &[
    "0", "0", "6", "7", "8", "8", "9", "10", "18", "19", "20", "22", "24",
];

/// What ticket generation needs from the rest of the world.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Agents and groups.
    pub org: &'a Org,
    /// The company ID.
    pub company_id: &'a str,
    /// The start of the history, epoch ms.
    pub start_ms: i64,
    /// The end of the history, epoch ms.
    pub anchor_ms: i64,
    /// How many tickets.
    pub count: usize,
    /// The customers tickets belong to.
    pub crm: &'a CrmState,
}

fn status<R: Rng>(rng: &mut R) -> &'static str {
    match rng.random_range(0..100u8) {
        0..6 => "0",
        6..26 => "1",
        26..40 => "2",
        40..58 => "3",
        58..88 => "99",
        88..91 => "98",
        91..95 => "1012",
        95..98 => "1023",
        _ => "1104",
    }
}

fn level<R: Rng>(rng: &mut R) -> &'static str {
    match rng.random_range(0..100u8) {
        0..30 => "0",
        30..75 => "1",
        75..93 => "2",
        _ => "3",
    }
}

fn pick_text<R: Rng>(
    rng: &mut R,
    items: &[(&'static str, &'static str)],
    chinese: bool,
) -> &'static str {
    let (zh, en) = items.choose(rng).copied().unwrap_or(("", ""));
    if chinese { zh } else { en }
}

/// Generates `context.count` tickets into `state` (which already holds the reference data).
pub fn generate<R: Rng>(rng: &mut R, context: &Context<'_>, state: &mut TicketState) {
    let span = (context.anchor_ms - context.start_ms).max(1);
    let mut created: Vec<i64> = (0..context.count)
        .map(|_| context.start_ms + rng.random_range(0..span))
        .collect();
    created.sort_unstable();
    let mut leaves: Vec<(&String, &String)> = state.leaves.iter().collect();
    leaves.sort();
    let leaves: Vec<(String, String)> = leaves
        .into_iter()
        .map(|(id, name)| (id.clone(), name.clone()))
        .collect();
    for created_ms in created {
        let record = ticket(rng, context, state, &leaves, created_ms);
        state.insert(record);
    }
    let failures = (context.count / 200).max(3);
    for _ in 0..failures {
        let Some(index) =
            (!state.tickets.is_empty()).then(|| rng.random_range(0..state.tickets.len()))
        else {
            break;
        };
        let record = &state.tickets[index];
        let detail = state.render_detail(index, UTC8, context.crm);
        let reminder = rng.random_bool(0.3);
        let failure = PushFailure {
            ticketid: detail.ticketid.clone(),
            companyid: detail.companyid.clone(),
            ticket_code: detail.ticket_code.clone(),
            ticket_title: (!reminder).then(|| detail.ticket_title.clone()).flatten(),
            ticket_content: (!reminder).then(|| detail.ticket_content.clone()).flatten(),
            ticket_from: (!reminder).then(|| detail.ticket_from.clone()).flatten(),
            ticket_level: (!reminder).then(|| detail.ticket_level.clone()).flatten(),
            ticket_status: (!reminder).then(|| detail.ticket_status.clone()).flatten(),
            ticket_type_name: (!reminder)
                .then(|| detail.ticket_type_name.clone())
                .flatten(),
            deal_agentid: detail.deal_agentid.clone(),
            deal_agent_name: detail.deal_agent_name.clone(),
            deal_groupid: detail.deal_groupid.clone(),
            deal_group_name: detail.deal_group_name.clone(),
            reply_content: detail
                .deal_list
                .last()
                .and_then(|r| r.reply_content.clone()),
            update_datetime: detail.update_datetime.clone(),
            update_datetime_ms: detail.update_datetime_ms,
            update_agent_name: detail.update_agent_name.clone(),
            userid: detail.userid.clone(),
            user_nick: detail.user_nick.clone(),
            user_name: detail.user_name.clone(),
            user_tels: detail.user_tels.clone(),
            user_emails: detail.user_emails.clone(),
            partnerid: record.partnerid.clone(),
            recordid: detail.recordid.clone(),
            file_str: None,
            voice_url: None,
            hope_accept_time: None,
            hope_accept_time_ms: None,
            hope_complete_time: None,
            hope_complete_time_ms: None,
            is_reminder: Some(if reminder { "1" } else { "0" }.into()),
            reminder_agentid: None,
            reminder_agent_name: None,
            reminder_remark: reminder.then(|| "请尽快处理 Please hurry".to_owned()),
            reminder_time: reminder.then(|| detail.update_datetime.clone()).flatten(),
            reminder_time_ms: reminder.then_some(record.updated_ms),
            extend_fields_list: Vec::new(),
        };
        state.push_failures.push(PushFailureRecord {
            failure,
            at_ms: record.updated_ms,
        });
    }
    state.push_failures.sort_by_key(|failure| failure.at_ms);
}

fn ticket<R: Rng>(
    rng: &mut R,
    context: &Context<'_>,
    state: &mut TicketState,
    leaves: &[(String, String)],
    created_ms: i64,
) -> TicketRecord {
    let customer = context.crm.customers.choose(rng);
    let chinese = customer
        .and_then(|c| c.customer.uname.as_deref())
        .is_some_and(|name| !name.is_ascii());
    let by_agent = rng.random_bool(0.4);
    let status = status(rng);
    let level = level(rng);
    let (typeid, type_name) = leaves.choose(rng).cloned().unwrap_or_default();
    let agent = (status != "0")
        .then(|| context.org.agents.choose(rng))
        .flatten();
    let creator = context.org.agents.choose(rng);
    let title = pick_text(rng, TITLES, chinese);
    let order = format!(
        "{}{:08}",
        if chinese { "SO" } else { "ORD-" },
        rng.random_range(0..100_000_000u32)
    );
    let content = if chinese {
        format!("<p>{title}。订单号：{order}，请尽快处理。</p>")
    } else {
        format!(
            "<p>Hi, {}. Order {order}. Thanks!</p>",
            title.to_lowercase()
        )
    };
    let max_age = (context.anchor_ms - created_ms).max(1);
    let source = if by_agent {
        AGENT_SOURCES.choose(rng)
    } else {
        CUSTOMER_SOURCES.choose(rng)
    }
    .copied()
    .unwrap_or("0");
    let mut detail = empty_detail();
    detail.companyid = Some(context.company_id.to_owned());
    detail.ticketid = Some(hex_id(rng));
    detail.ticket_code = Some(state.next_code(&format_date(created_ms, UTC8).replace('-', "")));
    detail.ticket_title = Some(title.to_owned());
    detail.ticket_content = Some(content);
    detail.ticket_from = Some(TicketSource::from_code(source));
    detail.ticket_level = Some(TicketLevel::from_code(level));
    detail.ticket_status = Some(TicketStatus::from_code(status));
    detail.ticket_typeid = Some(typeid.clone());
    detail.ticket_type_name = Some(type_name);
    detail.recordid = (source == "8" || source == "6").then(|| hex_id(rng));
    if by_agent {
        detail.start_type = Some(StartType::Agent);
        detail.start_name = creator.map(|a| a.name.clone());
    } else {
        detail.start_type = Some(StartType::Customer);
        detail.start_name = customer.and_then(|c| c.customer.nick.clone());
    }
    if let Some(agent) = agent {
        let group = context.org.group(&agent.group_id);
        detail.deal_agentid = Some(agent.id.clone());
        detail.deal_agent_name = Some(agent.name.clone());
        detail.deal_groupid = group.map(|g| g.id.clone());
        detail.deal_group_name = group.map(|g| g.name.clone());
    }
    detail.userid = customer.map(|c| c.id().to_owned());
    detail.create_group_names = creator
        .and_then(|a| context.org.group(&a.group_id))
        .map(|g| g.name.clone());
    detail.create_datetime_ms = Some(created_ms);
    for fieldid in state.templates.get(&typeid).cloned().unwrap_or_default() {
        if rng.random_bool(0.5)
            && let Some(field) = state.field(&fieldid)
        {
            let (value, text) = match field
                .field_type
                .as_ref()
                .map(|t| t.code().to_owned())
                .as_deref()
            {
                Some("6" | "8") => {
                    let option = field.field_data_list.choose(rng);
                    (
                        option
                            .and_then(|o| o.data_value.clone())
                            .unwrap_or_default(),
                        option.and_then(|o| o.data_name.clone()),
                    )
                }
                Some("7") => {
                    let option = field.field_data_list.choose(rng);
                    (
                        option
                            .and_then(|o| o.data_value.clone())
                            .unwrap_or_default(),
                        option.and_then(|o| o.data_name.clone()),
                    )
                }
                Some("3") => (format_date(created_ms, UTC8), None),
                Some("5") => (rng.random_range(10..5_000u32).to_string(), None),
                Some("11") => (
                    "10002,10048,10501,14865".into(),
                    Some("北京市/北京市/东城区/东华门街道".into()),
                ),
                Some("12") => (
                    crate::clock::format_datetime(created_ms + 86_400_000, UTC8),
                    None,
                ),
                Some("1") => (order.clone(), None),
                _ => continue,
            };
            detail.extend_fields_list.push(TicketFieldValue {
                fieldid: field.fieldid.clone(),
                field_name: field.field_name.clone(),
                field_type: field.field_type.clone(),
                field_text: text,
                field_value: Some(value),
                field_sortno: Some(i64::try_from(detail.extend_fields_list.len()).unwrap_or(0) + 1),
            });
        }
    }
    let creator_name = if by_agent {
        creator.map(|a| a.name.clone())
    } else {
        customer.and_then(|c| c.customer.nick.clone())
    };
    detail.update_log_list.push(TicketLogEntry {
        update_title: Some(
            if chinese {
                "创建工单"
            } else {
                "Created the ticket"
            }
            .into(),
        ),
        update_contents: Some(serde_json::json!({"工单状态": "0"}).to_string()),
        log_from: Some(LogSource::PageOperation),
        update_datetime: None,
        update_datetime_ms: Some(created_ms),
        start_type: detail.start_type.clone(),
        update_agent_name: creator_name.clone(),
        face_img: None,
    });
    let replies = if agent.is_some() {
        rng.random_range(1..5u8)
    } else {
        0
    };
    let mut at = created_ms;
    let mut updated = created_ms;
    let step = (max_age / (i64::from(replies) + 1)).max(1);
    for index in 0..replies {
        at = (at + rng.random_range(1..=step)).min(context.anchor_ms);
        let from_agent = index % 2 == 0 || !rng.random_bool(0.5);
        let internal = from_agent && rng.random_bool(0.15);
        let (content, start, name) = if !from_agent {
            (
                pick_text(rng, CUSTOMER_REPLIES, chinese).to_owned(),
                StartType::Customer,
                customer.and_then(|c| c.customer.nick.clone()),
            )
        } else if internal {
            (
                INTERNAL_NOTES
                    .choose(rng)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                StartType::Agent,
                agent.map(|a| a.name.clone()),
            )
        } else {
            (
                pick_text(rng, AGENT_REPLIES, chinese).to_owned(),
                StartType::Agent,
                agent.map(|a| a.name.clone()),
            )
        };
        let files = if rng.random_bool(0.1) {
            vec![FileInfo {
                file_name: Some("screenshot.png".into()),
                file_url: Some(
                    crate::samples::Sample::Screenshot.seed_url(&format!("{}.png", hex_id(rng))),
                ),
                file_type: Some("png".into()),
            }]
        } else {
            Vec::new()
        };
        if from_agent && detail.first_accept_datetime_ms.is_none() {
            detail.first_accept_datetime_ms = Some(at);
        }
        detail.deal_list.push(TicketReply {
            replyid: Some(hex_id(rng)),
            reply_title: Some(title.to_owned()),
            reply_content: Some(format!("<p>{content}</p>")),
            reply_type: Some(if internal {
                ReplyVisibility::Internal
            } else {
                ReplyVisibility::Public
            }),
            reply_type_new: Some(if internal {
                ReplyKind::InternalNote
            } else {
                ReplyKind::TicketReply
            }),
            reply_datetime: None,
            reply_datetime_ms: Some(at),
            start_type: Some(start.clone()),
            update_user_name: name.clone(),
            face_img: None,
            file_list: files,
        });
        if from_agent {
            detail.update_log_list.push(TicketLogEntry {
                update_title: Some(if chinese { "回复工单" } else { "Replied" }.into()),
                update_contents: Some(serde_json::json!({"回复": content}).to_string()),
                log_from: Some(LogSource::PageOperation),
                update_datetime: None,
                update_datetime_ms: Some(at),
                start_type: Some(StartType::Agent),
                update_agent_name: name.clone(),
                face_img: None,
            });
            detail.update_agent_name = name;
        }
        updated = at;
    }
    if matches!(status, "3" | "99") {
        updated = (updated + rng.random_range(1..=step)).min(context.anchor_ms);
        detail.first_complete_datetime_ms = Some(updated);
        if status == "99" {
            detail.closed_datetime_ms = Some(updated);
        }
        if rng.random_bool(0.45) {
            let score = [5, 5, 5, 4, 4, 3, 2, 1][rng.random_range(0..8usize)];
            detail.score = Some(score);
            detail.remark = Some(
                match (score >= 4, chinese) {
                    (true, true) => "处理很及时，满意",
                    (true, false) => "Quick and helpful, thanks",
                    (false, true) => "等了太久",
                    (false, false) => "Took far too long",
                }
                .into(),
            );
            detail.evaluation_datetime_ms = Some(updated);
        }
    }
    if detail.update_agent_name.is_none() {
        detail.update_agent_name = creator_name;
    }
    detail.update_datetime_ms = Some(updated);
    TicketRecord {
        partnerid: customer.and_then(|c| c.customer.partnerid.clone()),
        detail,
        created_ms,
        updated_ms: updated,
    }
}
