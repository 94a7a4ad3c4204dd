//! Every integration test of this crate, built as one test binary (one link instead of one per
//! file keeps a cold build small and fast).

mod common;

mod attachment_save;
mod connection_check;
mod connection_check_callcenter;
mod customer_profile;
mod reference_sync;
mod sync_faults;
mod sync_sources;
mod ticket_desk;
mod ticket_desk_udesk;
mod ticket_export;
mod workspace_sync;
