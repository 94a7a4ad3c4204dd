//! Time windows: splitting into the one-month windows Sobot allows, and writing them in the
//! connection's dialect.

use chrono::{DateTime, FixedOffset, Months, TimeDelta, Utc};

use crate::config::TimeDialect;
use crate::error::{Error, Result};

/// The `yyyy-MM-dd HH:mm:ss` format of Sobot's date-time strings.
pub const DATETIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// A half-open interval of time `[start, end)`.
///
/// Sobot's window parameters are inclusive at both ends, so the end sent is one unit of the
/// dialect (1 ms, or 1 s for date-time strings) before `end`: consecutive windows never overlap
/// and no ticket is listed twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWindow {
    /// The first instant included.
    pub start: DateTime<Utc>,
    /// The first instant no longer included.
    pub end: DateTime<Utc>,
}

impl TimeWindow {
    /// The window `[start, end)`; an error if it is empty.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Self> {
        if end <= start {
            return Err(Error::InvalidRequest(format!(
                "the time window ends ({end}) at or before it starts ({start})"
            )));
        }
        Ok(Self { start, end })
    }

    /// Splits the window into consecutive windows of at most one calendar month each (in the
    /// given offset), the most a ticket list query may span (`400003`, `400019`).
    pub fn split_months(&self, offset: FixedOffset) -> Vec<TimeWindow> {
        let mut windows = Vec::new();
        let mut start = self.start;
        while start < self.end {
            let local = start.with_timezone(&offset);
            let next = local
                .checked_add_months(Months::new(1))
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or(self.end)
                .min(self.end);
            windows.push(TimeWindow { start, end: next });
            start = next;
        }
        windows
    }

    /// The window's two parameters in `dialect`, named `{prefix}start_datetime[_ms]` and
    /// `{prefix}end_datetime[_ms]`.
    pub fn params(
        &self,
        prefix: &str,
        dialect: TimeDialect,
        offset: FixedOffset,
    ) -> Vec<(String, String)> {
        match dialect {
            TimeDialect::EpochMillis => vec![
                (
                    format!("{prefix}start_datetime_ms"),
                    self.start.timestamp_millis().to_string(),
                ),
                (
                    format!("{prefix}end_datetime_ms"),
                    (self.end - TimeDelta::milliseconds(1))
                        .timestamp_millis()
                        .to_string(),
                ),
            ],
            TimeDialect::DateTime => {
                // Second precision: the last full second before `end` is the inclusive end.
                let last = DateTime::<Utc>::from_timestamp(
                    (self.end - TimeDelta::milliseconds(1)).timestamp(),
                    0,
                )
                .unwrap_or(self.end);
                vec![
                    (
                        format!("{prefix}start_datetime"),
                        format_datetime(self.start, offset),
                    ),
                    (
                        format!("{prefix}end_datetime"),
                        format_datetime(last, offset),
                    ),
                ]
            }
        }
    }
}

/// An instant as `yyyy-MM-dd HH:mm:ss` in `offset`.
pub fn format_datetime(instant: DateTime<Utc>, offset: FixedOffset) -> String {
    instant
        .with_timezone(&offset)
        .format(DATETIME_FORMAT)
        .to_string()
}

/// Parses `yyyy-MM-dd HH:mm:ss` (surrounding spaces ignored) in `offset`.
pub fn parse_datetime(text: &str, offset: FixedOffset) -> Option<DateTime<Utc>> {
    chrono::NaiveDateTime::parse_from_str(text.trim(), DATETIME_FORMAT)
        .ok()
        .and_then(|naive| naive.and_local_timezone(offset).single())
        .map(|local| local.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::config::china_standard_time;

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn an_empty_window_is_refused_before_sending() {
        assert!(TimeWindow::new(utc(2024, 1, 2, 0), utc(2024, 1, 2, 0)).is_err());
    }

    #[test]
    fn a_quarter_splits_into_calendar_months_without_gaps_or_overlap() {
        let offset = china_standard_time();
        // 2024-01-01 00:00 at UTC+8 is 2023-12-31 16:00 UTC.
        let start = utc(2023, 12, 31, 16);
        let window = TimeWindow::new(start, utc(2024, 4, 10, 0)).expect("window");
        let parts = window.split_months(offset);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].start, start);
        assert_eq!(parts[1].start, utc(2024, 1, 31, 16)); // Feb 1 local
        assert_eq!(parts[2].start, utc(2024, 2, 29, 16)); // Mar 1 local
        assert_eq!(parts[3].end, utc(2024, 4, 10, 0));
        for pair in parts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn a_short_window_is_not_split() {
        let window = TimeWindow::new(utc(2024, 2, 1, 0), utc(2024, 2, 20, 0)).expect("window");
        assert_eq!(window.split_months(china_standard_time()), vec![window]);
    }

    #[test]
    fn millisecond_params_end_one_millisecond_before_the_window_end() {
        let window = TimeWindow::new(utc(2023, 3, 6, 0), utc(2023, 3, 7, 0)).expect("window");
        let params = window.params("create_", TimeDialect::EpochMillis, china_standard_time());
        assert_eq!(
            params,
            vec![
                ("create_start_datetime_ms".into(), "1678060800000".into()),
                ("create_end_datetime_ms".into(), "1678147199999".into()),
            ]
        );
    }

    #[test]
    fn datetime_params_are_written_in_the_connection_offset_with_an_inclusive_end() {
        let window = TimeWindow::new(utc(2023, 3, 6, 0), utc(2023, 3, 7, 0)).expect("window");
        let params = window.params("update_", TimeDialect::DateTime, china_standard_time());
        assert_eq!(
            params,
            vec![
                ("update_start_datetime".into(), "2023-03-06 08:00:00".into()),
                ("update_end_datetime".into(), "2023-03-07 07:59:59".into()),
            ]
        );
    }

    #[test]
    fn datetime_strings_parse_back_with_stray_spaces() {
        let parsed = parse_datetime(" 2020-04-20 12:00:30 ", china_standard_time());
        assert_eq!(parsed, Some(utc(2020, 4, 20, 4) + TimeDelta::seconds(30)));
    }
}
