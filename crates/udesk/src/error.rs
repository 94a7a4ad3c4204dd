//! The Udesk client's error type, classified by what the caller should do.

use std::time::Duration;

use vendor_http::{DecodeError, HttpError, RetryClass, Retryable};

use crate::codes::{self, CodeKind};

/// Why Udesk refused our credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthFailure {
    /// Wrong signature (`2059`): wrong API token or email.
    Signature,
    /// `timestamp` malformed or more than 5 minutes off (`20621`, `20622`): fix the clock.
    Timestamp,
    /// The nonce was already used (`20623`); a retry with a fresh nonce can succeed.
    NonceReused,
    /// The nonce was missing (`20624`).
    NonceMissing,
    /// Wrong tenant subdomain (`2002`).
    WrongTenant,
    /// The email is not a super administrator (`2015`).
    NotAdministrator,
    /// The tenant's plan does not include the Open API (`2058`).
    PlanNotEligible,
    /// `log_in` refused the email or password.
    LoginRejected,
}

/// Everything that can go wrong calling Udesk.
///
/// No variant ever holds the API token or password: texts from the vendor and from the
/// transport are scrubbed of the connection's secrets before they are wrapped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Credentials, signature, clock or entitlement: fix the connection or log in again.
    #[error("Udesk authentication failed ({code}): {message}")]
    Auth {
        /// What kind of authentication failure.
        reason: AuthFailure,
        /// The vendor's `code`.
        code: i64,
        /// The vendor's `message`, as sent.
        message: String,
    },
    /// A request parameter was missing or invalid.
    #[error("Udesk rejected the request ({code}{}): {message}", field.map(|f| format!(", field {f}")).unwrap_or_default())]
    Validation {
        /// The vendor's `code`.
        code: i64,
        /// The field concerned, when the code or message names one.
        field: Option<&'static str>,
        /// The vendor's `message`, as sent.
        message: String,
        /// The vendor's `exception.message`, when sent.
        detail: Option<String>,
    },
    /// The ticket, agent, filter, attachment, ... addressed does not exist.
    #[error("Udesk could not find it ({code}): {message}")]
    NotFound {
        /// The vendor's `code`.
        code: i64,
        /// The parameter that referenced it, when known.
        field: Option<&'static str>,
        /// The vendor's `message`, as sent.
        message: String,
        /// The vendor's `exception.message`, when sent.
        detail: Option<String>,
    },
    /// Any other vendor code (business rule, limit, plan, undocumented code).
    #[error("Udesk error {code}: {message}")]
    Business {
        /// The vendor's `code`.
        code: i64,
        /// The vendor's `message`, as sent.
        message: String,
        /// The vendor's `exception.message`, when sent.
        detail: Option<String>,
    },
    /// The vendor answered HTTP 429.
    #[error("rate limited by Udesk")]
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
    /// A local file to upload could not be read.
    #[error("cannot read {path}: {source}")]
    LocalFile {
        /// The path as given.
        path: String,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// The request was refused before sending (no token, empty ID, file too large, ...).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl Error {
    /// Classifies a non-success `code`, keeping `message` exactly as the vendor sent it.
    /// `detail` is the error body's `exception.message`, if any.
    pub fn from_vendor(code: i64, message: &str, detail: Option<&str>) -> Self {
        let text = match detail {
            Some(detail) => format!("{message} {detail}"),
            None => message.to_owned(),
        };
        let message = message.to_owned();
        let detail = detail.map(str::to_owned);
        match codes::classify(code, &text) {
            CodeKind::Auth(reason) => Error::Auth {
                reason,
                code,
                message,
            },
            CodeKind::Validation(field) => Error::Validation {
                code,
                field,
                message,
                detail,
            },
            CodeKind::NotFound(field) => Error::NotFound {
                code,
                field,
                message,
                detail,
            },
            CodeKind::Business => Error::Business {
                code,
                message,
                detail,
            },
        }
    }

    /// The vendor's `code`, if the error came from one.
    pub fn vendor_code(&self) -> Option<i64> {
        match self {
            Error::Auth { code, .. }
            | Error::Validation { code, .. }
            | Error::NotFound { code, .. }
            | Error::Business { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The vendor's `message` exactly as sent, if the error came from one.
    pub fn vendor_message(&self) -> Option<&str> {
        match self {
            Error::Auth { message, .. }
            | Error::Validation { message, .. }
            | Error::NotFound { message, .. }
            | Error::Business { message, .. } => Some(message),
            _ => None,
        }
    }

    /// The field a validation or not-found error concerns, when known.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } | Error::NotFound { field, .. } => *field,
            _ => None,
        }
    }

    /// Replaces every occurrence of the given secret values in the error's texts.
    pub(crate) fn scrub(self, secrets: &[&str]) -> Self {
        let clean = |text: String| scrub_text(text, secrets);
        match self {
            Error::Auth {
                reason,
                code,
                message,
            } => Error::Auth {
                reason,
                code,
                message: clean(message),
            },
            Error::Validation {
                code,
                field,
                message,
                detail,
            } => Error::Validation {
                code,
                field,
                message: clean(message),
                detail: detail.map(clean),
            },
            Error::NotFound {
                code,
                field,
                message,
                detail,
            } => Error::NotFound {
                code,
                field,
                message: clean(message),
                detail: detail.map(clean),
            },
            Error::Business {
                code,
                message,
                detail,
            } => Error::Business {
                code,
                message: clean(message),
                detail: detail.map(clean),
            },
            Error::Decode(decode) => Error::Decode(scrub_decode(decode, secrets)),
            Error::Transport(inner) => Error::Transport(match inner {
                HttpError::Status { status, excerpt } => HttpError::Status {
                    status,
                    excerpt: clean(excerpt),
                },
                HttpError::Connect(text) => HttpError::Connect(clean(text)),
                HttpError::Transport(text) => HttpError::Transport(clean(text)),
                HttpError::InvalidRequest(text) => HttpError::InvalidRequest(clean(text)),
                HttpError::Decode(decode) => HttpError::Decode(scrub_decode(decode, secrets)),
                other => other,
            }),
            Error::InvalidRequest(text) => Error::InvalidRequest(clean(text)),
            other => other,
        }
    }
}

fn scrub_decode(decode: DecodeError, secrets: &[&str]) -> DecodeError {
    DecodeError {
        path: decode.path,
        message: scrub_text(decode.message, secrets),
        excerpt: scrub_text(decode.excerpt, secrets),
    }
}

/// Secrets shorter than this are not searched for (they would mangle ordinary words, and no
/// real token or password is that short).
const MIN_SCRUB_CHARS: usize = 4;

/// Replaces each secret value in `text` with `[redacted]`.
pub(crate) fn scrub_text(mut text: String, secrets: &[&str]) -> String {
    for secret in secrets {
        if secret.chars().count() >= MIN_SCRUB_CHARS && text.contains(secret) {
            text = text.replace(secret, "[redacted]");
        }
    }
    text
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
            // Udesk refused the request without acting on it; the next attempt has a new nonce.
            Error::Auth {
                reason: AuthFailure::NonceReused,
                ..
            } => RetryClass::Always,
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

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_messages_are_kept_exactly_and_the_field_named() {
        let error = Error::from_vendor(2000, "Sorry, ticket subject cannot be empty ", None);
        assert_eq!(
            error.vendor_message(),
            Some("Sorry, ticket subject cannot be empty ")
        );
        assert_eq!(error.field(), Some("subject"));
        assert_eq!(error.vendor_code(), Some(2000));
        assert!(!error.is_retryable());
    }

    #[test]
    fn the_exception_message_helps_classify_and_is_kept() {
        let error = Error::from_vendor(
            2000,
            "Unknown error",
            Some("param is missing or the value is empty: ticket"),
        );
        let Error::Validation { field, detail, .. } = error else {
            panic!("expected a validation error");
        };
        assert_eq!(field, Some("ticket"));
        assert_eq!(
            detail.as_deref(),
            Some("param is missing or the value is empty: ticket")
        );
    }

    #[test]
    fn only_a_reused_nonce_among_vendor_codes_is_worth_retrying() {
        assert!(Error::from_vendor(20623, "nonce used", None).is_retryable());
        assert!(!Error::from_vendor(20622, "timestamp", None).is_retryable());
        assert!(!Error::from_vendor(20576, "rated", None).is_retryable());
        assert!(
            Error::RateLimited {
                retry_after: Some(Duration::from_secs(1))
            }
            .is_retryable()
        );
    }

    #[test]
    fn scrubbing_removes_secret_values_from_every_text() {
        let error = Error::Business {
            code: 1,
            message: "token tok-123 bad".into(),
            detail: Some("tok-123".into()),
        }
        .scrub(&["tok-123", ""]);
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("tok-123"), "{shown}");
        let decode = Error::Decode(DecodeError {
            path: "a".into(),
            message: "m".into(),
            excerpt: "{\"open_api_auth_token\":\"tok-123\"}".into(),
        })
        .scrub(&["tok-123"]);
        assert!(!format!("{decode}").contains("tok-123"));
    }
}
