//! Ticket queries: lists by creation or update time (windowed and paged as streams), detail,
//! counts, agent workload, failed pushes (sobot-ticket.md §6.17-6.22).

use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::Tickets;
use super::codes::{TicketSource, TicketStatus};
use super::model::{PushFailure, TicketDetail, TicketSummary};
use crate::client::{ApiRequest, SobotClient, require_item};
use crate::de;
use crate::envelope::{ItemEnvelope, ItemsEnvelope, Page};
use crate::error::Result;
use crate::paging::paginate;
use crate::time::TimeWindow;
use crate::wire::query_pairs;

/// The largest page the ticket lists allow (000:2923).
pub const MAX_PAGE_SIZE: u32 = 50;

/// Which time a ticket list filters on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketTime {
    /// Creation time: `query_tickets`, `create_*` parameters.
    Created,
    /// Update time: `query_tickets_by_update_time`, `update_*` parameters (incremental sync).
    Updated,
}

impl TicketTime {
    fn path(self) -> &'static str {
        match self {
            TicketTime::Created => "api/ws/5/ticket/query_tickets",
            TicketTime::Updated => "api/ws/5/ticket/query_tickets_by_update_time",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            TicketTime::Created => "create_",
            TicketTime::Updated => "update_",
        }
    }
}

/// Optional filters of the ticket lists.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketFilter {
    /// Status code.
    pub ticket_status: Option<TicketStatus>,
    /// Source.
    pub ticket_from: Option<TicketSource>,
    /// Category ID.
    pub ticket_typeid: Option<String>,
    /// Customer ID.
    pub userid: Option<String>,
    /// The customer's ID in your system.
    pub user_partnerid: Option<String>,
    /// Receiving agent ID.
    pub deal_agentid: Option<String>,
    /// Receiving group ID.
    pub deal_agent_groupid: Option<String>,
}

/// `item` of `get_ticket_data`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketCounts {
    /// Unassigned tickets (a string in the docs).
    #[serde(default, deserialize_with = "de::int")]
    pub unassigned_ticket_num: Option<i64>,
    /// Unsolved tickets.
    #[serde(default, deserialize_with = "de::int")]
    pub unsolved_ticket_num: Option<i64>,
}

/// An agent's workload (`query_agent_jobs` `items[]`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentWorkload {
    /// Agent ID.
    #[serde(default, deserialize_with = "de::text")]
    pub agentid: Option<String>,
    /// Agent name.
    #[serde(default, deserialize_with = "de::text")]
    pub agent_name: Option<String>,
    /// Tickets handled (String in the table, a number in the example, I-8).
    #[serde(default, deserialize_with = "de::int")]
    pub deal_ticket_num: Option<i64>,
    /// Close rate, format undocumented (kept as sent).
    #[serde(default, deserialize_with = "de::text")]
    pub ticket_end_rate: Option<String>,
}

#[derive(Serialize)]
struct PageQuery {
    page_no: u32,
    page_size: u32,
}

#[derive(Serialize)]
struct TicketIdQuery<'a> {
    ticketid: &'a str,
}

#[derive(Serialize)]
struct TicketCodeQuery<'a> {
    ticket_code: &'a str,
}

fn clamp_page_size(page_size: u32) -> u32 {
    page_size.clamp(1, MAX_PAGE_SIZE)
}

async fn ticket_page(
    client: &SobotClient,
    by: TicketTime,
    window: TimeWindow,
    filter: &TicketFilter,
    page_no: u32,
    page_size: u32,
) -> Result<Page<TicketSummary>> {
    let config = client.config();
    let mut query = window.params(by.prefix(), config.time_dialect, config.utc_offset);
    query.extend(query_pairs(filter)?);
    query.extend(query_pairs(&PageQuery {
        page_no,
        page_size: clamp_page_size(page_size),
    })?);
    let request = ApiRequest::get(by.path()).with_query(query).with_timezone();
    client.call(&request).await
}

impl Tickets<'_> {
    /// One page of `query_tickets` / `query_tickets_by_update_time`. The window must span at
    /// most a month (`400003`/`400019`); `page_size` is clamped to 1-50.
    pub async fn list_page(
        &self,
        by: TicketTime,
        window: TimeWindow,
        filter: &TicketFilter,
        page_no: u32,
        page_size: u32,
    ) -> Result<Page<TicketSummary>> {
        ticket_page(self.client, by, window, filter, page_no, page_size).await
    }

    /// Every ticket created or updated in `window` (any length), as a stream: the window is
    /// split into calendar months in the connection's UTC offset and each month is read in
    /// pages of 50. Windows are half-open, so no ticket appears twice at a month boundary.
    pub fn list(
        &self,
        by: TicketTime,
        window: TimeWindow,
        filter: TicketFilter,
    ) -> impl Stream<Item = Result<TicketSummary>> + Send + 'static {
        let client = self.client.clone();
        let months = window.split_months(client.config().utc_offset);
        async_stream::try_stream! {
            for month in months {
                let client = client.clone();
                let filter = filter.clone();
                let pages = paginate(MAX_PAGE_SIZE, move |page_no, page_size| {
                    let client = client.clone();
                    let filter = filter.clone();
                    async move {
                        ticket_page(&client, by, month, &filter, page_no, page_size).await
                    }
                });
                for await ticket in pages {
                    yield ticket?;
                }
            }
        }
    }

    /// `GET /api/ws/5/ticket/get_ticket_by_id` by ticket ID: the ticket with its replies,
    /// custom fields and history (`400020` when unknown).
    pub async fn detail(&self, ticketid: &str) -> Result<TicketDetail> {
        self.detail_with(query_pairs(&TicketIdQuery { ticketid })?)
            .await
    }

    /// The same by ticket number (`ticket_code`: ZH doc only, 001:3509-3510).
    pub async fn detail_by_code(&self, ticket_code: &str) -> Result<TicketDetail> {
        self.detail_with(query_pairs(&TicketCodeQuery { ticket_code })?)
            .await
    }

    async fn detail_with(&self, query: Vec<(String, String)>) -> Result<TicketDetail> {
        let request = ApiRequest::get("api/ws/5/ticket/get_ticket_by_id")
            .with_query(query)
            .with_timezone();
        let envelope: ItemEnvelope<TicketDetail> = self.client.call(&request).await?;
        require_item(envelope)
    }

    /// `GET /api/ws/5/ticket/get_ticket_data`: unassigned and unsolved counts for a period.
    pub async fn counts(&self, window: TimeWindow) -> Result<TicketCounts> {
        let config = self.client.config();
        let request = ApiRequest::get("api/ws/5/ticket/get_ticket_data")
            .with_query(window.params("", config.time_dialect, config.utc_offset))
            .with_timezone();
        let envelope: ItemEnvelope<TicketCounts> = self.client.call(&request).await?;
        require_item(envelope)
    }

    /// `GET /api/ws/5/ticket/query_agent_jobs`: each agent's workload for a period.
    pub async fn agent_workload(&self, window: TimeWindow) -> Result<Vec<AgentWorkload>> {
        let config = self.client.config();
        let request = ApiRequest::get("api/ws/5/ticket/query_agent_jobs")
            .with_query(window.params("", config.time_dialect, config.utc_offset))
            .with_timezone();
        let envelope: ItemsEnvelope<AgentWorkload> = self.client.call(&request).await?;
        Ok(envelope.items)
    }

    /// One page of `query_ticket_push_fail_infos`.
    pub async fn push_failures_page(
        &self,
        window: TimeWindow,
        page_no: u32,
        page_size: u32,
    ) -> Result<Page<PushFailure>> {
        push_failure_page(self.client, window, page_no, page_size).await
    }

    /// Every failed push in `window`, as a stream over all pages (no window limit is
    /// documented, so the window is not split).
    pub fn push_failures(
        &self,
        window: TimeWindow,
    ) -> impl Stream<Item = Result<PushFailure>> + Send + 'static {
        let client = self.client.clone();
        paginate(MAX_PAGE_SIZE, move |page_no, page_size| {
            let client = client.clone();
            async move { push_failure_page(&client, window, page_no, page_size).await }
        })
    }
}

async fn push_failure_page(
    client: &SobotClient,
    window: TimeWindow,
    page_no: u32,
    page_size: u32,
) -> Result<Page<PushFailure>> {
    let config = client.config();
    let mut query = window.params("", config.time_dialect, config.utc_offset);
    query.extend(query_pairs(&PageQuery {
        page_no,
        page_size: clamp_page_size(page_size),
    })?);
    let request = ApiRequest::get("api/ws/5/ticket/query_ticket_push_fail_infos")
        .with_query(query)
        .with_timezone();
    client.call(&request).await
}
