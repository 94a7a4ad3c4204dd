//! A wrapper for credentials and tokens that cannot leak through logs, errors or IPC.

use std::fmt;

/// The text every [`Secret`] prints instead of its value.
pub const REDACTED: &str = "[redacted]";

/// A secret value (app key, API token, access token, SIP password).
///
/// `Debug` and `Display` print [`REDACTED`], and serializing fails, so a secret never reaches a log
/// line, an error message, a settings file or an IPC response by accident. Read the value with
/// [`Secret::expose`] at the one place that needs it (signing a request, writing the keychain).
/// Deserializing is allowed, so vendor responses that carry tokens decode straight into a `Secret`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value itself, for the code that must use it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty (an unset credential).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, _serializer: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "a Secret refuses to be serialized; expose it explicitly where it must be sent",
        ))
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_print_a_redaction_not_the_value() {
        let secret = Secret::new("app-key-123");
        assert_eq!(format!("{secret}"), REDACTED);
        assert_eq!(format!("{secret:?}"), "Secret([redacted])");
        let nested = format!("{:?}", Some(vec![secret.clone()]));
        assert!(!nested.contains("app-key-123"), "{nested}");
    }

    #[test]
    fn serializing_fails_even_inside_a_struct() {
        #[derive(serde::Serialize)]
        struct Credentials {
            appid: String,
            app_key: Secret,
        }
        let creds = Credentials {
            appid: "1".into(),
            app_key: Secret::new("k"),
        };
        let err = serde_json::to_string(&creds).expect_err("a Secret must not serialize");
        assert!(err.to_string().contains("refuses to be serialized"));
    }

    #[test]
    fn deserializes_from_a_plain_string_and_exposes_it_on_request() {
        let secret: Secret = serde_json::from_str("\"tok\"").expect("string decodes");
        assert_eq!(secret.expose(), "tok");
        assert!(!secret.is_empty());
    }
}
