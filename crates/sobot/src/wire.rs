//! Turning typed requests into query pairs and JSON bodies.

use serde::Serialize;

use crate::error::{Error, Result};

/// The query pairs of a request struct: `None` fields skipped, lists joined with commas
/// (the CRM doc's examples pass list parameters comma-separated, 002:1132), nested objects as
/// JSON text.
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
        serde_json::Value::Bool(flag) => Some(if flag { "1" } else { "0" }.into()),
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
