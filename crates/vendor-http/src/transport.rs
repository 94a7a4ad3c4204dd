//! The HTTP transport: one pooled `reqwest` client, whole-body responses, mapped errors.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;

use crate::decode::redacted_excerpt;
use crate::error::HttpError;

/// Transport settings shared by every request of a client.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Limit for establishing a connection.
    pub connect_timeout: Duration,
    /// Limit for a whole request (sending, waiting, reading the body).
    pub request_timeout: Duration,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            user_agent: concat!("switchboard-vendor-http/", env!("CARGO_PKG_VERSION")).into(),
        }
    }
}

/// A cheap-to-clone HTTP client (connection pool shared between clones).
#[derive(Debug, Clone)]
pub struct HttpClient {
    inner: reqwest::Client,
    config: HttpConfig,
}

/// A response read to the end.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
}

impl RawResponse {
    /// Maps statuses that are not success into errors: 429 to [`HttpError::RateLimited`]
    /// (with `Retry-After` in seconds), everything else outside 2xx to [`HttpError::Status`]
    /// (retryable for 5xx).
    pub fn error_for_status(self) -> Result<Self, HttpError> {
        match self.status {
            200..=299 => Ok(self),
            429 => Err(HttpError::RateLimited {
                retry_after: self
                    .headers
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| value.trim().parse::<u64>().ok())
                    .map(Duration::from_secs),
            }),
            status => Err(HttpError::Status {
                status,
                excerpt: redacted_excerpt(&self.body),
            }),
        }
    }
}

impl HttpClient {
    /// Builds a client with rustls and the given timeouts.
    pub fn new(config: HttpConfig) -> Result<Self, HttpError> {
        let inner = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(config.user_agent.clone())
            .build()
            .map_err(HttpError::from)?;
        Ok(Self { inner, config })
    }

    /// The settings this client was built with.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Starts a request; finish it with [`HttpClient::send`].
    pub fn request(&self, method: reqwest::Method, url: url::Url) -> reqwest::RequestBuilder {
        self.inner.request(method, url)
    }

    /// Sends a request and reads the whole response body. Any HTTP status is returned as a
    /// response; call [`RawResponse::error_for_status`] to classify it.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Result<RawResponse, HttpError> {
        let response = request.send().await.map_err(HttpError::from)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(HttpError::from)?;
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, retry_after: Option<&str>) -> RawResponse {
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            headers.insert(
                reqwest::header::RETRY_AFTER,
                value.parse().expect("valid header"),
            );
        }
        RawResponse {
            status,
            headers,
            body: Bytes::from_static(b"{\"token\":\"abc\"}"),
        }
    }

    #[test]
    fn too_many_requests_carries_the_retry_after() {
        let error = response(429, Some("7"))
            .error_for_status()
            .expect_err("429");
        assert!(
            matches!(error, HttpError::RateLimited { retry_after: Some(wait) } if wait == Duration::from_secs(7))
        );
    }

    #[test]
    fn a_server_error_keeps_a_redacted_excerpt() {
        let error = response(502, None).error_for_status().expect_err("502");
        let HttpError::Status { status, excerpt } = error else {
            panic!("expected a status error");
        };
        assert_eq!(status, 502);
        assert!(!excerpt.contains("abc"), "{excerpt}");
    }

    #[test]
    fn success_statuses_pass_through() {
        assert!(response(200, None).error_for_status().is_ok());
    }
}
