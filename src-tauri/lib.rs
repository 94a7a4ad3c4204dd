//! Switchboard desktop shell: the Tauri app that hosts the UI and exposes typed commands.
//!
//! This crate stays thin: commands take state, call domain code and map errors to [`IpcError`].

#[cfg(test)]
mod command_names;
mod commands;
mod demo;
mod error;
mod logging;
mod profile_forms;
mod settings;
mod state;

pub use error::IpcError;

use tauri::Manager;
use tauri_specta::{Builder, collect_commands};

/// The one registry of commands (and, later, events) shared by the app and the bindings export.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(collect_commands![
            commands::app::app_info,
            commands::settings::get_ui_settings,
            commands::settings::set_ui_settings,
            commands::logs::log_from_ui,
            commands::profiles::list_profiles,
            commands::profiles::validate_profile,
            commands::profiles::save_profile,
            commands::profiles::delete_profile,
            commands::profiles::test_connection,
            commands::sync::sync_profile,
            commands::audit::list_audit_log,
            commands::workspace::open_demo_workspace,
            commands::workspace::set_active_profile,
            commands::workspace::get_active_profile,
            commands::tickets::list_tickets,
            commands::tickets::count_tickets_by_status,
            commands::tickets::ticket_catalogs,
            commands::tickets::get_ticket_detail,
            commands::customers::get_customer_profile,
            commands::customers::refresh_customer_tickets,
            commands::tickets::set_acting_agent,
            commands::tickets::ticket_form_fields,
            commands::tickets::writes::change_ticket,
            commands::tickets::writes::reply_to_ticket,
            commands::tickets::writes::remind_ticket,
            commands::tickets::writes::delete_ticket_reply,
            commands::tickets::writes::change_ticket_customer,
            commands::tickets::writes::delete_ticket,
            commands::tickets::writes::create_ticket,
            commands::tickets::writes::upload_ticket_files,
            commands::downloads::save_attachment,
            commands::tickets::export::export_ticket_list,
            commands::tickets::views::list_saved_views,
            commands::tickets::views::save_view,
            commands::tickets::views::delete_saved_view,
        ])
}

/// The command-line flag with which the end-to-end tests deliver file drops as events.
pub const SYNTHETIC_DROPS_FLAG: &str = "--e2e-synthetic-drops";

/// Starts the desktop app; returns when the last window closes.
pub fn run() {
    let builder = specta_builder();
    let invoke_handler = builder.invoke_handler();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(invoke_handler)
        .setup(move |app| {
            builder.mount_events(app);
            let paths = state::AppPaths {
                config_dir: app.path().app_config_dir()?,
                log_dir: app.path().app_log_dir()?,
                data_dir: app.path().app_data_dir()?,
            };
            let guard = logging::init(&paths.log_dir)?;
            app.manage(guard);
            tracing::info!(
                version = env!("CARGO_PKG_VERSION"),
                commit = env!("SWITCHBOARD_COMMIT"),
                config_dir = %paths.config_dir.display(),
                "Switchboard starting"
            );
            let demo_at_start = std::env::args().any(|arg| arg == "--demo")
                || std::env::var_os("SWITCHBOARD_DEMO").is_some_and(|v| v == "1");
            app.manage(state::AppState::open(paths, demo_at_start));
            if std::env::args().any(|arg| arg == SYNTHETIC_DROPS_FLAG) {
                // WebDriver cannot drag files from the OS onto a window; the end-to-end tests
                // deliver a drop as Tauri's own `tauri://drag-drop` event instead, which needs
                // this one extra permission. Never granted without the flag.
                tracing::warn!("synthetic file drops enabled ({SYNTHETIC_DROPS_FLAG})");
                app.add_capability(
                    tauri::ipc::CapabilityBuilder::new("e2e-synthetic-drops")
                        .window("main")
                        .permission("core:event:allow-emit-to"),
                )?;
            }
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(err) => {
            eprintln!("Switchboard could not start: {err}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod capability_tests {
    use crate::command_names::{APP_COMMANDS, PLUGIN_PERMISSIONS};

    /// The main window is granted exactly the app's own commands and the few listed core and
    /// plugin permissions, nothing else.
    #[test]
    fn the_main_window_is_granted_exactly_the_app_commands() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/default.json");
        let text = std::fs::read_to_string(path).expect("capability file");
        let capability: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .expect("permissions list")
            .iter()
            .map(|p| {
                p.as_str()
                    .or_else(|| p["identifier"].as_str())
                    .expect("a permission identifier")
                    .to_owned()
            })
            .collect();
        granted.sort();
        let mut expected: Vec<String> = APP_COMMANDS
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-")))
            .chain(PLUGIN_PERMISSIONS.iter().map(|p| (*p).to_owned()))
            .collect();
        expected.sort();
        assert_eq!(granted, expected);
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }
}

#[cfg(test)]
mod bindings_tests {
    use std::path::PathBuf;

    /// Where the committed bindings live, anchored to this crate (not the working directory).
    fn bindings_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts")
    }

    /// Regenerates `ui/src/bindings.ts`; fails if that changed the committed file, so CI catches
    /// commands whose bindings were not regenerated and committed.
    #[test]
    fn typescript_bindings_are_up_to_date() {
        let fresh = tempfile::NamedTempFile::new().expect("temp file");
        super::specta_builder()
            .export(
                specta_typescript::Typescript::default()
                    .header("// Generated by tauri-specta from the Rust commands. Do not edit: run `cargo test --lib`.\n"),
                fresh.path(),
            )
            .expect("bindings export");
        let generated = std::fs::read_to_string(fresh.path()).expect("generated bindings");
        for name in crate::command_names::APP_COMMANDS {
            assert!(
                generated.contains(&format!("TAURI_INVOKE(\"{name}\"")),
                "{name} is in command_names.rs but not registered in specta_builder()"
            );
        }
        assert_eq!(
            generated.matches("TAURI_INVOKE(\"").count(),
            crate::command_names::APP_COMMANDS.len(),
            "a command is registered in specta_builder() but missing from command_names.rs"
        );
        let committed = std::fs::read_to_string(bindings_path()).unwrap_or_default();
        if generated != committed {
            std::fs::write(bindings_path(), &generated).expect("write bindings");
            panic!(
                "ui/src/bindings.ts was out of date and has been regenerated; review and commit it"
            );
        }
    }
}
