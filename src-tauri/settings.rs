//! The UI settings (language, theme, how far a first sync reaches back), kept in `settings.toml`
//! in the OS config directory.

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

/// How many months a first sync reaches back unless the user chose otherwise.
pub const DEFAULT_FIRST_SYNC_MONTHS: u32 = 6;

/// The months a first sync may reach back (the vendors keep tickets queryable this long).
pub const FIRST_SYNC_MONTHS_RANGE: std::ops::RangeInclusive<u32> = 1..=24;

/// Everything the user sets in Settings outside profiles: appearance and the first sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct UiSettings {
    /// Interface language.
    pub language: LanguagePreference,
    /// Colour theme.
    pub theme: ThemePreference,
    /// How many months the first sync of a connection reaches back (1 to 24).
    pub first_sync_months: u32,
}

impl Default for UiSettings {
    fn default() -> Self {
        Self {
            language: LanguagePreference::default(),
            theme: ThemePreference::default(),
            first_sync_months: DEFAULT_FIRST_SYNC_MONTHS,
        }
    }
}

impl UiSettings {
    /// Checks the values a user can type; names the offending field.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if !FIRST_SYNC_MONTHS_RANGE.contains(&self.first_sync_months) {
            return Err(SettingsError::Invalid {
                field: "first_sync_months",
                message: format!(
                    "must be between {} and {} months",
                    FIRST_SYNC_MONTHS_RANGE.start(),
                    FIRST_SYNC_MONTHS_RANGE.end()
                ),
            });
        }
        Ok(())
    }
}

/// The key of the UI section in the settings document.
const UI_SECTION: &str = "ui";

/// The `[ui]` section as found on disk, where any key may be missing (an older file).
#[derive(Debug, Deserialize)]
#[serde(default)]
struct UiSection {
    language: LanguagePreference,
    theme: ThemePreference,
    first_sync_months: u32,
}

impl Default for UiSection {
    fn default() -> Self {
        let defaults = UiSettings::default();
        Self {
            language: defaults.language,
            theme: defaults.theme,
            first_sync_months: defaults.first_sync_months,
        }
    }
}

impl From<UiSection> for UiSettings {
    fn from(section: UiSection) -> Self {
        Self {
            language: section.language,
            theme: section.theme,
            // A hand-edited value out of range is brought into it rather than discarding the file.
            first_sync_months: section.first_sync_months.clamp(
                *FIRST_SYNC_MONTHS_RANGE.start(),
                *FIRST_SYNC_MONTHS_RANGE.end(),
            ),
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
    /// A value is out of its allowed range; the user must change it.
    #[error("{field} {message}")]
    Invalid {
        /// The setting's name.
        field: &'static str,
        /// Why it is refused.
        message: String,
    },
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
        settings.validate()?;
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
            first_sync_months: 12,
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
            ..UiSettings::default()
        });
        assert!(
            matches!(result, Err(SettingsError::Io { .. })),
            "{result:?}"
        );
        assert_eq!(store.get(), UiSettings::default());
    }

    #[test]
    fn a_file_from_before_the_first_sync_setting_loads_with_six_months() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join(SETTINGS_FILE_NAME),
            "[ui]\nlanguage = \"en\"\ntheme = \"dark\"\n",
        )
        .expect("write");
        let settings = SettingsStore::open(dir.path()).get();
        assert_eq!(settings.first_sync_months, DEFAULT_FIRST_SYNC_MONTHS);
        assert_eq!(settings.theme, ThemePreference::Dark);
        assert!(!dir.path().join("settings.toml.broken").exists());
    }

    #[test]
    fn first_sync_months_outside_one_to_twenty_four_are_refused_and_not_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SettingsStore::open(dir.path());
        for months in [0, 25] {
            let result = store.set(UiSettings {
                first_sync_months: months,
                ..UiSettings::default()
            });
            assert!(
                matches!(
                    result,
                    Err(SettingsError::Invalid {
                        field: "first_sync_months",
                        ..
                    })
                ),
                "{months}: {result:?}"
            );
        }
        assert!(!dir.path().join(SETTINGS_FILE_NAME).exists());
        for months in [1, 24] {
            let saved = store
                .set(UiSettings {
                    first_sync_months: months,
                    ..UiSettings::default()
                })
                .expect("in range");
            assert_eq!(saved.first_sync_months, months);
        }
    }

    #[test]
    fn a_hand_edited_month_count_out_of_range_is_brought_into_range() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join(SETTINGS_FILE_NAME),
            "[ui]\nfirst_sync_months = 99\n",
        )
        .expect("write");
        assert_eq!(SettingsStore::open(dir.path()).get().first_sync_months, 24);
    }
}
