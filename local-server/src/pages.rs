//! Lists, one page at a time, in each family's dialect:
//!
//! - 2010: `{<key>: [...], page, page_size, start, end, uri, first_page_uri, next_page_uri,
//!   previous_page_uri}`, links relative, query `PageSize`, `Page`, `PageToken`;
//! - v1: `{<key>: [...], meta: {key, page, page_size, url, first_page_url, next_page_url,
//!   previous_page_url}}`, links absolute on this server;
//! - token: `{<key>: [...], meta: {key, pageSize, nextToken, previousToken}}`, query `pageSize`,
//!   `pageToken`.
//!
//! The original filters ride along in every link. A filter that names a stored field (in the
//! dialect's case) keeps the records whose field equals one of its values (or holds it, for an
//! array); records without that field, and inequality filters such as `DateSent>`, are not
//! filtered.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::http::StatusCode;
use base64::Engine as _;
use serde_json::{Value, json};

use crate::lifecycle::{Answer, Call};
use crate::paths::{Address, Dialect, snake_case};
use crate::state::State;
use crate::store::Keep;

/// The page size when none is asked for.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 50;
/// The largest page served; larger requests are served this many.
pub(crate) const MAX_PAGE_SIZE: usize = 1000;

/// A list request's query, read.
#[derive(Debug, Default)]
struct Query<'a> {
    /// Filters as sent (still encoded), for the links.
    raw_filters: Vec<&'a str>,
    /// Filters decoded: field name in the dialect's case → accepted values.
    filters: HashMap<String, Vec<String>>,
    page_size: Option<usize>,
    page: Option<usize>,
    /// Where the page starts, from the page token.
    offset: Option<usize>,
}

fn read_query(dialect: Dialect, query: Option<&str>) -> Result<Query<'_>, String> {
    let mut read = Query::default();
    for raw in query
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty())
    {
        let Some((name, value)) = form_urlencoded::parse(raw.as_bytes()).next() else {
            continue;
        };
        let whole = |what: &str| {
            value
                .parse::<usize>()
                .map_err(|_| format!("Invalid {what}: {value:?} is not a whole number"))
        };
        match (dialect, name.as_ref()) {
            (_, size) if size == dialect.page_size_parameter() => {
                let size = whole(size)?;
                if size == 0 {
                    return Err(format!("Invalid {name}: must be from 1 to {MAX_PAGE_SIZE}"));
                }
                read.page_size = Some(size.min(MAX_PAGE_SIZE));
            }
            (Dialect::Token, "pageToken") => {
                read.offset = Some(
                    decode_token(&value).ok_or_else(|| format!("Invalid pageToken {value:?}"))?,
                );
            }
            (Dialect::V2010 | Dialect::V1, "Page") => read.page = Some(whole("Page")?),
            (Dialect::V2010 | Dialect::V1, "PageToken") => {
                let offset = value
                    .strip_prefix("PA")
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| format!("Invalid PageToken {value:?}"))?;
                read.offset = Some(offset);
            }
            (_, filter) => {
                read.raw_filters.push(raw);
                if !filter.contains(['<', '>']) {
                    let field = match dialect {
                        Dialect::Token => filter.to_owned(),
                        Dialect::V2010 | Dialect::V1 => snake_case(filter),
                    };
                    read.filters
                        .entry(field)
                        .or_default()
                        .push(value.into_owned());
                }
            }
        }
    }
    Ok(read)
}

/// `{"offset":N}` in base64, as Twilio's tokens look.
fn token(offset: usize) -> String {
    base64::engine::general_purpose::STANDARD.encode(json!({ "offset": offset }).to_string())
}

fn decode_token(text: &str) -> Option<usize> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .ok()?;
    let value: Value = serde_json::from_slice(&bytes).ok()?;
    usize::try_from(value.get("offset")?.as_u64()?).ok()
}

/// Whether a record passes every filter that names one of its fields.
fn passes(filters: &HashMap<String, Vec<String>>, body: &[u8]) -> bool {
    let Ok(Value::Object(record)) = serde_json::from_slice::<Value>(body) else {
        return true;
    };
    filters
        .iter()
        .all(|(field, accepted)| match record.get(field) {
            None => true,
            Some(Value::Array(items)) => items.iter().any(|item| matches(item, accepted)),
            Some(value) => matches(value, accepted),
        })
}

fn matches(value: &Value, accepted: &[String]) -> bool {
    match value {
        Value::String(text) => accepted.iter().any(|a| a == text),
        other => {
            let text = other.to_string();
            accepted.contains(&text)
        }
    }
}

/// One page of `collection` for a GET on `path?query`, its records under `key`; every record at
/// once, and no paging fields, for a list Twilio does not page (`paged` false).
pub(crate) fn list(
    state: &State,
    dialect: Dialect,
    collection: &Address,
    key: &str,
    paged: bool,
    call: &Call<'_>,
) -> Answer {
    let (path, query) = (call.path, call.query);
    let read = match read_query(dialect, query) {
        Ok(read) => read,
        Err(message) => return Answer::error(400, message),
    };
    let keep = |body: &[u8]| passes(&read.filters, body);
    let keep: Option<Keep<'_>> = (!read.filters.is_empty()).then_some(&keep);
    if !paged {
        let all = state.records.slice(&collection.key(), 0, usize::MAX, keep);
        return Answer::Json(StatusCode::OK, splice(key, &all.items, &json!({})), None);
    }
    let size = read.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
    let offset = read
        .offset
        .unwrap_or_else(|| read.page.unwrap_or(0).saturating_mul(size));
    let slice = state.records.slice(&collection.key(), offset, size, keep);
    let count = slice.items.len();
    let next_offset = slice.more.then_some(offset.saturating_add(count));
    let previous_offset = (offset > 0).then(|| offset.saturating_sub(size));
    let rest = match dialect {
        Dialect::Token => {
            let mut meta = json!({ "key": key, "pageSize": count });
            if let Some(next) = next_offset {
                meta["nextToken"] = token(next).into();
            }
            if let Some(previous) = previous_offset {
                meta["previousToken"] = token(previous).into();
            }
            json!({ "meta": meta })
        }
        Dialect::V2010 | Dialect::V1 => {
            let page = read.page.unwrap_or(offset / size);
            let link = |page: usize, offset: Option<usize>| {
                let mut link = format!("{path}?");
                for filter in &read.raw_filters {
                    link.push_str(filter);
                    link.push('&');
                }
                link.push_str(&format!("PageSize={size}&Page={page}"));
                if let Some(offset) = offset {
                    link.push_str(&format!("&PageToken=PA{offset}"));
                }
                link
            };
            let this = link(page, read.offset);
            let first = link(0, None);
            let next = next_offset.map(|next| link(page.saturating_add(1), Some(next)));
            let previous =
                previous_offset.map(|previous| link(page.saturating_sub(1), Some(previous)));
            if dialect == Dialect::V2010 {
                json!({
                    "page": page,
                    "page_size": size,
                    "start": offset,
                    "end": offset.saturating_add(count).saturating_sub(1).max(offset),
                    "uri": this,
                    "first_page_uri": first,
                    "next_page_uri": next,
                    "previous_page_uri": previous,
                })
            } else {
                let absolute = |link: String| format!("{}{link}", state.base_url);
                json!({ "meta": {
                    "key": key,
                    "page": page,
                    "page_size": size,
                    "url": absolute(this),
                    "first_page_url": absolute(first),
                    "next_page_url": next.map(absolute),
                    "previous_page_url": previous.map(absolute),
                }})
            }
        }
    };
    Answer::Json(StatusCode::OK, splice(key, &slice.items, &rest), None)
}

/// `{"<key>": [items…], …rest}` without parsing the stored items again.
fn splice(key: &str, items: &[Bytes], rest: &Value) -> Bytes {
    let rest = rest.to_string();
    let mut out = Vec::with_capacity(
        items.iter().map(|item| item.len() + 1).sum::<usize>() + key.len() + rest.len() + 8,
    );
    out.push(b'{');
    out.extend_from_slice(Value::from(key).to_string().as_bytes());
    out.extend_from_slice(b":[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item);
    }
    out.push(b']');
    let inner = rest
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .unwrap_or("");
    if !inner.is_empty() {
        out.push(b',');
        out.extend_from_slice(inner.as_bytes());
    }
    out.push(b'}');
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        for offset in [0, 1, 50, 123_456] {
            assert_eq!(decode_token(&token(offset)), Some(offset));
        }
        assert_eq!(decode_token("nope"), None);
    }

    #[test]
    fn splice_builds_one_object() {
        let items = [
            Bytes::from_static(b"{\"a\":1}"),
            Bytes::from_static(b"{\"a\":2}"),
        ];
        let body = splice("things", &items, &json!({ "meta": { "key": "things" } }));
        let value: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            value,
            json!({ "things": [{"a": 1}, {"a": 2}], "meta": { "key": "things" } })
        );
        let empty: Value = serde_json::from_slice(&splice("x", &[], &json!({}))).unwrap();
        assert_eq!(empty, json!({ "x": [] }));
    }

    #[test]
    fn queries_split_paging_from_filters() {
        let read = read_query(
            Dialect::V2010,
            Some("To=%2B1555&DateSent%3E=2024-01-01&PageSize=2&Page=1&PageToken=PA2"),
        )
        .unwrap();
        assert_eq!(read.raw_filters, ["To=%2B1555", "DateSent%3E=2024-01-01"]);
        assert_eq!(read.filters.len(), 1);
        assert_eq!(read.filters["to"], ["+1555"]);
        assert_eq!(
            (read.page_size, read.page, read.offset),
            (Some(2), Some(1), Some(2))
        );
        assert_eq!(
            read_query(Dialect::V1, Some("PageSize=5000"))
                .unwrap()
                .page_size,
            Some(MAX_PAGE_SIZE)
        );
        assert!(read_query(Dialect::V1, Some("PageSize=0")).is_err());
        assert!(read_query(Dialect::V1, Some("PageSize=x")).is_err());
        assert!(read_query(Dialect::V1, Some("PageToken=zz")).is_err());
        assert!(read_query(Dialect::Token, Some("pageToken=zz")).is_err());
        // The other family's names are filters.
        let token = read_query(Dialect::Token, Some("PageSize=2")).unwrap();
        assert_eq!(token.page_size, None);
    }
}
