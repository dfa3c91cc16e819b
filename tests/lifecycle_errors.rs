//! Failures on every generated operation of every resource kind: 401, 404, 429 and 500 become
//! `Error::Api` with the right status (429 with its `Retry-After`), and a refused path value
//! (`""`, `..`) sends nothing at all.

#[path = "lifecycle_support/mod.rs"]
mod support;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use support::*;
use twilio_local_server::{Fault, LocalServer};
use twilio_resource::{Client, Error};

type Call<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + Send + 'a>>;

/// Records of each resource to call the operations on.
struct Ids {
    account: String,
    message: String,
    service: String,
    content: String,
    participant: String,
    configuration: String,
}

fn seed(server: &LocalServer) -> Ids {
    server.insert(
        &format!("/v1/Services/{CHAT_SERVICE}"),
        serde_json::json!({ "sid": "Configuration", "chat_service_sid": CHAT_SERVICE }),
    );
    Ids {
        account: server.account_sid().to_owned(),
        message: insert_messages(server, 1).remove(0),
        service: insert_services(server, 1).remove(0),
        content: server.insert(
            "/v1/Content",
            serde_json::json!({ "friendly_name": "c", "language": "en" }),
        ),
        participant: insert_participants(server, 1).remove(0),
        configuration: server.insert(
            "/v2/ControlPlane/Configurations",
            serde_json::json!({ "displayName": "Support" }),
        ),
    }
}

/// The bodies and filters the calls borrow.
struct Bodies {
    message: CreateMessage,
    message_update: UpdateMessage,
    message_filter: MessageFilter,
    number_filter: LocalNumberFilter,
    service: CreateService,
    service_update: UpdateService,
    configuration_update: UpdateServiceConfiguration,
    content: CreateContent,
    participant: NewParticipant,
    participant_update: ParticipantUpdate,
    configuration: NewConfiguration,
    configuration_filter: ConfigurationFilter,
}

impl Bodies {
    fn new() -> Self {
        Self {
            message: CreateMessage::default(),
            message_update: UpdateMessage::default(),
            message_filter: MessageFilter::default(),
            number_filter: LocalNumberFilter::default(),
            service: CreateService {
                friendly_name: "x".into(),
            },
            service_update: UpdateService::default(),
            configuration_update: UpdateServiceConfiguration::default(),
            content: CreateContent {
                friendly_name: None,
                language: "en".into(),
                variables: Default::default(),
                types: serde_json::json!({}),
            },
            participant: NewParticipant {
                name: None,
                kind: "CUSTOMER".into(),
                addresses: Vec::new(),
            },
            participant_update: ParticipantUpdate::default(),
            configuration: NewConfiguration::example(),
            configuration_filter: ConfigurationFilter::default(),
        }
    }
}

/// Boxes a call to any operation, its value dropped.
fn call<'a, T: Send + 'a>(future: impl Future<Output = Result<T, Error>> + Send + 'a) -> Call<'a> {
    Box::pin(async move { future.await.map(drop) })
}

/// Every generated operation of every resource, named, not started yet.
fn every_operation<'a>(
    client: &'a Client,
    ids: &'a Ids,
    b: &'a Bodies,
) -> Vec<(&'static str, Call<'a>)> {
    let account = ids.account.as_str();
    vec![
        (
            "Message::create",
            call(Message::create(client, account, &b.message)),
        ),
        (
            "Message::fetch",
            call(Message::fetch(client, account, &ids.message)),
        ),
        (
            "Message::list",
            call(Message::list(client, account, &b.message_filter).collect_all()),
        ),
        (
            "Message::update",
            call(Message::update(
                client,
                account,
                &ids.message,
                &b.message_update,
            )),
        ),
        (
            "Message::delete",
            call(Message::delete(client, account, &ids.message)),
        ),
        (
            "LocalNumber::list",
            call(LocalNumber::list(client, account, "US", &b.number_filter).collect_all()),
        ),
        ("Service::create", call(Service::create(client, &b.service))),
        ("Service::fetch", call(Service::fetch(client, &ids.service))),
        ("Service::list", call(Service::list(client).collect_all())),
        (
            "Service::update",
            call(Service::update(client, &ids.service, &b.service_update)),
        ),
        (
            "Service::delete",
            call(Service::delete(client, &ids.service)),
        ),
        (
            "ServiceConfiguration::fetch",
            call(ServiceConfiguration::fetch(client, CHAT_SERVICE)),
        ),
        (
            "ServiceConfiguration::update",
            call(ServiceConfiguration::update(
                client,
                CHAT_SERVICE,
                &b.configuration_update,
            )),
        ),
        ("Content::create", call(Content::create(client, &b.content))),
        ("Content::fetch", call(Content::fetch(client, &ids.content))),
        ("Content::list", call(Content::list(client).collect_all())),
        (
            "Content::update",
            call(Content::update(client, &ids.content, &b.content)),
        ),
        (
            "Content::delete",
            call(Content::delete(client, &ids.content)),
        ),
        (
            "Participant::create",
            call(Participant::create(client, CONVERSATION, &b.participant)),
        ),
        (
            "Participant::fetch",
            call(Participant::fetch(client, CONVERSATION, &ids.participant)),
        ),
        (
            "Participant::list",
            call(Participant::list(client, CONVERSATION).collect_all()),
        ),
        (
            "Participant::update",
            call(Participant::update(
                client,
                CONVERSATION,
                &ids.participant,
                &b.participant_update,
            )),
        ),
        (
            "ControlPlaneConfiguration::create",
            call(ControlPlaneConfiguration::create(client, &b.configuration)),
        ),
        (
            "ControlPlaneConfiguration::fetch",
            call(ControlPlaneConfiguration::fetch(client, &ids.configuration)),
        ),
        (
            "ControlPlaneConfiguration::list",
            call(ControlPlaneConfiguration::list(client, &b.configuration_filter).collect_all()),
        ),
        (
            "ControlPlaneConfiguration::update",
            call(ControlPlaneConfiguration::update(
                client,
                &ids.configuration,
                &b.configuration,
            )),
        ),
        (
            "ControlPlaneConfiguration::delete",
            call(ControlPlaneConfiguration::delete(
                client,
                &ids.configuration,
            )),
        ),
    ]
}

/// Runs every operation with `fault` (if any) queued before each, and checks that each ends in
/// `Error::Api` with `status` after exactly one request; returns the errors.
async fn each_fails_with(
    server: &LocalServer,
    client: &Client,
    ids: &Ids,
    status: u16,
    fault: impl Fn() -> Option<Fault>,
) -> Vec<(&'static str, Error)> {
    let mut errors = Vec::new();
    let bodies = Bodies::new();
    for (name, call) in every_operation(client, ids, &bodies) {
        if let Some(fault) = fault() {
            server.push_fault(fault);
        }
        let before = server.requests().len();
        let error = match call.await {
            Err(error) => error,
            Ok(()) => panic!("{name} succeeded; expected {status}"),
        };
        assert!(
            matches!(&error, Error::Api(api) if api.status == status),
            "{name}: {error:?}"
        );
        assert_eq!(error.status(), Some(status), "{name}");
        assert_eq!(
            server.requests().len(),
            before + 1,
            "{name}: one request, not retried"
        );
        errors.push((name, error));
    }
    assert_eq!(server.pending_faults(), 0);
    errors
}

#[tokio::test]
async fn every_operation_reports_401_for_wrong_credentials() {
    let server = LocalServer::start().await.unwrap();
    let ids = seed(&server);
    let client = Client::builder()
        .account_sid(server.account_sid())
        .auth_token("not-the-token")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let errors = each_fails_with(&server, &client, &ids, 401, || None).await;
    assert_eq!(errors.len(), 27);
    for (name, error) in errors {
        assert_eq!(error.code(), Some(20003), "{name}");
    }
    assert!(server.requests().iter().all(|r| !r.authorized));
}

#[tokio::test]
async fn every_operation_reports_404() {
    let (server, client) = start().await;
    let ids = seed(&server);
    let errors = each_fails_with(&server, &client, &ids, 404, || Some(Fault::status(404))).await;
    for (name, error) in errors {
        assert_eq!(error.code(), Some(20404), "{name}");
    }
}

#[tokio::test]
async fn a_missing_record_is_404_on_fetch_update_and_delete() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let sid = "SM00000000000000000000000000000000";
    assert_eq!(
        api_status(Message::fetch(&client, &account, sid).await),
        404
    );
    let update = Message::update(&client, &account, sid, &UpdateMessage::default()).await;
    assert_eq!(api_status(update), 404);
    assert_eq!(
        api_status(Message::delete(&client, &account, sid).await),
        404
    );
    let id = "conv_participant_00000000000000000000000000";
    assert_eq!(
        api_status(Participant::fetch(&client, CONVERSATION, id).await),
        404
    );
    let update =
        Participant::update(&client, CONVERSATION, id, &ParticipantUpdate::default()).await;
    assert_eq!(api_status(update), 404);
    let id = "conv_configuration_00000000000000000000000000";
    assert_eq!(
        api_status(ControlPlaneConfiguration::delete(&client, id).await),
        404
    );
    assert_eq!(server.requests().len(), 6, "a 404 is not retried");
}

/// A made-up id is not found whatever its shape: a short one that looks like a collection name
/// (`SM1`), one of a SID's full length, and one that is no SID at all.
#[tokio::test]
async fn a_made_up_id_of_any_shape_is_404_not_an_empty_record() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    for id in [
        "SM1",
        "SMxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "foo",
        "Messages",
    ] {
        match Message::fetch(&client, &account, id).await {
            Err(Error::Api(api)) => {
                assert_eq!((api.status, api.code), (404, Some(20404)), "{id}");
            }
            other => panic!("{id}: expected Error::Api 404, got {other:?}"),
        }
    }
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test]
async fn every_operation_reports_429_with_retry_after() {
    let server = LocalServer::start().await.unwrap();
    let ids = seed(&server);
    // No retries: the 429 itself is the answer.
    let client = twilio_resource_tests::builder_for(&server)
        .max_retries(0)
        .build()
        .unwrap();
    let errors = each_fails_with(&server, &client, &ids, 429, || {
        Some(Fault::status(429).retry_after("7"))
    })
    .await;
    for (name, error) in errors {
        assert_eq!(error.retry_after(), Some(Duration::from_secs(7)), "{name}");
        assert_eq!(error.code(), Some(20429), "{name}");
    }
}

#[tokio::test]
async fn every_operation_reports_500_without_a_retry() {
    let (server, client) = start().await;
    let ids = seed(&server);
    let errors = each_fails_with(&server, &client, &ids, 500, || Some(Fault::status(500))).await;
    for (name, error) in errors {
        assert_eq!(error.code(), Some(20500), "{name}");
        assert_eq!(error.retry_after(), None, "{name}");
    }
}

#[tokio::test]
async fn every_operation_succeeds_on_the_seeded_records() {
    // The same calls as the failure tests, with no fault: each one can succeed, so the failures
    // above come from the status and not from a wrong call.
    let (server, client) = start().await;
    let ids = seed(&server);
    let b = Bodies::new();
    for (name, call) in every_operation(&client, &ids, &b) {
        call.await
            .unwrap_or_else(|error| panic!("{name}: {error:?}"));
    }
}

#[tokio::test]
async fn a_refused_path_value_sends_nothing_on_every_operation() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let b = Bodies::new();
    let calls: Vec<(&str, Call<'_>)> = vec![
        (
            "account_sid",
            call(Message::create(&client, "", &b.message)),
        ),
        (
            "account_sid",
            call(Message::create(&client, "..", &b.message)),
        ),
        ("sid", call(Message::fetch(&client, &account, ""))),
        ("account_sid", call(Message::fetch(&client, "..", "SM1"))),
        (
            "account_sid",
            call(Message::list(&client, "", &b.message_filter).collect_all()),
        ),
        (
            "account_sid",
            call(Message::list(&client, "..", &b.message_filter).collect_all()),
        ),
        (
            "sid",
            call(Message::update(&client, &account, "..", &b.message_update)),
        ),
        (
            "account_sid",
            call(Message::update(&client, "", "SM1", &b.message_update)),
        ),
        ("sid", call(Message::delete(&client, &account, ""))),
        ("sid", call(Message::delete(&client, &account, ".."))),
        (
            "country_code",
            call(LocalNumber::list(&client, &account, "..", &b.number_filter).collect_all()),
        ),
        ("sid", call(Service::fetch(&client, ""))),
        (
            "sid",
            call(Service::update(&client, "..", &b.service_update)),
        ),
        ("sid", call(Service::delete(&client, ""))),
        (
            "chat_service_sid",
            call(ServiceConfiguration::fetch(&client, "..")),
        ),
        (
            "chat_service_sid",
            call(ServiceConfiguration::update(
                &client,
                "",
                &b.configuration_update,
            )),
        ),
        ("sid", call(Content::fetch(&client, ".."))),
        ("sid", call(Content::update(&client, "", &b.content))),
        ("sid", call(Content::delete(&client, ".."))),
        (
            "conversation_sid",
            call(Participant::create(&client, "", &b.participant)),
        ),
        ("sid", call(Participant::fetch(&client, CONVERSATION, ".."))),
        (
            "conversation_sid",
            call(Participant::list(&client, "..").collect_all()),
        ),
        (
            "sid",
            call(Participant::update(
                &client,
                CONVERSATION,
                "",
                &b.participant_update,
            )),
        ),
        ("id", call(ControlPlaneConfiguration::fetch(&client, ""))),
        (
            "id",
            call(ControlPlaneConfiguration::update(
                &client,
                "..",
                &b.configuration,
            )),
        ),
        ("id", call(ControlPlaneConfiguration::delete(&client, ".."))),
    ];
    for (at, (parameter, call)) in calls.into_iter().enumerate() {
        match call.await {
            Err(Error::InvalidArgument { parameter: got, .. }) => {
                assert_eq!(got, parameter, "call {at}");
            }
            other => panic!("call {at}: expected a refused {parameter}, got {other:?}"),
        }
    }
    assert!(server.requests().is_empty(), "{:#?}", server.requests());
}

#[tokio::test]
async fn a_body_that_cannot_be_encoded_is_refused_before_sending() {
    let (server, client) = start().await;
    // A nested object has no form encoding.
    let nested = serde_json::json!({ "FriendlyName": { "nested": true } });
    let error = client
        .create::<Service, _>("/v1/Services", &nested)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidArgument {
                parameter: "body",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("FriendlyName"), "{error}");
    // A map with non-string keys has no JSON encoding.
    let keys = std::collections::BTreeMap::from([((1, 2), "x")]);
    let error = client
        .update::<Participant, _>(&format!("{}/p1", participants()), &keys)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidArgument {
                parameter: "body",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(server.requests().is_empty());
}
