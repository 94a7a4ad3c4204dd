//! Turning typed requests into query pairs and JSON bodies.

use serde::Serialize;

use crate::error::{Error, Result};

/// The query pairs of a request struct: `None` fields skipped, numbers as text, lists joined
/// with commas, nested objects as JSON text. The transport URL-encodes every value (`#` as
/// `%23`, `@` as `%40`).
pub fn query_pairs<T: Serialize>(request: &T) -> Result<Vec<(String, String)>> {
    let value = serde_json::to_value(request)
        .map_err(|error| Error::InvalidRequest(format!("cannot encode the query: {error}")))?;
    let serde_json::Value::Object(map) = value else {
        return Err(Error::InvalidRequest(
            "a query must encode as an object".into(),
        ));
    };
    Ok(map
        .into_iter()
        .filter_map(|(key, value)| scalar_text(value).map(|text| (key, text)))
        .collect())
}

fn scalar_text(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) => Some(text),
        serde_json::Value::Bool(flag) => Some(flag.to_string()),
        serde_json::Value::Number(number) => Some(number.to_string()),
        serde_json::Value::Array(items) => Some(
            items
                .into_iter()
                .filter_map(scalar_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        object @ serde_json::Value::Object(_) => Some(object.to_string()),
    }
}

/// A request struct as a JSON body.
pub fn json_body<T: Serialize>(request: &T) -> Result<serde_json::Value> {
    serde_json::to_value(request)
        .map_err(|error| Error::InvalidRequest(format!("cannot encode the body: {error}")))
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
