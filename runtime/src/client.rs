//! [`Client`]: credentials, settings and the connection pool, and the one rule for where a
//! resource's requests go (base-URL override, region and edge). The verbs are in `request` and
//! `list`; the builder in `builder`.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use reqwest::Url;

use crate::base_url;
use crate::budget::RetryBudget;
use crate::credentials::Credentials;
use crate::error::Error;
use crate::region::Routing;
use crate::transport::{Target, Transport};

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
    /// The account SID requests are made for: the value of `<AccountSid>` in 2010-API paths.
    pub fn account_sid(&self) -> &str {
        self.inner.credentials.account_sid()
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
    fn client_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Client>();
    }
}
