//! Customers as the CRM list, detail and timeline endpoints return them.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::codes::{CreateType, CrmStatus, CustomerSource, Sex};
use crate::de;

/// A custom field value as customer detail returns it inside `ex_field_str`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldEntry {
    /// Field ID.
    #[serde(default, deserialize_with = "de::text")]
    pub fieldid: Option<String>,
    /// Value.
    #[serde(default, deserialize_with = "de::text")]
    pub field_value: Option<String>,
    /// Option label.
    #[serde(default, deserialize_with = "de::text")]
    pub field_text: Option<String>,
    /// Field type code.
    #[serde(default, deserialize_with = "de::text")]
    pub field_type: Option<String>,
    /// Field parameter name.
    #[serde(default, deserialize_with = "de::text")]
    pub field_params: Option<String>,
    /// Option parameter names.
    #[serde(default, deserialize_with = "de::text")]
    pub data_params: Option<String>,
}

/// A WeCom follower of a customer (`follow_user[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUser {
    /// Employee user ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Remark.
    #[serde(default, deserialize_with = "de::text")]
    pub remark: Option<String>,
    /// Added at, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub createtime: Option<i64>,
    /// How the friend was added.
    #[serde(default, deserialize_with = "de::int")]
    pub add_way: Option<i64>,
    /// `1` friends, `-1` employee deleted the customer, `-2` customer deleted the employee.
    #[serde(default, deserialize_with = "de::int")]
    pub status: Option<i64>,
}

/// A customer as the list and detail endpoints return it. Detail documents camelCase keys but
/// its example uses snake_case (CRM 41): both are accepted.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Company ID (list example only; inferred).
    #[serde(default, deserialize_with = "de::text")]
    pub pid: Option<String>,
    /// Nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub nick: Option<String>,
    /// Real name.
    #[serde(default, deserialize_with = "de::text")]
    pub uname: Option<String>,
    /// Visitor IDs.
    #[serde(default, alias = "visitorIds", deserialize_with = "de::text")]
    pub visitorids: Option<String>,
    /// Your own ID for the customer.
    #[serde(default, alias = "partnerId", deserialize_with = "de::text")]
    pub partnerid: Option<String>,
    /// Email.
    #[serde(default, deserialize_with = "de::text")]
    pub email: Option<String>,
    /// Phone.
    #[serde(default, deserialize_with = "de::text")]
    pub tel: Option<String>,
    /// QQ.
    #[serde(default, deserialize_with = "de::text")]
    pub qq: Option<String>,
    /// WeChat ID.
    #[serde(default, deserialize_with = "de::text")]
    pub wx: Option<String>,
    /// Sex (a string in detail, a number in the list, CRM 42).
    pub sex: Option<Sex>,
    /// Note.
    #[serde(default, deserialize_with = "de::text")]
    pub remark: Option<String>,
    /// Country ID (detail only).
    #[serde(default, alias = "countryId", deserialize_with = "de::text")]
    pub countryid: Option<String>,
    /// Country name (detail only).
    #[serde(default, alias = "countryName", deserialize_with = "de::text")]
    pub country_name: Option<String>,
    /// Province ID.
    #[serde(default, alias = "proviceId", deserialize_with = "de::text")]
    pub proviceid: Option<String>,
    /// Province name.
    #[serde(default, alias = "proviceName", deserialize_with = "de::text")]
    pub provice_name: Option<String>,
    /// City ID.
    #[serde(default, alias = "cityId", deserialize_with = "de::text")]
    pub cityid: Option<String>,
    /// City name.
    #[serde(default, alias = "cityName", deserialize_with = "de::text")]
    pub city_name: Option<String>,
    /// District ID.
    #[serde(default, alias = "areaId", deserialize_with = "de::text")]
    pub areaid: Option<String>,
    /// District name.
    #[serde(default, alias = "areaName", deserialize_with = "de::text")]
    pub area_name: Option<String>,
    /// Enterprise ID.
    #[serde(default, alias = "enterpriseId", deserialize_with = "de::text")]
    pub enterpriseid: Option<String>,
    /// Enterprise name.
    #[serde(default, alias = "enterpriseName", deserialize_with = "de::text")]
    pub enterprise_name: Option<String>,
    /// `"1"` VIP.
    #[serde(default, alias = "isVip", deserialize_with = "de::text")]
    pub is_vip: Option<String>,
    /// VIP level `data_value`.
    #[serde(default, alias = "vipLevel", deserialize_with = "de::text")]
    pub vip_level: Option<String>,
    /// `0` normal, `1` blacklisted.
    #[serde(default, alias = "userStatus", deserialize_with = "de::int")]
    pub user_status: Option<i64>,
    /// `8` normal (inferred from the push's 8/9).
    #[serde(default, deserialize_with = "de::int")]
    pub status: Option<i64>,
    /// CRM status.
    pub crm_status: Option<CrmStatus>,
    /// Responsible agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub liable_serviceid: Option<String>,
    /// Responsible agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub liable_service_name: Option<String>,
    /// Creator ID.
    #[serde(default, deserialize_with = "de::text")]
    pub create_serviceid: Option<String>,
    /// Creator name.
    #[serde(default, deserialize_with = "de::text")]
    pub create_service_name: Option<String>,
    /// Last editor ID.
    #[serde(default, deserialize_with = "de::text")]
    pub update_user_id: Option<String>,
    /// Last editor name.
    #[serde(default, deserialize_with = "de::text")]
    pub update_user_name: Option<String>,
    /// WeCom tag IDs, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub user_label: Option<String>,
    /// Business tag IDs, `,`-separated.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_label: Option<String>,
    /// Custom fields as an object (list).
    #[serde(default)]
    pub extend_fields: Option<serde_json::Value>,
    /// Fixed fields as an object, e.g. `fixed_fields.userLabel` (list).
    #[serde(default)]
    pub fixed_fields: Option<serde_json::Value>,
    /// Custom fields as a JSON string (detail); see [`Customer::custom_fields`].
    #[serde(default, deserialize_with = "de::text")]
    pub ex_field_str: Option<String>,
    /// Source code.
    pub source: Option<CustomerSource>,
    /// Self-built-app unionid.
    #[serde(default, alias = "wx_build_unionId", deserialize_with = "de::text")]
    pub wx_build_unionid: Option<String>,
    /// How the customer was created.
    #[serde(alias = "createType")]
    pub create_type: Option<CreateType>,
    /// WeCom external contact ID.
    #[serde(default, deserialize_with = "de::text")]
    pub external_userid: Option<String>,
    /// `1` third-party app, `2` self-built app.
    #[serde(default, deserialize_with = "de::int")]
    pub development_mode: Option<i64>,
    /// WeCom followers (typed Object, an array in the example, CRM 39).
    #[serde(default, deserialize_with = "de::one_or_many")]
    pub follow_user: Vec<FollowUser>,
    /// Created at, epoch seconds.
    #[serde(default, alias = "createTime", deserialize_with = "de::int")]
    pub create_time: Option<i64>,
    /// Midnight of the creation day, epoch seconds.
    #[serde(default, alias = "createDate", deserialize_with = "de::int")]
    pub create_date: Option<i64>,
    /// Updated at, epoch seconds.
    #[serde(default, alias = "updateTime", deserialize_with = "de::int")]
    pub update_time: Option<i64>,
    /// Time zone ID.
    #[serde(default, deserialize_with = "de::text")]
    pub timezoneid: Option<String>,
    /// Time zone label.
    #[serde(default, deserialize_with = "de::text")]
    pub timezone_value: Option<String>,
    /// Language code.
    #[serde(default, deserialize_with = "de::text")]
    pub language: Option<String>,
    /// Language label.
    #[serde(default, deserialize_with = "de::text")]
    pub language_value: Option<String>,
    /// WeCom external contact IDs.
    #[serde(
        default,
        alias = "wxExternalUserIds",
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub wx_external_userids: Vec<String>,
    /// WeChat unionids.
    #[serde(
        default,
        alias = "wxUnionIds",
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub wx_unionids: Vec<String>,
    /// WeChat openids.
    #[serde(
        default,
        alias = "wxOpenIds",
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub wx_openids: Vec<String>,
    /// WhatsApp IDs.
    #[serde(
        default,
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub whatsappids: Vec<String>,
    /// Facebook IDs.
    #[serde(
        rename = "faceBookids",
        alias = "facebookids",
        default,
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub facebookids: Vec<String>,
    /// Instagram IDs.
    #[serde(
        default,
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub instagramids: Vec<String>,
    /// Line IDs.
    #[serde(
        default,
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub lineids: Vec<String>,
    /// Telegram IDs.
    #[serde(
        default,
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub telegramids: Vec<String>,
    /// Discord IDs.
    #[serde(
        default,
        deserialize_with = "de::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub discordids: Vec<String>,
}

impl Customer {
    /// The custom fields of `ex_field_str`, decoded (empty if absent or not valid JSON).
    pub fn custom_fields(&self) -> Vec<CustomFieldEntry> {
        self.ex_field_str
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default()
    }
}

/// An entry of the behaviour timeline.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerBehavior {
    /// Entry ID.
    #[serde(default, deserialize_with = "de::text")]
    pub id: Option<String>,
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub userid: Option<String>,
    /// Event code, e.g. `user_create`, `user_stage_update`.
    #[serde(default, deserialize_with = "de::text")]
    pub biz_type: Option<String>,
    /// Event time (documented ms; the example mixes ms and s, CRM 50).
    #[serde(default, deserialize_with = "de::int")]
    pub biz_time: Option<i64>,
    /// Event details (documented a JSON string, an object in the example: both accepted).
    #[serde(default, deserialize_with = "de::json")]
    pub biz_content: Option<serde_json::Value>,
    /// Created at (the table spells it `create_ime`).
    #[serde(default, alias = "create_ime", deserialize_with = "de::int")]
    pub create_time: Option<i64>,
}
