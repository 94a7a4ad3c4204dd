//! The client: one per connection, cheap to clone, sharing its token broker and connection
//! pool between clones.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use serde::de::DeserializeOwned;
use url::Url;
use vendor_http::reqwest::Method;
use vendor_http::{
    Clock, HttpClient, Idempotency, RateLimiter, RawResponse, Secret, SystemClock, decode_json,
};

use crate::auth::{TokenItem, TokenRequest};
use crate::codes::SUCCESS;
use crate::config::SobotConfig;
use crate::envelope::{Head, ItemEnvelope};
use crate::error::{Error, Result};
use crate::token::{IssuedToken, MemoryTokenStore, TokenBroker, TokenSource, TokenStore};

/// A Sobot v5 client for one connection (Ticket and CRM APIs).
///
/// Clones share the token broker, so every clone (and, through the [`TokenStore`], every
/// process) uses one token.
#[derive(Debug, Clone)]
pub struct SobotClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: SobotConfig,
    base: Url,
    http: HttpClient,
    broker: Arc<TokenBroker>,
    clock: Arc<dyn Clock>,
    limiter: Option<RateLimiter>,
}

/// Builds a [`SobotClient`] with a chosen token store and clock.
#[derive(Debug)]
pub struct SobotClientBuilder {
    config: SobotConfig,
    store: Arc<dyn TokenStore>,
    clock: Arc<dyn Clock>,
    limiter: Option<RateLimiter>,
}

impl SobotClientBuilder {
    /// Paces every request (token requests included) through `limiter`; share one limiter
    /// between the clients of one account. Sobot documents no rate limit, so there is none by
    /// default.
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// Keeps the token in `store` (the app's keychain-backed store, shared with the CLI).
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.store = store;
        self
    }

    /// Uses `clock` for `create_time` and token expiry.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<SobotClient> {
        let http = HttpClient::new(self.config.http.clone())?;
        let mut base = self.config.host.base_url();
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let source = Arc::new(GetTokenSource {
            http: http.clone(),
            base: base.clone(),
            appid: self.config.appid.clone(),
            app_key: self.config.app_key.clone(),
            language: self.config.language.map(|l| l.code()),
            clock: self.clock.clone(),
            retry: self.config.retry.clone(),
            limiter: self.limiter.clone(),
        });
        let broker = Arc::new(TokenBroker::new(
            source,
            self.store,
            self.clock.clone(),
            self.config.token_refresh_margin,
        ));
        Ok(SobotClient {
            inner: Arc::new(Inner {
                config: self.config,
                base,
                http,
                broker,
                clock: self.clock,
                limiter: self.limiter,
            }),
        })
    }
}

impl SobotClient {
    /// A client with an in-memory token store and the system clock.
    pub fn new(config: SobotConfig) -> Result<Self> {
        Self::builder(config).build()
    }

    /// A builder, to choose the token store and clock.
    pub fn builder(config: SobotConfig) -> SobotClientBuilder {
        SobotClientBuilder {
            config,
            store: Arc::new(MemoryTokenStore::default()),
            clock: Arc::new(SystemClock),
            limiter: None,
        }
    }

    /// The connection settings.
    pub fn config(&self) -> &SobotConfig {
        &self.inner.config
    }

    /// The token broker (shared by every clone of this client).
    pub fn token_broker(&self) -> &TokenBroker {
        &self.inner.broker
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        self.inner.clock.as_ref()
    }

    /// Sends `request` with the current token and decodes a successful answer into `R`.
    ///
    /// Transport failures and HTTP 5xx are retried per the retry policy when the request is
    /// idempotent. A token-invalid `ret_code` triggers at most one token refresh and one resend.
    pub(crate) async fn call<R: DeserializeOwned>(&self, request: &ApiRequest) -> Result<R> {
        let mut token = self.inner.broker.token().await?;
        let mut refreshed = false;
        loop {
            let response =
                vendor_http::retry(&self.inner.config.retry, request.idempotency, |_| {
                    self.send_once(request, &token)
                })
                .await?;
            let head: Head = decode_json(&response.body)?;
            let code = head.ret_code.as_deref().map(str::trim);
            match code {
                Some(SUCCESS) => {}
                None if !request.enveloped => {}
                None => {
                    return Err(Error::Decode(vendor_http::DecodeError {
                        path: "ret_code".into(),
                        message: "missing field `ret_code`".into(),
                        excerpt: vendor_http::redacted_excerpt(&response.body),
                    }));
                }
                Some(code)
                    if !refreshed
                        && self
                            .inner
                            .config
                            .token_invalid_codes
                            .iter()
                            .any(|c| c == code) =>
                {
                    tracing::debug!(code, "Sobot rejected the token; refreshing once");
                    token = self.inner.broker.refresh_rejected(&token).await?;
                    refreshed = true;
                    continue;
                }
                Some(code) => {
                    return Err(Error::from_vendor(
                        code,
                        head.ret_msg.as_deref().unwrap_or_default(),
                    ));
                }
            }
            return Ok(decode_json(&response.body)?);
        }
    }

    async fn send_once(
        &self,
        request: &ApiRequest,
        token: &Secret,
    ) -> std::result::Result<RawResponse, vendor_http::HttpError> {
        if let Some(limiter) = &self.inner.limiter {
            limiter.acquire().await;
        }
        let url = self
            .inner
            .base
            .join(request.path.trim_start_matches('/'))
            .map_err(|e| vendor_http::HttpError::InvalidRequest(e.to_string()))?;
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), url)
            .header("token", token.expose());
        if let Some(language) = self.inner.config.language {
            builder = builder.header("language", language.code());
        }
        if request.timezone_header
            && let Some(zone) = &self.inner.config.timezone_id
        {
            builder = builder.header("timezoneid", zone);
        }
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        builder = match &request.body {
            ApiBody::Empty => builder,
            ApiBody::Json(body) => builder.json(body),
            ApiBody::Upload {
                path,
                fields,
                observer,
            } => {
                let file = vendor_http::multipart::file_part(path, observer.as_ref()).await?;
                let mut form = vendor_http::multipart::form().part("file", file.part);
                for (name, value) in fields {
                    form = form.text(name.clone(), value.clone());
                }
                builder.multipart(form)
            }
        };
        self.inner.http.send(builder).await?.error_for_status()
    }
}

/// One call, described independently of the token so it can be re-sent.
#[derive(Debug, Clone)]
pub(crate) struct ApiRequest {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: ApiBody,
    pub idempotency: Idempotency,
    /// Whether the endpoint takes the `timezoneid` header (EN doc, six ticket endpoints).
    pub timezone_header: bool,
    /// Whether the answer carries `ret_code` (all but `export_data`).
    pub enveloped: bool,
}

impl ApiRequest {
    /// A read: GET, retried on transport failures.
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: Method::GET,
            path: path.into(),
            query: Vec::new(),
            body: ApiBody::Empty,
            idempotency: Idempotency::Idempotent,
            timezone_header: false,
            enveloped: true,
        }
    }

    /// A write: POST with a JSON body, never retried after it may have reached Sobot.
    pub fn post_json(path: impl Into<String>, body: serde_json::Value) -> Self {
        Self {
            method: Method::POST,
            body: ApiBody::Json(body),
            idempotency: Idempotency::NonIdempotent,
            ..Self::get(path)
        }
    }

    /// A write whose parameters go in the query string and which has no body.
    pub fn post_query(path: impl Into<String>, query: Vec<(String, String)>) -> Self {
        Self {
            method: Method::POST,
            query,
            idempotency: Idempotency::NonIdempotent,
            ..Self::get(path)
        }
    }

    /// A multipart upload of `path` (part `file`) plus text fields; never retried.
    pub fn upload(path: impl Into<String>, file: PathBuf, fields: Vec<(String, String)>) -> Self {
        Self {
            method: Method::POST,
            body: ApiBody::Upload {
                path: file,
                fields,
                observer: None,
            },
            idempotency: Idempotency::NonIdempotent,
            ..Self::get(path)
        }
    }

    /// Has an upload report how many of its file's bytes have been sent (no effect on others).
    pub fn observed(mut self, observer: Option<vendor_http::SentBytes>) -> Self {
        if let ApiBody::Upload { observer: slot, .. } = &mut self.body {
            *slot = observer;
        }
        self
    }

    /// Sets the query.
    pub fn with_query(mut self, query: Vec<(String, String)>) -> Self {
        self.query = query;
        self
    }

    /// Marks the endpoint as taking the `timezoneid` header.
    pub fn with_timezone(mut self) -> Self {
        self.timezone_header = true;
        self
    }

    /// Overrides the idempotency (a POST that only reads).
    pub fn idempotent(mut self) -> Self {
        self.idempotency = Idempotency::Idempotent;
        self
    }
}

/// The body of a call.
#[derive(Debug, Clone)]
pub(crate) enum ApiBody {
    Empty,
    Json(serde_json::Value),
    /// A multipart upload: the file (part `file`, opened afresh per attempt) and text fields,
    /// with whoever hears how much of the file has been sent.
    Upload {
        path: PathBuf,
        fields: Vec<(String, String)>,
        observer: Option<vendor_http::SentBytes>,
    },
}

/// The real token source: `GET /api/get_token` signed with the app key.
struct GetTokenSource {
    http: HttpClient,
    base: Url,
    appid: String,
    app_key: Secret,
    language: Option<&'static str>,
    clock: Arc<dyn Clock>,
    retry: vendor_http::RetryPolicy,
    limiter: Option<RateLimiter>,
}

impl TokenSource for GetTokenSource {
    fn issue(&self) -> BoxFuture<'_, Result<IssuedToken>> {
        Box::pin(async move {
            let url = self
                .base
                .join("api/get_token")
                .map_err(|e| Error::InvalidRequest(e.to_string()))?;
            // Repeating get_token is harmless (only the last token counts), and each attempt is
            // re-signed with a fresh create_time.
            let response = vendor_http::retry(&self.retry, Idempotency::Idempotent, |_| {
                let request =
                    TokenRequest::signed(&self.appid, &self.app_key, self.clock.unix_seconds());
                let mut builder = self.http.request(Method::GET, url.clone()).query(&request);
                if let Some(language) = self.language {
                    builder = builder.header("language", language);
                }
                async move {
                    if let Some(limiter) = &self.limiter {
                        limiter.acquire().await;
                    }
                    self.http.send(builder).await?.error_for_status()
                }
            })
            .await?;
            let envelope: ItemEnvelope<TokenItem> = decode_json(&response.body)?;
            if envelope.ret_code.trim() != SUCCESS {
                return Err(Error::from_vendor(
                    &envelope.ret_code,
                    envelope.ret_msg.as_deref().unwrap_or_default(),
                ));
            }
            let item = envelope.item.ok_or_else(|| {
                Error::Decode(vendor_http::DecodeError {
                    path: "item".into(),
                    message: "missing field `item`".into(),
                    excerpt: vendor_http::redacted_excerpt(&response.body),
                })
            })?;
            Ok(IssuedToken {
                token: item.token,
                expires_in: Duration::from_secs(u64::try_from(item.expires_in).unwrap_or(0)),
            })
        })
    }
}

/// Takes `item` out of an envelope, or fails naming the missing field.
pub(crate) fn require_item<T>(envelope: ItemEnvelope<T>) -> Result<T> {
    envelope.item.ok_or_else(|| {
        Error::Decode(vendor_http::DecodeError {
            path: "item".into(),
            message: "missing field `item`".into(),
            excerpt: String::new(),
        })
    })
}
