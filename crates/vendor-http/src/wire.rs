//! Typed requests as query pairs and JSON bodies, so no parameter is ever silently dropped.

use serde::Serialize;

/// How a vendor writes booleans in a query string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolEncoding {
    /// `1` and `0` (Sobot).
    Digits,
    /// `true` and `false` (Udesk).
    Words,
}

/// A request that cannot be encoded (a bug in a request type, not bad user input).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot encode the {part}: {message}")]
pub struct EncodeError {
    /// `query` or `body`.
    pub part: &'static str,
    /// Why.
    pub message: String,
}

/// The query pairs of a request struct: `None` fields skipped, numbers as text, lists joined with
/// commas, nested objects as JSON text. Values stay unencoded: the transport URL-encodes them.
pub fn query_pairs<T: Serialize>(
    request: &T,
    bools: BoolEncoding,
) -> Result<Vec<(String, String)>, EncodeError> {
    let error = |message: String| EncodeError {
        part: "query",
        message,
    };
    let value = serde_json::to_value(request).map_err(|e| error(e.to_string()))?;
    let serde_json::Value::Object(map) = value else {
        return Err(error("a query must encode as an object".into()));
    };
    Ok(map
        .into_iter()
        .filter_map(|(key, value)| scalar_text(value, bools).map(|text| (key, text)))
        .collect())
}

fn scalar_text(value: serde_json::Value, bools: BoolEncoding) -> Option<String> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) => Some(text),
        serde_json::Value::Bool(flag) => Some(
            match (bools, flag) {
                (BoolEncoding::Digits, true) => "1",
                (BoolEncoding::Digits, false) => "0",
                (BoolEncoding::Words, true) => "true",
                (BoolEncoding::Words, false) => "false",
            }
            .into(),
        ),
        serde_json::Value::Number(number) => Some(number.to_string()),
        serde_json::Value::Array(items) => Some(
            items
                .into_iter()
                .filter_map(|item| scalar_text(item, bools))
                .collect::<Vec<_>>()
                .join(","),
        ),
        object @ serde_json::Value::Object(_) => Some(object.to_string()),
    }
}

/// A request struct as a JSON body.
pub fn json_body<T: Serialize>(request: &T) -> Result<serde_json::Value, EncodeError> {
    serde_json::to_value(request).map_err(|e| EncodeError {
        part: "body",
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Query {
        flag: bool,
        list: Vec<u32>,
        nothing: Option<String>,
    }

    #[test]
    fn booleans_follow_the_vendors_encoding_and_absent_fields_are_skipped() {
        let query = Query {
            flag: true,
            list: vec![1, 2],
            nothing: None,
        };
        assert_eq!(
            query_pairs(&query, BoolEncoding::Digits).expect("encodes"),
            vec![
                ("flag".to_owned(), "1".to_owned()),
                ("list".to_owned(), "1,2".to_owned())
            ]
        );
        assert_eq!(
            query_pairs(&query, BoolEncoding::Words).expect("encodes")[0],
            ("flag".to_owned(), "true".to_owned())
        );
    }

    #[test]
    fn a_request_that_is_not_an_object_cannot_be_a_query() {
        let error = query_pairs(&vec![1], BoolEncoding::Words).expect_err("not an object");
        assert_eq!(
            error.to_string(),
            "cannot encode the query: a query must encode as an object"
        );
    }
}
