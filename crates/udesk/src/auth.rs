//! Udesk Open API authentication: the v2 SHA-256 request signature and `log_in`.
//!
//! Every request carries `email`, `timestamp`, `sign`, `nonce` and `sign_version=v2` in its
//! query string (all curl examples; listed in 003:539-542). The formula is not in the seed
//! ("see Authentication Method", 003:539, points nowhere); from Udesk's own intro page and
//! every public client (udesk-ticket.md §1.2):
//!
//! ```text
//! sign = lowercase_hex(SHA-256(email & open_api_token & timestamp & nonce & v2))
//! ```
//!
//! `timestamp` is Unix seconds; a nonce may be used once within 15 minutes (003:540), so every
//! attempt, including a retry, gets a fresh nonce and therefore a fresh signature. Only these
//! five values are signed: not the path, the other query parameters or the body.

use std::fmt;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use vendor_http::Secret;

/// The only signature version this client speaks (003:541).
pub const SIGN_VERSION: &str = "v2";

/// Computes the v2 signature: lowercase hex SHA-256 of `email&token&timestamp&nonce&v2`.
///
/// ```
/// use vendor_http::Secret;
///
/// let sign = udesk::auth::sign(
///     "admin@udesk.cn",
///     &Secret::new("my-token"),
///     1_494_474_404,
///     "2d931510-d99f-494a-8c67-87feb05e1594",
/// );
/// // printf 'admin@udesk.cn&my-token&1494474404&2d931510-d99f-494a-8c67-87feb05e1594&v2' | sha256sum
/// assert_eq!(sign, "cbfe92e493e2fd4414c0ae3314a4c87401b47fecba0e0ff2e2e641f9aaaf3da6");
/// ```
pub fn sign(email: &str, api_token: &Secret, timestamp: i64, nonce: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(email.as_bytes());
    hasher.update(b"&");
    hasher.update(api_token.expose().as_bytes());
    hasher.update(b"&");
    hasher.update(timestamp.to_string().as_bytes());
    hasher.update(b"&");
    hasher.update(nonce.as_bytes());
    hasher.update(b"&");
    hasher.update(SIGN_VERSION.as_bytes());
    hex::encode(hasher.finalize())
}

/// The five authentication query parameters of one attempt.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedAuth {
    /// The super administrator's email (003:542), unencoded (the query builder encodes it).
    pub email: String,
    /// Unix seconds.
    pub timestamp: i64,
    /// This attempt's nonce.
    pub nonce: String,
    /// The signature over the four values above and `v2`.
    pub sign: String,
}

impl SignedAuth {
    /// Signs one attempt.
    pub fn new(email: &str, api_token: &Secret, timestamp: i64, nonce: String) -> Self {
        Self {
            email: email.to_owned(),
            timestamp,
            sign: sign(email, api_token, timestamp, &nonce),
            nonce,
        }
    }

    /// The query pairs in the examples' order: `email`, `timestamp`, `sign`, `nonce`,
    /// `sign_version`.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        vec![
            ("email".into(), self.email.clone()),
            ("timestamp".into(), self.timestamp.to_string()),
            ("sign".into(), self.sign.clone()),
            ("nonce".into(), self.nonce.clone()),
            ("sign_version".into(), SIGN_VERSION.into()),
        ]
    }
}

impl fmt::Debug for SignedAuth {
    /// The signature authorizes a request for minutes: it is not printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedAuth")
            .field("email", &self.email)
            .field("timestamp", &self.timestamp)
            .field("nonce", &self.nonce)
            .field("sign", &vendor_http::Secret::new(""))
            .finish()
    }
}

/// A source of request nonces. The default is a random UUID v4 per call; tests inject
/// predictable ones.
pub trait NonceSource: Send + Sync + fmt::Debug {
    /// A nonce never returned before (Udesk rejects a nonce reused within 15 minutes).
    fn nonce(&self) -> String;
}

/// Random UUID v4 nonces (the seed's examples use UUIDs, e.g. `2d931510-d99f-...`).
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn nonce(&self) -> String {
        uuid::Uuid::new_v4().to_string()
    }
}

/// Body of `POST /open_api_v1/log_in`: the super administrator's credentials. Not signed (it is
/// how the token is obtained). Serializes with the password exposed, so keep it short-lived.
#[derive(Clone, PartialEq, Eq)]
pub struct LogIn {
    /// Super administrator email.
    pub email: String,
    /// Super administrator password.
    pub password: Secret,
}

impl fmt::Debug for LogIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogIn")
            .field("email", &self.email)
            .field("password", &self.password)
            .finish()
    }
}

impl LogIn {
    /// The JSON body (the only place the password is exposed).
    pub(crate) fn body(&self) -> serde_json::Value {
        serde_json::json!({"email": self.email, "password": self.password.expose()})
    }
}

/// Answer of `log_in`: `{"code": 1000, "open_api_auth_token": "..."}`. One public note spells the
/// key `open_api_token`; both are accepted (udesk-ticket.md §1.2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LogInAnswer {
    /// `1000` on success.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The API token to sign requests with.
    #[serde(alias = "open_api_token")]
    pub open_api_auth_token: Secret,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_lowercase_hex_sha256_of_the_ampersand_joined_values() {
        // Hand-computed: printf 'admin@udesk.cn&my-token&1494474404&2d931510-d99f-494a-8c67-
        // 87feb05e1594&v2' | sha256sum
        let sign = sign(
            "admin@udesk.cn",
            &Secret::new("my-token"),
            1_494_474_404,
            "2d931510-d99f-494a-8c67-87feb05e1594",
        );
        assert_eq!(
            sign,
            "cbfe92e493e2fd4414c0ae3314a4c87401b47fecba0e0ff2e2e641f9aaaf3da6"
        );
    }

    #[test]
    fn the_signature_changes_with_every_signed_value() {
        let token = Secret::new("t");
        let base = sign("a@b.c", &token, 1, "n");
        assert_ne!(base, sign("a@b.d", &token, 1, "n"));
        assert_ne!(base, sign("a@b.c", &Secret::new("u"), 1, "n"));
        assert_ne!(base, sign("a@b.c", &token, 2, "n"));
        assert_ne!(base, sign("a@b.c", &token, 1, "m"));
        assert_eq!(base.len(), 64);
        assert!(
            base.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        );
    }

    #[test]
    fn auth_pairs_follow_the_examples_order_and_fix_the_version() {
        let auth = SignedAuth::new("a@b.c", &Secret::new("t"), 5, "n1".into());
        let names: Vec<_> = auth.query_pairs().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            names,
            ["email", "timestamp", "sign", "nonce", "sign_version"]
        );
        assert_eq!(auth.query_pairs()[4].1, "v2");
        assert!(!format!("{auth:?}").contains(&auth.sign));
    }

    #[test]
    fn random_nonces_differ() {
        assert_ne!(RandomNonce.nonce(), RandomNonce.nonce());
    }

    #[test]
    fn the_login_answer_accepts_both_token_key_spellings_and_hides_the_token() {
        let a: LogInAnswer =
            serde_json::from_str(r#"{"code":1000,"open_api_auth_token":"t-9f3a"}"#).expect("a");
        let b: LogInAnswer =
            serde_json::from_str(r#"{"code":"1000","open_api_token":"t-9f3a"}"#).expect("b");
        assert_eq!(a, b);
        assert_eq!(a.open_api_auth_token.expose(), "t-9f3a");
        assert!(!format!("{a:?}").contains("t-9f3a"));
        let login = LogIn {
            email: "a@b.c".into(),
            password: Secret::new("pw"),
        };
        assert!(!format!("{login:?}").contains("pw"));
        assert_eq!(login.body()["password"], "pw");
    }
}
