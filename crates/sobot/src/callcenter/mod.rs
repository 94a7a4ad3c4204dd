//! The Sobot call center V6 basic-management API (`/callservice/v6/*`, sobot-callcenter.md):
//! agents, skill groups, extensions, forbidden and relay numbers, outbound tasks, contact plans
//! and IVR flows — 19 endpoints, each a typed method.
//!
//! * [`CallCenterClient`]: one per connection. It fetches a company token
//!   (`POST /tokens/company`) and, when an agent is configured, an agent token
//!   (`POST /tokens/agent`), both signed `md5(appId + currentTime + "token" + appSecret)`.
//!   Tokens go through the shared [`TokenBroker`](crate::TokenBroker): single-flight,
//!   persisted in a [`TokenStore`](crate::TokenStore), replaced at **half their lifetime**, and
//!   refreshed at most once per request on HTTP 401.
//! * What the docs leave open is a setting of [`CallCenterConfig`]: the `Authorization`
//!   prefix (default `Bearer `), which endpoints get the agent token, the token's key in the
//!   answer (decoded leniently either way).
//! * Answers use the V6 envelope ([`V6Envelope`]); failures become the crate's
//!   [`Error`](crate::Error), classified as for v5 (see [`error`]). Lists are streams over all
//!   pages in either page shape ([`Paged`]).
//! * Outbound-task calls carry an [`IdempotencyKey`]: new per operation, identical on every
//!   retry, so they are retried like reads.
//! * SIP passwords and tokens are [`Secret`](vendor_http::Secret)s.
//!
//! Seed references `004:` are lines of the vendor's call-center page.

pub mod agents;
pub mod auth;
pub mod blacklist;
pub mod client;
pub mod codes;
pub mod config;
pub mod contact_plans;
pub mod envelope;
pub mod error;
pub mod extensions;
pub mod ivr;
pub mod numbers;
pub mod outbound;
pub mod outbound_import;
pub mod paging;
pub mod paths;
pub mod queues;
pub(crate) mod token;

pub use agents::*;
pub use blacklist::*;
pub use client::{
    CallCenterClient, CallCenterClientBuilder, IDEMPOTENCY_KEY_HEADER, IdempotencyKey,
};
pub use codes::*;
pub use config::{AgentIdentity, AgentTokenScope, CallCenterConfig, CallCenterHost};
pub use contact_plans::*;
pub use envelope::{Paged, V6Envelope, V6Head};
pub use extensions::*;
pub use ivr::*;
pub use numbers::*;
pub use outbound::*;
pub use outbound_import::*;
pub use queues::*;

macro_rules! facade {
    ($(#[$meta:meta])* $name:ident, $method:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<'a> {
            pub(crate) client: &'a CallCenterClient,
        }

        impl CallCenterClient {
            $(#[$meta])*
            pub fn $method(&self) -> $name<'_> {
                $name { client: self }
            }
        }
    };
}

facade!(
    /// Agent settings and the call-agent list.
    Agents, agents
);
facade!(
    /// Skill groups (queues) and their members.
    Queues, queues
);
facade!(
    /// Extensions.
    Extensions, extensions
);
facade!(
    /// Enterprise forbidden numbers (the call-center blacklist).
    ForbiddenNumbers, forbidden_numbers
);
facade!(
    /// Relay numbers.
    Numbers, numbers
);
facade!(
    /// Outbound tasks, their data import and import results.
    Outbound, outbound
);
facade!(
    /// Contact plans.
    ContactPlans, contact_plans
);
facade!(
    /// Published IVR flows.
    Ivr, ivr
);
