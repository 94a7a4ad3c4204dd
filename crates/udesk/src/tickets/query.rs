//! Reading tickets: detail, the ticket list and the tickets of a filter (003:140-290,
//! 003:528-713, 003:1382-1573), each list as one page or as a stream over all pages.

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::CustomerIdType;
use super::model::{Ticket, TicketEntry, TicketKey};
use crate::client::{ApiRequest, UdeskClient};
use crate::de;
use crate::envelope::{Meta, Paged};
use crate::error::{Error, Result};
use crate::paging::{PageRequest, paginate};
use crate::wire::query_pairs;

/// Rows per page the streams ask for (the documented maximum).
pub const MAX_PER_PAGE: u32 = 100;

/// Answer of detail: `{code, message, ticket}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketAnswer {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// `"success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The ticket.
    pub ticket: Ticket,
}

/// A page of tickets (list, tickets in filter): `{code, message, contents, meta}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketList {
    /// `1000`.
    #[serde(deserialize_with = "vendor_http::lenient::i64")]
    pub code: i64,
    /// `"success"`.
    #[serde(default, deserialize_with = "de::text")]
    pub message: Option<String>,
    /// The tickets, each wrapped as `{"ticket": {...}}`.
    #[serde(default, deserialize_with = "de::list")]
    pub contents: Vec<TicketEntry>,
    /// Pagination.
    #[serde(default)]
    pub meta: Option<Meta>,
    /// A top-level page count the list table documents (003:553) but the example lacks.
    #[serde(default, deserialize_with = "de::int")]
    pub total_pages: Option<i64>,
}

impl Paged for TicketList {
    type Item = Ticket;
    fn into_parts(self) -> (Vec<Ticket>, Option<Meta>) {
        let meta = self.meta.or(self.total_pages.map(|total| Meta {
            total_pages: Some(total),
            ..Meta::default()
        }));
        (self.contents.into_iter().map(Ticket::from).collect(), meta)
    }
}

/// Query of the ticket list: set both fields to list one customer's tickets (003:543-544; the
/// value parameter is `content`, not create's `type_content`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketListQuery {
    /// The customer identifier type.
    #[serde(rename = "type")]
    pub customer_type: Option<CustomerIdType>,
    /// The customer identifier's value.
    pub content: Option<String>,
}

impl TicketListQuery {
    /// The tickets of one customer.
    pub fn customer(kind: CustomerIdType, value: impl Into<String>) -> Self {
        Self {
            customer_type: Some(kind),
            content: Some(value.into()),
        }
    }

    fn validate(&self) -> Result<()> {
        if self.customer_type.is_some() != self.content.is_some() {
            return Err(Error::InvalidRequest(
                "the list's type and content go together".into(),
            ));
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct FilterIdQuery<'a> {
    #[serde(serialize_with = "de::write_id")]
    filter_id: &'a str,
}

async fn list_page(
    client: &UdeskClient,
    query: &TicketListQuery,
    page: PageRequest,
) -> Result<TicketList> {
    query.validate()?;
    let mut pairs = query_pairs(query)?;
    pairs.extend(query_pairs(&page)?);
    client
        .call(&ApiRequest::get("tickets").with_query(pairs))
        .await
}

async fn filter_page(
    client: &UdeskClient,
    filter_id: &str,
    page: PageRequest,
) -> Result<TicketList> {
    if filter_id.trim().is_empty() {
        return Err(Error::InvalidRequest("filter_id is required".into()));
    }
    let mut pairs = query_pairs(&FilterIdQuery { filter_id })?;
    pairs.extend(query_pairs(&page)?);
    client
        .call(&ApiRequest::get("tickets/tickets_in_filter").with_query(pairs))
        .await
}

impl Tickets<'_> {
    /// `GET /open_api_v1/tickets/detail?id=..` or `?num=%23..`: one ticket with its associated
    /// tickets.
    pub async fn detail(&self, ticket: &TicketKey) -> Result<Ticket> {
        ticket.validate()?;
        let request = ApiRequest::get("tickets/detail").with_query(query_pairs(ticket)?);
        let answer: TicketAnswer = self.client.call(&request).await?;
        Ok(answer.ticket)
    }

    /// One page of `GET /open_api_v1/tickets` (`per_page` clamped to 1-100).
    pub async fn list_page(
        &self,
        query: &TicketListQuery,
        page: u32,
        per_page: u32,
    ) -> Result<TicketList> {
        list_page(self.client, query, PageRequest::up_to_100(page, per_page)).await
    }

    /// Every ticket of the list (or of one customer), as a stream over pages of 100.
    pub fn list(
        &self,
        query: TicketListQuery,
    ) -> impl Stream<Item = Result<Ticket>> + Send + 'static {
        let client = self.client.clone();
        paginate(MAX_PER_PAGE, move |page, per_page| {
            let client = client.clone();
            let query = query.clone();
            async move {
                let page =
                    list_page(&client, &query, PageRequest::up_to_100(page, per_page)).await?;
                Ok(page.into_parts())
            }
        })
    }

    /// One page of `GET /open_api_v1/tickets/tickets_in_filter?filter_id=..` (`per_page`
    /// clamped to 1-100).
    pub async fn tickets_in_filter_page(
        &self,
        filter_id: &str,
        page: u32,
        per_page: u32,
    ) -> Result<TicketList> {
        filter_page(
            self.client,
            filter_id,
            PageRequest::up_to_100(page, per_page),
        )
        .await
    }

    /// Every ticket of a filter, as a stream over pages of 100. For large filters prefer
    /// [`Tickets::export`].
    pub fn tickets_in_filter(
        &self,
        filter_id: impl Into<String>,
    ) -> impl Stream<Item = Result<Ticket>> + Send + 'static {
        let client = self.client.clone();
        let filter_id = filter_id.into();
        paginate(MAX_PER_PAGE, move |page, per_page| {
            let client = client.clone();
            let filter_id = filter_id.clone();
            async move {
                let page = filter_page(&client, &filter_id, PageRequest::up_to_100(page, per_page))
                    .await?;
                Ok(page.into_parts())
            }
        })
    }
}
