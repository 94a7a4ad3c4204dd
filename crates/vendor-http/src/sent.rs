//! How much of an upload has gone out: request bodies that tell an observer how many bytes the
//! connection has taken so far, so a 20 MB attachment shows real progress rather than a spinner.

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use futures::{Stream, StreamExt};

/// The size of the pieces an in-memory body is handed to the connection in.
const CHUNK_BYTES: usize = 64 * 1024;

/// Told, as an upload's body is sent, how many of its bytes the connection has taken so far
/// (a running total that starts again at zero if the request is sent again).
#[derive(Clone)]
pub struct SentBytes(Arc<dyn Fn(u64) + Send + Sync>);

impl SentBytes {
    /// An observer calling `report` with the running total.
    pub fn new(report: impl Fn(u64) + Send + Sync + 'static) -> Self {
        Self(Arc::new(report))
    }

    /// Wraps a body stream so that every chunk taken adds to the running total reported.
    pub fn observe<S, E>(&self, stream: S) -> impl Stream<Item = Result<Bytes, E>> + use<S, E>
    where
        S: Stream<Item = Result<Bytes, E>>,
    {
        let report = Arc::clone(&self.0);
        let mut total: u64 = 0;
        stream.map(move |chunk| {
            if let Ok(bytes) = &chunk {
                total += bytes.len() as u64;
                report(total);
            }
            chunk
        })
    }

    /// A body sending `data` in 64 KB pieces, reporting each. Its length is not known to the
    /// body itself, so the caller sets `Content-Length` (see [`with_length`]).
    pub fn bytes_body(&self, data: Bytes) -> reqwest::Body {
        let chunks = (0..data.len())
            .step_by(CHUNK_BYTES)
            .map(move |start| {
                let end = (start + CHUNK_BYTES).min(data.len());
                Ok::<_, std::io::Error>(data.slice(start..end))
            })
            .collect::<Vec<_>>();
        reqwest::Body::wrap_stream(self.observe(futures::stream::iter(chunks)))
    }
}

/// Sends `data` as the request's body with its `Content-Length`, reporting progress to
/// `observer` when there is one (a streamed body would otherwise go out chunked, which servers
/// behind older proxies refuse).
pub fn with_length(
    builder: reqwest::RequestBuilder,
    data: &Bytes,
    observer: Option<&SentBytes>,
) -> reqwest::RequestBuilder {
    match observer {
        None => builder.body(data.clone()),
        Some(observer) => builder
            .header(reqwest::header::CONTENT_LENGTH, data.len())
            .body(observer.bytes_body(data.clone())),
    }
}

impl fmt::Debug for SentBytes {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("SentBytes(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sent_bytes_recorder as recorder;

    #[tokio::test]
    async fn an_observed_stream_reports_a_running_total_and_passes_chunks_through() {
        let (observer, seen) = recorder();
        let chunks = vec![
            Ok::<_, std::io::Error>(Bytes::from_static(b"abc")),
            Ok(Bytes::from_static(b"de")),
        ];
        let passed: Vec<_> = observer
            .observe(futures::stream::iter(chunks))
            .collect()
            .await;
        assert_eq!(passed.len(), 2);
        assert_eq!(*seen.lock().expect("lock"), vec![3, 5]);
    }

    #[tokio::test]
    async fn a_body_is_sent_whole_with_its_length_and_reported_in_pieces() {
        use wiremock::matchers::{body_bytes, header, method};
        use wiremock::{Mock, MockServer, ResponseTemplate};

        let server = MockServer::start().await;
        let data = Bytes::from((0..150_000u32).map(|i| (i % 251) as u8).collect::<Vec<_>>());
        Mock::given(method("POST"))
            .and(header("content-length", "150000"))
            .and(body_bytes(data.to_vec()))
            .respond_with(ResponseTemplate::new(200))
            .expect(1)
            .mount(&server)
            .await;
        let (observer, seen) = recorder();
        let request = reqwest::Client::new().post(server.uri());
        let status = with_length(request, &data, Some(&observer))
            .send()
            .await
            .expect("sent")
            .status();
        assert_eq!(status, 200);
        assert_eq!(*seen.lock().expect("lock"), vec![65_536, 131_072, 150_000]);
    }
}
