//! Agent settings and the call-agent list (004:30-354).
//!
//! Binding an extension bound to another agent is refused (400); the agent's previous
//! extension is released. Unbind
//! without `numberType` releases both (no default is documented).

use axum::extract::RawQuery;
use axum::http::HeaderMap;
use bytes::Bytes;
use serde_json::Value;
use sobot::callcenter::{AgentSetting, AgentSettingUpdate, CallAgent, WrapUpType};

use super::auth::Authorized;
use super::reply::{self, Answer};
use super::{body, by_id, decode, int, offset, required, text};
use crate::clock::{format_datetime, now_ms};
use crate::state::callcenter::{CallCenterState, CcAgent};

/// The settings answer of an agent.
pub(crate) fn setting(agent: &CcAgent) -> AgentSetting {
    AgentSetting {
        agent_uuid: Some(agent.uuid.clone()),
        agent_id: Some(agent.work_no.clone()),
        agent_name: Some(agent.name.clone()),
        phone: agent.phone.clone(),
        ext: agent.ext.clone(),
        wrap_up_type: Some(WrapUpType::from_code(&agent.wrap_up_type.to_string())),
        wrap_up_time: Some(agent.wrap_up_time),
    }
}

/// The agent named by `agent` + `agentType` in `value`.
fn find<'a>(
    state: &'a CallCenterState,
    value: &Value,
) -> Result<&'a CcAgent, axum::response::Response> {
    let agent = required(value, "agent")?;
    if text(value, "agentType").is_none() {
        return Err(reply::missing("agentType"));
    }
    let by_id = by_id(value, "agentType")?;
    state
        .agent(&agent, by_id)
        .ok_or_else(|| reply::not_found("agent", &agent))
}

/// `GET .../cc-config/api/agents?agentType=&agent=`.
pub(crate) async fn get(auth: Authorized, RawQuery(query): RawQuery) -> Answer {
    let params: serde_json::Map<String, Value> =
        url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
            .collect();
    let world = auth.app.read();
    let agent = find(&world.callcenter, &Value::Object(params))?;
    reply::ok("Agent", setting(agent))
}

/// `POST .../cc-config/api/agents`: binds an extension and/or phone, sets wrap-up.
pub(crate) async fn update(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    if text(&value, "wrapUpTime").is_none() {
        return Err(reply::missing("wrapUpTime"));
    }
    let wrap_up_time = int(&value, "wrapUpTime")?.unwrap_or_default();
    if wrap_up_time < 0 {
        return Err(reply::invalid("wrapUpTime", "must not be negative"));
    }
    let wrap_up_type = int(&value, "wrapUpType")?;
    if wrap_up_type.is_some_and(|t| !matches!(t, 1 | 2)) {
        return Err(reply::invalid("wrapUpType", "must be 1 or 2"));
    }
    let _: AgentSettingUpdate = decode(value.clone())?;
    let mut world = auth.app.write();
    let state = &mut world.callcenter;
    let uuid = find(state, &value)?.uuid.clone();
    let ext = text(&value, "ext");
    if let Some(ext) = &ext {
        let Some(found) = state.extensions.iter().find(|e| &e.ext == ext) else {
            return Err(reply::not_found("ext", ext));
        };
        if found
            .bound
            .as_ref()
            .is_some_and(|(owner, _)| owner != &uuid)
        {
            return Err(reply::invalid("ext", "is bound to another agent"));
        }
    }
    let now = now_ms();
    if let Some(ext) = &ext {
        for extension in &mut state.extensions {
            if extension
                .bound
                .as_ref()
                .is_some_and(|(owner, _)| owner == &uuid)
            {
                extension.bound = None;
            }
            if &extension.ext == ext {
                extension.bound = Some((uuid.clone(), now));
            }
        }
    }
    let phone = text(&value, "phone");
    let Some(agent) = state.agent_mut(&uuid) else {
        return Err(reply::not_found("agent", &uuid));
    };
    if ext.is_some() {
        agent.ext = ext;
    }
    if phone.is_some() {
        agent.phone = phone;
    }
    agent.wrap_up_time = wrap_up_time;
    if let Some(kind) = wrap_up_type {
        agent.wrap_up_type = kind;
    }
    agent.updated_ms = now;
    reply::ok("Agent", setting(agent))
}

/// `POST .../cc-config/api/agents/unbind`: `numberType` 0 extension, 1 phone, 2 both.
pub(crate) async fn unbind(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let target = int(&value, "numberType")?.unwrap_or(2);
    if !matches!(target, 0..=2) {
        return Err(reply::invalid("numberType", "must be 0, 1 or 2"));
    }
    let mut world = auth.app.write();
    let state = &mut world.callcenter;
    let uuid = find(state, &value)?.uuid.clone();
    if target != 1 {
        for extension in &mut state.extensions {
            if extension
                .bound
                .as_ref()
                .is_some_and(|(owner, _)| owner == &uuid)
            {
                extension.bound = None;
            }
        }
    }
    let Some(agent) = state.agent_mut(&uuid) else {
        return Err(reply::not_found("agent", &uuid));
    };
    if target != 1 {
        agent.ext = None;
    }
    if target != 0 {
        agent.phone = None;
    }
    agent.updated_ms = now_ms();
    reply::ok("Agent", setting(agent))
}

/// `POST .../cc-config/api/agents/call/_search`: agents with call permission; names, work
/// numbers and extensions match as substrings, the skill group exactly.
pub(crate) async fn call_agents(auth: Authorized, headers: HeaderMap, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let status = int(&value, "agentStatus")?;
    let name = text(&value, "agentName");
    let work_no = text(&value, "agentID");
    let queue = text(&value, "queue");
    let ext = text(&value, "ext");
    let zone = offset(&headers);
    let world = auth.app.read();
    let state = &world.callcenter;
    let members = match &queue {
        Some(queue) => Some(
            state
                .queue(queue)
                .ok_or_else(|| reply::not_found("queue", queue))?
                .members
                .iter()
                .map(|m| m.agent_uuid.clone())
                .collect::<Vec<_>>(),
        ),
        None => None,
    };
    let rows: Vec<CallAgent> = state
        .agents
        .iter()
        .filter(|a| a.call_permission)
        .filter(|a| name.as_ref().is_none_or(|n| a.name.contains(n.as_str())))
        .filter(|a| {
            work_no
                .as_ref()
                .is_none_or(|n| a.work_no.contains(n.as_str()))
        })
        .filter(|a| {
            ext.as_ref()
                .is_none_or(|e| a.ext.as_deref().is_some_and(|x| x.contains(e.as_str())))
        })
        .filter(|a| status.is_none_or(|s| a.login_status == s))
        .filter(|a| members.as_ref().is_none_or(|m| m.contains(&a.uuid)))
        .map(|a| CallAgent {
            agent_uuid: Some(a.uuid.clone()),
            agent_id: Some(a.work_no.clone()),
            agent_name: Some(a.name.clone()),
            ext: a.ext.clone(),
            agent_phone: a.phone.clone(),
            login_status: Some(a.login_status),
            not_ready_reason_code: Some(a.not_ready_reason),
            create_time: Some(format_datetime(a.created_ms, zone)),
            update_time: Some(format_datetime(a.updated_ms, zone)),
            create_time_ms: Some(a.created_ms),
            update_time_ms: Some(a.updated_ms),
        })
        .collect();
    reply::ok("Agent", rows)
}
