//! Deterministic seed data: the same seed, size and anchor always give the same world.
//!
//! * `small`: 4 agents in 2 groups, 40 customers, 60 tickets over the 60 days before the anchor.
//! * `demo`: 16 agents in 4 groups, 2,000 customers, 5,000 tickets over the 182 days before the
//!   anchor, across every built-in and custom status, all priorities, customer- and agent-side
//!   sources, with replies, history, ratings, custom fields, tags, stages, follow-up records and
//!   blacklist entries. Generating it takes well under a second.
//!
//! The call center ([`callcenter`]) and Udesk ([`udesk`]) tenants are generated from the same
//! seed by generators of their own, so adding them left the Sobot data unchanged:
//!
//! * `small`: 6 call-center agents in 2 skill groups, 2 outbound tasks of up to 10 rows; 4
//!   Udesk agents, 20 customers, 40 tickets over 60 days.
//! * `demo`: 30 call-center agents in 5 skill groups with extensions, 6 relay numbers, 40
//!   forbidden numbers, 8 outbound tasks of up to 120 rows, 6 IVR flows; 12 Udesk agents in 3
//!   groups, 300 customers, 1,000 tickets over 182 days with replies and change logs.

pub mod callcenter;
pub mod crm_reference;
pub mod customers;
pub mod names;
pub mod org;
pub mod ticket_reference;
pub mod tickets;
pub mod udesk;
pub mod udesk_text;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::de::DeserializeOwned;

use crate::clock::DAY_MS;
use crate::config::Size;
use crate::state::{CrmState, TicketState, World, api_rng, hex_id};

/// How many of each thing a size generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Volume {
    /// CRM customers.
    pub customers: usize,
    /// Tickets.
    pub tickets: usize,
    /// Enterprises.
    pub enterprises: usize,
    /// Days of history before the anchor.
    pub days: i64,
    /// The call center tenant's volume.
    pub callcenter: callcenter::CallCenterVolume,
    /// The Udesk tenant's volume.
    pub udesk: udesk::UdeskVolume,
}

impl Volume {
    /// The volume of `size`.
    pub fn of(size: Size) -> Self {
        match size {
            Size::Small => Volume {
                customers: 40,
                tickets: 60,
                enterprises: 4,
                days: 60,
                callcenter: callcenter::CallCenterVolume {
                    agents: 6,
                    queues: 2,
                    campaigns: 2,
                    rows: 10,
                    days: 60,
                },
                udesk: udesk::UdeskVolume {
                    agents: 4,
                    customers: 20,
                    tickets: 40,
                    days: 60,
                },
            },
            Size::Demo | Size::Large => Volume {
                customers: 2_000,
                tickets: if size == Size::Large { 50_000 } else { 5_000 },
                enterprises: 40,
                days: 182,
                callcenter: callcenter::CallCenterVolume {
                    agents: 30,
                    queues: 5,
                    campaigns: 8,
                    rows: 120,
                    days: 182,
                },
                udesk: udesk::UdeskVolume {
                    agents: 12,
                    customers: 300,
                    tickets: 1_000,
                    days: 182,
                },
            },
        }
    }
}

/// Generates the world for `seed` and `size`, with history ending at `anchor_ms`.
pub fn generate(seed: u64, size: Size, anchor_ms: i64) -> World {
    let volume = Volume::of(size);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let company_id = hex_id(&mut rng);
    let org = org::generate(&mut rng, size);
    let start_ms = anchor_ms - volume.days * DAY_MS;
    let mut tickets = TicketState::default();
    ticket_reference::generate(&mut rng, &company_id, &mut tickets);
    let mut crm = CrmState::default();
    crm_reference::generate(&mut rng, &company_id, start_ms, &mut crm);
    customers::generate(
        &mut rng,
        &customers::Context {
            org: &org,
            company_id: &company_id,
            start_ms,
            anchor_ms,
            volume,
        },
        &mut crm,
    );
    tickets::generate(
        &mut rng,
        &tickets::Context {
            org: &org,
            company_id: &company_id,
            start_ms,
            anchor_ms,
            count: volume.tickets,
            crm: &crm,
        },
        &mut tickets,
    );
    let callcenter = callcenter::generate(
        &mut ChaCha8Rng::seed_from_u64(seed ^ 0x0ca1_1ce7),
        volume.callcenter,
        anchor_ms,
    );
    let udesk = udesk::generate(
        &mut ChaCha8Rng::seed_from_u64(seed ^ 0x0de5_c000),
        volume.udesk,
        anchor_ms,
    );
    World {
        seed,
        size,
        anchor_ms,
        company_id,
        org,
        tickets,
        crm,
        callcenter,
        udesk,
        rng: api_rng(seed),
    }
}

/// Decodes seed data built as JSON into a client type. The shapes are fixed in this crate, so a
/// failure is a bug in the sandbox, not bad input.
pub(crate) fn decode<T: DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("seed data matches the client's types")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANCHOR: i64 = 1_767_196_800_000; // 2026-01-01 00:00 +08:00

    #[test]
    fn the_same_seed_gives_the_same_world() {
        let a = generate(11, Size::Small, ANCHOR);
        let b = generate(11, Size::Small, ANCHOR);
        assert_eq!(a.company_id, b.company_id);
        assert_eq!(a.tickets.tickets, b.tickets.tickets);
        assert_eq!(a.crm.customers, b.crm.customers);
    }

    #[test]
    fn another_seed_gives_another_world() {
        let a = generate(11, Size::Small, ANCHOR);
        let b = generate(12, Size::Small, ANCHOR);
        assert_ne!(a.company_id, b.company_id);
    }

    #[test]
    fn large_is_the_demo_world_with_fifty_thousand_sobot_tickets() {
        let demo = Volume::of(Size::Demo);
        let large = Volume::of(Size::Large);
        assert_eq!(large.tickets, 50_000);
        assert_eq!(
            Volume {
                tickets: demo.tickets,
                ..large
            },
            demo
        );
    }

    #[test]
    fn small_has_its_volume_inside_the_history_window() {
        let world = generate(1, Size::Small, ANCHOR);
        let volume = Volume::of(Size::Small);
        assert_eq!(world.tickets.tickets.len(), volume.tickets);
        assert_eq!(world.crm.customers.len(), volume.customers);
        let start = ANCHOR - volume.days * DAY_MS;
        for ticket in &world.tickets.tickets {
            assert!(ticket.created_ms >= start && ticket.created_ms < ANCHOR);
            assert!(ticket.updated_ms >= ticket.created_ms && ticket.updated_ms <= ANCHOR);
        }
    }

    #[test]
    fn the_call_center_and_udesk_tenants_repeat_with_the_seed_and_leave_sobot_unchanged() {
        let a = generate(11, Size::Small, ANCHOR);
        let b = generate(11, Size::Small, ANCHOR);
        assert_eq!(a.callcenter.agents, b.callcenter.agents);
        assert_eq!(a.callcenter.campaigns, b.callcenter.campaigns);
        assert_eq!(a.udesk.tickets, b.udesk.tickets);
        let other = generate(12, Size::Small, ANCHOR);
        assert_ne!(a.udesk.tickets, other.udesk.tickets);
        assert_eq!(a.udesk.tickets.len(), 40);
        assert_eq!(a.callcenter.agents.len(), 6);
    }

    #[test]
    fn demo_has_thirty_agents_in_groups_and_a_thousand_udesk_tickets_over_six_months() {
        let world = generate(5, Size::Demo, ANCHOR);
        let cc = &world.callcenter;
        assert_eq!(cc.agents.len(), 30);
        assert_eq!(cc.queues.len(), 5);
        assert!(cc.agents.iter().all(|a| {
            cc.queues
                .iter()
                .any(|q| q.members.iter().any(|m| m.agent_uuid == a.uuid))
        }));
        assert!(cc.extensions.len() >= 30 && cc.relay_numbers.len() == 6);
        assert!(cc.campaigns.len() == 8 && cc.campaigns.iter().all(|c| !c.rows.is_empty()));
        assert_eq!(cc.ivr_flows.len(), 6);
        let udesk = &world.udesk;
        assert_eq!(udesk.tickets.len(), 1_000);
        let start = ANCHOR - 182 * DAY_MS;
        let months: std::collections::BTreeSet<i64> = udesk
            .tickets
            .iter()
            .map(|t| (t.created_ms - start) / (30 * DAY_MS))
            .collect();
        assert!(months.len() >= 6, "{months:?}");
        assert!(
            udesk
                .tickets
                .iter()
                .all(|t| t.created_ms >= start && t.updated_ms < ANCHOR)
        );
        for status in 1..=4 {
            assert!(
                udesk.tickets.iter().any(|t| t.status_id == status),
                "status {status}"
            );
        }
        for priority in 1..=4 {
            assert!(
                udesk.tickets.iter().any(|t| t.priority_id == priority),
                "priority {priority}"
            );
        }
        let replies: usize = udesk.tickets.iter().map(|t| t.replies.len()).sum();
        assert!(replies > 1_000, "{replies} replies");
        let chinese = udesk
            .tickets
            .iter()
            .filter(|t| !t.subject.is_ascii())
            .count();
        assert!(chinese > 300 && chinese < 900, "{chinese} Chinese subjects");
        assert!(udesk.tickets.iter().any(|t| !t.custom_fields.is_empty()));
        assert!(udesk.templates.len() >= 3);
    }

    #[test]
    fn demo_spans_every_status_and_both_languages() {
        let world = generate(5, Size::Demo, ANCHOR);
        assert_eq!(world.tickets.tickets.len(), 5_000);
        assert_eq!(world.crm.customers.len(), 2_000);
        let statuses: std::collections::BTreeSet<String> = world
            .tickets
            .tickets
            .iter()
            .filter_map(|t| t.detail.ticket_status.as_ref().map(|s| s.code().to_owned()))
            .collect();
        for code in ["0", "1", "2", "3", "99", "98", "1012", "1023", "1104"] {
            assert!(statuses.contains(code), "no ticket in status {code}");
        }
        let chinese = world
            .crm
            .customers
            .iter()
            .filter(|c| c.customer.uname.as_deref().is_some_and(|n| !n.is_ascii()))
            .count();
        assert!(chinese > 500 && chinese < 1_900, "{chinese} Chinese names");
        assert!(world.crm.blacklist.iter().any(|e| e.is_black == Some(1)));
    }
}
