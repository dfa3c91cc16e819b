//! [`Settings`]: what one call may change of what the client would send — headers, extra query
//! parameters, its deadline — checked as they are set, so a bad one is an error before anything
//! is sent.

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;

use crate::Error;
use crate::body::{append_query, query};

/// `X-Twilio-Webhook-Enabled`: whether a write through the API fires the resource's webhooks
/// (Conversations, for one, does not by default).
const WEBHOOK_ENABLED: HeaderName = HeaderName::from_static("x-twilio-webhook-enabled");
/// `If-Match`: the write happens only if the record is still at this revision (Sync, TaskRouter).
const IF_MATCH: HeaderName = HeaderName::from_static("if-match");

/// A call's own settings, shared by single calls and lists.
#[derive(Default)]
pub(crate) struct Settings {
    /// Each replaces the client's header of the same name.
    pub(crate) headers: HeaderMap,
    /// Extra query pairs, encoded, appended after the operation's own.
    pub(crate) query: String,
    pub(crate) timeout: Option<Duration>,
    /// The first setting refused: the call's only outcome, and nothing is sent.
    pub(crate) refused: Option<Error>,
}

impl Settings {
    /// Sets `name: value`, replacing any earlier value; a name or value that is not valid HTTP
    /// (CR, LF, other control bytes, non-ASCII names) is refused without echoing the value, which
    /// may be a secret.
    pub(crate) fn header(&mut self, name: &str, value: &str) {
        let Ok(name) = HeaderName::from_bytes(name.as_bytes()) else {
            return self.refuse(
                "header",
                format!("{name:?} is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"),
            );
        };
        let Ok(mut value) = HeaderValue::from_str(value) else {
            return self.refuse(
                "header",
                format!("the value of `{name}` is not a valid HTTP header value (visible ASCII, spaces and tabs only; no CR or LF)"),
            );
        };
        // Kept out of any debug output of the request, should one be printed.
        value.set_sensitive(true);
        self.headers.insert(name, value);
    }

    /// `X-Twilio-Webhook-Enabled: true|false`.
    pub(crate) fn webhook_enabled(&mut self, enabled: bool) {
        let value = HeaderValue::from_static(if enabled { "true" } else { "false" });
        self.headers.insert(WEBHOOK_ENABLED, value);
    }

    /// `If-Match: <etag>`.
    pub(crate) fn if_match(&mut self, etag: &str) {
        self.header(IF_MATCH.as_str(), etag);
    }

    /// Appends `extra`'s fields to the query, encoded like a list filter.
    pub(crate) fn query<Q: Serialize + ?Sized>(&mut self, extra: &Q) {
        match query("query", extra) {
            Ok(pairs) => append_query_pairs(&mut self.query, &pairs),
            Err(error) => self.refused = self.refused.take().or(Some(error)),
        }
    }

    pub(crate) fn refuse(&mut self, parameter: &'static str, reason: String) {
        if self.refused.is_none() {
            self.refused = Some(Error::InvalidArgument { parameter, reason });
        }
    }
}

/// Joins encoded pairs with `&` (no leading `?`).
fn append_query_pairs(query: &mut String, pairs: &str) {
    if pairs.is_empty() {
        return;
    }
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(pairs);
}

/// `path` with the call's extra query appended.
pub(crate) fn with_query(mut path: String, extra: &str) -> String {
    append_query(&mut path, extra);
    path
}

/// Header names only: values may be secrets (`Authorization`).
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(HeaderName::as_str).collect();
        f.debug_struct("Settings")
            .field("headers", &names)
            .field("query", &self.query)
            .field("timeout", &self.timeout)
            .field("refused", &self.refused.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(settings: &Settings) -> String {
        match &settings.refused {
            Some(Error::InvalidArgument { reason, .. }) => reason.clone(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn headers_are_checked_and_replace_earlier_values() {
        let mut settings = Settings::default();
        settings.header("X-Custom", "1");
        settings.header("x-custom", "2");
        settings.webhook_enabled(true);
        settings.if_match("\"7\"");
        assert_eq!(settings.headers.get("x-custom").unwrap(), "2");
        assert_eq!(
            settings.headers.get("x-twilio-webhook-enabled").unwrap(),
            "true"
        );
        assert_eq!(settings.headers.get("if-match").unwrap(), "\"7\"");
        assert!(settings.refused.is_none());

        for (name, value) in [("Bad Name", "v"), ("X-Ok", "a\r\nInjected: 1"), ("", "v")] {
            let mut settings = Settings::default();
            settings.header(name, value);
            let reason = refusal(&settings);
            assert!(!reason.contains("Injected"), "{reason}");
        }
        let mut settings = Settings::default();
        settings.header("Authorization", "Bearer sec\nret");
        assert!(!refusal(&settings).contains("sec"));
    }

    #[test]
    fn the_first_refusal_is_kept_and_debug_shows_no_value() {
        let mut settings = Settings::default();
        settings.header("A B", "1");
        settings.query(&"not a map");
        assert!(refusal(&settings).contains("A B"));
        let mut settings = Settings::default();
        settings.header("Authorization", "Bearer the-secret");
        settings.query(&[("account_sid", "AC1"), ("x", "é&=+/%?#")]);
        settings.query(&[("y", "2")]);
        assert_eq!(
            settings.query,
            "account_sid=AC1&x=%C3%A9%26%3D%2B%2F%25%3F%23&y=2"
        );
        let shown = format!("{settings:?}");
        assert!(
            shown.contains("authorization") && !shown.contains("the-secret"),
            "{shown}"
        );
        assert_eq!(
            with_query("/a".to_owned(), &settings.query),
            format!("/a?{}", settings.query)
        );
        assert_eq!(with_query("/a?b=1".to_owned(), ""), "/a?b=1");
    }
}
