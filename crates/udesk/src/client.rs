//! The client: one per Udesk connection, cheap to clone; clones share the connection pool, the
//! rate limiter and the API token.

use std::sync::{Arc, PoisonError, RwLock};

use bytes::Bytes;
use serde::de::DeserializeOwned;
use url::Url;
use vendor_http::reqwest::Method;
use vendor_http::reqwest::header::CONTENT_TYPE;
use vendor_http::{
    Clock, HttpClient, Idempotency, RateLimiter, RawResponse, Secret, SystemClock, decode_json,
};

use crate::auth::{LogIn, LogInAnswer, NonceSource, RandomNonce, SignedAuth};
use crate::codes::{NOT_FOUND, SUCCESS};
use crate::config::UdeskConfig;
use crate::envelope::Head;
use crate::error::{AuthFailure, Error, Result};

/// A Udesk Open API client for one account.
#[derive(Debug, Clone)]
pub struct UdeskClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: UdeskConfig,
    base: Url,
    http: HttpClient,
    token: RwLock<Secret>,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
    limiter: Option<RateLimiter>,
}

/// Builds a [`UdeskClient`] with a chosen clock, nonce source and rate limiter.
#[derive(Debug)]
pub struct UdeskClientBuilder {
    config: UdeskConfig,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
    limiter: Option<Option<RateLimiter>>,
}

impl UdeskClientBuilder {
    /// Uses `clock` for request timestamps and the default rate limiter.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Uses `nonces` for request nonces (tests; the default is random UUIDs).
    pub fn nonce_source(mut self, nonces: Arc<dyn NonceSource>) -> Self {
        self.nonces = nonces;
        self
    }

    /// Paces every request through `limiter` instead of one built from
    /// [`UdeskConfig::calls_per_minute`]; share one limiter between all clients of an account.
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.limiter = Some(Some(limiter));
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<UdeskClient> {
        let http = HttpClient::new(self.config.http.clone())?;
        let base = self.config.api_base()?;
        let limiter = match self.limiter {
            Some(limiter) => limiter,
            None => self.config.calls_per_minute.map(|calls| {
                RateLimiter::new(
                    calls,
                    std::time::Duration::from_secs(60),
                    self.clock.clone(),
                )
            }),
        };
        Ok(UdeskClient {
            inner: Arc::new(Inner {
                token: RwLock::new(self.config.api_token.clone()),
                config: self.config,
                base,
                http,
                clock: self.clock,
                nonces: self.nonces,
                limiter,
            }),
        })
    }
}

impl UdeskClient {
    /// A client with the system clock, random nonces and the configured rate limit.
    pub fn new(config: UdeskConfig) -> Result<Self> {
        Self::builder(config).build()
    }

    /// A builder, to choose the clock, nonce source and rate limiter.
    pub fn builder(config: UdeskConfig) -> UdeskClientBuilder {
        UdeskClientBuilder {
            config,
            clock: Arc::new(SystemClock),
            nonces: Arc::new(RandomNonce),
            limiter: None,
        }
    }

    /// The connection settings (the token in them is the one the client was built with; see
    /// [`UdeskClient::api_token`] for the current one).
    pub fn config(&self) -> &UdeskConfig {
        &self.inner.config
    }

    /// The rate limiter every request of this client (and its clones) goes through.
    pub fn rate_limiter(&self) -> Option<&RateLimiter> {
        self.inner.limiter.as_ref()
    }

    /// The API token requests are signed with.
    pub fn api_token(&self) -> Secret {
        self.inner
            .token
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Replaces the API token (e.g. one restored from the keychain).
    pub fn set_api_token(&self, token: Secret) {
        *self
            .inner
            .token
            .write()
            .unwrap_or_else(PoisonError::into_inner) = token;
    }

    /// `POST /open_api_v1/log_in` with the super administrator's email (from the config) and
    /// `password`: returns the `open_api_auth_token` and signs every later request with it.
    /// Not signed; retried like a read (logging in twice is harmless). Wrong credentials are
    /// [`AuthFailure::LoginRejected`].
    pub async fn log_in(&self, password: &Secret) -> Result<Secret> {
        let body = LogIn {
            email: self.inner.config.email.clone(),
            password: password.clone(),
        };
        let mut request = ApiRequest::post_json("log_in", body.body());
        request.idempotency = Idempotency::Idempotent;
        request.signed = false;
        request.secrets.push(password.clone());
        let answer: LogInAnswer = self.call(&request).await.map_err(|error| match error {
            Error::NotFound { code, message, .. } if code == NOT_FOUND => Error::Auth {
                reason: AuthFailure::LoginRejected,
                code,
                message,
            },
            other => other,
        })?;
        self.set_api_token(answer.open_api_auth_token.clone());
        Ok(answer.open_api_auth_token)
    }

    /// Sends `request` (signed afresh on every attempt) and decodes a successful answer.
    ///
    /// Any answer whose `code` is not `1000` is an error, whatever the HTTP status. Safe
    /// requests are retried on transport failures, HTTP 5xx and 429; every request is retried
    /// when Udesk says the nonce was already used (it did not act on it).
    pub(crate) async fn call<R: DeserializeOwned>(&self, request: &ApiRequest) -> Result<R> {
        let body = vendor_http::retry(&self.inner.config.retry, request.idempotency, |_| {
            self.attempt(request)
        })
        .await?;
        decode_json(&body).map_err(|error| self.scrub(Error::Decode(error), request))
    }

    async fn attempt(&self, request: &ApiRequest) -> Result<Bytes> {
        self.attempt_unscrubbed(request)
            .await
            .map_err(|error| self.scrub(error, request))
    }

    async fn attempt_unscrubbed(&self, request: &ApiRequest) -> Result<Bytes> {
        if let Some(limiter) = &self.inner.limiter {
            limiter.acquire().await;
        }
        let url = self
            .inner
            .base
            .join(request.path.trim_start_matches('/'))
            .map_err(|error| Error::InvalidRequest(error.to_string()))?;
        let mut query = Vec::new();
        if request.signed {
            let token = self.api_token();
            if token.is_empty() {
                return Err(Error::InvalidRequest(
                    "no Udesk API token: log in or set one first".into(),
                ));
            }
            let auth = SignedAuth::new(
                &self.inner.config.email,
                &token,
                self.inner.clock.unix_seconds(),
                self.inner.nonces.nonce(),
            );
            query = auth.query_pairs();
        }
        query.extend(request.query.iter().cloned());
        let mut builder = self.inner.http.request(request.method.clone(), url);
        if !query.is_empty() {
            builder = builder.query(&query);
        }
        builder = match &request.body {
            ApiBody::Empty => builder,
            ApiBody::Json(body) => builder.json(body),
            ApiBody::Bytes(data, observer) => vendor_http::sent::with_length(
                builder.header(CONTENT_TYPE, "application/octet-stream"),
                data,
                observer.as_ref(),
            ),
        };
        let response = self.inner.http.send(builder).await?;
        interpret(response)
    }

    fn scrub(&self, error: Error, request: &ApiRequest) -> Error {
        let token = self.api_token();
        let mut secrets = vec![token.expose()];
        secrets.extend(request.secrets.iter().map(Secret::expose));
        error.scrub(&secrets)
    }
}

/// Checks the envelope of a whole response: `code == 1000` is success (under HTTP 2xx), any
/// other code is a vendor error whatever the HTTP status, and a body without a code is judged
/// by its HTTP status.
fn interpret(response: RawResponse) -> Result<Bytes> {
    let head = serde_json::from_slice::<Head>(&response.body).ok();
    match head.as_ref().and_then(|head| head.code) {
        Some(code) if code != SUCCESS => {
            let head = head.unwrap_or_default();
            Err(Error::from_vendor(
                code,
                &head.message_text(),
                head.exception_text().as_deref(),
            ))
        }
        code => {
            let response = response.error_for_status()?;
            if code.is_none() {
                return Err(Error::Decode(vendor_http::DecodeError {
                    path: "code".into(),
                    message: "missing field `code`".into(),
                    excerpt: vendor_http::redacted_excerpt(&response.body),
                }));
            }
            Ok(response.body)
        }
    }
}

/// One call, described independently of its signature so it can be re-signed per attempt.
#[derive(Debug, Clone)]
pub(crate) struct ApiRequest {
    pub method: Method,
    /// Path under `/open_api_v1/`.
    pub path: String,
    /// The endpoint's own query parameters (the auth parameters are added per attempt).
    pub query: Vec<(String, String)>,
    pub body: ApiBody,
    pub idempotency: Idempotency,
    /// Whether the five auth parameters are added (all but `log_in`).
    pub signed: bool,
    /// Further secrets to keep out of error messages.
    pub secrets: Vec<Secret>,
}

impl ApiRequest {
    /// A read: retried on transport failures.
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: Method::GET,
            path: path.into(),
            query: Vec::new(),
            body: ApiBody::Empty,
            idempotency: Idempotency::Idempotent,
            signed: true,
            secrets: Vec::new(),
        }
    }

    /// A write with a JSON body, never retried after it may have reached Udesk.
    pub fn post_json(path: impl Into<String>, body: serde_json::Value) -> Self {
        Self::write(Method::POST, path, ApiBody::Json(body))
    }

    /// A PUT with a JSON body, never retried after it may have reached Udesk.
    pub fn put_json(path: impl Into<String>, body: serde_json::Value) -> Self {
        Self::write(Method::PUT, path, ApiBody::Json(body))
    }

    /// A write with another method and body.
    pub fn write(method: Method, path: impl Into<String>, body: ApiBody) -> Self {
        Self {
            method,
            body,
            idempotency: Idempotency::NonIdempotent,
            ..Self::get(path)
        }
    }

    /// Sets the endpoint's query parameters.
    pub fn with_query(mut self, query: Vec<(String, String)>) -> Self {
        self.query = query;
        self
    }

    /// Sets whether repeating the request is safe.
    pub fn with_idempotency(mut self, idempotency: Idempotency) -> Self {
        self.idempotency = idempotency;
        self
    }
}

/// The body of a call.
#[derive(Debug, Clone)]
pub(crate) enum ApiBody {
    Empty,
    Json(serde_json::Value),
    /// Raw file bytes, `Content-Type: application/octet-stream` (cheap to clone per attempt),
    /// with whoever hears how many of them have been sent.
    Bytes(Bytes, Option<vendor_http::SentBytes>),
}
