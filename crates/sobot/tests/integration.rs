//! Every integration test of this crate, built as one test binary (one link instead of one per
//! file keeps a cold build small and fast).

mod callcenter_support;
mod common;

mod callcenter_auth;
mod callcenter_fixtures;
mod callcenter_wire_config;
mod callcenter_wire_outbound;
mod client_behaviour;
mod crm_fixtures;
mod crm_wire_catalog;
mod crm_wire_customers;
mod ticket_fixtures;
mod ticket_wire_reads;
mod ticket_wire_writes;
