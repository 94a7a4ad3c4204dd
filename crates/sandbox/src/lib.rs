//! Switchboard's sandbox: a doc-faithful, stateful simulator of the vendor APIs (DESIGN §4).
//!
//! It serves the whole Sobot v5 API (`get_token`, the 24 other Ticket endpoints and the 39 CRM
//! endpoints, `/api/...`), the Sobot call center V6 (its two token endpoints and 19 endpoints,
//! `/callservice/v6/...`) and the Udesk ticket Open API (`log_in` and 19 endpoints,
//! `/open_api_v1/...`), built on the `sobot` and `udesk` clients' request and response types.
//! [`ConnectionInfo`] (the binary's first line) says how each client reaches it.
//!
//! * **State that behaves:** created and replied tickets, deleted replies, tags, stages,
//!   assignments and the blacklist change what later reads return; customer create is an upsert
//!   matched by phone or email; call-center agents, skill groups, extensions, forbidden numbers,
//!   outbound tasks and their imports, and Udesk tickets, replies, attachments and ratings
//!   change later reads too.
//! * **Strictness:** the `get_token` signature, tokens (a new token invalidates the previous one;
//!   the lifetime is configurable), required and malformed parameters, one-month windows and the
//!   page-size cap, each answered with the documented `ret_code`; the V6 token signature and
//!   `Idempotency-Key` replay; Udesk's SHA-256 signature, nonce reuse, timestamp skew and rate
//!   limit (see the crate README for the choices where the docs name no code).
//! * **Seed data:** deterministic from a seed, a [`Size`] and an anchor day, with Chinese and
//!   English names.
//! * **Admin API** under `/__sandbox/`: reset, reseed, fault injection and the request journal
//!   ([`admin`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), sandbox::SandboxError> {
//! use sandbox::{Sandbox, SandboxConfig, Size};
//!
//! let running = Sandbox::start(SandboxConfig::new(7, Size::Small)).await?;
//! println!("Sobot v5 at {}", running.info().sobot.base_url);
//! running.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod admin;
mod app;
mod callcenter;
pub mod clock;
pub mod config;
pub mod faults;
mod gate;
pub mod journal;
mod multipart;
mod samples;
pub mod seed;
mod server;
mod sobot;
pub mod state;
mod udesk;
pub mod xlsx;

pub use config::{CallCenterCredentials, SandboxConfig, Size, SobotCredentials, UdeskCredentials};
pub use faults::{FaultKind, FaultRule, FaultTrigger};
pub use journal::JournalEntry;
pub use server::{CallCenterInfo, ConnectionInfo, Sandbox, SandboxError, SobotInfo, UdeskInfo};
