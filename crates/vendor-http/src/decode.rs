//! JSON decoding that reports where it failed, with a body excerpt safe to log.

use serde::de::DeserializeOwned;

/// How many characters of a body an error message may quote.
const EXCERPT_CHARS: usize = 300;

/// Object keys whose values are never quoted in an excerpt.
const SENSITIVE_KEYS: &[&str] = &[
    "token",
    "access_token",
    "accesstoken",
    "refresh_token",
    "app_key",
    "appkey",
    "app_secret",
    "secret",
    "password",
    "sign",
    "signature",
    "authorization",
];

/// Any key ending in one of these is a credential too (`open_api_auth_token`, `sipPassword`,
/// `appSecret`, ...).
const SENSITIVE_SUFFIXES: &[&str] = &["token", "password", "passwd", "secret", "signature"];

fn is_sensitive(key: &str) -> bool {
    let key = key.trim().to_ascii_lowercase();
    SENSITIVE_KEYS.contains(&key.as_str())
        || SENSITIVE_SUFFIXES
            .iter()
            .any(|suffix| key.ends_with(suffix))
}

/// A response body that did not decode into the expected type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot decode the response at `{path}`: {message} (body: {excerpt})")]
pub struct DecodeError {
    /// The JSON path of the value that failed, e.g. `item.deal_list[2].reply_type` (`.` for
    /// the root).
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// The start of the body with secrets redacted.
    pub excerpt: String,
}

/// Decodes `body` into `T`, reporting the JSON path of the first failure.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        DecodeError {
            path,
            message: error.into_inner().to_string(),
            excerpt: redacted_excerpt(body),
        }
    })?;
    deserializer.end().map_err(|error| DecodeError {
        path: ".".into(),
        message: error.to_string(),
        excerpt: redacted_excerpt(body),
    })?;
    Ok(value)
}

/// Decodes an already parsed JSON value into `T`, reporting the JSON path of the first failure.
pub fn decode_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, DecodeError> {
    let excerpt_source = value.to_string();
    serde_path_to_error::deserialize(value).map_err(|error| DecodeError {
        path: error.path().to_string(),
        message: error.into_inner().to_string(),
        excerpt: redacted_excerpt(excerpt_source.as_bytes()),
    })
}

/// The start of a body, safe for logs and error messages.
///
/// If the body is JSON, the values of credential-like keys (`token`, `sign`, `app_key`, ...) are
/// replaced by `[redacted]`. Otherwise any run of 32 or more hex digits (the shape of Sobot
/// tokens) is masked. The result is cut to a few hundred characters.
pub fn redacted_excerpt(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut value) => {
            redact_value(&mut value);
            value.to_string()
        }
        Err(_) => mask_hex_runs(&String::from_utf8_lossy(body)),
    };
    truncate_chars(&text, EXCERPT_CHARS)
}

fn redact_value(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if is_sensitive(key) {
                    *inner = serde_json::Value::String(crate::secret::REDACTED.into());
                } else {
                    redact_value(inner);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(redact_value),
        _ => {}
    }
}

fn mask_hex_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 32 {
            out.push_str(crate::secret::REDACTED);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_hexdigit() {
            run.push(ch);
        } else {
            flush(&mut run, &mut out);
            out.push(ch);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        item: Inner,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        list: Vec<Leaf>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Leaf {
        count: u32,
    }

    #[test]
    fn a_type_mismatch_names_the_json_path() {
        let body = br#"{"item":{"list":[{"count":1},{"count":"x"}]}}"#;
        let error = decode_json::<Outer>(body).expect_err("count is not a number");
        assert_eq!(error.path, "item.list[1].count");
        assert!(error.message.contains("invalid type"), "{}", error.message);
    }

    #[test]
    fn malformed_json_is_a_decode_error_with_an_excerpt() {
        let error = decode_json::<Outer>(b"{\"item\": {\"list\": [").expect_err("truncated");
        assert!(error.excerpt.starts_with("{\"item\""), "{}", error.excerpt);
    }

    #[test]
    fn excerpts_redact_tokens_in_json_and_hex_runs_in_text() {
        let json = br#"{"item":{"token":"4ac37cb2e9c740dba4b75a34d5358802","expires_in":"86400"}}"#;
        let excerpt = redacted_excerpt(json);
        assert!(!excerpt.contains("4ac37cb2"), "{excerpt}");
        assert!(excerpt.contains("86400"));
        let text = b"<html>token 4ac37cb2e9c740dba4b75a34d5358802 bad";
        let excerpt = redacted_excerpt(text);
        assert!(!excerpt.contains("4ac37cb2"), "{excerpt}");
        assert!(excerpt.contains("<html>token [redacted] bad"));
    }

    #[test]
    fn excerpts_redact_every_key_that_ends_like_a_credential() {
        let json = br#"{"open_api_auth_token":"t-1","sipPassword":"p-2","appSecret":"s-3","api_token":"t-4","token_count":7}"#;
        let excerpt = redacted_excerpt(json);
        for secret in ["t-1", "p-2", "s-3", "t-4"] {
            assert!(!excerpt.contains(secret), "{secret} leaked: {excerpt}");
        }
        assert!(excerpt.contains("\"token_count\":7"), "{excerpt}");
    }

    #[test]
    fn long_excerpts_are_cut_on_a_character_boundary() {
        let body = "工".repeat(1000);
        let excerpt = redacted_excerpt(body.as_bytes());
        assert_eq!(excerpt.chars().count(), EXCERPT_CHARS + 1);
    }
}
