//! The call center (V6) tenant: agents, skill groups, extensions, forbidden and relay numbers,
//! outbound tasks with their call lists and import batches, contact plans and IVR flows.

/// A call-center agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcAgent {
    /// Agent id (32 hex).
    pub uuid: String,
    /// Work number (`1001`).
    pub work_no: String,
    /// Name.
    pub name: String,
    /// Bound phone.
    pub phone: Option<String>,
    /// Bound extension.
    pub ext: Option<String>,
    /// `1` company-wide wrap-up, `2` individual.
    pub wrap_up_type: i64,
    /// Wrap-up seconds.
    pub wrap_up_time: i64,
    /// Login status (`1` online, `2` offline in the sandbox).
    pub login_status: i64,
    /// Busy reason (`0` none).
    pub not_ready_reason: i64,
    /// Whether the agent may call.
    pub call_permission: bool,
    /// Created, epoch ms.
    pub created_ms: i64,
    /// Updated, epoch ms.
    pub updated_ms: i64,
}

/// A member of a skill group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcMember {
    /// The agent's id.
    pub agent_uuid: String,
    /// Skill level.
    pub level: i64,
    /// Checked in automatically.
    pub checkin: bool,
}

/// A skill group (queue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcQueue {
    /// Skill-group number.
    pub id: String,
    /// Name.
    pub name: String,
    /// Weight.
    pub weight: String,
    /// Members.
    pub members: Vec<CcMember>,
}

/// An extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcExtension {
    /// Number.
    pub ext: String,
    /// SIP password.
    pub password: String,
    /// The bound agent's id and when it was bound.
    pub bound: Option<(String, i64)>,
}

/// A forbidden (do-not-call) number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForbiddenEntry {
    /// The number.
    pub number: String,
    /// `2` inbound, `3` outbound.
    pub call_type: i64,
    /// Whether it is in force.
    pub enabled: bool,
    /// Expiry date `yyyy-MM-dd`.
    pub expiration: Option<String>,
    /// Zone of the expiry.
    pub zone_id: Option<String>,
    /// Free text.
    pub description: Option<String>,
}

/// A relay (trunk) number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcRelayNumber {
    /// The number (masked like the examples).
    pub number: String,
    /// Alias.
    pub alias: String,
    /// Remark.
    pub remark: String,
    /// `0` disabled, `1` enabled, `2` cancelled.
    pub state: i64,
}

/// One contact row of a task's call list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
    /// The number to dial.
    pub telephone: String,
    /// Contact name.
    pub name: Option<String>,
    /// Assigned agent's work number.
    pub agent_no: Option<String>,
    /// Note.
    pub description: Option<String>,
    /// `(fieldId, fieldValue)`.
    pub custom_fields: Vec<(String, String)>,
    /// The batch it came in.
    pub calling_list_code: String,
    /// Whether it was dialled, and answered.
    pub dialled: bool,
    /// Whether it was answered.
    pub answered: bool,
    /// Talk seconds.
    pub talk_seconds: i64,
}

/// An outbound task (campaign).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    /// Campaign id (36 characters).
    pub id: String,
    /// Short task code (10 characters).
    pub code: String,
    /// Name.
    pub name: String,
    /// The creating agent's id.
    pub creator_uuid: String,
    /// Data-import template code.
    pub data_template_code: String,
    /// Wrap-up template code.
    pub wrap_up_template_code: String,
    /// Planned start, epoch ms.
    pub start_ms: i64,
    /// Planned end, epoch ms.
    pub end_ms: i64,
    /// Zone of the schedule.
    pub zone_id: String,
    /// Note.
    pub description: Option<String>,
    /// Created, epoch ms.
    pub created_ms: i64,
    /// Execution state (`0` not started, `1` running, `2` finished in the sandbox).
    pub state: i64,
    /// The call list.
    pub rows: Vec<CallRow>,
}

/// The outcome of one import batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBatch {
    /// Task id.
    pub campaign_id: String,
    /// Task code.
    pub code: String,
    /// Batch number.
    pub calling_list_code: String,
    /// The importing agent's id.
    pub agent_uuid: String,
    /// When, epoch ms.
    pub created_ms: i64,
    /// The rule used.
    pub rule: String,
    /// Rows imported.
    pub success: i64,
    /// Rows dropped as duplicates.
    pub repeat: i64,
    /// Rows rejected.
    pub error: i64,
    /// The error report's URL.
    pub report_url: Option<String>,
}

/// A data-import or wrap-up template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcTemplate {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Whether it can be used.
    pub enabled: bool,
    /// Custom field ids (data-import templates).
    pub field_ids: Vec<String>,
}

/// A contact plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPlan {
    /// Plan id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Customer number.
    pub number: String,
    /// The executing agent's id.
    pub executor_uuid: String,
    /// Start, epoch ms.
    pub start_ms: i64,
    /// End, epoch ms.
    pub end_ms: i64,
}

/// A published IVR flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcIvrFlow {
    /// Name.
    pub name: String,
    /// Code.
    pub code: String,
    /// Remarks.
    pub remarks: Option<String>,
}

/// The whole call-center tenant.
#[derive(Debug, Clone, Default)]
pub struct CallCenterState {
    /// Agents.
    pub agents: Vec<CcAgent>,
    /// Skill groups.
    pub queues: Vec<CcQueue>,
    /// Extensions.
    pub extensions: Vec<CcExtension>,
    /// Forbidden numbers.
    pub forbidden: Vec<ForbiddenEntry>,
    /// Relay numbers.
    pub relay_numbers: Vec<CcRelayNumber>,
    /// Data-import templates.
    pub data_templates: Vec<CcTemplate>,
    /// Wrap-up templates.
    pub wrap_up_templates: Vec<CcTemplate>,
    /// Outbound tasks, oldest first.
    pub campaigns: Vec<Campaign>,
    /// Import batches, oldest first.
    pub imports: Vec<ImportBatch>,
    /// Contact plans.
    pub contact_plans: Vec<ContactPlan>,
    /// Published IVR flows.
    pub ivr_flows: Vec<CcIvrFlow>,
}

impl CallCenterState {
    /// The agent identified by `value`: a work number when `by_id` is false, an id otherwise.
    pub fn agent(&self, value: &str, by_id: bool) -> Option<&CcAgent> {
        let value = value.trim();
        self.agents.iter().find(|a| {
            if by_id {
                a.uuid == value
            } else {
                a.work_no == value
            }
        })
    }

    /// The agent with this id or work number.
    pub fn agent_any(&self, value: &str) -> Option<&CcAgent> {
        self.agent(value, true).or_else(|| self.agent(value, false))
    }

    /// The agent with `uuid`, to change.
    pub fn agent_mut(&mut self, uuid: &str) -> Option<&mut CcAgent> {
        self.agents.iter_mut().find(|a| a.uuid == uuid)
    }

    /// The queue with `id`.
    pub fn queue(&self, id: &str) -> Option<&CcQueue> {
        self.queues.iter().find(|q| q.id == id.trim())
    }

    /// Whether `number` is an enabled, unexpired forbidden number for outbound calls on the
    /// day `today` (`yyyy-MM-dd`).
    pub fn forbids_outbound(&self, number: &str, today: &str) -> bool {
        self.forbidden.iter().any(|entry| {
            entry.number == number
                && entry.call_type == 3
                && entry.enabled
                && entry
                    .expiration
                    .as_deref()
                    .is_none_or(|until| until >= today)
        })
    }
}
