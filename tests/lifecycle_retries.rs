//! Retries by method over real HTTP: a `POST` without an idempotency key is sent again only when
//! Twilio cannot have acted on it (429, a connection never made); with `idempotency_key` every
//! write carries one UUID per call, the same on each attempt, and is retried like a `GET`.

#[path = "lifecycle_support/mod.rs"]
mod support;

use std::collections::HashSet;
use std::time::Duration;

use support::*;
use twilio_local_server::Fault;
use twilio_resource::{Client, Error};

fn sms() -> CreateMessage {
    CreateMessage {
        to: "+15551234567".into(),
        body: Some("once".into()),
        ..CreateMessage::default()
    }
}

fn new_participant() -> NewParticipant {
    NewParticipant {
        name: Some("Dana S.".into()),
        kind: "CUSTOMER".into(),
        addresses: Vec::new(),
    }
}

#[tokio::test]
async fn a_create_post_is_not_retried_after_503() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();

    server.push_fault(Fault::status(503).retry_after("0"));
    assert_eq!(
        api_status(Message::create(&client, &account, &sms()).await),
        503
    );
    assert_eq!(server.requests().len(), 1, "exactly one request");

    server.push_fault(Fault::status(503).retry_after("0"));
    let service = CreateService {
        friendly_name: "x".into(),
    };
    assert_eq!(api_status(Service::create(&client, &service).await), 503);
    assert_eq!(server.requests().len(), 2);

    // A JSON POST without an idempotency key is no different.
    server.push_fault(Fault::status(503).retry_after("0"));
    let created = Participant::create(&client, CONVERSATION, &new_participant()).await;
    assert_eq!(api_status(created), 503);
    assert_eq!(server.requests().len(), 3);
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.idempotency_key.is_none())
    );
}

#[tokio::test]
async fn a_create_post_is_not_retried_after_a_reset_after_sending() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    server.push_fault(Fault::cut_mid_body());
    let error = Message::create(&client, &account, &sms())
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Transport { attempts: 1, .. }),
        "{error:?}"
    );
    assert_eq!(server.requests().len(), 1, "exactly one request");
}

#[tokio::test]
async fn a_create_post_is_not_retried_after_a_timeout() {
    let (server, _) = start().await;
    let client = twilio_resource_tests::builder_for(&server)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let account = client.account_sid().to_owned();
    server.push_fault(Fault::delay(Duration::from_secs(2)));
    let error = Message::create(&client, &account, &sms())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_create_post_is_retried_after_429() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    server.push_fault(Fault::status(429).retry_after("0"));
    let created = Message::create(&client, &account, &sms()).await.unwrap();
    assert_eq!(created.body.as_deref(), Some("once"));
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "one 429, one retry");
    assert_eq!(requests[0].body, requests[1].body, "the same body again");
    assert_eq!(requests[0].path, requests[1].path);
    assert_eq!(server.records(&messages(&server)).len(), 1);
}

#[tokio::test]
async fn a_create_post_retried_after_429_stops_at_max_retries() {
    let (server, _) = start().await;
    let client = twilio_resource_tests::builder_for(&server)
        .max_retries(1)
        .build()
        .unwrap();
    let account = client.account_sid().to_owned();
    server.push_fault(Fault::status(429).retry_after("0"));
    server.push_fault(Fault::status(429).retry_after("0"));
    let error = Message::create(&client, &account, &sms())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.api().unwrap().attempts, 2);
    assert_eq!(server.requests().len(), 2);
    assert!(server.records(&messages(&server)).is_empty());
}

#[tokio::test]
async fn a_create_post_is_retried_when_the_connection_is_refused() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .auth_token("t")
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(2)
        .build()
        .unwrap();
    let error = Message::create(&client, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &sms())
        .await
        .unwrap_err();
    // Nothing was sent, so every attempt was allowed: the first and two retries.
    assert!(
        matches!(error, Error::Transport { attempts: 3, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_update_by_post_is_not_retried_after_503_but_put_patch_and_delete_are() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let sids = insert_messages(&server, 1);
    let ids = insert_participants(&server, 1);

    server.push_fault(Fault::status(503).retry_after("0"));
    let update = UpdateMessage {
        body: Some(String::new()),
        status: None,
    };
    let result = Message::update(&client, &account, &sids[0], &update).await;
    assert_eq!(api_status(result), 503);
    assert_eq!(server.requests().len(), 1, "a POST update is sent once");

    server.push_fault(Fault::status(503).retry_after("0"));
    let rename = ParticipantUpdate {
        name: Some("Dana".into()),
        profile_id: None,
    };
    let renamed = Participant::update(&client, CONVERSATION, &ids[0], &rename)
        .await
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("Dana"));
    assert_eq!(server.requests().len(), 3, "a PUT is retried");

    server.push_fault(Fault::status(503).retry_after("0"));
    Message::delete(&client, &account, &sids[0]).await.unwrap();
    assert_eq!(server.requests().len(), 5, "a DELETE is retried");

    let conversation = server.insert("/v2/Conversations", serde_json::json!({ "name": "c" }));
    server.push_fault(Fault::status(503).retry_after("0"));
    let close = ConversationChanges {
        status: Some("CLOSED".into()),
        ..ConversationChanges::default()
    };
    Conversation::update(&client, &conversation, &close)
        .await
        .unwrap();
    let methods: Vec<String> = server.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(methods[5..], ["PATCH", "PATCH"], "a PATCH is retried");
    assert!(server.records(&messages(&server)).is_empty());
}

#[tokio::test]
async fn an_idempotent_create_is_retried_after_503_with_the_same_key() {
    let (server, client) = start().await;
    server.push_fault(Fault::status(503).retry_after("0"));
    let created = ControlPlaneConfiguration::create(&client, &NewConfiguration::example())
        .await
        .unwrap();
    assert!(created.id.is_some());
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "one 503, one retry");
    let first = requests[0].idempotency_key.clone().expect("a key");
    assert!(is_uuid_v4(&first), "{first}");
    assert_eq!(requests[1].idempotency_key.as_deref(), Some(first.as_str()));
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(
        server.records("/v2/ControlPlane/Configurations").len(),
        1,
        "created once"
    );
}

#[tokio::test]
async fn an_idempotent_create_is_retried_after_a_reset_with_the_same_key() {
    let (server, client) = start().await;
    server.push_fault(Fault::cut_mid_body());
    ControlPlaneConfiguration::create(&client, &NewConfiguration::example())
        .await
        .unwrap();
    let keys: Vec<_> = server
        .requests()
        .into_iter()
        .map(|r| r.idempotency_key.unwrap())
        .collect();
    assert_eq!(keys.len(), 2, "one cut answer, one retry");
    assert_eq!(keys[0], keys[1]);
}

#[tokio::test]
async fn idempotent_update_and_delete_keep_their_key_across_retries() {
    let (server, client) = start().await;
    let created = ControlPlaneConfiguration::create(&client, &NewConfiguration::example())
        .await
        .unwrap();
    let id = created.id.unwrap();

    server.push_fault(Fault::status(503).retry_after("0"));
    server.push_fault(Fault::status(429).retry_after("0"));
    ControlPlaneConfiguration::update(&client, &id, &NewConfiguration::example())
        .await
        .unwrap();
    server.push_fault(Fault::status(503).retry_after("0"));
    ControlPlaneConfiguration::delete(&client, &id)
        .await
        .unwrap();

    let requests = server.requests();
    let methods: Vec<&str> = requests.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(methods, ["POST", "PUT", "PUT", "PUT", "DELETE", "DELETE"]);
    let key = |at: usize| requests[at].idempotency_key.clone().unwrap();
    assert_eq!(key(1), key(2));
    assert_eq!(key(2), key(3));
    assert_eq!(key(4), key(5));
    let distinct: HashSet<String> = [key(0), key(1), key(4)].into();
    assert_eq!(distinct.len(), 3, "one key per call");
}

#[tokio::test]
async fn every_idempotent_call_gets_a_fresh_key_and_others_none() {
    let (server, client) = start().await;
    for _ in 0..5 {
        ControlPlaneConfiguration::create(&client, &NewConfiguration::example())
            .await
            .unwrap();
    }
    let keys: HashSet<String> = server
        .requests()
        .into_iter()
        .map(|r| r.idempotency_key.unwrap())
        .collect();
    assert_eq!(keys.len(), 5);
    assert!(keys.iter().all(|k| is_uuid_v4(k)), "{keys:?}");
    assert_eq!(server.records("/v2/ControlPlane/Configurations").len(), 5);

    let account = client.account_sid().to_owned();
    Message::create(&client, &account, &sms()).await.unwrap();
    Participant::create(&client, CONVERSATION, &new_participant())
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 7);
    assert!(requests[5..].iter().all(|r| r.idempotency_key.is_none()));
}
