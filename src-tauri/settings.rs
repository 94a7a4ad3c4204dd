//! The UI settings (language, theme), kept in `settings.toml` in the OS config directory.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use switchboard_core::fs::{WriteError, move_aside, write_atomically};

/// The language the user chose; `System` follows the OS locale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub enum LanguagePreference {
    /// Follow the operating system's locale.
    #[default]
    #[serde(rename = "system")]
    System,
    /// English.
    #[serde(rename = "en")]
    English,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    SimplifiedChinese,
}

/// The colour theme the user chose; `System` follows the OS.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ThemePreference {
    /// Follow the operating system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Everything the UI persists about its own appearance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct UiSettings {
    /// Interface language.
    pub language: LanguagePreference,
    /// Colour theme.
    pub theme: ThemePreference,
}

/// The key of the UI section in the settings document.
const UI_SECTION: &str = "ui";

/// The `[ui]` section as found on disk, where any key may be missing (an older file).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UiSection {
    language: LanguagePreference,
    theme: ThemePreference,
}

impl From<UiSection> for UiSettings {
    fn from(section: UiSection) -> Self {
        Self {
            language: section.language,
            theme: section.theme,
        }
    }
}

/// Why the settings file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// Writing the file failed.
    #[error(transparent)]
    Io(#[from] WriteError),
    /// The settings could not be encoded as TOML (a bug).
    #[error("could not encode settings: {0}")]
    Encode(#[from] toml::ser::Error),
}

/// Reads and writes `settings.toml`, keeping the current value in memory.
///
/// Sections this version does not know (written by a newer version) are kept on save. A file that
/// cannot be parsed is never overwritten silently: it is moved aside to `settings.toml.broken` (so
/// what the user saved can be recovered) and defaults are used.
#[derive(Debug)]
pub struct SettingsStore {
    path: PathBuf,
    current: Mutex<Loaded>,
}

/// The parsed UI settings plus the whole document they came from.
#[derive(Debug, Default)]
struct Loaded {
    ui: UiSettings,
    document: toml::Table,
}

/// The settings file's name inside the config directory.
pub const SETTINGS_FILE_NAME: &str = "settings.toml";

impl SettingsStore {
    /// Opens the store in `config_dir`, loading the file if present.
    pub fn open(config_dir: &Path) -> Self {
        let path = config_dir.join(SETTINGS_FILE_NAME);
        let current = load(&path);
        Self {
            path,
            current: Mutex::new(current),
        }
    }

    /// The settings in effect.
    pub fn get(&self) -> UiSettings {
        self.lock().ui
    }

    /// Saves new settings to disk first, then makes them current.
    pub fn set(&self, settings: UiSettings) -> Result<UiSettings, SettingsError> {
        let mut current = self.lock();
        let mut document = current.document.clone();
        document.insert(UI_SECTION.to_owned(), toml::Value::try_from(settings)?);
        write_atomically(&self.path, toml::to_string_pretty(&document)?.as_bytes())?;
        *current = Loaded {
            ui: settings,
            document,
        };
        Ok(settings)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Loaded> {
        // A panic while holding the lock cannot leave a half-written value: it is replaced whole.
        self.current
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn load(path: &Path) -> Loaded {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
        Err(err) => {
            tracing::warn!(path = %path.display(), error = %err, "settings file unreadable; using defaults");
            return Loaded::default();
        }
    };
    let parsed = toml::from_str::<toml::Table>(&text).and_then(|document| {
        let ui = match document.get(UI_SECTION) {
            Some(section) => section.clone().try_into::<UiSection>()?.into(),
            None => UiSettings::default(),
        };
        Ok(Loaded { ui, document })
    });
    match parsed {
        Ok(loaded) => loaded,
        Err(err) => {
            let moved = move_aside(path);
            tracing::warn!(
                path = %path.display(),
                error = %err,
                moved = ?moved,
                "settings file malformed; moved aside and using defaults"
            );
            Loaded::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_system_when_no_file_exists() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SettingsStore::open(dir.path());
        assert_eq!(store.get(), UiSettings::default());
        assert_eq!(store.get().language, LanguagePreference::System);
        assert_eq!(store.get().theme, ThemePreference::System);
    }

    #[test]
    fn saved_settings_survive_a_reopen() {
        let dir = tempfile::tempdir().expect("temp dir");
        let chosen = UiSettings {
            language: LanguagePreference::SimplifiedChinese,
            theme: ThemePreference::Dark,
        };
        SettingsStore::open(dir.path()).set(chosen).expect("saves");
        let text = std::fs::read_to_string(dir.path().join(SETTINGS_FILE_NAME)).expect("file");
        assert!(text.contains("language = \"zh-CN\""), "{text}");
        assert_eq!(SettingsStore::open(dir.path()).get(), chosen);
    }

    #[test]
    fn a_malformed_file_is_moved_aside_not_lost() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(SETTINGS_FILE_NAME);
        std::fs::write(&path, "[ui\nlanguage = ").expect("write");
        let store = SettingsStore::open(dir.path());
        assert_eq!(store.get(), UiSettings::default());
        let backup =
            std::fs::read_to_string(dir.path().join("settings.toml.broken")).expect("backup kept");
        assert_eq!(backup, "[ui\nlanguage = ");
    }

    #[test]
    fn missing_keys_fall_back_to_defaults_and_unknown_sections_survive_a_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(SETTINGS_FILE_NAME);
        std::fs::write(&path, "[ui]\ntheme = \"light\"\n\n[future]\nx = 1\n").expect("write");
        let store = SettingsStore::open(dir.path());
        let settings = store.get();
        assert_eq!(settings.theme, ThemePreference::Light);
        assert_eq!(settings.language, LanguagePreference::System);
        store
            .set(UiSettings {
                language: LanguagePreference::English,
                ..settings
            })
            .expect("saves");
        let text = std::fs::read_to_string(&path).expect("file");
        assert!(
            text.contains("[future]") && text.contains("x = 1"),
            "{text}"
        );
        assert!(text.contains("language = \"en\""), "{text}");
    }

    #[test]
    fn an_unknown_language_value_is_treated_as_malformed_and_kept_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join(SETTINGS_FILE_NAME),
            "[ui]\nlanguage = \"klingon\"\n",
        )
        .expect("write");
        assert_eq!(SettingsStore::open(dir.path()).get(), UiSettings::default());
        assert!(dir.path().join("settings.toml.broken").exists());
    }

    #[test]
    fn a_failed_write_keeps_the_previous_value() {
        let dir = tempfile::tempdir().expect("temp dir");
        // The config "directory" is a file, so creating the settings file inside it fails.
        let blocker = dir.path().join("not-a-dir");
        std::fs::write(&blocker, "").expect("write");
        let store = SettingsStore::open(&blocker);
        let result = store.set(UiSettings {
            language: LanguagePreference::English,
            theme: ThemePreference::Dark,
        });
        assert!(
            matches!(result, Err(SettingsError::Io { .. })),
            "{result:?}"
        );
        assert_eq!(store.get(), UiSettings::default());
    }
}
