//! Every parameter of an operation, over real HTTP on 127.0.0.1: a query on `fetch` and `delete`
//! (`fetch = T`, `delete = T`), per-call settings (headers, extra query, webhook flag, `If-Match`,
//! timeout, idempotency key) on every kind of call, `with_response()` and page metadata, and a
//! list that takes no page size. The local server records each request's query and headers.

use std::time::Duration;

use serde::Serialize;
use serde_json::json;
use twilio_local_server::{Fault, LocalServer, RecordedRequest};
use twilio_resource::{Client, Error, Response, twilio_resource};
use twilio_resource_tests::builder_for;

/// Lookups v2: a fetch that takes query parameters.
#[twilio_resource(
    path = "/v2/PhoneNumbers/<PhoneNumber>",
    base_url = "https://lookups.twilio.com",
    rename_all = "snake_case",
    fetch = LookupOptions,
)]
#[derive(Debug)]
pub struct PhoneNumber {
    pub phone_number: Option<String>,
    pub valid: Option<bool>,
}

#[derive(Serialize, Default, Debug)]
#[serde(rename_all = "PascalCase")]
pub struct LookupOptions {
    pub fields: Option<String>,
    pub country_code: Option<String>,
}

/// Messaging v1: `DeleteSafelist?PhoneNumber=…`, a delete that takes a query.
#[twilio_resource(
    path = "/v1/SafeList/Numbers",
    base_url = "https://accounts.twilio.com",
    rename_all = "snake_case",
    delete = SafelistNumber,
)]
#[derive(Debug)]
pub struct Safelist {
    pub sid: Option<String>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "PascalCase")]
pub struct SafelistNumber {
    pub phone_number: String,
}

/// Sync v1 documents: revisions, `ETag` and `If-Match`.
#[twilio_resource(
    path = "/v1/Services/<ServiceSid>/Documents/<Sid>",
    base_url = "https://sync.twilio.com",
    rename_all = "snake_case",
    fetch, list, create = NewDocument, update = DocumentChange, delete,
)]
#[derive(Debug)]
pub struct Document {
    pub sid: Option<String>,
    pub unique_name: Option<String>,
    pub revision: Option<String>,
    pub data: Option<serde_json::Value>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "PascalCase")]
pub struct NewDocument {
    pub unique_name: String,
    pub data: String,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "PascalCase")]
pub struct DocumentChange {
    pub data: String,
}

/// Conversations v1 participants: `X-Twilio-Webhook-Enabled`.
#[twilio_resource(
    path = "/v1/Conversations/<ConversationSid>/Participants/<Sid>",
    rename_all = "snake_case",
    create = NewParticipant,
)]
#[derive(Debug)]
pub struct ConversationParticipant {
    pub sid: Option<String>,
    pub identity: Option<String>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "PascalCase")]
pub struct NewParticipant {
    pub identity: String,
}

/// The same documents declared as a list that takes no page size, as 16 of Twilio's lists are.
#[twilio_resource(
    path = "/v1/Services/<ServiceSid>/Documents",
    base_url = "https://sync.twilio.com",
    rename_all = "snake_case",
    page_size = false,
    list
)]
#[derive(Debug)]
pub struct UnsizedDocuments {
    pub sid: Option<String>,
}

/// A v2 resource declared with `idempotency_key`.
#[twilio_resource(
    path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
    idempotency_key,
    create = serde_json::Value,
)]
#[derive(Debug)]
pub struct KeyedParticipant {
    pub id: Option<String>,
}

const SERVICE: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const CONVERSATION: &str = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// Values that need encoding in a query.
const AWKWARD: &str = "é&=+/%?#";

async fn server_and_client() -> (LocalServer, Client) {
    let server = LocalServer::start().await.expect("bind a loopback port");
    let client = builder_for(&server)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    (server, client)
}

fn last(server: &LocalServer) -> RecordedRequest {
    server.requests().pop().expect("a request was sent")
}

/// The query's pairs, decoded.
fn pairs(request: &RecordedRequest) -> Vec<(String, String)> {
    let query = request.query.as_deref().unwrap_or_default();
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

#[tokio::test]
async fn fetch_and_delete_send_their_query_type_encoded_with_none_left_out() {
    let (server, client) = server_and_client().await;
    let number = "+14155552671";
    server.answer_once(
        "GET",
        "/v2/PhoneNumbers/%2B14155552671",
        200,
        &json!({"phone_number": number, "valid": true}),
    );
    let options = LookupOptions {
        fields: Some(format!("line_type_intelligence,{AWKWARD}")),
        country_code: None,
    };
    let found = PhoneNumber::fetch(&client, number, &options).await.unwrap();
    assert_eq!(found.valid, Some(true));
    let sent = last(&server);
    assert_eq!(sent.method, "GET");
    assert_eq!(
        pairs(&sent),
        [(
            "Fields".to_owned(),
            format!("line_type_intelligence,{AWKWARD}")
        )]
    );
    assert!(!sent.path.contains("CountryCode"), "{}", sent.path);

    server.answer_once("DELETE", "/v1/SafeList/Numbers", 204, &json!(null));
    let remove = SafelistNumber {
        phone_number: number.to_owned(),
    };
    Safelist::delete(&client, &remove).await.unwrap();
    let sent = last(&server);
    assert_eq!(sent.method, "DELETE");
    assert_eq!(
        pairs(&sent),
        [("PhoneNumber".to_owned(), number.to_owned())]
    );
}

#[tokio::test]
async fn every_call_takes_headers_an_extra_query_and_the_webhook_flag() {
    let (server, client) = server_and_client().await;
    let new = NewParticipant {
        identity: "dana".to_owned(),
    };
    let created = ConversationParticipant::create(&client, CONVERSATION, &new)
        .webhook_enabled(true)
        .header("X-Custom", AWKWARD)
        .query(&[("account_sid", AWKWARD)])
        .await
        .unwrap();
    assert_eq!(created.identity.as_deref(), Some("dana"));
    let sent = last(&server);
    assert_eq!(sent.header("x-twilio-webhook-enabled"), Some("true"));
    assert_eq!(sent.header("x-custom"), Some(AWKWARD));
    assert_eq!(
        pairs(&sent),
        [("account_sid".to_owned(), AWKWARD.to_owned())]
    );
    // The body is still the body.
    assert_eq!(String::from_utf8_lossy(&sent.body), "Identity=dana");

    ConversationParticipant::create(&client, CONVERSATION, &new)
        .webhook_enabled(false)
        .await
        .unwrap();
    assert_eq!(
        last(&server).header("x-twilio-webhook-enabled"),
        Some("false")
    );
}

#[tokio::test]
async fn a_header_named_on_purpose_replaces_the_clients_own() {
    let (server, client) = server_and_client().await;
    let new = NewParticipant {
        identity: "x".to_owned(),
    };
    // Another Authorization (a Flex Insights token, say): the server sees only it, so the local
    // account's credentials are not there and the answer is 401.
    let error = ConversationParticipant::create(&client, CONVERSATION, &new)
        .header("Authorization", "Token abc")
        .header("User-Agent", "my-app/1.0")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));
    let sent = last(&server);
    assert!(!sent.authorized);
    assert_eq!(sent.header("user-agent"), Some("my-app/1.0"));
    // A recorded Authorization is never shown.
    assert_ne!(sent.header("authorization"), Some("Token abc"));
}

#[tokio::test]
async fn a_setting_that_is_not_http_is_an_error_and_nothing_is_sent() {
    let (server, client) = server_and_client().await;
    for (name, value) in [("X-Ok", "a\r\nInjected: 1"), ("Bad Name", "1"), ("", "1")] {
        let error = Document::fetch(&client, SERVICE, "ETaaaa")
            .header(name, value)
            .await
            .unwrap_err();
        match &error {
            Error::InvalidArgument {
                parameter, reason, ..
            } => {
                assert_eq!(*parameter, "header");
                assert!(!reason.contains("Injected"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }
    let error = Document::delete(&client, SERVICE, "ETaaaa")
        .query(&"not a map")
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidArgument {
                parameter: "query",
                ..
            }
        ),
        "{error:?}"
    );
    let secret = Document::fetch(&client, SERVICE, "ET1")
        .header("Authorization", "Bearer sec\nret")
        .await
        .unwrap_err();
    assert!(
        !format!("{secret} {secret:?}").contains("sec"),
        "{secret:?}"
    );
    assert!(server.requests().is_empty(), "{:?}", server.requests());
}

#[tokio::test]
async fn a_call_timeout_replaces_the_clients() {
    let (server, client) = server_and_client().await;
    server.push_fault(Fault::delay(Duration::from_secs(2)));
    let error = Document::fetch(&client, SERVICE, "ETaaaa")
        .timeout(Duration::from_millis(200))
        .await
        .unwrap_err();
    match error {
        Error::Timeout { timeout, .. } => assert_eq!(timeout, Duration::from_millis(200)),
        other => panic!("{other:?}"),
    }
    // `Duration::MAX` is no deadline at all, not a panic.
    server.push_fault(Fault::status(404));
    let error = Document::fetch(&client, SERVICE, "ETaaaa")
        .timeout(Duration::MAX)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
}

#[tokio::test]
async fn with_response_gives_status_headers_request_id_and_etag_and_if_match_guards_updates() {
    let (server, client) = server_and_client().await;
    let new = NewDocument {
        unique_name: "cart".to_owned(),
        data: r#"{"items": 1}"#.to_owned(),
    };
    let created: Response<Document> = Document::create(&client, SERVICE, &new)
        .with_response()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let request_id = created.request_id().expect("a Twilio-Request-Id");
    assert!(
        request_id.starts_with("RQ") && request_id.len() == 34,
        "{request_id}"
    );
    let etag = created.etag().expect("an ETag").to_owned();
    assert_eq!(
        created.headers().get("twilio-request-id").unwrap(),
        request_id
    );
    let document = created.into_body();
    let sid = document.sid.clone().unwrap();
    assert_eq!(document.data, Some(json!({"items": 1})));

    // A fetch tells the same revision.
    let fetched = Document::fetch(&client, SERVICE, &sid)
        .with_response()
        .await
        .unwrap();
    assert_eq!(fetched.etag(), Some(etag.as_str()));

    // An update at a stale revision is refused, and the error carries its request id too.
    let change = DocumentChange {
        data: r#"{"items": 2}"#.to_owned(),
    };
    let error = Document::update(&client, SERVICE, &sid, &change)
        .if_match("not-the-revision")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(412));
    assert_eq!(error.code(), Some(54103));
    let api = error.api().unwrap();
    assert!(
        api.request_id
            .as_deref()
            .is_some_and(|id| id.starts_with("RQ"))
    );
    assert_eq!(last(&server).header("if-match"), Some("not-the-revision"));

    // At the current one it goes through, and the revision moves on.
    let updated = Document::update(&client, SERVICE, &sid, &change)
        .if_match(&etag)
        .with_response()
        .await
        .unwrap();
    assert_eq!(updated.status(), 200);
    assert_ne!(updated.etag(), Some(etag.as_str()));
    assert_eq!(updated.body().data, Some(json!({"items": 2})));

    // A delete's response has no body to decode.
    let deleted: Response<()> = Document::delete(&client, SERVICE, &sid)
        .with_response()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    assert!(deleted.request_id().is_some());
}

#[tokio::test]
async fn pages_carry_their_metadata_and_lists_take_headers() {
    let (server, client) = server_and_client().await;
    for n in 0..3 {
        let new = NewDocument {
            unique_name: format!("doc{n}"),
            data: "{}".to_owned(),
        };
        Document::create(&client, SERVICE, &new).await.unwrap();
    }
    let mut pages = Document::list(&client, SERVICE)
        .page_size(2)
        .header("X-Trace", "list-1")
        .pages();
    let mut seen = 0;
    while let Some(page) = pages.try_next().await.unwrap() {
        assert_eq!(page.status(), 200);
        assert!(page.request_id().is_some_and(|id| id.starts_with("RQ")));
        assert_eq!(last(&server).header("x-trace"), Some("list-1"));
        seen += page.items.len();
    }
    assert_eq!(seen, 3);
}

#[tokio::test]
async fn a_list_without_a_page_size_sends_none_and_refuses_one() {
    let (server, client) = server_and_client().await;
    let all = UnsizedDocuments::list(&client, SERVICE)
        .limit(5)
        .collect_all()
        .await
        .unwrap();
    assert!(all.is_empty());
    let sent = last(&server);
    assert!(!sent.path.contains("PageSize"), "{}", sent.path);
    let before = server.requests().len();
    let error = UnsizedDocuments::list(&client, SERVICE)
        .page_size(5)
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
    assert_eq!(server.requests().len(), before, "nothing sent");
}

#[tokio::test]
async fn the_callers_idempotency_key_is_sent_on_every_retry_and_makes_a_post_retryable() {
    let (server, client) = server_and_client().await;
    server.push_fault(Fault::status(503));
    let created = KeyedParticipant::create(&client, CONVERSATION, &json!({"name": "Dana"}))
        .idempotency_key("job-42-participant")
        .await
        .unwrap();
    assert!(created.id.is_some());
    let sent = server.requests();
    assert_eq!(sent.len(), 2, "retried once after the 503");
    for request in &sent {
        assert_eq!(
            request.idempotency_key.as_deref(),
            Some("job-42-participant")
        );
    }

    // On a resource that does not declare keys, the header goes out but a POST after a 503 is
    // not re-sent: Twilio may have acted.
    let before = server.requests().len();
    server.push_fault(Fault::status(503));
    let new = NewParticipant {
        identity: "y".to_owned(),
    };
    let error = ConversationParticipant::create(&client, CONVERSATION, &new)
        .idempotency_key("job-43")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    let sent = server.requests();
    assert_eq!(sent.len(), before + 1, "not retried");
    assert_eq!(sent[before].idempotency_key.as_deref(), Some("job-43"));
}
