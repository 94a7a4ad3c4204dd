//! Changing and replying to tickets with conflict protection: the vendor's current version is
//! read first, and if it changed since the version the user saw, nothing is written and the
//! user sees the current ticket instead.

use serde::{Deserialize, Serialize};

use super::detail::TicketDetail;
use super::{Result, TicketDesk, TicketsError, VendorTickets, sobot_writes, udesk_writes};

/// Fields to change on a ticket; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketChange {
    /// New title.
    pub title: Option<String>,
    /// New status code (the connection's own, custom ones included).
    pub status: Option<String>,
    /// New priority code.
    pub priority: Option<String>,
    /// New assignee (agent id).
    pub assignee_id: Option<String>,
    /// New group id.
    pub group_id: Option<String>,
}

impl TicketChange {
    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// A short description for the audit log.
    pub(crate) fn summary(&self) -> String {
        let parts: Vec<String> = [
            ("title", &self.title),
            ("status", &self.status),
            ("priority", &self.priority),
            ("assignee", &self.assignee_id),
            ("group", &self.group_id),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name} → {v}")))
        .collect();
        parts.join(", ")
    }
}

/// A reply or internal note, with attachments already uploaded and changes made with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyInput {
    /// The reply's content (HTML allowed).
    pub content: String,
    /// An internal note instead of a reply the customer sees.
    pub internal: bool,
    /// Uploaded attachments: Sobot file URLs or Udesk attachment ids.
    pub attachments: Vec<String>,
    /// Changes made together with the reply.
    pub change: TicketChange,
}

/// What a guarded write did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WriteOutcome {
    /// Written; the ticket as it is now.
    Done(TicketDetail),
    /// Not written: the ticket changed at the vendor since the version the user saw; here it is.
    Conflict(TicketDetail),
}

impl TicketDesk<'_> {
    /// Reads the vendor's current ticket; `Err(current)` when it is newer than `seen_version`.
    async fn current(
        &self,
        vendor: &VendorTickets,
        ticket_id: &str,
        seen_version: Option<i64>,
    ) -> Result<std::result::Result<TicketDetail, TicketDetail>> {
        let current = self.fetch(vendor, ticket_id).await?;
        self.remember(&current)?;
        Ok(match seen_version {
            Some(seen) if current.ticket.updated_at_ms > seen => Err(current),
            _ => Ok(current),
        })
    }

    /// Changes a ticket's status, priority, assignee, group or title. `seen_version` is the
    /// update time the user saw (`None` overwrites whatever is there).
    pub async fn change(
        &self,
        connection_id: &str,
        ticket_id: &str,
        change: &TicketChange,
        seen_version: Option<i64>,
    ) -> Result<WriteOutcome> {
        if change.is_empty() {
            return Err(TicketsError::Invalid {
                field: "change".into(),
                message: "nothing to change".into(),
            });
        }
        let reply = ReplyInput {
            change: change.clone(),
            ..ReplyInput::default()
        };
        self.write(
            connection_id,
            ticket_id,
            "ticket.change",
            &change.summary(),
            &reply,
            seen_version,
        )
        .await
    }

    /// Replies to a ticket (or adds an internal note), with attachments and changes.
    pub async fn reply(
        &self,
        connection_id: &str,
        ticket_id: &str,
        reply: &ReplyInput,
        seen_version: Option<i64>,
    ) -> Result<WriteOutcome> {
        if reply.content.trim().is_empty() && reply.attachments.is_empty() {
            return Err(TicketsError::Invalid {
                field: "content".into(),
                message: "a reply needs text or an attachment".into(),
            });
        }
        let action = if reply.internal {
            "ticket.note"
        } else {
            "ticket.reply"
        };
        let mut summary = format!(
            "{} characters, {} attachment(s)",
            reply.content.chars().count(),
            reply.attachments.len()
        );
        if !reply.change.is_empty() {
            summary.push_str("; ");
            summary.push_str(&reply.change.summary());
        }
        self.write(
            connection_id,
            ticket_id,
            action,
            &summary,
            reply,
            seen_version,
        )
        .await
    }

    async fn write(
        &self,
        connection_id: &str,
        ticket_id: &str,
        action: &str,
        summary: &str,
        reply: &ReplyInput,
        seen_version: Option<i64>,
    ) -> Result<WriteOutcome> {
        let vendor = self.vendor(connection_id)?;
        let current = match self.current(&vendor, ticket_id, seen_version).await? {
            Ok(current) => current,
            Err(newer) => return Ok(WriteOutcome::Conflict(newer)),
        };
        let result = match &vendor {
            VendorTickets::Sobot(source) => {
                let agent = self.require_acting_agent(connection_id)?;
                let groups = self.group_names(connection_id)?;
                let agents = self.agents(connection_id)?;
                sobot_writes::reply(source, &current, reply, &agent, &agents, &groups).await
            }
            VendorTickets::Udesk(source) => {
                let agent = if reply.content.trim().is_empty() && reply.attachments.is_empty() {
                    None
                } else {
                    Some(self.require_acting_agent(connection_id)?)
                };
                udesk_writes::reply_and_change(source, &current, reply, agent.as_ref()).await
            }
        };
        self.audit(connection_id, action, ticket_id, summary, &result);
        result?;
        Ok(WriteOutcome::Done(
            self.read_as_seen(&vendor, connection_id, ticket_id).await?,
        ))
    }

    /// Sends a reminder about a ticket (Sobot).
    pub async fn remind(&self, connection_id: &str, ticket_id: &str, remark: &str) -> Result<()> {
        let vendor = self.vendor(connection_id)?;
        let VendorTickets::Sobot(source) = &vendor else {
            return Err(TicketsError::Unsupported {
                vendor: vendor.vendor_name(),
                what: "sending a reminder",
            });
        };
        let agent = self.require_acting_agent(connection_id)?;
        let result = sobot_writes::remind(source, ticket_id, &agent, remark).await;
        self.audit(connection_id, "ticket.remind", ticket_id, remark, &result);
        result
    }

    /// Deletes one reply of a ticket (Sobot); returns the ticket as it is now.
    pub async fn delete_reply(
        &self,
        connection_id: &str,
        ticket_id: &str,
        reply_id: &str,
    ) -> Result<TicketDetail> {
        let vendor = self.vendor(connection_id)?;
        let VendorTickets::Sobot(source) = &vendor else {
            return Err(TicketsError::Unsupported {
                vendor: vendor.vendor_name(),
                what: "deleting a reply",
            });
        };
        let agent = self.acting_agent(connection_id)?;
        let result = sobot_writes::delete_reply(source, ticket_id, reply_id, agent.as_ref()).await;
        self.audit(
            connection_id,
            "ticket.delete_reply",
            ticket_id,
            &format!("reply {reply_id}"),
            &result,
        );
        result?;
        self.read_as_seen(&vendor, connection_id, ticket_id).await
    }

    /// Moves a ticket to another customer (Sobot), guarded like other writes.
    pub async fn change_customer(
        &self,
        connection_id: &str,
        ticket_id: &str,
        customer_id: &str,
        seen_version: Option<i64>,
    ) -> Result<WriteOutcome> {
        let vendor = self.vendor(connection_id)?;
        let VendorTickets::Sobot(source) = &vendor else {
            return Err(TicketsError::Unsupported {
                vendor: vendor.vendor_name(),
                what: "changing the customer",
            });
        };
        if customer_id.trim().is_empty() {
            return Err(TicketsError::Invalid {
                field: "customerId".into(),
                message: "choose a customer".into(),
            });
        }
        if let Err(newer) = self.current(&vendor, ticket_id, seen_version).await? {
            return Ok(WriteOutcome::Conflict(newer));
        }
        let result = sobot_writes::change_customer(source, ticket_id, customer_id).await;
        self.audit(
            connection_id,
            "ticket.change_customer",
            ticket_id,
            &format!("customer → {customer_id}"),
            &result,
        );
        result?;
        Ok(WriteOutcome::Done(
            self.read_as_seen(&vendor, connection_id, ticket_id).await?,
        ))
    }

    /// Deletes a ticket (Udesk), guarded like other writes; `None` when deleted.
    pub async fn delete(
        &self,
        connection_id: &str,
        ticket_id: &str,
        seen_version: Option<i64>,
    ) -> Result<Option<TicketDetail>> {
        let vendor = self.vendor(connection_id)?;
        let VendorTickets::Udesk(source) = &vendor else {
            return Err(TicketsError::Unsupported {
                vendor: vendor.vendor_name(),
                what: "deleting a ticket",
            });
        };
        if let Err(newer) = self.current(&vendor, ticket_id, seen_version).await? {
            return Ok(Some(newer));
        }
        let result = udesk_writes::delete(source, ticket_id).await;
        self.audit(
            connection_id,
            "ticket.delete",
            ticket_id,
            "deleted",
            &result,
        );
        result?;
        self.forget(connection_id, ticket_id)?;
        Ok(None)
    }

    /// Group names by id, from the connection's reference data.
    pub(crate) fn group_names(&self, connection_id: &str) -> Result<Vec<(String, String)>> {
        use crate::store::reference::{self, ReferenceKind};
        self.with_store(|store| {
            Ok(reference::list(store.connection(), Some(connection_id))?
                .into_iter()
                .filter(|item| item.kind == ReferenceKind::Group)
                .map(|item| (item.code, item.name))
                .collect())
        })
    }
}
