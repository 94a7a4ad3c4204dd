//! Tauri commands, one module per domain. Each is a few lines: take state, call the domain code,
//! map the error to [`crate::error::IpcError`].

pub mod app;
pub mod audit;
pub mod logs;
pub mod profiles;
pub mod settings;
pub mod sync;
pub mod tickets;
pub mod workspace;
