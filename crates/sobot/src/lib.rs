//! Sobot client for Switchboard: the v5 token broker, the whole Ticket API, the whole CRM API,
//! the payloads of the pushes Sobot sends, and the call center V6 basic-management API.
//!
//! * One [`SobotClient`] per connection (region host or any base URL, appid, app key, language,
//!   time zone, time dialect). Clones share one [`TokenBroker`]: a single-flight `get_token`,
//!   refreshed before `expires_in` runs out and at most once per request when Sobot answers
//!   `900001`/`900002` (configurable). Keep the token in a [`TokenStore`] shared with other
//!   processes so they do not invalidate each other's token.
//! * [`ticket`]: `client.tickets()`; [`crm`]: `client.crm()`. Every endpoint is a method with
//!   a typed request and response; lists are also streams over every page (ticket lists are
//!   split into windows of at most one month and pages of 50).
//! * Errors ([`Error`]) are classified by what to do (auth, validation, not found, business,
//!   rate limited, transport, decode) and say whether retrying can help; the vendor's
//!   `ret_msg` is kept exactly.
//! * [`push`]: inbound ticket and CRM pushes and the [`push::PushAck`] to answer with.
//! * [`callcenter`]: the call center V6 API (19 endpoints) with its own
//!   [`callcenter::CallCenterClient`]: company and agent tokens from `/tokens/company` and
//!   `/tokens/agent` through the same [`TokenBroker`] (replaced at half life, refreshed once on
//!   HTTP 401), the V6 envelope, both page shapes as streams, and an `Idempotency-Key` per
//!   outbound operation that every retry of it repeats.
//!
//! The vendor docs contradict themselves; each choice is documented where it is made, citing
//! the seed lines (`000:2605` = line 2605 of the English ticket doc, `001:` Chinese ticket doc,
//! `002:` CRM doc, `004:` call-center doc). Decoding is lenient (strings or numbers, empty strings, both spellings);
//! codes sets keep unknown values.
//!
//! # Example
//!
//! ```no_run
//! use std::path::Path;
//!
//! use chrono::{TimeZone, Utc};
//! use futures::TryStreamExt;
//! use sobot::crm::{BlacklistAdd, BlacklistDuration, BlacklistQuery, CrmStatus, CustomerInput, CustomerQuery};
//! use sobot::ticket::{AgentReply, ReplyVisibility, TicketFilter, TicketTime};
//! use sobot::{Host, Language, SobotClient, SobotConfig, TimeWindow};
//! use vendor_http::Secret;
//!
//! # async fn run() -> Result<(), sobot::Error> {
//! let config = SobotConfig::new(Host::Singapore, "my-appid", Secret::new("my-app-key"))
//!     .with_language(Language::English)
//!     .with_timezone_id("Asia/Singapore");
//! let client = SobotClient::new(config)?;
//!
//! // Tickets: every ticket updated in the first quarter (split into months and pages).
//! let quarter = TimeWindow::new(
//!     Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
//!     Utc.with_ymd_and_hms(2025, 4, 1, 0, 0, 0).unwrap(),
//! )?;
//! let tickets: Vec<_> = client
//!     .tickets()
//!     .list(TicketTime::Updated, quarter, TicketFilter::default())
//!     .try_collect()
//!     .await?;
//! if let Some(id) = tickets.first().and_then(|t| t.ticketid.clone()) {
//!     let detail = client.tickets().detail(&id).await?;
//!     // Upload an attachment (streamed, name kept) and reply with it.
//!     let url = client.tickets().upload_as_agent(Path::new("报告.pdf"), None).await?;
//!     let reply = AgentReply {
//!         ticketid: id,
//!         ticket_title: detail.ticket_title.unwrap_or_default(),
//!         ticket_content: detail.ticket_content.unwrap_or_default(),
//!         read_at: None,
//!         reply_type: ReplyVisibility::Public,
//!         reply_agentid: "agent-id".into(),
//!         reply_agent_name: "Agent".into(),
//!         ticket_status: detail.ticket_status.unwrap_or(sobot::ticket::TicketStatus::Processing),
//!         ticket_level: detail.ticket_level.unwrap_or(sobot::ticket::TicketLevel::Medium),
//!         reply_content: Some("See the attached report.".into()),
//!         deal_groupid: None,
//!         deal_group_name: None,
//!         deal_agentid: None,
//!         deal_agent_name: None,
//!         reply_file_str: Some(url),
//!         copy_agent: vec![],
//!         extend_fields: vec![],
//!     };
//!     client.tickets().reply_as_agent(&reply).await?;
//! }
//!
//! // Customers: upsert one, then list the blacklisted ones.
//! let saved = client
//!     .crm()
//!     .save_customer(&CustomerInput {
//!         nick: "Zhang San".into(),
//!         tel: Some("13800000000".into()),
//!         crm_status: Some(CrmStatus::FirstInquiry),
//!         ..CustomerInput::default()
//!     })
//!     .await?;
//! let blacklisted: Vec<_> = client
//!     .crm()
//!     .customers(CustomerQuery { isblack: Some("1".into()), ..CustomerQuery::default() })
//!     .try_collect()
//!     .await?;
//!
//! // Blacklist: add for 24 hours, then read the blacklist.
//! client
//!     .crm()
//!     .add_to_blacklist(&BlacklistAdd {
//!         user_id: saved.userid,
//!         black_type: BlacklistDuration::Hours24,
//!         black_reason: "abusive language".into(),
//!     })
//!     .await?;
//! let entries: Vec<_> = client.crm().blacklist(BlacklistQuery::default()).try_collect().await?;
//! println!("{} tickets, {} blacklisted customers, {} entries", tickets.len(), blacklisted.len(), entries.len());
//! # Ok(())
//! # }
//! ```
//!
//! # Call center example
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use sobot::Language;
//! use sobot::callcenter::{
//!     AgentIdentity, AgentType, AssignRule, CallCenterClient, CallCenterConfig, CallCenterHost,
//!     CallDirection, CallingListImport, ContactRow, ForbiddenNumber, ImportResultQuery,
//!     NewOutboundTask, RemoveDuplicatesRule, calling_list_code,
//! };
//! use vendor_http::Secret;
//!
//! # async fn run() -> Result<(), sobot::Error> {
//! // The app secret and tokens are Secrets; the agent is only needed for the five endpoints
//! // the docs mark "Agent token".
//! let config = CallCenterConfig::new(CallCenterHost::Singapore, "my-app-id", Secret::new("my-app-secret"))
//!     .with_agent(AgentIdentity::WorkNumber("1001".into()))
//!     .with_timezone_id("Asia/Singapore")
//!     .with_language(Language::English);
//! let cc = CallCenterClient::new(config)?;
//!
//! // Skill groups: a stream over every page.
//! let queues: Vec<_> = cc.queues().list().try_collect().await?;
//!
//! // Block a number for outbound calls; refused rows come back parsed, not as an error.
//! let report = cc
//!     .forbidden_numbers()
//!     .import(&[ForbiddenNumber::phone("13800138000", CallDirection::Outbound)])
//!     .await?;
//! for failure in report.failures() {
//!     eprintln!("row {:?}: {:?} = {:?}", failure.row, failure.field, failure.value);
//! }
//!
//! // An outbound task and one batch of contacts; each call sends its own Idempotency-Key,
//! // repeated on every retry of that call.
//! let task = cc
//!     .outbound()
//!     .create_task(&NewOutboundTask {
//!         agent_id: "1001".into(),
//!         agent_type: Some(AgentType::WorkNumber),
//!         name: "Renewals".into(),
//!         data_template_code: "D000000000".into(),
//!         wrap_up_template_code: "W000000000".into(),
//!         schedule_start_time: 1_760_000_000_000,
//!         schedule_end_time: 1_760_086_400_000,
//!         schedule_time_zone_id: Some("Asia/Singapore".into()),
//!         description: None,
//!     })
//!     .await?;
//! let batch = calling_list_code("renew", 1_760_000_000_000);
//! cc.outbound()
//!     .import(&CallingListImport {
//!         agent_id: "1001".into(),
//!         agent_type: Some(AgentType::WorkNumber),
//!         campaign_id: task.id.clone(),
//!         code: task.code.clone(),
//!         calling_list_code: batch.clone(),
//!         remove_duplicates_rule: RemoveDuplicatesRule::InCampaign,
//!         enable_filter_do_not_call_list_number: None,
//!         assign_rule: AssignRule::Average,
//!         assign_agent_and_count: vec![],
//!         data_details: vec![ContactRow { telephone: "13900139000".into(), ..ContactRow::default() }],
//!     })
//!     .await?;
//! let results: Vec<_> = cc
//!     .outbound()
//!     .import_results(ImportResultQuery {
//!         agent_id: "1001".into(),
//!         calling_list_code: Some(batch),
//!         campaign_id: task.id,
//!         ..ImportResultQuery::default()
//!     })
//!     .try_collect()
//!     .await?;
//! println!("{} skill groups, {} import results", queues.len(), results.len());
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod auth;
pub mod callcenter;
pub mod client;
pub mod codes;
pub mod config;
pub mod crm;
pub(crate) mod de;
pub mod envelope;
pub mod error;
pub mod paging;
pub mod push;
pub mod ticket;
pub mod time;
pub mod token;
pub(crate) mod wire;

pub use client::{SobotClient, SobotClientBuilder};
pub use config::{Host, Language, SobotConfig, TimeDialect};
pub use error::{AuthFailure, Error, Result};
pub use time::TimeWindow;
pub use token::{MemoryTokenStore, StoredToken, TokenBroker, TokenStore};
