//! A local stand-in for Twilio's REST API: a real HTTP server on `127.0.0.1` (ephemeral port)
//! that knows every path of Twilio's public OpenAPI descriptions, keeps records in memory, checks
//! Basic auth, answers Twilio's JSON and error bodies, and can be scripted to fail. Add it as a
//! dev-dependency to test code that talks to Twilio without an account or a network.
//!
//! # What it answers
//!
//! The server is reached through one address for all of Twilio's hosts, so it routes by path: a
//! request's path is matched against the path templates of the descriptions
//! (`/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`, `/v2/Services/{Sid}`, …), a literal
//! segment beating a placeholder. What the method does there is what the description's operation
//! does:
//!
//! | Operation | Answer |
//! |---|---|
//! | create (`POST` to a collection: `…/Messages.json`, `/v1/Services`, `/v2/Conversations/<id>/Participants`) | `201` and the new record |
//! | fetch (`GET` on a record) | `200` and the record, or `404` if the server does not hold it |
//! | list (`GET` on a collection) | `200` and one page of it, in the API's paging dialect |
//! | update (`POST`, `PUT` or `PATCH` on a record, whichever the API takes) | `200` and the record with the body's fields merged in, or `404` |
//! | delete (`DELETE` on a record) | `204`, no body, or `404` |
//! | a method the path does not take | `405` with Twilio's error body |
//! | a path no description has, or an id the server does not hold, whatever its shape (`SM1`, `foo`, a full-length SID) | `404` with Twilio's error 20404 |
//!
//! A create on a path that ends in a placeholder (an attachment such as
//! `/v1/Assistants/<id>/Knowledge/<id>`) stores that record; an update of a singleton that does not
//! exist yet (`/v1/Services/<Sid>/Configuration`) creates it (`201`).
//!
//! Each API answers in the conventions its description gives:
//!
//! | Convention | From the description | Examples |
//! |---|---|---|
//! | Family ([`Dialect`]) | the API's lists | 2010: `/2010-04-01/…`; token: Conversations v2; v1: every other API, Verify v2 included |
//! | Identifier | the field the instance path names, its prefix from the field's pattern | `sid` `SM…` (Messages), `MG…` (Messaging services), `VA…` (Verify services); `id` `conv_participant_…`; a Sync map item's `key` |
//! | List | the list operation's response | its key (`messages`, `results`, `services`); paged or not (`AvailablePhoneNumbers` answers every record at once) |
//! | Field types | the record's schema | a form's `CodeLength=6` comes back as `6`, `Psd2Enabled=true` as `true`, a Sync document's `Data={"a":1}` as the object; a value that does not read as its type stays a string |
//!
//! A create or update body is a form (`application/x-www-form-urlencoded`; a repeated key becomes
//! an array; in 2010 and v1 APIs `PascalCase` keys are stored in snake_case, `FriendlyName` →
//! `friendly_name`) or a JSON object (stored as given); a body sent without a `Content-Type` is
//! read as its API's. A created record gets an identifier, its parents' ids (one per placeholder
//! of the path: `account_sid`, `service_sid`, `conversationId`), the account, its dates and its
//! own address where the body lacks them:
//!
//! | Family | Record | List |
//! |---|---|---|
//! | 2010 | `account_sid`, `date_created` (RFC 2822), `uri` | top-level `<key>: [...]`, `page`, `page_size`, relative `next_page_uri`; query `PageSize`, `Page`, `PageToken` |
//! | token | `accountId`, `createdAt` (RFC 3339) | `{<key>: [...], meta: {key, pageSize, nextToken, previousToken}}`; query `pageSize`, `pageToken` |
//! | v1 | `account_sid`, `date_created` (RFC 3339), `url` | `{<key>: [...], meta: {key, page, page_size, url, first_page_url, next_page_url, previous_page_url}}`, links absolute on this server |
//!
//! Pages hold 50 records unless the page-size parameter asks for 1 to 1000; links carry the
//! original filters. A path that exists on several hosts (`/v1/Services` on Messaging, Sync, Chat,
//! Proxy, …) takes the conventions of the API whose parameters fit the request's body best, else
//! of the most used one (Messaging for `/v1/Services`). [`LocalServerBuilder::dialect`] chooses
//! another family for a path prefix.
//!
//! A record with a `revision` (Sync documents, lists, maps and their items; the first is `0`)
//! answers it as its `ETag` on create, fetch and update; each update counts it up, and an update
//! or delete whose `If-Match` names another revision is refused as Sync refuses it: `412`, error
//! 54103, "The revision of the Document does not match the expected revision".
//!
//! Records a test stores with [`LocalServer::insert`] at a path no description has (`/v1/Widgets`)
//! are served too, in the family of the path's first segment: fetched, listed, created in,
//! updated and deleted; a path where nothing was stored is `404`.
//!
//! Every request, on every path, is logged ([`LocalServer::requests`], with its headers and
//! query; `Authorization` redacted), takes the next scripted [`Fault`] if any, and must carry
//! accepted Basic credentials (else `401` and Twilio's body). Then an answer scripted for its
//! route ([`LocalServer::answer_once`]: any status and JSON, such as a list page whose next link
//! leaves for another host) comes before the stored data. A request with an `Idempotency-Key`
//! header seen before gets the first answer again. Every answer carries a `Twilio-Request-Id`
//! (`RQ` and 32 hex digits), different for each request.
//!
//! # Webhooks
//!
//! The server also plays Twilio's webhook sender, signing each request with its auth token as
//! Twilio does (`X-Twilio-Signature`): a message created on a 2010 `…/Messages.json` path is
//! answered `queued`, as Twilio answers, and is `delivered` (with its `date_sent`) when next read;
//! with a `StatusCallback` it gets form posts with `MessageStatus` [`queued`, `sent`,
//! `delivered`](MESSAGE_STATUSES) to that URL, in order, in the background; and
//! [`LocalServer::send_incoming_message`] delivers an incoming SMS to your handler's URL and
//! returns its answer ([`LocalServer::send_webhook`] sends any parameters).
//!
//! ```
//! use serde_json::json;
//! use twilio_local_server::{example_participant, Fault, LocalServer};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! let server = LocalServer::start().await?;
//! server.insert_participant(example_participant());
//! let messages = format!("/2010-04-01/Accounts/{}/Messages.json", server.account_sid());
//! let sid = server.insert(&messages, json!({ "to": "+15551234567", "body": "Hi" }));
//! assert!(sid.starts_with("SM"));
//! assert_eq!(server.records(&messages)[0]["body"], "Hi");
//! server.push_fault(Fault::status(429).retry_after("1")); // the next request gets a 429
//! assert!(server.base_url().starts_with("http://127.0.0.1:"));
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod answer;
mod bodies;
#[cfg(feature = "cli")]
pub mod cli;
mod convert;
mod decode;
mod faults;
mod ids;
mod lifecycle;
mod pages;
mod paths;
mod revision;
mod routes;
mod seed;
mod shape;
mod state;
mod store;
mod streams;
mod table;
mod webhooks;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use faults::{Fault, ParseFaultError};
pub use paths::Dialect;
pub use seed::{EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, example_participant};
pub use state::RecordedRequest;
pub use webhooks::{IncomingMessage, MESSAGE_STATUSES, WebhookResponse};

use paths::Address;
use state::{Recurring, Scripted, Settings, State};

/// The account SID the server accepts unless told otherwise.
pub const DEFAULT_ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// The auth token the server accepts unless told otherwise. Not a secret: it opens only this server.
pub const DEFAULT_AUTH_TOKEN: &str = "local-server-auth-token";

/// A running server. Dropping it stops the server.
pub struct LocalServer {
    addr: SocketAddr,
    state: Arc<State>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl LocalServer {
    /// Starts a server with [`DEFAULT_ACCOUNT_SID`] and [`DEFAULT_AUTH_TOKEN`] on an ephemeral port.
    ///
    /// # Errors
    ///
    /// When no loopback port can be bound.
    pub async fn start() -> io::Result<LocalServer> {
        Self::builder().start().await
    }

    /// A builder to choose the accepted credentials.
    pub fn builder() -> LocalServerBuilder {
        LocalServerBuilder {
            account_sid: DEFAULT_ACCOUNT_SID.to_owned(),
            auth_token: DEFAULT_AUTH_TOKEN.to_owned(),
            api_keys: Vec::new(),
            dialects: Vec::new(),
            recurring: None,
            record_requests: true,
        }
    }

    /// `http://127.0.0.1:<port>`: give it to the client as its base URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The account SID the server accepts.
    pub fn account_sid(&self) -> &str {
        &self.state.account_sid
    }

    /// The auth token the server accepts.
    pub fn auth_token(&self) -> &str {
        &self.state.auth_token
    }

    /// Stores (or replaces) a participant as given, at
    /// `/v2/Conversations/{conversationId}/Participants/{id}`.
    ///
    /// # Panics
    ///
    /// When the JSON lacks string `conversationId` or `id` fields: that is a bug in the test.
    pub fn insert_participant(&self, participant: Value) {
        let field = |name: &str| {
            participant
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    panic!("a participant needs a string `{name}` field to be stored")
                })
        };
        let id = field("id");
        let collection = Address::from_segments(vec![
            "v2".to_owned(),
            "Conversations".to_owned(),
            field("conversationId"),
            "Participants".to_owned(),
        ]);
        self.state.records.put(&collection.key(), &id, &participant);
    }

    /// Stores `record` in `collection` (a path as a client sends it, e.g.
    /// `/2010-04-01/Accounts/AC…/Messages.json` or `/v2/Conversations/<id>/Participants`) and
    /// returns its id. The record keeps every field it has; where it lacks them it gets what a
    /// create adds: an id of the API's shape (its identifying field — `sid`, `id`, or e.g. `key`
    /// for Sync map items — if present, is the id), the parents' ids, the account, the dates and,
    /// in 2010 and v1, its own `uri` or `url`. A record with the same id is replaced in place.
    /// Any path is accepted, also one no description has (the server then serves it in its
    /// family's conventions).
    ///
    /// # Panics
    ///
    /// When `record` is not a JSON object or `collection` is not a path (`/` and non-empty
    /// segments): that is a bug in the test.
    pub fn insert(&self, collection: &str, record: Value) -> String {
        let Value::Object(record) = record else {
            panic!("a record must be a JSON object, not {record}");
        };
        let address = Address::parse(collection)
            .unwrap_or_else(|| panic!("{collection:?} is not a collection path"));
        lifecycle::insert(&self.state, &address, record)
    }

    /// The records of `collection` (a path as for [`insert`](Self::insert)), in the order they
    /// were created.
    pub fn records(&self, collection: &str) -> Vec<Value> {
        Address::parse(collection).map_or_else(Vec::new, |address| {
            self.state
                .records
                .all(&address.key())
                .iter()
                .filter_map(|body| serde_json::from_slice(body).ok())
                .collect()
        })
    }

    /// The next `method` request on `path` gets `status` and this JSON body instead of the
    /// stored data, once: a hand-made list page (a next link to another host, a repeated cursor,
    /// an empty page with a cursor), a conflict, any body at all. `path` is compared with the path
    /// exactly as sent (still percent-encoded), and with the query too when it holds a `?`.
    /// Answers for the same route play in the order given. Unlike a [`Fault`], it waits for its
    /// route and comes after the credentials check.
    pub fn answer_once(&self, method: &str, path: &str, status: u16, body: &Value) {
        self.state.push_scripted(Scripted {
            method: method.to_owned(),
            path: path.to_owned(),
            status,
            body: body.to_string().into(),
        });
    }

    /// Appends a fault to the script; each request takes the next fault, if any, before anything else.
    pub fn push_fault(&self, fault: Fault) {
        self.state.push_fault(fault);
    }

    /// Faults still waiting in the script.
    pub fn pending_faults(&self) -> usize {
        self.state.pending_faults()
    }

    /// Every request received so far, in arrival order (empty when the log is off).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state.requests()
    }

    /// Bytes sent so far by [`Fault::large_body`] answers: shows how far a client read before it
    /// hung up.
    pub fn streamed_bytes(&self) -> u64 {
        self.state
            .streamed_bytes
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Stops the server now (dropping it does the same).
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

impl std::fmt::Debug for LocalServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalServer")
            .field("base_url", &self.base_url())
            .field("account_sid", &self.state.account_sid)
            .finish_non_exhaustive()
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Chooses the accepted credentials, dialects, a recurring fault mix and whether requests are
/// logged.
#[derive(Clone)]
pub struct LocalServerBuilder {
    account_sid: String,
    auth_token: String,
    api_keys: Vec<(String, String)>,
    dialects: Vec<(String, Dialect)>,
    recurring: Option<Recurring>,
    record_requests: bool,
}

impl std::fmt::Debug for LocalServerBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let key_sids: Vec<&str> = self.api_keys.iter().map(|(sid, _)| sid.as_str()).collect();
        f.debug_struct("LocalServerBuilder")
            .field("account_sid", &self.account_sid)
            .field("auth_token", &"[redacted]")
            .field("api_keys", &key_sids)
            .field("dialects", &self.dialects)
            .field("recurring", &self.recurring)
            .field("record_requests", &self.record_requests)
            .finish()
    }
}

impl LocalServerBuilder {
    /// Accept this account SID and auth token.
    pub fn credentials(
        mut self,
        account_sid: impl Into<String>,
        auth_token: impl Into<String>,
    ) -> Self {
        self.account_sid = account_sid.into();
        self.auth_token = auth_token.into();
        self
    }

    /// Also accept this API key SID and secret.
    pub fn api_key(mut self, key_sid: impl Into<String>, secret: impl Into<String>) -> Self {
        self.api_keys.push((key_sid.into(), secret.into()));
        self
    }

    /// Serve the paths under `prefix` (e.g. `/v1/Services`) in `dialect` instead of the one
    /// Twilio's descriptions give them (or, for a path no description has, its family's): field
    /// names, identifiers, dates and lists. The first prefix given that matches wins.
    pub fn dialect(mut self, prefix: &str, dialect: Dialect) -> Self {
        let key =
            Address::parse(prefix.trim_end_matches('/')).map_or_else(String::new, |a| a.key());
        self.dialects.push((key, dialect));
        self
    }

    /// After the script runs out, every `every`-th request (the `every`-th, the `2·every`-th, …) gets
    /// the next fault of `faults`, in turn: `every = 20` injects faults into 5% of requests.
    /// `every = 0` or no faults turns this off.
    pub fn recurring_faults(mut self, every: u64, faults: Vec<Fault>) -> Self {
        self.recurring = Some(Recurring { every, faults });
        self
    }

    /// Whether to keep the request log ([`LocalServer::requests`]); on by default. Turn it off
    /// for load runs, where it would only grow.
    pub fn record_requests(mut self, record: bool) -> Self {
        self.record_requests = record;
        self
    }

    /// Binds `127.0.0.1:0` and serves on the current Tokio runtime.
    ///
    /// # Errors
    ///
    /// When no loopback port can be bound.
    pub async fn start(self) -> io::Result<LocalServer> {
        self.start_on(0).await
    }

    /// Binds `127.0.0.1:port` (`0` for any free port) and serves on the current Tokio runtime.
    ///
    /// # Errors
    ///
    /// When the port cannot be bound.
    pub async fn start_on(self, port: u16) -> io::Result<LocalServer> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::new(Settings {
            account_sid: self.account_sid,
            auth_token: self.auth_token,
            base_url: format!("http://{addr}"),
            api_keys: self.api_keys,
            dialects: self.dialects,
            recurring: self.recurring,
            record_requests: self.record_requests,
        }));
        let (shutdown, stopped) = oneshot::channel::<()>();
        let app = routes::router(state.clone());
        tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            // An accept error ends the server; tests then see connection errors, which is the truth.
            let _ = serve.await;
        });
        Ok(LocalServer {
            addr,
            state,
            shutdown: Some(shutdown),
        })
    }
}
