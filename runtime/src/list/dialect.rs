//! Where a page says the listing goes on, in each of Twilio's paging dialects.
//!
//! Twilio pages in three dialects, recognised from each response rather than from the resource:
//!
//! | dialect | records | next page |
//! |---|---|---|
//! | 2010 | the one array-valued top-level field | `next_page_uri`, relative: followed as given |
//! | v1 | the field `meta.key` names | `meta.next_page_url`, absolute: its path and query only |
//! | token | the field `meta.key` names | the first request's query plus `pageToken=<meta.nextToken>` |
//!
//! plus two variants found in Twilio's descriptions: `meta.next_token` (resent as `Token`, Numbers'
//! port-in requests) and a page object (`has_next` + `current_page`, resent as `Page`, Numbers'
//! short-code applications). A SCIM list response keeps its records in `Resources`.

use serde::Deserialize;

use super::link::{link_path_and_query, with_parameter};

/// The paging fields of a page; everything else but the records is ignored.
#[derive(Debug, Default)]
pub(super) struct PageFields {
    pub(super) meta: Option<Meta>,
    pub(super) next_page_uri: Option<String>,
    pub(super) has_next: Option<bool>,
    pub(super) current_page: Option<u64>,
}

/// The named top-level fields that are never the records.
pub(super) const PAGING_FIELDS: [&str; 4] = ["meta", "next_page_uri", "has_next", "current_page"];

/// A page's `meta` object (v1 and token dialects).
#[derive(Debug, Default, Deserialize)]
pub(super) struct Meta {
    /// The name of the records' field.
    pub(super) key: Option<String>,
    next_page_url: Option<String>,
    #[serde(rename = "nextToken")]
    next_token_camel: Option<String>,
    next_token: Option<String>,
}

/// Where a page says the listing goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Next {
    /// No next page.
    End,
    /// 2010's `next_page_uri` (relative) or v1's `meta.next_page_url` (absolute).
    Link { field: &'static str, link: String },
    /// A token resent with the first request's query under `parameter`.
    Token {
        field: &'static str,
        parameter: &'static str,
        token: String,
    },
    /// A page object's next page number, resent as `Page` with the first request's query.
    PageNumber(u64),
}

impl Next {
    /// The response field the next page came from, for errors.
    pub(super) fn field(&self) -> &'static str {
        match self {
            Next::End => ".",
            Next::Link { field, .. } | Next::Token { field, .. } => field,
            Next::PageNumber(_) => "current_page",
        }
    }

    /// Recognises the dialect from the fields a page has: the first present of
    /// `meta.next_page_url`, `meta.nextToken`, `meta.next_token`, `next_page_uri`, `has_next`.
    pub(super) fn detect(fields: &PageFields) -> Result<Next, String> {
        let meta = fields.meta.as_ref();
        let present = |value: Option<&String>| value.filter(|value| !value.is_empty()).cloned();
        if let Some(link) = present(meta.and_then(|meta| meta.next_page_url.as_ref())) {
            return Ok(Next::Link {
                field: "meta.next_page_url",
                link,
            });
        }
        if let Some(token) = present(meta.and_then(|meta| meta.next_token_camel.as_ref())) {
            return Ok(Next::Token {
                field: "meta.nextToken",
                parameter: "pageToken",
                token,
            });
        }
        if let Some(token) = present(meta.and_then(|meta| meta.next_token.as_ref())) {
            return Ok(Next::Token {
                field: "meta.next_token",
                parameter: "Token",
                token,
            });
        }
        if let Some(link) = present(fields.next_page_uri.as_ref()) {
            return Ok(Next::Link {
                field: "next_page_uri",
                link,
            });
        }
        if fields.has_next == Some(true) {
            let current = fields
                .current_page
                .ok_or("`has_next` is true but `current_page` is missing")?;
            let next = current
                .checked_add(1)
                .ok_or("`current_page` is the largest integer")?;
            return Ok(Next::PageNumber(next));
        }
        Ok(Next::End)
    }
}

/// The path and query of the request for `next`, given the listing's first request.
pub(super) fn next_request(first: &str, next: &Next) -> Result<Option<String>, String> {
    match next {
        Next::End => Ok(None),
        Next::Link { link, .. } => link_path_and_query(link).map(Some),
        Next::Token {
            parameter, token, ..
        } => Ok(Some(with_parameter(first, parameter, token))),
        Next::PageNumber(page) => Ok(Some(with_parameter(first, "Page", &page.to_string()))),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::list::fixtures::{ACCOUNT, decode_failure, page_2010, page_token, page_v1, parse};

    #[test]
    fn the_2010_dialect_follows_next_page_uri_as_given() {
        let parsed = parse(&page_2010());
        assert_eq!(parsed.items.len(), 2);
        assert_eq!(parsed.items[1]["sid"], "MMc26223853f8c46b4ab7dfaa6abba0a26");
        let link = format!(
            "{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=1&PageToken=PAMMc26223853f8c46b4ab7dfaa6abba0a26"
        );
        assert_eq!(
            parsed.next,
            Next::Link {
                field: "next_page_uri",
                link: link.clone()
            }
        );
        assert_eq!(next_request("/ignored", &parsed.next), Ok(Some(link)));

        let mut last = page_2010();
        last["next_page_uri"] = Value::Null;
        assert_eq!(parse(&last).next, Next::End);
        last["next_page_uri"] = json!("");
        assert_eq!(parse(&last).next, Next::End);
        last.as_object_mut().unwrap().remove("next_page_uri");
        assert_eq!(parse(&last).next, Next::End);
    }

    #[test]
    fn the_v1_dialect_keeps_only_the_path_and_query_of_next_page_url() {
        let next = "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=1&PageToken=PTMBaaaa";
        let parsed = parse(&page_v1(Some(next)));
        assert_eq!(parsed.items.len(), 1);
        assert_eq!(
            next_request("/ignored", &parsed.next),
            Ok(Some(
                "/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=1&PageToken=PTMBaaaa".to_owned()
            ))
        );
        assert_eq!(parse(&page_v1(None)).next, Next::End);
        // Another host, a port, a fragment: only the path and query are kept.
        let elsewhere = parse(&page_v1(Some(
            "HTTPS://evil.example:8443/v1/Conversations/CH1/Participants?Page=2#frag",
        )));
        assert_eq!(
            next_request("/ignored", &elsewhere.next),
            Ok(Some("/v1/Conversations/CH1/Participants?Page=2".to_owned()))
        );
    }

    #[test]
    fn the_token_dialect_resends_the_first_query_with_page_token() {
        let parsed = parse(&page_token(Some("eyJvZmZzZXQiOjJ9+/=")));
        assert_eq!(parsed.items.len(), 2);
        assert_eq!(
            parsed.next,
            Next::Token {
                field: "meta.nextToken",
                parameter: "pageToken",
                token: "eyJvZmZzZXQiOjJ9+/=".to_owned()
            }
        );
        let first = "/v2/Conversations/c1/Participants?channelId=a%20b&pageSize=2";
        assert_eq!(
            next_request(first, &parsed.next),
            Ok(Some(
                "/v2/Conversations/c1/Participants?channelId=a%20b&pageSize=2&pageToken=eyJvZmZzZXQiOjJ9%2B%2F%3D".to_owned()
            ))
        );
        // A first request that already had a token (given as a filter) has it replaced.
        assert_eq!(
            next_request("/v2/P?pageToken=old&x=1", &parsed.next).unwrap(),
            Some("/v2/P?x=1&pageToken=eyJvZmZzZXQiOjJ9%2B%2F%3D".to_owned())
        );
        assert_eq!(
            next_request("/v2/P", &parsed.next).unwrap(),
            Some("/v2/P?pageToken=eyJvZmZzZXQiOjJ9%2B%2F%3D".to_owned())
        );
        assert_eq!(parse(&page_token(None)).next, Next::End);
        assert_eq!(parse(&page_token(Some(""))).next, Next::End);
    }

    #[test]
    fn the_snake_case_token_and_the_page_object_variants() {
        // Numbers v1 port-in requests: `meta.next_token`, resent as `Token`.
        let port_in = json!({
            "port_in_requests": [{"port_in_request_sid": "KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "port_in_request_status": "Completed"}],
            "meta": {"next_token": "KWbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "previous_token": null}
        });
        let parsed = parse(&port_in);
        assert_eq!(parsed.items.len(), 1);
        assert_eq!(
            next_request("/v1/Porting/PortIn/PortInRequests?Size=20", &parsed.next).unwrap(),
            Some(
                "/v1/Porting/PortIn/PortInRequests?Size=20&Token=KWbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
                    .to_owned()
            )
        );
        // Numbers v2 short-code applications: a page object, resent as `Page`.
        let page_object = json!({
            "total_elements": 7, "total_pages": 3, "current_page": 1, "per_page": 3,
            "has_next": true, "has_prev": true,
            "results": [{"sid": "a"}, {"sid": "b"}, {"sid": "c"}]
        });
        let parsed = parse(&page_object);
        assert_eq!(parsed.next, Next::PageNumber(2));
        assert_eq!(
            next_request(
                "/v2/ShortCodes/Applications?PageSize=3&Page=1",
                &parsed.next
            )
            .unwrap(),
            Some("/v2/ShortCodes/Applications?PageSize=3&Page=2".to_owned())
        );
        let mut last = page_object.clone();
        last["has_next"] = json!(false);
        assert_eq!(parse(&last).next, Next::End);
        let mut broken = page_object.clone();
        broken.as_object_mut().unwrap().remove("current_page");
        let (path, message) = decode_failure::<Value>(&broken);
        assert_eq!(path, ".");
        assert!(message.contains("current_page"), "{message}");
        // The largest page number has no next one: an error, not an overflow.
        let mut largest = page_object;
        largest["current_page"] = json!(u64::MAX);
        let (_, message) = decode_failure::<Value>(&largest);
        assert!(message.contains("largest integer"), "{message}");
    }
}
