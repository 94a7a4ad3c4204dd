//! Udesk date-times: ISO 8601 with milliseconds and an offset (`2017-08-08T20:47:49.000+08:00`).
//!
//! Payload types keep them as the text Udesk sent (one example is malformed,
//! `2017-08-18T16:5956.000+08:00`, 003:1457, and must not fail a whole list); parse them with
//! [`parse`] where a time is needed.

use chrono::{DateTime, FixedOffset};

/// Parses a Udesk date-time; `None` when it is not RFC 3339.
pub fn parse(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text.trim()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_times_parse_and_malformed_ones_are_none() {
        let time = parse("2017-08-08T20:47:49.000+08:00").expect("parses");
        assert_eq!(time.timestamp(), 1_502_196_469);
        assert_eq!(parse("2017-08-18T16:5956.000+08:00"), None);
    }
}
