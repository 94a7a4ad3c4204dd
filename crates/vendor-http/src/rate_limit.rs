//! A token-bucket rate limiter over an injectable clock.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use crate::clock::Clock;

/// Allows at most `capacity` calls per `period`, refilling continuously (a token bucket).
///
/// Share one limiter (it is cheap to clone) between every caller of the same vendor account.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    state: Arc<Mutex<Bucket>>,
    clock: Arc<dyn Clock>,
}

#[derive(Debug)]
struct Bucket {
    capacity: f64,
    tokens: f64,
    refill_per_sec: f64,
    last: SystemTime,
}

impl RateLimiter {
    /// A limiter allowing `capacity` calls per `period`, starting full. Udesk, for instance, is
    /// `RateLimiter::new(60, Duration::from_secs(60), clock)`.
    pub fn new(capacity: u32, period: Duration, clock: Arc<dyn Clock>) -> Self {
        let capacity = f64::from(capacity.max(1));
        let period = period.as_secs_f64().max(f64::EPSILON);
        let bucket = Bucket {
            capacity,
            tokens: capacity,
            refill_per_sec: capacity / period,
            last: clock.now(),
        };
        Self {
            state: Arc::new(Mutex::new(bucket)),
            clock,
        }
    }

    /// Takes one call's allowance if available; otherwise says how long until one is.
    pub fn try_acquire(&self) -> Result<(), Duration> {
        let now = self.clock.now();
        let mut bucket = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let elapsed = now
            .duration_since(bucket.last)
            .unwrap_or_default()
            .as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * bucket.refill_per_sec).min(bucket.capacity);
        // A clock that went backwards does not refill, but does move the reference point.
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let missing = 1.0 - bucket.tokens;
            Err(Duration::from_secs_f64(missing / bucket.refill_per_sec))
        }
    }

    /// Waits (with `tokio::time::sleep`) until a call is allowed, then takes its allowance.
    pub async fn acquire(&self) {
        while let Err(wait) = self.try_acquire() {
            tokio::time::sleep(wait.max(Duration::from_millis(1))).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{ManualClock, TokioClock};

    #[test]
    fn a_full_bucket_allows_its_capacity_then_refuses_with_the_wait() {
        let clock = ManualClock::at_unix_seconds(1_000);
        let limiter = RateLimiter::new(60, Duration::from_secs(60), Arc::new(clock.clone()));
        for _ in 0..60 {
            assert!(limiter.try_acquire().is_ok());
        }
        let wait = limiter.try_acquire().expect_err("61st call in the minute");
        assert_eq!(wait, Duration::from_secs(1));
    }

    #[test]
    fn the_bucket_refills_as_the_clock_advances() {
        let clock = ManualClock::at_unix_seconds(1_000);
        let limiter = RateLimiter::new(2, Duration::from_secs(10), Arc::new(clock.clone()));
        assert!(limiter.try_acquire().is_ok());
        assert!(limiter.try_acquire().is_ok());
        assert!(limiter.try_acquire().is_err());
        clock.advance(Duration::from_secs(5));
        assert!(limiter.try_acquire().is_ok());
        assert!(limiter.try_acquire().is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn acquire_waits_on_the_paused_timer_instead_of_failing() {
        let limiter = RateLimiter::new(3, Duration::from_secs(3), Arc::new(TokioClock::new()));
        let start = tokio::time::Instant::now();
        for _ in 0..5 {
            limiter.acquire().await;
        }
        // Three immediately, then one per second.
        let waited = start.elapsed().as_millis();
        assert!((1_990..=2_010).contains(&waited), "{waited} ms");
    }
}
