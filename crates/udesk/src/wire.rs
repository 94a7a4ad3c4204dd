//! Turning typed requests into query pairs and JSON bodies.

use serde::Serialize;
use vendor_http::wire::{self, BoolEncoding};

use crate::error::{Error, Result};

/// The query pairs of a request struct (see [`vendor_http::wire::query_pairs`]), booleans as
/// `true`/`false`. The transport URL-encodes every value (`#` as `%23`, `@` as `%40`).
pub fn query_pairs<T: Serialize>(request: &T) -> Result<Vec<(String, String)>> {
    wire::query_pairs(request, BoolEncoding::Words)
        .map_err(|error| Error::InvalidRequest(error.to_string()))
}

/// A request struct as a JSON body.
pub fn json_body<T: Serialize>(request: &T) -> Result<serde_json::Value> {
    wire::json_body(request).map_err(|error| Error::InvalidRequest(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Query {
        page: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<String>,
        nothing: Option<String>,
        num: String,
    }

    #[test]
    fn queries_skip_absent_fields_and_keep_values_unencoded_for_the_transport() {
        let pairs = query_pairs(&Query {
            page: 2,
            skipped: None,
            nothing: None,
            num: "#848".into(),
        })
        .expect("encodes");
        assert_eq!(
            pairs,
            vec![
                ("num".to_owned(), "#848".to_owned()),
                ("page".to_owned(), "2".to_owned()),
            ]
        );
    }
}
