//! The customer blacklist (sobot-crm.md §7.7), keyed only by the Sobot customer ID, sent as
//! `user_id` (CRM 62).

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Crm;
use super::codes::BlacklistDuration;
use crate::client::{ApiRequest, SobotClient};
use crate::de;
use crate::envelope::{Page, StatusEnvelope};
use crate::error::Result;
use crate::paging::paginate;
use crate::wire::{json_body, query_pairs};

/// The page size the blacklist is read with (no default or maximum is documented).
pub const BLACKLIST_PAGE_SIZE: u32 = 50;

/// Filters of the blacklist (all optional).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlacklistQuery {
    /// One customer.
    pub user_id: Option<String>,
    /// One duration.
    pub black_type: Option<BlacklistDuration>,
    /// From, epoch seconds (presumably of the blacklisting, CRM 61).
    pub start_time: Option<i64>,
    /// Until, epoch seconds.
    pub end_time: Option<i64>,
}

/// A blacklist entry. Inactive entries are listed too (`is_black` 0, CRM 59).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlacklistEntry {
    /// Customer ID.
    #[serde(default, deserialize_with = "de::text")]
    pub user_id: Option<String>,
    /// Nickname.
    #[serde(default, deserialize_with = "de::text")]
    pub nick: Option<String>,
    /// Duration.
    pub black_type: Option<BlacklistDuration>,
    /// Reason (may be missing).
    #[serde(default, deserialize_with = "de::text")]
    pub black_reason: Option<String>,
    /// Blacklisted at, epoch seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub black_time: Option<i64>,
    /// Leaves the blacklist at, epoch seconds ("permanent" is +1000 days, CRM 60).
    #[serde(default, deserialize_with = "de::int")]
    pub black_end_time: Option<i64>,
    /// `1` currently blacklisted.
    #[serde(default, deserialize_with = "de::int")]
    pub is_black: Option<i64>,
    /// `0` normal, `1` blacklisted.
    #[serde(default, deserialize_with = "de::int")]
    pub user_status: Option<i64>,
}

impl BlacklistEntry {
    /// Whether the entry is in force (`is_black` 1).
    pub fn is_active(&self) -> bool {
        self.is_black == Some(1)
    }
}

/// Body of `add_black_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlacklistAdd {
    /// Customer ID.
    pub user_id: String,
    /// Duration.
    pub black_type: BlacklistDuration,
    /// Reason.
    pub black_reason: String,
}

#[derive(Serialize)]
struct UserIdBody<'a> {
    user_id: &'a str,
}

#[derive(Serialize)]
struct PageQuery {
    page_no: u32,
    page_size: u32,
}

async fn blacklist_page(
    client: &SobotClient,
    query: &BlacklistQuery,
    page_no: u32,
    page_size: u32,
) -> Result<Page<BlacklistEntry>> {
    let mut pairs = query_pairs(query)?;
    pairs.extend(query_pairs(&PageQuery { page_no, page_size })?);
    let request = ApiRequest::get("api/scrm/5/user/query_black_list").with_query(pairs);
    client.call(&request).await
}

impl Crm<'_> {
    /// One page of `GET /api/scrm/5/user/query_black_list`.
    pub async fn blacklist_page(
        &self,
        query: &BlacklistQuery,
        page_no: u32,
        page_size: u32,
    ) -> Result<Page<BlacklistEntry>> {
        blacklist_page(self.client, query, page_no, page_size).await
    }

    /// The whole blacklist matching `query`, as a stream over all pages.
    pub fn blacklist(
        &self,
        query: BlacklistQuery,
    ) -> impl Stream<Item = Result<BlacklistEntry>> + Send + 'static {
        let client = self.client.clone();
        paginate(BLACKLIST_PAGE_SIZE, move |page_no, page_size| {
            let client = client.clone();
            let query = query.clone();
            async move { blacklist_page(&client, &query, page_no, page_size).await }
        })
    }

    /// `POST /api/scrm/5/user/add_black_list`: blacklists a customer.
    pub async fn add_to_blacklist(&self, entry: &BlacklistAdd) -> Result<()> {
        let request = ApiRequest::post_json("api/scrm/5/user/add_black_list", json_body(entry)?);
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }

    /// `POST /api/scrm/5/user/remove_black_list`: lifts a customer's blacklisting.
    pub async fn remove_from_blacklist(&self, user_id: &str) -> Result<()> {
        let request = ApiRequest::post_json(
            "api/scrm/5/user/remove_black_list",
            json_body(&UserIdBody { user_id })?,
        );
        let _: StatusEnvelope = self.client.call(&request).await?;
        Ok(())
    }
}
