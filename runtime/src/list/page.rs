//! [`Page`], and reading a page's body: the records' field, the one-pass and by-field readings,
//! and decoding a record from where it sits in the body.
//!
//! One pass suffices when the page has one array and it is the one `meta.key` names; every other
//! shape is read field by field, which names the JSON path of whatever does not parse.

use std::borrow::Cow;
use std::ops::Range;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::cursor::Cursor;
use super::dialect::{Meta, Next, PAGING_FIELDS, PageFields};
use super::top_level::{OnePass, TopLevel};
use crate::Error;
use crate::decode::{Answer, decode_answer, decode_error};

/// One page of a Twilio list: its records, a [`Cursor`] to the next page if there is one, and
/// the status and headers it was answered with.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<R> {
    /// The page's records, in Twilio's order (cut short when a
    /// [`List::limit`](crate::List::limit) ends in this page).
    pub items: Vec<R>,
    next: Option<Cursor>,
    status: StatusCode,
    headers: HeaderMap,
}

impl<R> Page<R> {
    pub(super) fn new(items: Vec<R>, next: Option<Cursor>, answer: Answer) -> Self {
        Page {
            items,
            next,
            status: answer.status,
            headers: answer.headers,
        }
    }

    /// Where the listing goes on, or `None` on its last page (or when the limit was reached).
    /// Serialise it to resume later with [`List::resume`](crate::List::resume).
    pub fn next_cursor(&self) -> Option<&Cursor> {
        self.next.as_ref()
    }

    /// The page's HTTP status (a 2xx).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Every header of the page's answer.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The page's `Twilio-Request-Id` (`RQ…`).
    pub fn request_id(&self) -> Option<&str> {
        self.headers
            .get("twilio-request-id")
            .and_then(|value| value.to_str().ok())
    }
}

/// A page as read: its body, and where in it each record's raw JSON sits. Records are decoded
/// only when they are handed out, so a listing holds one page's body and one record, not the
/// body and every record decoded.
#[derive(Debug)]
pub(super) struct RawPage {
    pub(super) body: Bytes,
    /// The records' field (`messages`): the start of a failed record's JSON path.
    pub(super) key: String,
    /// Each record's bytes in `body`, in order.
    pub(super) records: Vec<Range<usize>>,
}

impl RawPage {
    /// Decodes the page's `index`th record, `None` past the last; a failure names its JSON path
    /// (`messages[3].date_sent`).
    pub(super) fn decode<R: DeserializeOwned>(&self, index: usize) -> Option<Result<R, Error>> {
        let at = self.records.get(index)?;
        // The ranges were taken from this body, so `get` always finds them.
        let bytes = self.body.get(at.clone()).unwrap_or_default();
        Some(decode_record::<R>(bytes, &self.key, index))
    }

    /// Every record, decoded.
    pub(super) fn decode_all<R: DeserializeOwned>(&self) -> Result<Vec<R>, Error> {
        (0..self.records.len())
            .filter_map(|index| self.decode(index))
            .collect()
    }
}

/// Decodes the `index`th record of the field `key` from its raw JSON; a failure names its JSON
/// path (`messages[3].date_sent`).
pub(super) fn decode_record<R: DeserializeOwned>(
    bytes: &[u8],
    key: &str,
    index: usize,
) -> Result<R, Error> {
    // The fast path first: the record's JSON path is only written for an error.
    serde_json::from_slice(bytes).or_else(|_| {
        decode_at::<R>(
            bytes,
            &format!("{key}[{index}]"),
            std::any::type_name::<R>(),
        )
    })
}

/// A page's records decoded, and where the listing goes on (what tests compare).
#[cfg(test)]
#[derive(Debug)]
pub(super) struct Parsed<R> {
    pub(super) items: Vec<R>,
    pub(super) next: Next,
}

/// Reads a page and decodes every record.
#[cfg(test)]
pub(super) fn parse_decoded<R: DeserializeOwned>(
    read: Result<(RawPage, Next), Error>,
) -> Result<Parsed<R>, Error> {
    let (page, next) = read?;
    Ok(Parsed {
        items: page.decode_all::<R>()?,
        next,
    })
}

/// Reads a page answered whole, its records decoded at once. An answer declared as something
/// other than JSON (an HTML page from a proxy, say) is refused as
/// [`Client::fetch`](crate::Client::fetch) refuses it, with the same message; one without a
/// content type is tried as JSON.
pub(super) fn parse_answer<R: DeserializeOwned>(answer: &Answer) -> Result<(Vec<R>, Next), Error> {
    if answer.non_json_content_type().is_some() {
        // `decode_answer` refuses such an answer without reading its body: `fetch`'s own error.
        decode_answer::<R>(answer)?;
    }
    parse_page_decoded::<R>(answer.body.clone())
}

/// The one-pass reading of a page and its records, `None` when the page is of a shape it does not
/// settle or a record does not decode (the thorough reading then names where).
fn one_pass_items<R: DeserializeOwned>(body: &[u8]) -> Option<(Vec<R>, Result<Next, Error>)> {
    let Ok(OnePass {
        fields,
        records: Some((key, items)),
        several_arrays: false,
    }) = serde_json::from_slice::<OnePass<R>>(body)
    else {
        return None;
    };
    let named = fields.meta.as_ref().and_then(|meta| meta.key.as_deref());
    if named.is_some_and(|named| named != key) {
        return None;
    }
    let next = Next::detect(&fields)
        .map_err(|reason| decode_error(std::any::type_name::<R>(), ".".to_owned(), reason));
    Some((items, next))
}

/// Reads a page and decodes all its records in the same pass (the fast way to a whole page);
/// a page of another shape, or with a record that does not decode, is read field by field.
pub(super) fn parse_page_decoded<R: DeserializeOwned>(
    body: Bytes,
) -> Result<(Vec<R>, Next), Error> {
    if let Some((items, next)) = one_pass_items::<R>(&body) {
        return Ok((items, next?));
    }
    let (page, next) = parse_page_by_field(body, std::any::type_name::<R>())?;
    Ok((page.decode_all()?, next))
}

/// Where each borrowed record sits in `body`.
fn ranges(
    body: &[u8],
    items: &[&RawValue],
    type_name: &'static str,
) -> Result<Vec<Range<usize>>, Error> {
    let start_of_body = body.as_ptr() as usize;
    items
        .iter()
        .map(|raw| {
            let text = raw.get();
            let start = (text.as_ptr() as usize).checked_sub(start_of_body)?;
            let end = start.checked_add(text.len())?;
            (end <= body.len()).then_some(start..end)
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| {
            decode_error(
                type_name,
                ".".to_owned(),
                "a record was read outside the page's body".to_owned(),
            )
        })
}

/// The slow, thorough reading: the top-level object borrowed as raw JSON, then each part decoded
/// on its own with its JSON path.
pub(super) fn parse_page_by_field(
    body: Bytes,
    type_name: &'static str,
) -> Result<(RawPage, Next), Error> {
    let (key, records, next) = {
        let raw = top_level(&body, type_name)?;
        let get = |name: &str| {
            raw.iter()
                .rev()
                .find(|(key, _)| key == name)
                .map(|(_, value)| *value)
        };
        let mut fields = PageFields::default();
        if let Some(value) = get("meta") {
            fields.meta = decode_raw::<Option<Meta>>(value, "meta", type_name)?;
        }
        if let Some(value) = get("next_page_uri") {
            fields.next_page_uri = decode_raw::<Option<String>>(value, "next_page_uri", type_name)?;
        }
        if let Some(value) = get("has_next") {
            fields.has_next = decode_raw::<Option<bool>>(value, "has_next", type_name)?;
        }
        if let Some(value) = get("current_page") {
            fields.current_page = decode_raw::<Option<u64>>(value, "current_page", type_name)?;
        }
        let named = fields.meta.as_ref().and_then(|meta| meta.key.clone());
        let key: String = match named {
            Some(key) => {
                if get(&key).is_none() {
                    return Err(decode_error(
                        type_name,
                        "meta.key".to_owned(),
                        format!(
                            "names the records' field `{key}`, which the page does not have (fields: {})",
                            field_names(&raw)
                        ),
                    ));
                }
                key
            }
            None => records_key(&raw, type_name)?.to_owned(),
        };
        let records = match get(&key) {
            Some(value) => {
                let items: Vec<&RawValue> = serde_json::from_str(value.get())
                    .map_err(|error| decode_error(type_name, key.clone(), error.to_string()))?;
                ranges(&body, &items, type_name)?
            }
            None => Vec::new(),
        };
        let next = Next::detect(&fields)
            .map_err(|reason| decode_error(type_name, ".".to_owned(), reason))?;
        (key, records, next)
    };
    Ok((RawPage { body, key, records }, next))
}

/// Without `meta.key`: the one array-valued top-level field (2010 and unpaginated lists); of
/// several, SCIM's `Resources`.
fn records_key<'a>(
    raw: &'a [(Cow<'a, str>, &'a RawValue)],
    type_name: &'static str,
) -> Result<&'a str, Error> {
    let mut arrays: Vec<&str> = raw
        .iter()
        .filter(|(key, value)| {
            value.get().starts_with('[') && !PAGING_FIELDS.contains(&key.as_ref())
        })
        .map(|(key, _)| key.as_ref())
        .collect();
    arrays.dedup();
    match arrays.as_slice() {
        [key] => Ok(key),
        [] => Err(decode_error(
            type_name,
            ".".to_owned(),
            format!(
                "a list page needs an array of records, and this one has no array-valued field (fields: {})",
                field_names(raw)
            ),
        )),
        several if several.contains(&"Resources") => Ok("Resources"),
        several => Err(decode_error(
            type_name,
            ".".to_owned(),
            format!(
                "the page has several array-valued fields ({}) and no `meta.key` to say which holds the records",
                several.join(", ")
            ),
        )),
    }
}

fn field_names(raw: &[(Cow<'_, str>, &RawValue)]) -> String {
    if raw.is_empty() {
        return "none".to_owned();
    }
    raw.iter()
        .map(|(key, _)| key.as_ref())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The top-level object as (key, raw value) pairs borrowed from the body, in order.
fn top_level<'a>(
    body: &'a [u8],
    type_name: &'static str,
) -> Result<Vec<(Cow<'a, str>, &'a RawValue)>, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let result = serde_path_to_error::deserialize::<_, TopLevel<'_>>(&mut deserializer)
        .map_err(|error| {
            let path = error.path().to_string();
            (path, error.into_inner().to_string())
        })
        .and_then(|top| {
            deserializer
                .end()
                .map(|()| top.0)
                .map_err(|error| (".".to_owned(), error.to_string()))
        });
    result.map_err(|(path, message)| {
        let message = if body.iter().all(u8::is_ascii_whitespace) {
            "the body is empty".to_owned()
        } else {
            message
        };
        decode_error(type_name, path, message)
    })
}

/// Decodes one part of a page with the runtime's path-reporting decoder; the path it reports is
/// prefixed with where the part sits (`messages[3]` + `.date_sent`).
fn decode_at<T: DeserializeOwned>(
    bytes: &[u8],
    at: &str,
    type_name: &'static str,
) -> Result<T, Error> {
    crate::decode::decode::<T>(bytes).map_err(|error| match error {
        Error::Decode { path, message, .. } => {
            let path = if path == "." {
                at.to_owned()
            } else if path.starts_with('[') {
                format!("{at}{path}")
            } else {
                format!("{at}.{path}")
            };
            decode_error(type_name, path, message)
        }
        other => other,
    })
}

fn decode_raw<T: DeserializeOwned>(
    value: &RawValue,
    at: &str,
    type_name: &'static str,
) -> Result<T, Error> {
    decode_at::<T>(value.get().as_bytes(), at, type_name)
}

#[cfg(test)]
mod tests {
    use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::*;

    /// Reads an answer as `List` reads a small page, decoding it at once.
    fn answer_decoded<R: DeserializeOwned>(answer: Answer) -> Result<Parsed<R>, Error> {
        let (items, next) = parse_answer::<R>(&answer)?;
        Ok(Parsed { items, next })
    }
    use crate::list::fixtures::{Participant, decode_failure, page_2010, page_v1, parse, read};

    #[test]
    fn the_records_come_from_meta_key_else_the_one_array() {
        // `meta.key` wins even when it is not the path's last segment and another array exists.
        let page = json!({
            "meta": {"key": "usage_records", "next_page_url": null},
            "links": ["a", "b"],
            "usage_records": [{"n": 1}, {"n": 2}]
        });
        let parsed = read::<Value>(&serde_json::to_vec(&page).unwrap()).unwrap();
        assert_eq!(parsed.items, vec![json!({"n": 1}), json!({"n": 2})]);
        // Records before meta, in any order.
        let page = json!({"results": [{"n": 1}], "meta": {"key": "results"}});
        assert_eq!(parse(&page).items.len(), 1);
        // An unpaginated list (`AvailablePhoneNumbers.json`): the one array, no next page.
        let page = json!({"countries": [{"country_code": "US"}, {"country_code": "GB"}], "uri": "/2010-04-01/x.json"});
        let parsed = parse(&page);
        assert_eq!(parsed.items.len(), 2);
        assert_eq!(parsed.next, Next::End);
        // SCIM: `Resources` beside `schemas`.
        let page = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1, "Resources": [{"id": "u1"}]});
        let parsed = read::<Value>(&serde_json::to_vec(&page).unwrap()).unwrap();
        assert_eq!(parsed.items, vec![json!({"id": "u1"})]);
        // An empty page is a page.
        let page = json!({"meta": {"key": "participants", "nextToken": "t2"}, "participants": []});
        let parsed = parse(&page);
        assert!(parsed.items.is_empty());
        assert!(matches!(parsed.next, Next::Token { .. }));
    }

    #[test]
    fn pages_without_records_are_explained() {
        let (path, message) =
            decode_failure::<Value>(&json!({"meta": {"key": "calls"}, "messages": []}));
        assert_eq!(path, "meta.key");
        assert!(message.contains("`calls`"), "{message}");
        assert!(message.contains("(fields: messages, meta)"), "{message}");

        let (path, message) = decode_failure::<Value>(&json!({"sid": "x", "status": "ok"}));
        assert_eq!(path, ".");
        assert!(
            message.contains("no array-valued field (fields: sid, status)"),
            "{message}"
        );

        let (_, message) = decode_failure::<Value>(&json!({"a": [1], "b": [2]}));
        assert!(
            message.contains("several array-valued fields (a, b)"),
            "{message}"
        );

        let (path, message) = decode_failure::<Value>(&json!([1, 2]));
        assert_eq!(path, ".");
        assert!(message.contains("a list page"), "{message}");

        for body in [&b" "[..], b"", b"\n\t "] {
            match read::<Value>(body) {
                Err(Error::Decode { message, .. }) => assert_eq!(message, "the body is empty"),
                other => panic!("{other:?}"),
            }
        }
        match read::<Value>(br#"{"messages": []} trailing"#) {
            Err(Error::Decode { message, .. }) => {
                assert!(message.contains("trailing"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_record_that_does_not_decode_is_named_by_its_json_path() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Strict {
            sid: String,
            num_media: Option<u32>,
        }
        let (path, message) = decode_failure::<Strict>(&page_2010());
        assert_eq!(path, "messages[0].num_media");
        assert!(message.contains("invalid type"), "{message}");

        let (path, _) = decode_failure::<Participant>(&page_v1(None));
        assert_eq!(path, "participants[0]");

        let (path, message) =
            decode_failure::<Value>(&json!({"meta": {"key": "x", "nextToken": 5}, "x": []}));
        assert_eq!(path, "meta.nextToken");
        assert!(message.contains("expected a string"), "{message}");

        let (path, _) = decode_failure::<Value>(&json!({"next_page_uri": 7, "messages": []}));
        assert_eq!(path, "next_page_uri");
    }

    #[test]
    fn odd_bodies_are_errors_never_panics() {
        for body in [
            &b"\xff\xfe"[..],
            b"{\"a\": [1], \"a\": [2]}",
            b"{\"\\u00e9\": [1]}",
            b"{\"meta\": {\"key\": \"\\ud800\"}}",
            b"{\"current_page\": -1, \"has_next\": true, \"x\": []}",
            b"{\"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]}",
            &[b'['; 100_000],
        ] {
            let _ = read::<Value>(body);
            let _ = read::<Participant>(body);
        }
        // Keys with escapes are compared decoded: `\u00e9` is `é`.
        let parsed = read::<Value>(br#"{"meta": {"key": "\u00e9"}, "\u00e9": [1]}"#).unwrap();
        assert_eq!(parsed.items, vec![json!(1)]);
    }

    fn answer(content_type: Option<&'static str>, body: &'static [u8]) -> Answer {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
        Answer {
            status: reqwest::StatusCode::OK,
            headers,
            body: Bytes::from_static(body),
        }
    }

    #[test]
    fn a_page_that_is_not_json_gets_the_message_fetch_gives() {
        let html = answer(
            Some("text/html; charset=utf-8"),
            b"<html><body>Log in to the Wi-Fi</body></html>",
        );
        let fetch_error = decode_answer::<Participant>(&html).unwrap_err();
        let error = answer_decoded::<Participant>(html).unwrap_err();
        assert_eq!(error.to_string(), fetch_error.to_string());
        match &error {
            Error::Decode {
                type_name, message, ..
            } => {
                assert!(type_name.ends_with("Participant"), "{type_name}");
                assert!(
                    message.starts_with(
                        "expected JSON but the content type is `text/html; charset=utf-8`"
                    ),
                    "{message}"
                );
                assert!(message.contains("Log in to the Wi-Fi"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // Without a content type the body is tried as JSON.
        let page = br#"{"participants": [{"id": "p1"}], "meta": {"key": "participants"}}"#;
        let parsed = answer_decoded::<Participant>(answer(None, page)).unwrap();
        assert_eq!(parsed.items.len(), 1);
    }
}
