//! Every operation the catalog generates, called through its catalog method against the local
//! server with every parameter set (`calls/cases.rs`, written by `cargo xtask catalog` from the
//! descriptions): the server must receive the description's method and path, every query pair,
//! every body pair (or the JSON body) and every header parameter; an answer the server sends
//! must decode into the catalog's type. An error answer (an id the server does not hold is 404)
//! is fine: what is checked is the request. Each product's cases run when its feature is
//! enabled (`cargo test --workspace` enables all).

use std::future::IntoFuture;
use std::sync::Mutex;

use base64::Engine as _;
use twilio_local_server::{LocalServer, RecordedRequest};
use twilio_resource::{Client, Error};

#[path = "calls/cases.rs"]
mod cases;
mod support;

/// Query parameters a listing adds itself.
const PAGING: &[&str] = &["PageSize", "pageSize", "Page", "PageToken", "pageToken"];

/// What a call must send.
#[derive(Debug)]
pub struct Sent {
    /// `api_v2010/CreateMessage`.
    pub operation: &'static str,
    pub method: &'static str,
    /// The description's path template: `{X}` is [`Harness::arg`]`("X")`.
    pub path: &'static str,
    /// Every query pair, in any order (a listing's paging parameters aside).
    pub query: &'static [(&'static str, &'static str)],
    pub body: Body,
    /// Headers that must be there with these values (names in any case).
    pub headers: &'static [(&'static str, &'static str)],
}

/// A request body that must be sent.
#[derive(Debug)]
pub enum Body {
    Empty,
    /// Form pairs, in any order.
    Form(&'static [(&'static str, &'static str)]),
    /// JSON text, compared as a value.
    Json(&'static str),
}

/// The date-time every date-time parameter gets: 2030-01-02T03:04:05Z.
#[allow(dead_code)] // Used by the cases of the products that have date-time parameters.
pub fn time() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_893_553_445).expect("a timestamp in range")
}

/// The date every date parameter gets: 2030-01-02.
#[allow(dead_code)] // Used by the cases of the products that have date parameters.
pub fn date() -> jiff::civil::Date {
    jiff::civil::date(2030, 1, 2)
}

/// The local server, a client for it, and what the checks found.
#[derive(Debug)]
pub struct Harness {
    server: LocalServer,
    pub client: Client,
    /// The client's own `Authorization` value, for operations that name the header.
    pub authorization: String,
    failures: Mutex<Vec<String>>,
    decoded: Mutex<usize>,
}

impl Harness {
    async fn start() -> Self {
        let (server, client) = support::start().await;
        let credentials = format!("{}:{}", server.account_sid(), server.auth_token());
        let authorization = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(credentials)
        );
        Self {
            server,
            client,
            authorization,
            failures: Mutex::new(Vec::new()),
            decoded: Mutex::new(0),
        }
    }

    /// A placeholder's value: the server's account for `AccountSid`, else `<Name>1`.
    pub fn arg(&self, placeholder: &str) -> String {
        if placeholder == "AccountSid" {
            self.server.account_sid().to_owned()
        } else {
            format!("{placeholder}1")
        }
    }

    fn fail(&self, operation: &str, what: String) {
        self.failures
            .lock()
            .expect("no check panics")
            .push(format!("{operation}: {what}"));
    }

    /// Makes the call, then checks the request the server received and the call's outcome.
    pub async fn check<T>(&self, sent: Sent, call: impl IntoFuture<Output = Result<T, Error>>) {
        let before = self.server.requests().len();
        let outcome = call.await;
        let op = sent.operation;
        match &outcome {
            Ok(_) => *self.decoded.lock().expect("no check panics") += 1,
            // An answer the server gave that the catalog's type cannot read, or a call refused
            // before sending: the catalog is wrong.
            Err(
                error @ (Error::Decode { .. }
                | Error::Paging { .. }
                | Error::InvalidArgument { .. }),
            ) => {
                self.fail(op, format!("the call failed: {error}"));
            }
            Err(_) => {}
        }
        let requests = self.server.requests();
        match requests.get(before) {
            Some(request) => self.compare(&sent, request),
            None => self.fail(op, "nothing was sent".to_owned()),
        }
    }

    fn compare(&self, sent: &Sent, request: &RecordedRequest) {
        let op = sent.operation;
        if request.method != sent.method {
            self.fail(
                op,
                format!("method {} instead of {}", request.method, sent.method),
            );
        }
        let path = request.path.split('?').next().unwrap_or_default();
        let expected = self.render(sent.path);
        if path != expected {
            self.fail(op, format!("path {path} instead of {expected}"));
        }
        let query: Vec<(String, String)> =
            form_urlencoded::parse(request.query.as_deref().unwrap_or_default().as_bytes())
                .into_owned()
                .filter(|(name, _)| !PAGING.contains(&name.as_str()))
                .collect();
        let want = owned(sent.query);
        if sorted(query.clone()) != sorted(want.clone()) {
            self.fail(op, format!("query {query:?} instead of {want:?}"));
        }
        let content_type = request.content_type.as_deref().unwrap_or_default();
        match sent.body {
            Body::Empty if !request.body.is_empty() => self.fail(
                op,
                format!("a body {:?}", String::from_utf8_lossy(&request.body)),
            ),
            Body::Empty => {}
            Body::Form(pairs) => {
                let got: Vec<(String, String)> =
                    form_urlencoded::parse(&request.body).into_owned().collect();
                if sorted(got.clone()) != sorted(owned(pairs)) {
                    self.fail(op, format!("form {got:?} instead of {pairs:?}"));
                }
                if content_type != "application/x-www-form-urlencoded" {
                    self.fail(op, format!("content type {content_type:?} for a form"));
                }
            }
            Body::Json(text) => {
                let want: serde_json::Value = serde_json::from_str(text).expect("a JSON case");
                match serde_json::from_slice::<serde_json::Value>(&request.body) {
                    Ok(got) if got == want => {}
                    Ok(got) => self.fail(op, format!("JSON {got} instead of {want}")),
                    Err(e) => self.fail(op, format!("a body that is not JSON: {e}")),
                }
                if !content_type.starts_with("application/json") {
                    self.fail(op, format!("content type {content_type:?} for JSON"));
                }
            }
        }
        for (name, value) in sent.headers {
            let got = request
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str());
            if got != Some(*value) {
                self.fail(op, format!("header {name}: {got:?} instead of {value:?}"));
            }
        }
        if !request.authorized {
            self.fail(op, "the credentials were not accepted".to_owned());
        }
    }

    /// A path template with each `{X}` replaced by [`arg`](Self::arg)`("X")`.
    fn render(&self, template: &str) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let end = rest[start..].find('}').map_or(rest.len(), |e| start + e);
            out.push_str(&rest[..start]);
            out.push_str(&self.arg(&rest[start + 1..end]));
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        out.push_str(rest);
        out
    }
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn sorted(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort();
    pairs
}

#[tokio::test]
async fn every_operation_sends_every_parameter_as_its_description_says() {
    let h = Harness::start().await;
    let calls = cases::all(&h).await;
    let failures = h.failures.into_inner().expect("no check panics");
    let decoded = h.decoded.into_inner().expect("no check panics");
    println!("{calls} operations called, {decoded} answers decoded into the catalog's types");
    if cfg!(feature = "full") {
        let index: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../operations.json")).expect("the index is JSON");
        let generated = index.iter().filter(|e| !e["call"].is_null()).count();
        assert_eq!(calls, generated, "every generated operation has a case");
    }
    assert!(
        failures.is_empty(),
        "{} of {calls} operations sent something else:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
