//! The Sobot client's error type, classified by what the caller should do.

use std::time::Duration;

use vendor_http::{DecodeError, HttpError, RetryClass, Retryable};

use crate::codes::{self, CodeKind};

/// Why Sobot refused our credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthFailure {
    /// The token was blank or expired, and a fresh token was refused as well.
    TokenRejected,
    /// `get_token` refused the signature (`900003`): wrong app_key, appid or clock.
    Signature,
    /// The company has no API configuration (`900004`).
    NotConfigured,
    /// The company's plan does not include the API (`700046`).
    PlanNotEligible,
}

/// Everything that can go wrong calling Sobot.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Credentials or entitlement: re-authenticate or fix the connection settings.
    #[error("Sobot authentication failed ({code}): {message}")]
    Auth {
        /// What kind of authentication failure.
        reason: AuthFailure,
        /// The vendor's `ret_code`.
        code: String,
        /// The vendor's `ret_msg`, as sent.
        message: String,
    },
    /// A request parameter was missing or invalid.
    #[error("Sobot rejected the request ({code}{}): {message}", field.map(|f| format!(", field {f}")).unwrap_or_default())]
    Validation {
        /// The vendor's `ret_code`.
        code: String,
        /// The field concerned, when the code names one.
        field: Option<&'static str>,
        /// The vendor's `ret_msg`, as sent.
        message: String,
    },
    /// The ticket, reply, tag or group addressed does not exist.
    #[error("Sobot could not find it ({code}): {message}")]
    NotFound {
        /// The vendor's `ret_code`.
        code: String,
        /// The vendor's `ret_msg`, as sent.
        message: String,
    },
    /// Any other vendor error code (business rule, conflict, vendor failure, undocumented code).
    #[error("Sobot error {code}: {message}")]
    Business {
        /// The vendor's `ret_code`.
        code: String,
        /// The vendor's `ret_msg`, as sent.
        message: String,
    },
    /// The vendor answered HTTP 429.
    #[error("rate limited by Sobot")]
    RateLimited {
        /// The `Retry-After` the vendor sent, if any.
        retry_after: Option<Duration>,
    },
    /// Network, timeout or HTTP-level failure.
    #[error(transparent)]
    Transport(HttpError),
    /// The answer could not be decoded; the error names the JSON path.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Another caller's `get_token` failed while this one waited for it; its error is quoted.
    #[error("no Sobot token: {message}")]
    TokenUnavailable {
        /// The other caller's error.
        message: String,
        /// Whether that error was retryable.
        retryable: bool,
    },
    /// A local file to upload could not be read.
    #[error("cannot read {path}: {source}")]
    LocalFile {
        /// The path as given.
        path: String,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// The request was refused before sending (e.g. an empty time window).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl Error {
    /// Classifies a non-success `ret_code`, keeping `ret_msg` exactly as the vendor sent it.
    pub fn from_vendor(code: &str, message: &str) -> Self {
        let code_owned = code.trim().to_owned();
        let message = message.to_owned();
        let Some(info) = codes::lookup(code) else {
            return Error::Business {
                code: code_owned,
                message,
            };
        };
        match info.kind {
            CodeKind::TokenInvalid => Error::Auth {
                reason: AuthFailure::TokenRejected,
                code: code_owned,
                message,
            },
            CodeKind::Signature => Error::Auth {
                reason: AuthFailure::Signature,
                code: code_owned,
                message,
            },
            CodeKind::NotEntitled => Error::Auth {
                reason: if info.code == "700046" {
                    AuthFailure::PlanNotEligible
                } else {
                    AuthFailure::NotConfigured
                },
                code: code_owned,
                message,
            },
            CodeKind::Validation => Error::Validation {
                code: code_owned,
                field: info.field,
                message,
            },
            CodeKind::NotFound => Error::NotFound {
                code: code_owned,
                message,
            },
            CodeKind::Success | CodeKind::Conflict | CodeKind::VendorFailure => Error::Business {
                code: code_owned,
                message,
            },
        }
    }

    /// The vendor's `ret_code`, if the error came from one.
    pub fn vendor_code(&self) -> Option<&str> {
        match self {
            Error::Auth { code, .. }
            | Error::Validation { code, .. }
            | Error::NotFound { code, .. }
            | Error::Business { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The vendor's `ret_msg` exactly as sent, if the error came from one.
    pub fn vendor_message(&self) -> Option<&str> {
        match self {
            Error::Auth { message, .. }
            | Error::Validation { message, .. }
            | Error::NotFound { message, .. }
            | Error::Business { message, .. } => Some(message),
            _ => None,
        }
    }
}

impl From<HttpError> for Error {
    fn from(error: HttpError) -> Self {
        match error {
            HttpError::RateLimited { retry_after } => Error::RateLimited { retry_after },
            HttpError::Decode(decode) => Error::Decode(decode),
            HttpError::File { path, source } => Error::LocalFile { path, source },
            HttpError::InvalidRequest(message) => Error::InvalidRequest(message),
            other => Error::Transport(other),
        }
    }
}

impl Retryable for Error {
    fn retry_class(&self) -> RetryClass {
        match self {
            Error::Transport(inner) => inner.retry_class(),
            Error::RateLimited { .. } => RetryClass::Always,
            // get_token is safe to repeat.
            Error::TokenUnavailable {
                retryable: true, ..
            } => RetryClass::Always,
            // "Unknown system error" and "request failed" may be transient, and so may a
            // call-center V6 server failure (`code` 5xx).
            Error::Business { code, .. }
                if code == "999999" || code == "400014" || is_v6_server_code(code) =>
            {
                RetryClass::IfIdempotent
            }
            _ => RetryClass::Never,
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }
}

/// Whether a vendor code is a call-center V6 server failure (`500`..`599`; v5 codes have six
/// digits, so they never match).
fn is_v6_server_code(code: &str) -> bool {
    code.len() == 3 && code.starts_with('5') && code.bytes().all(|b| b.is_ascii_digit())
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_messages_are_kept_exactly() {
        let error = Error::from_vendor("400003", "查询创建时间段不能超过一个月 ");
        assert_eq!(
            error.vendor_message(),
            Some("查询创建时间段不能超过一个月 ")
        );
        assert!(matches!(
            error,
            Error::Validation {
                field: Some("create_end_datetime"),
                ..
            }
        ));
    }

    #[test]
    fn auth_codes_say_what_to_fix() {
        assert!(matches!(
            Error::from_vendor("900003", "sign error"),
            Error::Auth {
                reason: AuthFailure::Signature,
                ..
            }
        ));
        assert!(matches!(
            Error::from_vendor("700046", "x"),
            Error::Auth {
                reason: AuthFailure::PlanNotEligible,
                ..
            }
        ));
        assert!(matches!(
            Error::from_vendor("900004", "x"),
            Error::Auth {
                reason: AuthFailure::NotConfigured,
                ..
            }
        ));
    }

    #[test]
    fn undocumented_codes_are_business_errors_with_the_code() {
        let error = Error::from_vendor("123456", "new");
        assert_eq!(error.vendor_code(), Some("123456"));
        assert!(!error.is_retryable());
    }

    #[test]
    fn not_found_and_vendor_failures_are_told_apart() {
        assert!(matches!(
            Error::from_vendor("400020", "x"),
            Error::NotFound { .. }
        ));
        assert!(Error::from_vendor("999999", "x").is_retryable());
        assert!(!Error::from_vendor("510002", "dup").is_retryable());
    }
}
