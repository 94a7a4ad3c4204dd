//! Switchboard's domain, free of Tauri: connections and profiles, secrets in the OS keychain, the
//! local store, sync and the audit log. The desktop shell and the CLI are thin layers over it.

#![warn(missing_docs)]

pub mod connections;
pub mod crm;
pub mod download;
pub mod fs;
pub mod profiles;
pub mod secrets;
pub mod store;
pub mod sync;
pub mod tickets;
pub mod workspace;
