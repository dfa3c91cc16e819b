//! The HTTP surface: one handler for every method and path. A gate (request log, fault script,
//! Basic auth, answers scripted for a route, idempotency keys) stands in front of the API.

use std::sync::Arc;

use axum::Router;
use axum::body::{self, Body, Bytes};
use axum::extract::{Request, State as Extract};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::bodies;
use crate::faults::{BodyShape, FaultKind};
use crate::lifecycle::{self, Answer, Call};
use crate::state::{IDEMPOTENCY_KEY, State};
use crate::streams;

/// The largest request body read; a larger one is answered 413.
const MAX_REQUEST_BODY: usize = 16 * 1024 * 1024;

pub(crate) fn router(state: Arc<State>) -> Router {
    Router::new().fallback(handle).with_state(state)
}

/// Answers every request with a `Twilio-Request-Id`. Logs the request, plays the next scripted fault, checks Basic auth like Twilio (401 + body),
/// plays an answer scripted for this route, replays the first answer to a repeated idempotency
/// key, and only then asks the API.
async fn handle(Extract(state): Extract<Arc<State>>, request: Request) -> Response {
    let mut response = gate(&state, request).await;
    if let Ok(id) = HeaderValue::try_from(state.ids.request_id()) {
        response.headers_mut().insert(REQUEST_ID, id);
    }
    response
}

/// Twilio's header naming each request it answered: `RQ` + 32 hex digits.
const REQUEST_ID: &str = "twilio-request-id";

async fn gate(state: &State, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let (body, too_large) = match body::to_bytes(body, MAX_REQUEST_BODY).await {
        Ok(body) => (body, false),
        Err(_) => (Bytes::new(), true),
    };
    let authorized = state.is_authorized(&parts.headers);
    state.record(&parts, &body, authorized);
    let path = parts.uri.path();
    if let Some(fault) = state.next_fault() {
        match fault.kind {
            // A delay postpones the normal answer; every other fault replaces it.
            FaultKind::Delay(delay) => tokio::time::sleep(delay).await,
            kind => {
                let mut response = fault_response(state, path, kind);
                if let Some(value) = fault
                    .retry_after
                    .and_then(|v| HeaderValue::try_from(v).ok())
                {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                return response;
            }
        }
    }
    if !authorized {
        let mut response = error_response(401, None);
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"Twilio API\""),
        );
        return response;
    }
    if too_large {
        return error_response(413, Some("The request body is too large"));
    }
    let path_and_query = parts.uri.path_and_query().map_or(path, |pq| pq.as_str());
    if let Some(scripted) = state.take_scripted(parts.method.as_str(), path, path_and_query) {
        return raw_response(
            status_code(scripted.status),
            "application/json",
            Body::from(scripted.body),
        );
    }
    let key = (parts.method != axum::http::Method::GET)
        .then(|| parts.headers.get(IDEMPOTENCY_KEY)?.to_str().ok())
        .flatten();
    if let Some(saved) = key.and_then(|key| state.saved(key)) {
        return answer_response(saved);
    }
    let text = |name| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let answer = lifecycle::answer(
        state,
        &Call {
            method: &parts.method,
            path,
            query: parts.uri.query(),
            content_type: text(header::CONTENT_TYPE),
            body: &body,
            if_match: text(header::IF_MATCH),
        },
    );
    if let Some(key) = key
        && !matches!(answer, Answer::Error(..))
    {
        state.save(key, answer.clone());
    }
    answer_response(answer)
}

fn answer_response(answer: Answer) -> Response {
    match answer {
        Answer::Json(status, body, etag) => {
            let mut response = raw_response(status, "application/json", Body::from(body));
            if let Some(value) = etag.and_then(|etag| HeaderValue::try_from(etag).ok()) {
                response.headers_mut().insert(header::ETAG, value);
            }
            response
        }
        Answer::NoContent => StatusCode::NO_CONTENT.into_response(),
        Answer::Error(status, code, message) => json_response(
            status_code(status),
            bodies::coded(status, code, &message),
            "application/json",
        ),
    }
}

/// Twilio's classic error body.
fn error_response(status: u16, message: Option<&str>) -> Response {
    json_response(
        status_code(status),
        bodies::classic(status, message),
        "application/json",
    )
}

fn fault_response(state: &State, path: &str, kind: FaultKind) -> Response {
    match kind {
        FaultKind::Status { status, shape } => {
            let (body, content_type) = match shape {
                BodyShape::Classic => (bodies::classic(status, None), "application/json"),
                BodyShape::Standard => (bodies::standard(status), "application/json"),
                BodyShape::Problem => (bodies::problem(status), "application/problem+json"),
            };
            json_response(status_code(status), body, content_type)
        }
        FaultKind::Raw {
            status,
            content_type,
            body,
        } => raw_response(status_code(status), &content_type, Body::from(body)),
        FaultKind::TruncatedJson => {
            let full = state.record_or_example(path);
            let half = full.slice(..full.len() / 2);
            raw_response(StatusCode::OK, "application/json", Body::from(half))
        }
        FaultKind::CutMidBody => {
            let full = state.record_or_example(path);
            let length = full.len();
            let mut response = raw_response(
                StatusCode::OK,
                "application/json",
                streams::cut_mid_body(full),
            );
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
            response
        }
        FaultKind::SlowBody { pause } => {
            let full = state.record_or_example(path);
            raw_response(
                StatusCode::OK,
                "application/json",
                streams::slow(full, pause),
            )
        }
        FaultKind::LargeBody {
            bytes,
            announce_length,
        } => {
            let body = streams::large(bytes, state.streamed_bytes.clone());
            let mut response = raw_response(StatusCode::OK, "application/json", body);
            if announce_length {
                response.headers_mut().insert(
                    header::CONTENT_LENGTH,
                    HeaderValue::from(streams::large_len(bytes)),
                );
            }
            response
        }
        FaultKind::Redirect { status, location } => {
            let mut response = raw_response(status_code(status), "text/plain", Body::empty());
            if let Ok(value) = HeaderValue::try_from(location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        // The gate sleeps instead of answering; nothing replaces the normal answer.
        FaultKind::Delay(_) => unreachable_delay(),
    }
}

/// Only reached if the gate's match changes; answer something visible rather than panic.
fn unreachable_delay() -> Response {
    raw_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "text/plain",
        Body::from("delay fault answered directly"),
    )
}

fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn json_response(status: StatusCode, body: Value, content_type: &'static str) -> Response {
    raw_response(status, content_type, Body::from(body.to_string()))
}

fn raw_response(status: StatusCode, content_type: &str, body: Body) -> Response {
    let content_type = HeaderValue::try_from(content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}
