//! Lists over real HTTP in Twilio's three dialects (2010 `next_page_uri`, v1 `meta.next_page_url`,
//! token `meta.nextToken`): paging, limits, page sizes, odd pages, links that leave the origin,
//! cursors, laziness, and filter values of arbitrary Unicode.

#[path = "lifecycle_support/mod.rs"]
mod support;

use std::sync::atomic::Ordering;
use std::time::Duration;

use proptest::prelude::*;
use serde_json::{Value, json};
use support::*;
use twilio_local_server::LocalServer;
use twilio_resource::{Client, Cursor, Error, List, Page, Pages};

/// The bodies of the messages a list yields.
fn bodies(list: &[Message]) -> Vec<String> {
    list.iter().map(|m| m.body.clone().unwrap()).collect()
}

fn names(list: &[Service]) -> Vec<String> {
    list.iter()
        .map(|s| s.friendly_name.clone().unwrap())
        .collect()
}

fn participant_names(list: &[Participant]) -> Vec<String> {
    list.iter().map(|p| p.name.clone().unwrap()).collect()
}

fn expected(prefix: &str, range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|n| format!("{prefix}{n}")).collect()
}

/// The query parameters of a recorded path, decoded.
fn query_pairs(path: &str) -> Vec<(String, String)> {
    let query = path.split_once('?').map_or("", |(_, q)| q);
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

fn no_filter() -> MessageFilter {
    MessageFilter::default()
}

/// Reads a list to the end, keeping the records before an error and the error itself.
async fn read_until_error<R>(mut list: List<R>) -> (Vec<R>, Option<Error>)
where
    R: twilio_resource::Resource + Send + 'static,
{
    let mut items = Vec::new();
    loop {
        match list.try_next().await {
            Ok(Some(item)) => items.push(item),
            Ok(None) => return (items, None),
            Err(error) => {
                // The stream ends after its error.
                assert!(matches!(list.try_next().await, Ok(None)));
                return (items, Some(error));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Paging in each dialect
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn pages_2010_next_page_uri_over_three_pages_in_order() {
    let (server, client) = start().await;
    insert_messages(&server, 7);
    let account = client.account_sid().to_owned();
    let list = Message::list(&client, &account, &no_filter())
        .page_size(3)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(bodies(&list), expected("m", 0..7));
    let collection = messages(&server);
    assert_eq!(
        paths(&server),
        [
            format!("{collection}?PageSize=3"),
            format!("{collection}?PageSize=3&Page=1&PageToken=PA3"),
            format!("{collection}?PageSize=3&Page=2&PageToken=PA6"),
        ]
    );
}

#[tokio::test]
async fn pages_v1_meta_next_page_url_over_three_pages_in_order() {
    let (server, client) = start().await;
    insert_services(&server, 7);
    let mut pages = Service::list(&client).page_size(3).pages();
    let mut sizes = Vec::new();
    let mut all = Vec::new();
    while let Some(page) = pages.try_next().await.unwrap() {
        sizes.push(page.items.len());
        all.extend(page.items);
    }
    assert_eq!(sizes, [3, 3, 1]);
    assert_eq!(names(&all), expected("s", 0..7));
    // The absolute links on this server were followed as path and query.
    assert_eq!(
        paths(&server),
        [
            "/v1/Services?PageSize=3",
            "/v1/Services?PageSize=3&Page=1&PageToken=PA3",
            "/v1/Services?PageSize=3&Page=2&PageToken=PA6",
        ]
    );
}

#[tokio::test]
async fn pages_token_meta_next_token_over_three_pages_in_order() {
    let (server, client) = start().await;
    insert_participants(&server, 7);
    let list = Participant::list(&client, CONVERSATION)
        .page_size(3)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(participant_names(&list), expected("p", 0..7));
    let requests = paths(&server);
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert_eq!(requests[0], format!("{}?pageSize=3", participants()));
    // Each later page: the first request's query plus the token.
    for request in &requests[1..] {
        let pairs = query_pairs(request);
        assert_eq!(pairs.len(), 2, "{request}");
        assert_eq!(pairs[0], ("pageSize".to_owned(), "3".to_owned()));
        assert_eq!(pairs[1].0, "pageToken");
    }
    assert_ne!(requests[1], requests[2]);
}

#[tokio::test]
async fn pages_v1_json_content_over_three_pages() {
    let (server, client) = start().await;
    for n in 0..5 {
        server.insert(
            "/v1/Content",
            json!({ "friendly_name": format!("c{n}"), "language": "en" }),
        );
    }
    let list = Content::list(&client)
        .page_size(2)
        .collect_all()
        .await
        .unwrap();
    let names: Vec<_> = list
        .iter()
        .map(|c| c.friendly_name.clone().unwrap())
        .collect();
    assert_eq!(names, expected("c", 0..5));
    assert_eq!(server.requests().len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Limits and page sizes
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn limit_stops_early_in_2010_without_a_page_beyond() {
    let (server, client) = start().await;
    insert_messages(&server, 20);
    let account = client.account_sid().to_owned();
    let list = Message::list(&client, &account, &no_filter())
        .page_size(3)
        .limit(5)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(bodies(&list), expected("m", 0..5));
    assert_eq!(server.requests().len(), 2, "{:?}", paths(&server));

    // A limit that ends exactly on a page boundary: no request for the page after it, and the
    // last page has no cursor.
    let before = server.requests().len();
    let mut pages = Message::list(&client, &account, &no_filter())
        .page_size(3)
        .limit(6)
        .pages();
    let first = pages.try_next().await.unwrap().unwrap();
    assert!(first.next_cursor().is_some());
    let second = pages.try_next().await.unwrap().unwrap();
    assert_eq!(bodies(&second.items), expected("m", 3..6));
    assert!(second.next_cursor().is_none());
    assert!(pages.try_next().await.unwrap().is_none());
    assert_eq!(server.requests().len() - before, 2, "{:?}", paths(&server));
}

#[tokio::test]
async fn limit_stops_early_in_v1_and_token() {
    let (server, client) = start().await;
    insert_services(&server, 20);
    insert_participants(&server, 20);

    let services = Service::list(&client)
        .page_size(4)
        .limit(9)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(names(&services), expected("s", 0..9));
    assert_eq!(server.requests().len(), 3, "{:?}", paths(&server));

    let participants = Participant::list(&client, CONVERSATION)
        .page_size(4)
        .limit(8)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(participant_names(&participants), expected("p", 0..8));
    assert_eq!(server.requests().len(), 3 + 2, "{:?}", paths(&server));
}

#[tokio::test]
async fn limit_alone_asks_for_a_page_of_that_size_and_zero_sends_nothing() {
    let (server, client) = start().await;
    insert_messages(&server, 20);
    let account = client.account_sid().to_owned();
    let list = Message::list(&client, &account, &no_filter())
        .limit(5)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(
        paths(&server),
        [format!("{}?PageSize=5", messages(&server))]
    );

    // Never more than Twilio's largest page.
    Message::list(&client, &account, &no_filter())
        .limit(5000)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        paths(&server)[1],
        format!("{}?PageSize=1000", messages(&server))
    );

    let none = Message::list(&client, &account, &no_filter())
        .limit(0)
        .collect_all()
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(server.requests().len(), 2, "limit(0) sends nothing");
}

#[tokio::test]
async fn page_size_parameter_is_pagesize_for_2010_and_v1_and_camel_for_v2() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    Message::list(&client, &account, &no_filter())
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    Service::list(&client)
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    LocalNumber::list(&client, &account, "US", &LocalNumberFilter::default())
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    Participant::list(&client, CONVERSATION)
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    ControlPlaneConfiguration::list(&client, &ConfigurationFilter::default())
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    let queries: Vec<Vec<(String, String)>> =
        paths(&server).iter().map(|p| query_pairs(p)).collect();
    let pair = |name: &str| vec![(name.to_owned(), "4".to_owned())];
    assert_eq!(
        queries,
        [
            pair("PageSize"),
            pair("PageSize"),
            pair("PageSize"),
            pair("pageSize"),
            pair("pageSize"),
        ]
    );

    // Without a page size or a limit, no page-size parameter at all.
    let before = server.requests().len();
    Message::list(&client, &account, &no_filter())
        .collect_all()
        .await
        .unwrap();
    Participant::list(&client, CONVERSATION)
        .collect_all()
        .await
        .unwrap();
    let rest = paths(&server).split_off(before);
    assert_eq!(rest, [messages(&server), participants()]);
}

#[tokio::test]
async fn page_size_out_of_range_is_refused_before_sending() {
    let (server, client) = start().await;
    for size in [0, 1001] {
        let error = Participant::list(&client, CONVERSATION)
            .page_size(size)
            .collect_all()
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                Error::InvalidArgument {
                    parameter: "page_size",
                    ..
                }
            ),
            "{error:?}"
        );
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn a_later_page_is_retried_like_any_get() {
    let (server, client) = start().await;
    insert_participants(&server, 4);
    let mut list = Participant::list(&client, CONVERSATION).page_size(2);
    let mut names = Vec::new();
    for _ in 0..2 {
        names.push(list.try_next().await.unwrap().unwrap().name.unwrap());
    }
    server.push_fault(twilio_local_server::Fault::status(503).retry_after("0"));
    while let Some(participant) = list.try_next().await.unwrap() {
        names.push(participant.name.unwrap());
    }
    assert_eq!(names, expected("p", 0..4));
    let requests = paths(&server);
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert_eq!(requests[1], requests[2], "the same page asked again");
}

#[tokio::test]
async fn a_failure_on_a_later_page_ends_the_stream_after_the_records_read() {
    let (server, client) = start().await;
    insert_messages(&server, 4);
    let account = client.account_sid().to_owned();
    let mut list = Message::list(&client, &account, &no_filter()).page_size(2);
    let mut read = Vec::new();
    for _ in 0..2 {
        read.push(list.try_next().await.unwrap().unwrap());
    }
    server.push_fault(twilio_local_server::Fault::status(500));
    let (rest, error) = read_until_error(list).await;
    assert!(rest.is_empty());
    assert_eq!(error.and_then(|e| e.status()), Some(500));
    assert_eq!(bodies(&read), ["m0", "m1"]);
    assert_eq!(server.requests().len(), 2, "a 500 is not retried");
}

// ---------------------------------------------------------------------------------------------
// Odd pages: empty with a next link, repeated links, links to other hosts, list keys
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_empty_2010_page_with_a_next_link_continues() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let collection = messages(&server);
    let next = format!("{collection}?PageSize=50&Page=1&PageToken=PAx");
    server.answer_once(
        "GET",
        &collection,
        200,
        &json!({ "messages": [], "page": 0, "next_page_uri": next }),
    );
    server.answer_once(
        "GET",
        &next,
        200,
        &json!({ "messages": [{ "sid": "SM1", "body": "late" }], "page": 1, "next_page_uri": null }),
    );
    let list = Message::list(&client, &account, &no_filter())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(bodies(&list), ["late"]);
    assert_eq!(paths(&server), [collection, next]);
}

#[tokio::test]
async fn an_empty_token_page_with_a_next_token_continues() {
    let (server, client) = start().await;
    let collection = participants();
    server.answer_once(
        "GET",
        &collection,
        200,
        &json!({ "participants": [], "meta": { "key": "participants", "nextToken": "t1" } }),
    );
    server.answer_once(
        "GET",
        &format!("{collection}?pageToken=t1"),
        200,
        &json!({ "participants": [{ "id": "p1", "name": "after" }], "meta": { "key": "participants" } }),
    );
    let mut pages = Participant::list(&client, CONVERSATION).pages();
    let first = pages.try_next().await.unwrap().unwrap();
    assert!(first.items.is_empty());
    assert!(
        first.next_cursor().is_some(),
        "an empty page may have a next page"
    );
    let second = pages.try_next().await.unwrap().unwrap();
    assert_eq!(participant_names(&second.items), ["after"]);
    assert!(pages.try_next().await.unwrap().is_none());
    assert_eq!(
        paths(&server),
        [collection.clone(), format!("{collection}?pageToken=t1")]
    );
}

#[tokio::test]
async fn a_repeated_2010_link_ends_with_an_error_not_a_loop() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let collection = messages(&server);
    let next = format!("{collection}?Page=1&PageToken=PAloop");
    server.answer_once(
        "GET",
        &collection,
        200,
        &json!({ "messages": [{ "sid": "SM1", "body": "one" }], "next_page_uri": next }),
    );
    // The second page points at itself.
    server.answer_once(
        "GET",
        &next,
        200,
        &json!({ "messages": [{ "sid": "SM2", "body": "two" }], "next_page_uri": next }),
    );
    let (items, error) = read_until_error(Message::list(&client, &account, &no_filter())).await;
    // The first page for sure; the second page's own records may or may not come before the error.
    let got = bodies(&items);
    assert!(got == ["one"] || got == ["one", "two"], "{got:?}");
    let error = error.expect("a repeated link is an error");
    assert!(matches!(error, Error::Paging { .. }), "{error:?}");
    assert!(error.to_string().contains("next_page_uri"), "{error}");
    assert_eq!(server.requests().len(), 2, "{:?}", paths(&server));
}

#[tokio::test]
async fn a_repeated_token_ends_with_an_error_not_a_loop() {
    let (server, client) = start().await;
    let collection = participants();
    let page = |name: &str| json!({ "participants": [{ "id": name, "name": name }], "meta": { "key": "participants", "nextToken": "same" } });
    server.answer_once("GET", &collection, 200, &page("a"));
    server.answer_once(
        "GET",
        &format!("{collection}?pageToken=same"),
        200,
        &page("b"),
    );
    let (items, error) = read_until_error(Participant::list(&client, CONVERSATION)).await;
    let got = participant_names(&items);
    assert!(got == ["a"] || got == ["a", "b"], "{got:?}");
    let error = error.expect("a repeated token is an error");
    assert!(matches!(error, Error::Paging { .. }), "{error:?}");
    assert!(error.to_string().contains("nextToken"), "{error}");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_next_link_to_another_host_is_followed_only_on_the_clients_origin() {
    let (server, client) = start().await;
    let (other, connections) = counting_listener().await;
    insert_services(&server, 2);
    let elsewhere = format!("http://{other}/v1/Services?PageSize=1&Page=1&PageToken=PA1");
    server.answer_once(
        "GET",
        "/v1/Services",
        200,
        &json!({
            "services": [{ "sid": "IS0", "friendly_name": "scripted" }],
            "meta": { "key": "services", "next_page_url": elsewhere },
        }),
    );
    let list = Service::list(&client).collect_all().await.unwrap();
    // The second page came from the client's own server: the stored second service.
    assert_eq!(names(&list), ["scripted", "s1"]);
    assert_eq!(
        paths(&server),
        [
            "/v1/Services",
            "/v1/Services?PageSize=1&Page=1&PageToken=PA1"
        ]
    );
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "nothing sent to {other}"
    );

    // 2010's relative field holding an absolute URL to another host: the same.
    let account = client.account_sid().to_owned();
    let collection = messages(&server);
    server.answer_once(
        "GET",
        &collection,
        200,
        &json!({ "messages": [], "next_page_uri": format!("https://{other}{collection}?Page=1&PageToken=PA0") }),
    );
    let list = Message::list(&client, &account, &no_filter())
        .collect_all()
        .await
        .unwrap();
    assert!(list.is_empty());
    assert_eq!(
        paths(&server)[2..],
        [
            collection.clone(),
            format!("{collection}?Page=1&PageToken=PA0")
        ]
    );
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "nothing sent to {other}"
    );

    // The listener does count: a connection made here shows up.
    let _probe = tokio::net::TcpStream::connect(other).await.unwrap();
    for _ in 0..100 {
        if connections.load(Ordering::SeqCst) == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(connections.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_scheme_relative_next_link_is_refused_and_nothing_is_sent() {
    let (server, client) = start().await;
    let (other, connections) = counting_listener().await;
    server.answer_once(
        "GET",
        "/v1/Services",
        200,
        &json!({
            "services": [{ "sid": "IS0", "friendly_name": "first" }],
            "meta": { "key": "services", "next_page_url": format!("//{other}/v1/Services?Page=1") },
        }),
    );
    let (items, error) = read_until_error(Service::list(&client)).await;
    assert!(items.len() <= 1, "{items:?}");
    let error = error.expect("a link to another host is an error");
    assert!(error.to_string().contains("next_page_url"), "{error}");
    assert_eq!(server.requests().len(), 1);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "nothing sent to {other}"
    );
}

#[tokio::test]
async fn the_list_key_comes_from_meta_key_among_several_arrays() {
    let (server, client) = start().await;
    server.answer_once(
        "GET",
        "/v1/Services",
        200,
        &json!({
            "warnings": [{ "sid": "not a record" }],
            "services": [{ "sid": "IS1", "friendly_name": "one" }, { "sid": "IS2", "friendly_name": "two" }],
            "meta": { "key": "services", "next_page_url": null },
        }),
    );
    let list = Service::list(&client).collect_all().await.unwrap();
    assert_eq!(names(&list), ["one", "two"]);
}

#[tokio::test]
async fn the_list_key_is_the_single_array_in_2010() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let collection = messages(&server);
    // Whatever its name: the one array-valued field holds the records.
    server.answer_once(
        "GET",
        &collection,
        200,
        &json!({
            "page": 0,
            "page_size": 50,
            "sms_messages": [{ "sid": "SM1", "body": "one" }, { "sid": "SM2", "body": "two" }],
            "uri": collection,
            "next_page_uri": null,
        }),
    );
    let list = Message::list(&client, &account, &no_filter())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(bodies(&list), ["one", "two"]);
}

#[tokio::test]
async fn a_list_page_with_a_non_json_content_type_names_it_like_fetch() {
    let (server, client) = start().await;
    server.push_fault(twilio_local_server::Fault::html(200));
    let error = Service::list(&client).collect_all().await.unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    // As `fetch` says for the same answer.
    assert!(
        error.to_string().contains("content type is `text/html`"),
        "{error}"
    );
}

#[tokio::test]
async fn a_filter_that_cannot_be_encoded_is_refused_before_sending() {
    let (server, client) = start().await;
    let nested = json!({ "To": { "nested": true } });
    let error = client
        .list::<Message>(&messages(&server))
        .filter(&nested)
        .collect_all()
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidArgument {
                parameter: "filter",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("To"), "names the field: {error}");
    assert!(server.requests().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Cursors and laziness
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_cursor_serialises_and_resumes_the_rest() {
    let (server, client) = start().await;
    insert_messages(&server, 5);
    let account = client.account_sid().to_owned();
    let filter = MessageFilter {
        to: Some("+15551230000".into()),
        ..MessageFilter::default()
    };
    let mut pages: Pages<Message> = Message::list(&client, &account, &filter)
        .page_size(2)
        .pages();
    let first: Page<Message> = pages.try_next().await.unwrap().unwrap();
    drop(pages);
    assert_eq!(bodies(&first.items), ["m0", "m1"]);
    let saved = serde_json::to_string(first.next_cursor().unwrap()).unwrap();
    let saved_value: Value = serde_json::from_str(&saved).unwrap();
    assert!(
        saved_value["next"]
            .as_str()
            .unwrap()
            .contains("To=%2B15551230000")
    );
    assert!(
        !saved.contains("127.0.0.1"),
        "a cursor holds no host: {saved}"
    );

    // Later, with another client for the same account.
    let other_client = twilio_resource_tests::builder_for(&server).build().unwrap();
    let cursor: Cursor = serde_json::from_str(&saved).unwrap();
    let rest = List::<Message>::resume(&other_client, cursor)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(bodies(&rest), ["m2", "m3", "m4"]);
    let requested = paths(&server);
    assert_eq!(requested.len(), 3, "{requested:?}");
    assert!(requested.iter().all(|p| p.contains("To=%2B15551230000")));
}

#[tokio::test]
async fn a_resumed_token_cursor_keeps_the_remaining_limit() {
    let (server, client) = start().await;
    insert_participants(&server, 10);
    let mut pages = Participant::list(&client, CONVERSATION)
        .page_size(3)
        .limit(7)
        .pages();
    let first = pages.try_next().await.unwrap().unwrap();
    assert_eq!(participant_names(&first.items), expected("p", 0..3));
    let cursor = first.next_cursor().unwrap().clone();
    assert_eq!(cursor.remaining(), Some(4));
    let json = serde_json::to_string(&cursor).unwrap();
    let rest = List::<Participant>::resume(&client, serde_json::from_str(&json).unwrap())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(participant_names(&rest), expected("p", 3..7));
    assert_eq!(server.requests().len(), 3, "{:?}", paths(&server));
}

#[tokio::test]
async fn a_cursor_edited_to_another_host_is_refused_before_sending() {
    let (server, client) = start().await;
    let (other, connections) = counting_listener().await;
    let cursor: Cursor = serde_json::from_value(json!({
        "next": format!("http://{other}/v1/Services?Page=1"),
        "first": "/v1/Services",
    }))
    .unwrap();
    let error = List::<Service>::resume(&client, cursor)
        .collect_all()
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidArgument {
                parameter: "cursor",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(server.requests().is_empty());
    assert_eq!(connections.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_list_is_lazy_send_unpin_and_static() {
    fn assert_traits<T: Send + Unpin + 'static>(_: &T) {}
    let (server, client) = start().await;
    insert_messages(&server, 3);
    let account = client.account_sid().to_owned();

    let list = Message::list(&client, &account, &no_filter());
    assert_traits(&list);
    let pages = Participant::list(&client, CONVERSATION).pages();
    assert_traits(&pages);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(server.requests().is_empty(), "nothing sent before polling");
    drop(list);
    drop(pages);
    assert!(server.requests().is_empty());

    // Owned and 'static: it moves into a spawned task, away from the client that built it.
    let mut list = Message::list(&client, &account, &no_filter()).page_size(2);
    drop(client);
    let first = tokio::spawn(async move {
        let first = list.try_next().await;
        (first, list)
    });
    let (first, mut list) = first.await.unwrap();
    assert_eq!(first.unwrap().unwrap().body.as_deref(), Some("m0"));
    assert_eq!(server.requests().len(), 1, "one page, read as polled");
    // The rest of the page is in memory: no request for the second record.
    assert_eq!(
        list.try_next().await.unwrap().unwrap().body.as_deref(),
        Some("m1")
    );
    assert_eq!(server.requests().len(), 1);
    assert_eq!(
        list.try_next().await.unwrap().unwrap().body.as_deref(),
        Some("m2")
    );
    assert_eq!(server.requests().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Filter values of arbitrary Unicode
// ---------------------------------------------------------------------------------------------

/// One listing with `To = value` in a collection of its own, holding a record with that `to` and
/// one without a match: the server's recorded query decodes to the value, and the server's own
/// decoder matched exactly the one record.
async fn round_trip(
    server: &LocalServer,
    client: &Client,
    case: u32,
    value: &str,
) -> (String, usize) {
    let account = format!("AC{case:032}");
    let collection = format!("/2010-04-01/Accounts/{account}/Messages.json");
    server.insert(&collection, json!({ "to": value, "body": "match" }));
    server.insert(
        &collection,
        json!({ "to": format!("{value}x"), "body": "other" }),
    );
    let before = server.requests().len();
    let filter = MessageFilter {
        to: Some(value.to_owned()),
        ..MessageFilter::default()
    };
    let found = Message::list(client, &account, &filter)
        .collect_all()
        .await
        .unwrap();
    let request = only_request_since(server, before);
    let query = request.query.unwrap_or_default();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(pairs.len(), 1, "{query}");
    assert_eq!(pairs[0].0, "To");
    assert_eq!(bodies(&found), ["match"], "{query}");
    (pairs[0].1.clone(), found.len())
}

#[test]
fn filter_values_of_arbitrary_unicode_round_trip_through_the_server() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (server, client) = runtime.block_on(start());
    // Each case lists a collection of its own (shrinking repeats cases).
    let case = std::sync::atomic::AtomicU32::new(0);
    proptest!(ProptestConfig::with_cases(64), |(value in any::<String>())| {
        let n = case.fetch_add(1, Ordering::Relaxed);
        let (decoded, found) = runtime.block_on(round_trip(&server, &client, n, &value));
        prop_assert_eq!(decoded, value);
        prop_assert_eq!(found, 1);
    });
}
