//! Unit tests of listings: requests built, pages taken up, limits, cursors, and answers over HTTP.

use std::task::Waker;

use serde_json::{Value, json};
use twilio_local_server::{EXAMPLE_CONVERSATION_ID, Fault, LocalServer, example_participant};

use super::*;
use crate::list::fixtures::{Message, Participant, answer, page_token};

fn client() -> Client {
    Client::new("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token")
}

/// The first request a listing would send, or the refusal it would give instead.
fn first_request<R: Resource>(list: List<R>) -> Result<Option<String>, Error> {
    let mut paging = list.pages().paging;
    match paging.settings.refused.take() {
        Some(error) => Err(error),
        None => paging.first_request(),
    }
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
    let list = List::<Message>::new(&client(), Ok(path.to_owned())).filter(&filter);
    assert_eq!(
        first_request(list.page_size(20)).unwrap().unwrap(),
        format!("{path}?DateSent%3E=2024-01-01&Status=sent&Status=delivered&PageSize=20")
    );
    // Without a page size or limit, Twilio's default: nothing added.
    let list = List::<Message>::new(&client(), Ok(path.to_owned()));
    assert_eq!(first_request(list).unwrap().unwrap(), path);
    // The v2 name, and the limit as the page size when it fits one page.
    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).limit(7);
    assert_eq!(first_request(list).unwrap().unwrap(), "/v2/P?pageSize=7");
    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).limit(u64::MAX);
    assert_eq!(first_request(list).unwrap().unwrap(), "/v2/P?pageSize=1000");
    // An explicit page size wins over the limit's.
    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned()))
        .limit(3)
        .page_size(50);
    assert_eq!(first_request(list).unwrap().unwrap(), "/v2/P?pageSize=50");
    // `limit(0)` sends nothing.
    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).limit(0);
    assert_eq!(first_request(list).unwrap(), None);
}

#[test]
fn bad_page_sizes_filters_and_cursors_are_refused_before_sending() {
    for size in [0, 1001, u32::MAX] {
        let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).page_size(size);
        let (parameter, reason) = invalid(first_request(list));
        assert_eq!(parameter, "page_size");
        assert!(reason.contains(&size.to_string()), "{reason}");
    }
    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).page_size(1000);
    assert!(first_request(list).is_ok());

    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).filter(&"not a map");
    assert_eq!(invalid(first_request(list)).0, "filter");

    let refused = Error::InvalidArgument {
        parameter: "conversation_sid",
        reason: "empty".to_owned(),
    };
    let list = List::<Participant>::new(&client(), Err(refused));
    assert_eq!(invalid(first_request(list)).0, "conversation_sid");
}

/// Polls once without a runtime: an error known before sending needs no request.
fn poll_once<S: Stream + Unpin>(stream: &mut S) -> Poll<Option<S::Item>> {
    Pin::new(stream).poll_next(&mut Context::from_waker(Waker::noop()))
}

#[test]
fn a_refused_argument_is_the_only_item() {
    let mut list =
        List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).filter(&[("a", [1, 2])]);
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
fn pages_after_first<R: Resource>(list: List<R>) -> Pages<R> {
    let mut pages = list.pages();
    let first = pages.paging.first_request().unwrap().unwrap();
    pages.paging.requested.insert(fingerprint(&first));
    // As `poll_next` leaves it while a page is read.
    pages.paging.stage = Stage::Done;
    pages
}

fn read(pages: &mut Pages<Participant>, page: &Value) -> Result<Page<Participant>, Error> {
    pages.take_answer(answer(page))
}

#[test]
fn the_limit_cuts_the_page_and_ends_the_listing() {
    // Limit inside the first page: two of three records, no next page.
    let mut pages = pages_after_first(
        List::<Participant>::new(&client(), Ok("/v2/P".to_owned()))
            .limit(1)
            .page_size(2),
    );
    let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.next_cursor(), None);
    assert!(pages.is_terminated());

    // Limit at the end of a page: no request for the next one.
    let mut pages =
        pages_after_first(List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).limit(2));
    let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.next_cursor(), None);

    // Limit beyond the page: the cursor carries what remains.
    let mut pages =
        pages_after_first(List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).limit(5));
    let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
    let cursor = page.next_cursor().unwrap();
    assert_eq!(cursor.remaining(), Some(3));
    assert_eq!(cursor.path_and_query(), "/v2/P?pageSize=5&pageToken=t2");
    assert!(
        matches!(&pages.paging.stage, Stage::Next(next) if next == "/v2/P?pageSize=5&pageToken=t2")
    );

    // The largest limit neither overflows nor ends early.
    let mut pages = pages_after_first(
        List::<Participant>::new(&client(), Ok("/v2/P".to_owned())).limit(u64::MAX),
    );
    let page = read(&mut pages, &page_token(Some("t2"))).unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.next_cursor().unwrap().remaining(), Some(u64::MAX - 2));
    let page = read(&mut pages, &page_token(Some("t3"))).unwrap();
    assert_eq!(page.next_cursor().unwrap().remaining(), Some(u64::MAX - 4));
}

#[test]
fn an_empty_page_goes_on_and_a_repeated_link_ends_with_an_error() {
    let mut pages = pages_after_first(List::<Participant>::new(&client(), Ok("/v2/P".to_owned())));
    let empty = json!({"participants": [], "meta": {"key": "participants", "nextToken": "t2"}});
    let page = read(&mut pages, &empty).unwrap();
    assert!(page.items.is_empty());
    let next = page.next_cursor().unwrap().path_and_query().to_owned();
    assert_eq!(next, "/v2/P?pageToken=t2");
    // The stream would request it now.
    pages.paging.requested.insert(fingerprint(&next));
    // A server that hands out the same token again is stopped, not followed forever.
    let error = read(&mut pages, &empty).unwrap_err();
    match &error {
        Error::Paging { field, reason, .. } => {
            assert_eq!(*field, "meta.nextToken");
            assert!(reason.contains("already requested"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("/v2/P?pageToken=t2"), "{error}");

    // A link back to the first page, likewise.
    let mut pages = pages_after_first(List::<Message>::new(
        &client(),
        Ok("/2010-04-01/Accounts/AC1/Messages.json".to_owned()),
    ));
    let back = json!({"messages": [], "next_page_uri": "/2010-04-01/Accounts/AC1/Messages.json"});
    assert!(matches!(
        pages.take_answer(answer(&back)),
        Err(Error::Paging { .. })
    ));

    // And a link off the origin is an error, never a request.
    let mut pages = pages_after_first(List::<Message>::new(&client(), Ok("/m".to_owned())));
    let away = json!({"messages": [], "next_page_uri": "//evil.example/steal"});
    match pages.take_answer(answer(&away)) {
        Err(Error::Paging { field, .. }) => assert_eq!(field, "next_page_uri"),
        other => panic!("{other:?}"),
    }
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
    assert!(matches!(&pages.paging.stage, Stage::Next(next) if next.ends_with("pageToken=abc")));
    pages.paging.requested.insert(fingerprint(
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
    let list = List::<Participant>::new(&client(), Ok("/v2/P".to_owned()));
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
async fn a_page_with_a_record_that_does_not_decode_is_the_error_in_place_of_its_records() {
    #[derive(Debug, serde::Deserialize)]
    struct Named {
        #[allow(dead_code)]
        id: String,
        #[allow(dead_code)]
        name: Option<String>,
    }
    impl Resource for Named {
        const BASE_URL: &'static str = Participant::BASE_URL;
        const PATH: crate::PathTemplate = Participant::PATH;
    }
    let server = LocalServer::start().await.unwrap();
    // About 336 KiB of JSON in one page, read whole like any page.
    for n in 0..700 {
        let mut participant = example_participant();
        participant["id"] = format!("conv_participant_{n:026}").into();
        if n == 500 {
            participant["name"] = json!(5); // not a string: `name` does not decode
        }
        server.insert_participant(participant);
    }
    let client = client_of(&server);
    let collection = format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants");
    for limit in [None, Some(400)] {
        let mut list = client.list::<Named>(&collection).page_size(1000);
        if let Some(limit) = limit {
            list = list.limit(limit);
        }
        match list.try_next().await {
            Err(Error::Decode { path, .. }) => assert_eq!(path, "participants[500].name"),
            other => panic!("{other:?}"),
        }
        assert!(list.try_next().await.unwrap().is_none());
    }
    let mut pages = client.list::<Named>(&collection).page_size(1000).pages();
    match pages.try_next().await {
        Err(Error::Decode { path, .. }) => assert_eq!(path, "participants[500].name"),
        other => panic!("{other:?}"),
    }
    assert!(pages.try_next().await.unwrap().is_none());
}

#[tokio::test]
async fn a_page_keeps_the_size_cap() {
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
        // 64 MiB, produced as it is sent: the read stops at the announced length, or soon after
        // the first MiB.
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
