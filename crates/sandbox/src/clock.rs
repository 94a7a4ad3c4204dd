//! Time helpers: epoch milliseconds and Sobot's `yyyy-MM-dd HH:mm:ss` strings at a UTC offset.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// Sobot's date-time format.
pub const DATETIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// UTC+8 in seconds, the zone of Sobot's strings unless a `timezoneid` header says otherwise.
pub const UTC8: i32 = 8 * 3600;

/// Milliseconds a day.
pub const DAY_MS: i64 = 86_400_000;

/// The current wall-clock time in epoch milliseconds.
pub fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

fn offset(seconds: i32) -> FixedOffset {
    FixedOffset::east_opt(seconds).unwrap_or(Utc.fix())
}

/// `ms` as `yyyy-MM-dd HH:mm:ss` at `offset_seconds` east of UTC.
pub fn format_datetime(ms: i64, offset_seconds: i32) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&offset(offset_seconds))
        .format(DATETIME_FORMAT)
        .to_string()
}

/// `ms` as `yyyy-MM-dd` at `offset_seconds`.
pub fn format_date(ms: i64, offset_seconds: i32) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&offset(offset_seconds))
        .format("%Y-%m-%d")
        .to_string()
}

/// `ms` as ISO 8601 with milliseconds and offset (`2017-08-08T20:47:49.000+08:00`), Udesk's
/// format.
pub fn format_iso(ms: i64, offset_seconds: i32) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&offset(offset_seconds))
        .format("%Y-%m-%dT%H:%M:%S%.3f%:z")
        .to_string()
}

/// Parses `yyyy-MM-dd HH:mm:ss` (surrounding spaces ignored) at `offset_seconds`.
pub fn parse_datetime(text: &str, offset_seconds: i32) -> Option<i64> {
    let naive = NaiveDateTime::parse_from_str(text.trim(), DATETIME_FORMAT).ok()?;
    offset(offset_seconds)
        .from_local_datetime(&naive)
        .single()
        .map(|at| at.timestamp_millis())
}

/// Parses `yyyy-MM-dd` as the start of that day at `offset_seconds`.
pub fn parse_date(text: &str, offset_seconds: i32) -> Option<i64> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()?;
    let naive = date.and_hms_opt(0, 0, 0)?;
    offset(offset_seconds)
        .from_local_datetime(&naive)
        .single()
        .map(|at| at.timestamp_millis())
}

/// The instant one calendar month after `ms`, counted at `offset_seconds` (the end of the
/// longest window the ticket lists accept).
pub fn plus_one_month(ms: i64, offset_seconds: i32) -> i64 {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&offset(offset_seconds))
        .checked_add_months(chrono::Months::new(1))
        .map(|at| at.timestamp_millis())
        .unwrap_or(i64::MAX)
}

/// The start of the day containing `ms` at `offset_seconds`.
pub fn start_of_day(ms: i64, offset_seconds: i32) -> i64 {
    let local_ms = ms + i64::from(offset_seconds) * 1000;
    local_ms.div_euclid(DAY_MS) * DAY_MS - i64::from(offset_seconds) * 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_round_trip_at_utc8() {
        let ms = 1_537_236_845_000; // 2018-09-18 10:14:05 at UTC+8
        assert_eq!(format_datetime(ms, UTC8), "2018-09-18 10:14:05");
        assert_eq!(parse_datetime(" 2018-09-18 10:14:05 ", UTC8), Some(ms));
        assert_eq!(parse_datetime("2018- 09 - 18", UTC8), None);
        assert_eq!(format_iso(ms, UTC8), "2018-09-18T10:14:05.000+08:00");
    }

    #[test]
    fn one_month_is_a_calendar_month_in_the_zone() {
        let jan1 = parse_datetime("2024-01-01 00:00:00", UTC8).expect("valid");
        let feb1 = parse_datetime("2024-02-01 00:00:00", UTC8).expect("valid");
        assert_eq!(plus_one_month(jan1, UTC8), feb1);
    }

    #[test]
    fn the_start_of_day_is_local_midnight() {
        let noon = parse_datetime("2024-03-05 12:30:00", UTC8).expect("valid");
        let midnight = parse_datetime("2024-03-05 00:00:00", UTC8).expect("valid");
        assert_eq!(start_of_day(noon, UTC8), midnight);
        assert_eq!(parse_date("2024-03-05", UTC8), Some(midnight));
        assert_eq!(format_date(noon, UTC8), "2024-03-05");
    }
}
