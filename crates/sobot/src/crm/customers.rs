//! Customers and enterprises (sobot-crm.md §7.3): upsert, edit, detail, list, behaviour
//! timeline, enterprise create.

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Crm;
use super::codes::{BehaviorGroup, CrmStatus, CustomerSearchBy, CustomerView, Sex, UpsertAction};
use super::customer_model::{Customer, CustomerBehavior};
use crate::client::{ApiRequest, SobotClient, require_item};
use crate::de;
use crate::envelope::{ItemEnvelope, Page, StatusEnvelope};
use crate::error::{Error, Result};
use crate::paging::paginate;
use crate::wire::{json_body, query_pairs};

/// The page size customer lists are read with (the doc's default is 15; no maximum is
/// documented).
pub const CUSTOMER_PAGE_SIZE: u32 = 50;

/// A custom field value to write (`ex_field_str[]` of customers, `extend_fields[]` of
/// enterprises). Identify the field by `fieldid` or, for drop-downs, `field_params`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldInput {
    /// The field's `field_id`.
    pub fieldid: Option<String>,
    /// The value: raw for text, date, time, number; comma-joined option `data_value`s for
    /// option fields.
    pub field_value: String,
    /// The field's parameter name.
    pub field_params: Option<String>,
}

/// Encodes custom field values as the JSON **string** `ex_field_str` expects (double-encoded
/// on the wire).
pub fn ex_field_str(fields: &[CustomFieldInput]) -> Result<String> {
    serde_json::to_string(fields)
        .map_err(|error| Error::InvalidRequest(format!("cannot encode custom fields: {error}")))
}

/// The fields of a customer write (create and edit share them; `nick` is required by both).
///
/// Province fields are spelled `proviceid`/`provice_name` on writes (CRM 31).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerInput {
    /// Nickname (required, max 50).
    pub nick: String,
    /// Real name (max 50).
    pub uname: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub tel: Option<String>,
    /// QQ.
    pub qq: Option<String>,
    /// WeChat ID.
    pub wx: Option<String>,
    /// Your own ID for the customer ("docking ID").
    pub partnerid: Option<String>,
    /// Sex.
    pub sex: Option<Sex>,
    /// CRM status: required on create (002:826); not in the edit table although the edit
    /// example sends it (002:962, CRM 34).
    pub crm_status: Option<CrmStatus>,
    /// Responsible agent (required when `crm_status` is 3).
    pub liable_serviceid: Option<String>,
    /// Responsible agent name.
    pub liable_service_name: Option<String>,
    /// Country ID from [`Crm::countries`].
    pub countryid: Option<String>,
    /// Province ID from [`Crm::provinces`].
    pub proviceid: Option<String>,
    /// Province name.
    pub provice_name: Option<String>,
    /// City ID.
    pub cityid: Option<String>,
    /// City name.
    pub city_name: Option<String>,
    /// District ID.
    pub areaid: Option<String>,
    /// District name.
    pub area_name: Option<String>,
    /// Note.
    pub remark: Option<String>,
    /// Enterprise ID from [`Crm::create_enterprise`].
    pub enterpriseid: Option<String>,
    /// Enterprise name.
    pub enterprise_name: Option<String>,
    /// `"0"` regular, `"1"` VIP.
    pub is_vip: Option<String>,
    /// VIP level `data_value` (edit only, CRM 33).
    pub vip_level: Option<String>,
    /// Custom fields as a JSON string; build it with [`ex_field_str`].
    pub ex_field_str: Option<String>,
    /// Edit only: `0` (default) overwrites all custom fields, `1` upserts the ones sent.
    pub upset_ex_field_str: Option<u8>,
    /// Self-built-app unionid.
    pub wx_build_unionid: Option<String>,
    /// Visitor ID (a String, CRM 32).
    pub visitorids: Option<String>,
    /// WeCom external contact IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wx_external_userids: Vec<String>,
    /// WeChat unionids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wx_unionids: Vec<String>,
    /// WeChat openids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wx_openids: Vec<String>,
    /// WhatsApp IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub whatsappids: Vec<String>,
    /// Facebook IDs.
    #[serde(rename = "faceBookids", default, skip_serializing_if = "Vec::is_empty")]
    pub facebookids: Vec<String>,
    /// Instagram IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instagramids: Vec<String>,
    /// Line IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineids: Vec<String>,
    /// Telegram IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub telegramids: Vec<String>,
    /// Discord IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discordids: Vec<String>,
    /// Time zone ID from [`Crm::timezones`].
    pub timezoneid: Option<String>,
    /// Language code from [`Crm::languages`].
    pub language: Option<String>,
}

/// `data` of the customer create answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCustomerData {
    /// The customer's ID.
    #[serde(deserialize_with = "vendor_http::lenient::string")]
    pub userid: String,
}

/// The customer create answer: `{data: {userid}, action, ret_code, ret_msg}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSaveEnvelope {
    /// `"000000"` on success.
    #[serde(default, deserialize_with = "vendor_http::lenient::string")]
    pub ret_code: String,
    /// The vendor's message.
    #[serde(default, deserialize_with = "de::text")]
    pub ret_msg: Option<String>,
    /// The customer.
    pub data: Option<SavedCustomerData>,
    /// Whether a customer was added or an existing one updated.
    pub action: Option<UpsertAction>,
}

/// The outcome of a customer upsert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCustomer {
    /// The customer's ID.
    pub userid: String,
    /// Added or updated (an existing match keeps its `crm_status` and owner).
    pub action: UpsertAction,
}

/// Filters of the customer list (all optional).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerQuery {
    /// What `search_value` matches.
    pub search_type: Option<CustomerSearchBy>,
    /// Search text.
    pub search_value: Option<String>,
    /// Self-built-app unionid (capital I on this endpoint only, 002:1117).
    #[serde(rename = "wx_build_unionId")]
    pub wx_build_unionid: Option<String>,
    /// Follow-up stage ID.
    pub stageid: Option<String>,
    /// Created from, epoch seconds.
    pub create_start_time: Option<i64>,
    /// Created until, epoch seconds.
    pub create_end_time: Option<i64>,
    /// Updated from, epoch seconds.
    pub update_start_time: Option<i64>,
    /// Updated until, epoch seconds.
    pub update_end_time: Option<i64>,
    /// Tag IDs (sent comma-separated, as the example does, CRM 38).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_label: Vec<String>,
    /// `"1"` blacklisted only, `"0"` not blacklisted.
    pub isblack: Option<String>,
    /// Which view.
    pub module_type: Option<CustomerView>,
    /// WeCom external contact ID.
    pub external_userid: Option<String>,
    /// `1` third-party app (default), `2` self-built app.
    pub development_mode: Option<u8>,
    /// Responsible agent ID.
    pub liable_serviceid: Option<String>,
}

/// Body of `enterprise/save`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseInput {
    /// Name (required).
    pub enterprise_name: String,
    /// Province ID.
    pub proviceid: Option<String>,
    /// Province name.
    pub provice_name: Option<String>,
    /// City ID.
    pub cityid: Option<String>,
    /// City name.
    pub city_name: Option<String>,
    /// District ID.
    pub areaid: Option<String>,
    /// District name.
    pub area_name: Option<String>,
    /// Web domains, e.g. `sobot.io`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enterprise_domains: Vec<String>,
    /// Custom fields (a real JSON array here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extend_fields: Vec<CustomFieldInput>,
}

#[derive(Serialize)]
struct DetailBody<'a> {
    id: &'a str,
}

#[derive(Serialize)]
struct PageQuery {
    page_no: u32,
    page_size: u32,
}

#[derive(Serialize)]
struct BehaviorQuery<'a> {
    userid: &'a str,
    biz_type: Option<&'a BehaviorGroup>,
    page_no: u32,
    page_size: u32,
}

async fn customer_page(
    client: &SobotClient,
    query: &CustomerQuery,
    page_no: u32,
    page_size: u32,
) -> Result<Page<Customer>> {
    let mut pairs = query_pairs(query)?;
    pairs.extend(query_pairs(&PageQuery { page_no, page_size })?);
    // A GET per the Request method; the example's `-X POST` (002:1132) is not followed.
    let request = ApiRequest::get("api/scrm/5/user/list_by_page").with_query(pairs);
    client.call(&request).await
}

async fn behavior_page(
    client: &SobotClient,
    userid: &str,
    group: Option<&BehaviorGroup>,
    page_no: u32,
    page_size: u32,
) -> Result<Page<CustomerBehavior>> {
    let request = ApiRequest::get("api/scrm/5/user_dynamic/list_by_page").with_query(query_pairs(
        &BehaviorQuery {
            userid,
            biz_type: group,
            page_no,
            page_size,
        },
    )?);
    client.call(&request).await
}

impl Crm<'_> {
    /// `POST /api/scrm/5/user/save`: creates a customer, or updates the one the company's
    /// identification rules match (an upsert). Needs `crm_status`, and `liable_serviceid` when
    /// the status is following-up.
    pub async fn save_customer(&self, customer: &CustomerInput) -> Result<SavedCustomer> {
        match &customer.crm_status {
            None => {
                return Err(Error::InvalidRequest(
                    "crm_status is required to create a customer".into(),
                ));
            }
            Some(CrmStatus::FollowingUp) if customer.liable_serviceid.is_none() => {
                return Err(Error::InvalidRequest(
                    "liable_serviceid is required when crm_status is 3 (following up)".into(),
                ));
            }
            _ => {}
        }
        let request = ApiRequest::post_json("api/scrm/5/user/save", json_body(customer)?);
        let envelope: CustomerSaveEnvelope = self.client.call(&request).await?;
        let userid = envelope.data.map(|data| data.userid).ok_or_else(|| {
            Error::Decode(vendor_http::DecodeError {
                path: "data".into(),
                message: "missing field `data`".into(),
                excerpt: String::new(),
            })
        })?;
        Ok(SavedCustomer {
            userid,
            action: envelope
                .action
                .unwrap_or_else(|| UpsertAction::Other(String::new())),
        })
    }

    /// `POST /api/scrm/5/user/update/{id}`: edits a customer. The path ID is authoritative; no
    /// `id` is sent in the body (the example's differs from its path, 002:955-956).
    pub async fn update_customer(&self, id: &str, customer: &CustomerInput) -> Result<()> {
        let path = format!("api/scrm/5/user/update/{}", de::path_segment(id));
        let request = ApiRequest::post_json(path, json_body(customer)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/user/detail`: one customer (a read, so retried like one).
    pub async fn customer(&self, id: &str) -> Result<Customer> {
        let request =
            ApiRequest::post_json("api/scrm/5/user/detail", json_body(&DetailBody { id })?)
                .idempotent();
        let envelope: ItemEnvelope<Customer> = self.client.call(&request).await?;
        require_item(envelope)
    }

    /// One page of `GET /api/scrm/5/user/list_by_page`.
    pub async fn customers_page(
        &self,
        query: &CustomerQuery,
        page_no: u32,
        page_size: u32,
    ) -> Result<Page<Customer>> {
        customer_page(self.client, query, page_no, page_size).await
    }

    /// Every customer matching `query`, as a stream over all pages.
    pub fn customers(
        &self,
        query: CustomerQuery,
    ) -> impl Stream<Item = Result<Customer>> + Send + 'static {
        let client = self.client.clone();
        paginate(CUSTOMER_PAGE_SIZE, move |page_no, page_size| {
            let client = client.clone();
            let query = query.clone();
            async move { customer_page(&client, &query, page_no, page_size).await }
        })
    }

    /// One page of `GET /api/scrm/5/user_dynamic/list_by_page`.
    pub async fn behavior_page(
        &self,
        userid: &str,
        group: Option<&BehaviorGroup>,
        page_no: u32,
        page_size: u32,
    ) -> Result<Page<CustomerBehavior>> {
        behavior_page(self.client, userid, group, page_no, page_size).await
    }

    /// A customer's whole behaviour timeline (optionally one group), as a stream.
    pub fn behavior(
        &self,
        userid: &str,
        group: Option<BehaviorGroup>,
    ) -> impl Stream<Item = Result<CustomerBehavior>> + Send + 'static {
        let client = self.client.clone();
        let userid = userid.to_owned();
        paginate(100, move |page_no, page_size| {
            let client = client.clone();
            let userid = userid.clone();
            let group = group.clone();
            async move { behavior_page(&client, &userid, group.as_ref(), page_no, page_size).await }
        })
    }

    /// `POST /api/scrm/5/enterprise/save`: creates an enterprise; returns its ID.
    pub async fn create_enterprise(&self, enterprise: &EnterpriseInput) -> Result<String> {
        let request = ApiRequest::post_json("api/scrm/5/enterprise/save", json_body(enterprise)?);
        let envelope: ItemEnvelope<String> = self.client.call(&request).await?;
        require_item(envelope)
    }
}
