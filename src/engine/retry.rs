//! When a failed attempt is tried again, and after how long.
//!
//! The driver asks [`delay`] after every failed attempt; the answer is a wait
//! in milliseconds or "give up". Everything that decides it is here, so it is
//! tested natively: which failures are retried (429, 502, 503, 504 and
//! requests that got no response), which methods may be replayed, the
//! jittered exponential backoff, and the server's own delay
//! (`Retry-After`, `RateLimit-Reset`), which wins when present.

use super::error::ErrorKind;
use super::exchange::HttpMethod;

/// Retries after the first attempt, unless the client or call says otherwise.
pub(crate) const DEFAULT_RETRIES: u32 = 2;
/// The most retries a client or call may ask for.
pub(crate) const MAX_RETRIES: u32 = 10;
/// The longest single wait between attempts, unless configured.
pub(crate) const DEFAULT_MAX_DELAY_MS: u32 = 5_000;
/// The first backoff step; each later one doubles it.
const BASE_DELAY_MS: f64 = 500.0;

/// How a call retries: the client's settings, overridden by the call's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    /// Retries after the first attempt (`retries`; 0 turns them off).
    pub retries: u32,
    /// The longest wait between two attempts (`maxRetryDelayMs`). A server
    /// that asks for more makes the call fail at once instead.
    pub max_delay_ms: u32,
    /// Whether POST and PATCH may be replayed (`retryNonIdempotent`).
    pub non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { retries: DEFAULT_RETRIES, max_delay_ms: DEFAULT_MAX_DELAY_MS, non_idempotent: false }
    }
}

/// What went wrong in one attempt, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FailedAttempt {
    /// The error's kind.
    pub kind: ErrorKind,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// Whether the operation's own request was sent. A failure while getting
    /// the token (nothing sent to the API yet) may be retried for any method.
    pub sent: bool,
    /// The delay the server asked for, in milliseconds.
    pub retry_after_ms: Option<u64>,
}

impl FailedAttempt {
    /// Whether a later attempt may succeed: throttling, a gateway or
    /// availability error, or no response at all.
    fn transient(&self) -> bool {
        match self.kind {
            ErrorKind::Network => true,
            ErrorKind::Api | ErrorKind::Auth => matches!(self.status, Some(429 | 502 | 503 | 504)),
            _ => false,
        }
    }
}

/// Whether a method can be replayed without changing the outcome: a second
/// `POST /users` may create a second user.
pub(crate) fn idempotent(method: HttpMethod) -> bool {
    matches!(method, HttpMethod::Get | HttpMethod::Put | HttpMethod::Delete)
}

/// The wait in milliseconds before the next attempt, or None to give up.
///
/// `failures` is how many attempts of the call failed so far (1 after the
/// first), the count the retry budget is spent by;
/// `random` is a number in `[0, 1)` for the jitter; `remaining_ms` is the
/// time left before the call's deadline (a wait past it is pointless).
pub(crate) fn delay(
    policy: &RetryPolicy,
    method: HttpMethod,
    failures: u32,
    failed: &FailedAttempt,
    random: f64,
    remaining_ms: f64,
) -> Option<u32> {
    if failures > policy.retries || !failed.transient() {
        return None;
    }
    if failed.sent && !idempotent(method) && !policy.non_idempotent {
        return None;
    }
    let wait = match failed.retry_after_ms {
        // The server knows best, within the cap: a Worker should not sleep for minutes.
        Some(ms) if ms > u64::from(policy.max_delay_ms) => return None,
        Some(ms) => ms as f64,
        None => backoff(failures, random, policy.max_delay_ms),
    };
    // NaN (a broken clock) fails the comparison and gives up too.
    if wait.is_nan() || remaining_ms.is_nan() || wait > remaining_ms {
        return None;
    }
    Some(wait as u32)
}

/// Exponential backoff with jitter: step `n` waits between half and all of
/// `500 ms * 2^(n-1)`, capped at `max_ms`. The jitter spreads out clients
/// that were throttled together.
fn backoff(failures: u32, random: f64, max_ms: u32) -> f64 {
    let step = BASE_DELAY_MS * 2f64.powi(failures.saturating_sub(1).min(30) as i32);
    let capped = step.min(f64::from(max_ms));
    let r = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.5 };
    (capped * (0.5 + r / 2.0)).floor()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(kind: ErrorKind, status: Option<u16>) -> FailedAttempt {
        FailedAttempt { kind, status, sent: true, retry_after_ms: None }
    }

    const P: RetryPolicy = RetryPolicy { retries: 2, max_delay_ms: 5_000, non_idempotent: false };

    #[test]
    fn transient_failures_of_safe_methods_are_retried() {
        for status in [429, 502, 503, 504] {
            assert!(delay(&P, HttpMethod::Get, 1, &fail(ErrorKind::Api, Some(status)), 0.0, 1e9).is_some(), "{status}");
        }
        for status in [400, 401, 403, 404, 409, 422, 500, 501] {
            assert_eq!(delay(&P, HttpMethod::Get, 1, &fail(ErrorKind::Api, Some(status)), 0.0, 1e9), None, "{status}");
        }
        assert!(delay(&P, HttpMethod::Delete, 1, &fail(ErrorKind::Network, None), 0.0, 1e9).is_some());
        assert!(delay(&P, HttpMethod::Put, 1, &fail(ErrorKind::Network, None), 0.0, 1e9).is_some());
        for kind in [ErrorKind::Timeout, ErrorKind::Aborted, ErrorKind::Validation, ErrorKind::Decode] {
            assert_eq!(delay(&P, HttpMethod::Get, 1, &fail(kind, None), 0.0, 1e9), None, "{kind:?}");
        }
    }

    #[test]
    fn post_and_patch_only_when_asked_or_when_nothing_was_sent() {
        let f = fail(ErrorKind::Api, Some(503));
        assert_eq!(delay(&P, HttpMethod::Post, 1, &f, 0.0, 1e9), None);
        assert_eq!(delay(&P, HttpMethod::Patch, 1, &f, 0.0, 1e9), None);
        let opted = RetryPolicy { non_idempotent: true, ..P };
        assert!(delay(&opted, HttpMethod::Post, 1, &f, 0.0, 1e9).is_some());
        // The token request failed: the operation itself was never sent.
        let token = FailedAttempt { kind: ErrorKind::Auth, status: Some(503), sent: false, retry_after_ms: None };
        assert!(delay(&P, HttpMethod::Post, 1, &token, 0.0, 1e9).is_some());
    }

    #[test]
    fn the_retry_count_is_respected() {
        let f = fail(ErrorKind::Api, Some(503));
        assert!(delay(&P, HttpMethod::Get, 2, &f, 0.0, 1e9).is_some());
        assert_eq!(delay(&P, HttpMethod::Get, 3, &f, 0.0, 1e9), None);
        let off = RetryPolicy { retries: 0, ..P };
        assert_eq!(delay(&off, HttpMethod::Get, 1, &f, 0.0, 1e9), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let f = fail(ErrorKind::Api, Some(503));
        let many = RetryPolicy { retries: 10, max_delay_ms: 3_000, non_idempotent: false };
        assert_eq!(delay(&many, HttpMethod::Get, 1, &f, 0.0, 1e9), Some(250));
        assert_eq!(delay(&many, HttpMethod::Get, 1, &f, 0.999_999, 1e9), Some(499));
        assert_eq!(delay(&many, HttpMethod::Get, 2, &f, 0.0, 1e9), Some(500));
        assert_eq!(delay(&many, HttpMethod::Get, 3, &f, 1.0, 1e9), Some(2_000));
        assert_eq!(delay(&many, HttpMethod::Get, 4, &f, 1.0, 1e9), Some(3_000));
        assert_eq!(delay(&many, HttpMethod::Get, 10, &f, 1.0, 1e9), Some(3_000));
        // Odd random numbers cannot push the wait outside its range.
        for r in [f64::NAN, f64::INFINITY, -1.0, 7.0] {
            let d = delay(&many, HttpMethod::Get, 2, &f, r, 1e9).unwrap_or(u32::MAX);
            assert!((500..=1_000).contains(&d), "{r}: {d}");
        }
    }

    #[test]
    fn the_server_delay_wins_within_the_cap() {
        let mut f = fail(ErrorKind::Api, Some(429));
        f.retry_after_ms = Some(1_200);
        assert_eq!(delay(&P, HttpMethod::Get, 1, &f, 0.3, 1e9), Some(1_200));
        f.retry_after_ms = Some(0);
        assert_eq!(delay(&P, HttpMethod::Get, 1, &f, 0.3, 1e9), Some(0));
        // Longer than the cap: fail now rather than sleep for minutes.
        f.retry_after_ms = Some(60_000);
        assert_eq!(delay(&P, HttpMethod::Get, 1, &f, 0.3, 1e9), None);
    }

    #[test]
    fn no_wait_past_the_deadline() {
        let f = fail(ErrorKind::Api, Some(503));
        assert_eq!(delay(&P, HttpMethod::Get, 1, &f, 1.0, 100.0), None);
        assert_eq!(delay(&P, HttpMethod::Get, 1, &f, 1.0, 500.0), Some(500));
        assert_eq!(delay(&P, HttpMethod::Get, 1, &f, 1.0, f64::NAN), None);
    }
}
