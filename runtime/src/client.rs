//! [`Client`]: one generic function per verb. It builds the URL (base-URL override, region and
//! edge), encodes the body, hands a [`Call`] to the [`Transport`] and decodes the answer.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use reqwest::header::HeaderValue;
use reqwest::{Method, Url};
use secrecy::SecretString;
use serde::Serialize;

use crate::budget::RetryBudget;
use crate::builder::ClientBuilder;
use crate::credentials::Credentials;
use crate::decode::{Answer, decode_answer, decode_written};
use crate::region::Routing;
use crate::transport::{Call, Payload, Target, Transport};
use crate::{BodyFormat, Error, List, Protocol, Resource, base_url, body};

/// A Twilio API client: credentials plus one connection pool, cheap to clone and share.
///
/// `Clone` shares the pool and the retry budget; `Client` is `Send + Sync`; its `Debug` shows the
/// account SID and every setting, never a secret. Calls need a Tokio runtime.
///
/// ```
/// use std::time::Duration;
/// use twilio_resource::Client;
///
/// let client = Client::builder()
///     .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
///     .api_key("SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "the-api-key-secret")
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// assert!(!format!("{client:?}").contains("the-api-key-secret"));
/// # Ok::<(), twilio_resource::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) transport: Transport,
    pub(crate) credentials: Credentials,
    /// Replaces every resource's scheme, host and port when set.
    pub(crate) base_url: Option<String>,
    /// Region and edge for `*.twilio.com` hosts when there is no override.
    pub(crate) routing: Routing,
    /// As configured, for `Debug`.
    pub(crate) retry_budget: RetryBudget,
}

impl Client {
    /// A client for an account SID and its auth token, with default settings.
    ///
    /// Nothing is checked until the first request; use [`Client::builder`] to have bad settings
    /// refused up front.
    ///
    /// # Panics
    ///
    /// Only if the TLS backend cannot be initialised, as `reqwest::Client::new` does: there is no
    /// client without one, and no argument leads there.
    pub fn new(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Client {
        let credentials = Credentials::AuthToken {
            account_sid: account_sid.into(),
            token: SecretString::from(auth_token.into()),
        };
        // Empty credentials cannot form a header; keep an empty one and let Twilio answer 401.
        let authorization = credentials
            .authorization()
            .unwrap_or_else(|_| HeaderValue::from_static(""));
        ClientBuilder::new()
            .finish(credentials, authorization, None)
            .unwrap_or_else(|error| panic!("cannot build the HTTP client: {error}"))
    }

    /// A client from `TWILIO_ACCOUNT_SID` and either `TWILIO_API_KEY` + `TWILIO_API_SECRET`
    /// (preferred when set) or `TWILIO_AUTH_TOKEN`; `TWILIO_REGION` and `TWILIO_EDGE` are honoured
    /// when set. The short form of [`ClientBuilder::from_env`]`()?.build()`.
    ///
    /// # Errors
    ///
    /// [`Error::MissingEnv`] naming the first variable that is missing or empty, or
    /// [`Error::Config`] for a region or edge that is not a host label.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env()?.build()
    }

    /// A builder for every setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The account SID requests are made for: the value of `<AccountSid>` in 2010-API paths.
    pub fn account_sid(&self) -> &str {
        self.inner.credentials.account_sid()
    }

    /// Fetches `R` at `path` (as built by the resource's `path` function or
    /// [`PathTemplate::render`](crate::PathTemplate::render)) with `GET`, retries and decoding.
    /// Generated `fetch` methods call this.
    ///
    /// # Errors
    ///
    /// Any [`Error`]: a refused path or base URL, a transport failure or timeout, a non-2xx answer
    /// ([`Error::Api`]), or a body that does not decode as `R` ([`Error::Decode`]).
    pub async fn fetch<R: Resource>(&self, path: &str) -> Result<R, Error> {
        let target = self.target(R::BASE_URL, path)?;
        let span = tracing::debug_span!(
            "twilio_fetch",
            resource = std::any::type_name::<R>(),
            url = target.text
        );
        let answer = self.inner.transport.send(Call::get(target), &span).await?;
        decode_answer::<R>(&answer)
    }

    /// Lists `R` in the collection at `path` (as built by the resource's `collection_path`): a
    /// lazy stream of records, one page in memory at a time. Generated `list` methods call this.
    pub fn list<R: Resource + Send + 'static>(&self, path: &str) -> List<R> {
        List::new(self, path.to_owned())
    }

    /// Creates a record with `POST path` (the collection's path) and `body` encoded as
    /// `R::PROTOCOL` says (form or JSON). Generated `create` methods call this.
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
    pub async fn create<R: Resource, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<R, Error> {
        let call = self.write::<R, B>(Method::POST, path, body)?;
        let span = tracing::debug_span!(
            "twilio_create",
            resource = std::any::type_name::<R>(),
            url = call.target.text
        );
        let answer = self.inner.transport.send(call, &span).await?;
        decode_written::<R>(&answer)
    }

    /// Updates the record at `path` with `R::PROTOCOL`'s update method (`POST`, `PUT` or `PATCH`)
    /// and `body`. Generated `update` methods call this.
    ///
    /// # Errors
    ///
    /// As [`Client::create`].
    pub async fn update<R: Resource, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<R, Error> {
        let method = R::PROTOCOL.update_method().http();
        let call = self.write::<R, B>(method, path, body)?;
        let span = tracing::debug_span!(
            "twilio_update",
            resource = std::any::type_name::<R>(),
            url = call.target.text
        );
        let answer = self.inner.transport.send(call, &span).await?;
        decode_written::<R>(&answer)
    }

    /// Deletes the record at `path` with `DELETE`; any 2xx answer (204, or 200/202 with a body,
    /// which is not read as `R`) is success. Generated `delete` methods call this.
    ///
    /// # Errors
    ///
    /// As [`Client::fetch`], without decode errors.
    pub async fn delete<R: Resource>(&self, path: &str) -> Result<(), Error> {
        let call = Call {
            method: Method::DELETE,
            target: self.target(R::BASE_URL, path)?,
            payload: None,
            idempotency_key: idempotency_key(R::PROTOCOL),
            read_whole_max: None,
        };
        let span = tracing::debug_span!(
            "twilio_delete",
            resource = std::any::type_name::<R>(),
            url = call.target.text
        );
        self.inner.transport.send(call, &span).await.map(drop)
    }

    /// `GET path_and_query` on `R`'s origin (override, region and edge applied), retried like any
    /// `GET`: the 2xx answer, body and wrong content type, for list pages to decode as `fetch`
    /// decodes (an HTML page from a proxy is refused with the same message).
    ///
    /// With `read_whole_max`, a JSON body announced as larger (or not announced) is left unread
    /// in the answer, to be read as it arrives.
    pub(crate) async fn get_body<R: Resource>(
        &self,
        path_and_query: &str,
        span: &tracing::Span,
        read_whole_max: Option<usize>,
    ) -> Result<Answer, Error> {
        // `target` writes `{origin}{path}` with a path that starts with `/`: whatever link the
        // server wrote, the authority (and so the credentials' destination) is the client's own.
        let target = self.target(R::BASE_URL, path_and_query)?;
        let mut call = Call::get(target);
        call.read_whole_max = read_whole_max;
        self.inner.transport.send(call, span).await
    }

    /// The limits on reading a body: how long the next bytes may take, and the size cap.
    pub(crate) fn body_limits(&self) -> (std::time::Duration, usize) {
        let transport = &self.inner.transport;
        (transport.timeout, transport.max_response_bytes)
    }

    fn write<R: Resource, B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<Call, Error> {
        let target = self.target(R::BASE_URL, path)?;
        let payload = match R::PROTOCOL.body() {
            BodyFormat::Form => Payload {
                content_type: HeaderValue::from_static("application/x-www-form-urlencoded"),
                bytes: Bytes::from(body::form(body)?),
            },
            BodyFormat::Json => Payload {
                content_type: HeaderValue::from_static("application/json"),
                bytes: Bytes::from(body::json(body)?),
            },
        };
        Ok(Call {
            method,
            target,
            payload: Some(payload),
            idempotency_key: idempotency_key(R::PROTOCOL),
            read_whole_max: None,
        })
    }

    /// The origin a resource's requests go to: the override, or its own base URL with region
    /// and edge applied.
    fn origin<'a>(&'a self, resource_base: &'a str) -> Cow<'a, str> {
        match &self.inner.base_url {
            Some(base) => Cow::Borrowed(base),
            None => self
                .inner
                .routing
                .apply(resource_base)
                .map_or(Cow::Borrowed(resource_base), Cow::Owned),
        }
    }

    pub(crate) fn target(&self, resource_base: &str, path: &str) -> Result<Target, Error> {
        if !path.starts_with('/') {
            return Err(Error::InvalidArgument {
                parameter: "path",
                reason: format!("must be an absolute path starting with `/`, got {path:?}"),
            });
        }
        let base = self.origin(resource_base);
        let text = format!("{base}{path}");
        let url = Url::parse(&text).map_err(|error| {
            Error::config(format!(
                "cannot form a URL from {base:?} and {path:?}: {error}"
            ))
        })?;
        if self.inner.base_url.is_none() {
            // The override was checked by `build`; a resource's own base URL is checked here.
            base_url::check_scheme(&url)?;
        }
        Ok(Target {
            text,
            url: Some(url),
        })
    }
}

/// One fresh UUID v4 per call when the resource asks for it; every retry of the call reuses it.
fn idempotency_key(protocol: Protocol) -> Option<HeaderValue> {
    protocol.idempotency_key().then(|| {
        let mut text = [0; uuid::fmt::Hyphenated::LENGTH];
        let text = uuid::Uuid::new_v4().hyphenated().encode_lower(&mut text);
        // A hyphenated UUID is ASCII letters, digits and `-`: always a valid header value.
        HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
    })
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let transport = &inner.transport;
        f.debug_struct("Client")
            .field("credentials", &inner.credentials)
            .field("base_url", &inner.base_url)
            .field("region", &inner.routing.region)
            .field("edge", &inner.routing.edge)
            .field("timeout", &transport.timeout)
            .field("max_retries", &transport.retry.max_retries)
            .field("max_retry_after", &transport.retry.max_retry_after)
            .field("retry_budget", &inner.retry_budget)
            .field("retry_tokens_left", &transport.budget.available())
            .field("max_response_bytes", &transport.max_response_bytes)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn region_and_edge_route_twilio_hosts_but_not_an_override() {
        let base = Client::builder().account_sid("AC1").auth_token("t");
        let routed = base.clone().region("ie1").edge("dublin").build().unwrap();
        let url = routed
            .target("https://conversations.twilio.com", "/v2/x")
            .unwrap()
            .url
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://conversations.dublin.ie1.twilio.com/v2/x"
        );
        let local = base
            .clone()
            .region("ie1")
            .base_url("http://127.0.0.1:9")
            .build()
            .unwrap();
        let url = local
            .target("https://conversations.twilio.com", "/v2/x")
            .unwrap()
            .url
            .unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:9/v2/x");
        assert!(base.region("ie1.evil.com").build().is_err());
    }

    #[test]
    fn debug_shows_every_setting() {
        let client = Client::builder()
            .account_sid("AC1")
            .auth_token("t0ken-secret")
            .max_retry_after(Duration::from_secs(9))
            .retry_budget(RetryBudget::tokens(42))
            .build()
            .unwrap();
        let shown = format!("{client:?}");
        for field in [
            "base_url",
            "region",
            "edge",
            "timeout",
            "max_retries",
            "max_retry_after: 9s",
            "retry_budget",
            "42",
            "max_response_bytes",
        ] {
            assert!(shown.contains(field), "{field} missing from {shown}");
        }
        assert!(!shown.contains("t0ken-secret"), "{shown}");
    }

    #[test]
    fn idempotency_keys_are_fresh_uuids() {
        let with = Protocol::new(BodyFormat::Json, crate::UpdateMethod::Put, "pageSize", true);
        let a = idempotency_key(with).unwrap();
        let b = idempotency_key(with).unwrap();
        assert_ne!(a, b);
        assert!(uuid::Uuid::parse_str(a.to_str().unwrap()).is_ok());
        assert_eq!(idempotency_key(Protocol::V2), None);
    }

    #[test]
    fn client_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Client>();
    }
}
