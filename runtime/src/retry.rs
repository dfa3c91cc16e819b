//! When to retry and how long to wait: `Retry-After` when the server says, else exponential backoff
//! with jitter (from `backon`).

use std::time::{Duration, SystemTime};

use backon::{BackoffBuilder as _, ExponentialBuilder};
use reqwest::StatusCode;

/// The retry settings of one client.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RetryPolicy {
    pub(crate) max_retries: u32,
    /// The longest `Retry-After` honoured; a larger one is cut to this (the deadline still applies).
    pub(crate) max_retry_after: Duration,
}

/// First backoff step; doubled each retry, with jitter, up to [`MAX_DELAY`].
const MIN_DELAY: Duration = Duration::from_millis(100);
const MAX_DELAY: Duration = Duration::from_secs(5);

impl RetryPolicy {
    /// The waits between attempts when the server gives no `Retry-After`; its length is the retry budget.
    pub(crate) fn backoff(&self) -> impl Iterator<Item = Duration> + use<> {
        ExponentialBuilder::new()
            .with_min_delay(MIN_DELAY)
            .with_max_delay(MAX_DELAY)
            .with_jitter()
            .with_max_times(self.max_retries as usize)
            .build()
    }

    /// How long to wait before the next attempt, or `None` when the retry budget is spent.
    pub(crate) fn next_wait(
        &self,
        backoff: &mut impl Iterator<Item = Duration>,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        let fallback = backoff.next()?;
        Some(retry_after.map_or(fallback, |wait| wait.min(self.max_retry_after)))
    }
}

/// Which failures a call may be retried after: a write Twilio may already have acted on is never sent twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryClass {
    /// GET, PUT, PATCH, DELETE, and any call with an `Idempotency-Key`: 429, 503 and transport failures.
    Repeatable,
    /// A `POST` without an idempotency key: only 429 (Twilio answers it before acting) and failures
    /// to connect (nothing was sent). Never 503, a timeout or a reset after sending: a duplicated
    /// SMS is billed twice.
    Once,
}

impl RetryClass {
    /// Whether an answer with this status may be retried.
    pub(crate) fn retries_status(self, status: StatusCode) -> bool {
        match self {
            Self::Repeatable => matches!(
                status,
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            ),
            Self::Once => status == StatusCode::TOO_MANY_REQUESTS,
        }
    }

    /// Whether a transport failure may be retried; `nothing_sent` when the connection never opened.
    pub(crate) fn retries_transport(self, nothing_sent: bool) -> bool {
        match self {
            Self::Repeatable => true,
            Self::Once => nothing_sent,
        }
    }
}

/// Reads `Retry-After` as delay-seconds (digits only) or an HTTP date (RFC 9110 §10.2.3). A date
/// in the past means "now"; a number too large for `u64` means "very long" (the cap applies);
/// anything else, `+5` and `1.5` included, is ignored (the caller falls back to backoff).
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_seconds_and_dates() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:40 GMT", now),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after("1.5", now), None);
        // Found by fuzzing: Rust's integer parser takes a leading `+`, RFC 9110 does not.
        assert_eq!(parse_retry_after("+5", now), None);
        assert_eq!(parse_retry_after("", now), None);
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn caps_retry_after_and_spends_the_budget() {
        let policy = RetryPolicy {
            max_retries: 2,
            max_retry_after: Duration::from_secs(10),
        };
        let mut backoff = policy.backoff();
        assert_eq!(
            policy.next_wait(&mut backoff, Some(Duration::from_secs(3600))),
            Some(Duration::from_secs(10))
        );
        let second = policy.next_wait(&mut backoff, None).unwrap();
        assert!(second >= MIN_DELAY && second <= MAX_DELAY * 2, "{second:?}");
        assert_eq!(policy.next_wait(&mut backoff, Some(Duration::ZERO)), None);
    }

    #[test]
    fn a_post_retries_only_what_twilio_cannot_have_acted_on() {
        use RetryClass::*;
        assert!(Repeatable.retries_status(StatusCode::TOO_MANY_REQUESTS));
        assert!(Repeatable.retries_status(StatusCode::SERVICE_UNAVAILABLE));
        assert!(!Repeatable.retries_status(StatusCode::INTERNAL_SERVER_ERROR));
        assert!(!Repeatable.retries_status(StatusCode::BAD_REQUEST));
        assert!(Once.retries_status(StatusCode::TOO_MANY_REQUESTS));
        assert!(!Once.retries_status(StatusCode::SERVICE_UNAVAILABLE));
        assert!(Repeatable.retries_transport(false));
        assert!(Once.retries_transport(true));
        assert!(!Once.retries_transport(false));
    }

    #[test]
    fn zero_retries_means_one_attempt() {
        let policy = RetryPolicy {
            max_retries: 0,
            max_retry_after: Duration::from_secs(10),
        };
        assert_eq!(policy.next_wait(&mut policy.backoff(), None), None);
    }
}
