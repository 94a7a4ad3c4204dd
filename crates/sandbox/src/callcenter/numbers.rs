//! Extensions, forbidden numbers and relay numbers (004:910-1311).
//!
//! * A new extension is created unbound (whether `_add` binds it to `agentID` is undocumented;
//!   bind it with the agent-setting update). A number already in use → 400.
//! * Forbidden numbers are upserted by number and direction; failing rows are reported inside
//!   the success answer as `NO[row],[field],Content[value],[Reference:allowed]` (004:1176).
//! * Relay numbers without an `enabled` filter: only enabled ones (004:1222).

use bytes::Bytes;
use serde_json::{Value, json};
use sobot::callcenter::{NewExtension, RelayNumber, RelayNumberState, RelayNumberStatus};

use super::auth::Authorized;
use super::reply::{self, Answer};
use super::{body, by_id, decode, int, page, paging, required, text};
use crate::clock::{UTC8, parse_date};
use crate::state::callcenter::{CcExtension, ForbiddenEntry};

/// `POST .../api/exts/_search` (shape A; `pageSize` default 10).
pub(crate) async fn extensions(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let (curr, size) = paging(&value, 10, None)?;
    let bind = int(&value, "bindStatus")?;
    if bind.is_some_and(|b| !matches!(b, 0 | 1)) {
        return Err(reply::invalid("bindStatus", "must be 0 or 1"));
    }
    let world = auth.app.read();
    let state = &world.callcenter;
    let rows: Vec<Value> = state
        .extensions
        .iter()
        .filter(|e| bind.is_none_or(|b| (b == 1) == e.bound.is_some()))
        .map(|e| {
            let agent = e
                .bound
                .as_ref()
                .and_then(|(uuid, _)| state.agent(uuid, true));
            json!({
                "ext": e.ext,
                "password": e.password,
                "bindStatus": i64::from(e.bound.is_some()),
                "bindTime": e.bound.as_ref().map(|(_, at)| at),
                "agentUUID": agent.map(|a| a.uuid.clone()),
                "agentName": agent.map(|a| a.name.clone()),
            })
        })
        .collect();
    reply::ok("Ext", page(rows, curr, size, false))
}

/// `POST .../api/exts/_add`.
pub(crate) async fn create_extension(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let agent = required(&value, "agentID")?;
    required(&value, "ext")?;
    required(&value, "password")?;
    let by_id = by_id(&value, "agentType")?;
    let request: NewExtension = decode(value)?;
    request.validate().map_err(|error| {
        reply::fail_code(400, &error.to_string().replace("invalid request: ", ""))
    })?;
    let mut world = auth.app.write();
    let state = &mut world.callcenter;
    if state.agent(&agent, by_id).is_none() {
        return Err(reply::not_found("agentID", &agent));
    }
    if state.extensions.iter().any(|e| e.ext == request.ext) {
        return Err(reply::invalid("ext", "already exists"));
    }
    let password = request.password.expose().to_owned();
    state.extensions.push(CcExtension {
        ext: request.ext.clone(),
        password: password.clone(),
        bound: None,
    });
    reply::ok(
        "Ext",
        json!({"ext": request.ext, "password": password, "langCodeTxt": "Opus"}),
    )
}

fn failure(row: usize, field: &str, value: &str, reference: &str) -> String {
    format!("NO[{row}],[{field}],Content[{value}],[Reference:{reference}]")
}

fn check_row(row: usize, entry: &Value) -> Result<ForbiddenEntry, String> {
    let number = text(entry, "callNumber")
        .ok_or_else(|| failure(row, "callNumber", "", "a phone number"))?;
    let shown = |key: &str| text(entry, key).unwrap_or_default();
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
    {
        return Err(failure(row, "callNumber", &number, "a phone number"));
    }
    if shown("numberType") != "1" {
        return Err(failure(row, "numberType", &shown("numberType"), "1-number"));
    }
    let call_type = match shown("callType").as_str() {
        "2" => 2,
        "3" => 3,
        other => return Err(failure(row, "callType", other, "2-Inbound,3-Outbound")),
    };
    let enabled = match shown("enabled").as_str() {
        "0" => false,
        "1" => true,
        other => return Err(failure(row, "enabled", other, "0-disabled,1-enabled")),
    };
    let expiration = text(entry, "expirationTime");
    if let Some(date) = &expiration
        && parse_date(date, UTC8).is_none()
    {
        return Err(failure(row, "expirationTime", date, "yyyy-MM-dd"));
    }
    Ok(ForbiddenEntry {
        number,
        call_type,
        enabled,
        expiration,
        zone_id: text(entry, "zoneId"),
        description: text(entry, "description"),
    })
}

/// `PUT .../cc-config/blacklist/batch` with a top-level array.
pub(crate) async fn forbidden_import(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let Some(rows) = value.as_array() else {
        return Err(reply::invalid(
            "body",
            "must be an array of forbidden numbers",
        ));
    };
    let mut details = Vec::new();
    let mut success = 0;
    let mut world = auth.app.write();
    let forbidden = &mut world.callcenter.forbidden;
    for (index, entry) in rows.iter().enumerate() {
        match check_row(index + 1, entry) {
            Ok(entry) => {
                success += 1;
                match forbidden
                    .iter_mut()
                    .find(|f| f.number == entry.number && f.call_type == entry.call_type)
                {
                    Some(existing) => *existing = entry,
                    None => forbidden.push(entry),
                }
            }
            Err(detail) => details.push(detail),
        }
    }
    reply::ok(
        "BatchDetail",
        json!({"successCount": success, "failedCount": details.len(), "details": details}),
    )
}

/// `POST .../api/gatewayNumber/search`.
pub(crate) async fn relay_numbers(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let states: Vec<i64> = match value.get("enabled") {
        None | Some(Value::Null) => vec![1],
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_i64()
                    .or_else(|| item.as_str().and_then(|s| s.trim().parse().ok()))
                    .filter(|s| matches!(s, 0..=2))
                    .ok_or_else(|| reply::invalid("enabled", "values are 0, 1 or 2"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(reply::invalid("enabled", "must be a list")),
    };
    let world = auth.app.read();
    let rows: Vec<RelayNumber> = world
        .callcenter
        .relay_numbers
        .iter()
        .filter(|n| states.contains(&n.state))
        .map(|n| RelayNumber {
            gateway_number: Some(n.number.clone()),
            alias: Some(n.alias.clone()),
            remark: Some(n.remark.clone()),
            enabled: Some(RelayNumberStatus {
                enabled_code: Some(RelayNumberState::from_code(&n.state.to_string())),
                enabled_name: Some(
                    match n.state {
                        0 => "Disabled",
                        2 => "Cancelled",
                        _ => "Enabling",
                    }
                    .into(),
                ),
            }),
        })
        .collect();
    reply::ok("List", rows)
}
