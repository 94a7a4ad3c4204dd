//! Logging: `tracing` to a daily rolling file in the OS log directory (and stderr in debug builds).

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The environment variable that overrides the log filter (`tracing` env-filter syntax).
pub const LOG_FILTER_ENV: &str = "SWITCHBOARD_LOG";

/// How many daily log files are kept.
const KEPT_LOG_FILES: usize = 14;

/// Keeps the background log writer alive; dropping it flushes the file.
pub struct LogGuard(#[allow(dead_code)] WorkerGuard);

/// Why logging could not start.
#[derive(Debug, thiserror::Error)]
pub enum LoggingError {
    /// The log directory or file could not be created.
    #[error("could not open the log directory {path}: {message}")]
    Directory {
        /// The directory.
        path: String,
        /// The OS error.
        message: String,
    },
}

/// Starts logging into `log_dir` (`switchboard.YYYY-MM-DD.log`, 14 days kept).
///
/// Returns the guard to keep for the process lifetime. Calling it twice keeps the first
/// subscriber (the second global install is ignored), so tests may call it freely.
pub fn init(log_dir: &Path) -> Result<LogGuard, LoggingError> {
    let directory_error = |message: String| LoggingError::Directory {
        path: log_dir.display().to_string(),
        message,
    };
    std::fs::create_dir_all(log_dir).map_err(|err| directory_error(err.to_string()))?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("switchboard")
        .filename_suffix("log")
        .max_log_files(KEPT_LOG_FILES)
        .build(log_dir)
        .map_err(|err| directory_error(err.to_string()))?;
    let (writer, guard) = tracing_appender::non_blocking(appender);

    let filter = || {
        EnvFilter::try_from_env(LOG_FILTER_ENV)
            .unwrap_or_else(|_| EnvFilter::new("info,switchboard_lib=debug"))
    };
    let file_layer = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_writer(writer)
        .with_filter(filter());
    let stderr_layer = cfg!(debug_assertions).then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(filter())
    });
    // Err only if a global subscriber is already installed, which is fine to ignore.
    let _ = tracing_subscriber::registry()
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    Ok(LogGuard(guard))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::logs::{UiLogEntry, UiLogLevel, log_from_ui};

    // The only test in this binary that installs the global subscriber.
    #[test]
    fn ui_log_lines_land_in_the_rolling_log_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let guard = init(dir.path()).expect("logging starts");
        log_from_ui(UiLogEntry {
            level: UiLogLevel::Warn,
            message: "board failed to render 看板".into(),
            context: Some("route=/tickets".into()),
        })
        .expect("logged");
        drop(guard); // flushes the background writer
        let files: Vec<_> = std::fs::read_dir(dir.path())
            .expect("log dir")
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let name = files[0]
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(
            name.starts_with("switchboard.") && name.ends_with(".log"),
            "{name}"
        );
        let text = std::fs::read_to_string(&files[0]).expect("log file");
        assert!(
            text.contains("WARN ui: board failed to render 看板"),
            "{text}"
        );
        assert!(text.contains("route=/tickets"), "{text}");
    }
}
