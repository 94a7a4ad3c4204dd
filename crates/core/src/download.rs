//! Saving a file behind a vendor link (a ticket's attachment) to a path the user chose. The body
//! is streamed into a temporary file beside the destination, flushed to disk and only then
//! renamed over the chosen name, so a dropped connection or a full disk never leaves a
//! half-written file under that name, and an existing file there is kept until the new one is
//! complete.

use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use vendor_http::reqwest::{Method, header};
use vendor_http::{HttpClient, HttpConfig, HttpError, redacted_excerpt};

/// The largest file saved (1 GiB): far above the vendors' attachment limits (Udesk 20 MB), low
/// enough that a wrong link cannot fill the disk.
pub const MAX_DOWNLOAD_BYTES: u64 = 1 << 30;

/// How long a whole download may take before it is abandoned.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// Why a file could not be saved, classified by what the user can do.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// The link is not an http(s) URL; nothing was fetched.
    #[error("not a web link: {url}")]
    NotWebLink {
        /// The link as given.
        url: String,
    },
    /// The chosen path cannot receive a file (relative, no file name, or its folder is missing).
    #[error("cannot save to {path}: {reason}")]
    BadDestination {
        /// The path as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The file server answered with an HTTP error status (4xx: gone, expired or refused).
    #[error("{host} answered HTTP {status}: {excerpt}")]
    Status {
        /// The server's host name.
        host: String,
        /// The HTTP status.
        status: u16,
        /// A redacted excerpt of its answer.
        excerpt: String,
    },
    /// The server could not be reached, or the transfer broke off; retrying may help.
    #[error("downloading from {host} failed: {source}")]
    Transfer {
        /// The server's host name.
        host: String,
        /// What failed.
        source: HttpError,
    },
    /// The file is larger than [`MAX_DOWNLOAD_BYTES`] (or the limit given).
    #[error("the file is larger than {max} bytes")]
    TooLarge {
        /// The limit.
        max: u64,
    },
    /// The file could not be written.
    #[error("could not write {path}: {source}")]
    Write {
        /// The file written.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

impl DownloadError {
    /// Whether trying again later may succeed (the server was unreachable, busy or failing).
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Transfer { .. } => true,
            Self::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}

/// A file saved to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedFile {
    /// Where it was saved.
    pub path: PathBuf,
    /// How many bytes were written.
    pub bytes: u64,
}

/// Fetches links to files; cheap to clone (one connection pool).
#[derive(Debug, Clone)]
pub struct Downloader {
    http: HttpClient,
    max_bytes: u64,
}

impl Downloader {
    /// A downloader with the default limit, [`MAX_DOWNLOAD_BYTES`].
    pub fn new() -> Result<Self, HttpError> {
        let http = HttpClient::new(HttpConfig {
            request_timeout: DOWNLOAD_TIMEOUT,
            ..HttpConfig::default()
        })?;
        Ok(Self {
            http,
            max_bytes: MAX_DOWNLOAD_BYTES,
        })
    }

    /// The same downloader with another size limit.
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Saves the file at `url` (http or https) as `destination`, replacing a file already there
    /// only once the download is complete. `on_progress` receives the bytes written so far and
    /// the total when the server announced it.
    pub async fn save(
        &self,
        url: &str,
        destination: &Path,
        on_progress: &(dyn Fn(u64, Option<u64>) + Send + Sync),
    ) -> Result<SavedFile, DownloadError> {
        let link = web_link(url)?;
        let folder = destination_folder(destination)?;
        let host = link.host_str().unwrap_or_default().to_owned();
        let transfer = |source: HttpError| DownloadError::Transfer {
            host: host.clone(),
            source,
        };
        let mut response = self
            .http
            .request(Method::GET, link.clone())
            .send()
            .await
            .map_err(|e| transfer(HttpError::from(e)))?;
        let status = response.status().as_u16();
        if !response.status().is_success() {
            let body = response.bytes().await.unwrap_or_default();
            return Err(DownloadError::Status {
                host,
                status,
                excerpt: redacted_excerpt(&body),
            });
        }
        let total = response
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok());
        if total.is_some_and(|total| total > self.max_bytes) {
            return Err(DownloadError::TooLarge {
                max: self.max_bytes,
            });
        }
        let temp = temporary_sibling(destination);
        let written = async {
            let write_error = |source| DownloadError::Write {
                path: temp.clone(),
                source,
            };
            let mut file = tokio::fs::File::create(&temp).await.map_err(write_error)?;
            let mut written = 0_u64;
            on_progress(0, total);
            while let Some(chunk) = response
                .chunk()
                .await
                .map_err(|e| transfer(HttpError::from(e)))?
            {
                written += chunk.len() as u64;
                if written > self.max_bytes {
                    return Err(DownloadError::TooLarge {
                        max: self.max_bytes,
                    });
                }
                file.write_all(&chunk).await.map_err(write_error)?;
                on_progress(written, total);
            }
            file.flush().await.map_err(write_error)?;
            file.sync_all().await.map_err(write_error)?;
            Ok(written)
        }
        .await;
        let renamed = match written {
            Ok(bytes) => tokio::fs::rename(&temp, destination)
                .await
                .map(|()| bytes)
                .map_err(|source| DownloadError::Write {
                    path: destination.to_path_buf(),
                    source,
                }),
            Err(error) => Err(error),
        };
        match renamed {
            Ok(bytes) => {
                tracing::info!(target: "switchboard::download", host = %link.host_str().unwrap_or_default(), bytes, folder = %folder.display(), "file saved");
                Ok(SavedFile {
                    path: destination.to_path_buf(),
                    bytes,
                })
            }
            Err(error) => {
                // Whatever arrived is useless without the rest.
                let _ = tokio::fs::remove_file(&temp).await;
                Err(error)
            }
        }
    }
}

/// The link, if it is http or https (checked before the user is asked where to save). Sobot's
/// `file_url` can carry an unencoded space (seed 000 L2713, L2774) and Chinese names: parsing
/// percent-encodes them as a browser would.
pub fn web_link(url: &str) -> Result<url::Url, DownloadError> {
    url::Url::parse(url.trim())
        .ok()
        .filter(|link| matches!(link.scheme(), "http" | "https") && link.host_str().is_some())
        .ok_or_else(|| DownloadError::NotWebLink { url: url.into() })
}

/// The existing folder `destination` goes into.
fn destination_folder(destination: &Path) -> Result<&Path, DownloadError> {
    let bad = |reason: &str| DownloadError::BadDestination {
        path: destination.to_path_buf(),
        reason: reason.into(),
    };
    if !destination.is_absolute() {
        return Err(bad("the path is not absolute"));
    }
    if destination.file_name().is_none() {
        return Err(bad("the path has no file name"));
    }
    if destination.is_dir() {
        return Err(bad("a folder has that name"));
    }
    let folder = destination
        .parent()
        .ok_or_else(|| bad("the path has no folder"))?;
    if !folder.is_dir() {
        return Err(bad("its folder does not exist"));
    }
    Ok(folder)
}

/// A hidden file beside `destination` that receives the bytes until they are complete.
pub(crate) fn temporary_sibling(destination: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(destination.file_name().unwrap_or_default());
    name.push(".switchboard-partial");
    destination.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    fn no_progress(_: u64, _: Option<u64>) {}

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    async fn server_with(route: &str, response: ResponseTemplate) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(route))
            .respond_with(response)
            .mount(&server)
            .await;
        server
    }

    #[tokio::test]
    async fn a_file_is_saved_under_its_chinese_name_with_progress_and_no_temporary_left() {
        let body = vec![7_u8; 100_000];
        let server = server_with(
            "/f/1",
            ResponseTemplate::new(200).set_body_bytes(body.clone()),
        )
        .await;
        let dir = tempfile::tempdir().expect("dir");
        let destination = dir.path().join("退款凭证.png");
        let seen = std::sync::Mutex::new(Vec::new());
        let saved = Downloader::new()
            .expect("client")
            .save(
                &format!("{}/f/1", server.uri()),
                &destination,
                &|done, total| seen.lock().expect("lock").push((done, total)),
            )
            .await
            .expect("saved");
        assert_eq!(saved.bytes, 100_000);
        assert_eq!(std::fs::read(&destination).expect("read"), body);
        assert_eq!(names_in(dir.path()), vec!["退款凭证.png".to_owned()]);
        let seen = seen.into_inner().expect("lock");
        assert_eq!(seen.first(), Some(&(0, Some(100_000))));
        assert_eq!(seen.last(), Some(&(100_000, Some(100_000))));
    }

    #[tokio::test]
    async fn a_link_with_a_raw_space_and_chinese_name_is_fetched_percent_encoded() {
        let server = server_with(
            "/ticket/%E5%8F%91%E7%A5%A8%20copy.pdf",
            ResponseTemplate::new(200).set_body_bytes(b"%PDF".to_vec()),
        )
        .await;
        let dir = tempfile::tempdir().expect("dir");
        let destination = dir.path().join("发票 copy.pdf");
        Downloader::new()
            .expect("client")
            .save(
                &format!("{}/ticket/发票 copy.pdf", server.uri()),
                &destination,
                &no_progress,
            )
            .await
            .expect("saved");
        assert_eq!(std::fs::read(&destination).expect("read"), b"%PDF");
    }

    #[tokio::test]
    async fn a_missing_file_is_reported_with_its_status_and_the_existing_file_is_kept() {
        let server = server_with(
            "/gone",
            ResponseTemplate::new(404).set_body_string("NoSuchKey"),
        )
        .await;
        let dir = tempfile::tempdir().expect("dir");
        let destination = dir.path().join("report.xlsx");
        std::fs::write(&destination, b"saved earlier").expect("write");
        let err = Downloader::new()
            .expect("client")
            .save(
                &format!("{}/gone", server.uri()),
                &destination,
                &no_progress,
            )
            .await
            .expect_err("404");
        assert!(
            matches!(&err, DownloadError::Status { status: 404, excerpt, .. } if excerpt.contains("NoSuchKey")),
            "{err}"
        );
        assert!(!err.is_retryable());
        assert_eq!(std::fs::read(&destination).expect("read"), b"saved earlier");
        assert_eq!(names_in(dir.path()), vec!["report.xlsx".to_owned()]);
    }

    /// A one-shot HTTP server that answers any request with `head` and `body`, then closes.
    async fn raw_server(head: &'static str, body: Vec<u8>) -> String {
        use tokio::io::AsyncReadExt;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            if let Ok((mut socket, _)) = listener.accept().await {
                let mut request = [0_u8; 4096];
                let _ = socket.read(&mut request).await;
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(&body).await;
                let _ = socket.shutdown().await;
            }
        });
        format!("http://{address}/file")
    }

    #[tokio::test]
    async fn a_connection_dropped_mid_file_leaves_the_existing_file_and_no_partial_one() {
        let url = raw_server(
            "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n",
            vec![9_u8; 1000],
        )
        .await;
        let dir = tempfile::tempdir().expect("dir");
        let destination = dir.path().join("收据.png");
        std::fs::write(&destination, b"saved earlier").expect("write");
        let err = Downloader::new()
            .expect("client")
            .save(&url, &destination, &no_progress)
            .await
            .expect_err("dropped");
        assert!(matches!(err, DownloadError::Transfer { .. }), "{err}");
        assert!(err.is_retryable());
        assert_eq!(std::fs::read(&destination).expect("read"), b"saved earlier");
        assert_eq!(names_in(dir.path()), vec!["收据.png".to_owned()]);
    }

    #[tokio::test]
    async fn a_file_of_unannounced_size_is_stopped_at_the_limit() {
        let mut body = Vec::new();
        for _ in 0..4 {
            body.extend_from_slice(b"400\r\n");
            body.extend_from_slice(&[5_u8; 0x400]);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b"0\r\n\r\n");
        let url = raw_server(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            body,
        )
        .await;
        let dir = tempfile::tempdir().expect("dir");
        let err = Downloader::new()
            .expect("client")
            .with_max_bytes(2048)
            .save(&url, &dir.path().join("big.bin"), &no_progress)
            .await
            .expect_err("too large");
        assert!(
            matches!(err, DownloadError::TooLarge { max: 2048 }),
            "{err}"
        );
        assert!(names_in(dir.path()).is_empty());
    }

    #[tokio::test]
    async fn a_file_over_the_limit_is_refused_and_nothing_is_written() {
        let server = server_with(
            "/big",
            ResponseTemplate::new(200).set_body_bytes(vec![1_u8; 2048]),
        )
        .await;
        let dir = tempfile::tempdir().expect("dir");
        let err = Downloader::new()
            .expect("client")
            .with_max_bytes(1024)
            .save(
                &format!("{}/big", server.uri()),
                &dir.path().join("big.bin"),
                &no_progress,
            )
            .await
            .expect_err("too large");
        assert!(
            matches!(err, DownloadError::TooLarge { max: 1024 }),
            "{err}"
        );
        assert!(names_in(dir.path()).is_empty());
    }

    #[tokio::test]
    async fn an_unreachable_server_is_a_retryable_transfer_error() {
        let dir = tempfile::tempdir().expect("dir");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        drop(listener);
        let err = Downloader::new()
            .expect("client")
            .save(
                &format!("http://127.0.0.1:{port}/f"),
                &dir.path().join("f.png"),
                &no_progress,
            )
            .await
            .expect_err("refused");
        assert!(
            matches!(&err, DownloadError::Transfer { host, .. } if host == "127.0.0.1"),
            "{err}"
        );
        assert!(err.is_retryable());
        assert!(names_in(dir.path()).is_empty());
    }

    #[tokio::test]
    async fn links_that_are_not_web_links_and_bad_destinations_are_refused_before_fetching() {
        let dir = tempfile::tempdir().expect("dir");
        let downloader = Downloader::new().expect("client");
        for url in ["file:///etc/passwd", "javascript:alert(1)", "not a url", ""] {
            let err = downloader
                .save(url, &dir.path().join("x"), &no_progress)
                .await
                .expect_err(url);
            assert!(
                matches!(err, DownloadError::NotWebLink { .. }),
                "{url}: {err}"
            );
        }
        for destination in [
            PathBuf::from("relative.png"),
            dir.path().to_path_buf(),
            dir.path().join("missing-folder/x.png"),
        ] {
            let err = downloader
                .save("https://example.com/x.png", &destination, &no_progress)
                .await
                .expect_err("bad destination");
            assert!(
                matches!(err, DownloadError::BadDestination { .. }),
                "{}: {err}",
                destination.display()
            );
        }
    }
}
