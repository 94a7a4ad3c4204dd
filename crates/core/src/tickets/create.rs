//! Creating tickets: Sobot as an agent or on a customer's behalf, and Udesk, with the
//! connection's categories, templates and custom fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sobot::ticket::{
    AgentTicket, CustomerTicket, FieldValue, TicketLevel, TicketSource, TicketStatus,
    join_file_urls,
};
use udesk::tickets::{CustomerIdType, FieldInput, NewTicket, Priority};

use super::udesk_writes::{priority_id, status_id};
use super::{Result, TicketDesk, TicketsError, VendorTickets};
use crate::sync::SobotTicketSource;

/// A new ticket as the user filled it in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTicketInput {
    /// Title.
    pub title: String,
    /// Description (HTML allowed).
    pub content: String,
    /// Sobot: create on the customer's behalf (`save_user_ticket`) instead of as an agent.
    pub as_customer: bool,
    /// The customer's id at the vendor.
    pub customer_id: Option<String>,
    /// The customer's email (matches or creates the customer).
    pub customer_email: Option<String>,
    /// The customer's phone.
    pub customer_phone: Option<String>,
    /// Sobot: a leaf category id (required).
    pub category_id: Option<String>,
    /// Udesk: the template id.
    pub template_id: Option<String>,
    /// Initial status code.
    pub status: Option<String>,
    /// Priority code.
    pub priority: Option<String>,
    /// Source code (Sobot `ticket_from`).
    pub source: Option<String>,
    /// Assignee (agent id).
    pub assignee_id: Option<String>,
    /// Group id.
    pub group_id: Option<String>,
    /// Custom field values by field id (Sobot) or key (Udesk); select fields take option
    /// values, several joined with commas.
    pub fields: BTreeMap<String, String>,
    /// Uploaded attachments (Sobot file URLs).
    pub attachments: Vec<String>,
}

fn required(value: &str, field: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(TicketsError::Invalid {
            field: field.into(),
            message: "required".into(),
        });
    }
    Ok(())
}

fn non_empty(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The company id Sobot writes need, read from the category tree of the data dictionary.
async fn sobot_company_id(source: &SobotTicketSource) -> Result<String> {
    let dictionary = source.client().tickets().data_dictionary().await?;
    fn first(categories: &[sobot::ticket::TicketCategory]) -> Option<String> {
        categories.iter().find_map(|c| {
            c.companyid
                .clone()
                .filter(|id| !id.is_empty())
                .or_else(|| first(&c.sub_type_list))
        })
    }
    first(&dictionary.ticket_type_list).ok_or_else(|| TicketsError::Invalid {
        field: "categoryId".into(),
        message: "Sobot returned no ticket categories, so no company id to create with".into(),
    })
}

impl TicketDesk<'_> {
    /// Creates a ticket; returns its id (it is then read back into the local store).
    pub async fn create(&self, connection_id: &str, input: &NewTicketInput) -> Result<String> {
        required(&input.title, "title")?;
        required(&input.content, "content")?;
        let vendor = self.vendor(connection_id)?;
        let summary = format!("“{}”", input.title.trim());
        let result = match &vendor {
            VendorTickets::Sobot(source) => self.create_sobot(connection_id, source, input).await,
            VendorTickets::Udesk(source) => {
                let ticket = self.udesk_ticket(connection_id, source, input)?;
                Ok(source.client().tickets().create(&ticket).await?)
            }
        };
        self.audit(
            connection_id,
            "ticket.create",
            result.as_deref().unwrap_or("-"),
            &summary,
            &result,
        );
        let ticket_id = result?;
        // Created is created: the next sync brings it in if the read-back fails.
        if let Err(err) = self.read_as_seen(&vendor, connection_id, &ticket_id).await {
            tracing::warn!(%err, ticket_id, "created ticket could not be read back");
        }
        Ok(ticket_id)
    }

    async fn create_sobot(
        &self,
        connection_id: &str,
        source: &SobotTicketSource,
        input: &NewTicketInput,
    ) -> Result<String> {
        let category = non_empty(&input.category_id).ok_or_else(|| TicketsError::Invalid {
            field: "categoryId".into(),
            message: "Sobot tickets need a category (a leaf of the category tree)".into(),
        })?;
        let extend_fields: Vec<FieldValue> = input
            .fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(id, value)| FieldValue {
                fieldid: id.clone(),
                field_value: value.clone(),
            })
            .collect();
        let file_str = (!input.attachments.is_empty()).then(|| join_file_urls(&input.attachments));
        let companyid = sobot_company_id(source).await?;
        let tickets = source.client().tickets();
        if input.as_customer {
            let has_customer = [
                &input.customer_id,
                &input.customer_email,
                &input.customer_phone,
            ]
            .iter()
            .any(|v| non_empty(v).is_some());
            if !has_customer {
                return Err(TicketsError::Invalid {
                    field: "customer".into(),
                    message:
                        "a ticket on a customer's behalf needs the customer's id, email or phone"
                            .into(),
                });
            }
            let ticket = CustomerTicket {
                companyid,
                ticket_title: input.title.trim().to_owned(),
                ticket_content: input.content.clone(),
                ticket_typeid: category,
                ticket_from: TicketSource::from_code(input.source.as_deref().unwrap_or("1")),
                userid: non_empty(&input.customer_id),
                partnerid: None,
                user_emails: non_empty(&input.customer_email),
                user_tels: non_empty(&input.customer_phone),
                file_str,
                extend_fields,
                first_contact_type: None,
                first_contact_info: None,
            };
            return Ok(tickets.create_as_customer(&ticket).await?);
        }
        let agent = self.require_acting_agent(connection_id)?;
        let agents = self.agents(connection_id)?;
        let groups = self.group_names(connection_id)?;
        let assignee = match non_empty(&input.assignee_id) {
            Some(id) => Some(agents.iter().find(|a| a.id == id).cloned().ok_or_else(|| {
                TicketsError::Invalid {
                    field: "assigneeId".into(),
                    message: format!("{id} is not an agent of this connection"),
                }
            })?),
            None => None,
        };
        let group_id = non_empty(&input.group_id);
        let ticket = AgentTicket {
            companyid,
            ticket_title: input.title.trim().to_owned(),
            ticket_content: input.content.clone(),
            ticket_from: TicketSource::from_code(input.source.as_deref().unwrap_or("0")),
            create_agentid: agent.id.clone(),
            create_agent_name: agent.name.clone(),
            ticket_status: TicketStatus::from_code(input.status.as_deref().unwrap_or("0")),
            ticket_level: TicketLevel::from_code(input.priority.as_deref().unwrap_or("0")),
            ticket_typeid: category,
            userid: non_empty(&input.customer_id),
            deal_group_name: group_id.as_ref().and_then(|id| {
                groups
                    .iter()
                    .find(|(code, _)| code == id)
                    .map(|(_, n)| n.clone())
            }),
            deal_groupid: group_id,
            deal_agentid: assignee.as_ref().map(|a| a.id.clone()),
            deal_agent_name: assignee.map(|a| a.name),
            recordid: None,
            file_str,
            copy_agent: Vec::new(),
            extend_fields,
            first_contact_type: None,
            first_contact_info: None,
        };
        Ok(tickets.create_as_agent(&ticket).await?)
    }

    fn udesk_ticket(
        &self,
        connection_id: &str,
        source: &crate::sync::UdeskTicketSource,
        input: &NewTicketInput,
    ) -> Result<NewTicket> {
        let mut ticket = NewTicket::new(input.title.trim(), input.content.clone());
        let customer = [
            (CustomerIdType::CustomerId, non_empty(&input.customer_id)),
            (CustomerIdType::Email, non_empty(&input.customer_email)),
            (CustomerIdType::Cellphone, non_empty(&input.customer_phone)),
        ]
        .into_iter()
        .find_map(|(kind, value)| value.map(|v| (kind, v)));
        if let Some((kind, value)) = customer {
            ticket.customer_type = Some(kind);
            ticket.type_content = Some(value);
        }
        if let Some(code) = non_empty(&input.priority) {
            let priority: Priority = priority_id(&code).ok_or_else(|| TicketsError::Invalid {
                field: "priority".into(),
                message: format!("{code} is not a Udesk priority"),
            })?;
            ticket.priority = source.client().tickets().priority_name(&priority);
        }
        if let Some(code) = non_empty(&input.status) {
            ticket.status_id = Some(status_id(&code).ok_or_else(|| TicketsError::Invalid {
                field: "status".into(),
                message: format!("{code} is not a Udesk status"),
            })?);
        }
        if let Some(id) = non_empty(&input.assignee_id) {
            let agent = self
                .agents(connection_id)?
                .into_iter()
                .find(|a| a.id == id)
                .and_then(|a| a.email)
                .ok_or_else(|| TicketsError::Invalid {
                    field: "assigneeId".into(),
                    message: "Udesk assigns new tickets by the agent's email, which is not known for this agent".into(),
                })?;
            ticket.assignee_email = Some(agent);
        }
        if let Some(id) = non_empty(&input.group_id) {
            ticket.agent_group_name = self
                .group_names(connection_id)?
                .into_iter()
                .find(|(code, _)| *code == id)
                .map(|(_, name)| name);
        }
        ticket.template_id = non_empty(&input.template_id);
        ticket.ticket_field = input
            .fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(key, value)| (key.clone(), FieldInput::Text(value.clone())))
            .collect();
        Ok(ticket)
    }
}
