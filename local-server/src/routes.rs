//! The HTTP surface: a gate (request log, fault script, Basic auth) in front of the API routes.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State as Extract};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::Value;

use crate::bodies;
use crate::faults::{BodyShape, FaultKind};
use crate::store::State;
use crate::streams;

pub(crate) fn router(state: Arc<State>) -> Router {
    Router::new()
        .route(
            "/v2/Conversations/{conversation_sid}/Participants/{sid}",
            get(fetch_participant),
        )
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), gate))
        .with_state(state)
}

/// Logs the request, plays the next scripted fault, then checks Basic auth like Twilio (401 + body).
async fn gate(Extract(state): Extract<Arc<State>>, request: Request, next: Next) -> Response {
    let authorized = state.is_authorized(request.headers());
    state.record(&request, authorized);
    if let Some(fault) = state.next_fault() {
        match fault.kind {
            // A delay postpones the normal answer; every other fault replaces it.
            FaultKind::Delay(delay) => tokio::time::sleep(delay).await,
            kind => {
                let mut response = fault_response(&state, kind);
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
        let mut response = json_response(
            StatusCode::UNAUTHORIZED,
            bodies::classic(401, None),
            "application/json",
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"Twilio API\""),
        );
        return response;
    }
    next.run(request).await
}

fn fault_response(state: &State, kind: FaultKind) -> Response {
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
            let full = state.any_participant_or_example();
            let half = full.slice(..full.len() / 2);
            raw_response(StatusCode::OK, "application/json", Body::from(half))
        }
        FaultKind::CutMidBody => {
            let full = state.any_participant_or_example();
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
            let full = state.any_participant_or_example();
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

async fn fetch_participant(
    Extract(state): Extract<Arc<State>>,
    Path((conversation_sid, sid)): Path<(String, String)>,
    request: Request,
) -> Response {
    match state.participant(&conversation_sid, &sid) {
        Some(body) => raw_response(StatusCode::OK, "application/json", Body::from(body)),
        None => not_found(request).await,
    }
}

async fn not_found(request: Request) -> Response {
    let message = format!(
        "The requested resource {} was not found",
        request.uri().path()
    );
    json_response(
        StatusCode::NOT_FOUND,
        bodies::classic(404, Some(&message)),
        "application/json",
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
