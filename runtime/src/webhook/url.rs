//! The URL Twilio called, as text: port toggling by editing the text (never through a URL parser,
//! which would re-encode `'` in a query or drop a default port), the `bodySHA256` parameter, and
//! how a server finds its public URL behind a proxy.

use super::WebhookError;

/// The same URL with its scheme's default port (`:443` for `https`, `:80` for `http`) added when
/// it has no port, or removed when it has exactly that one; `None` for another scheme or port, or
/// a URL without `scheme://`. Only the authority's text changes; path and query stay byte for byte.
pub(crate) fn with_default_port_toggled(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let default = if scheme.eq_ignore_ascii_case("https") {
        "443"
    } else if scheme.eq_ignore_ascii_case("http") {
        "80"
    } else {
        return None;
    };
    let start = scheme.len() + 3;
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let end = start + authority_len;
    let authority = &url[start..end];
    // The host starts after any user information.
    let host_start = authority.rfind('@').map_or(0, |at| at + 1);
    let host_and_port = &authority[host_start..];
    // An IPv6 literal has colons of its own: the port comes after its `]`.
    let port_search_from = host_and_port.rfind(']').unwrap_or(0);
    match host_and_port[port_search_from..].rfind(':') {
        Some(colon) => {
            let colon = start + host_start + port_search_from + colon;
            let port = &url[colon + 1..end];
            (port == default).then(|| format!("{}{}", &url[..colon], &url[end..]))
        }
        None => Some(format!("{}:{default}{}", &url[..end], &url[end..])),
    }
}

/// The query of `url`: after the first `?`, before any `#`.
fn query(url: &str) -> Option<&str> {
    let before_fragment = url.split_once('#').map_or(url, |(before, _)| before);
    before_fragment.split_once('?').map(|(_, query)| query)
}

/// The `bodySHA256` parameter of `url`'s query, percent-decoded; more than one is refused.
pub(crate) fn body_hash_param(url: &str) -> Result<Option<String>, WebhookError> {
    let Some(query) = query(url) else {
        return Ok(None);
    };
    let mut found = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key == "bodySHA256" {
            if found.is_some() {
                return Err(WebhookError::RepeatedBodyHash);
            }
            found = Some(value.into_owned());
        }
    }
    Ok(found)
}

/// `url` without user information (`https://user:pass@host/…` → `https://host/…`), for logs.
pub(crate) fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_len].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// How a server finds the URL Twilio called, which is what the signature covers.
///
/// In order:
/// 1. a [public base URL](Self::public_base_url) you configure, followed by the path and query
///    exactly as received: the only choice that an attacker cannot influence, and the right one
///    behind a proxy or load balancer;
/// 2. only if you [trust the proxy](Self::trust_forwarded_headers): its `X-Forwarded-Proto` and
///    `X-Forwarded-Host` (or `Host`);
/// 3. for a request that came straight to this server: its `Host` header, with the request's own
///    scheme or [`direct_scheme`](Self::direct_scheme) (`http` unless set).
///
/// It fails closed: a request that shows signs of a proxy (`Forwarded`, `X-Forwarded-*`,
/// `X-Real-IP` or `Via` headers) is refused with [`WebhookError::UnknownUrl`] when neither a base
/// URL nor trust in the proxy is configured, because the `Host` it carries is not the URL Twilio
/// called (most often `http` where Twilio called `https`). The `Host` of a direct request is set by
/// the sender too; it only lets a request that Twilio signed for one of your hosts be accepted
/// by another that shares the key, so configure the base URL in production.
///
/// ```
/// use twilio_resource::webhook::{RequestTarget, UrlSettings};
///
/// let settings = UrlSettings::new().public_base_url("https://example.com/twilio");
/// let target = RequestTarget {
///     path_and_query: "/sms?name=O'Brien&x=a+b",
///     host: Some("10.0.0.7:8080"),
///     ..RequestTarget::default()
/// };
/// assert_eq!(
///     settings.resolve(&target).unwrap(),
///     "https://example.com/twilio/sms?name=O'Brien&x=a+b"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlSettings {
    base_url: Option<String>,
    trust_forwarded: bool,
    direct_scheme: Option<String>,
}

/// What a request says about the URL it was sent to, as read from its request line and headers.
///
/// The web framework's glue fills it in (the `axum` extractor does); other frameworks can too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestTarget<'a> {
    /// The path and query exactly as received, starting with `/` (never decoded or re-encoded).
    pub path_and_query: &'a str,
    /// The scheme of the request line, when it carries one (HTTP/2's `:scheme`, an absolute URI).
    pub scheme: Option<&'a str>,
    /// The `Host` header (or HTTP/2's `:authority`).
    pub host: Option<&'a str>,
    /// The `X-Forwarded-Proto` header.
    pub forwarded_proto: Option<&'a str>,
    /// The `X-Forwarded-Host` header.
    pub forwarded_host: Option<&'a str>,
    /// Whether any header shows that a proxy forwarded the request (`Forwarded`, `X-Forwarded-*`,
    /// `X-Real-IP`, `Via`).
    pub via_proxy: bool,
}

impl UrlSettings {
    /// No base URL, no trusted proxy: the `Host` header of direct requests only.
    pub fn new() -> Self {
        Self::default()
    }

    /// The public URL up to the path this server sees, e.g. `https://example.com` or, when the
    /// proxy strips a prefix, `https://example.com/twilio` (a trailing `/` is ignored). Taken as
    /// given, never re-encoded.
    pub fn public_base_url(mut self, base_url: impl Into<String>) -> Self {
        let mut base_url = base_url.into();
        while base_url.ends_with('/') {
            base_url.pop();
        }
        self.base_url = Some(base_url);
        self
    }

    /// Whether the proxy in front of this server is trusted to set `X-Forwarded-Proto` and
    /// `X-Forwarded-Host`: turn on only when every request passes through a proxy that overwrites
    /// them, since any client can send them.
    pub fn trust_forwarded_headers(mut self, trust: bool) -> Self {
        self.trust_forwarded = trust;
        self
    }

    /// The scheme of direct requests whose request line has none (HTTP/1.1): `http` unless this
    /// server terminates TLS itself, then `https`.
    pub fn direct_scheme(mut self, scheme: impl Into<String>) -> Self {
        self.direct_scheme = Some(scheme.into());
        self
    }

    /// The URL Twilio called for this request, per the order above.
    ///
    /// # Errors
    ///
    /// [`WebhookError::UnknownUrl`] when the path does not start with `/`, a header used is not a
    /// plain host or scheme, a proxied request meets no configuration that says how to read it, or
    /// there is no host at all.
    pub fn resolve(&self, target: &RequestTarget<'_>) -> Result<String, WebhookError> {
        let path = target.path_and_query;
        if !path.starts_with('/') {
            return Err(unknown("the request target does not start with `/`"));
        }
        if let Some(base) = &self.base_url {
            return Ok(format!("{base}{path}"));
        }
        if self.trust_forwarded {
            let proto = first(target.forwarded_proto)
                .or(target.scheme)
                .or(self.direct_scheme.as_deref())
                .unwrap_or("http");
            let host = first(target.forwarded_host)
                .or(target.host)
                .ok_or_else(|| unknown("no X-Forwarded-Host or Host header"))?;
            return build(proto, host, path);
        }
        if target.via_proxy {
            return Err(unknown(
                "the request came through a proxy, but no public base URL is configured and \
                 forwarded headers are not trusted",
            ));
        }
        let scheme = target
            .scheme
            .or(self.direct_scheme.as_deref())
            .unwrap_or("http");
        let host = target.host.ok_or_else(|| unknown("no Host header"))?;
        build(scheme, host, path)
    }
}

/// The first element of a comma-separated header value (the client's side of a proxy chain).
fn first(value: Option<&str>) -> Option<&str> {
    value
        .and_then(|value| value.split(',').next())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

fn build(scheme: &str, host: &str, path: &str) -> Result<String, WebhookError> {
    let scheme = scheme.trim().to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(unknown("the scheme is neither http nor https"));
    }
    let plain_host = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-_:[]".contains(&b));
    if !plain_host {
        return Err(unknown("the host header is not a plain host[:port]"));
    }
    Ok(format!("{scheme}://{host}{path}"))
}

fn unknown(why: &str) -> WebhookError {
    WebhookError::UnknownUrl(why.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_ports_are_added_and_removed_by_editing_text() {
        let cases = [
            (
                "https://mycompany.com/myapp.php?foo=1&bar=2",
                Some("https://mycompany.com:443/myapp.php?foo=1&bar=2"),
            ),
            (
                "https://mycompany.com:443/myapp.php?foo=1",
                Some("https://mycompany.com/myapp.php?foo=1"),
            ),
            ("http://h?x='a'", Some("http://h:80?x='a'")),
            ("http://h:80", Some("http://h")),
            ("HTTPS://u:p@h#f", Some("HTTPS://u:p@h:443#f")),
            ("https://[::1]/p", Some("https://[::1]:443/p")),
            ("https://[::1]:443/p", Some("https://[::1]/p")),
            ("https://h:8443/p", None),
            ("http://h:443/p", None),
            ("ftp://h/p", None),
            ("no scheme", None),
        ];
        for (url, toggled) in cases {
            assert_eq!(
                with_default_port_toggled(url).as_deref(),
                toggled,
                "for {url}"
            );
        }
    }

    #[test]
    fn the_body_hash_is_read_from_the_query_only() {
        assert_eq!(
            body_hash_param("https://h/p?a=1&bodySHA256=ab%63").unwrap(),
            Some("abc".to_owned())
        );
        assert_eq!(body_hash_param("https://h/p#?bodySHA256=x").unwrap(), None);
        assert_eq!(body_hash_param("https://h/p").unwrap(), None);
        assert_eq!(
            body_hash_param("https://h/?bodySHA256=a&bodySHA256=a"),
            Err(WebhookError::RepeatedBodyHash)
        );
    }

    #[test]
    fn credentials_are_left_out_of_logged_urls() {
        assert_eq!(without_credentials("https://u:p@h/x@y"), "https://h/x@y");
        assert_eq!(without_credentials("https://h/x@y"), "https://h/x@y");
    }

    #[test]
    fn the_public_url_comes_from_configuration_then_trusted_proxy_then_host() {
        let proxied = RequestTarget {
            path_and_query: "/sms?q=it's+here",
            host: Some("internal:8080"),
            forwarded_proto: Some("https, http"),
            forwarded_host: Some("example.com"),
            via_proxy: true,
            ..RequestTarget::default()
        };
        let configured = UrlSettings::new().public_base_url("https://public.example/app/");
        assert_eq!(
            configured.resolve(&proxied).unwrap(),
            "https://public.example/app/sms?q=it's+here"
        );
        let trusted = UrlSettings::new().trust_forwarded_headers(true);
        assert_eq!(
            trusted.resolve(&proxied).unwrap(),
            "https://example.com/sms?q=it's+here"
        );
        // A proxy with nothing configured fails closed rather than guessing `http://internal`.
        assert!(matches!(
            UrlSettings::new().resolve(&proxied),
            Err(WebhookError::UnknownUrl(_))
        ));
        let direct = RequestTarget {
            via_proxy: false,
            forwarded_proto: None,
            forwarded_host: None,
            ..proxied
        };
        assert_eq!(
            UrlSettings::new().resolve(&direct).unwrap(),
            "http://internal:8080/sms?q=it's+here"
        );
        assert_eq!(
            UrlSettings::new()
                .direct_scheme("https")
                .resolve(&direct)
                .unwrap(),
            "https://internal:8080/sms?q=it's+here"
        );
    }

    #[test]
    fn odd_headers_and_targets_are_refused() {
        let base = RequestTarget {
            path_and_query: "/p",
            host: Some("h"),
            ..RequestTarget::default()
        };
        let settings = UrlSettings::new();
        for target in [
            RequestTarget {
                host: Some("evil.com/x"),
                ..base
            },
            RequestTarget { host: None, ..base },
            RequestTarget {
                host: Some(""),
                ..base
            },
            RequestTarget {
                path_and_query: "p",
                ..base
            },
            RequestTarget {
                scheme: Some("ftp"),
                ..base
            },
        ] {
            assert!(settings.resolve(&target).is_err(), "{target:?}");
        }
    }
}
