//! The sandbox's mutable world: the organisation, the Sobot ticket store and the CRM, the call
//! center (V6) tenant and the Udesk tenant.
//!
//! One [`World`] sits behind a lock in the running server; every handler reads or changes it
//! synchronously, so a request sees a consistent snapshot. IDs of objects created through the
//! API come from the world's own seeded generator, so a repeated request sequence repeats them.

pub mod callcenter;
pub mod crm;
pub mod tickets;
pub mod udesk;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::config::Size;

pub use callcenter::CallCenterState;
pub use crm::{CrmState, CustomerRecord, Enterprise};
pub use tickets::{TicketRecord, TicketState};
pub use udesk::UdeskState;

/// A skill group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Group ID (32 hex).
    pub id: String,
    /// Name.
    pub name: String,
}

/// A department of the org tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Department {
    /// Department ID.
    pub id: String,
    /// Name.
    pub name: String,
    /// `|`-separated department path, as `liable_departmentid` takes it.
    pub path: String,
}

/// An agent (customer-service employee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// Agent ID (32 hex).
    pub id: String,
    /// Display name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// The skill group the agent belongs to.
    pub group_id: String,
    /// The department (index into [`Org::departments`]).
    pub department: usize,
    /// Whether the agent is an administrator.
    pub admin: bool,
}

/// Agents, skill groups and departments.
#[derive(Debug, Clone, Default)]
pub struct Org {
    /// Skill groups.
    pub groups: Vec<Group>,
    /// Departments.
    pub departments: Vec<Department>,
    /// Agents.
    pub agents: Vec<Agent>,
}

impl Org {
    /// The agent with `id`.
    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.agents.iter().find(|agent| agent.id == id.trim())
    }

    /// The group with `id`.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.id == id.trim())
    }
}

/// Everything the sandbox serves.
#[derive(Debug, Clone)]
pub struct World {
    /// The seed the world was generated from.
    pub seed: u64,
    /// The size it was generated at.
    pub size: Size,
    /// The end of the seeded history, epoch ms.
    pub anchor_ms: i64,
    /// The Sobot company ID (`companyid`).
    pub company_id: String,
    /// Agents and groups.
    pub org: Org,
    /// The Ticket API's data.
    pub tickets: TicketState,
    /// The CRM's data.
    pub crm: CrmState,
    /// The call center (V6) tenant.
    pub callcenter: CallCenterState,
    /// The Udesk tenant.
    pub udesk: UdeskState,
    /// The generator of IDs for objects created through the API.
    pub rng: ChaCha8Rng,
}

impl World {
    /// A new 32-hex ID.
    pub fn new_id(&mut self) -> String {
        hex_id(&mut self.rng)
    }
}

/// A 32-hex ID like Sobot's.
pub fn hex_id<R: Rng>(rng: &mut R) -> String {
    format!("{:016x}{:016x}", rng.random::<u64>(), rng.random::<u64>())
}

/// The generator of API-created IDs for a seed (distinct from the seed data's generator).
pub fn api_rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ 0x05ee_d0fa_91d5_u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_lowercase_hex_digits() {
        let id = hex_id(&mut api_rng(1));
        assert_eq!(id.len(), 32);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }
}
