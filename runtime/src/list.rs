//! [`List`] streams a collection's records and [`Pages`] its pages, one page in memory at a time.
//!
//! The parts: `page` reads a page's body (records and paging fields, `top_level` walks its JSON),
//! `dialect` finds the next page in Twilio's three paging dialects, `link` checks the paths and
//! queries requested, `cursor` is the resumable position. Everything but decoding the records is
//! [`Paging`], compiled once for every resource type.

mod cursor;
mod dialect;
#[cfg(test)]
mod fixtures;
mod link;
mod page;
mod top_level;

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use futures_core::{FusedStream, Stream};
use serde::Serialize;

pub use self::cursor::Cursor;
use self::dialect::{Next, next_request};
use self::link::form_pair;
pub use self::page::Page;
use self::page::parse_answer;
use crate::body::{append_query, query};
use crate::client::Client;
use crate::decode::Answer;
use crate::error::Error;
use crate::resource::{Descriptor, Resource};
use crate::settings::Settings;
use crate::transport::Call;

/// Twilio's largest page.
const MAX_PAGE_SIZE: u32 = 1000;

type PageFuture = Pin<Box<dyn Future<Output = Result<Answer, Error>> + Send>>;

/// Every record of a Twilio list, as a lazy [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html) of `Result<R, Error>`.
///
/// Nothing is sent until the stream is first polled; pages are then fetched one at a time, each
/// only once the previous one has been handed out, so a listing holds at most one page whatever
/// the total: each page is read whole (within the client's size cap) and decoded in one pass, and
/// its bytes are freed before the next page is requested. The stream ends after the last page,
/// after [`limit`](Self::limit) records, or after its first error (a failed page request is
/// retried by the client first, like any `GET`; a page with a record that does not decode is the
/// error in place of its records).
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
    /// The current page's records not yet handed out.
    unread: std::vec::IntoIter<R>,
}

/// The pages of a Twilio list, as a lazy [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html) of
/// `Result<Page<R>, Error>`; from
/// [`List::pages`].
///
/// Each item is one response, records and cursor together, with its status and headers. A page
/// may be empty and still have a next page (Twilio sends such pages when filtering): the stream
/// goes on until a page has no next link, or the limit is reached, or an error occurs.
pub struct Pages<R> {
    paging: Paging,
    resource: PhantomData<fn() -> R>,
}

/// A listing's state and requests: everything but decoding the records, so it is compiled once.
struct Paging {
    client: Client,
    resource: Descriptor,
    stage: Stage,
    /// The path and query of the listing's first request: the base a token is resent with.
    first: String,
    /// Records still wanted under a limit; `None` for all of them.
    remaining: Option<u64>,
    /// Set by [`List::page_size`]; sent with the first request only.
    page_size: Option<u32>,
    /// Headers and timeout for every page request; a refused setting or argument is the stream's
    /// only item.
    settings: Settings,
    /// Hashes of the last paths and queries requested, to stop at a link seen before.
    requested: RecentLinks,
    /// Set at the first poll: from then on the builder methods change nothing.
    polled: bool,
    span: tracing::Span,
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

impl<R: Resource> List<R> {
    /// A listing of the collection at `path` (no request yet); a path that could not be built is
    /// the stream's only item, and nothing is sent.
    pub(crate) fn new(client: &Client, path: Result<String, Error>) -> Self {
        let mut settings = Settings::default();
        let first = path.unwrap_or_else(|error| {
            settings.refused = Some(error);
            String::new()
        });
        let paging = Paging::new(client, Descriptor::of::<R>(), Stage::Fresh, first, settings);
        Self::from_pages(Pages {
            paging,
            resource: PhantomData,
        })
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
        let settings = Settings {
            refused: cursor.refusal(),
            ..Settings::default()
        };
        let Cursor {
            next,
            first,
            remaining,
        } = cursor;
        let mut paging = Paging::new(
            client,
            Descriptor::of::<R>(),
            Stage::Next(next),
            first,
            settings,
        );
        paging.remaining = remaining;
        Self::from_pages(Pages {
            paging,
            resource: PhantomData,
        })
    }
}

impl<R> List<R> {
    fn from_pages(pages: Pages<R>) -> Self {
        List {
            pages,
            unread: Vec::new().into_iter(),
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
        let paging = &mut self.pages.paging;
        if matches!(paging.stage, Stage::Fresh) && paging.settings.refused.is_none() {
            match query("filter", filter) {
                Ok(pairs) => append_query(&mut paging.first, &pairs),
                Err(error) => paging.settings.refused = Some(error),
            }
        }
        self
    }

    /// How many records each page holds (1 to 1,000), sent with the first request as the
    /// resource's page-size parameter (`PageSize` or `pageSize`); later pages keep it through
    /// Twilio's next-page links (token-paged APIs: the first request's query, repeated with each
    /// token). Without it Twilio's default applies (usually 50), or, with a
    /// [`limit`](Self::limit), the smaller of the limit and 1,000.
    ///
    /// A size of 0 or above 1,000, or any size on a list that takes none (declared with
    /// `page_size = false`), makes the stream's first item an [`Error::InvalidArgument`] for
    /// `page_size`, and nothing is sent. No effect once the list has been polled, nor on a
    /// [resumed](Self::resume) list.
    pub fn page_size(mut self, size: u32) -> Self {
        if matches!(self.pages.paging.stage, Stage::Fresh) {
            self.pages.paging.page_size = Some(size);
        }
        self
    }

    /// Stops after `limit` records, and never requests a page beyond them (a page that holds
    /// the last wanted record is the last page requested). `limit(0)` sends nothing. On a
    /// [resumed](Self::resume) list it replaces the cursor's remaining limit; no effect once the
    /// list has been polled.
    pub fn limit(mut self, limit: u64) -> Self {
        if !self.pages.paging.polled {
            self.pages.paging.remaining = Some(limit);
        }
        self
    }

    /// Sends `name: value` with every page request, replacing the client's header of that name,
    /// as [`Request::header`](crate::Request::header) does for one call. No effect once the list
    /// has been polled.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        if !self.pages.paging.polled {
            self.pages
                .paging
                .settings
                .header(name.as_ref(), value.as_ref());
        }
        self
    }

    /// The deadline of each page request instead of the client's timeout. No effect once the list
    /// has been polled.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        if !self.pages.paging.polled {
            self.pages.paging.settings.timeout = Some(timeout);
        }
        self
    }

    /// The listing as a stream of whole pages, each with its [`Cursor`], status and headers. Call
    /// it before reading records: the unread records of a page in progress are not repeated.
    pub fn pages(self) -> Pages<R> {
        self.pages
    }
}

impl<R: Resource> List<R> {
    /// The next record, `Ok(None)` at the end: the way to read a list without a `Stream`
    /// combinator crate (it behaves like `futures::TryStreamExt::try_next`).
    ///
    /// ```no_run
    /// use twilio_resource::{Error, List, Resource};
    ///
    /// # #[allow(dead_code)]
    /// async fn print_all<R>(mut list: List<R>) -> Result<(), Error>
    /// where
    ///     R: Resource + std::fmt::Debug,
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
    /// [`Error::Transport`], …), a page that did not decode ([`Error::Decode`], naming the JSON
    /// path, e.g. `messages[3].date_sent`) or a next page that cannot be requested
    /// ([`Error::Paging`]). The calls after an error return `Ok(None)`.
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
    pub async fn collect_all(mut self) -> Result<Vec<R>, Error> {
        let mut all = Vec::with_capacity(self.unread.len());
        while let Some(record) = self.try_next().await? {
            all.push(record);
        }
        Ok(all)
    }
}

impl<R: Resource> Pages<R> {
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
}

impl Paging {
    fn new(
        client: &Client,
        resource: Descriptor,
        stage: Stage,
        first: String,
        settings: Settings,
    ) -> Self {
        let span = list_span(resource.type_name, &first);
        Paging {
            client: client.clone(),
            resource,
            stage,
            first,
            remaining: None,
            page_size: None,
            settings,
            requested: RecentLinks::default(),
            polled: false,
            span,
        }
    }

    /// Builds the first request of a fresh listing; `None` when nothing is to be sent.
    fn first_request(&mut self) -> Result<Option<String>, Error> {
        if self.remaining == Some(0) {
            return Ok(None);
        }
        let parameter = self.resource.protocol.page_size_parameter();
        let size = match (self.page_size, self.remaining) {
            (Some(size), _) if parameter.is_none() => {
                return Err(Error::InvalidArgument {
                    parameter: "page_size",
                    reason: format!("this list takes no page size (Twilio sets it), got {size}"),
                });
            }
            (Some(size), _) if size == 0 || size > MAX_PAGE_SIZE => {
                return Err(Error::InvalidArgument {
                    parameter: "page_size",
                    reason: format!(
                        "must be from 1 to {MAX_PAGE_SIZE} (Twilio's largest page), got {size}"
                    ),
                });
            }
            (Some(size), _) => Some(size),
            (None, Some(limit)) => {
                Some(u32::try_from(limit.min(u64::from(MAX_PAGE_SIZE))).unwrap_or(MAX_PAGE_SIZE))
            }
            (None, None) => None,
        };
        if let (Some(size), Some(parameter)) = (size, parameter) {
            append_query(&mut self.first, &form_pair(parameter, &size.to_string()));
        }
        Ok(Some(self.first.clone()))
    }

    /// Starts the request for a page: the client's rules for any `GET`, the listing's headers
    /// and timeout.
    fn send(&mut self, path_and_query: String) -> Result<PageFuture, Error> {
        self.requested.insert(fingerprint(&path_and_query));
        // `target` writes `{origin}{path}` with a path that starts with `/`: whatever link the
        // server wrote, the authority (and so the credentials' destination) is the client's own.
        let mut call = Call::get(
            self.client
                .target(self.resource.base_url, &path_and_query)?,
        );
        call.headers = self.settings.headers.clone();
        call.timeout = self.settings.timeout;
        let client = self.client.clone();
        let span = self.span.clone();
        Ok(Box::pin(async move {
            client.inner.transport.send(call, &span).await
        }))
    }

    /// The next page's answer, `None` when the listing is over.
    fn poll_answer(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Answer, Error>>> {
        self.polled = true;
        let span = self.span.clone();
        let _entered = span.enter();
        loop {
            match std::mem::replace(&mut self.stage, Stage::Done) {
                Stage::Fresh | Stage::Next(_) if self.settings.refused.is_some() => {
                    return Poll::Ready(self.settings.refused.take().map(Err));
                }
                Stage::Fresh => match self.first_request() {
                    Ok(Some(request)) => self.stage = Stage::Next(request),
                    Ok(None) => return Poll::Ready(None),
                    Err(error) => return Poll::Ready(Some(Err(error))),
                },
                Stage::Next(_) if self.remaining == Some(0) => return Poll::Ready(None),
                Stage::Next(request) => match self.send(request) {
                    Ok(future) => self.stage = Stage::Waiting(future),
                    Err(error) => return Poll::Ready(Some(Err(error))),
                },
                Stage::Waiting(mut future) => {
                    let Poll::Ready(result) = future.as_mut().poll(cx) else {
                        self.stage = Stage::Waiting(future);
                        return Poll::Pending;
                    };
                    return Poll::Ready(Some(result));
                }
                Stage::Done => return Poll::Ready(None),
            }
        }
    }

    /// Takes a read page of `len` records: how many of them to keep under the limit, and where
    /// the listing goes on (also the next stage).
    fn end_page(&mut self, len: usize, next: Next) -> Result<(usize, Option<Cursor>), Error> {
        let mut keep = len;
        if let Some(remaining) = &mut self.remaining {
            keep = keep.min(usize::try_from(*remaining).unwrap_or(usize::MAX));
            *remaining = remaining.saturating_sub(u64::try_from(keep).unwrap_or(u64::MAX));
        }
        let next = if self.remaining == Some(0) {
            None
        } else {
            let paging_error = |reason| Error::Paging {
                type_name: self.resource.type_name,
                field: next.field(),
                reason,
            };
            let request = next_request(&self.first, &next).map_err(paging_error)?;
            if let Some(request) = &request
                && self.requested.contains(&fingerprint(request))
            {
                return Err(paging_error(format!(
                    "the next page is {request:?} again, which was already requested; stopping rather than looping"
                )));
            }
            request
        };
        tracing::debug!(items = keep, has_next = next.is_some(), "page");
        let cursor = next.map(|next| Cursor {
            next,
            first: self.first.clone(),
            remaining: self.remaining,
        });
        self.stage = match &cursor {
            Some(cursor) => Stage::Next(cursor.next.clone()),
            None => Stage::Done,
        };
        Ok((keep, cursor))
    }

    fn stop(&mut self) {
        self.stage = Stage::Done;
    }
}

impl<R: Resource> Pages<R> {
    /// The next page read and decoded; the listing stops after an error.
    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Page<R>, Error>>> {
        let page = match ready!(self.paging.poll_answer(cx)) {
            None => return Poll::Ready(None),
            Some(answer) => answer.and_then(|answer| self.take_answer(answer)),
        };
        if page.is_err() {
            self.paging.stop();
        }
        Poll::Ready(Some(page))
    }

    /// Decodes a page's answer and takes it up: records kept under the limit, the next stage.
    fn take_answer(&mut self, answer: Answer) -> Result<Page<R>, Error> {
        let (mut items, next) = parse_answer::<R>(&answer)?;
        let (keep, next) = self.paging.end_page(items.len(), next)?;
        items.truncate(keep);
        Ok(Page::new(items, next, answer))
    }
}

impl<R: Resource> Stream for Pages<R> {
    type Item = Result<Page<R>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

impl<R: Resource> FusedStream for Pages<R> {
    fn is_terminated(&self) -> bool {
        matches!(self.paging.stage, Stage::Done)
    }
}

impl<R: Resource> Stream for List<R> {
    type Item = Result<R, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(record) = this.unread.next() {
                return Poll::Ready(Some(Ok(record)));
            }
            match ready!(this.pages.poll_page(cx)) {
                Some(Ok(page)) => this.unread = page.items.into_iter(),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let buffered = self.unread.len();
        let paging = &self.pages.paging;
        let upper = if matches!(paging.stage, Stage::Done) {
            Some(buffered)
        } else {
            paging
                .remaining
                .and_then(|remaining| usize::try_from(remaining).ok())
                .and_then(|remaining| remaining.checked_add(buffered))
        };
        (buffered, upper)
    }
}

impl<R: Resource> FusedStream for List<R> {
    fn is_terminated(&self) -> bool {
        self.unread.len() == 0 && self.pages.is_terminated()
    }
}

impl<R> Unpin for List<R> {}
impl<R> Unpin for Pages<R> {}

impl Client {
    /// Lists `R` in the collection at `path` (as built by the resource's `collection_path`): a
    /// lazy stream of records, one page in memory at a time. Generated `list` methods do the same.
    pub fn list<R: Resource>(&self, path: &str) -> List<R> {
        List::new(self, Ok(path.to_owned()))
    }
}

impl<R> fmt::Debug for List<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("buffered", &self.unread.len())
            .field("pages", &self.pages)
            .finish()
    }
}

impl<R> fmt::Debug for Pages<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paging = &self.paging;
        let stage = match &paging.stage {
            Stage::Fresh => "not started",
            Stage::Next(_) => "between pages",
            Stage::Waiting(_) => "waiting for a page",
            Stage::Done => "done",
        };
        f.debug_struct("Pages")
            .field("resource", &paging.resource.type_name)
            .field("first", &paging.first)
            .field("stage", &stage)
            .field("remaining", &paging.remaining)
            .field("page_size", &paging.page_size)
            .field("settings", &paging.settings)
            .field("pages_requested", &paging.requested.len())
            .finish()
    }
}

/// [`crate::__fuzz::read_list_page`]: a page's body read as a list page is.
#[cfg(fuzzing)]
pub(crate) fn read_page_for_fuzzing(
    body: &[u8],
) -> Result<(Vec<serde_json::Value>, String), Error> {
    let (items, next) = page::parse_page_decoded(bytes::Bytes::copy_from_slice(body))?;
    Ok((items, format!("{next:?}")))
}

/// The listing's span: the resource and the path, never the query (filter values).
fn list_span(type_name: &'static str, path_and_query: &str) -> tracing::Span {
    let path = path_and_query
        .split_once('?')
        .map_or(path_and_query, |(path, _)| path);
    tracing::debug_span!("twilio_list", resource = type_name, path = path)
}

#[derive(Debug, Default)]
struct RecentLinks {
    recent: VecDeque<u64>,
    count: u64,
}

impl RecentLinks {
    /// Far longer than any loop a server could plausibly send; 512 bytes.
    const WINDOW: usize = 64;

    fn insert(&mut self, fingerprint: u64) {
        if self.recent.len() == Self::WINDOW {
            self.recent.pop_front();
        }
        self.recent.push_back(fingerprint);
        self.count = self.count.saturating_add(1);
    }

    fn contains(&self, fingerprint: &u64) -> bool {
        self.recent.contains(fingerprint)
    }

    /// Pages requested in all.
    fn len(&self) -> u64 {
        self.count
    }
}

fn fingerprint(path_and_query: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    path_and_query.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests;
