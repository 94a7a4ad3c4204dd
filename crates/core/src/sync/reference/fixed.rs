//! The vendors' documented fixed code sets (names in English and Chinese), and the mapping of
//! Udesk's display names (which its ticket list sends) to those codes.

use serde_json::json;

use super::Items;

/// One documented code: `(code, English name, Chinese name)`.
pub(super) type Fixed = (&'static str, &'static str, &'static str);

/// Sobot `ticket_from` (sobot-ticket.md §5; `5` is never defined).
pub(super) const SOBOT_SOURCES: &[Fixed] = &[
    ("0", "Ticket Center", "工单中心"),
    ("1", "Desktop web", "PC 网页"),
    ("2", "Mobile web", "移动网页"),
    ("3", "WeChat official account", "微信公众号"),
    ("4", "App", "App"),
    ("6", "Desktop livechat workbench", "PC 客服工作台"),
    ("7", "CRM", "CRM"),
    ("8", "Call center", "呼叫中心"),
    ("9", "WeChat workbench", "微信客服工作台"),
    ("10", "Mobile workbench", "移动客服工作台"),
    ("11", "App workbench", "App 客服工作台"),
    ("12", "Email", "邮件"),
    ("13", "Voice message", "语音留言"),
    ("14", "Mini-program workbench", "小程序客服工作台"),
    ("15", "WeCom workbench", "企业微信客服工作台"),
    ("16", "WeChat mini program", "微信小程序"),
    ("17", "WeCom", "企业微信"),
    ("18", "Bulk import", "批量导入"),
    ("19", "WeChat customer service", "微信客服"),
    ("20", "WeCom SCRM", "企微 SCRM"),
    ("21", "Bot", "机器人"),
    ("22", "Facebook workbench", "Facebook 客服工作台"),
    ("23", "Facebook", "Facebook"),
    ("24", "WhatsApp workbench", "WhatsApp 客服工作台"),
    ("25", "WhatsApp", "WhatsApp"),
    ("26", "Instagram workbench", "Instagram 客服工作台"),
    ("27", "Instagram", "Instagram"),
    ("28", "Line workbench", "Line 客服工作台"),
    ("29", "Line", "Line"),
    ("30", "Discord workbench", "Discord 客服工作台"),
    ("31", "Discord", "Discord"),
    ("32", "Telegram workbench", "Telegram 客服工作台"),
    ("33", "Telegram", "Telegram"),
    ("34", "Shopify", "Shopify"),
];

/// Sobot `ticket_level`, used when the data dictionary lists none.
pub(super) const SOBOT_PRIORITIES: &[Fixed] = &[
    ("0", "Low", "低"),
    ("1", "Medium", "中"),
    ("2", "High", "高"),
    ("3", "Urgent", "紧急"),
];

/// Udesk statuses by `status_en`, in lifecycle order.
/// Sobot's built-in statuses (sobot-ticket.md status codes); custom ones keep the vendor's name.
pub(super) const SOBOT_BUILTIN_STATUSES: &[Fixed] = &[
    ("0", "Not received", "未受理"),
    ("1", "Processing", "受理中"),
    ("2", "Awaiting reply", "等待回复"),
    ("3", "Resolved", "已解决"),
    ("98", "Deleted", "已删除"),
    ("99", "Closed", "已关闭"),
];

/// Adds `names: {en, zh-CN}` to the items whose code is in a documented fixed set, so the UI
/// names them in its own language whatever language the vendor answered in.
pub(super) fn name_known_codes(
    items: &mut [crate::store::reference::ReferenceItem],
    set: &[Fixed],
) {
    for item in items {
        if let Some((_, en, zh)) = set.iter().find(|(code, _, _)| *code == item.code)
            && let serde_json::Value::Object(extra) = &mut item.extra
        {
            extra.insert("names".into(), json!({"en": en, "zh-CN": zh}));
        }
    }
}

pub(super) const UDESK_STATUSES: &[Fixed] = &[
    ("open", "Open", "开启"),
    ("solving", "Solving", "解决中"),
    ("resolved", "Resolved", "已解决"),
    ("closed", "Closed", "已关闭"),
];

/// Udesk `priority_id` (the Chinese names are inferred, udesk-ticket.md).
pub(super) const UDESK_PRIORITIES: &[Fixed] = &[
    ("1", "Urgent", "紧急"),
    ("2", "High", "高"),
    ("3", "Standard", "标准"),
    ("4", "Low", "低"),
];

/// Udesk `platform_name` (channel).
pub(super) const UDESK_PLATFORMS: &[Fixed] = &[
    ("email", "Email", "邮件"),
    ("weibo", "Weibo", "微博"),
    ("wechat", "WeChat", "微信"),
    ("im", "Chat", "即时通讯"),
    ("call", "Phone", "电话"),
    ("feedback", "Feedback form", "反馈表单"),
    ("hc", "Help center", "帮助中心"),
    ("manual_input", "Manual entry", "手动录入"),
    ("api", "API", "API"),
];

/// Adds every code of `set`, named in `language` (`en...` English, otherwise Chinese), with
/// both names in `extra.names`.
pub(super) fn push_all(items: &mut Items, set: &[Fixed], language: &str) {
    for (code, en, zh) in set {
        let name = if language.starts_with("en") { en } else { zh };
        items.push(code, Some(name), json!({"names": {"en": en, "zh-CN": zh}}));
    }
}

fn normalize(name: &str) -> String {
    name.trim().to_lowercase().replace(['-', ' '], "_")
}

/// Finds the code whose code, English or Chinese name (or one of `aliases`) is `name`.
fn code_of(set: &[Fixed], aliases: &[(&str, &'static str)], name: &str) -> Option<&'static str> {
    let wanted = normalize(name);
    set.iter()
        .find(|(code, en, zh)| {
            normalize(code) == wanted || normalize(en) == wanted || normalize(zh) == wanted
        })
        .map(|(code, _, _)| *code)
        .or_else(|| {
            aliases
                .iter()
                .find(|(alias, _)| normalize(alias) == wanted)
                .map(|(_, code)| *code)
        })
}

/// The `priority_id` code of a Udesk priority display name (`"High"`, `"紧急"`, the docs'
/// `"noraml"`), or the name itself when it is none of the documented ones.
pub fn udesk_priority_code(name: &str) -> String {
    const ALIASES: &[(&str, &str)] = &[
        ("urgency", "1"),
        ("medium", "3"),
        ("normal", "3"),
        ("noraml", "3"),
        ("普通", "3"),
        ("中", "3"),
    ];
    code_of(UDESK_PRIORITIES, ALIASES, name).map_or_else(|| name.to_owned(), str::to_owned)
}

/// The `platform_name` code of a Udesk channel display name (`"Manual entry"`, `"Email"`), or
/// the name itself when it is none of the documented ones.
pub fn udesk_platform_code(name: &str) -> String {
    const ALIASES: &[(&str, &str)] = &[
        ("weixin", "wechat"),
        ("电子邮件", "email"),
        ("real-time chat", "im"),
        ("telephone", "call"),
        ("call", "call"),
        ("手工录入", "manual_input"),
        ("手动创建", "manual_input"),
    ];
    code_of(UDESK_PLATFORMS, ALIASES, name).map_or_else(|| name.to_owned(), str::to_owned)
}

/// The `status_en` code of a Udesk status display name (used when `status_en` is missing), or
/// the name itself when it is none of the documented ones.
pub fn udesk_status_code(name: &str) -> String {
    const ALIASES: &[(&str, &str)] = &[("处理中", "solving"), ("打开", "open"), ("新建", "open")];
    code_of(UDESK_STATUSES, ALIASES, name).map_or_else(|| name.to_owned(), str::to_owned)
}
