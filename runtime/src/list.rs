//! Lists: [`List`] streams every record of a collection, [`Pages`] streams its pages, a [`Cursor`]
//! resumes a listing later. One page is in memory at a time, whatever the total.
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
//!
//! A link is only ever a path and query on the resource's own origin (the client's base URL
//! override, region and edge applied), so credentials never follow a link to another host.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use futures_core::{FusedStream, Stream};
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::{Client, Error, Resource, body};

/// Twilio's largest page.
const MAX_PAGE_SIZE: u32 = 1000;

type PageFuture = Pin<Box<dyn Future<Output = Result<Bytes, Error>> + Send>>;

/// Every record of a Twilio list, as a lazy [`Stream`] of `Result<R, Error>`.
///
/// Nothing is sent until the stream is first polled; pages are then fetched one at a time, each
/// only once the previous one has been read, so memory holds one page whatever the total. The
/// stream ends after the last page, after [`limit`](Self::limit) records, or after its first
/// error (a failed request is retried by the client first, like any `GET`).
///
/// Configure it before reading: [`filter`](Self::filter), [`page_size`](Self::page_size),
/// [`limit`](Self::limit); read it with any `Stream` combinator, or without one through
/// [`try_next`](Self::try_next) and [`collect_all`](Self::collect_all); use
/// [`pages`](Self::pages) for whole pages and a [`Cursor`] to resume later.
///
/// ```
/// use twilio_resource::{twilio_resource, Client};
///
/// #[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
/// pub struct Participant {
///     pub id: Option<String>,
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let server = twilio_local_server::LocalServer::start().await?;
/// # let conversation = twilio_local_server::EXAMPLE_CONVERSATION_ID;
/// # for n in 0..5 {
/// #     let mut participant = twilio_local_server::example_participant();
/// #     participant["id"] = format!("conv_participant_{n:026}").into();
/// #     server.insert_participant(participant);
/// # }
/// let client = Client::builder()
///     .account_sid(server.account_sid())
///     .auth_token(server.auth_token())
///     .base_url(server.base_url())
///     .build()?;
/// let path = format!("/v2/Conversations/{conversation}/Participants");
///
/// // Two per page; read one record at a time.
/// let mut participants = client.list::<Participant>(&path).page_size(2);
/// let mut count = 0;
/// while let Some(participant) = participants.try_next().await? {
///     assert!(participant.id.is_some());
///     count += 1;
/// }
/// assert_eq!(count, 5);
///
/// // At most three records, in as few requests as that takes.
/// let first_three = client.list::<Participant>(&path).limit(3).collect_all().await?;
/// assert_eq!(first_three.len(), 3);
///
/// // Page by page, stopping after the first and resuming from its cursor.
/// let mut pages = client.list::<Participant>(&path).page_size(2).pages();
/// let page = pages.try_next().await?.expect("a first page");
/// let cursor = page.next_cursor().cloned().expect("more pages");
/// let saved = serde_json::to_string(&cursor)?; // e.g. into a job queue
/// let rest = twilio_resource::List::<Participant>::resume(&client, serde_json::from_str(&saved)?)
///     .collect_all()
///     .await?;
/// assert_eq!(page.items.len() + rest.len(), 5);
/// # Ok(())
/// # }
/// ```
pub struct List<R> {
    pages: Pages<R>,
    /// The unread records of the current page.
    buffer: std::vec::IntoIter<R>,
}

/// The pages of a Twilio list, as a lazy [`Stream`] of `Result<Page<R>, Error>`; from
/// [`List::pages`].
///
/// Each item is one response, records and cursor together. A page may be empty and still have a
/// next page (Twilio sends such pages when filtering): the stream goes on until a page has no
/// next link, or the limit is reached, or an error occurs.
pub struct Pages<R> {
    client: Client,
    stage: Stage,
    /// The path and query of the listing's first request: the base a token is resent with.
    first: String,
    /// Records still wanted under a limit; `None` for all of them.
    remaining: Option<u64>,
    /// Set by [`List::page_size`]; sent with the first request only.
    page_size: Option<u32>,
    /// An argument refused while building (a path or filter): the stream's only item.
    refused: Option<Error>,
    /// Hashes of every path and query requested so far, to stop at a link seen before.
    requested: HashSet<u64>,
    /// Set at the first poll: from then on the builder methods change nothing.
    polled: bool,
    span: tracing::Span,
    resource: PhantomData<fn() -> R>,
}

enum Stage {
    /// Not polled yet: the first request still takes the filter and the page size.
    Fresh,
    /// The path and query to request next.
    Next(String),
    /// A page is on its way.
    Waiting(PageFuture),
    /// Over: the last page was read, the limit reached, or an error reported.
    Done,
}

/// One page of a Twilio list: its records, and a [`Cursor`] to the next page if there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<R> {
    /// The page's records, in Twilio's order (cut short when a [`List::limit`] ends in this page).
    pub items: Vec<R>,
    next: Option<Cursor>,
}

impl<R> Page<R> {
    /// Where the listing goes on, or `None` on its last page (or when the limit was reached).
    /// Serialise it to resume later with [`List::resume`].
    pub fn next_cursor(&self) -> Option<&Cursor> {
        self.next.as_ref()
    }
}

/// Where a listing goes on: what [`List::resume`] needs to fetch the remaining pages, later or
/// elsewhere (a job queue, a database row).
///
/// It serialises as a small JSON object with three fields, all paths and queries on the
/// resource's own origin: `next` (the next request), `first` (the listing's first request, which
/// token-paged APIs repeat with each token) and `remaining` (records still wanted under a limit;
/// absent without one):
///
/// ```json
/// {"next":"/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc","first":"/v2/Conversations/c1/Participants?pageSize=2","remaining":8}
/// ```
///
/// It holds no credentials and no host; it is resumed with any client for the same account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cursor {
    next: String,
    first: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    remaining: Option<u64>,
}

impl Cursor {
    /// The path and query of the next request, e.g. `/2010-04-01/Accounts/AC…/Messages.json?PageSize=50&Page=1&PageToken=PA…`.
    pub fn path_and_query(&self) -> &str {
        &self.next
    }

    /// How many more records the listing's limit allows; `None` without a limit.
    pub fn remaining(&self) -> Option<u64> {
        self.remaining
    }
}

impl<R: Resource + Send + 'static> List<R> {
    /// A listing of the collection at `path` (no request yet). [`Client::list`] calls this.
    pub(crate) fn new(client: &Client, path: String) -> Self {
        let span = list_span::<R>(&path);
        Self::from_pages(Pages {
            client: client.clone(),
            stage: Stage::Fresh,
            first: path,
            remaining: None,
            page_size: None,
            refused: None,
            requested: HashSet::new(),
            polled: false,
            span,
            resource: PhantomData,
        })
    }

    /// A listing whose only item is `error` (a path that could not be built); nothing is sent.
    pub(crate) fn failed(client: &Client, error: Error) -> Self {
        let mut list = Self::new(client, String::new());
        list.pages.refused = Some(error);
        list
    }

    /// Resumes a listing from a page's [`Cursor`]: the stream yields the records of the pages
    /// from there on, with the filter and page size of the original listing (they are in the
    /// cursor's requests) and what remained of its limit.
    ///
    /// The cursor should come from a listing of the same resource `R`. On a resumed list,
    /// [`filter`](Self::filter) and [`page_size`](Self::page_size) have no effect, and
    /// [`limit`](Self::limit) replaces the remaining limit. A cursor whose requests are not paths
    /// (one edited by hand, say) makes the stream's first item an [`Error::InvalidArgument`]
    /// for `cursor`, and nothing is sent.
    pub fn resume(client: &Client, cursor: Cursor) -> Self {
        let Cursor {
            next,
            first,
            remaining,
        } = cursor;
        let span = list_span::<R>(&next);
        let refused = check_link(&next)
            .and_then(|()| check_link(&first))
            .err()
            .map(|reason| Error::InvalidArgument {
                parameter: "cursor",
                reason,
            });
        Self::from_pages(Pages {
            client: client.clone(),
            stage: Stage::Next(next),
            first,
            remaining,
            page_size: None,
            refused,
            requested: HashSet::new(),
            polled: false,
            span,
            resource: PhantomData,
        })
    }

    fn from_pages(pages: Pages<R>) -> Self {
        List {
            pages,
            buffer: Vec::new().into_iter(),
        }
    }

    /// Adds a filter's fields to the query of the first request, encoded now like a form body:
    /// sequences as repeated keys, `None` left out, renamed keys such as `DateSent>` percent-encoded.
    /// Each call adds its fields. Later pages carry the filter through Twilio's next-page links
    /// (or, for token-paged APIs, the first request's query).
    ///
    /// A filter that cannot be encoded (a nested struct, say) makes the stream's first item an
    /// [`Error::InvalidArgument`] for `filter`, and nothing is sent. No effect once the list has
    /// been polled, nor on a [resumed](Self::resume) list.
    pub fn filter<F: Serialize + ?Sized>(mut self, filter: &F) -> Self {
        let pages = &mut self.pages;
        if !matches!(pages.stage, Stage::Fresh) || pages.refused.is_some() {
            return self;
        }
        match body::query(filter) {
            Ok(query) => append_query(&mut pages.first, &query),
            Err(error) => pages.refused = Some(error),
        }
        self
    }

    /// How many records each page holds (1 to 1,000), sent with the first request as
    /// `R::PROTOCOL`'s page-size parameter (`PageSize` or `pageSize`); later pages keep it through
    /// Twilio's next-page links (token-paged APIs: the first request's query, repeated with each
    /// token). Without it Twilio's default applies (usually 50), or, with a
    /// [`limit`](Self::limit), the smaller of the limit and 1,000.
    ///
    /// A size of 0 or above 1,000 makes the stream's first item an [`Error::InvalidArgument`]
    /// for `page_size`, and nothing is sent. No effect once the list has been polled, nor on a
    /// [resumed](Self::resume) list.
    pub fn page_size(mut self, size: u32) -> Self {
        if matches!(self.pages.stage, Stage::Fresh) {
            self.pages.page_size = Some(size);
        }
        self
    }

    /// Stops after `limit` records, and never requests a page beyond them (a page that holds
    /// the last wanted record is the last page requested). `limit(0)` sends nothing. On a
    /// [resumed](Self::resume) list it replaces the cursor's remaining limit; no effect once the
    /// list has been polled.
    pub fn limit(mut self, limit: u64) -> Self {
        if !self.pages.polled {
            self.pages.remaining = Some(limit);
        }
        self
    }

    /// The listing as a stream of whole pages, each with its [`Cursor`]. Call it before reading
    /// records: the unread records of a page in progress are not repeated.
    pub fn pages(self) -> Pages<R> {
        self.pages
    }

    /// The next record, `Ok(None)` at the end: the way to read a list without a `Stream`
    /// combinator crate (it behaves like `futures::TryStreamExt::try_next`).
    ///
    /// ```no_run
    /// use twilio_resource::{Error, List, Resource};
    ///
    /// # #[allow(dead_code)]
    /// async fn print_all<R>(mut list: List<R>) -> Result<(), Error>
    /// where
    ///     R: Resource + Send + std::fmt::Debug + 'static,
    /// {
    ///     while let Some(record) = list.try_next().await? {
    ///         println!("{record:?}");
    ///     }
    ///     Ok(())
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// The error that ended the listing: a refused argument, a failed request ([`Error::Api`],
    /// [`Error::Transport`], …) or a page that did not decode ([`Error::Decode`], naming the JSON
    /// path, e.g. `messages[3].date_sent`). The calls after an error return `Ok(None)`.
    pub async fn try_next(&mut self) -> Result<Option<R>, Error> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx))
            .await
            .transpose()
    }

    /// Every remaining record in one `Vec`. Convenient for short lists; it holds them all in
    /// memory, so bound a long one with [`limit`](Self::limit) or read it as a stream.
    ///
    /// # Errors
    ///
    /// As [`try_next`](Self::try_next); the records read before the error are dropped.
    pub async fn collect_all(self) -> Result<Vec<R>, Error> {
        let List { mut pages, buffer } = self;
        let mut all: Vec<R> = buffer.collect();
        while let Some(page) = pages.try_next().await? {
            all.extend(page.items);
        }
        Ok(all)
    }
}

impl<R: Resource + Send + 'static> Pages<R> {
    /// The next page, `Ok(None)` at the end (like `futures::TryStreamExt::try_next`).
    ///
    /// # Errors
    ///
    /// As [`List::try_next`].
    pub async fn try_next(&mut self) -> Result<Option<Page<R>>, Error> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx))
            .await
            .transpose()
    }

    /// Builds the first request of a fresh listing; `None` when nothing is to be sent.
    fn first_request(&mut self) -> Result<Option<String>, Error> {
        if let Some(error) = self.refused.take() {
            return Err(error);
        }
        if self.remaining == Some(0) {
            return Ok(None);
        }
        let size = match (self.page_size, self.remaining) {
            (Some(size), _) if size == 0 || size > MAX_PAGE_SIZE => {
                return Err(Error::InvalidArgument {
                    parameter: "page_size",
                    reason: format!(
                        "must be from 1 to {MAX_PAGE_SIZE} (Twilio's largest page), got {size}"
                    ),
                });
            }
            (Some(size), _) => Some(size),
            // Never more than the limit, so a limit that fits one page costs one page.
            (None, Some(limit)) => Some(limit.min(u64::from(MAX_PAGE_SIZE)) as u32),
            (None, None) => None,
        };
        if let Some(size) = size {
            let pair = form_pair(R::PROTOCOL.page_size_parameter(), &size.to_string());
            append_query(&mut self.first, &pair);
        }
        Ok(Some(self.first.clone()))
    }

    fn send(&mut self, path_and_query: String) -> PageFuture {
        self.requested.insert(fingerprint(&path_and_query));
        let client = self.client.clone();
        Box::pin(async move { client.get_body::<R>(&path_and_query).await })
    }

    /// Reads one response: its records (cut to the limit) and the next request, if any.
    fn read_page(&mut self, body: &[u8]) -> Result<Page<R>, Error> {
        let Parsed { mut items, next } = parse_page::<R>(body)?;
        if let Some(remaining) = &mut self.remaining {
            let keep = usize::try_from(*remaining).unwrap_or(usize::MAX);
            items.truncate(keep);
            *remaining -= items.len() as u64;
        }
        let next = if self.remaining == Some(0) {
            None
        } else {
            let request = next_request(&self.first, &next)
                .map_err(|reason| decode_error::<R>(next.field().to_owned(), reason))?;
            if let Some(request) = &request
                && self.requested.contains(&fingerprint(request))
            {
                return Err(decode_error::<R>(
                    next.field().to_owned(),
                    format!(
                        "the next page is {request:?} again, which was already requested; stopping rather than looping"
                    ),
                ));
            }
            request
        };
        tracing::debug!(items = items.len(), has_next = next.is_some(), "page");
        let cursor = next.map(|next| Cursor {
            next,
            first: self.first.clone(),
            remaining: self.remaining,
        });
        self.stage = match &cursor {
            Some(cursor) => Stage::Next(cursor.next.clone()),
            None => Stage::Done,
        };
        Ok(Page {
            items,
            next: cursor,
        })
    }
}

impl<R: Resource + Send + 'static> Stream for Pages<R> {
    type Item = Result<Page<R>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        this.polled = true;
        let span = this.span.clone();
        let _entered = span.enter();
        loop {
            match std::mem::replace(&mut this.stage, Stage::Done) {
                Stage::Fresh => match this.first_request() {
                    Ok(Some(request)) => this.stage = Stage::Next(request),
                    Ok(None) => return Poll::Ready(None),
                    Err(error) => return Poll::Ready(Some(Err(error))),
                },
                Stage::Next(request) => {
                    if let Some(error) = this.refused.take() {
                        return Poll::Ready(Some(Err(error)));
                    }
                    this.stage = Stage::Waiting(this.send(request));
                }
                Stage::Waiting(mut future) => {
                    let Poll::Ready(result) = future.as_mut().poll(cx) else {
                        this.stage = Stage::Waiting(future);
                        return Poll::Pending;
                    };
                    // `read_page` sets the next stage; an error leaves `Done`.
                    return Poll::Ready(Some(result.and_then(|body| this.read_page(&body))));
                }
                Stage::Done => return Poll::Ready(None),
            }
        }
    }
}

impl<R: Resource + Send + 'static> FusedStream for Pages<R> {
    fn is_terminated(&self) -> bool {
        matches!(self.stage, Stage::Done)
    }
}

impl<R: Resource + Send + 'static> Stream for List<R> {
    type Item = Result<R, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffer.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(Pin::new(&mut this.pages).poll_next(cx)) {
                Some(Ok(page)) => this.buffer = page.items.into_iter(),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let buffered = self.buffer.len();
        let upper = if matches!(self.pages.stage, Stage::Done) {
            Some(buffered)
        } else {
            self.pages
                .remaining
                .and_then(|remaining| usize::try_from(remaining).ok())
                .and_then(|remaining| remaining.checked_add(buffered))
        };
        (buffered, upper)
    }
}

impl<R: Resource + Send + 'static> FusedStream for List<R> {
    fn is_terminated(&self) -> bool {
        self.buffer.len() == 0 && self.pages.is_terminated()
    }
}

// The records are never pinned: a `List` moves them out of a plain `Vec`.
impl<R> Unpin for List<R> {}

impl<R> fmt::Debug for List<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("buffered", &self.buffer.len())
            .field("pages", &self.pages)
            .finish()
    }
}

impl<R> fmt::Debug for Pages<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match &self.stage {
            Stage::Fresh => "not started",
            Stage::Next(_) => "between pages",
            Stage::Waiting(_) => "waiting for a page",
            Stage::Done => "done",
        };
        f.debug_struct("Pages")
            .field("resource", &std::any::type_name::<R>())
            .field("first", &self.first)
            .field("stage", &stage)
            .field("remaining", &self.remaining)
            .field("page_size", &self.page_size)
            .field("pages_requested", &self.requested.len())
            .finish()
    }
}

/// The span every request of one listing runs in: the resource and the collection's path (not
/// the query, which may hold filter values such as phone numbers).
fn list_span<R>(path_and_query: &str) -> tracing::Span {
    let path = path_and_query
        .split_once('?')
        .map_or(path_and_query, |(path, _)| path);
    tracing::debug_span!(
        "twilio_list",
        resource = std::any::type_name::<R>(),
        path = path
    )
}

fn fingerprint(path_and_query: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    path_and_query.hash(&mut hasher);
    hasher.finish()
}

/// Appends an encoded query (`a=1&b=2`, possibly empty) to a path that may already have one.
fn append_query(path_and_query: &mut String, query: &str) {
    if query.is_empty() {
        return;
    }
    match path_and_query.find('?') {
        None => path_and_query.push('?'),
        Some(at) if at + 1 == path_and_query.len() || path_and_query.ends_with('&') => {}
        Some(_) => path_and_query.push('&'),
    }
    path_and_query.push_str(query);
}

fn form_pair(name: &str, value: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair(name, value)
        .finish()
}

/// `first` with `name` set to `value`: any `name` already in its query removed, the pair appended.
fn with_parameter(first: &str, name: &str, value: &str) -> String {
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

/// Why `link` may not be requested, if it may not: it must be a path (starting with one `/`),
/// with no control characters.
fn check_link(link: &str) -> Result<(), String> {
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
fn link_path_and_query(link: &str) -> Result<String, String> {
    let has_scheme = ["http://", "https://"].iter().any(|scheme| {
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

/// Where a page says the listing goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Next {
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
    fn field(&self) -> &'static str {
        match self {
            Next::End => ".",
            Next::Link { field, .. } | Next::Token { field, .. } => field,
            Next::PageNumber(_) => "current_page",
        }
    }

    fn detect(fields: &PageFields) -> Result<Next, String> {
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
fn next_request(first: &str, next: &Next) -> Result<Option<String>, String> {
    match next {
        Next::End => Ok(None),
        Next::Link { link, .. } => link_path_and_query(link).map(Some),
        Next::Token {
            parameter, token, ..
        } => Ok(Some(with_parameter(first, parameter, token))),
        Next::PageNumber(page) => Ok(Some(with_parameter(first, "Page", &page.to_string()))),
    }
}

/// A page's records and where the listing goes on.
#[derive(Debug)]
struct Parsed<R> {
    items: Vec<R>,
    next: Next,
}

/// The paging fields of a page; everything else but the records is ignored.
#[derive(Debug, Default)]
struct PageFields {
    meta: Option<Meta>,
    next_page_uri: Option<String>,
    has_next: Option<bool>,
    current_page: Option<u64>,
}

/// The named top-level fields that are never the records.
const PAGING_FIELDS: [&str; 4] = ["meta", "next_page_uri", "has_next", "current_page"];

#[derive(Debug, Default, Deserialize)]
struct Meta {
    key: Option<String>,
    next_page_url: Option<String>,
    #[serde(rename = "nextToken")]
    next_token_camel: Option<String>,
    next_token: Option<String>,
}

/// Reads a page: first in one pass (the records decoded straight from the body, which is all it
/// takes when the page has one array and it is the one `meta.key` names), else field by field,
/// which handles every other shape and names the JSON path of whatever does not decode.
fn parse_page<R: DeserializeOwned>(body: &[u8]) -> Result<Parsed<R>, Error> {
    if let Ok(OnePass {
        fields,
        records: Some((key, items)),
        several_arrays: false,
    }) = serde_json::from_slice::<OnePass<R>>(body)
    {
        let named = fields.meta.as_ref().and_then(|meta| meta.key.as_deref());
        if named.is_none_or(|named| named == key) {
            let next = Next::detect(&fields)
                .map_err(|reason| decode_error::<R>(".".to_owned(), reason))?;
            return Ok(Parsed { items, next });
        }
    }
    parse_page_by_field(body)
}

/// The slow, thorough reading: the top-level object borrowed as raw JSON, then each part decoded
/// on its own with its JSON path.
fn parse_page_by_field<R: DeserializeOwned>(body: &[u8]) -> Result<Parsed<R>, Error> {
    let raw = top_level::<R>(body)?;
    let get = |name: &str| {
        raw.iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| *value)
    };
    let mut fields = PageFields::default();
    if let Some(value) = get("meta") {
        fields.meta = decode_at::<Option<Meta>, R>(value, "meta")?;
    }
    if let Some(value) = get("next_page_uri") {
        fields.next_page_uri = decode_at::<Option<String>, R>(value, "next_page_uri")?;
    }
    if let Some(value) = get("has_next") {
        fields.has_next = decode_at::<Option<bool>, R>(value, "has_next")?;
    }
    if let Some(value) = get("current_page") {
        fields.current_page = decode_at::<Option<u64>, R>(value, "current_page")?;
    }
    let named = fields.meta.as_ref().and_then(|meta| meta.key.clone());
    let key: Cow<'_, str> = match named {
        Some(key) => {
            if get(&key).is_none() {
                return Err(decode_error::<R>(
                    "meta.key".to_owned(),
                    format!(
                        "names the records' field `{key}`, which the page does not have (fields: {})",
                        field_names(&raw)
                    ),
                ));
            }
            Cow::Owned(key)
        }
        None => Cow::Borrowed(records_key::<R>(&raw)?),
    };
    let items = match get(&key) {
        Some(value) => decode_at::<Vec<R>, R>(value, &key)?,
        None => Vec::new(),
    };
    let next = Next::detect(&fields).map_err(|reason| decode_error::<R>(".".to_owned(), reason))?;
    Ok(Parsed { items, next })
}

/// Without `meta.key`: the one array-valued top-level field (2010 and unpaginated lists); of
/// several, SCIM's `Resources`.
fn records_key<'a, R>(raw: &'a [(Cow<'a, str>, &'a RawValue)]) -> Result<&'a str, Error> {
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
        [] => Err(decode_error::<R>(
            ".".to_owned(),
            format!(
                "a list page needs an array of records, and this one has no array-valued field (fields: {})",
                field_names(raw)
            ),
        )),
        several if several.contains(&"Resources") => Ok("Resources"),
        several => Err(decode_error::<R>(
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
fn top_level<R>(body: &[u8]) -> Result<Vec<(Cow<'_, str>, &RawValue)>, Error> {
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
        decode_error::<R>(path, message)
    })
}

/// Decodes one part of a page with the runtime's path-reporting decoder; the path it reports is
/// prefixed with where the part sits (`messages` + `[3].date_sent`).
fn decode_at<T: DeserializeOwned, R>(value: &RawValue, at: &str) -> Result<T, Error> {
    crate::decode::decode::<T>(value.get().as_bytes()).map_err(|error| match error {
        Error::Decode { path, message, .. } => {
            let path = if path == "." {
                at.to_owned()
            } else if path.starts_with('[') {
                format!("{at}{path}")
            } else {
                format!("{at}.{path}")
            };
            decode_error::<R>(path, message)
        }
        other => other,
    })
}

fn decode_error<R>(path: String, message: String) -> Error {
    Error::Decode {
        type_name: std::any::type_name::<R>(),
        path,
        message,
    }
}

/// A top-level key, borrowed from the body unless it has escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The top-level object of a page, each value kept as raw JSON.
struct TopLevel<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = TopLevel<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list page (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel<'de>, A::Error> {
                let mut fields = Vec::new();
                while let Some(Key(key)) = map.next_key()? {
                    let value: &'de RawValue = map.next_value()?;
                    fields.push((key, value));
                }
                Ok(TopLevel(fields))
            }
        }
        deserializer.deserialize_map(TopVisitor)
    }
}

/// The one-pass reading: paging fields by name, the first array decoded as the records, any
/// other value skipped; `several_arrays` says the guess may be wrong.
struct OnePass<R> {
    fields: PageFields,
    records: Option<(String, Vec<R>)>,
    several_arrays: bool,
}

impl<'de, R: Deserialize<'de>> Deserialize<'de> for OnePass<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OnePassVisitor<R>(PhantomData<fn() -> R>);
        impl<'de, R: Deserialize<'de>> Visitor<'de> for OnePassVisitor<R> {
            type Value = OnePass<R>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list page (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OnePass<R>, A::Error> {
                let mut page = OnePass {
                    fields: PageFields::default(),
                    records: None,
                    several_arrays: false,
                };
                while let Some(Key(key)) = map.next_key()? {
                    match key.as_ref() {
                        "meta" => page.fields.meta = map.next_value()?,
                        "next_page_uri" => page.fields.next_page_uri = map.next_value()?,
                        "has_next" => page.fields.has_next = map.next_value()?,
                        "current_page" => page.fields.current_page = map.next_value()?,
                        _ if page.records.is_none() => {
                            if let MaybeRecords::Records(items) = map.next_value()? {
                                page.records = Some((key.into_owned(), items));
                            }
                        }
                        _ => {
                            if let MaybeRecords::<IgnoredAny>::Records(_) = map.next_value()? {
                                page.several_arrays = true;
                            }
                        }
                    }
                }
                Ok(page)
            }
        }
        deserializer.deserialize_map(OnePassVisitor(PhantomData))
    }
}

/// A top-level value: an array decoded as records, or anything else skipped.
enum MaybeRecords<R> {
    Records(Vec<R>),
    Other,
}

impl<'de, R: Deserialize<'de>> Deserialize<'de> for MaybeRecords<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MaybeVisitor<R>(PhantomData<fn() -> R>);
        impl<'de, R: Deserialize<'de>> Visitor<'de> for MaybeVisitor<R> {
            type Value = MaybeRecords<R>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(MaybeRecords::Records(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(MaybeRecords::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
        }
        deserializer.deserialize_any(MaybeVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use std::task::Waker;

    use serde_json::{Value, json};

    use super::*;
    use crate::{BodyFormat, PathTemplate, Protocol, Segment, UpdateMethod};

    /// A 2010 message, as the records of `Messages.json` pages.
    #[derive(Debug, Deserialize, PartialEq)]
    struct Message {
        sid: String,
        date_sent: Option<String>,
    }

    impl Resource for Message {
        const BASE_URL: &'static str = "https://api.twilio.com";
        const PATH: PathTemplate = PathTemplate::new(
            "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
            &[Segment::Literal("/2010-04-01/Accounts/AC1/Messages.json")],
        );
        const PROTOCOL: Protocol =
            Protocol::new(BodyFormat::Form, UpdateMethod::Post, "PageSize", false);
    }

    /// A v2 participant (the default protocol: `pageSize`).
    #[derive(Debug, Deserialize, PartialEq)]
    struct Participant {
        id: String,
    }

    impl Resource for Participant {
        const BASE_URL: &'static str = "https://conversations.twilio.com";
        const PATH: PathTemplate = PathTemplate::new("/v2/P/<Sid>", &[Segment::Literal("/v2/P")]);
    }

    const ACCOUNT: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// Twilio's own 2010 example (`readFullPage1` of List Messages), records trimmed.
    fn page_2010() -> Value {
        json!({
            "end": 1,
            "first_page_uri": format!("{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=0"),
            "next_page_uri": format!("{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=1&PageToken=PAMMc26223853f8c46b4ab7dfaa6abba0a26"),
            "page": 0,
            "page_size": 2,
            "previous_page_uri": null,
            "messages": [
                {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "body": "testing", "date_sent": "Fri, 24 May 2019 17:44:50 +0000", "num_media": "0", "sid": "SMded05904ccb347238880ca9264e8fe1c", "subresource_uris": {"media": "/x/Media.json"}},
                {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "body": "look mom I have media!", "date_sent": "Fri, 24 May 2019 17:44:49 +0000", "error_code": 30004, "sid": "MMc26223853f8c46b4ab7dfaa6abba0a26", "subresource_uris": {"media": "/y/Media.json"}}
            ],
            "start": 0,
            "uri": format!("{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=0")
        })
    }

    /// Twilio's v1 example (Conversations v1 List Participants), with a next page.
    fn page_v1(next: Option<&str>) -> Value {
        json!({
            "meta": {
                "page": 0,
                "page_size": 50,
                "first_page_url": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=0",
                "previous_page_url": null,
                "url": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=0",
                "next_page_url": next,
                "key": "participants"
            },
            "participants": [
                {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "sid": "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "identity": null, "attributes": "{ \"role\": \"driver\" }", "messaging_binding": {"type": "sms", "address": "+15558675310"}, "date_created": "2016-03-24T21:05:50Z"}
            ]
        })
    }

    /// The v2 token dialect (Conversations v2 List Participants).
    fn page_token(next: Option<&str>) -> Value {
        json!({
            "participants": [
                {"id": "conv_participant_00000000000000000000000001", "conversationId": "conv_conversation_00000000000000000000000001", "name": "Dana", "addresses": [{"channel": "SMS", "address": "+18005550100"}]},
                {"id": "conv_participant_00000000000000000000000002", "conversationId": "conv_conversation_00000000000000000000000001", "name": null, "addresses": []}
            ],
            "meta": {"key": "participants", "pageSize": 2, "previousToken": null, "nextToken": next}
        })
    }

    fn parse(page: &Value) -> Parsed<Value> {
        let body = serde_json::to_vec(page).unwrap();
        let fast = parse_page::<Value>(&body).unwrap();
        // The thorough reading agrees with the one-pass reading on every shape that has both.
        let thorough = parse_page_by_field::<Value>(&body).unwrap();
        assert_eq!(fast.items, thorough.items);
        assert_eq!(fast.next, thorough.next);
        fast
    }

    fn decode_failure<R: DeserializeOwned + fmt::Debug>(page: &Value) -> (String, String) {
        let body = serde_json::to_vec(page).unwrap();
        match parse_page::<R>(&body) {
            Err(Error::Decode {
                path,
                message,
                type_name,
            }) => {
                assert_eq!(type_name, std::any::type_name::<R>());
                (path, message)
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

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
        let mut broken = page_object;
        broken.as_object_mut().unwrap().remove("current_page");
        let (path, message) = decode_failure::<Value>(&broken);
        assert_eq!(path, ".");
        assert!(message.contains("current_page"), "{message}");
    }

    #[test]
    fn the_records_come_from_meta_key_else_the_one_array() {
        // `meta.key` wins even when it is not the path's last segment and another array exists.
        let page = json!({
            "meta": {"key": "usage_records", "next_page_url": null},
            "links": ["a", "b"],
            "usage_records": [{"n": 1}, {"n": 2}]
        });
        let parsed = parse_page::<Value>(&serde_json::to_vec(&page).unwrap()).unwrap();
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
        let parsed = parse_page::<Value>(&serde_json::to_vec(&page).unwrap()).unwrap();
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

        match parse_page::<Value>(b" ") {
            Err(Error::Decode { message, .. }) => assert_eq!(message, "the body is empty"),
            other => panic!("{other:?}"),
        }
        match parse_page::<Value>(br#"{"messages": []} trailing"#) {
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
        ] {
            assert!(link_path_and_query(bad).is_err(), "{bad:?}");
        }
        assert!(link_path_and_query("https://x.example//evil.example/y").is_err());
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
        assert_eq!(
            with_parameter("/a?Page=1&DateSent%3E=2024-01-01&Page=3", "Page", "4"),
            "/a?DateSent%3E=2024-01-01&Page=4"
        );
        assert_eq!(with_parameter("/a", "Token", "a b&c"), "/a?Token=a+b%26c");
    }

    fn client() -> Client {
        Client::new("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token")
    }

    fn first_request<R: Resource + Send + 'static>(list: List<R>) -> Result<Option<String>, Error> {
        list.pages().first_request()
    }

    fn invalid(result: Result<Option<String>, Error>) -> (&'static str, String) {
        match result {
            Err(Error::InvalidArgument { parameter, reason }) => (parameter, reason),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }

    #[test]
    fn the_first_request_carries_the_filter_and_the_page_size() {
        #[derive(Serialize)]
        struct MessageFilter {
            #[serde(rename = "To")]
            to: Option<&'static str>,
            #[serde(rename = "DateSent>")]
            after: Option<&'static str>,
            #[serde(rename = "Status")]
            status: Vec<&'static str>,
        }
        let filter = MessageFilter {
            to: None,
            after: Some("2024-01-01"),
            status: vec!["sent", "delivered"],
        };
        let path = "/2010-04-01/Accounts/AC1/Messages.json";
        let list = List::<Message>::new(&client(), path.to_owned()).filter(&filter);
        assert_eq!(
            first_request(list.page_size(20)).unwrap().unwrap(),
            format!("{path}?DateSent%3E=2024-01-01&Status=sent&Status=delivered&PageSize=20")
        );
        // Without a page size or limit, Twilio's default: nothing added.
        let list = List::<Message>::new(&client(), path.to_owned());
        assert_eq!(first_request(list).unwrap().unwrap(), path);
        // The v2 name, and the limit as the page size when it fits one page.
        let list = List::<Participant>::new(&client(), "/v2/P".to_owned()).limit(7);
        assert_eq!(first_request(list).unwrap().unwrap(), "/v2/P?pageSize=7");
        let list = List::<Participant>::new(&client(), "/v2/P".to_owned()).limit(u64::MAX);
        assert_eq!(first_request(list).unwrap().unwrap(), "/v2/P?pageSize=1000");
        // An explicit page size wins over the limit's.
        let list = List::<Participant>::new(&client(), "/v2/P".to_owned())
            .limit(3)
            .page_size(50);
        assert_eq!(first_request(list).unwrap().unwrap(), "/v2/P?pageSize=50");
        // `limit(0)` sends nothing.
        let list = List::<Participant>::new(&client(), "/v2/P".to_owned()).limit(0);
        assert_eq!(first_request(list).unwrap(), None);
    }

    #[test]
    fn bad_page_sizes_filters_and_cursors_are_refused_before_sending() {
        for size in [0, 1001, u32::MAX] {
            let list = List::<Participant>::new(&client(), "/v2/P".to_owned()).page_size(size);
            let (parameter, reason) = invalid(first_request(list));
            assert_eq!(parameter, "page_size");
            assert!(reason.contains(&size.to_string()), "{reason}");
        }
        let list = List::<Participant>::new(&client(), "/v2/P".to_owned()).page_size(1000);
        assert!(first_request(list).is_ok());

        let list = List::<Participant>::new(&client(), "/v2/P".to_owned()).filter(&"not a map");
        assert_eq!(invalid(first_request(list)).0, "filter");

        let refused = Error::InvalidArgument {
            parameter: "conversation_sid",
            reason: "empty".to_owned(),
        };
        let list = List::<Participant>::failed(&client(), refused);
        assert_eq!(invalid(first_request(list)).0, "conversation_sid");
    }

    /// Polls once without a runtime: an error known before sending needs no request.
    fn poll_once<S: Stream + Unpin>(stream: &mut S) -> Poll<Option<S::Item>> {
        Pin::new(stream).poll_next(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn a_refused_argument_is_the_only_item() {
        let mut list =
            List::<Participant>::new(&client(), "/v2/P".to_owned()).filter(&[("a", [1, 2])]);
        assert!(matches!(
            poll_once(&mut list),
            Poll::Ready(Some(Err(Error::InvalidArgument {
                parameter: "filter",
                ..
            })))
        ));
        assert!(matches!(poll_once(&mut list), Poll::Ready(None)));
        assert!(list.is_terminated());

        let cursor = Cursor {
            next: "//evil.example/v2/P".to_owned(),
            first: "/v2/P".to_owned(),
            remaining: None,
        };
        let mut list = List::<Participant>::resume(&client(), cursor);
        assert!(matches!(
            poll_once(&mut list),
            Poll::Ready(Some(Err(Error::InvalidArgument {
                parameter: "cursor",
                ..
            })))
        ));
        assert!(matches!(poll_once(&mut list), Poll::Ready(None)));
    }

    /// Feeds a page to a listing that has made its first request, as the stream would.
    fn pages_after_first<R: Resource + Send + 'static>(list: List<R>) -> Pages<R> {
        let mut pages = list.pages();
        let first = pages.first_request().unwrap().unwrap();
        pages.requested.insert(fingerprint(&first));
        // As `poll_next` leaves it while a page is read.
        pages.stage = Stage::Done;
        pages
    }

    fn read(pages: &mut Pages<Participant>, page: &Value) -> Result<Page<Participant>, Error> {
        pages.read_page(&serde_json::to_vec(page).unwrap())
    }

    #[test]
    fn the_limit_cuts_the_page_and_ends_the_listing() {
        // Limit inside the first page: two of three records, no next page.
        let mut pages = pages_after_first(
            List::<Participant>::new(&client(), "/v2/P".to_owned())
                .limit(1)
                .page_size(2),
        );
        let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.next_cursor(), None);
        assert!(pages.is_terminated());

        // Limit at the end of a page: no request for the next one.
        let mut pages =
            pages_after_first(List::<Participant>::new(&client(), "/v2/P".to_owned()).limit(2));
        let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
        assert_eq!(page.items.len(), 2);
        assert_eq!(page.next_cursor(), None);

        // Limit beyond the page: the cursor carries what remains.
        let mut pages =
            pages_after_first(List::<Participant>::new(&client(), "/v2/P".to_owned()).limit(5));
        let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
        let cursor = page.next_cursor().unwrap();
        assert_eq!(cursor.remaining(), Some(3));
        assert_eq!(cursor.path_and_query(), "/v2/P?pageSize=5&pageToken=t2");
        assert!(
            matches!(&pages.stage, Stage::Next(next) if next == "/v2/P?pageSize=5&pageToken=t2")
        );

        // The largest limit neither overflows nor ends early.
        let mut pages = pages_after_first(
            List::<Participant>::new(&client(), "/v2/P".to_owned()).limit(u64::MAX),
        );
        let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
        assert_eq!(page.items.len(), 2);
        assert_eq!(page.next_cursor().unwrap().remaining(), Some(u64::MAX - 2));
        let page = read(&mut pages, &page_token(Some("t3"))).unwrap();
        assert_eq!(page.next_cursor().unwrap().remaining(), Some(u64::MAX - 4));
    }

    #[test]
    fn an_empty_page_goes_on_and_a_repeated_link_ends_with_an_error() {
        let mut pages = pages_after_first(List::<Participant>::new(&client(), "/v2/P".to_owned()));
        let empty = json!({"participants": [], "meta": {"key": "participants", "nextToken": "t2"}});
        let page = read(&mut pages, &empty).unwrap();
        assert!(page.items.is_empty());
        let next = page.next_cursor().unwrap().path_and_query().to_owned();
        assert_eq!(next, "/v2/P?pageToken=t2");
        // The stream would request it now.
        pages.requested.insert(fingerprint(&next));
        // A server that hands out the same token again is stopped, not followed forever.
        let error = read(&mut pages, &empty).unwrap_err();
        match &error {
            Error::Decode { path, message, .. } => {
                assert_eq!(path, "meta.nextToken");
                assert!(message.contains("already requested"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(error.to_string().contains("/v2/P?pageToken=t2"), "{error}");

        // A link back to the first page, likewise.
        let mut pages = pages_after_first(List::<Message>::new(
            &client(),
            "/2010-04-01/Accounts/AC1/Messages.json".to_owned(),
        ));
        let back =
            json!({"messages": [], "next_page_uri": "/2010-04-01/Accounts/AC1/Messages.json"});
        let body = serde_json::to_vec(&back).unwrap();
        assert!(pages.read_page(&body).is_err());

        // And a link off the origin is an error, never a request.
        let mut pages = pages_after_first(List::<Message>::new(&client(), "/m".to_owned()));
        let away = json!({"messages": [], "next_page_uri": "//evil.example/steal"});
        match pages.read_page(&serde_json::to_vec(&away).unwrap()) {
            Err(Error::Decode { path, .. }) => assert_eq!(path, "next_page_uri"),
            other => panic!("{other:?}"),
        }
        assert!(pages.is_terminated());
    }

    #[test]
    fn a_cursor_round_trips_through_json_and_resumes() {
        let cursor = Cursor {
            next: "/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc".to_owned(),
            first: "/v2/Conversations/c1/Participants?pageSize=2".to_owned(),
            remaining: Some(8),
        };
        let text = serde_json::to_string(&cursor).unwrap();
        assert_eq!(
            text,
            r#"{"next":"/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc","first":"/v2/Conversations/c1/Participants?pageSize=2","remaining":8}"#
        );
        assert_eq!(serde_json::from_str::<Cursor>(&text).unwrap(), cursor);
        let unlimited = Cursor {
            remaining: None,
            ..cursor.clone()
        };
        let text = serde_json::to_string(&unlimited).unwrap();
        assert!(!text.contains("remaining"), "{text}");
        assert_eq!(serde_json::from_str::<Cursor>(&text).unwrap(), unlimited);

        // Resuming takes up the token dialect where it stopped, with the first query.
        let list = List::<Participant>::resume(&client(), cursor);
        assert_eq!(list.size_hint(), (0, Some(8)));
        let mut pages = list.pages();
        assert!(matches!(&pages.stage, Stage::Next(next) if next.ends_with("pageToken=abc")));
        pages.requested.insert(fingerprint(
            "/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc",
        ));
        let page = read(&mut pages, &page_token(Some("def"))).unwrap();
        assert_eq!(
            page.next_cursor().unwrap(),
            &Cursor {
                next: "/v2/Conversations/c1/Participants?pageSize=2&pageToken=def".to_owned(),
                first: "/v2/Conversations/c1/Participants?pageSize=2".to_owned(),
                remaining: Some(6),
            }
        );
    }

    #[test]
    fn lists_are_send_unpin_static_and_debug_shows_no_secret() {
        fn assert_traits<T: Send + Unpin + 'static + fmt::Debug>() {}
        assert_traits::<List<Participant>>();
        assert_traits::<Pages<Participant>>();
        assert_traits::<Cursor>();
        let list = List::<Participant>::new(&client(), "/v2/P".to_owned());
        let shown = format!("{list:?}");
        assert!(shown.contains("not started"), "{shown}");
        assert!(!shown.contains("token"), "{shown}");
    }
}
