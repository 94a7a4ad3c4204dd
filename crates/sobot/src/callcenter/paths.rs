//! Every call-center path, relative to the connection's base URL (a server serves them under
//! `/`). The client and a simulator of the API share these, so the two cannot drift apart.

/// Company token (§1.2 B).
pub const TOKENS_COMPANY: &str = "tokens/company";
/// Agent token (§1.2 A).
pub const TOKENS_AGENT: &str = "tokens/agent";

/// Query (GET) and modify (POST) agent settings (004:30, 99).
pub const AGENTS: &str = "callservice/v6/cc-config/api/agents";
/// Unbind agent settings (004:174).
pub const AGENTS_UNBIND: &str = "callservice/v6/cc-config/api/agents/unbind";
/// Query the call-agent list (004:245).
pub const AGENTS_CALL_SEARCH: &str = "callservice/v6/cc-config/api/agents/call/_search";
/// Query skill groups (plural `queues`, 004:358).
pub const QUEUES_SEARCH: &str = "callservice/v6/cc-config/api/queues/_search";
/// Add (POST) and delete (DELETE with a body) a skill group (singular `queue`, 004:446, 516).
pub const QUEUE: &str = "callservice/v6/cc-config/api/queue";
/// Query skill-group members (`search`, no underscore, 004:573).
pub const QUEUE_AGENTS_SEARCH: &str = "callservice/v6/cc-config/api/queue/agents/search";
/// Update skill-group members in bulk (004:734).
pub const QUEUE_AGENTS: &str = "callservice/v6/cc-config/api/queue/agents";
/// Query extensions (004:910).
pub const EXTS_SEARCH: &str = "callservice/v6/cc-config/api/exts/_search";
/// Create an extension (004:1011).
pub const EXTS_ADD: &str = "callservice/v6/cc-config/api/exts/_add";
/// Import forbidden numbers (PUT, no `/api/`, 004:1076).
pub const BLACKLIST_BATCH: &str = "callservice/v6/cc-config/blacklist/batch";
/// Query relay numbers (004:1203).
pub const GATEWAY_NUMBER_SEARCH: &str = "callservice/v6/cc-config/api/gatewayNumber/search";
/// Create an outbound task (004:1315).
pub const CAMPAIGNS: &str = "callservice/v6/cc-outbound/api/campaigns";
/// Import outbound data (service `cc-exports`, 004:1405).
pub const CAMPAIGNS_IMPORT: &str = "callservice/v6/cc-exports/api/campaigns/_import";
/// Query import results (004:1545).
pub const CAMPAIGNS_IMPORT_RESULT: &str =
    "callservice/v6/cc-outbound/api/campaigns/calling-list/import-result";
/// Query outbound tasks (004:1670).
pub const CAMPAIGNS_LIST: &str = "callservice/v6/cc-outbound/api/campaigns/getList";
/// Create contact plans in bulk (no `/api/`, 004:1817).
pub const CONTACT_SCHEDULES_BATCH_ADD: &str =
    "callservice/v6/cc-console/contact-schedules/_batchAddInfos";
/// Query published IVR flows (004:1921).
pub const IVR_PUBLISHED_SEARCH: &str = "callservice/v6/cc-ivr/api/ivr/published/_search";
