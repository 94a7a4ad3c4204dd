//! The agents of a connection (to assign tickets and to choose whom the user acts as), and the
//! agent the user acts as when replying or changing tickets.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{Result, TicketDesk, TicketsError};
use crate::store::connection_settings::{self, ACTING_AGENT};
use crate::store::reference::{self, ReferenceKind};

/// An agent of a connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    /// The vendor's agent id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Email, when known (Udesk assigns by email on create).
    pub email: Option<String>,
    /// Groups the agent belongs to, when known.
    pub group_ids: Vec<String>,
}

/// The connection's agents: its reference data, plus any assignee seen on a cached ticket that
/// the reference data lacks (Udesk has no agent list), sorted by name.
pub fn agents_of(connection: &Connection, connection_id: &str) -> rusqlite::Result<Vec<Agent>> {
    let mut agents: Vec<Agent> = reference::list(connection, Some(connection_id))?
        .into_iter()
        .filter(|item| item.kind == ReferenceKind::Agent)
        .map(|item| Agent {
            email: item
                .extra
                .get("email")
                .and_then(|e| e.as_str())
                .map(str::to_owned),
            group_ids: item
                .extra
                .get("group_ids")
                .and_then(|g| g.as_array())
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| id.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            id: item.code,
            name: item.name,
        })
        .collect();
    let mut statement = connection.prepare_cached(
        "SELECT DISTINCT assignee_id, assignee_name FROM tickets \
         WHERE connection_id = ?1 AND assignee_id IS NOT NULL AND assignee_id != ''",
    )?;
    let seen: Vec<(String, Option<String>)> = statement
        .query_map([connection_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, name) in seen {
        if !agents.iter().any(|a| a.id == id) {
            agents.push(Agent {
                name: name.unwrap_or_else(|| id.clone()),
                id,
                email: None,
                group_ids: Vec::new(),
            });
        }
    }
    agents.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    Ok(agents)
}

impl TicketDesk<'_> {
    /// The agents of a connection.
    pub fn agents(&self, connection_id: &str) -> Result<Vec<Agent>> {
        self.with_store(|store| agents_of(store.connection(), connection_id))
    }

    /// The agent the user acts as on a connection, if chosen (and still an agent there).
    pub fn acting_agent(&self, connection_id: &str) -> Result<Option<Agent>> {
        self.with_store(|store| {
            let Some(id) =
                connection_settings::get(store.connection(), connection_id, ACTING_AGENT)?
            else {
                return Ok(None);
            };
            Ok(agents_of(store.connection(), connection_id)?
                .into_iter()
                .find(|a| a.id == id))
        })
    }

    /// The agent the user acts as, or the error that asks the user to choose one.
    pub(crate) fn require_acting_agent(&self, connection_id: &str) -> Result<Agent> {
        self.acting_agent(connection_id)?
            .ok_or_else(|| TicketsError::ActingAgentRequired {
                connection: connection_id.to_owned(),
            })
    }

    /// Chooses the agent the user acts as on a connection (`None` forgets the choice).
    pub fn set_acting_agent(&self, connection_id: &str, agent_id: Option<&str>) -> Result<()> {
        if let Some(id) = agent_id {
            let known = self.agents(connection_id)?.iter().any(|a| a.id == id);
            if !known {
                return Err(TicketsError::Invalid {
                    field: "agentId".into(),
                    message: format!("{id} is not an agent of {connection_id}"),
                });
            }
        }
        self.with_store(|store| {
            connection_settings::set(store.connection(), connection_id, ACTING_AGENT, agent_id)
        })
    }
}
