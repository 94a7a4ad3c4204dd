//! A retry loop that rebuilds the request on every attempt and repeats only what is safe.

use std::future::Future;
use std::time::Duration;

use crate::error::{RetryClass, Retryable};

/// Whether repeating a request can change the vendor's state twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Repeating is harmless: reads, and writes carrying an idempotency key.
    Idempotent,
    /// Repeating may duplicate the effect: creates, replies, uploads.
    NonIdempotent,
}

/// How often and how patiently to retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Total attempts including the first (1 disables retrying).
    pub max_attempts: u32,
    /// The wait before the first retry.
    pub initial_backoff: Duration,
    /// The longest wait between attempts.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, waiting 500 ms then 1 s (capped at 8 s).
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The wait before retry number `retry` (1-based): `initial_backoff * 2^(retry-1)`, capped.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exponent = retry.saturating_sub(1).min(20);
        self.initial_backoff
            .saturating_mul(1u32 << exponent)
            .min(self.max_backoff)
    }

    /// Whether an error on attempt `attempt` (1-based) of a request with `idempotency` should
    /// be retried.
    pub fn should_retry<E: Retryable>(
        &self,
        error: &E,
        attempt: u32,
        idempotency: Idempotency,
    ) -> bool {
        if attempt >= self.max_attempts {
            return false;
        }
        match error.retry_class() {
            RetryClass::Never => false,
            RetryClass::Always => true,
            RetryClass::IfIdempotent => idempotency == Idempotency::Idempotent,
        }
    }
}

/// Runs `attempt` until it succeeds, fails in a way retrying cannot help, or the policy's attempts
/// run out, sleeping with exponential backoff (or the vendor's `Retry-After`) in between.
///
/// `attempt` receives the 1-based attempt number and must build the request afresh, so a
/// signature with a nonce or timestamp is recomputed each time.
pub async fn retry<T, E, F, Fut>(
    policy: &RetryPolicy,
    idempotency: Idempotency,
    mut attempt: F,
) -> Result<T, E>
where
    E: Retryable + std::fmt::Display,
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut number = 1;
    loop {
        match attempt(number).await {
            Ok(value) => return Ok(value),
            Err(error) if policy.should_retry(&error, number, idempotency) => {
                let wait = error
                    .retry_after()
                    .unwrap_or_else(|| policy.backoff(number));
                tracing::debug!(attempt = number, ?wait, %error, "retrying vendor request");
                tokio::time::sleep(wait).await;
                number += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;
    use crate::HttpError;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(300),
        }
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let policy = policy();
        assert_eq!(policy.backoff(1), Duration::from_millis(100));
        assert_eq!(policy.backoff(2), Duration::from_millis(200));
        assert_eq!(policy.backoff(3), Duration::from_millis(300));
        assert_eq!(policy.backoff(30), Duration::from_millis(300));
    }

    #[tokio::test(start_paused = true)]
    async fn idempotent_requests_are_retried_until_attempts_run_out() {
        let calls = AtomicU32::new(0);
        let result: Result<(), HttpError> = retry(&policy(), Idempotency::Idempotent, |_| {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Err(HttpError::Timeout) }
        })
        .await;
        assert!(matches!(result, Err(HttpError::Timeout)));
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }

    #[tokio::test(start_paused = true)]
    async fn non_idempotent_requests_are_not_retried_after_a_timeout() {
        let calls = AtomicU32::new(0);
        let result: Result<(), HttpError> = retry(&policy(), Idempotency::NonIdempotent, |_| {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Err(HttpError::Timeout) }
        })
        .await;
        assert!(result.is_err());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn non_idempotent_requests_are_retried_when_the_connection_was_refused() {
        let calls = AtomicU32::new(0);
        let result: Result<u32, HttpError> =
            retry(&policy(), Idempotency::NonIdempotent, |number| {
                calls.fetch_add(1, Ordering::SeqCst);
                async move {
                    if number < 2 {
                        Err(HttpError::Connect("refused".into()))
                    } else {
                        Ok(number)
                    }
                }
            })
            .await;
        assert_eq!(result.expect("second attempt succeeds"), 2);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn each_attempt_gets_its_number_so_it_can_re_sign() {
        let mut seen = Vec::new();
        let _: Result<(), HttpError> = retry(&policy(), Idempotency::Idempotent, |number| {
            seen.push(number);
            async { Err(HttpError::Transport("reset".into())) }
        })
        .await;
        assert_eq!(seen, vec![1, 2, 3, 4]);
    }

    #[tokio::test(start_paused = true)]
    async fn the_wait_between_attempts_follows_the_backoff() {
        let start = tokio::time::Instant::now();
        let mut offsets = Vec::new();
        let _: Result<(), HttpError> = retry(&policy(), Idempotency::Idempotent, |_| {
            offsets.push(start.elapsed());
            async { Err(HttpError::Timeout) }
        })
        .await;
        // Paused clock: the offsets are exactly the sums of the backoffs.
        let expected: Vec<Duration> = [0, 100, 300, 600]
            .into_iter()
            .map(Duration::from_millis)
            .collect();
        assert_eq!(offsets, expected);
    }
}
