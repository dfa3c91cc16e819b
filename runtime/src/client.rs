//! [`Client`] and [`ClientBuilder`]: credentials, base URL, timeout, retries; one shared connection pool.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{ACCEPT, HeaderMap, HeaderValue};
use secrecy::SecretString;
use tracing::Instrument as _;

use crate::credentials::Credentials;
use crate::region::Routing;
use crate::request::{self, Target};
use crate::retry::RetryPolicy;
use crate::{Error, Resource};

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_MAX_RETRIES: u32 = 3;
const DEFAULT_RETRY_AFTER_CAP: Duration = Duration::from_secs(60);
/// Far above any Twilio resource or page, far below what would hurt a service's memory.
const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// A Twilio API client: credentials plus one connection pool, cheap to clone and share.
///
/// `Clone` shares the pool; `Client` is `Send + Sync`; its `Debug` shows the account SID and
/// settings, never a secret.
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
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) credentials: Credentials,
    pub(crate) authorization: HeaderValue,
    /// Replaces every resource's scheme, host and port when set.
    pub(crate) base_url: Option<String>,
    /// Region and edge for `*.twilio.com` hosts when there is no override.
    pub(crate) routing: Routing,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_bytes: usize,
}

impl Client {
    /// A client for an account SID and its auth token, with default settings.
    ///
    /// Nothing is checked until the first request; use [`Client::builder`] to have bad settings
    /// refused up front.
    ///
    /// # Panics
    ///
    /// Only if the TLS backend cannot be initialised, as `reqwest::Client::new` does.
    pub fn new(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Client {
        let credentials =
            Credentials::auth_token(account_sid.into(), SecretString::from(auth_token.into()));
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
    /// when set.
    ///
    /// # Errors
    ///
    /// [`Error::MissingEnv`] naming the first variable that is missing or empty, or
    /// [`Error::Config`] for a region or edge that is not a host label.
    pub fn from_env() -> Result<Client, Error> {
        let var = |name: &'static str| std::env::var(name).ok().filter(|value| !value.is_empty());
        let credentials = Credentials::from_lookup(var)?;
        let authorization = credentials.authorization()?;
        let mut builder = ClientBuilder::new();
        builder.region = var("TWILIO_REGION");
        builder.edge = var("TWILIO_EDGE");
        builder.finish(credentials, authorization, None)
    }

    /// A builder for every setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The account SID requests are made for.
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
        let target = self.url_for(R::BASE_URL, path)?;
        let span = tracing::debug_span!(
            "twilio_fetch",
            resource = std::any::type_name::<R>(),
            url = target.text
        );
        let answer = request::get(&self.inner, target).instrument(span).await?;
        request::decode_answer::<R>(&answer)
    }

    fn url_for(&self, resource_base: &'static str, path: &str) -> Result<Target, Error> {
        if !path.starts_with('/') {
            return Err(Error::InvalidArgument {
                parameter: "path",
                reason: format!("must be an absolute path starting with `/`, got {path:?}"),
            });
        }
        let base: Cow<'_, str> = match &self.inner.base_url {
            Some(base) => Cow::Borrowed(base),
            None => self
                .inner
                .routing
                .apply(resource_base)
                .map_or(Cow::Borrowed(resource_base), Cow::Owned),
        };
        let text = format!("{base}{path}");
        let url = Url::parse(&text).map_err(|error| {
            Error::config(format!(
                "cannot form a URL from {base:?} and {path:?}: {error}"
            ))
        })?;
        if self.inner.base_url.is_none() {
            // The override was checked by `build`; a resource's own base URL is checked here.
            check_scheme(&url)?;
        }
        Ok(Target { text, url })
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("credentials", &inner.credentials)
            .field("base_url", &inner.base_url)
            .field("routing", &inner.routing)
            .field("timeout", &inner.timeout)
            .field("max_retries", &inner.retry.max_retries)
            .field("max_response_bytes", &inner.max_response_bytes)
            .finish()
    }
}

/// Every setting of a [`Client`]; `build` checks them all.
#[derive(Clone)]
pub struct ClientBuilder {
    account_sid: Option<String>,
    auth_token: Option<SecretString>,
    api_key: Option<(String, SecretString)>,
    base_url: Option<String>,
    region: Option<String>,
    edge: Option<String>,
    timeout: Duration,
    max_retries: u32,
    retry_after_cap: Duration,
    max_response_bytes: usize,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientBuilder {
    /// A builder with the defaults: 30 s timeout, 3 retries, Twilio's own hosts.
    pub fn new() -> Self {
        Self {
            account_sid: None,
            auth_token: None,
            api_key: None,
            base_url: None,
            region: None,
            edge: None,
            timeout: DEFAULT_TIMEOUT,
            max_retries: DEFAULT_MAX_RETRIES,
            retry_after_cap: DEFAULT_RETRY_AFTER_CAP,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// The account SID (`AC…`): the Basic-auth user with an auth token, the account with an API key.
    pub fn account_sid(mut self, account_sid: impl Into<String>) -> Self {
        self.account_sid = Some(account_sid.into());
        self
    }

    /// Authenticate with the account's auth token. An API key, when also set, takes precedence.
    pub fn auth_token(mut self, auth_token: impl Into<String>) -> Self {
        self.auth_token = Some(SecretString::from(auth_token.into()));
        self
    }

    /// Authenticate with an API key (`SK…`) and its secret, as Twilio recommends for production.
    pub fn api_key(mut self, key_sid: impl Into<String>, secret: impl Into<String>) -> Self {
        self.api_key = Some((key_sid.into(), SecretString::from(secret.into())));
        self
    }

    /// Replaces the scheme, host and port of every resource's base URL: a local server, a proxy, a
    /// test. `http://` is accepted only for loopback hosts (`localhost`, `127.0.0.0/8`, `[::1]`),
    /// since Basic credentials would otherwise travel in clear.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Route `*.twilio.com` requests to a Twilio region, e.g. `"ie1"` or `"au1"` (default: US1).
    /// `product.twilio.com` becomes `product.{edge}.{region}.twilio.com`. Ignored with [`base_url`](Self::base_url).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Enter Twilio through an edge location, e.g. `"dublin"` or `"sydney"`; without a region it
    /// implies `us1`, as in Twilio's helper libraries. Ignored with [`base_url`](Self::base_url).
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }

    /// The most one call may take, all attempts and waits included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times a `GET` is retried after 429, 503 or a connection failure (default 3).
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = max_retries;
        self
    }

    /// The longest `Retry-After` honoured (default 60 s); a larger one is cut to this.
    pub fn max_retry_after(mut self, cap: Duration) -> Self {
        self.retry_after_cap = cap;
        self
    }

    /// The largest response body read (default 16 MiB); past it the call fails with
    /// [`Error::ResponseTooLarge`] without reading further.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Checks every setting and builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] naming the problem: no account SID, no auth token or API key, a zero
    /// timeout, or a base URL that is not an absolute http(s) URL of scheme, host and port, or
    /// that is plain `http://` to a host other than loopback.
    pub fn build(self) -> Result<Client, Error> {
        let account_sid = self
            .account_sid
            .clone()
            .ok_or_else(|| Error::config("no account SID: call ClientBuilder::account_sid"))?;
        let credentials = match (self.api_key.clone(), self.auth_token.clone()) {
            (Some((key_sid, secret)), _) => Credentials::api_key(account_sid, key_sid, secret),
            (None, Some(token)) => Credentials::auth_token(account_sid, token),
            (None, None) => {
                return Err(Error::config(
                    "no credentials: call ClientBuilder::auth_token or ClientBuilder::api_key",
                ));
            }
        };
        let authorization = credentials.authorization()?;
        let base_url = self
            .base_url
            .as_deref()
            .map(normalize_base_url)
            .transpose()?;
        if self.timeout.is_zero() {
            return Err(Error::config("the timeout must be greater than zero"));
        }
        self.finish(credentials, authorization, base_url)
    }

    fn finish(
        self,
        credentials: Credentials,
        authorization: HeaderValue,
        base_url: Option<String>,
    ) -> Result<Client, Error> {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let mut http = reqwest::Client::builder()
            .user_agent(user_agent())
            .default_headers(headers)
            // Never follow: a redirect to another host must not receive the Authorization header.
            .redirect(reqwest::redirect::Policy::none());
        let to_loopback = base_url
            .as_deref()
            .and_then(|url| Url::parse(url).ok())
            .is_some_and(|url| is_loopback(&url));
        if to_loopback {
            // A local server is never behind HTTP_PROXY; sending it (and our credentials) there would be wrong.
            http = http.no_proxy();
        }
        let http = http
            .build()
            .map_err(|error| Error::config(format!("cannot build the HTTP client: {error}")))?;
        let routing = Routing::new(self.region, self.edge)?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                credentials,
                authorization,
                base_url,
                routing,
                timeout: self.timeout,
                retry: RetryPolicy {
                    max_retries: self.max_retries,
                    retry_after_cap: self.retry_after_cap,
                },
                max_response_bytes: self.max_response_bytes,
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("account_sid", &self.account_sid)
            .field(
                "auth_token",
                &self.auth_token.as_ref().map(|_| "[redacted]"),
            )
            .field(
                "api_key",
                &self.api_key.as_ref().map(|(sid, _)| (sid, "[redacted]")),
            )
            .field("base_url", &self.base_url)
            .field("region", &self.region)
            .field("edge", &self.edge)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("max_retry_after", &self.retry_after_cap)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish()
    }
}

/// `twilio-resource/<version> (<os> <arch>) rust/<version>`, the shape of Twilio's own helpers.
fn user_agent() -> String {
    format!(
        "twilio-resource/{} ({} {}) rust/{}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        env!("TWILIO_RESOURCE_RUSTC_VERSION"),
    )
}

/// Checks a base URL override and returns it as `scheme://host[:port]`, ready for a path.
fn normalize_base_url(text: &str) -> Result<String, Error> {
    let url = Url::parse(text).map_err(|error| {
        Error::config(format!("base_url {text:?} is not an absolute URL ({error}); write it like \"https://conversations.twilio.com\""))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::config(format!(
            "base_url {text:?} must use http:// or https://"
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::config(format!(
            "base_url must not carry credentials in the URL; use the builder's credential methods (host {:?})",
            url.host_str().unwrap_or("")
        )));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(format!(
            "base_url {text:?} replaces scheme, host and port only; remove its path, query or fragment"
        )));
    }
    check_scheme(&url)?;
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// Basic credentials may go over plain http only to this machine.
fn check_scheme(url: &Url) -> Result<(), Error> {
    if url.scheme() == "https" || is_loopback(url) {
        return Ok(());
    }
    Err(Error::config(format!(
        "refusing to send credentials over plain http to {}: use https://, or http:// only for a loopback host",
        url.host_str().unwrap_or("")
    )))
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_message(result: Result<String, Error>) -> String {
        match result {
            Err(Error::Config { message }) => message,
            other => panic!("expected a Config error, got {other:?}"),
        }
    }

    #[test]
    fn base_url_accepts_https_and_loopback_http() {
        assert_eq!(
            normalize_base_url("https://proxy.example.com").unwrap(),
            "https://proxy.example.com"
        );
        assert_eq!(
            normalize_base_url("https://proxy.example.com:8443/").unwrap(),
            "https://proxy.example.com:8443"
        );
        assert_eq!(
            normalize_base_url("http://127.0.0.1:4010").unwrap(),
            "http://127.0.0.1:4010"
        );
        assert_eq!(
            normalize_base_url("http://127.5.6.7").unwrap(),
            "http://127.5.6.7"
        );
        assert_eq!(
            normalize_base_url("http://localhost:1").unwrap(),
            "http://localhost:1"
        );
        assert_eq!(
            normalize_base_url("http://[::1]:80").unwrap(),
            "http://[::1]"
        );
    }

    #[test]
    fn base_url_refuses_plain_http_elsewhere() {
        for url in [
            "http://example.com",
            "http://10.0.0.1",
            "http://localhost.example.com",
            "http://[::2]",
        ] {
            assert!(
                config_message(normalize_base_url(url)).contains("plain http"),
                "{url}"
            );
        }
    }

    #[test]
    fn base_url_refuses_paths_credentials_and_other_schemes() {
        assert!(config_message(normalize_base_url("https://x.com/v2")).contains("remove its path"));
        assert!(config_message(normalize_base_url("https://x.com?a=1")).contains("query"));
        assert!(
            config_message(normalize_base_url("https://user:pw@x.com")).contains("credentials")
        );
        assert!(!config_message(normalize_base_url("https://user:pw@x.com")).contains("pw"));
        assert!(config_message(normalize_base_url("ftp://x.com")).contains("http://"));
        assert!(
            config_message(normalize_base_url("conversations.twilio.com"))
                .contains("not an absolute URL")
        );
    }

    #[test]
    fn build_names_what_is_missing() {
        let message = |builder: ClientBuilder| match builder.build() {
            Err(Error::Config { message }) => message,
            other => panic!("expected a Config error, got {other:?}"),
        };
        assert!(message(Client::builder().auth_token("t")).contains("account SID"));
        assert!(message(Client::builder().account_sid("AC1")).contains("no credentials"));
        assert!(
            message(Client::builder().account_sid("AC1").auth_token("")).contains("auth token")
        );
        assert!(
            message(
                Client::builder()
                    .account_sid("AC1")
                    .auth_token("t")
                    .timeout(Duration::ZERO)
            )
            .contains("timeout")
        );
    }

    #[test]
    fn region_and_edge_route_twilio_hosts_but_not_an_override() {
        let base = Client::builder().account_sid("AC1").auth_token("t");
        let routed = base.clone().region("ie1").edge("dublin").build().unwrap();
        let url = routed
            .url_for("https://conversations.twilio.com", "/v2/x")
            .unwrap()
            .url;
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
            .url_for("https://conversations.twilio.com", "/v2/x")
            .unwrap()
            .url;
        assert_eq!(url.as_str(), "http://127.0.0.1:9/v2/x");
        assert!(base.region("ie1.evil.com").build().is_err());
    }

    #[test]
    fn user_agent_has_the_documented_shape() {
        let ua = user_agent();
        assert!(
            ua.starts_with(&format!("twilio-resource/{} (", env!("CARGO_PKG_VERSION"))),
            "{ua}"
        );
        assert!(ua.contains(") rust/1."), "{ua}");
    }

    #[test]
    fn client_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Client>();
    }
}
