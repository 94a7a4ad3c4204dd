//! The transport-level error taxonomy and its retry classification.

use std::time::Duration;

use crate::decode::DecodeError;

/// Whether and when repeating a failed request can help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryClass {
    /// Repeating cannot help (bad input, business rule, bad credentials, undecodable answer).
    Never,
    /// The request may or may not have reached the vendor (timeout, HTTP 5xx, dropped
    /// connection): repeat only when the request is idempotent.
    IfIdempotent,
    /// The vendor certainly did not act on the request (connection refused, rate limited):
    /// repeating is safe even for writes.
    Always,
}

/// An error that knows whether retrying can help.
pub trait Retryable {
    /// How a retry loop should treat this error.
    fn retry_class(&self) -> RetryClass;

    /// How long the vendor asked us to wait before retrying, if it said.
    fn retry_after(&self) -> Option<Duration> {
        None
    }

    /// Whether some retry could help (for a request that is safe to repeat).
    fn is_retryable(&self) -> bool {
        self.retry_class() != RetryClass::Never
    }
}

/// A failure below the vendor's envelope: network, HTTP status, body decoding, local files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HttpError {
    /// The request did not complete within the configured timeout.
    #[error("the request timed out")]
    Timeout,
    /// No connection could be made (DNS, refused, TLS handshake).
    #[error("could not connect: {0}")]
    Connect(String),
    /// The connection failed while the request or response was under way.
    #[error("transport failure: {0}")]
    Transport(String),
    /// The vendor answered 429 Too Many Requests.
    #[error("rate limited by the vendor")]
    RateLimited {
        /// The `Retry-After` the vendor sent, if any.
        retry_after: Option<Duration>,
    },
    /// The vendor answered with an HTTP status the client does not handle as success.
    #[error("HTTP status {status}: {excerpt}")]
    Status {
        /// The HTTP status code.
        status: u16,
        /// A redacted excerpt of the response body.
        excerpt: String,
    },
    /// The body could not be decoded into the expected type.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A local file to upload could not be read.
    #[error("cannot read {path}: {source}")]
    File {
        /// The file's path as given.
        path: String,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// The request could not be built (bad URL, bad header value, unserializable body).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl Retryable for HttpError {
    fn retry_class(&self) -> RetryClass {
        match self {
            HttpError::Connect(_) | HttpError::RateLimited { .. } => RetryClass::Always,
            HttpError::Timeout | HttpError::Transport(_) => RetryClass::IfIdempotent,
            HttpError::Status { status, .. } if *status >= 500 => RetryClass::IfIdempotent,
            HttpError::Status { .. }
            | HttpError::Decode(_)
            | HttpError::File { .. }
            | HttpError::InvalidRequest(_) => RetryClass::Never,
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            HttpError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }
}

impl From<reqwest::Error> for HttpError {
    fn from(error: reqwest::Error) -> Self {
        // The URL can carry signatures in its query: never let it into an error message.
        let error = error.without_url();
        if error.is_timeout() {
            HttpError::Timeout
        } else if error.is_connect() {
            HttpError::Connect(error_chain(&error))
        } else if error.is_builder() {
            HttpError::InvalidRequest(error_chain(&error))
        } else {
            HttpError::Transport(error_chain(&error))
        }
    }
}

fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_and_timeouts_are_retryable_only_for_idempotent_requests() {
        assert_eq!(HttpError::Timeout.retry_class(), RetryClass::IfIdempotent);
        let status = HttpError::Status {
            status: 503,
            excerpt: String::new(),
        };
        assert_eq!(status.retry_class(), RetryClass::IfIdempotent);
    }

    #[test]
    fn refused_connections_and_rate_limits_are_always_retryable() {
        assert_eq!(
            HttpError::Connect("refused".into()).retry_class(),
            RetryClass::Always
        );
        let limited = HttpError::RateLimited {
            retry_after: Some(Duration::from_secs(2)),
        };
        assert_eq!(limited.retry_class(), RetryClass::Always);
        assert_eq!(limited.retry_after(), Some(Duration::from_secs(2)));
    }

    #[test]
    fn client_errors_are_never_retryable() {
        let status = HttpError::Status {
            status: 404,
            excerpt: String::new(),
        };
        assert!(!status.is_retryable());
        assert!(!HttpError::InvalidRequest("x".into()).is_retryable());
    }
}
