//! Profiles and their connections, as kept in `profiles.toml` (secrets are not here: they live in
//! the OS keychain under the profile and connection ids).

use serde::{Deserialize, Serialize};

/// A Sobot v5 region, or any other base URL (a sandbox, a new region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "base_url", rename_all = "snake_case")]
pub enum SobotRegion {
    /// Mainland China, www.sobot.com.
    China,
    /// International, sg.sobot.io.
    Singapore,
    /// North America, us.sobot.com.
    UnitedStates,
    /// Any base URL, such as `http://127.0.0.1:4010`.
    Custom(String),
}

/// How ticket list time parameters are sent (the two dialects of the vendor docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeDialect {
    /// Epoch milliseconds with a `timezoneid` header (the English doc).
    EpochMillis,
    /// `YYYY-MM-DD HH:MM:SS` strings (the Chinese doc).
    DateTime,
}

/// The language Sobot answers in (`language` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VendorLanguage {
    /// Chinese (`zh`).
    Zh,
    /// English (`en`).
    En,
}

/// A Sobot v5 connection (tickets and CRM). Its `app_key` is in the keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SobotConnection {
    /// Stable id within the profile (keychain entries are filed under it).
    pub id: String,
    /// Region preset or custom host.
    pub region: SobotRegion,
    /// The `appid` Sobot issued.
    pub appid: String,
    /// Language of vendor messages.
    pub language: VendorLanguage,
    /// IANA time zone sent as `timezoneid`, such as `Asia/Shanghai`.
    pub timezone_id: String,
    /// How ticket list times are sent.
    pub time_dialect: TimeDialect,
}

/// A Sobot call center V6 connection. Its `app_secret` is in the keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallCenterConnection {
    /// Stable id within the profile.
    pub id: String,
    /// The call center's base URL.
    pub base_url: String,
    /// The `appId` Sobot issued.
    pub app_id: String,
    /// The agent work number used for agent-token calls.
    pub agent_no: String,
}

/// A Udesk account (any number per profile). Its API token is in the keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UdeskConnection {
    /// Stable id within the profile.
    pub id: String,
    /// A name the user recognises, such as "Udesk Shanghai".
    pub name: String,
    /// The account's base URL, such as `https://demo.udesk.cn`.
    pub base_url: String,
    /// The admin email the API token belongs to.
    pub email: String,
}

/// A named set of connections: one team's vendor accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable id (keychain entries and the profile's database are filed under it).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The Sobot v5 connection, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sobot: Option<SobotConnection>,
    /// The Sobot call-center connection, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callcenter: Option<CallCenterConnection>,
    /// Udesk accounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub udesk: Vec<UdeskConnection>,
}

impl Profile {
    /// The name the user knows a connection of this profile by ("Sobot", "Sobot call center",
    /// or the Udesk account's own name); the id itself when the profile has no such connection.
    pub fn connection_name(&self, connection_id: &str) -> String {
        if self.sobot.as_ref().is_some_and(|c| c.id == connection_id) {
            return "Sobot".into();
        }
        if self
            .callcenter
            .as_ref()
            .is_some_and(|c| c.id == connection_id)
        {
            return "Sobot call center".into();
        }
        match self.udesk.iter().find(|c| c.id == connection_id) {
            Some(udesk) if !udesk.name.trim().is_empty() => udesk.name.clone(),
            Some(_) => "Udesk".into(),
            None => connection_id.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn udesk(id: &str, name: &str) -> UdeskConnection {
        UdeskConnection {
            id: id.into(),
            name: name.into(),
            base_url: "https://demo.udesk.cn".into(),
            email: "admin@example.com".into(),
        }
    }

    #[test]
    fn a_connection_is_named_as_the_user_knows_it() {
        let profile = Profile {
            id: "p".into(),
            name: "Team".into(),
            sobot: None,
            callcenter: None,
            udesk: vec![udesk("u1", "Udesk 上海"), udesk("u2", " ")],
        };
        assert_eq!(profile.connection_name("u1"), "Udesk 上海");
        assert_eq!(profile.connection_name("u2"), "Udesk", "a blank name");
        assert_eq!(
            profile.connection_name("gone"),
            "gone",
            "not in the profile"
        );
    }
}
