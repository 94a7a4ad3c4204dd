//! `GET /api/get_token`: the md5 signature and the token it returns (000:43, 001:32, 002:18).

use serde::{Deserialize, Serialize};
use vendor_http::Secret;

/// `md5(appid + create_time + app_key)` as 32 lowercase hex digits: plain concatenation, no
/// separators (000:89-93).
pub fn sign(appid: &str, create_time: &str, app_key: &Secret) -> String {
    let mut input = String::with_capacity(appid.len() + create_time.len() + app_key.expose().len());
    input.push_str(appid);
    input.push_str(create_time);
    input.push_str(app_key.expose());
    format!("{:x}", md5::compute(input.as_bytes()))
}

/// The query of `get_token`. `sign` is derived from the app key, so build it with
/// [`TokenRequest::signed`] rather than by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    /// The API credential ID.
    pub appid: String,
    /// Unix time in seconds, as a string.
    pub create_time: String,
    /// `md5(appid + create_time + app_key)`.
    pub sign: String,
}

impl TokenRequest {
    /// A request signed for `unix_seconds`.
    pub fn signed(appid: &str, app_key: &Secret, unix_seconds: i64) -> Self {
        let create_time = unix_seconds.to_string();
        Self {
            sign: sign(appid, &create_time, app_key),
            appid: appid.to_owned(),
            create_time,
        }
    }
}

/// `item` of the `get_token` answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TokenItem {
    /// The token (32 hex characters today; store at least 32).
    pub token: Secret,
    /// Validity in seconds. A string in the docs (`"86400"`); the prose calls it `expire_in`
    /// (000:29 vs 000:83), so both spellings and both types are accepted.
    #[serde(alias = "expire_in", deserialize_with = "vendor_http::lenient::i64")]
    pub expires_in: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_matches_the_docs_worked_example() {
        // 000:89-93, 001:78-82, 002:46-48: md5("115693977732").
        assert_eq!(
            sign("1", "1569397773", &Secret::new("2")),
            "258eec3118705112b2c53dc8043d4d34"
        );
    }

    #[test]
    fn a_signed_request_carries_seconds_as_a_string() {
        let request = TokenRequest::signed("1", &Secret::new("2"), 1_569_397_773);
        assert_eq!(request.create_time, "1569397773");
        assert_eq!(request.sign, "258eec3118705112b2c53dc8043d4d34");
    }

    #[test]
    fn token_item_accepts_both_spellings_and_types_of_the_lifetime() {
        let a: TokenItem =
            serde_json::from_str(r#"{"token":"t","expires_in":"86400"}"#).expect("string");
        let b: TokenItem =
            serde_json::from_str(r#"{"token":"t","expire_in":86400}"#).expect("number");
        assert_eq!(a, b);
        assert_eq!(a.expires_in, 86_400);
    }
}
