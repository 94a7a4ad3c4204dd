//! CRM reference data: time zones, languages, countries, regions, multilingual content, customer
//! sources, the agent tree, custom field definitions, VIP levels (sobot-crm.md §7.1, §7.6).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Crm;
use super::codes::{CrmFieldType, CustomerSource, OrgNodeKind};
use crate::client::{ApiRequest, require_item};
use crate::config::Language;
use crate::de;
use crate::envelope::{ItemEnvelope, ItemsEnvelope};
use crate::error::Result;
use crate::wire::{json_body, query_pairs};

/// A time zone (`get_timezone` `items[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmTimeZone {
    /// Primary key.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Language of the label.
    #[serde(default, deserialize_with = "de::text")]
    pub language: Option<String>,
    /// Label such as `GMT-11:00 American Samoa` (typed Integer, a string in fact, CRM 9).
    #[serde(default, deserialize_with = "de::text")]
    pub timezone_value: Option<String>,
    /// Zone ID, the value for a customer's `timezoneid`.
    #[serde(default, deserialize_with = "de::text")]
    pub timezoneid: Option<String>,
}

/// A language (`get_language` `items[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmLanguage {
    /// Primary key.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Language of the label.
    #[serde(default, deserialize_with = "de::text")]
    pub language: Option<String>,
    /// Display name such as `Simplified Chinese`.
    #[serde(default, deserialize_with = "de::text")]
    pub language_value: Option<String>,
    /// Code such as `zh`, the value for a customer's `language`.
    #[serde(default, deserialize_with = "de::text")]
    pub language_code: Option<String>,
}

/// A country (`get_country` `items[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    /// ID, the value for a customer's `countryid`.
    #[serde(default, deserialize_with = "de::text")]
    pub countryid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub country_name: Option<String>,
}

/// Body of `get_multilingual_content_detail`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MultilingualQuery {
    /// The placeholder with braces, e.g. `{dc_test}`.
    pub placeholder: String,
    /// Language codes to return.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lang_type: Vec<String>,
    /// `1` returns rich text unfiltered; `0` (default) strips it.
    pub rich_text_flag: Option<u8>,
}

/// One translation of multilingual content.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// Language code.
    #[serde(default, deserialize_with = "de::text")]
    pub lang_type: Option<String>,
    /// Text.
    #[serde(default, deserialize_with = "de::text")]
    pub lang_value: Option<String>,
}

/// `item` of `get_multilingual_content_detail`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MultilingualContent {
    /// Company ID.
    #[serde(default, deserialize_with = "de::text")]
    pub companyid: Option<String>,
    /// Catalog ID.
    #[serde(default, deserialize_with = "de::text")]
    pub catalogid: Option<String>,
    /// Placeholder ID.
    #[serde(default, deserialize_with = "de::text")]
    pub placeholderid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// The placeholder.
    #[serde(default, deserialize_with = "de::text")]
    pub placeholder: Option<String>,
    /// Default text.
    #[serde(default, deserialize_with = "de::text")]
    pub default_value: Option<String>,
    /// Created at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub create_time: Option<i64>,
    /// Updated at, epoch ms.
    #[serde(default, deserialize_with = "de::int")]
    pub update_time: Option<i64>,
    /// `1` normal, `-1` deleted.
    #[serde(default, deserialize_with = "de::int")]
    pub status: Option<i64>,
    /// Translations.
    #[serde(default, deserialize_with = "de::list")]
    pub lang_list: Vec<Translation>,
}

/// An entry of the customer source dictionary.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSourceEntry {
    /// Label.
    #[serde(default, deserialize_with = "de::text")]
    pub label: Option<String>,
    /// Code.
    pub value: Option<CustomerSource>,
}

/// A node of the agent and department tree (`user_list`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgNode {
    /// Department or agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Avatar URL.
    #[serde(default, deserialize_with = "de::text")]
    pub image: Option<String>,
    /// `|`-separated department ID path (the format of `liable_departmentid`).
    #[serde(default, deserialize_with = "de::text")]
    pub path: Option<String>,
    /// Department or agent.
    #[serde(rename = "type")]
    pub kind: Option<OrgNodeKind>,
    /// `1` admin, `2` agent (the table says `manager`, the example `manager_flag`, CRM 55).
    #[serde(default, alias = "manager_flag", deserialize_with = "de::int")]
    pub manager: Option<i64>,
    /// Children.
    #[serde(default, deserialize_with = "de::list")]
    pub sub_list: Vec<OrgNode>,
}

/// A province (`user_dynamic/provice`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    /// ID; write it as a customer's `proviceid` (sic).
    #[serde(default, deserialize_with = "de::text")]
    pub provinceid: Option<String>,
    /// Name; write it as `provice_name`.
    #[serde(default, deserialize_with = "de::text")]
    pub province_name: Option<String>,
}

/// A city.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct City {
    /// Province ID.
    #[serde(default, deserialize_with = "de::text")]
    pub provinceid: Option<String>,
    /// City ID.
    #[serde(default, deserialize_with = "de::text")]
    pub cityid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub city_name: Option<String>,
}

/// A district.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    /// City ID.
    #[serde(default, deserialize_with = "de::text")]
    pub cityid: Option<String>,
    /// District ID.
    #[serde(default, deserialize_with = "de::text")]
    pub areaid: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub area_name: Option<String>,
}

/// An option of a CRM custom field; write its `data_value`, not its `data_id`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmFieldOption {
    /// Option ID.
    #[serde(default, deserialize_with = "de::text")]
    pub data_id: Option<String>,
    /// The value to write.
    #[serde(default, deserialize_with = "de::text")]
    pub data_value: Option<String>,
    /// Label.
    #[serde(default, deserialize_with = "de::text")]
    pub data_name: Option<String>,
    /// Parameter name.
    #[serde(default, deserialize_with = "de::text")]
    pub data_params: Option<String>,
    /// Field ID (enterprise fields).
    #[serde(default, deserialize_with = "de::text")]
    pub field_id: Option<String>,
    /// Field variable (enterprise fields).
    #[serde(default, deserialize_with = "de::text")]
    pub field_variable: Option<String>,
}

/// A customer or enterprise custom field definition.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmCustomField {
    /// Field ID (`fieldid` in `ex_field_str`).
    #[serde(default, deserialize_with = "de::text")]
    pub field_id: Option<String>,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_name: Option<String>,
    /// Variable, e.g. `customField6`.
    #[serde(default, deserialize_with = "de::text")]
    pub field_variable: Option<String>,
    /// Type.
    pub field_type: Option<CrmFieldType>,
    /// `1` required.
    #[serde(default, deserialize_with = "de::int")]
    pub fill_flag: Option<i64>,
    /// Status.
    #[serde(default, deserialize_with = "de::int")]
    pub field_status: Option<i64>,
    /// Remark.
    #[serde(default, deserialize_with = "de::text")]
    pub field_remark: Option<String>,
    /// Operate type.
    #[serde(default, deserialize_with = "de::int")]
    pub operate_type: Option<i64>,
    /// Parameter name (enterprise fields only, CRM 57).
    #[serde(default, deserialize_with = "de::text")]
    pub field_params: Option<String>,
    /// Options (`null` for non-option fields).
    #[serde(default, deserialize_with = "de::list")]
    pub cus_field_data_info_list: Vec<CrmFieldOption>,
}

/// A VIP level; `vip_level` holds its `data_value`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VipLevel {
    /// The value to write.
    #[serde(default, deserialize_with = "de::text")]
    pub data_value: Option<String>,
    /// Label.
    #[serde(default, deserialize_with = "de::text")]
    pub data_name: Option<String>,
}

#[derive(Serialize)]
struct LanguageQuery {
    language: &'static str,
}

impl Crm<'_> {
    async fn items<T: serde::de::DeserializeOwned>(&self, request: ApiRequest) -> Result<Vec<T>> {
        let envelope: ItemsEnvelope<T> = self.client.call(&request).await?;
        Ok(envelope.items)
    }

    fn localized(path: &str, language: Language) -> Result<ApiRequest> {
        Ok(
            ApiRequest::get(path).with_query(query_pairs(&LanguageQuery {
                language: language.code(),
            })?),
        )
    }

    /// `GET /api/scrm/5/user/get_timezone?language=`: time zones for customers.
    pub async fn timezones(&self, language: Language) -> Result<Vec<CrmTimeZone>> {
        self.items(Self::localized("api/scrm/5/user/get_timezone", language)?)
            .await
    }

    /// `GET /api/scrm/5/user/get_language?language=`: languages for customers.
    pub async fn languages(&self, language: Language) -> Result<Vec<CrmLanguage>> {
        self.items(Self::localized("api/scrm/5/user/get_language", language)?)
            .await
    }

    /// `GET /api/scrm/5/user/get_country?language=`: countries.
    pub async fn countries(&self, language: Language) -> Result<Vec<Country>> {
        self.items(Self::localized("api/scrm/5/user/get_country", language)?)
            .await
    }

    /// `POST /api/scrm/5/user/get_multilingual_content_detail`: the translations of a
    /// placeholder (a read, so retried like one).
    pub async fn multilingual_content(
        &self,
        query: &MultilingualQuery,
    ) -> Result<MultilingualContent> {
        let request = ApiRequest::post_json(
            "api/scrm/5/user/get_multilingual_content_detail",
            json_body(query)?,
        )
        .idempotent();
        let envelope: ItemEnvelope<MultilingualContent> = self.client.call(&request).await?;
        require_item(envelope)
    }

    /// `GET /api/scrm/5/user_dynamic/getsource`: the customer source dictionary.
    pub async fn customer_sources(&self) -> Result<Vec<CustomerSourceEntry>> {
        self.items(ApiRequest::get("api/scrm/5/user_dynamic/getsource"))
            .await
    }

    /// `GET /api/scrm/5/user/user_list`: the department and agent tree (no body is sent,
    /// although the examples carry a stray one, CRM 54).
    pub async fn org_tree(&self) -> Result<Vec<OrgNode>> {
        self.items(ApiRequest::get("api/scrm/5/user/user_list"))
            .await
    }

    /// `GET /api/scrm/5/user_dynamic/provice` (sic): provinces.
    pub async fn provinces(&self) -> Result<Vec<Province>> {
        self.items(ApiRequest::get("api/scrm/5/user_dynamic/provice"))
            .await
    }

    /// `GET /api/scrm/5/user_dynamic/city/{provinceid}`: the cities of a province.
    pub async fn cities(&self, provinceid: &str) -> Result<Vec<City>> {
        let path = format!(
            "api/scrm/5/user_dynamic/city/{}",
            de::path_segment(provinceid)
        );
        self.items(ApiRequest::get(path)).await
    }

    /// `GET /api/scrm/5/user_dynamic/area/{cityid}`: the districts of a city.
    pub async fn districts(&self, cityid: &str) -> Result<Vec<District>> {
        let path = format!("api/scrm/5/user_dynamic/area/{}", de::path_segment(cityid));
        self.items(ApiRequest::get(path)).await
    }

    /// `GET /api/scrm/5/custom_field/custom_fieid_info_list` (sic, CRM 56): customer custom
    /// fields.
    pub async fn customer_fields(&self) -> Result<Vec<CrmCustomField>> {
        self.items(ApiRequest::get(
            "api/scrm/5/custom_field/custom_fieid_info_list",
        ))
        .await
    }

    /// `GET /api/scrm/5/custom_field/get_vip_level_data_list`: VIP levels.
    pub async fn vip_levels(&self) -> Result<Vec<VipLevel>> {
        self.items(ApiRequest::get(
            "api/scrm/5/custom_field/get_vip_level_data_list",
        ))
        .await
    }

    /// `GET /api/scrm/5/enterprise/query_custom_field_list`: enterprise custom fields.
    pub async fn enterprise_fields(&self) -> Result<Vec<CrmCustomField>> {
        self.items(ApiRequest::get(
            "api/scrm/5/enterprise/query_custom_field_list",
        ))
        .await
    }
}
