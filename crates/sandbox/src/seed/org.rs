//! Agents, skill groups and departments.

use rand::Rng;

use super::names;
use crate::config::Size;
use crate::state::{Agent, Department, Group, Org, hex_id};

const GROUPS: &[&str] = &[
    "售前咨询 Pre-sales",
    "售后服务 After-sales",
    "VIP专线 VIP line",
    "International Support",
];

const DEPARTMENTS: &[&str] = &[
    "客服中心 Service Center",
    "华东团队 East China",
    "Global Team",
];

/// The organisation for `size`: 2 groups and 4 agents (small) or 4 groups and 16 agents (demo
/// and large).
pub fn generate<R: Rng>(rng: &mut R, size: Size) -> Org {
    let (group_count, agent_count) = match size {
        Size::Small => (2, 4),
        Size::Demo | Size::Large => (4, 16),
    };
    let root_id = hex_id(rng);
    let mut departments = vec![Department {
        id: root_id.clone(),
        name: DEPARTMENTS[0].into(),
        path: root_id.clone(),
    }];
    for name in &DEPARTMENTS[1..] {
        let id = hex_id(rng);
        departments.push(Department {
            path: format!("{root_id}|{id}"),
            id,
            name: (*name).into(),
        });
    }
    let groups: Vec<Group> = GROUPS[..group_count]
        .iter()
        .map(|name| Group {
            id: hex_id(rng),
            name: (*name).into(),
        })
        .collect();
    let agents = (0..agent_count)
        .map(|index| {
            let person = names::person(rng, 0.6);
            let group = &groups[index % groups.len()];
            let local = person.email.split('@').next().unwrap_or("agent").to_owned();
            Agent {
                id: hex_id(rng),
                name: person.name,
                email: format!("{local}@switchboard-demo.com"),
                group_id: group.id.clone(),
                department: if index == 0 { 0 } else { 1 + index % 2 },
                admin: index == 0,
            }
        })
        .collect();
    Org {
        groups,
        departments,
        agents,
    }
}
