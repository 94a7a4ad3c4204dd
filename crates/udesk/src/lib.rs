//! Udesk ticket Open API client for Switchboard.
//!
//! * One [`UdeskClient`] per Udesk account: the tenant's base URL (`https://demo.udesk.cn`, a
//!   sandbox, anything; paths live under `/open_api_v1`), the super administrator's email and
//!   the API token (a [`Secret`](vendor_http::Secret), obtainable with
//!   [`UdeskClient::log_in`]).
//! * Every request is signed with the v2 scheme ([`auth`]): `sign = sha256(email&token&
//!   timestamp&nonce&v2)` in lowercase hex, with a fresh timestamp and nonce on every attempt,
//!   retries included. Query values are URL-encoded (`num=%23848`).
//! * Success is `code == 1000` whatever the HTTP status; other codes become an [`Error`]
//!   classified by what to do (auth, validation with the field, not found, business, rate
//!   limited, transport, decode), keeping the vendor's message exactly, and saying whether
//!   retrying can help. The API token never reaches a log line or an error message.
//! * Requests pass a rate limiter (60 calls per minute per account by default; share one
//!   [`RateLimiter`](vendor_http::RateLimiter) between the clients of one account). Reads are
//!   retried with backoff on transport failures and HTTP 5xx; writes are not, unless repeating
//!   them is safe.
//! * [`tickets`]: `client.tickets()`, all 19 endpoints, each with typed requests and answers;
//!   lists are also streams over every page, and [`tickets::Tickets::export`] streams the whole
//!   export scroll.
//!
//! The vendor doc (the "seed") contradicts itself; each choice is documented where it is made,
//! citing seed lines as `003:812` (line 812 of `003_caeb9d2ec5c40a75.txt`). Decoding is lenient
//! (strings or numbers, empty strings, both spellings); code sets keep unknown values;
//! differences that cannot be settled from the docs are connection settings ([`UdeskConfig`]).
//!
//! # Example
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use udesk::tickets::{
//!     AgentReply, FieldInput, FileUpload, FunctionType, NewTicket, TicketChanges, TicketKey,
//!     TicketStatus, TicketUpdate,
//! };
//! use udesk::{UdeskClient, UdeskConfig};
//! use vendor_http::Secret;
//!
//! # async fn run() -> Result<(), udesk::Error> {
//! let config = UdeskConfig::for_subdomain("demo", "admin@udesk.cn", Secret::new(""))?;
//! let client = UdeskClient::new(config)?;
//! // Once: trade the super administrator's password for the API token (keep it in the keychain).
//! let _token = client.log_in(&Secret::new("password")).await?;
//!
//! // Create a ticket with a select field, then change its status and custom fields.
//! let mut ticket = NewTicket::new("Printer on fire", "Third floor, again.");
//! ticket.ticket_field.insert("SelectField_3".into(), FieldInput::Options(vec!["0".into(), "3".into()]));
//! let id = client.tickets().create(&ticket).await?;
//! let update = TicketUpdate {
//!     ticket: TicketChanges {
//!         subject: "Printer on fire".into(),
//!         status_id: Some(TicketStatus::Solving),
//!         ..TicketChanges::default()
//!     },
//!     ..TicketUpdate::default()
//! };
//! client.tickets().update(&id, &update).await?;
//!
//! // Attach a screenshot to the next reply and reply internally.
//! let file = FileUpload::new(id.clone(), "screenshot.png", vec![0x89, b'P', b'N', b'G'])
//!     .with_mime_type("image/png");
//! let uploaded = client.tickets().upload_file_for_reply(&file).await?;
//! client
//!     .tickets()
//!     .agent_reply(&AgentReply {
//!         ticket: TicketKey::id(id.clone()),
//!         agent_id: "13".into(),
//!         function_type: FunctionType::Internal,
//!         new_reply: "Facilities informed.".into(),
//!         cc: vec![],
//!         cc_customer: vec![],
//!         attachment_ids: uploaded.attachment_id.into_iter().collect(),
//!     })
//!     .await?;
//!
//! // Read it back by its number, and export a whole filter through the scroll.
//! let detail = client.tickets().detail(&TicketKey::num("848")).await?;
//! let exported: Vec<_> = client.tickets().export("2").try_collect().await?;
//! println!("{:?}: {} tickets in filter 2", detail.subject, exported.len());
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod auth;
pub mod client;
pub mod codes;
pub mod config;
pub(crate) mod de;
pub mod envelope;
pub mod error;
pub mod paging;
pub mod tickets;
pub mod time;
pub(crate) mod wire;

pub use client::{UdeskClient, UdeskClientBuilder};
pub use config::{PriorityNames, TicketIdPlacement, UdeskConfig};
pub use error::{AuthFailure, Error, Result};
