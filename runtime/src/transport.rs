//! The request loop for every verb: send with retries under one deadline and the client-wide retry
//! budget, read the body with a cap, turn failures into [`Error`]s. It knows nothing of resources or
//! URLs' origins; [`Client`](crate::Client) builds the [`Call`] and decodes the [`Answer`].

use std::future::poll_fn;
use std::pin::{Pin, pin};
use std::task::Poll;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{
    AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, LOCATION, RETRY_AFTER,
};
use reqwest::{Method, Response, Url};
use tokio::time::{Instant, Sleep};

use crate::budget::{RetryBudget, TokenBucket};
use crate::decode::Answer;
use crate::error::{ApiError, Error};
use crate::retry::{RetryClass, RetryPolicy, parse_retry_after};

/// The most a body's buffer is sized in advance from its announced length.
const PRESIZE_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Error bodies are read only this far: enough for any Twilio error, bounded against a hostile proxy.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// The header Twilio's v2 APIs read to answer a repeated write with the original response.
pub(crate) const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

/// Where a call goes: the URL parsed once for the first attempt (which takes it), and its text,
/// parsed again only for a retry (cheaper on the success path than cloning the `Url` before every
/// attempt).
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) text: String,
    pub(crate) url: Option<Url>,
}

/// A request body, encoded once and shared by every attempt.
#[derive(Debug, Clone)]
pub(crate) struct Payload {
    pub(crate) content_type: HeaderValue,
    pub(crate) bytes: Bytes,
}

/// One call, whatever its verb.
#[derive(Debug)]
pub(crate) struct Call {
    pub(crate) method: Method,
    pub(crate) target: Target,
    pub(crate) payload: Option<Payload>,
    /// Sent on every attempt, each replacing the client's own header of the same name (an empty
    /// map allocates nothing).
    pub(crate) headers: HeaderMap,
    /// The call carries an `Idempotency-Key` that Twilio honours for this resource: a `POST` is
    /// then safe to retry.
    pub(crate) idempotent: bool,
    /// This call's deadline instead of the client's.
    pub(crate) timeout: Option<Duration>,
}

impl Call {
    pub(crate) fn get(target: Target) -> Self {
        Self {
            method: Method::GET,
            target,
            payload: None,
            headers: HeaderMap::new(),
            idempotent: false,
            timeout: None,
        }
    }

    fn retry_class(&self) -> RetryClass {
        if self.method == Method::POST && !self.idempotent {
            RetryClass::Once
        } else {
            RetryClass::Repeatable
        }
    }
}

/// The connection pool and everything a request needs but its address: credentials header,
/// timeout, retry policy and budget, size cap.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) authorization: HeaderValue,
    /// Named in API errors (never the secret).
    pub(crate) account_sid: String,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) budget: TokenBucket,
    pub(crate) max_response_bytes: usize,
}

impl Transport {
    /// Sends `call` until a 2xx answer arrives, retrying what its [`RetryClass`] allows while the
    /// call's deadline and the client's retry budget last.
    ///
    /// Tracing: `trace` per attempt, `debug` for the answer, each retry and the final failure, all
    /// children of the caller's `span` (given as their parent rather than entered around every
    /// poll, which costs more on the success path). Events carry the status, attempt and timing;
    /// never a header value.
    ///
    /// Refused with [`Error::Config`] outside a Tokio runtime, where reqwest would panic.
    pub(crate) async fn send(&self, mut call: Call, span: &tracing::Span) -> Result<Answer, Error> {
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(no_runtime());
        }
        // A span the subscriber does not want is no parent: the events then belong to whatever
        // span the caller is in, as they would inside `.instrument(span)`.
        let current;
        let span = if span.is_disabled() {
            current = tracing::Span::current();
            &current
        } else {
            span
        };
        let class = call.retry_class();
        // `call` is used in place, never taken apart: an async fn's argument keeps its own slot in
        // the future, so moving its fields into locals would hold them twice.
        let started = Instant::now();
        let timeout = call.timeout.unwrap_or(self.timeout);
        // `None` when the timeout is too large to add to the clock (`Duration::MAX`): no deadline.
        let deadline = started.checked_add(timeout);
        // One timer for the whole call, polled beside each attempt rather than wrapping it (a
        // `timeout_at` per attempt would build a timer each time and move the attempt into it).
        // Boxed, as reqwest boxes its own: the call's future stays small.
        let mut timer = deadline.map(|deadline| Box::pin(tokio::time::sleep_until(deadline)));
        // Built (and boxed) on the first failure only: most calls succeed at once and never need
        // it, and it stays out of every call's future.
        let mut backoff = None;
        let mut attempts: u32 = 0;
        let mut last_cost = None;
        loop {
            // Checked on the clock before sending (the timer fires only when the driver runs it): a
            // call out of time sends nothing more, and its error counts the attempts made.
            if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                return Err(give_up(span, timed_out(timeout, attempts)));
            }
            attempts = attempts.saturating_add(1);
            tracing::trace!(parent: span, attempt = attempts, method = %call.method, "sending");
            let url = match call.target.url.take() {
                Some(url) => url,
                // It parsed before, so it parses again; still, an error rather than a panic.
                None => reparse(&call.target.text)?,
            };
            let request = self.request(&call.method, url, call.payload.as_ref(), &call.headers);
            // Sent here, so the attempt's future holds reqwest's small `Pending`, not the builder.
            let exchange = pin!(self.exchange(request.send(), class));
            let (error, retry_after, cost) = match within(exchange, timer.as_mut()).await {
                Ok(answer) => {
                    // A first-try success tops the bucket up by one; a success after retries
                    // gives back what its last retry cost.
                    self.budget.refund(last_cost.unwrap_or(1));
                    tracing::debug!(
                        parent: span,
                        attempts,
                        bytes = answer.body.len(),
                        elapsed_ms = started.elapsed().as_millis(),
                        "answered"
                    );
                    return Ok(answer);
                }
                Err(Failure::Final(error)) => {
                    return Err(give_up(span, with_attempts(error, attempts)));
                }
                Err(Failure::TimedOut) => {
                    return Err(give_up(span, timed_out(timeout, attempts)));
                }
                Err(Failure::Retryable {
                    error,
                    retry_after,
                    cost,
                }) => (with_attempts(error, attempts), retry_after, cost),
            };
            let backoff = backoff.get_or_insert_with(|| Box::new(self.retry.backoff()));
            let Some(wait) = self.retry.next_wait(backoff, retry_after) else {
                return Err(give_up(span, error));
            };
            // A wait that would outlast the deadline cannot lead to success: report what we have now.
            if let Some(deadline) = deadline {
                let wakes = Instant::now().checked_add(wait);
                if wakes.is_none_or(|wakes| wakes >= deadline) {
                    return Err(give_up(span, error));
                }
            }
            if !self.budget.try_spend(cost) {
                tracing::debug!(parent: span, %error, "retry budget exhausted: not retrying");
                return Err(give_up(span, error));
            }
            last_cost = Some(cost);
            tracing::debug!(
                parent: span,
                attempt = attempts,
                wait_ms = wait.as_millis(),
                %error,
                "retrying"
            );
            // Boxed: the retry path's timer stays out of every call's future.
            Box::pin(tokio::time::sleep(wait)).await;
        }
    }

    /// The request of one attempt. The call's own headers come last and replace any of the same
    /// name set before (`Authorization`, `Content-Type`) or by the client (`User-Agent`, `Accept`):
    /// a header named on purpose wins.
    fn request(
        &self,
        method: &Method,
        url: Url,
        payload: Option<&Payload>,
        headers: &HeaderMap,
    ) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .request(method.clone(), url)
            .header(AUTHORIZATION, self.authorization.clone());
        if let Some(payload) = payload {
            request = request
                .header(CONTENT_TYPE, payload.content_type.clone())
                .body(payload.bytes.clone());
        }
        if !headers.is_empty() {
            // `headers` replaces the values of the names it holds (reqwest merges by name).
            request = request.headers(headers.clone());
        }
        request
    }

    /// Waits for the answer to a sent request and reads it.
    async fn exchange(
        &self,
        sent: impl Future<Output = Result<Response, reqwest::Error>>,
        class: RetryClass,
    ) -> Result<Answer, Failure> {
        let mut response = match sent.await {
            Ok(response) => response,
            Err(error) => return Err(transport_failure(error, class)),
        };
        let status = response.status();
        if status.is_success() {
            // Taken, not cloned: reading the body needs no header.
            let headers = std::mem::take(response.headers_mut());
            return match read_capped(response, self.max_response_bytes).await {
                Ok(body) => Ok(Answer {
                    status,
                    headers,
                    body,
                }),
                Err(ReadFailure::TooLarge) => Err(Failure::Final(Error::ResponseTooLarge {
                    limit: self.max_response_bytes,
                })),
                // The headers arrived, so the request was sent: only a repeatable call may retry.
                Err(ReadFailure::Transport(source)) => {
                    Err(Failure::transport(source, class, false))
                }
            };
        }
        if status.is_redirection() {
            let location = header_text(&response, LOCATION);
            return Err(Failure::Final(Error::Redirect {
                status: status.as_u16(),
                location,
            }));
        }
        // Boxed: the rare path's state (a response and its capped read) stays out of every call's future.
        Err(Box::pin(self.api_failure(response, class)).await)
    }

    async fn api_failure(&self, response: Response, class: RetryClass) -> Failure {
        let status = response.status();
        let retry_after = header_text(&response, RETRY_AFTER)
            .and_then(|v| parse_retry_after(&v, SystemTime::now()));
        let request_id = header_text(&response, "twilio-request-id");
        // A body cut short or too large still leaves the status to report. (Running out of time
        // while reading it is the call's timer in `within`, which ends this future.)
        let body = read_capped(response, MAX_ERROR_BODY_BYTES)
            .await
            .unwrap_or_default();
        let mut api = ApiError::parse(status.as_u16(), &body, &self.account_sid);
        api.retry_after = retry_after;
        api.request_id = request_id;
        let error = Error::Api(Box::new(api));
        if class.retries_status(status) {
            Failure::Retryable {
                error,
                retry_after,
                cost: RetryBudget::RETRY_COST,
            }
        } else {
            Failure::Final(error)
        }
    }
}

/// Runs one attempt until it ends or the call's timer fires (no timer: no deadline). The attempt
/// is pinned where the caller built it: taking it by value would copy it into this future.
async fn within<F: Future<Output = Result<Answer, Failure>>>(
    mut exchange: Pin<&mut F>,
    timer: Option<&mut Pin<Box<Sleep>>>,
) -> Result<Answer, Failure> {
    let Some(timer) = timer else {
        return exchange.await;
    };
    poll_fn(|cx| {
        if let Poll::Ready(done) = exchange.as_mut().poll(cx) {
            return Poll::Ready(done);
        }
        timer.as_mut().poll(cx).map(|()| Err(Failure::TimedOut))
    })
    .await
}

/// A timeout is never retried: the deadline covers the whole call.
#[cold]
fn timed_out(timeout: Duration, attempts: u32) -> Error {
    Error::Timeout { timeout, attempts }
}

#[cold]
fn give_up(span: &tracing::Span, error: Error) -> Error {
    tracing::debug!(parent: span, %error, "request failed");
    error
}

#[cold]
fn reparse(text: &str) -> Result<Url, Error> {
    Url::parse(text).map_err(|e| Error::config(format!("{text}: {e}")))
}

#[cold]
pub(crate) fn no_runtime() -> Error {
    Error::config(
        "no Tokio runtime: twilio-resource runs on Tokio; call it inside #[tokio::main], or from blocking code through tokio::runtime::Runtime::block_on",
    )
}

/// What one attempt ended with, when it did not succeed.
enum Failure {
    Final(Error),
    /// The call's deadline passed; reported with the attempts made.
    TimedOut,
    Retryable {
        error: Error,
        retry_after: Option<Duration>,
        /// What a retry takes from the client's budget.
        cost: u32,
    },
}

impl Failure {
    fn transport(
        source: Box<dyn std::error::Error + Send + Sync>,
        class: RetryClass,
        nothing_sent: bool,
    ) -> Self {
        let error = Error::Transport {
            attempts: 0,
            source,
        };
        if class.retries_transport(nothing_sent) {
            Failure::Retryable {
                error,
                retry_after: None,
                cost: RetryBudget::TRANSPORT_RETRY_COST,
            }
        } else {
            Failure::Final(error)
        }
    }
}

/// reqwest reports a failure to connect (refused, DNS, TLS handshake) as `is_connect`: nothing
/// reached the server, so even a `POST` may go again. (The deadline is enforced by `attempt`:
/// reqwest is given no timeout.)
fn transport_failure(error: reqwest::Error, class: RetryClass) -> Failure {
    let nothing_sent = error.is_connect();
    Failure::transport(Box::new(error), class, nothing_sent)
}

fn with_attempts(mut error: Error, count: u32) -> Error {
    match &mut error {
        Error::Timeout { attempts, .. } | Error::Transport { attempts, .. } => *attempts = count,
        Error::Api(api) => api.attempts = count,
        _ => {}
    }
    error
}

enum ReadFailure {
    TooLarge,
    Transport(Box<dyn std::error::Error + Send + Sync>),
}

/// Reads the body, refusing (without reading on) anything past `limit` bytes: at once when the
/// announced length is over, else as soon as the bytes received pass it.
///
/// A body that arrives in one chunk is kept as it is; one in several chunks is copied into one
/// buffer sized by the announced length, each chunk freed once copied, so a large page is held
/// once rather than as its chunks plus their copy. The response is read in place (`chunk`), not
/// moved into a body wrapper: this future stays small.
async fn read_capped(mut response: Response, limit: usize) -> Result<Bytes, ReadFailure> {
    let limit_bytes = u64::try_from(limit).unwrap_or(u64::MAX);
    let announced = response.content_length();
    if announced.is_some_and(|announced| announced > limit_bytes) {
        return Err(ReadFailure::TooLarge);
    }
    let mut first: Option<Bytes> = None;
    let mut joined: Vec<u8> = Vec::new();
    let mut received: usize = 0;
    loop {
        let chunk = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            // reqwest leaves a body error without the URL; the error's words name the host.
            Err(error) => {
                let error = error.with_url(response.url().clone());
                return Err(ReadFailure::Transport(Box::new(error)));
            }
        };
        received = received.saturating_add(chunk.len());
        if received > limit {
            return Err(ReadFailure::TooLarge);
        }
        if first.is_none() && joined.is_empty() {
            first = Some(chunk);
            continue;
        }
        if let Some(first) = first.take() {
            // Sized by the announced length, which the server chose: bounded by the cap and by
            // `PRESIZE_MAX_BYTES`, and only tried (a larger body grows as its bytes arrive).
            let capacity = announced
                .and_then(|announced| usize::try_from(announced).ok())
                .unwrap_or(0)
                .min(limit)
                .min(PRESIZE_MAX_BYTES)
                .max(received);
            let _ = joined.try_reserve_exact(capacity);
            joined.extend_from_slice(&first);
        }
        joined.extend_from_slice(&chunk);
    }
    Ok(first.unwrap_or_else(|| Bytes::from(joined)))
}

fn header_text(response: &Response, name: impl reqwest::header::AsHeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
