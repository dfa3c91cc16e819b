//! A large page read as its bytes arrive: each record is decoded and handed out once its last byte
//! is in, so a listing holds the connection's read buffer and one record, never the whole page.
//!
//! A byte scanner follows the page's top-level object (strings, escapes and nesting, no more: each
//! record is validated by serde as it is decoded). The records' array is streamed; every other
//! field is copied into a small page of its own, with the records' field left as `[]`, which is
//! read at the end exactly as a page read at once is (paging fields, `meta.key`, its errors).
//!
//! Which array holds the records is settled by the time its first element arrives: the one
//! `meta.key` names when `meta` came first; otherwise the first array of objects that is not a
//! paging field (Twilio's pages have one such array, before `meta`). A page whose end says
//! otherwise (`meta.key` naming another field) is an error after the records already handed out.

use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use http_body::Body as _;
use serde::de::DeserializeOwned;
use tokio::time::{Instant, Sleep};

use super::dialect::{Meta, Next, PAGING_FIELDS};
use super::page::{RawPage, decode_error, decode_record, parse_page_by_field};
use crate::Error;

/// What reading a streamed page gives next.
pub(super) enum Step<R> {
    /// One record, in the page's order.
    Record(R),
    /// The page's end: where the listing goes on, and the records of a page whose records were
    /// not streamed after all (they were in a field met before it was known to be theirs).
    End(Option<RawPage>, Next),
    /// A page of unannounced length that ended within the size collected first: its whole body,
    /// to be decoded at once like a page of announced length.
    Whole(Bytes),
}

/// A page whose body is read as it arrives.
pub(super) struct StreamedPage {
    body: reqwest::Body,
    /// The chunk being scanned, and the next byte to scan in it.
    chunk: Bytes,
    at: usize,
    /// A body of unannounced length is first collected up to this size: a small page is then
    /// decoded at once (the fastest way), and only a larger one is scanned as it arrives.
    collect_upto: Option<usize>,
    /// What was collected, and the chunk that went past the size, scanned after it.
    collected: Vec<u8>,
    pending: Option<Bytes>,
    body_done: bool,
    state: State,
    /// Where the record being scanned starts in `chunk` (0 once it has spilled into `carry`).
    record_from: usize,
    /// A record begun in an earlier chunk.
    carry: Vec<u8>,
    /// The key being read, raw (quotes and escapes), and its name once read.
    raw_key: Vec<u8>,
    name: String,
    /// The page without its records: `{`, every other field as sent, the records' field as `[]`.
    rest: Vec<u8>,
    fields: usize,
    /// Where the field being copied starts in `rest`.
    value_from: usize,
    /// `meta.key`, when `meta` came before the records.
    named: Option<String>,
    /// The records' field, once its first record arrived.
    key: Option<String>,
    /// Records handed out: the index in errors.
    index: usize,
    received: usize,
    max_bytes: usize,
    /// The most time spent waiting for the body's bytes, in all.
    timeout: Duration,
    /// Waited so far, and when the current wait began.
    waited: Duration,
    wait_began: Option<Instant>,
    timer: Option<Pin<Box<Sleep>>>,
}

impl std::fmt::Debug for StreamedPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamedPage")
            .field("state", &self.state)
            .field("key", &self.key)
            .field("handed_out", &self.index)
            .field("received", &self.received)
            .finish_non_exhaustive()
    }
}

/// Where the scanner is in the page's top-level object.
#[derive(Debug, Clone, Copy)]
enum State {
    /// Before the opening `{`.
    Open,
    /// Before a key (or, first, the closing `}`).
    Key {
        first: bool,
    },
    InKey(Scan),
    Colon,
    /// Before a field's value.
    Value,
    /// Just inside an array-valued field, before its first element: records, or not.
    ArrayStart,
    /// A field that is not the records, copied into `rest`.
    Field(Scan),
    /// Before a record (or, first, the closing `]`).
    Record {
        first: bool,
    },
    InRecord(Scan),
    /// After a record: `,` or `]`.
    AfterRecord,
    /// After a field: `,` or `}`.
    AfterField,
    /// After the closing `}`: only whitespace may follow.
    End,
}

impl StreamedPage {
    /// Reads `response`'s body; one of unannounced length is first collected up to
    /// `collect_upto` bytes.
    pub(super) fn new(
        response: reqwest::Response,
        timeout: Duration,
        max_bytes: usize,
        collect_upto: usize,
    ) -> Self {
        let collect_upto = response.content_length().is_none().then_some(collect_upto);
        Self {
            timeout,
            max_bytes,
            collect_upto,
            ..Self::new_unread(reqwest::Body::from(response))
        }
    }

    /// A page with no limits yet (tests and fuzzing feed it chunks themselves).
    fn new_unread(body: reqwest::Body) -> Self {
        Self {
            body,
            chunk: Bytes::new(),
            at: 0,
            collect_upto: None,
            collected: Vec::new(),
            pending: None,
            body_done: false,
            state: State::Open,
            record_from: 0,
            carry: Vec::new(),
            raw_key: Vec::new(),
            name: String::new(),
            rest: b"{".to_vec(),
            fields: 0,
            value_from: 0,
            named: None,
            key: None,
            index: 0,
            received: 0,
            max_bytes: usize::MAX,
            timeout: Duration::MAX,
            waited: Duration::ZERO,
            wait_began: None,
            timer: None,
        }
    }

    /// The next record, or the page's end.
    pub(super) fn poll_step<R: DeserializeOwned>(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Result<Step<R>, Error>> {
        while let Some(upto) = self.collect_upto {
            match ready!(self.poll_chunk(cx))? {
                Some(chunk) if self.collected.len().saturating_add(chunk.len()) <= upto => {
                    self.collected.extend_from_slice(&chunk);
                }
                // Too large to decode at once: scan what was collected, then this chunk.
                Some(chunk) => {
                    self.collect_upto = None;
                    self.chunk = Bytes::from(std::mem::take(&mut self.collected));
                    self.pending = Some(chunk);
                }
                None => {
                    self.collect_upto = None;
                    let body = Bytes::from(std::mem::take(&mut self.collected));
                    return Poll::Ready(Ok(Step::Whole(body)));
                }
            }
        }
        loop {
            if self.at < self.chunk.len() {
                if let Some(record) = self.scan::<R>()? {
                    return Poll::Ready(Ok(Step::Record(record)));
                }
                continue;
            }
            // The scanned chunk goes before the next is read: hyper can then reuse its buffer.
            self.chunk = Bytes::new();
            self.at = 0;
            if let Some(pending) = self.pending.take() {
                self.chunk = pending;
                continue;
            }
            if self.body_done {
                return Poll::Ready(self.finish::<R>());
            }
            match ready!(self.poll_chunk(cx))? {
                Some(chunk) => self.chunk = chunk,
                None => self.body_done = true,
            }
        }
    }

    /// The body's next bytes; all the waits together bounded by the client's timeout.
    fn poll_chunk(&mut self, cx: &mut Context<'_>) -> Poll<Result<Option<Bytes>, Error>> {
        if self.wait_began.is_none() {
            let now = Instant::now();
            self.wait_began = Some(now);
            self.arm_timer(now)?;
        }
        loop {
            let frame = match Pin::new(&mut self.body).poll_frame(cx) {
                Poll::Ready(frame) => frame,
                Poll::Pending => {
                    if let Some(timer) = &mut self.timer
                        && timer.as_mut().poll(cx).is_ready()
                    {
                        return Poll::Ready(Err(Error::Timeout {
                            timeout: self.timeout,
                            attempts: 1,
                        }));
                    }
                    return Poll::Pending;
                }
            };
            let data = match frame {
                None => return Poll::Ready(Ok(None)),
                Some(Err(error)) => {
                    return Poll::Ready(Err(Error::Transport {
                        attempts: 1,
                        source: Box::new(error),
                    }));
                }
                // Trailers carry no records.
                Some(Ok(frame)) => match frame.into_data() {
                    // An empty frame is no progress: the wait goes on.
                    Ok(data) if !data.is_empty() => data,
                    _ => continue,
                },
            };
            if let Some(began) = self.wait_began.take() {
                self.waited = self.waited.saturating_add(began.elapsed());
            }
            self.received = self.received.saturating_add(data.len());
            if self.received > self.max_bytes {
                return Poll::Ready(Err(Error::ResponseTooLarge {
                    limit: self.max_bytes,
                }));
            }
            return Poll::Ready(Ok(Some(data)));
        }
    }

    /// Sets the timer to what is left of the client's timeout after the waits so far (none when
    /// that cannot be added to the clock, as for `Duration::MAX`).
    fn arm_timer(&mut self, now: Instant) -> Result<(), Error> {
        let left = self.timeout.saturating_sub(self.waited);
        let Some(deadline) = now.checked_add(left) else {
            self.timer = None;
            return Ok(());
        };
        match &mut self.timer {
            Some(timer) => timer.as_mut().reset(deadline),
            None => {
                // A timer needs Tokio's, which the request had; the list may since have moved.
                if tokio::runtime::Handle::try_current().is_err() {
                    return Err(crate::transport::no_runtime());
                }
                self.timer = Some(Box::pin(tokio::time::sleep_until(deadline)));
            }
        }
        Ok(())
    }

    /// Scans the current chunk from `at` until a record is complete (returned) or the chunk ends.
    fn scan<R: DeserializeOwned>(&mut self) -> Result<Option<R>, Error> {
        let chunk = self.chunk.clone();
        while let Some(&byte) = chunk.get(self.at) {
            let rest_of_chunk = chunk.get(self.at..).unwrap_or_default();
            match self.state {
                State::Open => {
                    let opening = [(b'{', State::Key { first: true })];
                    self.expect::<R>(byte, &opening, "a list page (a JSON object)")?;
                }
                State::Key { first } => {
                    if !is_whitespace(byte) {
                        match byte {
                            b'"' => {
                                self.raw_key.clear();
                                self.state = State::InKey(Scan::default());
                                continue;
                            }
                            b'}' if first => self.state = State::End,
                            _ => return Err(self.malformed::<R>("a field name")),
                        }
                    }
                    self.at += 1;
                }
                State::InKey(mut scan) => {
                    let (taken, ends) = copy_value(&mut scan, rest_of_chunk, &mut self.raw_key);
                    self.at += taken;
                    self.state = State::InKey(scan);
                    if ends {
                        self.name = serde_json::from_slice(&self.raw_key)
                            .map_err(|error| self.error::<R>(".", error.to_string()))?;
                        self.state = State::Colon;
                    }
                }
                State::Colon => {
                    self.expect::<R>(byte, &[(b':', State::Value)], "`:` after a field name")?;
                }
                State::Value => {
                    if is_whitespace(byte) {
                        self.at += 1;
                    } else if byte == b'[' {
                        self.at += 1;
                        self.state = State::ArrayStart;
                    } else {
                        self.start_field(b"");
                        self.state = State::Field(Scan::default());
                    }
                }
                State::ArrayStart => {
                    if is_whitespace(byte) {
                        self.at += 1;
                    } else if byte == b'{' && self.holds_records() {
                        self.key = Some(self.name.clone());
                        self.start_field(b"[]");
                        self.state = State::Record { first: true };
                    } else {
                        self.start_field(b"[");
                        self.state = State::Field(Scan::inside_array());
                    }
                }
                State::Field(mut scan) => {
                    let (taken, ends) = copy_value(&mut scan, rest_of_chunk, &mut self.rest);
                    self.at += taken;
                    self.state = State::Field(scan);
                    if ends {
                        self.end_field();
                        self.state = State::AfterField;
                    }
                }
                State::Record { first } => {
                    if is_whitespace(byte) {
                        self.at += 1;
                    } else if byte == b']' && first {
                        self.at += 1;
                        self.state = State::AfterField;
                    } else {
                        self.record_from = self.at;
                        self.state = State::InRecord(Scan::default());
                    }
                }
                State::InRecord(mut scan) => {
                    let ends = scan.feed(rest_of_chunk);
                    self.state = State::InRecord(scan);
                    let Some(length) = ends else {
                        // The record goes on in the next chunk: keep what there is of it.
                        self.carry
                            .extend_from_slice(chunk.get(self.record_from..).unwrap_or_default());
                        self.record_from = 0;
                        self.at = chunk.len();
                        break;
                    };
                    let end = self.at + length;
                    let tail = chunk.get(self.record_from..end).unwrap_or_default();
                    self.at = end;
                    self.state = State::AfterRecord;
                    return self.decode(tail).map(Some);
                }
                State::AfterRecord => {
                    let after = [
                        (b',', State::Record { first: false }),
                        (b']', State::AfterField),
                    ];
                    self.expect::<R>(byte, &after, "`,` or `]` after a record")?;
                }
                State::AfterField => {
                    let after = [(b',', State::Key { first: false }), (b'}', State::End)];
                    self.expect::<R>(byte, &after, "`,` or `}` after a field")?;
                }
                State::End => {
                    self.expect::<R>(byte, &[], "nothing after the page's closing `}`")?;
                }
            }
        }
        Ok(None)
    }

    /// Whether the array whose first element is arriving holds the records.
    fn holds_records(&self) -> bool {
        match &self.named {
            // Once streamed, a field of the same name again is copied, and `finish` reports it.
            Some(named) => self.key.is_none() && *named == self.name,
            None => self.key.is_none() && !PAGING_FIELDS.contains(&self.name.as_str()),
        }
    }

    /// Copies the field's key into `rest`, followed by `opening`, the value's bytes consumed so far.
    fn start_field(&mut self, opening: &[u8]) {
        if self.fields > 0 {
            self.rest.push(b',');
        }
        self.fields += 1;
        self.rest.extend_from_slice(&self.raw_key);
        self.rest.push(b':');
        self.value_from = self.rest.len();
        self.rest.extend_from_slice(opening);
    }

    /// A field copied whole: a `meta` before the records says which field they are.
    fn end_field(&mut self) {
        if self.name == "meta" && self.key.is_none() {
            let value = self.rest.get(self.value_from..).unwrap_or_default();
            // A `meta` that does not decode is reported by the reading at the end.
            if let Ok(Some(meta)) = serde_json::from_slice::<Option<Meta>>(value) {
                self.named = meta.key;
            }
        }
    }

    /// Decodes a record ending with `tail` (preceded by `carry` when it began in an earlier chunk).
    fn decode<R: DeserializeOwned>(&mut self, tail: &[u8]) -> Result<R, Error> {
        let key = self.key.as_deref().unwrap_or_default();
        let decoded = if self.carry.is_empty() {
            decode_record::<R>(tail, key, self.index)
        } else {
            self.carry.extend_from_slice(tail);
            let decoded = decode_record::<R>(&self.carry, key, self.index);
            self.carry.clear();
            decoded
        };
        self.index = self.index.saturating_add(1);
        decoded
    }

    /// The page's end: the paging fields read from the page without its records.
    fn finish<R>(&mut self) -> Result<Step<R>, Error> {
        if !matches!(self.state, State::End) {
            let message = match self.received {
                0 => "the body is empty".to_owned(),
                received => {
                    format!("the page ended after {received} bytes, before its closing `}}`")
                }
            };
            return Err(self.error::<R>(".", message));
        }
        self.rest.push(b'}');
        let (page, next) = parse_page_by_field::<R>(Bytes::from(std::mem::take(&mut self.rest)))?;
        let Some(streamed) = &self.key else {
            return Ok(Step::End(Some(page), next));
        };
        if page.key != *streamed {
            return Err(self.error::<R>(
                ".",
                format!(
                    "the page's records are in `{}` (by `meta.key`, or as the page's one array of records), but `{streamed}` came first and its records were handed out",
                    page.key
                ),
            ));
        }
        // The streamed field sent again: its second records were not handed out.
        if !page.records.is_empty() {
            return Err(self.error::<R>(
                ".",
                format!(
                    "the records' field `{}` was sent twice; the first one's records were handed out",
                    page.key
                ),
            ));
        }
        Ok(Step::End(None, next))
    }

    /// Skips whitespace (the state stays), consumes one of the `wanted` bytes and moves to its
    /// state, and refuses anything else as not `what` was expected.
    fn expect<R>(&mut self, byte: u8, wanted: &[(u8, State)], what: &str) -> Result<(), Error> {
        if !is_whitespace(byte) {
            let Some(&(_, next)) = wanted.iter().find(|(expected, _)| *expected == byte) else {
                return Err(self.malformed::<R>(what));
            };
            self.state = next;
        }
        self.at += 1;
        Ok(())
    }

    #[cold]
    fn malformed<R>(&self, wanted: &str) -> Error {
        let found = self.chunk.get(self.at).copied().unwrap_or_default();
        self.error::<R>(
            ".",
            format!(
                "expected {wanted} at byte {} of the page, found `{}`",
                self.position(),
                char::from(found).escape_default()
            ),
        )
    }

    /// The byte being scanned, counted from the page's start.
    fn position(&self) -> usize {
        let pending = self.pending.as_ref().map_or(0, Bytes::len);
        self.received
            .saturating_sub(self.chunk.len())
            .saturating_sub(pending)
            .saturating_add(self.at)
    }

    #[cold]
    fn error<R>(&self, path: &str, message: String) -> Error {
        decode_error::<R>(path.to_owned(), message)
    }
}

/// Feeds `scan` a value's next `bytes`, copying those that belong to it into `into`: how many
/// they were, and whether the value ended among them.
fn copy_value(scan: &mut Scan, bytes: &[u8], into: &mut Vec<u8>) -> (usize, bool) {
    let ends = scan.feed(bytes);
    let taken = ends.unwrap_or(bytes.len());
    into.extend_from_slice(bytes.get(..taken).unwrap_or_default());
    (taken, ends.is_some())
}

/// JSON's whitespace.
fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Follows one JSON value's bytes, possibly over several chunks, far enough to find where it
/// ends: strings (with escapes) and nesting; serde checks the rest when the value is decoded.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    depth: u32,
    in_string: bool,
    escaped: bool,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    #[default]
    Unstarted,
    /// A number, `true`, `false` or `null`: it ends before the next delimiter.
    Scalar,
    /// A string, object or array: it ends with its closing byte.
    Delimited,
}

impl Scan {
    /// An array's scan after its `[`.
    fn inside_array() -> Self {
        Scan {
            depth: 1,
            kind: Kind::Delimited,
            ..Scan::default()
        }
    }

    /// Scans the value's next `bytes`: how many of them belong to it, once its end is among them.
    fn feed(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    at += 1;
                    continue;
                }
                // Strings are most of a record: jump to their next quote or backslash.
                let found = memchr::memchr2(b'"', b'\\', bytes.get(at..).unwrap_or_default())?;
                at += found;
                if bytes.get(at) == Some(&b'\\') {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(at + 1);
                    }
                }
                at += 1;
                continue;
            }
            match self.kind {
                Kind::Unstarted => {
                    match byte {
                        b'{' | b'[' => self.depth = 1,
                        b'"' => self.in_string = true,
                        _ => {
                            self.kind = Kind::Scalar;
                            at += 1;
                            continue;
                        }
                    }
                    self.kind = Kind::Delimited;
                }
                Kind::Scalar => {
                    if matches!(byte, b',' | b'}' | b']') || is_whitespace(byte) {
                        return Some(at);
                    }
                }
                Kind::Delimited => match byte {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth = self.depth.saturating_add(1),
                    b'}' | b']' => {
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                },
            }
            at += 1;
        }
        None
    }
}

/// Reads `body` as a page arriving in chunks of `chunk_size` bytes, every record decoded.
#[cfg(any(test, fuzzing))]
pub(super) fn read_in_chunks<R: DeserializeOwned>(
    body: &[u8],
    chunk_size: usize,
) -> Result<super::page::Parsed<R>, Error> {
    let mut page = StreamedPage::new_unread(reqwest::Body::from(Bytes::new()));
    let mut items = Vec::new();
    for chunk in body.chunks(chunk_size.max(1)) {
        page.received += chunk.len();
        page.chunk = Bytes::copy_from_slice(chunk);
        page.at = 0;
        while let Some(record) = page.scan::<R>()? {
            items.push(record);
        }
    }
    page.body_done = true;
    let next = match page.finish::<R>()? {
        Step::End(Some(raw), next) => {
            items.extend(raw.decode_all::<R>()?);
            next
        }
        Step::End(None, next) => next,
        Step::Record(_) | Step::Whole(_) => unreachable!("`finish` ends the page"),
    };
    Ok(super::page::Parsed { items, next })
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::list::page::parse_page_decoded;

    /// Reads `page` in chunks of every size from 1 to 40 and whole; all readings must agree.
    fn read_every_way(page: &Value) -> Result<super::super::page::Parsed<Value>, Error> {
        read_text_every_way(&page.to_string())
    }

    /// As `read_every_way`, for a page written out (`json!` sorts keys; order matters here).
    fn read_text_every_way(body: &str) -> Result<super::super::page::Parsed<Value>, Error> {
        let body = body.as_bytes();
        let whole = read_in_chunks::<Value>(body, body.len());
        for chunk_size in 1..=40 {
            let chunked = read_in_chunks::<Value>(body, chunk_size);
            match (&whole, &chunked) {
                (Ok(whole), Ok(chunked)) => {
                    assert_eq!(whole.items, chunked.items, "chunks of {chunk_size}");
                    assert_eq!(whole.next, chunked.next, "chunks of {chunk_size}");
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                other => panic!("chunks of {chunk_size}: {other:?}"),
            }
        }
        whole
    }

    #[test]
    fn strings_escapes_and_nesting_split_anywhere_are_followed() {
        let records = json!([
            {"id": "a", "name": "quote \" brace } bracket ] backslash \\", "n": [1, {"x": "]"}]},
            {"id": "b", "name": "\u{e9}\u{1f600} \\\" \n", "empty": {}, "list": []},
            {"id": "c", "nested": {"deep": [[[{"k": "v}"}]]]}, "t": true, "f": 1.5e3}
        ]);
        let page = json!({
            "first": "before \" ] }",
            "messages": records,
            "next_page_uri": "/2010-04-01/Accounts/AC1/Messages.json?PageToken=PA2",
            "page": 0
        });
        let parsed = read_every_way(&page).unwrap();
        assert_eq!(Value::from(parsed.items), records);
        let (items, next) =
            parse_page_decoded::<Value>(serde_json::to_vec(&page).unwrap().into()).unwrap();
        assert_eq!(Value::from(items), records);
        assert_eq!(parsed.next, next);
    }

    #[test]
    fn the_records_field_is_the_one_meta_names_when_meta_comes_first() {
        // `meta` first: the array it names is streamed, another array of objects is not.
        let page = r#"{
            "meta": {"key": "participants", "nextToken": "t2"},
            "links": [{"rel": "self"}],
            "participants": [{"id": "p1"}, {"id": "p2"}]
        }"#;
        let parsed = read_text_every_way(page).unwrap();
        assert_eq!(parsed.items, vec![json!({"id": "p1"}), json!({"id": "p2"})]);

        // SCIM: an array of strings first is never taken for the records.
        let page = r#"{"schemas": ["urn:x"], "totalResults": 1, "Resources": [{"id": "u1"}]}"#;
        let parsed = read_text_every_way(page).unwrap();
        assert_eq!(parsed.items, vec![json!({"id": "u1"})]);

        // Records that are not objects are read at the end, as a page read whole reads them.
        let page = r#"{"ids": [1, 2, 3], "meta": {"key": "ids"}}"#;
        let parsed = read_text_every_way(page).unwrap();
        assert_eq!(parsed.items, vec![json!(1), json!(2), json!(3)]);
    }

    #[test]
    fn a_meta_key_after_other_records_is_an_error_not_a_silent_mix() {
        let page = r#"{
            "links": [{"rel": "self"}],
            "participants": [{"id": "p1"}],
            "meta": {"key": "participants"}
        }"#;
        match read_text_every_way(page) {
            Err(Error::Decode { path, message, .. }) => {
                assert_eq!(path, ".");
                assert!(message.contains("`links` came first"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // The records' field twice: the second is not streamed after the first.
        match read_text_every_way(r#"{"meta": {"key": "a"}, "a": [{}], "a": [{"x": 1}]}"#) {
            Err(Error::Decode { message, .. }) => {
                assert!(message.contains("`a` was sent twice"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn malformed_pages_are_errors_with_where() {
        for (body, expected) in [
            (&b"[]"[..], "expected a list page (a JSON object) at byte 0"),
            (b"{\"a\" 1}", "expected `:` after a field name at byte 5"),
            (
                b"{\"a\": [{}} ",
                "expected `,` or `]` after a record at byte 9",
            ),
            (
                b"{\"a\": [{}]} x",
                "expected nothing after the page's closing `}` at byte 12",
            ),
            (b"{\"a\": [{}", "the page ended after 9 bytes"),
            (b"", "the body is empty"),
        ] {
            for chunk_size in [1, 4, body.len().max(1)] {
                match read_in_chunks::<Value>(body, chunk_size) {
                    Err(error) => assert!(error.to_string().contains(expected), "{error}"),
                    Ok(parsed) => panic!("{parsed:?}"),
                }
            }
        }
    }
}
