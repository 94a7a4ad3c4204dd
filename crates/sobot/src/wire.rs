//! Turning typed requests into query pairs and JSON bodies.

use serde::Serialize;
use vendor_http::wire::{self, BoolEncoding};

use crate::error::{Error, Result};

/// The query pairs of a request struct (see [`vendor_http::wire::query_pairs`]), booleans as
/// `1`/`0`; lists are joined with commas (the CRM doc's examples pass list parameters
/// comma-separated, 002:1132).
pub fn query_pairs<T: Serialize>(request: &T) -> Result<Vec<(String, String)>> {
    wire::query_pairs(request, BoolEncoding::Digits)
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
        page_no: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<String>,
        nothing: Option<String>,
        labels: Vec<String>,
        name: String,
    }

    #[test]
    fn queries_skip_absent_fields_and_join_lists() {
        let pairs = query_pairs(&Query {
            page_no: 2,
            skipped: None,
            nothing: None,
            labels: vec!["a".into(), "b".into()],
            name: "张 三".into(),
        })
        .expect("encodes");
        assert_eq!(
            pairs,
            vec![
                ("labels".to_owned(), "a,b".to_owned()),
                ("name".to_owned(), "张 三".to_owned()),
                ("page_no".to_owned(), "2".to_owned()),
            ]
        );
    }
}
