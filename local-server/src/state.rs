//! The server's state: accepted credentials, the records, the fault script, scripted answers,
//! idempotency keys seen and the request log.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::http::{HeaderMap, header, request};
use base64::Engine as _;

use crate::Fault;
use crate::ids::IdMaker;
use crate::lifecycle::Answer;
use crate::paths::{Address, Dialect};
use crate::store::Records;

/// The header carrying an idempotency key.
pub(crate) const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// What a recorded `Authorization` header shows instead of its value.
const REDACTED: &str = "[redacted]";

/// What the server saw of one request.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path and query exactly as sent (still percent-encoded).
    pub path: String,
    /// The query alone, as sent (also part of [`path`](Self::path)); `None` without a `?`.
    pub query: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body, byte for byte.
    pub body: Vec<u8>,
    /// The `Idempotency-Key` header.
    pub idempotency_key: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// Whether the `Authorization` header matched accepted credentials.
    pub authorized: bool,
    /// Every header, in the order sent, names in lowercase; the `Authorization` value is
    /// replaced by `[redacted]` (it carries the credentials). Values that are not UTF-8 are read
    /// lossily.
    pub headers: Vec<(String, String)>,
}

impl RecordedRequest {
    /// The first value of header `name` (any case), e.g. `X-Twilio-Webhook-Enabled`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let server = twilio_local_server::LocalServer::start().await?;
    /// reqwest::Client::new()
    ///     .get(format!("{}/v1/Services", server.base_url()))
    ///     .basic_auth(server.account_sid(), Some(server.auth_token()))
    ///     .header("X-Twilio-Webhook-Enabled", "true")
    ///     .send()
    ///     .await?;
    /// let sent = server.requests().pop().expect("one request");
    /// assert_eq!(sent.header("X-Twilio-Webhook-Enabled"), Some("true"));
    /// assert_eq!(sent.header("authorization"), Some("[redacted]"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

impl std::fmt::Debug for RecordedRequest {
    /// The body shows as text (lossy UTF-8), as it is almost always a form or JSON.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("content_type", &self.content_type)
            .field("body", &String::from_utf8_lossy(&self.body))
            .field("idempotency_key", &self.idempotency_key)
            .field("user_agent", &self.user_agent)
            .field("accept", &self.accept)
            .field("authorized", &self.authorized)
            .field("headers", &self.headers)
            .finish()
    }
}

pub(crate) struct State {
    pub(crate) account_sid: String,
    pub(crate) auth_token: String,
    /// `http://127.0.0.1:<port>`, for the absolute links of v1 pages and records.
    pub(crate) base_url: String,
    /// Every `Authorization` value accepted, precomputed so checking is one comparison each.
    accepted: Vec<String>,
    pub(crate) records: Records,
    pub(crate) ids: IdMaker,
    /// Path prefixes (store keys) whose dialect was chosen by the test, checked before the family rule.
    dialects: Vec<(String, Dialect)>,
    faults: Mutex<VecDeque<Fault>>,
    /// Answers scripted for a route, each played once.
    scripted: Mutex<VecDeque<Scripted>>,
    /// The first answer to each idempotency key.
    idempotent: Mutex<HashMap<String, Answer>>,
    /// Faults that come back every `every`-th request, in turn, after the script is empty.
    recurring: Option<Recurring>,
    /// Requests seen, for [`Recurring`].
    seen: AtomicU64,
    /// `None` when the log is off (load runs, where it would only grow).
    requests: Option<Mutex<Vec<RecordedRequest>>>,
    /// Bytes handed out by large-body faults.
    pub(crate) streamed_bytes: Arc<AtomicU64>,
}

/// An answer scripted for one route.
#[derive(Debug, Clone)]
pub(crate) struct Scripted {
    pub(crate) method: String,
    /// Compared with the path and query when it holds a `?`, else with the path alone.
    pub(crate) path: String,
    pub(crate) status: u16,
    pub(crate) body: Bytes,
}

/// The settings a server starts with.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) account_sid: String,
    pub(crate) auth_token: String,
    pub(crate) base_url: String,
    pub(crate) api_keys: Vec<(String, String)>,
    pub(crate) dialects: Vec<(String, Dialect)>,
    pub(crate) recurring: Option<Recurring>,
    pub(crate) record_requests: bool,
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
    pub(crate) fn new(settings: Settings) -> Self {
        let mut accepted = vec![basic(&settings.account_sid, &settings.auth_token)];
        accepted.extend(
            settings
                .api_keys
                .iter()
                .map(|(sid, secret)| basic(sid, secret)),
        );
        Self {
            account_sid: settings.account_sid,
            auth_token: settings.auth_token,
            base_url: settings.base_url,
            accepted,
            records: Records::default(),
            ids: IdMaker::default(),
            dialects: settings.dialects,
            faults: Mutex::default(),
            scripted: Mutex::default(),
            idempotent: Mutex::default(),
            recurring: settings
                .recurring
                .filter(|r| r.every > 0 && !r.faults.is_empty()),
            seen: AtomicU64::new(0),
            requests: settings.record_requests.then(Mutex::default),
            streamed_bytes: Arc::default(),
        }
    }

    /// The dialect the test chose for a path's prefix, if any.
    pub(crate) fn chosen_dialect(&self, address: &Address) -> Option<Dialect> {
        let key = address.key();
        self.dialects
            .iter()
            .find(|(prefix, _)| {
                key.strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .map(|(_, dialect)| *dialect)
    }

    pub(crate) fn is_authorized(&self, headers: &HeaderMap) -> bool {
        headers.get(header::AUTHORIZATION).is_some_and(|value| {
            self.accepted
                .iter()
                .any(|ok| value.as_bytes() == ok.as_bytes())
        })
    }

    pub(crate) fn record(&self, request: &request::Parts, body: &[u8], authorized: bool) {
        let Some(requests) = &self.requests else {
            return;
        };
        let text = |name: &str| {
            request
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let path = request
            .uri
            .path_and_query()
            .map_or_else(|| request.uri.path().to_owned(), |pq| pq.to_string());
        lock(requests).push(RecordedRequest {
            method: request.method.to_string(),
            path,
            query: request.uri.query().map(str::to_owned),
            content_type: text(header::CONTENT_TYPE.as_str()),
            body: body.to_vec(),
            idempotency_key: text(IDEMPOTENCY_KEY),
            user_agent: text(header::USER_AGENT.as_str()),
            accept: text(header::ACCEPT.as_str()),
            authorized,
            headers: request
                .headers
                .iter()
                .map(|(name, value)| {
                    let value = if name == header::AUTHORIZATION {
                        REDACTED.to_owned()
                    } else {
                        String::from_utf8_lossy(value.as_bytes()).into_owned()
                    };
                    (name.as_str().to_owned(), value)
                })
                .collect(),
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

    pub(crate) fn push_scripted(&self, scripted: Scripted) {
        lock(&self.scripted).push_back(scripted);
    }

    /// The first answer scripted for this method and path (or path and query), taken off the list.
    pub(crate) fn take_scripted(
        &self,
        method: &str,
        path: &str,
        path_and_query: &str,
    ) -> Option<Scripted> {
        let mut scripted = lock(&self.scripted);
        let at = scripted.iter().position(|s| {
            let target = if s.path.contains('?') {
                path_and_query
            } else {
                path
            };
            s.method.eq_ignore_ascii_case(method) && s.path == target
        })?;
        scripted.remove(at)
    }

    /// The answer first given to this idempotency key, if any.
    pub(crate) fn saved(&self, key: &str) -> Option<Answer> {
        lock(&self.idempotent).get(key).cloned()
    }

    /// Keeps the answer to an idempotency key's first use.
    pub(crate) fn save(&self, key: &str, saved: Answer) {
        lock(&self.idempotent)
            .entry(key.to_owned())
            .or_insert(saved);
    }

    /// The record a request's path names, else the example participant: what faults that garble
    /// a real body start from.
    pub(crate) fn record_or_example(&self, path: &str) -> Bytes {
        Address::parse(path)
            .and_then(|address| {
                let (collection, id) = address.split_last()?;
                self.records.get(&collection.key(), id)
            })
            .unwrap_or_else(|| crate::example_participant().to_string().into())
    }
}
