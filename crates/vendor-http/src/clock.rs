//! Injectable wall clocks, so token expiry and rate limits are testable without waiting.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// A source of the current wall-clock time.
///
/// Wall time (not a monotonic instant) because tokens are persisted and shared between
/// processes, and their expiry must mean the same thing in each.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> SystemTime;

    /// Milliseconds since the Unix epoch (0 for times before it).
    fn unix_millis(&self) -> i64 {
        self.now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }

    /// Whole seconds since the Unix epoch (0 for times before it).
    fn unix_seconds(&self) -> i64 {
        self.unix_millis() / 1000
    }
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock that only moves when told to; cloning shares the same time.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<Mutex<SystemTime>>,
}

impl ManualClock {
    /// A clock standing at `unix_seconds` after the epoch.
    pub fn at_unix_seconds(unix_seconds: u64) -> Self {
        Self {
            now: Arc::new(Mutex::new(
                SystemTime::UNIX_EPOCH + Duration::from_secs(unix_seconds),
            )),
        }
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        *now += by;
    }

    /// Sets the clock to a given time.
    pub fn set(&self, to: SystemTime) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) = to;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A clock that follows tokio's (pausable) timer, anchored at the system time when created.
///
/// Under `#[tokio::test(start_paused = true)]` it advances exactly as `tokio::time::sleep`
/// does, which makes expiry and rate-limit tests deterministic.
#[derive(Debug, Clone)]
pub struct TokioClock {
    anchor_wall: SystemTime,
    anchor: tokio::time::Instant,
}

impl TokioClock {
    /// A clock anchored now.
    pub fn new() -> Self {
        Self {
            anchor_wall: SystemTime::now(),
            anchor: tokio::time::Instant::now(),
        }
    }
}

impl Default for TokioClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for TokioClock {
    fn now(&self) -> SystemTime {
        self.anchor_wall + self.anchor.elapsed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced_and_clones_share_time() {
        let clock = ManualClock::at_unix_seconds(1_569_397_773);
        let other = clock.clone();
        assert_eq!(clock.unix_seconds(), 1_569_397_773);
        other.advance(Duration::from_millis(1500));
        assert_eq!(clock.unix_millis(), 1_569_397_774_500);
    }

    #[tokio::test(start_paused = true)]
    async fn tokio_clock_follows_the_paused_timer() {
        let clock = TokioClock::new();
        let before = clock.unix_millis();
        tokio::time::sleep(Duration::from_secs(3600)).await;
        assert_eq!(clock.unix_millis() - before, 3_600_000);
    }
}
