//! [`List`] streams a collection's records and [`Pages`] its pages, one page in memory at a time.
//!
//! The parts: `page` reads a page's body (records and paging fields, `top_level` walks its JSON),
//! `dialect` finds the next page in Twilio's three paging dialects, `link` checks the paths and
//! queries requested, `cursor` is the resumable position.

mod cursor;
mod dialect;
#[cfg(test)]
mod fixtures;
mod link;
mod page;
mod streamed;
mod top_level;

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures_core::{FusedStream, Stream};
use serde::Serialize;

pub use self::cursor::Cursor;
use self::dialect::Next;
use self::dialect::next_request;
use self::link::{append_query, form_pair};
pub use self::page::Page;
use self::page::{
    DECODE_AT_ONCE_MAX_BYTES, RawPage, Records, decode_error, parse_answer, parse_page_decoded,
};
use self::streamed::{Step, StreamedPage};
use crate::decode::Answer;
use crate::{Client, Error, Resource, body};

/// Twilio's largest page.
const MAX_PAGE_SIZE: u32 = 1000;

type PageFuture = Pin<Box<dyn Future<Output = Result<Answer, Error>> + Send>>;

/// Every record of a Twilio list, as a lazy [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html) of `Result<R, Error>`.
///
/// Nothing is sent until the stream is first polled; pages are then fetched one at a time, each
/// only once the previous one has been read, so memory holds at most one page whatever the total:
/// a page of up to 256 KiB is read whole and decoded at once; a larger one is read as it arrives
/// (one of unannounced length once its first 256 KiB are in), each record decoded and handed out
/// as soon as its last byte is in, so not even that page is held. The stream ends after the last page, after
/// [`limit`](Self::limit) records (the rest of a page being read is not), or after its first error
/// (a failed request is retried by the client first, like any `GET`; a record that does not decode
/// is the error in place of its page, or, in a page read as it arrives, after the records before
/// it). A page read as it arrives is not retried once its body has begun: a connection lost in its
/// middle ends the stream with the error, and the time spent waiting for its bytes, in all, is
/// bounded by the client's timeout (the time the caller spends on its records is not counted).
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
    unread: Unread<R>,
}

/// A page as read and the cursor to the next page.
type ReadPage<R> = (Records<R>, Option<Cursor>);

/// A page being handed out record by record: decoded already, decoded from its body as each is
/// handed out (`next` is the index of the next record to decode), or read as it arrives.
enum Unread<R> {
    Decoded(std::vec::IntoIter<R>),
    Raw { page: RawPage, next: usize },
    Arriving(Box<StreamedPage>),
}

impl<R> Unread<R> {
    /// The records known to be left (none known of a page still arriving).
    fn len(&self) -> usize {
        match self {
            Unread::Decoded(items) => items.len(),
            Unread::Raw { page, next } => page.records.len().saturating_sub(*next),
            Unread::Arriving(_) => 0,
        }
    }
}

impl<R: Resource> Unread<R> {
    fn new(records: Records<R>) -> Self {
        match records {
            Records::Decoded(items) => Unread::Decoded(items.into_iter()),
            Records::Raw(page) => Unread::Raw { page, next: 0 },
            Records::Arriving(page) => Unread::Arriving(page),
        }
    }

    fn empty() -> Self {
        Unread::Decoded(Vec::new().into_iter())
    }

    /// The next record, or where a page read as it arrives says the listing goes on; `None`
    /// when the page has been read.
    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Step<R>, Error>>> {
        Poll::Ready(match self {
            Unread::Decoded(items) => items.next().map(|record| Ok(Step::Record(record))),
            Unread::Raw { page, next } => {
                let record = page.decode(*next);
                *next += 1;
                record.map(|record| record.map(Step::Record))
            }
            Unread::Arriving(page) => Some(ready!(page.poll_step(cx))),
        })
    }
}

/// The pages of a Twilio list, as a lazy [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html) of
/// `Result<Page<R>, Error>`; from
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
    /// Hashes of the last paths and queries requested, to stop at a link seen before.
    requested: RecentLinks,
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
    /// A page is being read as it arrives: its end says where the listing goes on.
    Arriving,
    /// Over: the last page was read, the limit reached, or an error reported.
    Done,
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
            requested: RecentLinks::default(),
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
        let refused = cursor.refusal();
        let Cursor {
            next,
            first,
            remaining,
        } = cursor;
        let span = list_span::<R>(&next);
        Self::from_pages(Pages {
            client: client.clone(),
            stage: Stage::Next(next),
            first,
            remaining,
            page_size: None,
            refused,
            requested: RecentLinks::default(),
            polled: false,
            span,
            resource: PhantomData,
        })
    }

    fn from_pages(pages: Pages<R>) -> Self {
        List {
            pages,
            unread: Unread::empty(),
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
    /// records: the unread records of a page in progress are not repeated. A large page still
    /// arriving has no cursor yet to go on from, so `pages()` called in its middle gives an
    /// [`Error::InvalidArgument`] as its only item rather than a listing that looks complete.
    pub fn pages(self) -> Pages<R> {
        let mut pages = self.pages;
        if matches!(self.unread, Unread::Arriving(_)) {
            pages.refused = Some(Error::InvalidArgument {
                parameter: "pages",
                reason: "called in the middle of a large page read as it arrives, which has no cursor to go on from yet; call pages() before reading records".to_owned(),
            });
            // A stage that checks `refused` before sending.
            pages.stage = Stage::Next(String::new());
        }
        pages
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
    pub async fn collect_all(mut self) -> Result<Vec<R>, Error> {
        let mut all = Vec::with_capacity(self.unread.len());
        while let Some(record) = self.try_next().await? {
            all.push(record);
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
            (None, Some(limit)) => {
                Some(u32::try_from(limit.min(u64::from(MAX_PAGE_SIZE))).unwrap_or(MAX_PAGE_SIZE))
            }
            (None, None) => None,
        };
        if let Some(size) = size {
            let pair = form_pair(R::PROTOCOL.page_size_parameter(), &size.to_string());
            append_query(&mut self.first, &pair);
        }
        Ok(Some(self.first.clone()))
    }

    fn send(&mut self, path_and_query: String, one_by_one: bool) -> PageFuture {
        self.requested.insert(fingerprint(&path_and_query));
        let client = self.client.clone();
        // The request's events belong to the listing's span, which names the resource and the
        // collection's path (never the query, which may hold filter values).
        let span = self.span.clone();
        // Records handed out one by one may be read as they arrive when the page is large.
        let read_whole_max = one_by_one.then_some(DECODE_AT_ONCE_MAX_BYTES);
        Box::pin(async move {
            client
                .get_body::<R>(&path_and_query, &span, read_whole_max)
                .await
        })
    }

    /// Reads one response: its records (cut to the limit) and the cursor to the next page, if
    /// any; sets the next stage. A page left unread is read as it arrives, and its end decides.
    fn read_page(&mut self, mut answer: Answer) -> Result<ReadPage<R>, Error> {
        if let Some(response) = answer.unread.take() {
            let (timeout, max_bytes) = self.client.body_limits();
            self.stage = Stage::Arriving;
            let page = StreamedPage::new(*response, timeout, max_bytes, DECODE_AT_ONCE_MAX_BYTES);
            return Ok((Records::Arriving(Box::new(page)), None));
        }
        let (page, next) = parse_answer::<R>(answer)?;
        self.end_page(page, next)
    }

    /// Records handed out from a page read as it arrives count against the limit; the page
    /// ends the listing when they reach it.
    fn handed_out(&mut self) {
        if let Some(remaining) = &mut self.remaining {
            *remaining = remaining.saturating_sub(1);
            if *remaining == 0 {
                self.stage = Stage::Done;
            }
        }
    }

    /// A page's records (cut to the limit) and where it says the listing goes on: the cursor to
    /// the next page, if any; sets the next stage.
    fn end_page(&mut self, mut page: Records<R>, next: Next) -> Result<ReadPage<R>, Error> {
        if let Some(remaining) = &mut self.remaining {
            let keep = usize::try_from(*remaining).unwrap_or(usize::MAX);
            page.truncate(keep);
            // At most `remaining` records are kept, so this never saturates.
            let kept = u64::try_from(page.len()).unwrap_or(u64::MAX);
            *remaining = remaining.saturating_sub(kept);
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
        tracing::debug!(items = page.len(), has_next = next.is_some(), "page");
        let cursor = next.map(|next| Cursor {
            next,
            first: self.first.clone(),
            remaining: self.remaining,
        });
        self.stage = match &cursor {
            Some(cursor) => Stage::Next(cursor.next.clone()),
            None => Stage::Done,
        };
        Ok((page, cursor))
    }

    /// The next page as read: what both streams are made of. With `one_by_one`, a large page's
    /// records are left in its body to be decoded as they are handed out.
    fn poll_page(
        &mut self,
        cx: &mut Context<'_>,
        one_by_one: bool,
    ) -> Poll<Option<Result<ReadPage<R>, Error>>> {
        self.polled = true;
        let span = self.span.clone();
        let _entered = span.enter();
        loop {
            match std::mem::replace(&mut self.stage, Stage::Done) {
                Stage::Fresh => match self.first_request() {
                    Ok(Some(request)) => self.stage = Stage::Next(request),
                    Ok(None) => return Poll::Ready(None),
                    Err(error) => return Poll::Ready(Some(Err(error))),
                },
                Stage::Next(request) => {
                    if let Some(error) = self.refused.take() {
                        return Poll::Ready(Some(Err(error)));
                    }
                    // A resumed listing whose limit is 0 (or was used up) sends nothing.
                    if self.remaining == Some(0) {
                        return Poll::Ready(None);
                    }
                    self.stage = Stage::Waiting(self.send(request, one_by_one));
                }
                Stage::Waiting(mut future) => {
                    let Poll::Ready(result) = future.as_mut().poll(cx) else {
                        self.stage = Stage::Waiting(future);
                        return Poll::Pending;
                    };
                    // `read_page` sets the next stage; an error leaves `Done`.
                    return Poll::Ready(Some(result.and_then(|answer| self.read_page(answer))));
                }
                // The page arriving is the list's to read; nothing to poll here.
                Stage::Arriving | Stage::Done => return Poll::Ready(None),
            }
        }
    }

    /// Ends the listing after an error found while handing out a page.
    fn stop(&mut self) {
        self.stage = Stage::Done;
    }
}

impl<R: Resource + Send + 'static> Stream for Pages<R> {
    type Item = Result<Page<R>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let Some(read) = ready!(this.poll_page(cx, false)) else {
            return Poll::Ready(None);
        };
        let page = read.and_then(|(records, next)| {
            let items = match records {
                Records::Decoded(items) => items,
                Records::Raw(page) => page.decode_all::<R>()?,
                // Pages ask for whole bodies (`poll_page(_, false)`), so none is left unread.
                Records::Arriving(_) => {
                    return Err(decode_error::<R>(
                        ".".to_owned(),
                        "a page was left unread".to_owned(),
                    ));
                }
            };
            Ok(Page { items, next })
        });
        if page.is_err() {
            this.stop();
        }
        Poll::Ready(Some(page))
    }
}

impl<R: Resource + Send + 'static> FusedStream for Pages<R> {
    fn is_terminated(&self) -> bool {
        matches!(self.stage, Stage::Done)
    }
}

impl<R: Resource + Send + 'static> List<R> {
    /// Takes up a page read as it arrived, once its end is in: its records left to hand out
    /// (cut to the limit) and the next stage, or the error that ends the listing.
    fn take_up(&mut self, ended: Result<(Records<R>, Next), Error>) -> Result<(), Error> {
        match ended.and_then(|(records, next)| self.pages.end_page(records, next)) {
            Ok((records, _)) => {
                self.unread = Unread::new(records);
                Ok(())
            }
            Err(error) => {
                self.unread = Unread::empty();
                self.pages.stop();
                Err(error)
            }
        }
    }
}

impl<R: Resource + Send + 'static> Stream for List<R> {
    type Item = Result<R, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            let step = ready!(this.unread.poll_next(cx));
            let arriving = matches!(this.unread, Unread::Arriving(_));
            match step {
                Some(Ok(Step::Record(record))) => {
                    if arriving {
                        this.pages.handed_out();
                        if matches!(this.pages.stage, Stage::Done) {
                            // The limit is reached: the rest of the page is not read.
                            this.unread = Unread::empty();
                        }
                    }
                    return Poll::Ready(Some(Ok(record)));
                }
                Some(Ok(Step::End(records, next))) => {
                    let records = records.map_or(Records::Decoded(Vec::new()), Records::Raw);
                    if let Err(error) = this.take_up(Ok((records, next))) {
                        return Poll::Ready(Some(Err(error)));
                    }
                    continue;
                }
                // A page of unannounced length that turned out small: decoded at once.
                Some(Ok(Step::Whole(body))) => {
                    let decoded = parse_page_decoded::<R>(body)
                        .map(|(items, next)| (Records::Decoded(items), next));
                    if let Err(error) = this.take_up(decoded) {
                        return Poll::Ready(Some(Err(error)));
                    }
                    continue;
                }
                Some(Err(error)) => {
                    this.unread = Unread::empty();
                    this.pages.stop();
                    return Poll::Ready(Some(Err(error)));
                }
                None => {}
            }
            // The read page goes before the next one arrives, not after: one page in memory.
            this.unread = Unread::empty();
            match ready!(this.pages.poll_page(cx, true)) {
                Some(Ok((page, _))) => this.unread = Unread::new(page),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let buffered = self.unread.len();
        // A record decoded as it is handed out may fail and end the stream: one item is sure.
        let sure = match self.unread {
            Unread::Decoded(_) => buffered,
            Unread::Raw { .. } => buffered.min(1),
            Unread::Arriving(_) => 0,
        };
        let upper = if matches!(self.pages.stage, Stage::Done) {
            Some(buffered)
        } else {
            self.pages
                .remaining
                .and_then(|remaining| usize::try_from(remaining).ok())
                .and_then(|remaining| remaining.checked_add(buffered))
        };
        (sure, upper)
    }
}

impl<R: Resource + Send + 'static> FusedStream for List<R> {
    fn is_terminated(&self) -> bool {
        self.unread.len() == 0 && self.pages.is_terminated()
    }
}

// The records are never pinned: a `List` moves them out of a plain `Vec` or decodes them as it
// hands them out.
impl<R> Unpin for List<R> {}

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
        let stage = match &self.stage {
            Stage::Fresh => "not started",
            Stage::Next(_) => "between pages",
            Stage::Waiting(_) => "waiting for a page",
            Stage::Arriving => "reading a page as it arrives",
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

/// [`crate::__fuzz::read_list_page`]: a page read whole, or as it arrives in chunks.
#[cfg(fuzzing)]
pub(crate) fn read_page_for_fuzzing(
    body: &[u8],
    chunk_size: Option<usize>,
) -> Result<(Vec<serde_json::Value>, String), Error> {
    let (items, next) = match chunk_size {
        None => page::parse_page_decoded(bytes::Bytes::copy_from_slice(body))?,
        Some(size) => {
            let parsed = streamed::read_in_chunks(body, size)?;
            (parsed.items, parsed.next)
        }
    };
    Ok((items, format!("{next:?}")))
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

/// The last [`RecentLinks::WINDOW`] links requested: a server that sends a listing round in a
/// circle is caught while memory stays constant however many pages a listing has.
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
mod tests {
    use std::task::Waker;

    use serde_json::{Value, json};
    use twilio_local_server::{EXAMPLE_CONVERSATION_ID, Fault, LocalServer, example_participant};

    use super::*;
    use crate::list::fixtures::{Message, Participant, answer, page_token};

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
        let (records, next) = pages.read_page(answer(page))?;
        let Records::Decoded(items) = records else {
            panic!("`Pages` decodes pages at once");
        };
        Ok(Page { items, next })
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
        assert!(pages.read_page(answer(&back)).is_err());

        // And a link off the origin is an error, never a request.
        let mut pages = pages_after_first(List::<Message>::new(&client(), "/m".to_owned()));
        let away = json!({"messages": [], "next_page_uri": "//evil.example/steal"});
        match pages.read_page(answer(&away)) {
            Err(Error::Decode { path, .. }) => assert_eq!(path, "next_page_uri"),
            other => panic!("{other:?}"),
        }
        assert!(pages.is_terminated());
    }

    #[test]
    fn a_resumed_list_takes_up_where_its_cursor_stopped() {
        let cursor = Cursor {
            next: "/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc".to_owned(),
            first: "/v2/Conversations/c1/Participants?pageSize=2".to_owned(),
            remaining: Some(8),
        };
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

    /// A client of the local server.
    fn client_of(server: &LocalServer) -> Client {
        Client::builder()
            .account_sid(server.account_sid())
            .auth_token(server.auth_token())
            .base_url(server.base_url())
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn a_page_answered_with_html_gives_the_error_fetch_gives() {
        let server = LocalServer::start().await.unwrap();
        for n in 0..2 {
            let mut participant = example_participant();
            participant["id"] = format!("conv_participant_{n:026}").into();
            server.insert_participant(participant);
        }
        let client = client_of(&server);
        let collection = format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants");
        let html = || {
            Fault::raw(
                200,
                "text/html; charset=utf-8",
                "<html><body>Log in to the Wi-Fi</body></html>",
            )
        };

        // The second page comes from a captive portal.
        let mut pages = client.list::<Participant>(&collection).page_size(1).pages();
        let first = pages.try_next().await.unwrap().unwrap();
        assert_eq!(first.items.len(), 1);
        server.push_fault(html());
        let error = pages.try_next().await.unwrap_err();
        match &error {
            Error::Decode { path, message, .. } => {
                assert_eq!(path, ".");
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
        assert!(pages.try_next().await.unwrap().is_none());

        // Word for word what `fetch` says of the same answer.
        server.push_fault(html());
        let fetched = client
            .fetch::<Participant>(&format!("{collection}/p1"))
            .await
            .unwrap_err();
        assert_eq!(error.to_string(), fetched.to_string());
    }

    #[tokio::test]
    async fn a_large_page_is_handed_out_record_by_record_as_pages_decode_it() {
        #[derive(Debug, serde::Deserialize)]
        struct Named {
            id: String,
            #[allow(dead_code)]
            name: Option<String>,
        }
        impl Resource for Named {
            const BASE_URL: &'static str = Participant::BASE_URL;
            const PATH: crate::PathTemplate = Participant::PATH;
        }
        let server = LocalServer::start().await.unwrap();
        let count = 700; // about 336 KiB of JSON in one page: above the size decoded at once
        for n in 0..count {
            let mut participant = example_participant();
            participant["id"] = format!("conv_participant_{n:026}").into();
            if n == 500 {
                participant["name"] = json!(5); // not a string: `name` does not decode
            }
            server.insert_participant(participant);
        }
        let client = client_of(&server);
        let collection = format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants");

        // The first 500 records, one by one from the raw page, as the whole page would decode.
        let mut list = client.list::<Named>(&collection).page_size(1000);
        for n in 0..500 {
            let record = list.try_next().await.unwrap().unwrap();
            assert_eq!(record.id, format!("conv_participant_{n:026}"));
        }
        assert!(
            matches!(list.unread, Unread::Arriving(_)),
            "read as it arrives"
        );
        // The 501st is the error, named by its JSON path, and the list ends there.
        match list.try_next().await {
            Err(Error::Decode { path, .. }) => assert_eq!(path, "participants[500].name"),
            other => panic!("{other:?}"),
        }
        assert!(list.try_next().await.unwrap().is_none());
        // Pages decode the same page at once and find the same error.
        let mut pages = client.list::<Named>(&collection).page_size(1000).pages();
        match pages.try_next().await {
            Err(Error::Decode { path, .. }) => assert_eq!(path, "participants[500].name"),
            other => panic!("{other:?}"),
        }
        // Whole pages cannot take over in the middle of a page read as it arrives: an error, not
        // a listing that looks complete.
        let mut list = client.list::<Named>(&collection).page_size(1000);
        list.try_next().await.unwrap().unwrap();
        let mut pages = list.pages();
        match pages.try_next().await {
            Err(Error::InvalidArgument { parameter, .. }) => assert_eq!(parameter, "pages"),
            other => panic!("{other:?}"),
        }
        assert!(pages.try_next().await.unwrap().is_none());
        // A limit cuts the page too: the records past it are never decoded.
        let first = client
            .list::<Named>(&collection)
            .page_size(1000)
            .limit(400)
            .collect_all()
            .await
            .unwrap();
        assert_eq!(first.len(), 400);
    }

    #[tokio::test]
    async fn a_page_read_as_it_arrives_keeps_the_size_cap() {
        let server = LocalServer::start().await.unwrap();
        let client = Client::builder()
            .account_sid(server.account_sid())
            .auth_token(server.auth_token())
            .base_url(server.base_url())
            .max_response_bytes(1 << 20)
            .build()
            .unwrap();
        let collection = format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants");
        for announce_length in [false, true] {
            // 64 MiB, produced as it is sent: the read stops soon after the first MiB.
            server.push_fault(Fault::large_body(64 << 20, announce_length));
            let mut list = client.list::<Participant>(&collection);
            match list.try_next().await {
                Err(Error::ResponseTooLarge { limit }) => assert_eq!(limit, 1 << 20),
                other => panic!("{other:?}"),
            }
            assert!(list.try_next().await.unwrap().is_none());
        }
        // What the kernel's socket buffers took beyond what was read, at most.
        let sent = server.streamed_bytes();
        assert!(sent < 24 << 20, "{sent} bytes sent");
    }

    /// A server on 127.0.0.1 for one request, which `answer` answers on the raw socket; the
    /// base URL. (For answers the local server does not give: a page chunked or stalling.)
    async fn raw_server<F, A>(answer: A) -> String
    where
        A: FnOnce(tokio::net::TcpStream) -> F + Send + 'static,
        F: Future<Output = ()> + Send,
    {
        use tokio::io::AsyncReadExt;

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = vec![0; 8192];
            let _ = socket.read(&mut request).await;
            answer(socket).await;
        });
        base_url
    }

    /// The head of a 200 JSON answer sent in chunks, without a length.
    const CHUNKED_JSON: &str =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";

    #[tokio::test]
    async fn a_page_that_stalls_as_it_arrives_times_out_after_the_records_it_brought() {
        use tokio::io::AsyncWriteExt;

        let base_url = raw_server(|mut socket| async move {
            // Chunked, so no length, and over 256 KiB: the page is read as it arrives. 600
            // records, the start of one more, then nothing.
            let pad = "x".repeat(500);
            let records: Vec<String> = (0..600)
                .map(|n| format!(r#"{{"id": "p{n}", "pad": "{pad}"}}"#))
                .collect();
            let part = format!(r#"{{"participants": [{}, {{"id": "#, records.join(", "));
            let answer = format!("{CHUNKED_JSON}{:x}\r\n{part}\r\n", part.len());
            socket.write_all(answer.as_bytes()).await.unwrap();
            // Then a byte of whitespace every 100 ms: each wait is short, but they add up.
            for _ in 0..300 {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                if socket.write_all(b"1\r\n \r\n").await.is_err() {
                    break;
                }
            }
        })
        .await;
        let client = Client::builder()
            .account_sid("AC1")
            .auth_token("t")
            .base_url(base_url)
            .timeout(std::time::Duration::from_millis(300))
            .build()
            .unwrap();
        let mut list = client.list::<Participant>("/v2/Conversations/c1/Participants");
        for n in 0..600 {
            let participant = list.try_next().await.unwrap().unwrap();
            assert_eq!(participant.id, format!("p{n}"));
        }
        assert!(
            matches!(list.unread, Unread::Arriving(_)),
            "read as it arrives"
        );
        let waited = std::time::Instant::now();
        match list.try_next().await {
            Err(Error::Timeout { timeout, .. }) => {
                assert_eq!(timeout, std::time::Duration::from_millis(300));
            }
            other => panic!("{other:?}"),
        }
        assert!(waited.elapsed() < std::time::Duration::from_secs(20));
        assert!(list.try_next().await.unwrap().is_none());
    }

    #[tokio::test]
    async fn a_small_page_of_unannounced_length_is_decoded_at_once() {
        use tokio::io::AsyncWriteExt;

        let base_url = raw_server(|mut socket| async move {
            let page = r#"{"participants": [{"id": "p1"}, {"id": "p2"}], "meta": {"key": "participants"}}"#;
            // In two chunks, as a server that streams its answer sends it.
            let (first, second) = page.split_at(20);
            let answer = format!(
                "{CHUNKED_JSON}{:x}\r\n{first}\r\n{:x}\r\n{second}\r\n0\r\n\r\n",
                first.len(),
                second.len()
            );
            socket.write_all(answer.as_bytes()).await.unwrap();
        })
        .await;
        let client = Client::builder()
            .account_sid("AC1")
            .auth_token("t")
            .base_url(base_url)
            .build()
            .unwrap();
        let mut list = client.list::<Participant>("/v2/Conversations/c1/Participants");
        assert_eq!(list.try_next().await.unwrap().unwrap().id, "p1");
        assert!(matches!(list.unread, Unread::Decoded(_)), "decoded at once");
        assert_eq!(list.try_next().await.unwrap().unwrap().id, "p2");
        assert!(list.try_next().await.unwrap().is_none());
    }

    #[tokio::test]
    async fn a_resumed_listing_with_nothing_left_to_read_sends_nothing() {
        // Port 9 on loopback: a request would fail to connect, and the test would see it.
        let client = Client::builder()
            .account_sid("AC1")
            .auth_token("t")
            .base_url("http://127.0.0.1:9")
            .build()
            .unwrap();
        let cursor = |remaining| Cursor {
            next: "/v2/P?pageSize=2&pageToken=t2".to_owned(),
            first: "/v2/P?pageSize=2".to_owned(),
            remaining,
        };
        let mut used_up = List::<Participant>::resume(&client, cursor(Some(0)));
        assert!(used_up.try_next().await.unwrap().is_none());
        let mut limited = List::<Participant>::resume(&client, cursor(None)).limit(0);
        assert!(limited.try_next().await.unwrap().is_none());
        // Without a limit it does send (and fails to connect).
        let mut sent = List::<Participant>::resume(&client, cursor(None));
        assert!(matches!(
            sent.try_next().await,
            Err(Error::Transport { .. })
        ));
    }

    #[test]
    fn the_links_remembered_stay_bounded() {
        let mut links = RecentLinks::default();
        for n in 0..1_000u64 {
            links.insert(n);
        }
        assert_eq!(links.len(), 1_000);
        assert_eq!(links.recent.len(), RecentLinks::WINDOW);
        assert!(links.contains(&999) && links.contains(&936));
        assert!(!links.contains(&0));
    }
}
