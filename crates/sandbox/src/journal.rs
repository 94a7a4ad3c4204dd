//! The journal of the vendor requests the sandbox received (admin API `GET /__sandbox/journal`).

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

/// At most this many entries are kept; older ones are dropped.
pub const CAPACITY: usize = 20_000;

/// How much of a request body is kept.
pub const BODY_EXCERPT: usize = 4_096;

/// One received request and how it was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Sequence number, from 1, never reused until a reset.
    pub seq: u64,
    /// When it arrived, epoch ms.
    pub at_ms: i64,
    /// HTTP method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Raw query string.
    pub query: Option<String>,
    /// The headers that matter to the vendor APIs (`token`, `language`, `timezoneid`,
    /// `content-type`).
    pub headers: BTreeMap<String, String>,
    /// The body as text (first 4 KiB; binary bodies lossily decoded).
    pub body: Option<String>,
    /// The HTTP status answered.
    pub status: u16,
    /// The `ret_code` answered, when the body carried one.
    pub ret_code: Option<String>,
    /// The faults injected into this request.
    pub faults: Vec<String>,
}

/// The journal itself.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    entries: VecDeque<JournalEntry>,
    next: u64,
}

impl Journal {
    /// Records an entry, assigning its sequence number.
    pub fn record(&mut self, mut entry: JournalEntry) -> u64 {
        self.next += 1;
        entry.seq = self.next;
        if self.entries.len() == CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
        self.next
    }

    /// The entries after `since` whose path starts with `path`, at most `limit`.
    pub fn query(&self, path: Option<&str>, since: u64, limit: usize) -> Vec<JournalEntry> {
        self.entries
            .iter()
            .filter(|entry| entry.seq > since)
            .filter(|entry| path.is_none_or(|p| entry.path.starts_with(p)))
            .take(limit)
            .cloned()
            .collect()
    }

    /// Forgets every entry (sequence numbers start again at 1).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.next = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> JournalEntry {
        JournalEntry {
            seq: 0,
            at_ms: 0,
            method: "GET".into(),
            path: path.into(),
            query: None,
            headers: BTreeMap::new(),
            body: None,
            status: 200,
            ret_code: None,
            faults: Vec::new(),
        }
    }

    #[test]
    fn entries_are_numbered_and_filtered_by_path_prefix_and_sequence() {
        let mut journal = Journal::default();
        journal.record(entry("/api/get_token"));
        journal.record(entry("/api/ws/5/ticket/query_tickets"));
        journal.record(entry("/api/ws/5/ticket/get_ticket_by_id"));
        let tickets = journal.query(Some("/api/ws/5/ticket/"), 0, 10);
        assert_eq!(
            tickets.iter().map(|e| e.seq).collect::<Vec<_>>(),
            vec![2, 3]
        );
        assert_eq!(journal.query(None, 2, 10).len(), 1);
        journal.clear();
        assert!(journal.query(None, 0, 10).is_empty());
        assert_eq!(journal.record(entry("/x")), 1);
    }
}
