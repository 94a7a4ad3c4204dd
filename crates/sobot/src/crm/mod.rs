//! The Sobot v5 CRM API (`/api/scrm/5/*`): customers, enterprises, tags, assignment, follow-up
//! stages, the blacklist and reference data.

pub mod assignment;
pub mod blacklist;
pub mod codes;
pub mod customer_model;
pub mod customers;
pub mod reference;
pub mod tags;

use crate::client::SobotClient;

pub use assignment::*;
pub use blacklist::*;
pub use codes::*;
pub use customer_model::*;
pub use customers::*;
pub use reference::*;
pub use tags::*;

/// The CRM API of a client: `client.crm()`.
#[derive(Debug, Clone, Copy)]
pub struct Crm<'a> {
    pub(crate) client: &'a SobotClient,
}

impl SobotClient {
    /// The CRM API.
    pub fn crm(&self) -> Crm<'_> {
        Crm { client: self }
    }
}
