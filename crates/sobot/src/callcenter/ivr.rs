//! Published IVR flows (sobot-callcenter.md §9.7, 004:1921-2031).

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Ivr;
use super::client::{CallCenterClient, CcRequest};
use super::codes::{AgentType, opt_agent_type_as_int};
use super::envelope::Paged;
use super::paging::{STREAM_PAGE_SIZE, paginate};
use crate::de;
use crate::error::Result;

use super::paths::IVR_PUBLISHED_SEARCH as SEARCH;

/// Filters of the published-IVR query.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IvrQuery {
    /// The agent asking (work number or id).
    pub operator: Option<String>,
    /// How `operator` identifies the agent; an `int` here (004:1939).
    #[serde(default, serialize_with = "opt_agent_type_as_int")]
    pub agent_type: Option<AgentType>,
}

/// The body of one page: the filters and the page (at most 50 rows, 004:1923).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IvrPageRequest {
    /// Page number, 1-based.
    pub curr_page: u32,
    /// Page size (Sobot's default 10).
    pub page_size: u32,
    /// Filters.
    #[serde(flatten)]
    pub query: IvrQuery,
}

/// A published IVR flow.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IvrFlow {
    /// Name.
    #[serde(default, deserialize_with = "de::text")]
    pub name: Option<String>,
    /// Code.
    #[serde(default, deserialize_with = "de::text")]
    pub code: Option<String>,
    /// Remarks.
    #[serde(default, deserialize_with = "de::text")]
    pub remarks: Option<String>,
}

async fn ivr_page(
    client: &CallCenterClient,
    query: &IvrQuery,
    curr_page: u32,
    page_size: u32,
) -> Result<Paged<IvrFlow>> {
    let body = IvrPageRequest {
        curr_page,
        page_size,
        query: query.clone(),
    };
    // Only `Authorization` is listed (004:1931).
    let request = CcRequest::post(SEARCH, &body)?.read().without_timezone();
    client.call(&request).await
}

impl Ivr<'_> {
    /// One page of `POST .../cc-ivr/api/ivr/published/_search`.
    pub async fn published_page(
        &self,
        query: &IvrQuery,
        curr_page: u32,
        page_size: u32,
    ) -> Result<Paged<IvrFlow>> {
        ivr_page(self.client, query, curr_page, page_size).await
    }

    /// Every published IVR flow, as a stream over all pages.
    pub fn published(
        &self,
        query: IvrQuery,
    ) -> impl Stream<Item = Result<IvrFlow>> + Send + 'static {
        let client = self.client.clone();
        paginate(STREAM_PAGE_SIZE, move |curr_page, page_size| {
            let client = client.clone();
            let query = query.clone();
            async move { ivr_page(&client, &query, curr_page, page_size).await }
        })
    }
}
