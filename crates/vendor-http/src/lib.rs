//! HTTP plumbing shared by Switchboard's vendor clients (Sobot, Udesk).
//!
//! This crate holds what every vendor client needs and nothing vendor-specific:
//!
//! * [`Secret`], the wrapper for credentials and tokens;
//! * [`HttpClient`], a thin transport over `reqwest` that reads whole (small) responses and maps
//!   transport failures into [`HttpError`];
//! * [`retry`], a retry loop that *rebuilds* (and so re-signs) the request on every attempt and
//!   only repeats what is safe to repeat ([`Idempotency`], [`RetryClass`]);
//! * [`RateLimiter`], a token bucket over an injectable [`Clock`];
//! * [`lenient`], serde helpers for vendor JSON that flips between strings and numbers;
//! * [`decode_json`], decoding with the failing JSON path and a redacted excerpt of the body;
//! * [`multipart`], streamed file parts that keep the file name exactly;
//! * [`sent`], upload bodies that report how many bytes have gone out;
//! * [`paging`], one stream over every page of a list, whatever the vendor's page shape.
//!
//! # Example
//!
//! Decode a vendor answer whose numbers arrive as strings, and see where a bad one fails:
//!
//! ```
//! use serde::Deserialize;
//! use vendor_http::{decode_json, lenient};
//!
//! #[derive(Deserialize)]
//! struct Token {
//!     #[serde(alias = "expire_in", deserialize_with = "lenient::i64")]
//!     expires_in: i64,
//! }
//! #[derive(Deserialize)]
//! struct Envelope {
//!     #[serde(alias = "retCode")]
//!     ret_code: String,
//!     item: Token,
//! }
//!
//! let ok: Envelope = decode_json(br#"{"retCode":"000000","item":{"expires_in":"86400"}}"#).unwrap();
//! assert_eq!((ok.ret_code.as_str(), ok.item.expires_in), ("000000", 86_400));
//!
//! let bad = decode_json::<Envelope>(br#"{"ret_code":"000000","item":{"expires_in":"soon"}}"#);
//! assert_eq!(bad.err().map(|e| e.path), Some("item.expires_in".to_owned()));
//! ```
//!
//! A request that must be re-signed on every attempt builds it inside the closure given to
//! [`retry()`]:
//!
//! ```
//! # async fn demo() -> Result<(), vendor_http::HttpError> {
//! use vendor_http::{HttpClient, HttpConfig, Idempotency, RetryPolicy, retry};
//!
//! let http = HttpClient::new(HttpConfig::default())?;
//! let url = url::Url::parse("http://127.0.0.1:9/api/items").expect("valid");
//! let answer = retry(&RetryPolicy::default(), Idempotency::Idempotent, |attempt| {
//!     let nonce = format!("nonce-{attempt}"); // fresh per attempt
//!     let request = http.request(reqwest::Method::GET, url.clone()).query(&[("nonce", nonce)]);
//!     let http = http.clone();
//!     async move { http.send(request).await?.error_for_status() }
//! })
//! .await;
//! # let _ = answer;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod clock;
pub mod code_enum;
mod decode;
mod error;
pub mod lenient;
pub mod multipart;
pub mod paging;
pub mod rate_limit;
pub mod retry;
mod secret;
pub mod sent;
#[cfg(any(test, feature = "test-support"))]
pub mod test_support;
mod transport;
pub mod wire;

pub use clock::{Clock, ManualClock, SystemClock};
pub use decode::{DecodeError, decode_json, decode_value, redacted_excerpt};
pub use error::{HttpError, RetryClass, Retryable};
pub use rate_limit::RateLimiter;
pub use retry::{Idempotency, RetryPolicy, retry};
pub use secret::Secret;
pub use sent::SentBytes;
pub use transport::{HttpClient, HttpConfig, RawResponse};

/// `serde`, for the code the [`code_enum!`] macro generates in the vendor crates.
#[doc(hidden)]
pub use serde;

/// Re-exports of the `reqwest` types that appear in this crate's API, so vendor crates and their
/// callers use the same version.
pub use reqwest;
