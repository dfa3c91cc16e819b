//! [`ClientBuilder`]: every setting of a [`Client`], checked once by `build`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{ACCEPT, HeaderMap, HeaderValue};
use secrecy::SecretString;

use crate::budget::{RetryBudget, TokenBucket};
use crate::client::{Client, Inner};
use crate::credentials::Credentials;
use crate::region::Routing;
use crate::retry::RetryPolicy;
use crate::transport::Transport;
use crate::{Error, base_url};

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_MAX_RETRIES: u32 = 3;
const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Far above any Twilio resource or page, far below what would hurt a service's memory.
const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Every setting of a [`Client`]; `build` checks them all.
///
/// ```
/// use std::time::Duration;
/// use twilio_resource::Client;
///
/// let client = Client::builder()
///     .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
///     .api_key("SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "the-api-key-secret")
///     .timeout(Duration::from_secs(10))
///     .max_retries(2)
///     .build()?;
/// assert!(!format!("{client:?}").contains("the-api-key-secret"));
/// # Ok::<(), twilio_resource::Error>(())
/// ```
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
    max_retry_after: Duration,
    retry_budget: RetryBudget,
    max_response_bytes: usize,
}

/// Client's constructors live beside the builder they use, so `client` never imports `builder`.
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
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientBuilder {
    /// A builder with the defaults: 30 s timeout, 3 retries, a 500-token retry budget, Twilio's own hosts.
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
            max_retry_after: DEFAULT_MAX_RETRY_AFTER,
            retry_budget: RetryBudget::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// A builder holding the credentials, region and edge from the environment, to combine with
    /// the other settings:
    ///
    /// - `TWILIO_ACCOUNT_SID`, and either `TWILIO_API_KEY` + `TWILIO_API_SECRET` (used when set,
    ///   as Twilio recommends API keys) or `TWILIO_AUTH_TOKEN`;
    /// - `TWILIO_REGION` and `TWILIO_EDGE` when set.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use twilio_resource::ClientBuilder;
    ///
    /// let client = ClientBuilder::from_env()?.timeout(Duration::from_secs(5)).build()?;
    /// # drop(client);
    /// # Ok::<(), twilio_resource::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::MissingEnv`] naming the first variable that is missing or empty (and, for the
    /// secret, both ways to authenticate).
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub(crate) fn from_lookup(
        lookup: impl Fn(&'static str) -> Option<String>,
    ) -> Result<Self, Error> {
        let var = |name: &'static str| lookup(name).filter(|value| !value.is_empty());
        let mut builder = Self::new();
        match Credentials::from_lookup(var)? {
            Credentials::AuthToken { account_sid, token } => {
                builder.account_sid = Some(account_sid);
                builder.auth_token = Some(token);
            }
            Credentials::ApiKey {
                account_sid,
                key_sid,
                secret,
            } => {
                builder.account_sid = Some(account_sid);
                builder.api_key = Some((key_sid, secret));
            }
        }
        builder.region = var("TWILIO_REGION");
        builder.edge = var("TWILIO_EDGE");
        Ok(builder)
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

    /// The most one call may take, all attempts and waits included (default 30 s); each list page
    /// is one call. A call's `.timeout(..)` replaces it for that call. A timeout too large to add
    /// to the clock (such as `Duration::MAX`) means no deadline at all.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times one call may be retried (default 3): `GET`, `PUT`, `PATCH` and `DELETE` after
    /// 429, 503 or a transport failure; a `POST` only after 429 or a failure to connect, unless the
    /// resource sends an idempotency key.
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = max_retries;
        self
    }

    /// The longest `Retry-After` honoured (default 60 s); a larger one is cut to this. The call's
    /// timeout still applies: a wait that would outlast it is not started.
    pub fn max_retry_after(mut self, max_retry_after: Duration) -> Self {
        self.max_retry_after = max_retry_after;
        self
    }

    /// The client-wide retry budget shared by this client's clones (default
    /// [`RetryBudget::default`], 500 tokens); [`RetryBudget::unlimited`] turns it off.
    pub fn retry_budget(mut self, retry_budget: RetryBudget) -> Self {
        self.retry_budget = retry_budget;
        self
    }

    /// The largest response body read (default 16 MiB); past it the call fails with
    /// [`Error::ResponseTooLarge`] without reading further.
    pub fn max_response_bytes(mut self, max_response_bytes: usize) -> Self {
        self.max_response_bytes = max_response_bytes;
        self
    }

    /// Checks every setting and builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] naming the problem: no account SID, no auth token or API key, a zero
    /// timeout, a region or edge that is not a host label, or a base URL that is not an absolute
    /// http(s) URL of scheme, host and port, or that is plain `http://` to a host other than loopback.
    pub fn build(self) -> Result<Client, Error> {
        let account_sid = self
            .account_sid
            .clone()
            .ok_or_else(|| Error::config("no account SID: call ClientBuilder::account_sid"))?;
        let credentials = match (self.api_key.clone(), self.auth_token.clone()) {
            (Some((key_sid, secret)), _) => Credentials::ApiKey {
                account_sid,
                key_sid,
                secret,
            },
            (None, Some(token)) => Credentials::AuthToken { account_sid, token },
            (None, None) => {
                return Err(Error::config(
                    "no credentials: call ClientBuilder::auth_token or ClientBuilder::api_key",
                ));
            }
        };
        let base_url = self
            .base_url
            .as_deref()
            .map(base_url::normalize)
            .transpose()?;
        if self.timeout.is_zero() {
            return Err(Error::config("the timeout must be greater than zero"));
        }
        let authorization = credentials.authorization()?;
        self.finish(credentials, authorization, base_url)
    }

    /// Builds from checked parts ([`Client::new`] passes an empty header for empty credentials).
    pub(crate) fn finish(
        self,
        credentials: Credentials,
        authorization: HeaderValue,
        base_url: Option<String>,
    ) -> Result<Client, Error> {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(reqwest::header::USER_AGENT, USER_AGENT);
        let mut http = reqwest::Client::builder()
            .default_headers(headers)
            // Never follow: a redirect to another host must not receive the Authorization header.
            .redirect(reqwest::redirect::Policy::none());
        let to_loopback = base_url
            .as_deref()
            .and_then(|url| Url::parse(url).ok())
            .is_some_and(|url| base_url::is_loopback(&url));
        if to_loopback {
            // A local server is never behind HTTP_PROXY; sending it (and our credentials) there would be wrong.
            http = http.no_proxy();
        }
        let http = http
            .build()
            .map_err(|error| Error::config(format!("cannot build the HTTP client: {error}")))?;
        let routing = Routing::new(self.region, self.edge)?;
        let transport = Transport {
            http,
            authorization,
            account_sid: credentials.account_sid().to_owned(),
            timeout: self.timeout,
            retry: RetryPolicy {
                max_retries: self.max_retries,
                max_retry_after: self.max_retry_after,
            },
            budget: TokenBucket::new(self.retry_budget),
            max_response_bytes: self.max_response_bytes,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                transport,
                credentials,
                base_url,
                routing,
                retry_budget: self.retry_budget,
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
            .field("max_retry_after", &self.max_retry_after)
            .field("retry_budget", &self.retry_budget)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish()
    }
}

/// `twilio-resource/<version> (<os> <arch>) rust/<version>`, the shape of Twilio's own helpers,
/// written by the build script; a constant so each request copies it without counting references.
pub(crate) const USER_AGENT: HeaderValue =
    HeaderValue::from_static(env!("TWILIO_RESOURCE_USER_AGENT"));

#[cfg(test)]
mod tests {
    use super::*;

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
    fn from_env_combines_with_other_settings() {
        let env = |name: &'static str| match name {
            "TWILIO_ACCOUNT_SID" => Some("AC1".to_owned()),
            "TWILIO_AUTH_TOKEN" => Some("token".to_owned()),
            "TWILIO_REGION" => Some("ie1".to_owned()),
            _ => None,
        };
        let client = ClientBuilder::from_lookup(env)
            .unwrap()
            .timeout(Duration::from_secs(7))
            .max_retries(1)
            .build()
            .unwrap();
        let shown = format!("{client:?}");
        assert!(shown.contains("timeout: 7s"), "{shown}");
        assert!(shown.contains("max_retries: 1"), "{shown}");
        assert!(shown.contains("ie1"), "{shown}");
        assert!(!shown.contains("token\""), "{shown}");
    }

    #[test]
    fn from_env_names_both_ways_to_authenticate() {
        let only_sid =
            |name: &'static str| (name == "TWILIO_ACCOUNT_SID").then(|| "AC1".to_owned());
        let error = ClientBuilder::from_lookup(only_sid)
            .unwrap_err()
            .to_string();
        assert!(error.contains("TWILIO_AUTH_TOKEN"), "{error}");
        assert!(error.contains("TWILIO_API_KEY"), "{error}");
    }

    #[test]
    fn user_agent_has_the_documented_shape() {
        let agent = USER_AGENT;
        let ua = agent.to_str().unwrap();
        assert!(
            ua.starts_with(&format!("twilio-resource/{} (", env!("CARGO_PKG_VERSION"))),
            "{ua}"
        );
        assert!(ua.contains(") rust/1."), "{ua}");
    }
}
