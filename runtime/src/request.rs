//! One call: send with retries under one deadline, read the body with a cap, decode or explain.

use std::time::{Duration, SystemTime};

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, LOCATION, RETRY_AFTER};
use reqwest::{Response, Url};
use tokio::time::Instant;

use crate::client::Inner;
use crate::error::{ApiError, Error, excerpt};
use crate::retry::{is_retryable_status, parse_retry_after};

/// Error bodies are read only this far: enough for any Twilio error, bounded against a hostile proxy.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// A 2xx answer: the body, and the content type it came with.
pub(crate) struct Answer {
    pub(crate) body: Vec<u8>,
    pub(crate) content_type: Option<HeaderValue>,
}

/// `GET url` until a 2xx body arrives, retrying 429, 503 and transport failures within the
/// retry budget, all inside the client's timeout.
///
/// Tracing: `trace` per attempt, `debug` for the answer, each retry and the final failure. Events
/// carry the URL (never credentials: a base URL with userinfo is refused at build), status,
/// attempt and timing; the `Authorization` header is never logged.
pub(crate) async fn get(inner: &Inner, url: Url) -> Result<Answer, Error> {
    let started = Instant::now();
    let deadline = started + inner.timeout;
    // Built on the first failure only: most calls succeed at once and never need it.
    let mut backoff = None;
    let mut attempts = 0;
    loop {
        attempts += 1;
        tracing::trace!(attempt = attempts, "sending GET");
        let failure = match attempt(inner, &url, deadline).await {
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

async fn attempt(inner: &Inner, url: &Url, deadline: Instant) -> Result<Answer, Failure> {
    let timeout = inner.timeout;
    let remaining = deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return Err(Failure::Final(Error::Timeout {
            timeout,
            attempts: 0,
        }));
    }
    let sent = inner
        .http
        .get(url.clone())
        .header(AUTHORIZATION, inner.authorization.clone())
        .timeout(remaining)
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(error) => return Err(transport_failure(error, timeout)),
    };
    let status = response.status();
    if status.is_success() {
        let content_type = response.headers().get(CONTENT_TYPE).cloned();
        return read_capped(response, inner.max_response_bytes)
            .await
            .map(|body| Answer { body, content_type })
            .map_err(|failure| match failure {
                ReadFailure::TooLarge => Failure::Final(Error::ResponseTooLarge {
                    limit: inner.max_response_bytes,
                }),
                ReadFailure::Transport(error) => transport_failure(error, timeout),
            });
    }
    if status.is_redirection() {
        let location = header_text(&response, LOCATION);
        return Err(Failure::Final(Error::Redirect {
            status: status.as_u16(),
            location,
        }));
    }
    Err(api_failure(inner, response, timeout).await)
}

async fn api_failure(inner: &Inner, response: Response, timeout: Duration) -> Failure {
    let status = response.status();
    let retry_after =
        header_text(&response, RETRY_AFTER).and_then(|v| parse_retry_after(&v, SystemTime::now()));
    let request_id = header_text(&response, "twilio-request-id");
    // A body cut short or too large still leaves the status to report.
    let body = match read_capped(response, MAX_ERROR_BODY_BYTES).await {
        Ok(body) => body,
        Err(ReadFailure::Transport(error)) if error.is_timeout() => {
            return Failure::Final(Error::Timeout {
                timeout,
                attempts: 0,
            });
        }
        Err(_) => Vec::new(),
    };
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

/// A timeout is final (the deadline is spent); any other transport failure of a GET is safe to retry.
fn transport_failure(error: reqwest::Error, timeout: Duration) -> Failure {
    if error.is_timeout() {
        Failure::Final(Error::Timeout {
            timeout,
            attempts: 0,
        })
    } else {
        Failure::Retryable {
            error: Error::Transport {
                attempts: 0,
                source: Box::new(error),
            },
            retry_after: None,
        }
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

/// Reads the body, refusing (without reading on) anything past `limit` bytes.
async fn read_capped(mut response: Response, limit: usize) -> Result<Vec<u8>, ReadFailure> {
    let announced = response.content_length().unwrap_or(0);
    if announced > limit as u64 {
        return Err(ReadFailure::TooLarge);
    }
    let mut body = Vec::with_capacity(announced as usize);
    while let Some(chunk) = response.chunk().await.map_err(ReadFailure::Transport)? {
        if body.len() + chunk.len() > limit {
            return Err(ReadFailure::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
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
    match &answer.content_type {
        Some(content_type) if !is_json(content_type) => {
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
        _ => decode(&answer.body),
    }
}

/// `application/json` or any `+json` type (`application/problem+json`), parameters ignored.
fn is_json(content_type: &HeaderValue) -> bool {
    let text = content_type.to_str().unwrap_or_default();
    let media = text.split(';').next().unwrap_or_default().trim().as_bytes();
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
            body: body.to_vec(),
            content_type: content_type.map(HeaderValue::from_static),
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
