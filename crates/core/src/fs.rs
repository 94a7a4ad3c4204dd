//! File helpers for documents the user must never lose.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not write {path}: {source}")]
pub struct WriteError {
    /// The file or directory involved.
    pub path: PathBuf,
    /// The OS error.
    pub source: std::io::Error,
}

/// Replaces `path` with `contents` so that a crash leaves the old file or the new one, never a
/// mix: write a sibling temporary file, flush it to disk, rename it over the original.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let error_at = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError { path, source }
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(error_at(dir))?;
    let mut temp_name = path.file_name().unwrap_or_default().to_os_string();
    temp_name.push(".tmp");
    let temp = path.with_file_name(temp_name);
    let mut file = std::fs::File::create(&temp).map_err(error_at(&temp))?;
    file.write_all(contents).map_err(error_at(&temp))?;
    file.sync_all().map_err(error_at(&temp))?;
    std::fs::rename(&temp, path).map_err(error_at(path))
}

/// Moves an unreadable file aside to `<name>.broken` so what the user saved can be recovered,
/// returning where it went.
pub fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".broken");
    let backup = path.with_file_name(name);
    std::fs::rename(path, &backup)?;
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested/profiles.toml");
        write_atomically(&path, b"one").expect("first write");
        write_atomically(&path, "二".as_bytes()).expect("second write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "二");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("profiles.toml")]);
    }

    #[test]
    fn a_moved_aside_file_keeps_its_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "[ui").expect("write");
        let backup = move_aside(&path).expect("moved");
        assert_eq!(
            backup.file_name().and_then(|n| n.to_str()),
            Some("settings.toml.broken")
        );
        assert_eq!(std::fs::read_to_string(backup).expect("read"), "[ui");
        assert!(!path.exists());
    }
}
