//! Reading request parameters without ever panicking: query strings, JSON bodies, time windows
//! and pages, each failure answered with its documented code.

use std::collections::HashMap;

use axum::response::Response;
use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::auth::Ctx;
use crate::clock::{parse_datetime, plus_one_month};

/// Query-string parameters (the first value of each name wins).
#[derive(Debug, Clone, Default)]
pub(crate) struct Params {
    map: HashMap<String, String>,
}

impl Params {
    /// Parses a raw query string (`None` is empty).
    pub fn parse(query: Option<&str>) -> Self {
        let mut map = HashMap::new();
        if let Some(query) = query {
            for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
                map.entry(key.into_owned())
                    .or_insert_with(|| value.into_owned());
            }
        }
        Self { map }
    }

    /// A parameter, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map
            .get(name)
            .map(|value| value.trim())
            .filter(|value| !value.is_empty())
    }

    /// A parameter as an owned string.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_owned)
    }

    /// A required parameter, or `code`.
    pub fn require(&self, ctx: &Ctx, name: &str, code: &str) -> Result<String, Response> {
        self.text(name).ok_or_else(|| {
            if code == "400004" {
                ctx.invalid(name)
            } else {
                ctx.fail(code)
            }
        })
    }

    /// An optional integer parameter; a non-integer gives `400004`.
    pub fn int(&self, ctx: &Ctx, name: &str) -> Result<Option<i64>, Response> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => text.parse().map(Some).map_err(|_| ctx.invalid(name)),
        }
    }
}

/// A JSON body's top-level value; an empty or malformed body gives `400004`.
pub(crate) fn json_value(ctx: &Ctx, body: &Bytes) -> Result<Value, Response> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ctx.invalid("request body"));
    }
    serde_json::from_slice(body).map_err(|_| ctx.invalid("request body is not valid JSON"))
}

/// A JSON body that must be an object.
pub(crate) fn json_object(ctx: &Ctx, body: &Bytes) -> Result<Map<String, Value>, Response> {
    match json_value(ctx, body)? {
        Value::Object(map) => Ok(map),
        _ => Err(ctx.invalid("request body must be a JSON object")),
    }
}

/// Decodes a JSON value into a client type, or `400004` naming the type's complaint.
pub(crate) fn decode<T: DeserializeOwned>(ctx: &Ctx, value: Value) -> Result<T, Response> {
    serde_json::from_value(value).map_err(|error| ctx.invalid(&error.to_string()))
}

/// A field of a JSON object as text: strings trimmed, numbers and booleans written out; `None`
/// when absent, null or blank.
pub(crate) fn text(map: &Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(if *flag { "1" } else { "0" }.into()),
        _ => None,
    }
}

/// A required field, or `code` (`400004` names the field).
pub(crate) fn require(
    ctx: &Ctx,
    map: &Map<String, Value>,
    key: &str,
    code: &str,
) -> Result<String, Response> {
    text(map, key).ok_or_else(|| {
        if code == "400004" {
            ctx.invalid(key)
        } else {
            ctx.fail(code)
        }
    })
}

/// A field as an integer (string or number); `400004` if present but not an integer.
pub(crate) fn int(ctx: &Ctx, map: &Map<String, Value>, key: &str) -> Result<Option<i64>, Response> {
    match text(map, key) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| ctx.invalid(key)),
    }
}

/// The codes a time window answers with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WindowCodes {
    /// Start or end missing.
    pub blank: &'static str,
    /// End before start.
    pub reversed: &'static str,
    /// Longer than a month (`None`: no limit documented).
    pub too_long: Option<&'static str>,
}

/// Creation-time lists (`400001`, `400002`, `400003`).
pub(crate) const CREATED: WindowCodes = WindowCodes {
    blank: "400001",
    reversed: "400002",
    too_long: Some("400003"),
};

/// Update-time lists (`400017`, `400018`, `400019`).
pub(crate) const UPDATED: WindowCodes = WindowCodes {
    blank: "400017",
    reversed: "400018",
    too_long: Some("400019"),
};

/// Counts, workload and failed pushes (`400015`, `400057`; no documented maximum).
pub(crate) const PERIOD: WindowCodes = WindowCodes {
    blank: "400015",
    reversed: "400057",
    too_long: None,
};

fn instant(ctx: &Ctx, params: &Params, name: &str) -> Result<Option<i64>, Response> {
    if let Some(ms) = params.get(&format!("{name}_ms")) {
        return ms.parse::<i64>().map(Some).map_err(|_| ctx.fail("400005"));
    }
    match params.get(name) {
        None => Ok(None),
        Some(text) => parse_datetime(text, ctx.offset)
            .map(Some)
            .ok_or_else(|| ctx.fail("400005")),
    }
}

/// The window `[{prefix}start_datetime, {prefix}end_datetime]` in either dialect: epoch ms in
/// `*_ms` (EN doc) or `yyyy-MM-dd HH:mm:ss` at the request's offset (ZH doc). Both ends are
/// inclusive; a window may span at most one calendar month where `codes.too_long` is set.
pub(crate) fn window(
    ctx: &Ctx,
    params: &Params,
    prefix: &str,
    codes: WindowCodes,
) -> Result<(i64, i64), Response> {
    let start = instant(ctx, params, &format!("{prefix}start_datetime"))?;
    let end = instant(ctx, params, &format!("{prefix}end_datetime"))?;
    let (Some(start), Some(end)) = (start, end) else {
        return Err(ctx.fail(codes.blank));
    };
    if end < start {
        return Err(ctx.fail(codes.reversed));
    }
    if let Some(code) = codes.too_long
        && end > plus_one_month(start, ctx.offset)
    {
        return Err(ctx.fail(code));
    }
    Ok((start, end))
}

/// `page_no` and `page_size` (defaults 1 and `default_size`); `400004` when not positive
/// integers or above `max` (the ticket lists' documented maximum is 50; no code is documented
/// for exceeding it).
pub(crate) fn page(
    ctx: &Ctx,
    params: &Params,
    default_size: usize,
    max: Option<usize>,
) -> Result<(usize, usize), Response> {
    let page_no = params.int(ctx, "page_no")?.unwrap_or(1);
    let page_size = params
        .int(ctx, "page_size")?
        .unwrap_or(i64::try_from(default_size).unwrap_or(15));
    let page_no = usize::try_from(page_no)
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| ctx.invalid("page_no must be 1 or more"))?;
    let page_size = usize::try_from(page_size)
        .ok()
        .filter(|n| *n >= 1 && max.is_none_or(|max| *n <= max))
        .ok_or_else(|| match max {
            Some(max) => ctx.invalid(&format!("page_size must be 1-{max}")),
            None => ctx.invalid("page_size must be 1 or more"),
        })?;
    Ok((page_no, page_size))
}
