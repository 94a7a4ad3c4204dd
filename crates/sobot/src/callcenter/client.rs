//! The call-center client: one per connection, cheap to clone, sharing its token brokers and
//! connection pool between clones.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use url::Url;
use vendor_http::reqwest::Method;
use vendor_http::reqwest::header::{AUTHORIZATION, HeaderValue};
use vendor_http::{
    Clock, HttpClient, HttpError, Idempotency, RateLimiter, RawResponse, Secret, SystemClock,
    decode_json,
};

use super::config::{AgentTokenScope, CallCenterConfig};
use super::envelope::{V6Envelope, V6Head};
use super::error::from_answer;
use super::token::{TokenKind, source};
use crate::error::{Error, Result};
use crate::token::{MemoryTokenStore, TokenBroker, TokenStore};

/// The content type the seed states for JSON bodies (sobot-callcenter.md §2).
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// The header carrying an outbound call's idempotency key.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// The `Idempotency-Key` of one logical outbound operation: the same value on every retry of
/// that operation, a new one for the next operation (sobot-callcenter.md §12 item 3).
///
/// Keep it (e.g. in a job journal) to resend the same operation after a crash.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A fresh random (v4) UUID.
    pub fn new() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    /// A key kept from an earlier attempt of the same operation.
    pub fn from_saved(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The key as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for IdempotencyKey {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Sobot call-center V6 client for one connection.
///
/// Clones share the token brokers (company, and agent when configured), so every clone (and,
/// through the [`TokenStore`]s, every process) uses one token per credential.
#[derive(Debug, Clone)]
pub struct CallCenterClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: CallCenterConfig,
    base: Url,
    http: HttpClient,
    company: Arc<TokenBroker>,
    agent: Option<Arc<TokenBroker>>,
    limiter: Option<RateLimiter>,
}

/// Builds a [`CallCenterClient`] with chosen token stores, clock and rate limiter.
#[derive(Debug)]
pub struct CallCenterClientBuilder {
    config: CallCenterConfig,
    company_store: Arc<dyn TokenStore>,
    agent_store: Arc<dyn TokenStore>,
    clock: Arc<dyn Clock>,
    limiter: Option<RateLimiter>,
}

impl CallCenterClientBuilder {
    /// Keeps the company token in `store` (shared with the other processes of the account).
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.company_store = store;
        self
    }

    /// Keeps the agent token in `store` (one store per agent identity).
    pub fn agent_token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.agent_store = store;
        self
    }

    /// Uses `clock` for `currentTime` and token refresh.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Paces every request (token requests included) through `limiter`. No limit is documented,
    /// so there is none by default.
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<CallCenterClient> {
        let config = self.config;
        let http = HttpClient::new(config.http.clone())?;
        let base = config.host.base_url();
        let broker = |kind: TokenKind, store: Arc<dyn TokenStore>| {
            let source = source(
                &config,
                &http,
                &base,
                kind,
                self.clock.clone(),
                self.limiter.clone(),
            );
            // The source reports half the lifetime, so no further margin (see `token`).
            Arc::new(TokenBroker::new(
                Arc::new(source),
                store,
                self.clock.clone(),
                std::time::Duration::ZERO,
            ))
        };
        let company = broker(TokenKind::Company, self.company_store);
        let agent = config
            .agent
            .clone()
            .map(|agent| broker(TokenKind::Agent(agent), self.agent_store));
        Ok(CallCenterClient {
            inner: Arc::new(Inner {
                config,
                base,
                http,
                company,
                agent,
                limiter: self.limiter,
            }),
        })
    }
}

impl CallCenterClient {
    /// A client with in-memory token stores and the system clock.
    pub fn new(config: CallCenterConfig) -> Result<Self> {
        Self::builder(config).build()
    }

    /// A builder, to choose the token stores, clock and rate limiter.
    pub fn builder(config: CallCenterConfig) -> CallCenterClientBuilder {
        CallCenterClientBuilder {
            config,
            company_store: Arc::new(MemoryTokenStore::default()),
            agent_store: Arc::new(MemoryTokenStore::default()),
            clock: Arc::new(SystemClock),
            limiter: None,
        }
    }

    /// The connection settings.
    pub fn config(&self) -> &CallCenterConfig {
        &self.inner.config
    }

    /// The company-token broker (shared by every clone of this client).
    pub fn company_token_broker(&self) -> &TokenBroker {
        &self.inner.company
    }

    /// The agent-token broker, when an agent is configured.
    pub fn agent_token_broker(&self) -> Option<&TokenBroker> {
        self.inner.agent.as_deref()
    }

    fn broker_for(&self, request: &CcRequest) -> &TokenBroker {
        let wants_agent = match self.inner.config.agent_token_scope {
            AgentTokenScope::DocumentedEndpoints => request.agent_token,
            AgentTokenScope::AllEndpoints => true,
            AgentTokenScope::Never => false,
        };
        match &self.inner.agent {
            Some(agent) if wants_agent => agent,
            _ => &self.inner.company,
        }
    }

    /// Sends `request` and returns its `data`, failing when it is missing.
    pub(crate) async fn call<T: DeserializeOwned>(&self, request: &CcRequest) -> Result<T> {
        self.call_envelope(request).await?.data.ok_or_else(|| {
            Error::Decode(vendor_http::DecodeError {
                path: "data".into(),
                message: "missing field `data`".into(),
                excerpt: String::new(),
            })
        })
    }

    /// Sends `request` with the right token and decodes the whole answer.
    ///
    /// Transport failures, HTTP 429 and 5xx are retried per the retry policy when the request
    /// is idempotent (a read, or an outbound call with an `Idempotency-Key`, which is resent
    /// unchanged). HTTP 401 (or an envelope `code` 401) causes at most one token refresh and
    /// one resend.
    pub(crate) async fn call_envelope<T: DeserializeOwned>(
        &self,
        request: &CcRequest,
    ) -> Result<V6Envelope<T>> {
        let broker = self.broker_for(request);
        let mut token = broker.token().await?;
        let mut refreshed = false;
        loop {
            let response =
                vendor_http::retry(&self.inner.config.retry, request.idempotency, |_| {
                    self.send_once(request, &token)
                })
                .await?;
            if !refreshed && rejects_token(&response) {
                tracing::debug!(
                    path = request.path,
                    "call center rejected the token; refreshing once"
                );
                token = broker.refresh_rejected(&token).await?;
                refreshed = true;
                continue;
            }
            return decode_answer(&response);
        }
    }

    async fn send_once(
        &self,
        request: &CcRequest,
        token: &Secret,
    ) -> std::result::Result<RawResponse, HttpError> {
        let url = self
            .inner
            .base
            .join(request.path)
            .map_err(|e| HttpError::InvalidRequest(e.to_string()))?;
        let mut authorization = HeaderValue::from_str(&format!(
            "{}{}",
            self.inner.config.authorization_prefix,
            token.expose()
        ))
        .map_err(|_| HttpError::InvalidRequest("the token is not a valid header value".into()))?;
        authorization.set_sensitive(true);
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), url)
            .header(AUTHORIZATION, authorization);
        if request.timezone_header
            && let Some(zone) = &self.inner.config.timezone_id
        {
            builder = builder.header("timezoneid", zone);
        }
        if request.language_header
            && let Some(language) = self.inner.config.language
        {
            builder = builder.header("language", language.code());
        }
        if let Some(key) = &request.idempotency_key {
            builder = builder.header(IDEMPOTENCY_KEY_HEADER, key.as_str());
        }
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(body) = &request.body {
            builder = builder
                .header("content-type", JSON_CONTENT_TYPE)
                .body(body.clone());
        }
        if let Some(limiter) = &self.inner.limiter {
            limiter.acquire().await;
        }
        let response = self.inner.http.send(builder).await?;
        // 429 and 5xx become errors the retry loop knows; other statuses are read for their
        // envelope.
        if response.status == 429 || response.status >= 500 {
            return response.error_for_status();
        }
        Ok(response)
    }
}

fn rejects_token(response: &RawResponse) -> bool {
    response.status == 401
        || decode_json::<V6Head>(&response.body).is_ok_and(|head| head.code == Some(401))
}

/// HTTP statuses whose meaning is clear without a body.
const CLASSIFIED_STATUSES: &[u16] = &[400, 401, 403, 404, 422];

fn decode_answer<T: DeserializeOwned>(response: &RawResponse) -> Result<V6Envelope<T>> {
    if !(200..300).contains(&response.status) {
        let head = decode_json::<V6Head>(&response.body).ok();
        let explained = head
            .as_ref()
            .is_some_and(|h| h.code.is_some() || !h.vendor_message().is_empty());
        if explained || CLASSIFIED_STATUSES.contains(&response.status) {
            return Err(from_answer(response.status, &head.unwrap_or_default()));
        }
        return Err(Error::Transport(HttpError::Status {
            status: response.status,
            excerpt: vendor_http::redacted_excerpt(&response.body),
        }));
    }
    let head: V6Head = decode_json(&response.body)?;
    if head.is_failure() {
        return Err(from_answer(response.status, &head));
    }
    Ok(decode_json(&response.body)?)
}

/// One call, described independently of the token so it can be re-sent unchanged.
#[derive(Debug, Clone)]
pub(crate) struct CcRequest {
    pub method: Method,
    /// Relative to the base URL, e.g. `callservice/v6/cc-config/api/agents`.
    pub path: &'static str,
    pub query: Vec<(String, String)>,
    /// The JSON body, serialized once so every attempt sends the same bytes.
    pub body: Option<Vec<u8>>,
    pub idempotency: Idempotency,
    pub idempotency_key: Option<IdempotencyKey>,
    /// Whether the endpoint lists the `timezoneid` header.
    pub timezone_header: bool,
    /// Whether the endpoint lists the `language` header.
    pub language_header: bool,
    /// Whether the seed asks for an "Agent token" here.
    pub agent_token: bool,
}

impl CcRequest {
    /// A GET without body; a read, so retried on transport failures.
    pub fn get(path: &'static str, query: Vec<(String, String)>) -> Self {
        Self {
            method: Method::GET,
            path,
            query,
            body: None,
            idempotency: Idempotency::Idempotent,
            idempotency_key: None,
            timezone_header: true,
            language_header: false,
            agent_token: false,
        }
    }

    /// A request with a JSON body; a write (never retried once it may have arrived) until
    /// marked otherwise.
    pub fn json<B: Serialize + ?Sized>(
        method: Method,
        path: &'static str,
        body: &B,
    ) -> Result<Self> {
        let body = serde_json::to_vec(body)
            .map_err(|error| Error::InvalidRequest(format!("cannot encode the body: {error}")))?;
        Ok(Self {
            method,
            body: Some(body),
            idempotency: Idempotency::NonIdempotent,
            ..Self::get(path, Vec::new())
        })
    }

    /// A POST with a JSON body.
    pub fn post<B: Serialize + ?Sized>(path: &'static str, body: &B) -> Result<Self> {
        Self::json(Method::POST, path, body)
    }

    /// Marks a POST that only reads as safe to retry.
    pub fn read(mut self) -> Self {
        self.idempotency = Idempotency::Idempotent;
        self
    }

    /// For endpoints that do not list the `timezoneid` header.
    pub fn without_timezone(mut self) -> Self {
        self.timezone_header = false;
        self
    }

    /// For the five endpoints that ask for an "Agent token" (and list `language`).
    pub fn agent_endpoint(mut self) -> Self {
        self.agent_token = true;
        self.language_header = true;
        self
    }

    /// Sends `key` as `Idempotency-Key`, which makes the call safe to retry.
    pub fn with_idempotency_key(mut self, key: IdempotencyKey) -> Self {
        self.idempotency_key = Some(key);
        self.idempotency = Idempotency::Idempotent;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys_are_fresh_uuids_unless_saved() {
        let a = IdempotencyKey::new();
        let b = IdempotencyKey::new();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 36);
        assert!(uuid::Uuid::parse_str(a.as_str()).is_ok());
        assert_eq!(IdempotencyKey::from_saved("k-1").as_str(), "k-1");
    }

    #[test]
    fn a_keyed_write_becomes_retryable() {
        let request = CcRequest::post("callservice/v6/x", &serde_json::json!({}))
            .expect("encodes")
            .with_idempotency_key(IdempotencyKey::new());
        assert_eq!(request.idempotency, Idempotency::Idempotent);
        let plain = CcRequest::post("callservice/v6/x", &serde_json::json!({})).expect("encodes");
        assert_eq!(plain.idempotency, Idempotency::NonIdempotent);
    }
}
