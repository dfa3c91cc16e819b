//! One call: send with retries under one deadline, read the body with a cap, decode or explain.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, LOCATION, RETRY_AFTER};
use reqwest::{Response, Url};
use tokio::time::Instant;

use crate::client::Inner;
use crate::error::{ApiError, Error, excerpt};
use crate::retry::{is_retryable_status, parse_retry_after};

/// Error bodies are read only this far: enough for any Twilio error, bounded against a hostile proxy.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// A 2xx answer: the body, and its content type when that is not JSON.
pub(crate) struct Answer {
    pub(crate) body: Bytes,
    /// Kept only when it is wrong, so the common answer copies no header.
    pub(crate) non_json_content_type: Option<HeaderValue>,
}

/// Where a call goes: the URL parsed once for the first attempt, and its text, parsed again only
/// for a retry (cheaper on the success path than cloning the `Url` before every attempt).
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) text: String,
    pub(crate) url: Url,
}

/// `GET url` until a 2xx body arrives, retrying 429, 503 and transport failures within the
/// retry budget, all inside the client's timeout.
///
/// Tracing: `trace` per attempt, `debug` for the answer, each retry and the final failure. Events
/// carry the URL (never credentials: a base URL with userinfo is refused at build), status,
/// attempt and timing; the `Authorization` header is never logged.
pub(crate) async fn get(inner: &Inner, target: Target) -> Result<Answer, Error> {
    let Target { text, url } = target;
    let mut first_url = Some(url);
    let started = Instant::now();
    let deadline = started + inner.timeout;
    // Built on the first failure only: most calls succeed at once and never need it.
    let mut backoff = None;
    let mut attempts = 0;
    loop {
        attempts += 1;
        tracing::trace!(attempt = attempts, "sending GET");
        let url = match first_url.take() {
            Some(url) => url,
            // It parsed before, so it parses again; still, an error rather than a panic.
            None => Url::parse(&text).map_err(|e| Error::config(format!("{text}: {e}")))?,
        };
        let failure = match attempt(inner, url, deadline).await {
            Ok(answer) => {
                tracing::debug!(
                    attempts,
                    bytes = answer.body.len(),
                    elapsed_ms = started.elapsed().as_millis(),
                    "answered"
                );
                return Ok(answer);
            }
            Err(failure) => failure,
        };
        let (error, retry_after) = match failure {
            Failure::Final(error) => return Err(give_up(attach_attempts(error, attempts))),
            Failure::Retryable { error, retry_after } => {
                (attach_attempts(error, attempts), retry_after)
            }
        };
        let backoff = backoff.get_or_insert_with(|| inner.retry.backoff());
        let Some(wait) = inner.retry.next_wait(backoff, retry_after) else {
            return Err(give_up(error));
        };
        // A wait that would outlast the deadline cannot lead to success: report what we have now.
        if Instant::now() + wait >= deadline {
            return Err(give_up(error));
        }
        tracing::debug!(attempt = attempts, wait_ms = wait.as_millis(), %error, "retrying");
        tokio::time::sleep(wait).await;
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
    },
}

/// One attempt, bounded by the call's deadline: connecting, sending, headers and body alike.
async fn attempt(inner: &Inner, url: Url, deadline: Instant) -> Result<Answer, Failure> {
    let timed_out = || {
        Failure::Final(Error::Timeout {
            timeout: inner.timeout,
            attempts: 0,
        })
    };
    if Instant::now() >= deadline {
        return Err(timed_out());
    }
    // Our own timer rather than reqwest's per-request timeout, which would allocate an extensions
    // map on every request; it is the same one timer either way.
    tokio::time::timeout_at(deadline, exchange(inner, url))
        .await
        .unwrap_or_else(|_| Err(timed_out()))
}

/// Sends the request and reads the answer.
async fn exchange(inner: &Inner, url: Url) -> Result<Answer, Failure> {
    let sent = inner
        .http
        .get(url)
        .header(AUTHORIZATION, inner.authorization.clone())
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(error) => return Err(transport_failure(error)),
    };
    let status = response.status();
    if status.is_success() {
        let non_json_content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .filter(|content_type| !is_json(content_type))
            .cloned();
        return read_capped(response, inner.max_response_bytes)
            .await
            .map(|body| Answer {
                body,
                non_json_content_type,
            })
            .map_err(|failure| match failure {
                ReadFailure::TooLarge => Failure::Final(Error::ResponseTooLarge {
                    limit: inner.max_response_bytes,
                }),
                ReadFailure::Transport(error) => transport_failure(error),
            });
    }
    if status.is_redirection() {
        let location = header_text(&response, LOCATION);
        return Err(Failure::Final(Error::Redirect {
            status: status.as_u16(),
            location,
        }));
    }
    Err(api_failure(inner, response).await)
}

async fn api_failure(inner: &Inner, response: Response) -> Failure {
    let status = response.status();
    let retry_after =
        header_text(&response, RETRY_AFTER).and_then(|v| parse_retry_after(&v, SystemTime::now()));
    let request_id = header_text(&response, "twilio-request-id");
    // A body cut short or too large still leaves the status to report. (Running out of time while
    // reading it is the deadline's `timeout_at` in `attempt`, which ends this future.)
    let body = read_capped(response, MAX_ERROR_BODY_BYTES)
        .await
        .unwrap_or_default();
    let mut api = ApiError::parse(status.as_u16(), &body, inner.credentials.account_sid());
    api.retry_after = retry_after;
    api.request_id = request_id;
    let error = Error::Api(Box::new(api));
    if is_retryable_status(status) {
        Failure::Retryable { error, retry_after }
    } else {
        Failure::Final(error)
    }
}

/// A transport failure of a GET is safe to retry. The call's deadline is enforced by `attempt`
/// (reqwest is given no timeout), so no error here means the deadline is spent.
fn transport_failure(error: reqwest::Error) -> Failure {
    Failure::Retryable {
        error: Error::Transport {
            attempts: 0,
            source: Box::new(error),
        },
        retry_after: None,
    }
}

fn attach_attempts(mut error: Error, count: u32) -> Error {
    match &mut error {
        Error::Timeout { attempts, .. } | Error::Transport { attempts, .. } => *attempts = count,
        Error::Api(api) => api.attempts = count,
        _ => {}
    }
    error
}

enum ReadFailure {
    TooLarge,
    Transport(reqwest::Error),
}

/// Reads the body, refusing (without reading on) anything past `limit` bytes. A body that arrives
/// in one chunk (the usual small answer) is returned as is, without a copy.
async fn read_capped(mut response: Response, limit: usize) -> Result<Bytes, ReadFailure> {
    let announced = response.content_length().unwrap_or(0);
    if announced > limit as u64 {
        return Err(ReadFailure::TooLarge);
    }
    let Some(first) = next_chunk(&mut response).await? else {
        return Ok(Bytes::new());
    };
    if first.len() > limit {
        return Err(ReadFailure::TooLarge);
    }
    let Some(second) = next_chunk(&mut response).await? else {
        return Ok(first);
    };
    let mut body = Vec::with_capacity((announced as usize).max(first.len() + second.len()));
    body.extend_from_slice(&first);
    let mut chunk = Some(second);
    while let Some(piece) = chunk {
        if body.len() + piece.len() > limit {
            return Err(ReadFailure::TooLarge);
        }
        body.extend_from_slice(&piece);
        chunk = next_chunk(&mut response).await?;
    }
    Ok(Bytes::from(body))
}

async fn next_chunk(response: &mut Response) -> Result<Option<Bytes>, ReadFailure> {
    response.chunk().await.map_err(ReadFailure::Transport)
}

fn header_text(response: &Response, name: impl reqwest::header::AsHeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Decodes a 2xx answer, refusing up front a body declared as something other than JSON (an HTML
/// page from a captive portal or proxy, say); an answer without a content type is tried as JSON.
pub(crate) fn decode_answer<R: serde::de::DeserializeOwned>(answer: &Answer) -> Result<R, Error> {
    match &answer.non_json_content_type {
        Some(content_type) => {
            let shown = String::from_utf8_lossy(content_type.as_bytes());
            let starts = excerpt(&answer.body)
                .map(|text| format!("; it starts \"{text}\""))
                .unwrap_or_default();
            Err(decode_error::<R>(
                ".".to_owned(),
                format!(
                    "expected JSON but the content type is `{shown}` (a proxy or captive portal may have answered){starts}"
                ),
            ))
        }
        None => decode(&answer.body),
    }
}

/// `application/json` or any `+json` type (`application/problem+json`), parameters ignored.
fn is_json(content_type: &HeaderValue) -> bool {
    let bytes = content_type.as_bytes();
    let media = bytes
        .split(|&b| b == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    media.eq_ignore_ascii_case(b"application/json")
        || media.len() > 5 && media[media.len() - 5..].eq_ignore_ascii_case(b"+json")
}

/// Decodes a 2xx body. The fast path is plain serde_json; only on failure is the body decoded again
/// with path tracking, so the error can say where it broke.
pub(crate) fn decode<R: serde::de::DeserializeOwned>(body: &[u8]) -> Result<R, Error> {
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let (path, message) = match serde_path_to_error::deserialize::<_, R>(&mut deserializer) {
        Err(error) => (error.path().to_string(), error.into_inner().to_string()),
        // The value itself decoded, so the fast path refused what follows it.
        Ok(_) => (
            ".".to_owned(),
            deserializer
                .end()
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default(),
        ),
    };
    let message = if body.is_empty() {
        "the body is empty".to_owned()
    } else {
        message
    };
    Err(decode_error::<R>(path, message))
}

fn decode_error<R>(path: String, message: String) -> Error {
    Error::Decode {
        type_name: std::any::type_name::<R>(),
        path,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Thing {
        id: String,
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        n: u8,
    }

    fn decode_failure(body: &[u8]) -> (String, String) {
        match decode::<Thing>(body) {
            Err(Error::Decode {
                path,
                message,
                type_name,
            }) => {
                assert!(type_name.ends_with("Thing"));
                (path, message)
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn decodes_and_ignores_unknown_fields() {
        let thing: Thing =
            decode(br#"{"id": "x", "items": [{"n": 1, "extra": true}], "new": 5}"#).unwrap();
        assert_eq!(thing.items.len(), 1);
    }

    #[test]
    fn names_the_json_path_of_a_failure() {
        let (path, message) = decode_failure(br#"{"id": "x", "items": [{"n": 1}, {"n": "two"}]}"#);
        assert_eq!(path, "items[1].n");
        assert!(message.contains("invalid type"), "{message}");
    }

    #[test]
    fn explains_empty_and_truncated_bodies() {
        assert_eq!(decode_failure(b"").1, "the body is empty");
        let (_, message) = decode_failure(br#"{"id": "x", "ite"#);
        assert!(message.contains("EOF"), "{message}");
        let (path, message) = decode_failure(br#"{"id": "x", "items": []} trailing"#);
        assert_eq!(path, ".");
        assert!(message.contains("trailing characters"), "{message}");
        let (_, message) = decode_failure(b"\xff\xfe");
        assert!(message.contains("expected value"), "{message}");
    }

    fn answer(content_type: Option<&'static str>, body: &[u8]) -> Answer {
        Answer {
            body: Bytes::copy_from_slice(body),
            non_json_content_type: content_type
                .map(HeaderValue::from_static)
                .filter(|content_type| !is_json(content_type)),
        }
    }

    #[test]
    fn json_content_types_decode_and_others_are_named() {
        let body = br#"{"id": "x", "items": []}"#;
        for ct in [
            None,
            Some("application/json"),
            Some("Application/JSON; charset=utf-8"),
            Some("application/problem+json"),
        ] {
            assert!(decode_answer::<Thing>(&answer(ct, body)).is_ok(), "{ct:?}");
        }
        let html = answer(
            Some("text/html; charset=utf-8"),
            b"<html><body>Log in to the Wi-Fi</body></html>",
        );
        let message = decode_answer::<Thing>(&html).unwrap_err().to_string();
        assert!(
            message.contains("content type is `text/html; charset=utf-8`"),
            "{message}"
        );
        assert!(message.contains("Log in to the Wi-Fi"), "{message}");
        assert!(decode_answer::<Thing>(&answer(Some("json"), body)).is_err());
    }

    #[test]
    fn retryable_statuses_are_429_and_503() {
        assert!(is_retryable_status(StatusCode::TOO_MANY_REQUESTS));
        assert!(is_retryable_status(StatusCode::SERVICE_UNAVAILABLE));
        assert!(!is_retryable_status(StatusCode::INTERNAL_SERVER_ERROR));
        assert!(!is_retryable_status(StatusCode::BAD_REQUEST));
    }
}
