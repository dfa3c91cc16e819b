//! The request loop for every verb: send with retries under one deadline and the client-wide retry
//! budget, read the body with a cap, turn failures into [`Error`]s. It knows nothing of resources or
//! URLs' origins; [`Client`](crate::Client) builds the [`Call`] and decodes the [`Answer`].

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http_body_util::{BodyExt as _, LengthLimitError, Limited};
use reqwest::header::{
    AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue, LOCATION, RETRY_AFTER,
};
use reqwest::{Method, Response, Url};
use tokio::time::Instant;

use crate::budget::{RetryBudget, TokenBucket};
use crate::decode::{Answer, is_json};
use crate::error::{ApiError, Error};
use crate::retry::{RetryClass, RetryPolicy, parse_retry_after};

/// Error bodies are read only this far: enough for any Twilio error, bounded against a hostile proxy.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// The header Twilio's v2 APIs read to answer a repeated write with the original response.
pub(crate) const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

/// Where a call goes: the URL parsed once for the first attempt, and its text, parsed again only
/// for a retry (cheaper on the success path than cloning the `Url` before every attempt).
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) text: String,
    pub(crate) url: Url,
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
    /// Sent on every attempt of this call; its presence makes a `POST` safe to retry.
    pub(crate) idempotency_key: Option<HeaderValue>,
}

impl Call {
    pub(crate) fn get(target: Target) -> Self {
        Self {
            method: Method::GET,
            target,
            payload: None,
            idempotency_key: None,
        }
    }

    fn retry_class(&self) -> RetryClass {
        if self.method == Method::POST && self.idempotency_key.is_none() {
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
    /// Tracing: `trace` per attempt, `debug` for the answer, each retry and the final failure. Events
    /// carry the status, attempt and timing; never a header value.
    pub(crate) async fn send(&self, call: Call) -> Result<Answer, Error> {
        let class = call.retry_class();
        let Call {
            method,
            target: Target { text, url },
            payload,
            idempotency_key,
        } = call;
        let started = Instant::now();
        // `None` when the timeout is too large to add to the clock (`Duration::MAX`): no deadline.
        let deadline = started.checked_add(self.timeout);
        let mut first_url = Some(url);
        // Built on the first failure only: most calls succeed at once and never need it.
        let mut backoff = None;
        let mut attempts: u32 = 0;
        let mut last_cost = None;
        loop {
            attempts = attempts.saturating_add(1);
            tracing::trace!(attempt = attempts, %method, "sending");
            let url = match first_url.take() {
                Some(url) => url,
                // It parsed before, so it parses again; still, an error rather than a panic.
                None => Url::parse(&text).map_err(|e| Error::config(format!("{text}: {e}")))?,
            };
            let request = self.request(&method, url, payload.as_ref(), idempotency_key.as_ref());
            let (error, retry_after, cost) = match self.attempt(request, class, deadline).await {
                Ok(answer) => {
                    // A first-try success tops the bucket up by one; a success after retries
                    // gives back what its last retry cost.
                    self.budget.refund(last_cost.unwrap_or(1));
                    tracing::debug!(
                        attempts,
                        bytes = answer.body.len(),
                        elapsed_ms = started.elapsed().as_millis(),
                        "answered"
                    );
                    return Ok(answer);
                }
                Err(Failure::Final(error)) => return Err(give_up(with_attempts(error, attempts))),
                Err(Failure::Retryable {
                    error,
                    retry_after,
                    cost,
                }) => (with_attempts(error, attempts), retry_after, cost),
            };
            let backoff = backoff.get_or_insert_with(|| self.retry.backoff());
            let Some(wait) = self.retry.next_wait(backoff, retry_after) else {
                return Err(give_up(error));
            };
            // A wait that would outlast the deadline cannot lead to success: report what we have now.
            if let Some(deadline) = deadline {
                let wakes = Instant::now().checked_add(wait);
                if wakes.is_none_or(|wakes| wakes >= deadline) {
                    return Err(give_up(error));
                }
            }
            if !self.budget.try_spend(cost) {
                tracing::debug!(%error, "retry budget exhausted: not retrying");
                return Err(give_up(error));
            }
            last_cost = Some(cost);
            tracing::debug!(attempt = attempts, wait_ms = wait.as_millis(), %error, "retrying");
            tokio::time::sleep(wait).await;
        }
    }

    fn request(
        &self,
        method: &Method,
        url: Url,
        payload: Option<&Payload>,
        idempotency_key: Option<&HeaderValue>,
    ) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .request(method.clone(), url)
            .header(AUTHORIZATION, self.authorization.clone());
        if let Some(key) = idempotency_key {
            request = request.header(IDEMPOTENCY_KEY, key.clone());
        }
        if let Some(payload) = payload {
            request = request
                .header(CONTENT_TYPE, payload.content_type.clone())
                .body(payload.bytes.clone());
        }
        request
    }

    /// One attempt, bounded by the call's deadline: connecting, sending, headers and body alike.
    async fn attempt(
        &self,
        request: reqwest::RequestBuilder,
        class: RetryClass,
        deadline: Option<Instant>,
    ) -> Result<Answer, Failure> {
        let Some(deadline) = deadline else {
            return self.exchange(request, class).await;
        };
        if Instant::now() >= deadline {
            return Err(self.timed_out());
        }
        // Our own timer rather than reqwest's per-request timeout, which would allocate an
        // extensions map on every request; it is the same one timer either way.
        tokio::time::timeout_at(deadline, self.exchange(request, class))
            .await
            .unwrap_or_else(|_| Err(self.timed_out()))
    }

    /// A timeout is never retried: the deadline covers the whole call.
    fn timed_out(&self) -> Failure {
        Failure::Final(Error::Timeout {
            timeout: self.timeout,
            attempts: 0,
        })
    }

    /// Sends the request and reads the answer.
    async fn exchange(
        &self,
        request: reqwest::RequestBuilder,
        class: RetryClass,
    ) -> Result<Answer, Failure> {
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => return Err(transport_failure(error, class)),
        };
        let status = response.status();
        if status.is_success() {
            let non_json_content_type = response
                .headers()
                .get(CONTENT_TYPE)
                .filter(|content_type| !is_json(content_type))
                .cloned();
            return match read_capped(response, self.max_response_bytes).await {
                Ok(body) => Ok(Answer {
                    body,
                    non_json_content_type,
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
        Err(self.api_failure(response, class).await)
    }

    async fn api_failure(&self, response: Response, class: RetryClass) -> Failure {
        let status = response.status();
        let retry_after = header_text(&response, RETRY_AFTER)
            .and_then(|v| parse_retry_after(&v, SystemTime::now()));
        let request_id = header_text(&response, "twilio-request-id");
        // A body cut short or too large still leaves the status to report. (Running out of time
        // while reading it is the deadline's `timeout_at` in `attempt`, which ends this future.)
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

fn give_up(error: Error) -> Error {
    tracing::debug!(%error, "request failed");
    error
}

/// What one attempt ended with, when it did not succeed.
enum Failure {
    Final(Error),
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
async fn read_capped(response: Response, limit: usize) -> Result<Bytes, ReadFailure> {
    let limit_bytes = u64::try_from(limit).unwrap_or(u64::MAX);
    if response
        .content_length()
        .is_some_and(|announced| announced > limit_bytes)
    {
        return Err(ReadFailure::TooLarge);
    }
    match Limited::new(reqwest::Body::from(response), limit)
        .collect()
        .await
    {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.is::<LengthLimitError>() => Err(ReadFailure::TooLarge),
        Err(error) => Err(ReadFailure::Transport(error)),
    }
}

fn header_text(response: &Response, name: impl reqwest::header::AsHeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
