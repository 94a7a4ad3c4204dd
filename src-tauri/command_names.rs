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
    "list_tickets",
    "count_tickets_by_status",
    "ticket_catalogs",
    "get_ticket_detail",
    "get_customer_profile",
    "refresh_customer_tickets",
    "set_acting_agent",
    "ticket_form_fields",
    "change_ticket",
    "reply_to_ticket",
    "remind_ticket",
    "delete_ticket_reply",
    "change_ticket_customer",
    "delete_ticket",
    "create_ticket",
    "upload_ticket_files",
    "save_attachment",
    "export_ticket_list",
    "list_saved_views",
    "save_view",
    "delete_saved_view",
];

/// Core and plugin permissions the main window needs besides the app commands: listening to
/// events (files dropped on the window arrive as the `tauri://drag-drop` event), the native file
/// picker for attachments, and opening vendor links and attachments in the browser (scoped to
/// http and https in the capability file). The save dialogs for attachments and exported lists are
/// opened by Rust (`save_attachment`, `export_ticket_list`), so the webview needs no permission for them.
pub const PLUGIN_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-open",
    "opener:allow-open-url",
];
