//! Reference data and satisfaction: custom fields (deprecated), templates, filters, the
//! satisfaction survey and rating a ticket (003:922-1380, 003:1937-2020).

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::{CustomFieldType, FilterPermission, FilterScope, TemplateFieldType};
use crate::client::{ApiRequest, UdeskClient};
use crate::de;
use crate::envelope::{Ack, Meta, Paged};
use crate::error::{Error, Result};
use crate::paging::{PageRequest, paginate};
use crate::wire::{json_body, query_pairs};

/// A custom field definition (deprecated custom-fields list).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomFieldDef {
    /// Field key (`TextField_1`, `SelectField_3`).
    #[serde(default, deserialize_with = "de::string")]
    pub field_name: String,
    /// Label.
    #[serde(default, deserialize_with = "de::text")]
    pub field_label: Option<String>,
    /// Type.
    #[serde(default)]
    pub content_type: Option<CustomFieldType>,
    /// Help text.
    #[serde(default, deserialize_with = "de::text")]
    pub comment: Option<String>,
    /// Options as sent: `null` or one-key objects `[{"0": "label"}, ...]` (cascading fields
    /// come back malformed, 003:940). Read them with [`CustomFieldDef::option_labels`].
    #[serde(default)]
    pub options: Option<serde_json::Value>,
    /// Permission level (meaning undocumented).
    #[serde(default, deserialize_with = "de::int")]
    pub permission: Option<i64>,
    /// Whether the field is required.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub requirement: Option<bool>,
}

impl CustomFieldDef {
    /// The options as `(index, label)` pairs, in order; entries of any other shape skipped.
    pub fn option_labels(&self) -> Vec<(String, String)> {
        let Some(serde_json::Value::Array(items)) = &self.options else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(serde_json::Value::as_object)
            .flat_map(|map| {
                map.iter().filter_map(|(index, label)| {
                    label
                        .as_str()
                        .map(|label| (index.clone(), label.to_owned()))
                })
            })
            .collect()
    }
}

/// Answer of the custom-fields list. The table calls the key `ticket_custom_field` (003:939),
/// the example `ticket_custom_fields` (003:953); both are read.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomFieldList {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// `"success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The fields.
    #[serde(default, alias = "ticket_custom_field", deserialize_with = "de::list")]
    pub ticket_custom_fields: Vec<CustomFieldDef>,
}

/// A field of a template. `field_id` is typed String (003:1121) but sent as an integer, and is
/// unique only per field type (TextField 1 and SelectField 1 coexist): key fields by
/// `field_name`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateField {
    /// ID within its type.
    #[serde(default, deserialize_with = "de::text")]
    pub field_id: Option<String>,
    /// Text or select.
    #[serde(default)]
    pub field_type: Option<TemplateFieldType>,
    /// Field key (`TextField_11`): the key of create's `ticket_field` and update's
    /// `custom_fields`.
    #[serde(default, deserialize_with = "de::string")]
    pub field_name: String,
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub field_title: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub field_detail: Option<String>,
}

/// A ticket template (003:1110-1117).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Template ID.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub description: Option<String>,
    /// Last update time.
    #[serde(default, deserialize_with = "de::text")]
    pub updated_at: Option<String>,
    /// The template's fields.
    #[serde(default, deserialize_with = "de::list")]
    pub custom_fields: Vec<TemplateField>,
}

/// Answer of the templates list (no pagination).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateList {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// `"success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The templates.
    #[serde(default, deserialize_with = "de::list")]
    pub templates: Vec<Template>,
}

/// A ticket filter (003:1318-1330).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Filter ID (for tickets in filter and export).
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de::text")]
    pub description: Option<String>,
    /// Whether it is enabled.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub active: Option<bool>,
    /// Who may see it.
    #[serde(default)]
    pub permission: Option<FilterPermission>,
    /// The agent or group of `permission`; empty for all.
    #[serde(default, deserialize_with = "de::text")]
    pub permission_id: Option<String>,
    /// Creation time.
    #[serde(default, deserialize_with = "de::text")]
    pub created_at: Option<String>,
    /// Last change.
    #[serde(default, deserialize_with = "de::text")]
    pub updated_at: Option<String>,
}

/// A page of filters: `{code, message, filters, meta}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterList {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// `"success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The filters.
    #[serde(default, deserialize_with = "de::list")]
    pub filters: Vec<Filter>,
    /// Pagination.
    #[serde(default)]
    pub meta: Option<Meta>,
}

impl Paged for FilterList {
    type Item = Filter;
    fn into_parts(self) -> (Vec<Filter>, Option<Meta>) {
        (self.filters, self.meta)
    }
}

/// Query of the filters list. The seed labels these "Request Body" (003:1299), but a GET
/// carries them in the query string. Empty: every filter of the company.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterQuery {
    /// Whose filters.
    #[serde(rename = "type")]
    pub scope: Option<FilterScope>,
    /// The agent or group ID for `agent`/`agent_group` (not used with `all`).
    #[serde(
        default,
        serialize_with = "de::write_opt_id",
        deserialize_with = "de::text"
    )]
    pub id: Option<String>,
}

impl FilterQuery {
    fn validate(&self) -> Result<()> {
        let scoped = matches!(
            self.scope,
            Some(FilterScope::Agent | FilterScope::AgentGroup)
        );
        if self.id.is_some() && !scoped {
            return Err(Error::InvalidRequest(
                "a filter list id needs type agent or agent_group".into(),
            ));
        }
        Ok(())
    }
}

/// An option of the satisfaction survey.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyOption {
    /// The number to vote with.
    #[serde(default, deserialize_with = "de::int")]
    pub vote_number: Option<i64>,
    /// Label.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
}

/// The company's ticket satisfaction survey (003:1950-1961).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    /// Title.
    #[serde(default, deserialize_with = "de::text")]
    pub title: Option<String>,
    /// Whether the survey is enabled.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub enable: Option<bool>,
    /// Whether a comment may accompany a vote.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub note: Option<bool>,
    /// The options.
    #[serde(default, deserialize_with = "de::list")]
    pub options: Vec<SurveyOption>,
}

/// Answer of the survey: `{code, ticket_survey}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyAnswer {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// The vendor's message, if any.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The survey.
    pub ticket_survey: Survey,
}

/// Body of `PUT /open_api_v1/tickets/take_survey` (003:1991-1994). A ticket can be rated once
/// (`20576`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyVote {
    /// The ticket ID (described as "ticket number" but typed Integer, 003:1992).
    #[serde(serialize_with = "de::write_id", deserialize_with = "de::string")]
    pub ticket_id: String,
    /// One of the survey's option numbers (a positive integer, else `20573`).
    pub vote_number: u32,
    /// A comment.
    pub vote_desc: Option<String>,
}

async fn filters_page(
    client: &UdeskClient,
    query: &FilterQuery,
    page: PageRequest,
) -> Result<FilterList> {
    query.validate()?;
    let mut pairs = query_pairs(query)?;
    pairs.extend(query_pairs(&page)?);
    client
        .call(&ApiRequest::get("tickets/filters").with_query(pairs))
        .await
}

impl Tickets<'_> {
    /// `GET /open_api_v1/tickets/custom_fields` (deprecated by Udesk; prefer
    /// [`Tickets::templates`]).
    pub async fn custom_fields(&self) -> Result<Vec<CustomFieldDef>> {
        let answer: CustomFieldList = self
            .client
            .call(&ApiRequest::get("tickets/custom_fields"))
            .await?;
        Ok(answer.ticket_custom_fields)
    }

    /// `GET /open_api_v1/tickets/ticket_templates`: every template with its fields.
    pub async fn templates(&self) -> Result<Vec<Template>> {
        let answer: TemplateList = self
            .client
            .call(&ApiRequest::get("tickets/ticket_templates"))
            .await?;
        Ok(answer.templates)
    }

    /// One page of `GET /open_api_v1/tickets/filters` (`per_page` clamped to 1-50).
    pub async fn filters_page(
        &self,
        query: &FilterQuery,
        page: u32,
        per_page: u32,
    ) -> Result<FilterList> {
        filters_page(self.client, query, PageRequest::up_to_50(page, per_page)).await
    }

    /// Every filter matching `query`, as a stream over pages of 50.
    pub fn filters(
        &self,
        query: FilterQuery,
    ) -> impl Stream<Item = Result<Filter>> + Send + 'static {
        let client = self.client.clone();
        paginate(50, move |page, per_page| {
            let client = client.clone();
            let query = query.clone();
            async move {
                let page =
                    filters_page(&client, &query, PageRequest::up_to_50(page, per_page)).await?;
                Ok(page.into_parts())
            }
        })
    }

    /// `GET /open_api_v1/tickets/surveys`: the satisfaction survey.
    pub async fn survey(&self) -> Result<Survey> {
        let answer: SurveyAnswer = self
            .client
            .call(&ApiRequest::get("tickets/surveys"))
            .await?;
        Ok(answer.ticket_survey)
    }

    /// `PUT /open_api_v1/tickets/take_survey`: rates a ticket. Not retried.
    pub async fn take_survey(&self, vote: &SurveyVote) -> Result<()> {
        if vote.ticket_id.trim().is_empty() {
            return Err(Error::InvalidRequest("ticket_id is required".into()));
        }
        if vote.vote_number == 0 {
            return Err(Error::InvalidRequest(
                "vote_number must be a positive integer".into(),
            ));
        }
        let request = ApiRequest::put_json("tickets/take_survey", json_body(vote)?);
        let _: Ack = self.client.call(&request).await?;
        Ok(())
    }
}
