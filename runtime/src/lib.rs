//! Define Twilio REST resources with one attribute and get a typed, retrying, secret-safe client:
//! `fetch`, `list`, `create`, `update` and `delete` for any of Twilio's REST APIs, the 2010 API
//! (`api.twilio.com`) as well as the v1 and v2 products.
//!
//! **It runs on Tokio.** Every call is `async` and needs a Tokio runtime: inside
//! `#[tokio::main]` or a Tokio task, or from blocking code through
//! [`Runtime::block_on`](#from-blocking-code). Outside one, a call returns [`Error::Config`]
//! saying so (it does not panic). The runtime needs its timer, which `#[tokio::main]` and
//! `Runtime::new` enable; a runtime built by hand needs `enable_all()` (or `enable_time()` and
//! `enable_io()`), else Tokio itself panics at the call's deadline timer.
//!
//! # A first resource
//!
//! What this needs in `Cargo.toml` (`tokio`'s `macros` and `rt-multi-thread` features are what
//! `#[tokio::main]` needs):
//!
//! ```toml
//! [dependencies]
//! twilio-resource = "0.1"
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! # For your own body, filter and field types only; the resource struct needs no serde.
//! serde = { version = "1", features = ["derive"] }
//!
//! [dev-dependencies]
//! # The in-memory Twilio that tests run against (see "The local server" below).
//! twilio-local-server = "0.1"
//! ```
//!
//! The resource itself needs no serde dependency (see
//! [serde](#serde-what-you-need-and-what-you-dont) for body and filter types).
//!
//! ```no_run
//! use twilio_resource::{Client, twilio_resource};
//!
//! /// A participant of a Conversations v2 conversation.
//! #[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
//! #[derive(Debug)]
//! pub struct Participant {
//!     pub id: Option<String>,
//!     pub conversation_id: Option<String>, // JSON "conversationId": camelCase by default
//!     pub name: Option<String>,
//! }
//!
//! #[tokio::main]
//! async fn main() -> Result<(), twilio_resource::Error> {
//!     // TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with TWILIO_API_KEY + TWILIO_API_SECRET.
//!     let client = Client::from_env()?;
//!     let participant = Participant::fetch(
//!         &client,
//!         "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2",
//!         "conv_participant_01k1etx3jbfx88476ccja0889c",
//!     )
//!     .await?;
//!     println!("{participant:?}");
//!     Ok(())
//! }
//! ```
//!
//! The same, runnable without an account: `twilio-local-server`, this crate's companion (a
//! dev-dependency for tests; see [the local server](#the-local-server)), is an in-memory Twilio on
//! `127.0.0.1` that stores Twilio's documented example participant, "Dana S.". The client is
//! pointed at it with [`base_url`](ClientBuilder::base_url).
//!
//! ```
//! use twilio_local_server::{
//!     EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, LocalServer, example_participant,
//! };
//! use twilio_resource::{Client, twilio_resource};
//!
//! #[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
//! pub struct Participant {
//!     pub id: Option<String>,
//!     pub name: Option<String>,
//! }
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let server = LocalServer::start().await?;
//!     server.insert_participant(example_participant());
//!     let client = Client::builder()
//!         .account_sid(server.account_sid())
//!         .auth_token(server.auth_token())
//!         .base_url(server.base_url())
//!         .build()?;
//!
//!     let dana =
//!         Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID).await?;
//!     assert_eq!(dana.name.as_deref(), Some("Dana S."));
//!
//!     // Each value is exactly one path segment; values that would change the request are refused
//!     // before anything is sent.
//!     assert_eq!(
//!         Participant::path("a/b", "c d")?,
//!         "/v2/Conversations/a%2Fb/Participants/c%20d"
//!     );
//!     assert!(Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, "").await.is_err());
//!     Ok(())
//! }
//! ```
//!
//! ## The local server
//!
//! `twilio-local-server` is a real HTTP server on `127.0.0.1` (an ephemeral port) that stands in
//! for Twilio: any path, create, fetch, list in the path's paging dialect, update, delete, Basic
//! auth, and scripted faults. Four lines start it and point a client at it, as above:
//!
//! ```text
//! let server = LocalServer::start().await?;
//! let client = Client::builder()
//!     .account_sid(server.account_sid()).auth_token(server.auth_token())
//!     .base_url(server.base_url()).build()?;
//! ```
//!
//! - **Tests** (`tests/`, `#[cfg(test)]`, doctests) and **examples** (`examples/`) see
//!   dev-dependencies: list it under `[dev-dependencies]`, and it is never built into your
//!   program.
//! - **A binary of your own that embeds it** (`src/main.rs` or `src/bin/*.rs`: a demo, or a
//!   service that runs without a Twilio account when no credentials are set, as this crate's
//!   examples do) cannot see dev-dependencies: list it under `[dependencies]`.
//! - **Another process** (a client in another language, a load test) runs its binary,
//!   `twilio-local-server --port 4010`, which prints `base_url=http://127.0.0.1:4010` and serves
//!   until its standard input closes.
//!
//! ## From blocking code
//!
//! A program without an async runtime builds one and blocks on each call:
//!
//! ```no_run
//! use twilio_resource::{Client, twilio_resource};
//!
//! #[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
//! pub struct Participant {
//!     pub name: Option<String>,
//! }
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // One runtime for the program; `enable_all` turns on the I/O and timer drivers.
//!     let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
//!     let client = Client::from_env()?;
//!     let participant = runtime.block_on(Participant::fetch(
//!         &client,
//!         "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2",
//!         "conv_participant_01k1etx3jbfx88476ccja0889c",
//!     ))?;
//!     println!("{:?}", participant.name);
//!     Ok(())
//! }
//! ```
//!
//! # What the attribute generates
//!
//! [`#[twilio_resource]`](macro@twilio_resource) goes on a struct with named fields. It derives
//! serde's `Serialize` and `Deserialize` (unknown JSON fields are ignored; your derives, docs and
//! field attributes are kept), implements [`Resource`], and adds one associated function per
//! operation the attribute names; with no operation named, `fetch` alone. Below, `P…` stands for
//! one `impl AsRef<str>` parameter per `<Placeholder>` of `path`, in order and in snake_case
//! (`<ConversationSid>` → `conversation_sid`), and `C…` for those of the collection:
//!
//! | key | generated | request |
//! |---|---|---|
//! | (always) | `fn path(P…) -> Result<String, Error>` | |
//! | `fetch` | `fn fetch(client: &Client, P…) -> Request<'_, Self>` | `GET` path |
//! | `fetch = Q` | `fn fetch(client: &Client, P…, query: &Q) -> Request<'_, Self>` | the same, `Q`'s fields as the query |
//! | `list` | `fn list(client: &Client, C…) -> List<Self>` | `GET` collection, page by page |
//! | `list = F` | `fn list(client: &Client, C…, filter: &F) -> List<Self>` | the same, `F`'s fields as the query |
//! | `create = B` | `fn create(client: &Client, C…, body: &B) -> Request<'_, Self>` | `POST` collection |
//! | `update = B` | `fn update(client: &Client, P…, body: &B) -> Request<'_, Self>` | `POST`, `PUT` or `PATCH` path (`update_method`) |
//! | `delete` | `fn delete(client: &Client, P…) -> Request<'_, ()>` | `DELETE` path |
//! | `delete = Q` | `fn delete(client: &Client, P…, query: &Q) -> Request<'_, ()>` | the same, `Q`'s fields as the query |
//! | `list` or `create` | `fn collection_path(C…) -> Result<String, Error>` | |
//!
//! The collection is `path` without its last `/<Placeholder>` segment, keeping a literal suffix:
//! `…/Messages/<Sid>.json` → `…/Messages.json`, `…/Participants/<Sid>` → `…/Participants`. A path
//! that does not end in a placeholder is its own collection (a list-only resource such as
//! `…/AvailablePhoneNumbers/<CountryCode>/Local.json`, or a singleton such as
//! `/v1/Services/<ServiceSid>/Configuration` with `fetch` and `update`).
//!
//! A [`Request`] is the call's future: `.await` sends it, as an `async fn` would. Before that,
//! [settings](Request#implementations) change the call: [`header`](Request::header),
//! [`query`](Request::query), [`webhook_enabled`](Request::webhook_enabled),
//! [`if_match`](Request::if_match), [`timeout`](Request::timeout),
//! [`idempotency_key`](Request::idempotency_key), and [`with_response`](Request::with_response)
//! for a [`Response`] with the status and headers. Each generated function is one line into the
//! runtime; [`Client::fetch`], [`Client::list`], [`Client::create`], [`Client::update`] and
//! [`Client::delete`] do the same for generic code.
//!
//! | key | default | meaning |
//! |---|---|---|
//! | `path = "…"` | required | The path template; each `<Placeholder>` becomes a parameter. |
//! | `base_url = "…"` | `"https://conversations.twilio.com"` | Scheme and host of the resource's API, e.g. `"https://api.twilio.com"`. |
//! | `rename_all = "…"` | `"camelCase"` | serde's rule for the JSON keys; `"snake_case"` for the 2010 and v1 APIs. |
//! | `body = "form"` or `"json"` | `"json"` with `camelCase`, else `"form"` | How `create` and `update` bodies are sent. |
//! | `update_method = "POST"`, `"PUT"` or `"PATCH"` | `"PUT"` for JSON bodies, `"POST"` for forms | The method of `update`. |
//! | `page_size = "…"` or `false` | `"pageSize"` with `camelCase`, else `"PageSize"` | The list's page-size parameter, or none. |
//! | `idempotency_key` | off | Send `Idempotency-Key: <UUID v4>` on `create`, `update` and `delete`, the same on each retry of a call. |
//! | `crate = "…"` | `"::twilio_resource"` | Where generated code finds this crate, if you re-export it. |
//! | `doc(create = "…", …)` | none | Markdown put first in the docs of each named operation's method (an operation the resource does not declare is refused). |
//! | `fetch [= Q]`, `list [= F]`, `create = B`, `update = B`, `delete [= Q]` | `fetch` | The operations, as in the table above. `Q`, `F` and `B` are Rust types (not strings) that implement `serde::Serialize`. |
//!
//! The
//! [attribute's own page](macro@twilio_resource) has the whole reference, with a v2 and a 2010
//! example; `cargo expand` (from `cargo install cargo-expand`) on your crate shows the code it
//! writes.
//!
//! # A 2010-API resource
//!
//! Twilio's oldest API (SMS, calls, phone numbers) differs in four ways, each a setting:
//! `snake_case` JSON keys, paths that end in `.json`, its own host (`https://api.twilio.com`), and
//! the account SID in every path, which [`Client::account_sid`] supplies. Bodies and filters are
//! forms with `PascalCase` keys; `DateSent>` and other names serde cannot derive are written with
//! `#[serde(rename = "…")]`.
//!
//! ```
//! use serde::Serialize;
//! use twilio_local_server::LocalServer;
//! use twilio_resource::{Client, twilio_resource};
//!
//! /// A message sent or received by the account.
//! #[twilio_resource(
//!     path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
//!     base_url = "https://api.twilio.com",
//!     rename_all = "snake_case",
//!     fetch, list = MessageFilter, create = CreateMessage, update = UpdateMessage, delete,
//! )]
//! #[derive(Debug)]
//! pub struct Message {
//!     pub sid: Option<String>,
//!     pub to: Option<String>,
//!     pub body: Option<String>,
//!     pub status: Option<String>,
//!     pub date_sent: Option<String>, // RFC 2822, e.g. "Thu, 24 Aug 2023 05:01:45 +0000"
//! }
//!
//! /// `To=…&From=…&Body=…&MediaUrl=…&MediaUrl=…`
//! #[derive(Serialize)]
//! #[serde(rename_all = "PascalCase")]
//! pub struct CreateMessage {
//!     pub to: String,
//!     pub from: String,
//!     pub body: String,
//!     pub media_url: Vec<String>, // one `MediaUrl` key each
//! }
//!
//! #[derive(Serialize)]
//! #[serde(rename_all = "PascalCase")]
//! pub struct UpdateMessage {
//!     pub body: String, // "" redacts the text
//! }
//!
//! #[derive(Serialize, Default)]
//! pub struct MessageFilter {
//!     #[serde(rename = "To")]
//!     pub to: Option<String>, // `None` is left out of the query
//!     #[serde(rename = "DateSent>")]
//!     pub sent_after: Option<String>,
//! }
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // A local stand-in for api.twilio.com; `Client::from_env()?` for Twilio itself.
//!     let server = LocalServer::start().await?;
//!     let client = Client::builder()
//!         .account_sid(server.account_sid())
//!         .auth_token(server.auth_token())
//!         .base_url(server.base_url())
//!         .build()?;
//!     let account = client.account_sid();
//!
//!     // POST /2010-04-01/Accounts/AC…/Messages.json
//!     let hello = CreateMessage {
//!         to: "+15558675310".into(),
//!         from: "+15017122661".into(),
//!         body: "Hello".into(),
//!         media_url: vec!["https://demo.twilio.com/owl.png".into()],
//!     };
//!     let sent = Message::create(&client, account, &hello).await?;
//!     let sid = sent.sid.ok_or("no sid")?;
//!
//!     // GET /2010-04-01/Accounts/AC…/Messages.json
//!     //     ?To=%2B15558675310&DateSent%3E=2024-01-01T00%3A00%3A00Z&PageSize=20
//!     let filter = MessageFilter {
//!         to: Some("+15558675310".into()),
//!         sent_after: Some("2024-01-01T00:00:00Z".into()),
//!     };
//!     let recent = Message::list(&client, account, &filter).limit(20).collect_all().await?;
//!     assert_eq!(recent.len(), 1);
//!
//!     // POST /2010-04-01/Accounts/AC…/Messages/SM….json with Body=
//!     let redact = UpdateMessage { body: String::new() };
//!     let redacted = Message::update(&client, account, &sid, &redact).await?;
//!     assert_eq!(redacted.body.as_deref(), Some(""));
//!
//!     // DELETE /2010-04-01/Accounts/AC…/Messages/SM….json
//!     Message::delete(&client, account, &sid).await?;
//!     let gone = Message::fetch(&client, account, &sid).await.unwrap_err();
//!     assert_eq!(gone.status(), Some(404));
//!     Ok(())
//! }
//! ```
//!
//! # Lists and paging
//!
//! `list` returns a [`List`]: a lazy
//! [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html) of
//! `Result<R, Error>`.
//! Nothing is sent until it is first read; then pages are fetched one at a time, each once the
//! previous one has been read, so memory holds at most one page's bytes and its records whatever
//! the total (each page is read whole and decoded in one pass). Read it with any
//! `Stream` combinator (`futures::StreamExt`, `TryStreamExt`), or without one through
//! [`List::try_next`] and [`List::collect_all`]. Before reading:
//!
//! - [`limit(n)`](List::limit) stops after `n` records and never requests a page beyond them;
//! - [`page_size(n)`](List::page_size) asks for `n` records a page (1 to 1,000; otherwise Twilio's
//!   default, or the smaller of the limit and 1,000);
//! - [`filter(&f)`](List::filter) adds a filter's fields to the query (the generated `list` of
//!   `list = F` does this with its `filter` argument);
//! - [`pages()`](List::pages) turns it into a stream of [`Page`]s: each page's `items` and a
//!   [`Cursor`] to the next one. A cursor is serializable (a job queue, a database row) and
//!   [`List::resume`] goes on from it later, with the original filter, page size and remaining
//!   limit.
//!
//! Twilio pages in three dialects; each response is read in the one it uses, whatever the
//! resource:
//!
//! | dialect | where | records | next page |
//! |---|---|---|---|
//! | 2010 | `api.twilio.com/2010-04-01` | the one array-valued top-level field (`messages`) | `next_page_uri`, relative |
//! | v1 | most products | the field `meta.key` names | `meta.next_page_url`, absolute |
//! | token | v2 APIs such as Conversations | the field `meta.key` names | the first query plus `pageToken=<meta.nextToken>` |
//!
//! A next-page link is followed only as a path and query on the resource's own origin (the
//! client's base URL, region and edge), so credentials never follow a link to another host. An
//! empty page with a next link continues; the same link twice ends the stream with an error
//! instead of looping. [`List`]'s page shows an example of each way to read.
//!
//! # serde: what you need and what you don't
//!
//! The resource struct needs no serde dependency: the attribute derives `Serialize` and
//! `Deserialize` through this crate. Everything else that is serialised or deserialised is your
//! own serde code, so add `serde = { version = "1", features = ["derive"] }` for:
//!
//! - the body types of `create` and `update` and the filter type of `list`
//!   (`#[derive(Serialize)]`);
//! - enums and structs used as fields of the resource (`#[derive(Deserialize, Serialize)]`),
//!   such as a `status` enum or an address struct.
//!
//! Form bodies and filters repeat the key for each element of a sequence
//! (`MediaUrl=a&MediaUrl=b`), leave out `None`, and write booleans as `true`/`false`. A field that
//! Twilio takes as a JSON text inside a form (`Attributes`, `SinkConfiguration`) is a
//! [`JsonString<T>`](JsonString).
//!
//! # The client
//!
//! [`Client::new`], [`Client::from_env`] or [`Client::builder`]; a [`Client`] is cheap to clone
//! and share (one connection pool, one retry budget). Every request carries Basic auth,
//! `Accept: application/json` and `User-Agent: twilio-resource/<version> (<os> <arch>) rust/<version>`.
//! Redirects are reported ([`Error::Redirect`]), never followed, so credentials never reach
//! another host; plain `http://` is refused except to loopback hosts. Secrets never appear in
//! `Debug`, `Display`, errors or `tracing` events.
//!
//! ## Retries
//!
//! A call is retried (3 times by default, [`max_retries`](ClientBuilder::max_retries)) only when
//! repeating it cannot act twice:
//!
//! | call | retried after |
//! |---|---|
//! | `GET`, `PUT`, `PATCH`, `DELETE` (fetch, list pages, most updates, delete) | 429, 503, and transport failures (refused or reset connections, DNS, TLS) |
//! | `POST` (create, form updates) | 429 and failures to connect only: never 503, a timeout or a connection lost after sending, since Twilio may have acted (a duplicated SMS is billed twice) |
//! | `POST` of a resource with `idempotency_key` | as `GET`: every attempt carries the same `Idempotency-Key` |
//!
//! Each retry waits what `Retry-After` says (seconds or an HTTP date, at most
//! [`max_retry_after`](ClientBuilder::max_retry_after), 60 s by default) or else an exponential
//! backoff with jitter, all within one [`timeout`](ClientBuilder::timeout) per call (30 s by
//! default); a wait that would outlast it is not started. On top of that, a [`RetryBudget`] shared
//! by a client and its clones (500 tokens by default; a retry costs 5, or 10 after a transport
//! failure; a success puts tokens back) stops retries during an outage instead of multiplying the
//! load: an empty budget means one attempt per call until calls succeed again.
//!
//! ## TLS
//!
//! HTTPS goes through reqwest with one of two backends, chosen by a feature of this crate:
//!
//! | feature | backend |
//! |---|---|
//! | `rustls` (default) | rustls, certificates checked against the operating system's trust store; nothing to install (no system OpenSSL to build or link) |
//! | `native-tls` | the platform's TLS: OpenSSL on Linux (needs `libssl-dev` to build), Secure Transport on macOS, SChannel on Windows |
//!
//! ```toml
//! twilio-resource = { version = "0.1", default-features = false, features = ["native-tls"] }
//! ```
//!
//! With neither feature the crate still builds, but only plain `http://` to loopback hosts (the
//! local server) works.
//!
//! # Receiving webhooks
//!
//! [`webhook::Validator`] checks the `X-Twilio-Signature` of the webhooks Twilio sends (forms,
//! JSON bodies, rotated tokens, shared keys); [`webhook`]'s payload types read them;
//! [`twiml`] writes the answer. With the `axum` feature, `webhook::Webhook<T>` is an extractor that
//! refuses a request with `403` before its payload is decoded.
//!
//! # Errors
//!
//! Every function returns the one [`Error`] enum: Twilio's answer ([`Error::Api`] with its status,
//! code, message and `Retry-After`), a timeout, a transport failure (its message names the host
//! and the kind: refused, DNS, TLS, reset, timeout), a body that does not decode (naming the type
//! and the JSON path), a refused argument or configuration. [`Error`]'s page shows a `match` a
//! service would write.
#![doc(test(attr(deny(warnings))))]
#![warn(missing_docs)]

mod base_url;
mod body;
mod budget;
mod builder;
mod client;
mod credentials;
mod decode;
mod error;
mod list;
mod path;
mod protocol;
mod region;
mod request;
mod resource;
mod response;
mod retry;
mod settings;
mod transport;
pub mod twiml;
pub mod webhook;

#[doc(hidden)]
pub mod __private;

#[cfg(fuzzing)]
#[doc(hidden)]
pub mod __fuzz;

pub use body::JsonString;
pub use budget::RetryBudget;
pub use builder::ClientBuilder;
pub use client::Client;
pub use error::{ApiError, Error};
pub use list::{Cursor, List, Page, Pages};
pub use path::PathTemplate;
pub use protocol::{BodyFormat, Protocol, UpdateMethod};
pub use request::{Request, WithResponse};
pub use reqwest::StatusCode;
pub use reqwest::header::HeaderMap;
pub use resource::Resource;
pub use response::Response;
/// The `serde_json` this crate is built with: [`ApiError`]'s `details`, `params` and `errors` are
/// its [`Value`](serde_json::Value)s, so matching on them needs no dependency of your own.
pub use serde_json;
/// Makes a struct a [`Resource`], with one associated function per operation, each a call into
/// a [`Client`] that returns an [`Error`] on failure (and, for `list`, a [`List`]).
///
// The attribute's full reference is its own doc comment (macros/src/lib.rs); rustdoc shows it
// after the lines above, which are written here so that their links resolve in this crate.
pub use twilio_resource_macros::twilio_resource;
