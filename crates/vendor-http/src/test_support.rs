//! Helpers for the vendor clients' integration tests against a local `wiremock` stand-in
//! (only with the `test-support` feature, which the vendor crates enable for their tests).
//!
//! Only what is the same for every vendor lives here: answering a route, finding the requests
//! it received, and reading their headers and query. What differs per vendor (envelopes,
//! content types, signatures, fixture comparisons) stays in each crate's own test helpers.
//!
//! These are test helpers: they panic, with a message, when what a test expects is not there.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::{RetryPolicy, SentBytes};

/// Answers `verb route` on `server` with HTTP 200 and the JSON `body`.
pub async fn respond(server: &MockServer, verb: &str, route: &str, body: Value) {
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

/// The requests `server` received on `route`, in the order they came.
pub async fn requests_to(server: &MockServer, route: &str) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("the stand-in records requests")
        .into_iter()
        .filter(|request| request.url.path() == route)
        .collect()
}

/// The single request `server` received on `route` (panics unless there was exactly one).
pub async fn only_request(server: &MockServer, route: &str) -> Request {
    let mut requests = requests_to(server, route).await;
    assert_eq!(requests.len(), 1, "expected one request to {route}");
    requests.remove(0)
}

/// A header's value, if present and text.
pub fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// All query pairs of a request, decoded, in the order sent.
pub fn query_in_order(request: &Request) -> Vec<(String, String)> {
    request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Owned pairs from literals, sorted (to compare with a sorted query).
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// A retry policy for tests: three attempts, 1-5 ms apart.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
    }
}

/// An upload observer that keeps every running total it hears, and those totals.
pub fn sent_bytes_recorder() -> (SentBytes, Arc<Mutex<Vec<u64>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let observer = SentBytes::new(move |total| {
        if let Ok(mut totals) = sink.lock() {
            totals.push(total);
        }
    });
    (observer, seen)
}
