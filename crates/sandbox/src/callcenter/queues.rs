//! Skill groups and their members (004:358-906).
//!
//! Create refuses a `queueID` already in use (400); delete of an unknown group is 404. The bulk
//! member update reads `agent` values as ids or work numbers per `agentType` and, without
//! `agentType`, as either (the example omits it yet sends ids, §13 item 16); `queueName` and
//! `queueWeight` in it rename and re-weight the group.

use bytes::Bytes;
use serde_json::{Value, json};
use sobot::callcenter::{
    AgentType, MemberChange, NewQueue, Queue, QueueDelete, QueueMember, QueueMembers,
    QueueMembersUpdate, QueueMembersUpdated,
};

use super::auth::Authorized;
use super::reply::{self, Answer};
use super::{body, by_id, decode, page, paging, required, text};
use crate::state::callcenter::{CallCenterState, CcMember, CcQueue};

/// `POST .../api/queues/_search` (shape A; `pageSize` default 10).
pub(crate) async fn search(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let (curr, size) = paging(&value, 10, None)?;
    let world = auth.app.read();
    let rows: Vec<Queue> = world
        .callcenter
        .queues
        .iter()
        .map(|q| Queue {
            queue_id: Some(q.id.clone()),
            queue_name: Some(q.name.clone()),
            queue_weight: None,
        })
        .collect();
    reply::ok("QueueInfo", page(rows, curr, size, false))
}

/// `POST .../api/queue`.
pub(crate) async fn create(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let name = required(&value, "queueName")?;
    let id = required(&value, "queueID")?;
    if let Some(weight) = text(&value, "queueWeight")
        && weight.parse::<u32>().is_err()
    {
        return Err(reply::invalid("queueWeight", "must be a number"));
    }
    let request: NewQueue = decode(value)?;
    let mut world = auth.app.write();
    let state = &mut world.callcenter;
    if state.queue(&id).is_some() {
        return Err(reply::invalid("queueID", "already exists"));
    }
    let weight = request.queue_weight.clone().unwrap_or_else(|| "1".into());
    state.queues.push(CcQueue {
        id: id.clone(),
        name: name.clone(),
        weight: weight.clone(),
        members: Vec::new(),
    });
    reply::ok_with_ret_code(
        "ApiQueue",
        Queue {
            queue_id: Some(id),
            queue_name: Some(name),
            queue_weight: Some(weight),
        },
    )
}

/// `DELETE .../api/queue` with `{"queueID"}`.
pub(crate) async fn delete(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let id = required(&value, "queueID")?;
    let _: QueueDelete = decode(value)?;
    let mut world = auth.app.write();
    let queues = &mut world.callcenter.queues;
    let before = queues.len();
    queues.retain(|q| q.id != id);
    if queues.len() == before {
        return Err(reply::not_found("queueID", &id));
    }
    reply::ok_with_ret_code("QueueInfo", json!({}))
}

fn members_of(state: &CallCenterState, queue: &CcQueue, by_id: bool) -> QueueMembers {
    let agents: Vec<QueueMember> = queue
        .members
        .iter()
        .filter_map(|m| {
            let agent = state.agent(&m.agent_uuid, true)?;
            Some(QueueMember {
                agent: Some(if by_id {
                    agent.uuid.clone()
                } else {
                    agent.work_no.clone()
                }),
                agent_name: Some(agent.name.clone()),
                level: Some(m.level.to_string()),
                checkin: Some(m.checkin),
            })
        })
        .collect();
    QueueMembers {
        queue_name: Some(queue.name.clone()),
        queue_id: Some(queue.id.clone()),
        queue_weight: Some(queue.weight.clone()),
        agent_count: Some(i64::try_from(agents.len()).unwrap_or_default()),
        agents,
    }
}

/// `POST .../api/queue/agents/search`: one group (or all) with its members.
pub(crate) async fn members(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let by_id = by_id(&value, "agentType")?;
    let world = auth.app.read();
    let state = &world.callcenter;
    let groups: Vec<QueueMembers> = match text(&value, "queueID") {
        Some(id) => {
            let queue = state
                .queue(&id)
                .ok_or_else(|| reply::not_found("queueID", &id))?;
            vec![members_of(state, queue, by_id)]
        }
        None => state
            .queues
            .iter()
            .map(|q| members_of(state, q, by_id))
            .collect(),
    };
    reply::ok("List", groups)
}

fn resolve(
    state: &CallCenterState,
    change: &MemberChange,
    kind: Option<bool>,
) -> Result<String, axum::response::Response> {
    let found = match kind {
        Some(by_id) => state.agent(&change.agent, by_id),
        None => state.agent_any(&change.agent),
    };
    found
        .map(|a| a.uuid.clone())
        .ok_or_else(|| reply::not_found("agent", &change.agent))
}

/// `POST .../api/queue/agents`: adds (or updates), and removes members of several groups.
pub(crate) async fn update_members(auth: Authorized, bytes: Bytes) -> Answer {
    let value = body(&bytes)?;
    let kind = match text(&value, "agentType") {
        None => None,
        Some(_) => Some(by_id(&value, "agentType")?),
    };
    if value
        .get("list")
        .is_some_and(|l| !l.is_array() && !l.is_null())
    {
        return Err(reply::invalid("list", "must be an array"));
    }
    for entry in value
        .get("list")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        required(entry, "queueID")?;
    }
    let request: QueueMembersUpdate = decode(value)?;
    let mut world = auth.app.write();
    let state = &mut world.callcenter;
    // Check everything first, so a failing request changes nothing.
    let mut plan = Vec::new();
    for entry in &request.list {
        let Some(index) = state
            .queues
            .iter()
            .position(|q| q.id == entry.queue_id.trim())
        else {
            return Err(reply::not_found("queueID", &entry.queue_id));
        };
        let add = entry
            .add
            .iter()
            .map(|c| resolve(state, c, kind).map(|uuid| (uuid, c.level, c.checkin)))
            .collect::<Result<Vec<_>, _>>()?;
        let remove = entry
            .remove
            .iter()
            .map(|c| resolve(state, c, kind))
            .collect::<Result<Vec<_>, _>>()?;
        plan.push((index, entry.clone(), add, remove));
    }
    for (index, entry, add, remove) in plan {
        let queue = &mut state.queues[index];
        if let Some(name) = entry.queue_name.filter(|n| !n.trim().is_empty()) {
            queue.name = name;
        }
        if let Some(weight) = entry.queue_weight.filter(|w| !w.trim().is_empty()) {
            queue.weight = weight;
        }
        for (uuid, level, checkin) in add {
            match queue.members.iter_mut().find(|m| m.agent_uuid == uuid) {
                Some(member) => {
                    member.level = level.unwrap_or(member.level);
                    member.checkin = checkin.unwrap_or(member.checkin);
                }
                None => queue.members.push(CcMember {
                    agent_uuid: uuid,
                    level: level.unwrap_or(1),
                    checkin: checkin.unwrap_or(true),
                }),
            }
        }
        queue.members.retain(|m| !remove.contains(&m.agent_uuid));
    }
    let answer = QueueMembersUpdated {
        agent: None,
        agent_type: Some(request.agent_type.unwrap_or(AgentType::Id)),
        operator: None,
        list: request.list,
    };
    reply::ok("ApiQueueAgent", answer)
}
