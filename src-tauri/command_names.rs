/// Every app command, by its IPC name. The build script turns each into an `allow-<name>`
/// permission; `capabilities/default.json` grants exactly these to the main window.
pub const APP_COMMANDS: &[&str] = &[
    "app_info",
    "get_ui_settings",
    "set_ui_settings",
    "log_from_ui",
    "list_profiles",
    "validate_profile",
    "save_profile",
    "delete_profile",
    "test_connection",
    "sync_profile",
    "list_audit_log",
    "open_demo_workspace",
    "set_active_profile",
    "get_active_profile",
];
