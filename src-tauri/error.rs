//! The error every command returns across IPC: a tagged enum with stable codes the UI acts on.

use serde::Serialize;
use switchboard_core::profiles::Profile;

/// A command failure, classified by what the user or the UI can do about it.
///
/// Serialized as `{ "code": "...", ...fields }`; the codes are a stable contract with the UI,
/// which shows each one as a localized notification. `message` is a developer-facing English
/// explanation (for logs and the details view); it never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, specta::Type)]
#[serde(
    tag = "code",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum IpcError {
    /// The credentials of a connection were rejected; the user must re-enter them.
    #[error("connection {connection} needs new credentials: {message}")]
    NeedsReauth {
        /// Which connection (its display name).
        connection: String,
        /// What the vendor or the keychain said.
        message: String,
    },
    /// A vendor rate limit was hit; retrying later helps.
    #[error("rate limited: {message}")]
    RateLimited {
        /// Seconds to wait, when known.
        retry_after_seconds: Option<u32>,
        /// What was limited.
        message: String,
    },
    /// The input was rejected before anything was sent or saved.
    #[error("invalid {field}: {message}")]
    InvalidInput {
        /// The field (or file column, setting name) that is wrong.
        field: String,
        /// Why it is wrong.
        message: String,
    },
    /// The thing asked for does not exist (any more).
    #[error("{what} not found: {message}")]
    NotFound {
        /// What kind of thing was looked up.
        what: String,
        /// Which one, or further detail.
        message: String,
    },
    /// The vendor or sandbox could not be reached; retrying may help.
    #[error("network error: {message}")]
    Network {
        /// What failed (host unreachable, TLS, timeout, dropped connection).
        message: String,
    },
    /// The vendor answered with a business error code.
    #[error("{vendor} error {vendor_code}: {message}")]
    Vendor {
        /// Which vendor API answered (`sobot`, `sobot-callcenter`, `udesk`).
        vendor: String,
        /// The vendor's own code, as sent.
        vendor_code: String,
        /// The vendor's own message, as sent.
        message: String,
    },
    /// A name that must be unique is already used; the user picks another.
    #[error("a {what} named {name} already exists")]
    NameTaken {
        /// What is named ("view").
        what: String,
        /// The name asked for.
        name: String,
    },
    /// The OS keychain is missing, locked or refused access; the user must unlock or set it up.
    #[error("keychain unavailable: {message}")]
    KeychainUnavailable {
        /// What the keychain said (never a secret).
        message: String,
    },
    /// A local file or database could not be read or written.
    #[error("local storage error: {message}")]
    Storage {
        /// What failed, with the path.
        message: String,
    },
    /// A bug or an unexpected state; the log has the details.
    #[error("internal error: {message}")]
    Internal {
        /// What went wrong.
        message: String,
    },
}

/// The result type of every command.
pub type CommandResult<T> = Result<T, IpcError>;

impl IpcError {
    /// The same error, with refused credentials naming the connection of `profile` the work
    /// was on as the user knows it ("Udesk 上海" rather than the vendor or an id).
    pub(crate) fn on_connection(self, profile: &Profile, connection_id: &str) -> Self {
        match self {
            Self::NeedsReauth { message, .. } => Self::NeedsReauth {
                connection: profile.connection_name(connection_id),
                message,
            },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serializes_as_a_code_tagged_object_with_camel_case_fields() {
        let error = IpcError::Vendor {
            vendor: "sobot".into(),
            vendor_code: "700046".into(),
            message: "no API access".into(),
        };
        assert_eq!(
            serde_json::to_value(&error).expect("serializes"),
            json!({"code": "vendor", "vendor": "sobot", "vendorCode": "700046", "message": "no API access"})
        );
        let limited = IpcError::RateLimited {
            retry_after_seconds: Some(30),
            message: "udesk".into(),
        };
        assert_eq!(
            serde_json::to_value(&limited).expect("serializes")["retryAfterSeconds"],
            json!(30)
        );
    }

    #[test]
    fn every_code_is_stable() {
        let codes: Vec<String> = [
            IpcError::NeedsReauth {
                connection: "c".into(),
                message: "m".into(),
            },
            IpcError::RateLimited {
                retry_after_seconds: None,
                message: "m".into(),
            },
            IpcError::InvalidInput {
                field: "f".into(),
                message: "m".into(),
            },
            IpcError::NotFound {
                what: "w".into(),
                message: "m".into(),
            },
            IpcError::Network {
                message: "m".into(),
            },
            IpcError::Vendor {
                vendor: "v".into(),
                vendor_code: "1".into(),
                message: "m".into(),
            },
            IpcError::NameTaken {
                what: "view".into(),
                name: "n".into(),
            },
            IpcError::Storage {
                message: "m".into(),
            },
            IpcError::Internal {
                message: "m".into(),
            },
        ]
        .iter()
        .map(|e| {
            serde_json::to_value(e).expect("serializes")["code"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
        assert_eq!(
            codes,
            [
                "needsReauth",
                "rateLimited",
                "invalidInput",
                "notFound",
                "network",
                "vendor",
                "nameTaken",
                "storage",
                "internal"
            ]
        );
    }
}
