//! Udesk tickets as a [`TicketSource`]. Udesk's ticket list has no time filter (003:528-713),
//! so a window is read as the whole list, pages of 100 under the account's 60 calls/minute, and
//! the tickets updated inside the window are kept. One window covers the whole range.

use futures::TryStreamExt;
use udesk::UdeskClient;
use udesk::tickets::{Ticket, TicketListQuery};
use vendor_http::{RetryClass, Retryable};

use super::reference::{udesk_platform_code, udesk_priority_code, udesk_status_code};
use super::{FetchError, TicketSource};
use crate::store::sync_state::Window;
use crate::store::tickets::{StoredTicket, Vendor};

/// The tickets of one Udesk account.
#[derive(Debug, Clone)]
pub struct UdeskTicketSource {
    connection_id: String,
    client: UdeskClient,
}

impl UdeskTicketSource {
    /// Tickets from `client`, stored under `connection_id`.
    pub fn new(connection_id: impl Into<String>, client: UdeskClient) -> Self {
        Self {
            connection_id: connection_id.into(),
            client,
        }
    }

    /// The client it reads through.
    pub(crate) fn client(&self) -> &UdeskClient {
        &self.client
    }

    pub(crate) fn to_stored(&self, ticket: Ticket) -> StoredTicket {
        let millis = |text: &Option<String>| {
            text.as_deref()
                .and_then(udesk::time::parse)
                .map(|t| t.timestamp_millis())
        };
        let created = millis(&ticket.created_at);
        let updated = millis(&ticket.updated_at).or(created).unwrap_or(0);
        let raw = serde_json::to_value(&ticket).unwrap_or(serde_json::Value::Null);
        let custom_fields =
            serde_json::to_value(&ticket.custom_fields).unwrap_or_else(|_| serde_json::json!({}));
        StoredTicket {
            connection_id: self.connection_id.clone(),
            ticket_code: ticket.field_num.clone(),
            vendor: Vendor::Udesk,
            title: ticket.subject.clone().unwrap_or_default(),
            content: ticket.content.clone().unwrap_or_default(),
            status_code: ticket
                .status_en
                .as_ref()
                .map(|s| s.code().to_owned())
                .or_else(|| ticket.status.as_deref().map(udesk_status_code))
                .unwrap_or_default(),
            priority_code: ticket.priority.as_deref().map(udesk_priority_code),
            source_code: ticket.platform.as_deref().map(udesk_platform_code),
            category_id: ticket.template_id.clone(),
            assignee_id: ticket.assignee_id.clone(),
            assignee_name: ticket.assignee_name.clone(),
            group_id: ticket.user_group_id.clone(),
            group_name: ticket.user_group_name.clone(),
            customer_id: ticket.user_id.clone(),
            customer_name: ticket.user_name.clone(),
            created_at_ms: created.unwrap_or(updated),
            updated_at_ms: updated,
            custom_fields,
            raw,
            ticket_id: ticket.id,
        }
    }
}

impl TicketSource for UdeskTicketSource {
    fn connection_id(&self) -> &str {
        &self.connection_id
    }

    fn split(&self, start_ms: i64, end_ms: i64) -> Vec<Window> {
        if start_ms < end_ms {
            vec![Window { start_ms, end_ms }]
        } else {
            Vec::new()
        }
    }

    async fn fetch(&self, window: Window) -> Result<Vec<StoredTicket>, FetchError> {
        let tickets: Vec<Ticket> = self
            .client
            .tickets()
            .list(TicketListQuery::default())
            .try_collect()
            .await
            .map_err(|err| FetchError {
                retryable: err.retry_class() != RetryClass::Never,
                message: err.to_string(),
            })?;
        Ok(tickets
            .into_iter()
            .map(|t| self.to_stored(t))
            .filter(|t| (window.start_ms..window.end_ms).contains(&t.updated_at_ms))
            .collect())
    }
}
