//! Switchboard's sandbox: a doc-faithful, stateful simulator of the vendor APIs (DESIGN §4).
//!
//! Today it serves the whole Sobot v5 API (`get_token`, the 24 other Ticket endpoints and the
//! 39 CRM endpoints) under their documented paths (`/api/...`), built on the `sobot` client's
//! request and response types. The call center (V6) and Udesk come later; their slots in
//! [`ConnectionInfo`] are `null` until then.
//!
//! * **State that behaves:** created and replied tickets, deleted replies, tags, stages,
//!   assignments and the blacklist change what later reads return; customer create is an upsert
//!   matched by phone or email.
//! * **Strictness:** the `get_token` signature, tokens (a new token invalidates the previous one;
//!   the lifetime is configurable), required and malformed parameters, one-month windows and the
//!   page-size cap, each answered with the documented `ret_code` (see the crate README for the
//!   choices where the docs name no code).
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
pub mod clock;
pub mod config;
pub mod faults;
mod gate;
pub mod journal;
mod multipart;
pub mod seed;
mod server;
mod sobot;
pub mod state;

pub use config::{SandboxConfig, Size, SobotCredentials};
pub use faults::{FaultKind, FaultRule, FaultTrigger};
pub use journal::JournalEntry;
pub use server::{ConnectionInfo, Sandbox, SandboxError, SobotInfo};
