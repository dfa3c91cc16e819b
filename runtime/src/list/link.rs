//! Paths and queries a listing requests: the checks a link passes first, and query joining.
//!
//! A link is only ever a path and query on the resource's own origin (the client's base URL
//! override, region and edge applied), so credentials never follow a link to another host.

use crate::body::append_query;

/// Why `link` may not be requested, if it may not: it must be a path (starting with one `/`),
/// with no control characters.
pub(super) fn check_link(link: &str) -> Result<(), String> {
    if !link.starts_with('/') || link.starts_with("//") {
        return Err(format!(
            "{link:?} is not a path on the resource's own host (it must start with a single `/`)"
        ));
    }
    if link.chars().any(char::is_control) {
        return Err(format!("{link:?} contains control characters"));
    }
    Ok(())
}

/// The path and query of a next-page link: an absolute `http(s)` URL loses its scheme, host and
/// fragment; anything else must already be a path.
pub(super) fn link_path_and_query(link: &str) -> Result<String, String> {
    let has_scheme = ["http://", "https://"].iter().any(|scheme| {
        // `get`, not indexing: the link may have a multi-byte character where the scheme ends.
        link.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    });
    let path_and_query = if has_scheme {
        let url =
            url::Url::parse(link).map_err(|error| format!("{link:?} is not a URL: {error}"))?;
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    } else {
        link.to_owned()
    };
    check_link(&path_and_query)?;
    Ok(path_and_query)
}

/// One form-encoded `name=value` pair.
pub(super) fn form_pair(name: &str, value: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair(name, value)
        .finish()
}

/// `first` with `name` set to `value`: any `name` already in its query removed, the pair appended.
pub(super) fn with_parameter(first: &str, name: &str, value: &str) -> String {
    let (path, query) = first.split_once('?').unwrap_or((first, ""));
    let mut out = path.to_owned();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let is_name = form_urlencoded::parse(pair.as_bytes())
            .next()
            .is_some_and(|(key, _)| key == name);
        if !is_name {
            append_query(&mut out, pair);
        }
    }
    append_query(&mut out, &form_pair(name, value));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_paths_on_the_same_origin_or_refused() {
        assert_eq!(link_path_and_query("/a?b=c"), Ok("/a?b=c".to_owned()));
        assert_eq!(
            link_path_and_query("http://127.0.0.1:9/v1/X?Page=1"),
            Ok("/v1/X?Page=1".to_owned())
        );
        assert_eq!(link_path_and_query("https://x.example"), Ok("/".to_owned()));
        for bad in [
            "//evil.example/v1/X",
            "evil.example/v1/X",
            "v1/X?Page=1",
            "?Page=1",
            "javascript:alert(1)",
            "ftp://x.example/y",
            "https:///",
            "/v1/X\r\nHost: evil",
            "/v1/\u{0}",
            "",
            // A multi-byte character where the scheme would end: refused, not a slicing panic.
            "http:/é",
            "httpsé//x",
            "é",
        ] {
            assert!(link_path_and_query(bad).is_err(), "{bad:?}");
        }
        assert!(link_path_and_query("https://x.example//evil.example/y").is_err());
        assert_eq!(link_path_and_query("/ä/é?q=ü"), Ok("/ä/é?q=ü".to_owned()));
    }

    #[test]
    fn queries_are_joined_and_parameters_replaced() {
        let mut path = "/a".to_owned();
        append_query(&mut path, "");
        assert_eq!(path, "/a");
        append_query(&mut path, "x=1");
        append_query(&mut path, "y=2&y=3");
        assert_eq!(path, "/a?x=1&y=2&y=3");
        let mut path = "/a?".to_owned();
        append_query(&mut path, "x=1");
        assert_eq!(path, "/a?x=1");
        let mut path = "/a?x=1&".to_owned();
        append_query(&mut path, "y=2");
        assert_eq!(path, "/a?x=1&y=2");
        assert_eq!(
            with_parameter("/a?Page=1&DateSent%3E=2024-01-01&Page=3", "Page", "4"),
            "/a?DateSent%3E=2024-01-01&Page=4"
        );
        assert_eq!(with_parameter("/a", "Token", "a b&c"), "/a?Token=a+b%26c");
        assert_eq!(with_parameter("/a?&&é=ü", "é", "1"), "/a?%C3%A9=1");
    }
}
