//! Streamed multipart uploads that keep the file's name exactly.

use std::path::Path;

use reqwest::multipart::{Form, Part};
use tokio_util::io::ReaderStream;

use crate::error::HttpError;
use crate::sent::SentBytes;

/// A file opened for upload: its name as it will be sent, its size, and the streamed part.
#[derive(Debug)]
pub struct FilePart {
    /// The file name sent in `Content-Disposition` (the path's last component, unchanged).
    pub file_name: String,
    /// The file's size in bytes.
    pub len: u64,
    /// The part, streaming the file from disk in chunks (never held whole in memory).
    pub part: Part,
}

/// An empty form that sends names as raw UTF-8, as browsers do.
///
/// `reqwest`'s default percent-encodes non-ASCII file names into `filename*=utf-8''...`, which
/// many Java multipart parsers (the vendors' stacks) ignore or mangle; browsers send the UTF-8
/// bytes in `filename="..."`, so a file called `报告.pdf` arrives as `报告.pdf`.
pub fn form() -> Form {
    Form::new().percent_encode_noop()
}

/// The name an upload of `path` sends: the path's last component (lossily UTF-8).
///
/// # Errors
///
/// An [`std::io::ErrorKind::InvalidInput`] error when the path has no file name (`/`, `a/..`).
pub fn file_name(path: &Path) -> std::io::Result<String> {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the path has no file name",
            )
        })
}

/// Opens `path` for a streamed upload.
///
/// The name is kept exactly, except the three characters a quoted header parameter cannot hold
/// (`"`, CR, LF), which are escaped as browsers do (`%22`, `%0D`, `%0A`). When `observer` is
/// given, it hears how many of the file's bytes have been sent.
pub async fn file_part(path: &Path, observer: Option<&SentBytes>) -> Result<FilePart, HttpError> {
    let file_error = |source| HttpError::File {
        path: path.display().to_string(),
        source,
    };
    let file_name = file_name(path).map_err(file_error)?;
    let file = tokio::fs::File::open(path).await.map_err(file_error)?;
    let len = file.metadata().await.map_err(file_error)?.len();
    let stream = ReaderStream::new(file);
    let body = match observer {
        Some(observer) => reqwest::Body::wrap_stream(observer.observe(stream)),
        None => reqwest::Body::wrap_stream(stream),
    };
    let part = Part::stream_with_length(body, len)
        .file_name(header_safe(&file_name))
        .mime_str(mime_for(&file_name))
        .map_err(HttpError::from)?;
    Ok(FilePart {
        file_name,
        len,
        part,
    })
}

fn header_safe(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A content type guessed from the file extension (`application/octet-stream` when unknown).
pub fn mime_for(file_name: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "pdf" => "application/pdf",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_missing_file_is_a_file_error_naming_the_path() {
        let error = file_part(Path::new("/nonexistent/报告.pdf"), None)
            .await
            .expect_err("missing");
        assert!(error.to_string().contains("报告.pdf"), "{error}");
    }

    #[tokio::test]
    async fn the_file_name_and_length_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("客户 截图 (1).PNG");
        std::fs::write(&path, b"12345").expect("write");
        let part = file_part(&path, None).await.expect("opens");
        assert_eq!(part.file_name, "客户 截图 (1).PNG");
        assert_eq!(part.len, 5);
    }

    #[test]
    fn quotes_and_newlines_are_escaped_like_browsers_do() {
        assert_eq!(header_safe("a\"b\r\n.txt"), "a%22b%0D%0A.txt");
        assert_eq!(mime_for("x.JPG"), "image/jpeg");
        assert_eq!(mime_for("noext"), "application/octet-stream");
    }
}
