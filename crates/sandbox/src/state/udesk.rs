//! The Udesk tenant: agents, groups, customers, custom fields, templates, filters, the
//! satisfaction survey and the tickets with their replies and change logs.

use std::collections::{BTreeMap, HashMap};

/// A customer identifier type Udesk does not support (`40002`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported customer identifier type {0:?}")]
pub struct UnsupportedIdType(pub String);

/// A Udesk agent ("customer service").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskAgent {
    /// Agent ID.
    pub id: i64,
    /// Nickname.
    pub name: String,
    /// Email.
    pub email: String,
    /// Avatar URL.
    pub avatar: String,
    /// The groups the agent belongs to.
    pub group_ids: Vec<i64>,
}

/// A Udesk agent group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskGroup {
    /// Group ID.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// A Udesk customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskCustomer {
    /// Customer ID.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Mobile number.
    pub cellphone: String,
    /// The external unique identifier (`customer_token`).
    pub token: String,
    /// The customer's company.
    pub organization_id: Option<i64>,
}

/// A ticket custom field definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskField {
    /// Key (`TextField_1`, `SelectField_2`).
    pub name: String,
    /// Label.
    pub label: String,
    /// `content_type` (`text`, `area_text`, `date`, `datetime`, `droplist`, `radio`, ...).
    pub content_type: String,
    /// Option labels of a select field, by index.
    pub options: Vec<String>,
    /// Whether it is required.
    pub required: bool,
}

impl UdeskField {
    /// Whether values are option indexes.
    pub fn is_select(&self) -> bool {
        self.name.starts_with("SelectField_")
    }

    /// The number after the underscore (`field_id`, unique only per field type).
    pub fn number(&self) -> i64 {
        self.name
            .rsplit('_')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_default()
    }
}

/// A ticket template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskTemplate {
    /// Template ID.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Last change, epoch ms.
    pub updated_ms: i64,
    /// The field keys it shows.
    pub fields: Vec<String>,
}

/// What a filter selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterRule {
    /// Every ticket.
    All,
    /// Open or solving.
    Unsolved,
    /// Priority urgent, not closed.
    Urgent,
    /// In this status.
    Status(i64),
    /// Assigned to this agent and unsolved.
    Assignee(i64),
    /// Handled by this group.
    Group(i64),
}

/// A ticket filter (view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskFilter {
    /// Filter ID.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Enabled.
    pub active: bool,
    /// `all`, `agent` or `agent_group`.
    pub permission: String,
    /// The agent or group of the permission.
    pub permission_id: Option<i64>,
    /// Created, epoch ms.
    pub created_ms: i64,
    /// Updated, epoch ms.
    pub updated_ms: i64,
    /// What it selects.
    pub rule: FilterRule,
}

/// The satisfaction survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskSurvey {
    /// Title.
    pub title: String,
    /// Whether it is enabled.
    pub enable: bool,
    /// Whether a comment may accompany a vote.
    pub note: bool,
    /// `(vote_number, name)`.
    pub options: Vec<(i64, String)>,
}

/// An attachment (of a ticket or a reply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskAttachment {
    /// Attachment ID.
    pub id: i64,
    /// File name.
    pub name: String,
    /// URL (served by the admin API for uploads).
    pub url: String,
    /// Size in bytes.
    pub size: i64,
    /// When it was uploaded, epoch ms.
    pub at_ms: i64,
}

/// Who wrote a reply or made a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UdeskAuthor {
    /// An agent, by ID.
    Agent(i64),
    /// A customer, by ID.
    Customer(i64),
}

/// A reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskReply {
    /// Reply ID.
    pub id: i64,
    /// Content.
    pub content: String,
    /// `html` or `text`.
    pub content_format: String,
    /// Created, epoch ms.
    pub created_ms: i64,
    /// `internal` or `external`.
    pub function_type: String,
    /// CC addresses as written (`Name <email>, ...`).
    pub cc: Option<String>,
    /// Author.
    pub author: UdeskAuthor,
    /// Attachments.
    pub attachments: Vec<UdeskAttachment>,
}

/// One changed field of a change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskChange {
    /// Field key.
    pub field: String,
    /// Field display name.
    pub field_name: String,
    /// Old value as displayed.
    pub old_value: String,
    /// New value as displayed.
    pub new_value: String,
    /// The trigger that made it, if any.
    pub trigger_name: Option<String>,
}

/// A change log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskChangeLog {
    /// ID.
    pub id: i64,
    /// When, epoch ms.
    pub created_ms: i64,
    /// Who.
    pub author: UdeskAuthor,
    /// What.
    pub changes: Vec<UdeskChange>,
}

/// A ticket with everything later reads show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdeskTicket {
    /// Ticket ID.
    pub id: i64,
    /// Title.
    pub subject: String,
    /// Description.
    pub content: String,
    /// `html` or `text`.
    pub content_type: String,
    /// Customer.
    pub customer_id: Option<i64>,
    /// Handling agent.
    pub assignee_id: Option<i64>,
    /// Handling group.
    pub group_id: Option<i64>,
    /// Template.
    pub template_id: i64,
    /// 1 urgent .. 4 low.
    pub priority_id: i64,
    /// 1 open, 2 resolved, 3 closed, 4 solving.
    pub status_id: i64,
    /// Channel code (`email`, `api`, ...).
    pub platform: String,
    /// The survey option voted, and the comment.
    pub satisfaction: Option<(i64, Option<String>)>,
    /// Custom field values: text, or option indexes comma-joined (`"0,3"`).
    pub custom_fields: BTreeMap<String, String>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Follower agent IDs.
    pub followers: Vec<i64>,
    /// Creating agent.
    pub creator_id: Option<i64>,
    /// Created, epoch ms.
    pub created_ms: i64,
    /// Updated, epoch ms.
    pub updated_ms: i64,
    /// Solving started.
    pub solving_ms: Option<i64>,
    /// Resolved.
    pub resolved_ms: Option<i64>,
    /// Closed.
    pub closed_ms: Option<i64>,
    /// Deadline.
    pub deadline_ms: Option<i64>,
    /// Chat sub-session.
    pub im_sub_session_id: Option<i64>,
    /// Ticket attachments.
    pub attachments: Vec<UdeskAttachment>,
    /// Replies, oldest first.
    pub replies: Vec<UdeskReply>,
    /// Change logs, oldest first.
    pub change_logs: Vec<UdeskChangeLog>,
    /// Associated tickets: `(id, relation)`.
    pub associated: Vec<(i64, String)>,
}

impl UdeskTicket {
    /// The display number (`#848`).
    pub fn num(&self) -> String {
        format!("#{}", self.id)
    }

    /// The last reply by an agent (`Some(true)`) or a customer (`Some(false)`).
    pub fn last_reply(&self, by_agent: Option<bool>) -> Option<&UdeskReply> {
        self.replies.iter().rev().find(|reply| match by_agent {
            None => true,
            Some(agent) => matches!(reply.author, UdeskAuthor::Agent(_)) == agent,
        })
    }
}

/// An export scroll: the ticket IDs matched by the first call and how far it got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scroll {
    /// The matched ticket IDs.
    pub ids: Vec<i64>,
    /// How many were handed out.
    pub offset: usize,
    /// When this scroll ID was issued, epoch ms.
    pub issued_ms: i64,
}

/// The whole Udesk tenant.
#[derive(Debug, Clone, Default)]
pub struct UdeskState {
    /// Agents.
    pub agents: Vec<UdeskAgent>,
    /// Agent groups.
    pub groups: Vec<UdeskGroup>,
    /// Customers.
    pub customers: Vec<UdeskCustomer>,
    /// Custom fields.
    pub fields: Vec<UdeskField>,
    /// Templates (the first is the default).
    pub templates: Vec<UdeskTemplate>,
    /// Filters.
    pub filters: Vec<UdeskFilter>,
    /// The satisfaction survey.
    pub survey: Option<UdeskSurvey>,
    /// Tickets by ascending ID (deleted ones are removed).
    pub tickets: Vec<UdeskTicket>,
    /// Uploads waiting for the next reply, by ticket.
    pub pending_reply_files: HashMap<i64, Vec<UdeskAttachment>>,
    /// Export scrolls by scroll ID.
    pub scrolls: HashMap<String, Scroll>,
    /// The last ID handed out (tickets, replies, logs, attachments share one counter).
    pub last_id: i64,
}

impl UdeskState {
    /// A fresh ID.
    pub fn next_id(&mut self) -> i64 {
        self.last_id += 1;
        self.last_id
    }

    /// The ticket with `id`.
    pub fn ticket(&self, id: i64) -> Option<&UdeskTicket> {
        self.tickets
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|at| &self.tickets[at])
    }

    /// The ticket with `id`, to change.
    pub fn ticket_mut(&mut self, id: i64) -> Option<&mut UdeskTicket> {
        self.tickets
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|at| &mut self.tickets[at])
    }

    /// The agent with `id`.
    pub fn agent(&self, id: i64) -> Option<&UdeskAgent> {
        self.agents.iter().find(|a| a.id == id)
    }

    /// The group with `id`.
    pub fn group(&self, id: i64) -> Option<&UdeskGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The customer with `id`.
    pub fn customer(&self, id: i64) -> Option<&UdeskCustomer> {
        self.customers.iter().find(|c| c.id == id)
    }

    /// The customer found by an identifier type (`email`, `cellphone`, `customer_token`,
    /// `customer_id`); an error for another type.
    pub fn find_customer(
        &self,
        kind: &str,
        value: &str,
    ) -> Result<Option<&UdeskCustomer>, UnsupportedIdType> {
        let value = value.trim();
        let found = match kind.trim() {
            "email" => self
                .customers
                .iter()
                .find(|c| c.email.eq_ignore_ascii_case(value)),
            "cellphone" => self.customers.iter().find(|c| c.cellphone == value),
            "customer_token" => self.customers.iter().find(|c| c.token == value),
            "customer_id" => self.customers.iter().find(|c| c.id.to_string() == value),
            other => return Err(UnsupportedIdType(other.to_owned())),
        };
        Ok(found)
    }

    /// The field with key `name`.
    pub fn field(&self, name: &str) -> Option<&UdeskField> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Whether `ticket` matches filter `rule`.
    pub fn matches(rule: &FilterRule, ticket: &UdeskTicket) -> bool {
        match rule {
            FilterRule::All => true,
            FilterRule::Unsolved => matches!(ticket.status_id, 1 | 4),
            FilterRule::Urgent => ticket.priority_id == 1 && ticket.status_id != 3,
            FilterRule::Status(status) => ticket.status_id == *status,
            FilterRule::Assignee(agent) => {
                ticket.assignee_id == Some(*agent) && matches!(ticket.status_id, 1 | 4)
            }
            FilterRule::Group(group) => ticket.group_id == Some(*group),
        }
    }
}

/// Priority display names (the Chinese names the `udesk` client's `PriorityNames` default
/// to), by `priority_id`.
pub fn priority_name(priority_id: i64) -> &'static str {
    match priority_id {
        1 => "紧急",
        2 => "高",
        3 => "标准",
        _ => "低",
    }
}

/// The `priority_id` of a display name create accepts: the Chinese names, and the English
/// ones the doc uses (`urgent`/`urgency`, `high`, `standard`/`normal`/`medium`, `low`).
pub fn priority_by_name(name: &str) -> Option<i64> {
    match name.trim().to_ascii_lowercase().as_str() {
        "紧急" | "urgent" | "urgency" => Some(1),
        "高" | "high" => Some(2),
        "标准" | "standard" | "normal" | "medium" => Some(3),
        "低" | "low" => Some(4),
        _ => None,
    }
}

/// `(display name, status_en)` of a `status_id`.
pub fn status_names(status_id: i64) -> (&'static str, &'static str) {
    match status_id {
        1 => ("开启", "open"),
        2 => ("已解决", "resolved"),
        3 => ("已关闭", "closed"),
        _ => ("解决中", "solving"),
    }
}

/// The display name of a channel code.
pub fn platform_name(code: &str) -> &'static str {
    match code {
        "email" => "邮件",
        "weibo" => "微博",
        "wechat" => "微信",
        "im" => "即时通讯",
        "call" => "电话",
        "feedback" => "留言",
        "hc" => "帮助中心",
        "api" => "开放接口",
        _ => "手动录入",
    }
}
