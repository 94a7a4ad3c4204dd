//! The V6 token sources behind the shared [`TokenBroker`](crate::token::TokenBroker).
//!
//! The broker's single-flight refresh, persistence in a [`TokenStore`](crate::TokenStore) and
//! one-refresh-per-rejection logic are the v5 broker's. What differs is the refresh point: V6
//! tokens are replaced once **half their lifetime** has passed (§1.2 A). The source therefore
//! reports half the lifetime as the token's validity and the broker runs with no margin, so a
//! [`StoredToken::expires_at`](crate::StoredToken::expires_at) written for a V6 token is the
//! moment to replace it (the vendor keeps accepting it for the other half).

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use url::Url;
use vendor_http::reqwest::Method;
use vendor_http::{Clock, HttpClient, HttpError, Idempotency, RawResponse, Secret, decode_json};

use super::auth::{TokenRequest, read_token_answer};
use super::config::{AgentIdentity, CallCenterConfig};
use super::envelope::V6Head;
use crate::error::{AuthFailure, Error, Result};
use crate::token::{IssuedToken, TokenSource};

/// Shortest validity the broker is given, so a token that claims to be (almost) expired does not
/// make every call fetch a new one.
const MIN_VALIDITY: Duration = Duration::from_secs(30);

/// Which token service a source calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// `POST /tokens/company`.
    Company,
    /// `POST /tokens/agent` for this agent.
    Agent(AgentIdentity),
}

/// Issues V6 tokens for one credential.
pub(crate) struct V6TokenSource {
    pub http: HttpClient,
    pub base: Url,
    pub kind: TokenKind,
    pub app_id: String,
    pub app_secret: Secret,
    pub token_keys: Vec<String>,
    pub default_lifetime: Duration,
    pub clock: Arc<dyn Clock>,
    pub retry: vendor_http::RetryPolicy,
    pub limiter: Option<vendor_http::RateLimiter>,
}

impl V6TokenSource {
    fn path(&self) -> &'static str {
        match self.kind {
            TokenKind::Company => super::paths::TOKENS_COMPANY,
            TokenKind::Agent(_) => super::paths::TOKENS_AGENT,
        }
    }

    fn body(&self) -> TokenRequest {
        let now = self.clock.unix_millis();
        match &self.kind {
            TokenKind::Company => TokenRequest::company(&self.app_id, &self.app_secret, now),
            TokenKind::Agent(agent) => {
                TokenRequest::agent(&self.app_id, &self.app_secret, now, agent)
            }
        }
    }

    async fn send(&self, url: &Url) -> std::result::Result<RawResponse, HttpError> {
        // Re-signed with a fresh currentTime on every attempt.
        let body = serde_json::to_vec(&self.body())
            .map_err(|e| HttpError::InvalidRequest(e.to_string()))?;
        let builder = self
            .http
            .request(Method::POST, url.clone())
            .header("content-type", super::client::JSON_CONTENT_TYPE)
            .body(body);
        if let Some(limiter) = &self.limiter {
            limiter.acquire().await;
        }
        let response = self.http.send(builder).await?;
        if response.status == 429 || response.status >= 500 {
            return response.error_for_status();
        }
        Ok(response)
    }
}

impl TokenSource for V6TokenSource {
    fn issue(&self) -> BoxFuture<'_, Result<IssuedToken>> {
        Box::pin(async move {
            let url = self
                .base
                .join(self.path())
                .map_err(|e| Error::InvalidRequest(e.to_string()))?;
            // Issuing again is harmless (only the newest token matters).
            let response =
                vendor_http::retry(&self.retry, Idempotency::Idempotent, |_| self.send(&url))
                    .await?;
            let refused = |message: String| Error::Auth {
                reason: AuthFailure::Signature,
                code: response.status.to_string(),
                message,
            };
            if !(200..300).contains(&response.status) {
                let head: Option<V6Head> = decode_json(&response.body).ok();
                let message = head.map(|h| h.vendor_message()).unwrap_or_default();
                return Err(refused(message));
            }
            let answer: serde_json::Value = decode_json(&response.body)?;
            let now = self.clock.unix_millis();
            let Some(found) = read_token_answer(&answer, &self.token_keys, now) else {
                let head: V6Head = serde_json::from_value(answer).unwrap_or_default();
                if head.is_failure() {
                    return Err(Error::Auth {
                        reason: AuthFailure::Signature,
                        code: head.vendor_code(response.status),
                        message: head.vendor_message(),
                    });
                }
                return Err(Error::Decode(vendor_http::DecodeError {
                    path: self.token_keys.first().cloned().unwrap_or_default(),
                    message: "no token in the token answer".into(),
                    excerpt: vendor_http::redacted_excerpt(&response.body),
                }));
            };
            let lifetime = found.lifetime.unwrap_or(self.default_lifetime);
            tracing::debug!(
                ?lifetime,
                path = self.path(),
                "issued a new call-center token"
            );
            Ok(IssuedToken {
                token: found.token,
                expires_in: (lifetime / 2).max(MIN_VALIDITY),
            })
        })
    }
}

/// A source for `kind` with the connection's settings.
pub(crate) fn source(
    config: &CallCenterConfig,
    http: &HttpClient,
    base: &Url,
    kind: TokenKind,
    clock: Arc<dyn Clock>,
    limiter: Option<vendor_http::RateLimiter>,
) -> V6TokenSource {
    V6TokenSource {
        http: http.clone(),
        base: base.clone(),
        kind,
        app_id: config.app_id.clone(),
        app_secret: config.app_secret.clone(),
        token_keys: config.token_response_keys.clone(),
        default_lifetime: config.default_token_lifetime,
        clock,
        retry: config.retry.clone(),
        limiter,
    }
}
