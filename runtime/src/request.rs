//! [`Request`]: one `fetch`, `create`, `update` or `delete`, with its own settings; it is the
//! call's future, so awaiting it sends it. Only the decoding of the answer is generic over the
//! resource: building the call, sending it and retrying are one non-generic function each.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::HeaderValue;
use serde::Serialize;

use crate::body;
use crate::client::Client;
use crate::decode::{Answer, decode_answer, decode_written};
use crate::error::Error;
use crate::protocol::BodyFormat;
use crate::resource::{Descriptor, Resource};
use crate::response::Response;
use crate::settings::{Settings, with_query};
use crate::transport::{Call, IDEMPOTENCY_KEY, Payload};

/// A call about to be made: returned by every generated `fetch`, `create`, `update` and
/// `delete` (and [`Client::fetch`] and its siblings). It is a [`Future`]: awaiting it (or polling
/// it) sends it, and nothing is sent before.
///
/// Settings come before the `.await`; each replaces what the client would otherwise send for this
/// call only:
///
/// ```
/// use std::time::Duration;
/// use twilio_resource::{twilio_resource, Client, Response};
///
/// #[twilio_resource(
///     path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
///     fetch, create = NewParticipant,
/// )]
/// pub struct Participant {
///     pub id: Option<String>,
///     pub name: Option<String>,
/// }
///
/// #[derive(serde::Serialize)]
/// pub struct NewParticipant { pub name: String }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let server = twilio_local_server::LocalServer::start().await?;
/// # let conversation = twilio_local_server::EXAMPLE_CONVERSATION_ID;
/// # let client = Client::builder().account_sid(server.account_sid()).auth_token(server.auth_token()).base_url(server.base_url()).build()?;
/// let new = NewParticipant { name: "Dana S.".into() };
/// let created: Response<Participant> = Participant::create(&client, conversation, &new)
///     .webhook_enabled(true)                  // X-Twilio-Webhook-Enabled: true
///     .header("X-Trace", "checkout-42")       // any header
///     .timeout(Duration::from_secs(5))        // this call's deadline
///     .with_response()                        // status and headers too
///     .await?;
/// assert_eq!(created.status(), 201);
/// let sid = created.into_body().id.unwrap();
/// let fetched = Participant::fetch(&client, conversation, &sid).await?;
/// assert_eq!(fetched.name.as_deref(), Some("Dana S."));
/// # Ok(())
/// # }
/// ```
///
/// A setting that is not valid (a header name or value that is not HTTP, a query that cannot be
/// encoded) is the call's [`Error::InvalidArgument`], and nothing is sent.
#[must_use = "a request does nothing until it is awaited"]
pub struct Request<'a, T> {
    client: &'a Client,
    verb: Verb,
    resource: Descriptor,
    state: State<'a>,
    decode: fn(&Answer) -> Result<T, Error>,
}

/// Where a request is: still taking settings, on its way (the transport's one future for every
/// call, boxed: its state machine is compiled once), or over.
// Every request starts `Building`; boxing that variant would cost an allocation per call to save
// bytes only while it is sent.
#[allow(clippy::large_enum_variant)]
enum State<'a> {
    /// The method, path and body (or the first argument refused while building them), and the
    /// settings so far.
    Building {
        call: Result<Prepared, Error>,
        settings: Settings,
    },
    Sending(Sending<'a>),
    Done,
}

type Sending<'a> = Pin<Box<dyn Future<Output = Result<Answer, Error>> + Send + 'a>>;

/// The verb, for the call's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Fetch,
    Create,
    Update,
    Delete,
}

/// What the generated method built: method, path and encoded body.
struct Prepared {
    method: Method,
    path: String,
    payload: Option<Payload>,
}

impl<'a, T> Request<'a, T> {
    fn new(
        client: &'a Client,
        verb: Verb,
        resource: Descriptor,
        call: Result<Prepared, Error>,
        decode: fn(&Answer) -> Result<T, Error>,
    ) -> Self {
        Self {
            client,
            verb,
            resource,
            state: State::Building {
                call,
                settings: Settings::default(),
            },
            decode,
        }
    }

    /// The settings, while they may still change (no effect once the request was polled).
    fn settings(&mut self) -> Option<&mut Settings> {
        match &mut self.state {
            State::Building { settings, .. } => Some(settings),
            State::Sending(_) | State::Done => None,
        }
    }

    /// Sends `name: value` with this call, replacing the header of that name that the client
    /// would send (`Authorization`, `Content-Type`, `User-Agent`, `Accept`, `Idempotency-Key`):
    /// a header named here wins. The value is never logged.
    ///
    /// A name or value that is not valid HTTP (CR or LF, other control characters, a name with
    /// spaces) makes the call an [`Error::InvalidArgument`] for `header`; nothing is sent.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        if let Some(settings) = self.settings() {
            settings.header(name.as_ref(), value.as_ref());
        }
        self
    }

    /// Adds `extra`'s fields to the query string, after the operation's own, encoded like a
    /// list filter (`None` left out, sequences as repeated keys): for the odd operation that
    /// takes query parameters besides its body (`POST /v1/token?account_sid=…`).
    ///
    /// A value that cannot be a query (a nested struct) makes the call an
    /// [`Error::InvalidArgument`] for `query`; nothing is sent.
    pub fn query<Q: Serialize + ?Sized>(mut self, extra: &Q) -> Self {
        if let Some(settings) = self.settings() {
            settings.query(extra);
        }
        self
    }

    /// Sends `X-Twilio-Webhook-Enabled: true` (or `false`): whether a change made through the API
    /// fires the service's webhooks, as Conversations and Chat let a write ask.
    pub fn webhook_enabled(mut self, enabled: bool) -> Self {
        if let Some(settings) = self.settings() {
            settings.webhook_enabled(enabled);
        }
        self
    }

    /// Sends `If-Match: <etag>`: Twilio makes the change only if the record is still at that
    /// revision (Sync documents, lists and maps; TaskRouter tasks), and answers a stale one with
    /// an [`Error::Api`] (Sync's code 54103). The revision comes from
    /// [`Response::etag`] or the record's `revision` field.
    pub fn if_match(mut self, etag: impl AsRef<str>) -> Self {
        if let Some(settings) = self.settings() {
            settings.if_match(etag.as_ref());
        }
        self
    }

    /// This call's deadline, attempts and waits together, instead of the client's
    /// ([`ClientBuilder::timeout`](crate::ClientBuilder::timeout)). `Duration::MAX` means none.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        if let Some(settings) = self.settings() {
            settings.timeout = Some(timeout);
        }
        self
    }

    /// Sends your own `Idempotency-Key` instead of a fresh one, so that a job re-run after a crash
    /// repeats the same key and Twilio answers with the first outcome instead of acting twice.
    ///
    /// On a resource declared with `idempotency_key` (where Twilio honours the key), every
    /// retry of the call repeats it, and a `POST` is retried like a `GET`. Elsewhere the header is
    /// sent as asked, but a `POST` is still retried only where Twilio cannot have acted.
    pub fn idempotency_key(mut self, key: impl AsRef<str>) -> Self {
        if let Some(settings) = self.settings() {
            settings.header(IDEMPOTENCY_KEY.as_str(), key.as_ref());
        }
        self
    }

    /// Resolves to a [`Response`]: the decoded body with the status and every header
    /// (`Twilio-Request-Id`, `ETag`, …). Call it after the other settings.
    pub fn with_response(self) -> WithResponse<'a, T> {
        WithResponse(self)
    }

    /// Polls the call: started at the first poll, then the transport's future.
    fn poll_answer(&mut self, cx: &mut Context<'_>) -> Poll<Result<Answer, Error>> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Building { call, settings } => {
                    match start(self.client, self.verb, self.resource, call, settings) {
                        Ok(sending) => self.state = State::Sending(sending),
                        Err(error) => return Poll::Ready(Err(error)),
                    }
                }
                State::Sending(mut sending) => {
                    let Poll::Ready(answer) = sending.as_mut().poll(cx) else {
                        self.state = State::Sending(sending);
                        return Poll::Pending;
                    };
                    return Poll::Ready(answer);
                }
                State::Done => {
                    return Poll::Ready(Err(Error::InvalidArgument {
                        parameter: "request",
                        reason: "polled again after it completed".to_owned(),
                    }));
                }
            }
        }
    }
}

impl<T> Future for Request<'_, T> {
    type Output = Result<T, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let answer = ready!(this.poll_answer(cx));
        Poll::Ready(answer.and_then(|answer| (this.decode)(&answer)))
    }
}

/// A [`Request`] that resolves to a [`Response`]; from [`Request::with_response`].
#[must_use = "a request does nothing until it is awaited"]
pub struct WithResponse<'a, T>(Request<'a, T>);

impl<T> Future for WithResponse<'_, T> {
    type Output = Result<Response<T>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let request = &mut self.get_mut().0;
        let answer = ready!(request.poll_answer(cx));
        Poll::Ready(answer.and_then(|answer| {
            let body = (request.decode)(&answer)?;
            Ok(Response::new(answer.status, answer.headers, body))
        }))
    }
}

/// Builds the transport's call from what the method prepared and the settings, and starts it.
fn start<'a>(
    client: &'a Client,
    verb: Verb,
    resource: Descriptor,
    call: Result<Prepared, Error>,
    settings: Settings,
) -> Result<Sending<'a>, Error> {
    let Settings {
        mut headers,
        query,
        timeout,
        refused,
    } = settings;
    let prepared = refused.map_or(call, Err)?;
    let target = client.target(resource.base_url, &with_query(prepared.path, &query))?;
    // Twilio honours the key only where the resource says so: only there does it make a `POST`
    // safe to retry. A write without the caller's own key gets a fresh one, the same on retries.
    let idempotent = resource.protocol.idempotency_key() && prepared.method != Method::GET;
    if idempotent && !headers.contains_key(IDEMPOTENCY_KEY) {
        headers.insert(IDEMPOTENCY_KEY, fresh_idempotency_key());
    }
    // The span names the URL without its query, which can hold values (a phone number to look up).
    // The parsed URL knows where its path ends: no second scan of the text.
    let url = match &target.url {
        Some(parsed) => &parsed[..url::Position::AfterPath],
        None => target
            .text
            .split_once('?')
            .map_or(target.text.as_str(), |(url, _)| url),
    };
    let span = match verb {
        Verb::Fetch => tracing::debug_span!("twilio_fetch", resource = resource.type_name, url),
        Verb::Create => tracing::debug_span!("twilio_create", resource = resource.type_name, url),
        Verb::Update => tracing::debug_span!("twilio_update", resource = resource.type_name, url),
        Verb::Delete => tracing::debug_span!("twilio_delete", resource = resource.type_name, url),
    };
    let call = Call {
        method: prepared.method,
        target,
        payload: prepared.payload,
        headers,
        idempotent,
        timeout,
    };
    let transport = &client.inner.transport;
    Ok(Box::pin(async move { transport.send(call, &span).await }))
}

/// One UUID v4: ASCII letters, digits and `-`, always a valid header value.
fn fresh_idempotency_key() -> HeaderValue {
    let mut text = [0; uuid::fmt::Hyphenated::LENGTH];
    let text = uuid::Uuid::new_v4().hyphenated().encode_lower(&mut text);
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}

/// `body` encoded as the resource sends bodies.
fn payload<B: Serialize + ?Sized>(format: BodyFormat, body: &B) -> Result<Payload, Error> {
    Ok(match format {
        BodyFormat::Form => Payload {
            content_type: HeaderValue::from_static("application/x-www-form-urlencoded"),
            bytes: Bytes::from(body::form(body)?),
        },
        BodyFormat::Json => Payload {
            content_type: HeaderValue::from_static("application/json"),
            bytes: Bytes::from(body::json(body)?),
        },
    })
}

fn prepared(
    method: Method,
    path: Result<String, Error>,
    payload: Result<Option<Payload>, Error>,
) -> Result<Prepared, Error> {
    Ok(Prepared {
        method,
        path: path?,
        payload: payload?,
    })
}

/// A `delete` answer's body is not read as the resource.
fn discard(_: &Answer) -> Result<(), Error> {
    Ok(())
}

/// `GET path`, decoded as `R`. [`Client::fetch`] and generated `fetch` methods.
pub(crate) fn fetch<R: Resource>(client: &Client, path: Result<String, Error>) -> Request<'_, R> {
    let call = prepared(Method::GET, path, Ok(None));
    Request::new(
        client,
        Verb::Fetch,
        Descriptor::of::<R>(),
        call,
        decode_answer::<R>,
    )
}

/// `POST path` with `body`, decoded as `R` (a 204 as `{}`).
pub(crate) fn create<'a, R: Resource, B: Serialize + ?Sized>(
    client: &'a Client,
    path: Result<String, Error>,
    body: &B,
) -> Request<'a, R> {
    let resource = Descriptor::of::<R>();
    let call = prepared(
        Method::POST,
        path,
        payload(resource.protocol.body(), body).map(Some),
    );
    Request::new(client, Verb::Create, resource, call, decode_written::<R>)
}

/// The resource's update method on `path` with `body`, decoded as `R` (a 204 as `{}`).
pub(crate) fn update<'a, R: Resource, B: Serialize + ?Sized>(
    client: &'a Client,
    path: Result<String, Error>,
    body: &B,
) -> Request<'a, R> {
    let resource = Descriptor::of::<R>();
    let method = resource.protocol.update_method().http();
    let call = prepared(
        method,
        path,
        payload(resource.protocol.body(), body).map(Some),
    );
    Request::new(client, Verb::Update, resource, call, decode_written::<R>)
}

/// `DELETE path`; any 2xx is success, its body unread.
pub(crate) fn delete<R: Resource>(client: &Client, path: Result<String, Error>) -> Request<'_, ()> {
    let call = prepared(Method::DELETE, path, Ok(None));
    Request::new(client, Verb::Delete, Descriptor::of::<R>(), call, discard)
}

impl Client {
    /// Fetches `R` at `path` (as built by the resource's `path` function or
    /// [`PathTemplate::render`](crate::PathTemplate::render), with a query if you like) with
    /// `GET`, retries and decoding, when the returned [`Request`] is awaited. Generated `fetch`
    /// methods do the same.
    ///
    /// # Errors
    ///
    /// Any [`Error`]: a refused path or base URL, a transport failure or timeout, a non-2xx answer
    /// ([`Error::Api`]), or a body that does not decode as `R` ([`Error::Decode`]).
    pub fn fetch<R: Resource>(&self, path: &str) -> Request<'_, R> {
        fetch(self, Ok(path.to_owned()))
    }

    /// Creates a record with `POST path` (the collection's path) and `body` encoded as
    /// `R::PROTOCOL` says (form or JSON). Generated `create` methods do the same.
    ///
    /// A `POST` is retried only after 429 or a failure to connect — never after 503, a timeout or
    /// a connection lost after sending, since Twilio may have acted — unless the resource sends an
    /// idempotency key.
    ///
    /// The answer decodes as `R`; a `204 No Content` (which a few Twilio writes send) decodes as
    /// an empty JSON object, so a model whose fields are all `Option`s comes back all `None`.
    ///
    /// # Errors
    ///
    /// As [`Client::fetch`], and [`Error::InvalidArgument`] naming `body` when it cannot be encoded.
    pub fn create<R: Resource, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> Request<'_, R> {
        create(self, Ok(path.to_owned()), body)
    }

    /// Updates the record at `path` with `R::PROTOCOL`'s update method (`POST`, `PUT` or `PATCH`)
    /// and `body`. Generated `update` methods do the same.
    ///
    /// # Errors
    ///
    /// As [`Client::create`].
    pub fn update<R: Resource, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> Request<'_, R> {
        update(self, Ok(path.to_owned()), body)
    }

    /// Deletes the record at `path` with `DELETE`; any 2xx answer (204, or 200/202 with a body,
    /// which is not read as `R`) is success. Generated `delete` methods do the same.
    ///
    /// # Errors
    ///
    /// As [`Client::fetch`], without decode errors.
    pub fn delete<R: Resource>(&self, path: &str) -> Request<'_, ()> {
        delete::<R>(self, Ok(path.to_owned()))
    }
}

/// The operation, the resource and the settings; never a header value.
impl<T> fmt::Debug for Request<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = f.debug_struct("Request");
        shown
            .field("verb", &self.verb)
            .field("resource", &self.resource.type_name);
        match &self.state {
            State::Building { call, settings } => shown
                .field("path", &call.as_ref().map(|call| &call.path))
                .field("settings", settings),
            State::Sending(_) => shown.field("state", &"sending"),
            State::Done => shown.field("state", &"done"),
        };
        shown.finish()
    }
}

impl<T> fmt::Debug for WithResponse<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("WithResponse").field(&self.0).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys_are_fresh_uuids() {
        let a = fresh_idempotency_key();
        let b = fresh_idempotency_key();
        assert_ne!(a, b);
        assert!(uuid::Uuid::parse_str(a.to_str().unwrap()).is_ok());
    }

    #[test]
    fn requests_are_send_and_unpin_futures() {
        fn assert_traits<T: Send + Unpin>() {}
        assert_traits::<Request<'static, String>>();
        assert_traits::<WithResponse<'static, String>>();
    }
}
