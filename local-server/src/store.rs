//! The server's state: accepted credentials, participants, the fault script and the request log.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use axum::body::Bytes;
use axum::http::{HeaderMap, Request, header};
use base64::Engine as _;

use crate::Fault;

/// What the server saw of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path and query exactly as sent (still percent-encoded).
    pub path: String,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// Whether the `Authorization` header matched accepted credentials.
    pub authorized: bool,
}

pub(crate) struct State {
    pub(crate) account_sid: String,
    pub(crate) auth_token: String,
    /// Every `Authorization` value accepted, precomputed so checking is one comparison each.
    accepted: Vec<String>,
    /// Serialized once on insert, so a fetch costs a lookup and a copy.
    participants: Mutex<HashMap<(String, String), Bytes>>,
    faults: Mutex<VecDeque<Fault>>,
    requests: Mutex<Vec<RecordedRequest>>,
}

/// A poisoned lock only means another handler panicked; the data is still usable for a test server.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn basic(user: &str, secret: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{secret}"))
    )
}

impl State {
    pub(crate) fn new(
        account_sid: String,
        auth_token: String,
        api_keys: Vec<(String, String)>,
    ) -> Self {
        let mut accepted = vec![basic(&account_sid, &auth_token)];
        accepted.extend(api_keys.iter().map(|(sid, secret)| basic(sid, secret)));
        Self {
            account_sid,
            auth_token,
            accepted,
            participants: Mutex::default(),
            faults: Mutex::default(),
            requests: Mutex::default(),
        }
    }

    pub(crate) fn is_authorized(&self, headers: &HeaderMap) -> bool {
        headers.get(header::AUTHORIZATION).is_some_and(|value| {
            self.accepted
                .iter()
                .any(|ok| value.as_bytes() == ok.as_bytes())
        })
    }

    pub(crate) fn record<B>(&self, request: &Request<B>, authorized: bool) {
        let text = |name: header::HeaderName| {
            request
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let path = request
            .uri()
            .path_and_query()
            .map_or_else(|| request.uri().path().to_owned(), |pq| pq.to_string());
        lock(&self.requests).push(RecordedRequest {
            method: request.method().to_string(),
            path,
            user_agent: text(header::USER_AGENT),
            accept: text(header::ACCEPT),
            authorized,
        });
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    pub(crate) fn push_fault(&self, fault: Fault) {
        lock(&self.faults).push_back(fault);
    }

    pub(crate) fn next_fault(&self) -> Option<Fault> {
        lock(&self.faults).pop_front()
    }

    pub(crate) fn pending_faults(&self) -> usize {
        lock(&self.faults).len()
    }

    pub(crate) fn insert_participant(&self, participant: serde_json::Value) {
        let field = |name: &str| {
            participant
                .get(name)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    panic!("a participant needs a string `{name}` field to be stored")
                })
        };
        let key = (field("conversationId"), field("id"));
        let body = Bytes::from(participant.to_string());
        lock(&self.participants).insert(key, body);
    }

    pub(crate) fn participant(&self, conversation_id: &str, id: &str) -> Option<Bytes> {
        lock(&self.participants)
            .get(&(conversation_id.to_owned(), id.to_owned()))
            .cloned()
    }

    /// Any stored participant, for faults that garble a real body.
    pub(crate) fn any_participant(&self) -> Option<Bytes> {
        lock(&self.participants).values().next().cloned()
    }
}
