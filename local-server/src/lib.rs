//! A local stand-in for Twilio's Conversations v2 Participants API: a real HTTP server on
//! `127.0.0.1` (ephemeral port) holding participants in memory, checking Basic auth, answering
//! Twilio's error bodies, and scriptable to inject faults. Add it as a dev-dependency to test code
//! that talks to Twilio without an account or a network.
//!
//! ```
//! use twilio_local_server::{example_participant, Fault, LocalServer};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! let server = LocalServer::start().await?;
//! server.insert_participant(example_participant());
//! server.push_fault(Fault::status(429).retry_after("1")); // the next request gets a 429
//! assert!(server.base_url().starts_with("http://127.0.0.1:"));
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

mod bodies;
pub mod cli;
mod faults;
mod routes;
mod seed;
mod store;
mod streams;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use faults::Fault;
pub use seed::{EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, example_participant};
pub use store::RecordedRequest;

use store::{Recurring, State};

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

    /// Stores (or replaces) a participant, keyed by its `conversationId` and `id` fields.
    ///
    /// # Panics
    ///
    /// When the JSON lacks string `conversationId` or `id` fields: that is a bug in the test.
    pub fn insert_participant(&self, participant: serde_json::Value) {
        self.state.insert_participant(participant);
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

/// Chooses the accepted credentials, a recurring fault mix and whether requests are logged.
#[derive(Clone)]
pub struct LocalServerBuilder {
    account_sid: String,
    auth_token: String,
    api_keys: Vec<(String, String)>,
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
        let state = Arc::new(State::new(
            self.account_sid,
            self.auth_token,
            &self.api_keys,
            self.recurring,
            self.record_requests,
        ));
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
