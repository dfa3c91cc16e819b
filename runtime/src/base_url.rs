//! The one rule for base URLs: an absolute `http(s)://host[:port]` with nothing after it, and plain
//! `http://` only to loopback. `#[twilio_resource(base_url = …)]` applies the same rule at compile
//! time (the macro crate mirrors these tests).

use reqwest::Url;

use crate::Error;

/// Checks a base URL override and returns it as `scheme://host[:port]`, ready for a path.
pub(crate) fn normalize(text: &str) -> Result<String, Error> {
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
pub(crate) fn check_scheme(url: &Url) -> Result<(), Error> {
    if url.scheme() == "https" || is_loopback(url) {
        return Ok(());
    }
    Err(Error::config(format!(
        "refusing to send credentials over plain http to {}: use https://, or http:// only for a loopback host",
        url.host_str().unwrap_or("")
    )))
}

pub(crate) fn is_loopback(url: &Url) -> bool {
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
            normalize("https://proxy.example.com").unwrap(),
            "https://proxy.example.com"
        );
        assert_eq!(
            normalize("https://proxy.example.com:8443/").unwrap(),
            "https://proxy.example.com:8443"
        );
        assert_eq!(
            normalize("http://127.0.0.1:4010").unwrap(),
            "http://127.0.0.1:4010"
        );
        assert_eq!(normalize("http://127.5.6.7").unwrap(), "http://127.5.6.7");
        assert_eq!(
            normalize("http://localhost:1").unwrap(),
            "http://localhost:1"
        );
        assert_eq!(normalize("http://[::1]:80").unwrap(), "http://[::1]");
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
                config_message(normalize(url)).contains("plain http"),
                "{url}"
            );
        }
    }

    #[test]
    fn base_url_refuses_paths_credentials_and_other_schemes() {
        assert!(config_message(normalize("https://x.com/v2")).contains("remove its path"));
        assert!(config_message(normalize("https://x.com?a=1")).contains("query"));
        assert!(config_message(normalize("https://user:pw@x.com")).contains("credentials"));
        assert!(!config_message(normalize("https://user:pw@x.com")).contains("pw"));
        assert!(config_message(normalize("ftp://x.com")).contains("http://"));
        assert!(
            config_message(normalize("conversations.twilio.com")).contains("not an absolute URL")
        );
    }
}
