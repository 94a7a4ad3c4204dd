//! Extensions (sobot-callcenter.md §9.3, 004:910-1072).
//!
//! Extension answers carry the SIP registration password in clear. It is decoded into a
//! [`Secret`], so these types do not implement `Serialize`: [`Extension::to_vendor_json`] and
//! [`CreatedExtension::to_vendor_json`] expose the password on purpose, for the one place that
//! must write it (the sandbox answering as Sobot).

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use serde_with::skip_serializing_none;
use vendor_http::Secret;

use super::Extensions;
use super::client::{CallCenterClient, CcRequest};
use super::codes::{AgentType, BindStatus, opt_secret, secret};
use super::envelope::Paged;
use super::paging::{STREAM_PAGE_SIZE, paginate};
use crate::de;
use crate::error::{Error, Result};

use super::paths::{EXTS_ADD as ADD, EXTS_SEARCH as SEARCH};

/// Filter of the extension list.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionQuery {
    /// Only bound (or only unbound) extensions.
    #[serde(rename = "bindStatus")]
    pub bind_status: Option<BindStatus>,
}

#[skip_serializing_none]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExtensionPageBody<'a> {
    bind_status: Option<&'a BindStatus>,
    page_size: u32,
    curr_page: u32,
}

/// An extension as listed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Extension {
    /// Extension number.
    #[serde(deserialize_with = "vendor_http::lenient::string")]
    pub ext: String,
    /// SIP registration password (in clear at Sobot; a [`Secret`] here).
    #[serde(default, deserialize_with = "opt_secret")]
    pub password: Option<Secret>,
    /// Whether it is bound to an agent (String in the table, a number in the example).
    #[serde(rename = "bindStatus", default)]
    pub bind_status: Option<BindStatus>,
    /// Bound at, epoch ms.
    #[serde(rename = "bindTime", default, deserialize_with = "de::int")]
    pub bind_time: Option<i64>,
    /// Bound agent's id.
    #[serde(rename = "agentUUID", default, deserialize_with = "de::text")]
    pub agent_uuid: Option<String>,
    /// Bound agent's name.
    #[serde(rename = "agentName", default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
}

impl Extension {
    /// The row as Sobot writes it, **password included in clear**.
    pub fn to_vendor_json(&self) -> Value {
        let mut row = json!({"ext": self.ext});
        let fields = [
            (
                "password",
                self.password.as_ref().map(|p| json!(p.expose())),
            ),
            ("bindStatus", self.bind_status.as_ref().map(|b| json!(b))),
            ("bindTime", self.bind_time.map(|t| json!(t))),
            ("agentUUID", self.agent_uuid.as_ref().map(|a| json!(a))),
            ("agentName", self.agent_name.as_ref().map(|a| json!(a))),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                row[key] = value;
            }
        }
        row
    }
}

/// Body of "Create an extension account" (`POST .../exts/_add`). The password is sent
/// exposed; `Debug` redacts it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewExtension {
    /// The agent, work number or id per `agent_type`.
    #[serde(rename = "agentID")]
    pub agent_id: String,
    /// `"0"` work number (Sobot's default when absent), `"1"` id.
    #[serde(rename = "agentType", default)]
    pub agent_type: Option<AgentType>,
    /// Extension number: 3-8 digits, may start with 0, cannot be changed later.
    pub ext: String,
    /// SIP password: 6-8 digits.
    #[serde(deserialize_with = "secret")]
    pub password: Secret,
}

impl NewExtension {
    /// Checks the documented formats (004:1030-1031) before anything is sent; the error names
    /// the field and never the password.
    pub fn validate(&self) -> Result<()> {
        let digits = |text: &str, min: usize, max: usize| {
            (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(&self.ext, 3, 8) {
            return Err(Error::InvalidRequest(
                "field `ext`: an extension is 3 to 8 digits".into(),
            ));
        }
        if !digits(self.password.expose(), 6, 8) {
            return Err(Error::InvalidRequest(
                "field `password`: an extension password is 6 to 8 digits".into(),
            ));
        }
        Ok(())
    }

    /// The body as sent, **password included in clear**.
    pub fn to_vendor_json(&self) -> Value {
        let mut body = json!({
            "agentID": self.agent_id,
            "ext": self.ext,
            "password": self.password.expose(),
        });
        if let Some(agent_type) = &self.agent_type {
            body["agentType"] = json!(agent_type);
        }
        body
    }
}

/// The answer of "Create an extension account" (`kind` `Ext`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CreatedExtension {
    /// Extension number.
    #[serde(default, deserialize_with = "de::text")]
    pub ext: Option<String>,
    /// Its SIP password.
    #[serde(default, deserialize_with = "opt_secret")]
    pub password: Option<Secret>,
    /// Described as "voice code format"; holds a codec name such as `Opus` (§13 item 18).
    #[serde(rename = "langCodeTxt", default, deserialize_with = "de::text")]
    pub lang_code_txt: Option<String>,
}

impl CreatedExtension {
    /// The answer's `data` as Sobot writes it, **password included in clear**.
    pub fn to_vendor_json(&self) -> Value {
        json!({
            "ext": self.ext,
            "password": self.password.as_ref().map(Secret::expose),
            "langCodeTxt": self.lang_code_txt,
        })
    }
}

async fn extension_page(
    client: &CallCenterClient,
    query: &ExtensionQuery,
    curr_page: u32,
    page_size: u32,
) -> Result<Paged<Extension>> {
    let body = ExtensionPageBody {
        bind_status: query.bind_status.as_ref(),
        page_size,
        curr_page,
    };
    client.call(&CcRequest::post(SEARCH, &body)?.read()).await
}

impl Extensions<'_> {
    /// One page of `POST .../exts/_search`.
    pub async fn page(
        &self,
        query: &ExtensionQuery,
        curr_page: u32,
        page_size: u32,
    ) -> Result<Paged<Extension>> {
        extension_page(self.client, query, curr_page, page_size).await
    }

    /// Every extension matching `query`, as a stream over all pages.
    pub fn list(
        &self,
        query: ExtensionQuery,
    ) -> impl Stream<Item = Result<Extension>> + Send + 'static {
        let client = self.client.clone();
        paginate(STREAM_PAGE_SIZE, move |curr_page, page_size| {
            let client = client.clone();
            let query = query.clone();
            async move { extension_page(&client, &query, curr_page, page_size).await }
        })
    }

    /// `POST .../exts/_add`: creates an extension (no `timezoneid` header, 004:1020-1021).
    pub async fn create(&self, extension: &NewExtension) -> Result<CreatedExtension> {
        extension.validate()?;
        let request = CcRequest::post(ADD, &extension.to_vendor_json())?.without_timezone();
        self.client.call(&request).await
    }
}
