//! Every integration test of this crate, built as one test binary (one link instead of one per
//! file keeps a cold build small and fast).

mod common;

mod admin;
mod binary;
mod callcenter_config;
mod callcenter_outbound;
mod determinism;
mod faults;
mod fidelity;
mod robustness;
mod sobot_auth;
mod sobot_crm_catalog;
mod sobot_crm_customers;
mod sobot_ticket_creates;
mod sobot_ticket_reads;
mod sobot_ticket_updates;
mod udesk_auth;
mod udesk_replies;
mod udesk_tickets;
mod vendor_fidelity;
mod vendor_robustness;
