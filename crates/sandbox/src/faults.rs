//! Fault injection: latency, HTTP errors, dropped connections, malformed bodies, chosen vendor
//! codes and token expiry, fired for the next N matching requests or with a seeded probability.
//!
//! A rule as the admin API takes it (`POST /__sandbox/faults`):
//!
//! ```json
//! {"path": "/api/ws/5/ticket/*", "kind": {"kind": "http_status", "status": 503}, "trigger": {"count": 2}}
//! {"kind": {"kind": "latency", "ms": 300}, "trigger": {"probability": {"rate": 0.25, "seed": 7}}}
//! ```
//!
//! `path` is an exact path, or a prefix when it ends with `*`; without it the rule matches every
//! vendor request.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// What a fault does to a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Waits this long before handling the request.
    Latency {
        /// Milliseconds.
        ms: u64,
    },
    /// Answers this HTTP status (e.g. 500, 502, 503) without handling the request.
    HttpStatus {
        /// The status.
        status: u16,
    },
    /// Sends the response head and then breaks the connection without handling the request.
    DropConnection,
    /// Handles the request, then cuts its JSON answer in half.
    MalformedBody,
    /// Answers this vendor `ret_code` (HTTP 200) without handling the request.
    VendorCode {
        /// The code, e.g. `999999` or `700046`.
        code: String,
        /// The message (default: the documented meaning).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// Expires the current token, then handles the request (which then gets `900002`).
    TokenExpiry,
}

impl FaultKind {
    /// A short name for the journal.
    pub fn label(&self) -> String {
        match self {
            FaultKind::Latency { ms } => format!("latency:{ms}ms"),
            FaultKind::HttpStatus { status } => format!("http_status:{status}"),
            FaultKind::DropConnection => "drop_connection".into(),
            FaultKind::MalformedBody => "malformed_body".into(),
            FaultKind::VendorCode { code, .. } => format!("vendor_code:{code}"),
            FaultKind::TokenExpiry => "token_expiry".into(),
        }
    }
}

/// When a fault fires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultTrigger {
    /// For the next N matching requests.
    Count(u32),
    /// For each matching request with probability `rate`, drawn from a generator seeded with
    /// `seed` (so a run repeats).
    Probability {
        /// 0.0 to 1.0.
        rate: f64,
        /// The generator's seed.
        seed: u64,
    },
}

/// A fault rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    /// Exact path, or a prefix ending with `*`; `None` matches every vendor path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What it does.
    pub kind: FaultKind,
    /// When it fires.
    pub trigger: FaultTrigger,
}

impl FaultRule {
    /// A rule for the next `count` requests to `path`.
    pub fn next(path: impl Into<String>, kind: FaultKind, count: u32) -> Self {
        Self {
            path: Some(path.into()),
            kind,
            trigger: FaultTrigger::Count(count),
        }
    }

    /// Whether the rule applies to `path`.
    pub fn matches(&self, path: &str) -> bool {
        match self.path.as_deref() {
            None => true,
            Some(pattern) => match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            },
        }
    }
}

/// An installed rule and its progress.
#[derive(Debug, Clone, Serialize)]
pub struct ActiveFault {
    /// Its ID (for `DELETE /__sandbox/faults/{id}`).
    pub id: u64,
    /// The rule.
    pub rule: FaultRule,
    /// How many times it fired.
    pub fired: u64,
    /// Requests left for a count trigger.
    pub remaining: Option<u32>,
    #[serde(skip)]
    rng: Option<ChaCha8Rng>,
}

/// The installed rules.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    rules: Vec<ActiveFault>,
    next_id: u64,
}

impl Faults {
    /// Installs a rule; returns its ID.
    pub fn add(&mut self, rule: FaultRule) -> u64 {
        self.next_id += 1;
        let (remaining, rng) = match &rule.trigger {
            FaultTrigger::Count(count) => (Some(*count), None),
            FaultTrigger::Probability { seed, .. } => {
                (None, Some(ChaCha8Rng::seed_from_u64(*seed)))
            }
        };
        self.rules.push(ActiveFault {
            id: self.next_id,
            rule,
            fired: 0,
            remaining,
            rng,
        });
        self.next_id
    }

    /// Removes a rule; whether it existed.
    pub fn remove(&mut self, id: u64) -> bool {
        let before = self.rules.len();
        self.rules.retain(|rule| rule.id != id);
        self.rules.len() != before
    }

    /// Removes every rule.
    pub fn clear(&mut self) {
        self.rules.clear();
    }

    /// The installed rules.
    pub fn list(&self) -> Vec<ActiveFault> {
        self.rules.clone()
    }

    /// The faults that fire for a request to `path` (spent count rules are removed).
    pub fn fire(&mut self, path: &str) -> Vec<FaultKind> {
        let mut fired = Vec::new();
        for active in &mut self.rules {
            if !active.rule.matches(path) {
                continue;
            }
            let fires = match (&active.rule.trigger, &mut active.remaining, &mut active.rng) {
                (FaultTrigger::Count(_), Some(remaining), _) if *remaining > 0 => {
                    *remaining -= 1;
                    true
                }
                (FaultTrigger::Probability { rate, .. }, _, Some(rng)) => {
                    rng.random_bool(rate.clamp(0.0, 1.0))
                }
                _ => false,
            };
            if fires {
                active.fired += 1;
                fired.push(active.rule.kind.clone());
            }
        }
        self.rules.retain(|active| active.remaining != Some(0));
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_rule_fires_for_the_next_n_matching_requests_only() {
        let mut faults = Faults::default();
        faults.add(FaultRule::next("/api/x", FaultKind::DropConnection, 2));
        assert!(faults.fire("/api/y").is_empty());
        assert_eq!(faults.fire("/api/x").len(), 1);
        assert_eq!(faults.fire("/api/x").len(), 1);
        assert!(faults.fire("/api/x").is_empty());
        assert!(faults.list().is_empty());
    }

    #[test]
    fn a_probability_rule_repeats_with_its_seed() {
        let draw = || {
            let mut faults = Faults::default();
            faults.add(FaultRule {
                path: Some("/api/*".into()),
                kind: FaultKind::MalformedBody,
                trigger: FaultTrigger::Probability {
                    rate: 0.5,
                    seed: 42,
                },
            });
            (0..64)
                .map(|_| faults.fire("/api/z").len())
                .collect::<Vec<_>>()
        };
        let first = draw();
        assert_eq!(first, draw());
        let hits: usize = first.iter().sum();
        assert!(hits > 10 && hits < 54, "{hits} of 64");
    }

    #[test]
    fn rules_parse_from_the_admin_json() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"path":"/api/ws/5/ticket/*","kind":{"kind":"vendor_code","code":"999999"},"trigger":{"count":1}}"#,
        )
        .expect("parses");
        assert!(rule.matches("/api/ws/5/ticket/query_tickets"));
        assert!(!rule.matches("/api/get_token"));
        assert_eq!(rule.kind.label(), "vendor_code:999999");
    }
}
