//! The client-wide retry budget: a token bucket shared by every clone of a client, as in the AWS
//! SDKs' standard retry mode. A retry spends tokens, a success puts some back; an empty bucket
//! means "do not retry" (never "wait"), so an outage cannot multiply a service's load.

use std::sync::atomic::{AtomicU32, Ordering};

/// How many retries a [`Client`](crate::Client) and its clones may make when calls keep failing.
///
/// The bucket starts full. A retry after 429 or 503 costs [`RETRY_COST`](Self::RETRY_COST)
/// tokens, a retry after a transport failure costs [`TRANSPORT_RETRY_COST`](Self::TRANSPORT_RETRY_COST);
/// a call that succeeds at once puts one token back, a call that succeeds after retries puts back
/// what its last retry cost. With the default 500 tokens, a total outage allows about 100 retries
/// across the whole client before every call gets a single attempt; the bucket refills as calls
/// succeed again.
///
/// ```
/// use twilio_resource::{Client, RetryBudget};
///
/// let client = Client::builder()
///     .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
///     .auth_token("token")
///     .retry_budget(RetryBudget::tokens(100)) // or RetryBudget::unlimited()
///     .build()?;
/// # drop(client);
/// # Ok::<(), twilio_resource::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryBudget {
    /// `None` when the budget is off.
    capacity: Option<u32>,
}

impl RetryBudget {
    /// What one retry after 429 or 503 costs.
    pub const RETRY_COST: u32 = 5;
    /// What one retry after a transport failure (reset, refused connection) costs.
    pub const TRANSPORT_RETRY_COST: u32 = 10;
    /// The default size: 500 tokens, as in the AWS SDKs.
    pub const DEFAULT_TOKENS: u32 = 500;

    /// A bucket of `tokens` tokens; `tokens(0)` means no call is ever retried.
    pub const fn tokens(tokens: u32) -> Self {
        Self {
            capacity: Some(tokens),
        }
    }

    /// No client-wide limit: each call retries up to `max_retries` on its own.
    pub const fn unlimited() -> Self {
        Self { capacity: None }
    }

    /// The bucket's size, or `None` when unlimited.
    pub const fn capacity(&self) -> Option<u32> {
        self.capacity
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        Self::tokens(Self::DEFAULT_TOKENS)
    }
}

/// The bucket itself, shared by a client's clones.
#[derive(Debug)]
pub(crate) struct TokenBucket {
    capacity: Option<u32>,
    tokens: AtomicU32,
}

impl TokenBucket {
    pub(crate) fn new(budget: RetryBudget) -> Self {
        Self {
            capacity: budget.capacity,
            tokens: AtomicU32::new(budget.capacity.unwrap_or(0)),
        }
    }

    /// Takes `cost` tokens for a retry; `false` (and nothing taken) when there are not enough.
    pub(crate) fn try_spend(&self, cost: u32) -> bool {
        if self.capacity.is_none() {
            return true;
        }
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
                tokens.checked_sub(cost)
            })
            .is_ok()
    }

    /// Puts `amount` back after a success, up to the capacity.
    pub(crate) fn refund(&self, amount: u32) {
        let Some(capacity) = self.capacity else {
            return;
        };
        // A full bucket (the steady state) is only read: no shared cache line is written per call.
        if self.tokens.load(Ordering::Relaxed) >= capacity {
            return;
        }
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
                (tokens < capacity).then(|| tokens.saturating_add(amount).min(capacity))
            });
    }

    /// Tokens left, for `Debug` and tests.
    pub(crate) fn available(&self) -> Option<u32> {
        self.capacity.map(|_| self.tokens.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spends_until_empty_then_refuses() {
        let bucket = TokenBucket::new(RetryBudget::tokens(12));
        assert!(bucket.try_spend(RetryBudget::RETRY_COST));
        assert!(bucket.try_spend(RetryBudget::RETRY_COST));
        assert!(!bucket.try_spend(RetryBudget::RETRY_COST));
        assert_eq!(bucket.available(), Some(2));
        assert!(!bucket.try_spend(RetryBudget::TRANSPORT_RETRY_COST));
    }

    #[test]
    fn refunds_up_to_the_capacity() {
        let bucket = TokenBucket::new(RetryBudget::tokens(10));
        assert!(bucket.try_spend(10));
        bucket.refund(1);
        assert_eq!(bucket.available(), Some(1));
        bucket.refund(u32::MAX);
        assert_eq!(bucket.available(), Some(10));
        bucket.refund(5);
        assert_eq!(bucket.available(), Some(10));
    }

    #[test]
    fn zero_and_unlimited() {
        let none = TokenBucket::new(RetryBudget::tokens(0));
        assert!(!none.try_spend(1));
        let unlimited = TokenBucket::new(RetryBudget::unlimited());
        for _ in 0..1000 {
            assert!(unlimited.try_spend(u32::MAX));
        }
        assert_eq!(unlimited.available(), None);
    }
}
