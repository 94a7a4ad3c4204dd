//! Vendor clients built from a profile's connections, and "test connection", which says
//! precisely what failed.

mod check;
mod clients;

pub use check::{
    ConnectionCheck, Problem, ProblemKind, check_callcenter, check_sobot, check_udesk,
    classify_sobot, classify_udesk,
};
pub use clients::{
    ClientError, callcenter_client, profile_sobot_client, sobot_client, udesk_client,
};
