//! The server's state: accepted credentials, participants, the fault script and the request log.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

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
    /// Faults that come back every `every`-th request, in turn, after the script is empty.
    recurring: Option<Recurring>,
    /// Requests seen, for [`Recurring`].
    seen: AtomicU64,
    /// `None` when the log is off (load runs, where it would only grow).
    requests: Option<Mutex<Vec<RecordedRequest>>>,
    /// Bytes handed out by large-body faults.
    pub(crate) streamed_bytes: Arc<AtomicU64>,
}

/// A fault mix played at a fixed rate: request `n` (from 1) gets a fault when `n % every == 0`.
#[derive(Debug, Clone)]
pub(crate) struct Recurring {
    pub(crate) every: u64,
    pub(crate) faults: Vec<Fault>,
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
        api_keys: &[(String, String)],
        recurring: Option<Recurring>,
        record_requests: bool,
    ) -> Self {
        let mut accepted = vec![basic(&account_sid, &auth_token)];
        accepted.extend(api_keys.iter().map(|(sid, secret)| basic(sid, secret)));
        Self {
            account_sid,
            auth_token,
            accepted,
            participants: Mutex::default(),
            faults: Mutex::default(),
            recurring: recurring.filter(|r| r.every > 0 && !r.faults.is_empty()),
            seen: AtomicU64::new(0),
            requests: record_requests.then(Mutex::default),
            streamed_bytes: Arc::default(),
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
        let Some(requests) = &self.requests else {
            return;
        };
        lock(requests).push(RecordedRequest {
            method: request.method().to_string(),
            path,
            user_agent: text(header::USER_AGENT),
            accept: text(header::ACCEPT),
            authorized,
        });
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        self.requests
            .as_ref()
            .map(|requests| lock(requests).clone())
            .unwrap_or_default()
    }

    pub(crate) fn push_fault(&self, fault: Fault) {
        lock(&self.faults).push_back(fault);
    }

    /// The scripted fault for this request, else the recurring one whose turn it is.
    pub(crate) fn next_fault(&self) -> Option<Fault> {
        let n = self.seen.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(fault) = lock(&self.faults).pop_front() {
            return Some(fault);
        }
        let recurring = self.recurring.as_ref()?;
        if !n.is_multiple_of(recurring.every) {
            return None;
        }
        let turn = (n / recurring.every - 1) % recurring.faults.len() as u64;
        Some(recurring.faults[turn as usize].clone())
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

    /// Any stored participant (else the example), for faults that garble a real body.
    pub(crate) fn any_participant_or_example(&self) -> Bytes {
        lock(&self.participants)
            .values()
            .next()
            .cloned()
            .unwrap_or_else(|| crate::example_participant().to_string().into())
    }
}
