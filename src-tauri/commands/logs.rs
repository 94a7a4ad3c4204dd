//! Log lines forwarded from the UI into the app's log file.

use serde::Deserialize;

use crate::error::CommandResult;

/// Severity of a UI log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum UiLogLevel {
    /// Something failed.
    Error,
    /// Something looks wrong.
    Warn,
    /// Notable event.
    Info,
    /// Detail for debugging.
    Debug,
}

/// One log line from the UI.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct UiLogEntry {
    /// Severity.
    pub level: UiLogLevel,
    /// The message.
    pub message: String,
    /// Where it happened (route, component, stack), if known.
    pub context: Option<String>,
}

/// The longest message or context kept from the UI, in characters; the rest is cut.
pub const MAX_UI_LOG_CHARS: usize = 4000;

/// Writes a UI log line to the app log under the `ui` target.
#[tauri::command]
#[specta::specta]
pub fn log_from_ui(entry: UiLogEntry) -> CommandResult<()> {
    let message = truncate(&entry.message);
    let context = entry.context.as_deref().map(truncate).unwrap_or_default();
    match entry.level {
        UiLogLevel::Error => tracing::error!(target: "ui", context, "{message}"),
        UiLogLevel::Warn => tracing::warn!(target: "ui", context, "{message}"),
        UiLogLevel::Info => tracing::info!(target: "ui", context, "{message}"),
        UiLogLevel::Debug => tracing::debug!(target: "ui", context, "{message}"),
    }
    Ok(())
}

fn truncate(text: &str) -> &str {
    match text.char_indices().nth(MAX_UI_LOG_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ui_messages_are_cut_on_a_character_boundary() {
        let chinese = "工".repeat(MAX_UI_LOG_CHARS + 10);
        let cut = truncate(&chinese);
        assert_eq!(cut.chars().count(), MAX_UI_LOG_CHARS);
        assert_eq!(truncate("short"), "short");
    }

    #[test]
    fn ui_log_entries_decode_from_the_ui_shape() {
        let entry: UiLogEntry =
            serde_json::from_str(r#"{"level":"warn","message":"m","context":null}"#)
                .expect("decodes");
        assert_eq!(entry.level, UiLogLevel::Warn);
        assert!(log_from_ui(entry).is_ok());
    }
}
