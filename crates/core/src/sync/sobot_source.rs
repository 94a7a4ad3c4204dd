//! Sobot v5 tickets as a [`TicketSource`]: `query_tickets_by_update_time` in calendar-month
//! windows (the API's limit), mapped into the unified model.

use chrono::{DateTime, Utc};
use futures::{StreamExt, TryStreamExt};
use sobot::SobotClient;
use sobot::ticket::{TicketFilter, TicketSummary, TicketTime};
use sobot::time::{TimeWindow, parse_datetime};
use vendor_http::{RetryClass, Retryable};

use super::reference::SobotDirectory;
use super::{FetchError, TicketSource};
use crate::store::sync_state::Window;
use crate::store::tickets::{StoredTicket, Vendor};

/// How many month windows of one customer's tickets are read at once (within the rate limits
/// the sync also keeps).
const CUSTOMER_WINDOWS_AT_ONCE: usize = 3;

/// The tickets of one Sobot v5 connection.
#[derive(Debug, Clone)]
pub struct SobotTicketSource {
    connection_id: String,
    client: SobotClient,
    directory: SobotDirectory,
}

impl SobotTicketSource {
    /// Tickets from `client`, stored under `connection_id`.
    pub fn new(connection_id: impl Into<String>, client: SobotClient) -> Self {
        Self {
            connection_id: connection_id.into(),
            client,
            directory: SobotDirectory::default(),
        }
    }

    /// Resolves the agent, group and category names the ticket list sends to their ids through
    /// `directory` (built from the connection's reference data).
    pub fn with_directory(mut self, directory: SobotDirectory) -> Self {
        self.directory = directory;
        self
    }

    /// The account's UTC offset (how its local date-times are read).
    pub(crate) fn utc_offset(&self) -> chrono::FixedOffset {
        self.client.config().utc_offset
    }

    fn instant(ms: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::UNIX_EPOCH)
    }

    /// The client it reads through.
    pub(crate) fn client(&self) -> &SobotClient {
        &self.client
    }

    /// The tickets of customer `customer_id` created in `[start_ms, end_ms)`, read month by
    /// month with the list's customer filter (`userid`, ticket inventory 6.17), with the
    /// customer id filled in (list rows do not carry it).
    pub(crate) async fn customer_tickets(
        &self,
        customer_id: &str,
        start_ms: i64,
        end_ms: i64,
    ) -> Result<Vec<StoredTicket>, sobot::Error> {
        let filter = TicketFilter {
            userid: Some(customer_id.to_owned()),
            ..TicketFilter::default()
        };
        let ranges = self.split(start_ms, end_ms).into_iter().filter_map(|w| {
            TimeWindow::new(Self::instant(w.start_ms), Self::instant(w.end_ms)).ok()
        });
        let pages: Vec<Vec<TicketSummary>> = futures::stream::iter(ranges)
            .map(|range| {
                let filter = filter.clone();
                async move {
                    self.client
                        .tickets()
                        .list(TicketTime::Created, range, filter)
                        .try_collect::<Vec<_>>()
                        .await
                }
            })
            .buffered(CUSTOMER_WINDOWS_AT_ONCE)
            .try_collect()
            .await?;
        Ok(pages
            .into_iter()
            .flatten()
            .filter_map(|summary| self.to_stored(summary))
            .map(|mut ticket| {
                ticket.customer_id = Some(customer_id.to_owned());
                ticket
            })
            .collect())
    }

    /// Maps a listed ticket; `None` when it has no id (nothing to key it by).
    pub(crate) fn to_stored(&self, summary: TicketSummary) -> Option<StoredTicket> {
        let offset = self.client.config().utc_offset;
        let millis = |ms: Option<i64>, text: &Option<String>| {
            ms.or_else(|| {
                text.as_deref()
                    .and_then(|t| parse_datetime(t, offset))
                    .map(|d| d.timestamp_millis())
            })
        };
        let created = millis(summary.create_datetime_ms, &summary.create_datetime);
        let updated = millis(summary.update_datetime_ms, &summary.update_datetime)
            .or(created)
            .unwrap_or(0);
        let raw = serde_json::to_value(&summary).unwrap_or(serde_json::Value::Null);
        Some(StoredTicket {
            connection_id: self.connection_id.clone(),
            ticket_id: summary.ticketid?,
            vendor: Vendor::Sobot,
            ticket_code: summary.ticket_code,
            title: summary.ticket_title.unwrap_or_default(),
            content: summary.ticket_content.unwrap_or_default(),
            status_code: summary
                .ticket_status
                .map(|s| s.code().to_owned())
                .unwrap_or_default(),
            priority_code: summary.ticket_level.map(|l| l.code().to_owned()),
            source_code: summary.ticket_from.map(|s| s.code().to_owned()),
            category_id: self.directory.category(summary.ticket_type_name.as_deref()),
            assignee_id: self.directory.agent(summary.deal_agent_name.as_deref()),
            assignee_name: summary.deal_agent_name,
            group_id: self.directory.group(summary.deal_group_name.as_deref()),
            group_name: summary.deal_group_name,
            customer_id: None,
            customer_name: summary.user_nick.or(summary.user_name),
            created_at_ms: created.unwrap_or(updated),
            updated_at_ms: updated,
            custom_fields: serde_json::json!({}),
            raw,
        })
    }
}

impl TicketSource for SobotTicketSource {
    fn connection_id(&self) -> &str {
        &self.connection_id
    }

    fn split(&self, start_ms: i64, end_ms: i64) -> Vec<Window> {
        let Ok(range) = TimeWindow::new(Self::instant(start_ms), Self::instant(end_ms)) else {
            return Vec::new();
        };
        range
            .split_months(self.client.config().utc_offset)
            .into_iter()
            .map(|w| Window {
                start_ms: w.start.timestamp_millis(),
                end_ms: w.end.timestamp_millis(),
            })
            .collect()
    }

    async fn fetch(&self, window: Window) -> Result<Vec<StoredTicket>, FetchError> {
        let range = TimeWindow::new(Self::instant(window.start_ms), Self::instant(window.end_ms))
            .map_err(|err| FetchError {
            message: err.to_string(),
            retryable: false,
        })?;
        let summaries: Vec<TicketSummary> = self
            .client
            .tickets()
            .list(TicketTime::Updated, range, TicketFilter::default())
            .try_collect()
            .await
            .map_err(|err| FetchError {
                retryable: err.retry_class() != RetryClass::Never,
                message: err.to_string(),
            })?;
        Ok(summaries
            .into_iter()
            .filter_map(|s| self.to_stored(s))
            .collect())
    }
}
