//! Fetch Participant end to end over real HTTP against the local server: success, every error
//! status, retries, timeouts and concurrency.

use jiff::Timestamp;
use serde_json::json;
use twilio_local_server::{Fault, LocalServer, example_participant};
use twilio_resource::{Client, Error};
use twilio_resource_tests::*;

#[tokio::test]
async fn fetches_the_example_participant_with_every_field() {
    let (server, client) = server_with_example().await;
    let p = fetch_example(&client).await.unwrap();
    assert_eq!(p.id.as_deref(), Some(EXAMPLE_PARTICIPANT_ID));
    assert_eq!(p.conversation_id.as_deref(), Some(EXAMPLE_CONVERSATION_ID));
    assert_eq!(
        p.account_id.as_deref(),
        Some("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(p.name.as_deref(), Some("Dana S."));
    assert_eq!(p.kind, Some(ParticipantType::Customer));
    assert_eq!(
        p.profile_id.as_deref(),
        Some("mem_profile_00000000000000000000000000")
    );
    assert_eq!(p.addresses.len(), 3);
    assert_eq!(p.addresses[1].channel, Channel::Whatsapp);
    assert_eq!(p.addresses[1].address, "whatsapp:+18005550100");
    assert_eq!(
        p.created_at,
        Some("2023-07-01T12:00:00Z".parse::<Timestamp>().unwrap())
    );
    assert_eq!(
        p.updated_at,
        Some("2023-07-01T12:00:00Z".parse::<Timestamp>().unwrap())
    );

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.path,
        format!(
            "/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants/{EXAMPLE_PARTICIPANT_ID}"
        )
    );
    assert!(request.authorized);
    assert_eq!(request.accept.as_deref(), Some("application/json"));
    let ua = request.user_agent.as_deref().unwrap();
    let expected_prefix = format!(
        "twilio-resource/0.1.0 ({} {}) rust/",
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    assert!(ua.starts_with(&expected_prefix), "{ua}");
}

#[tokio::test]
async fn round_trips_through_serde_with_camel_case_and_ignores_unknown_fields() {
    let (server, client) = server_with_example().await;
    let mut extra = example_participant();
    extra["id"] = json!("conv_participant_extra");
    extra["someFieldTwilioAddsLater"] = json!({"nested": [1, 2, 3]});
    extra["type"] = json!("SUPERVISOR");
    extra["addresses"] =
        json!([{"channel": "CARRIER_PIGEON", "address": "loft 7", "channelId": "c1"}]);
    extra["name"] = json!(null);
    server.insert_participant(extra);
    let p = Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, "conv_participant_extra")
        .await
        .unwrap();
    assert_eq!(p.kind, Some(ParticipantType::Other("SUPERVISOR".into())));
    assert_eq!(
        p.addresses[0].channel,
        Channel::Other("CARRIER_PIGEON".into())
    );
    assert_eq!(p.addresses[0].channel_id.as_deref(), Some("c1"));
    assert_eq!(p.name, None);

    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["conversationId"], EXAMPLE_CONVERSATION_ID);
    assert_eq!(json["type"], "SUPERVISOR");
    let back: Participant = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
}

#[tokio::test]
async fn unknown_is_a_real_value_distinct_from_the_catch_all() {
    let (server, client) = server_with_example().await;
    let mut p = example_participant();
    p["type"] = json!("UNKNOWN");
    server.insert_participant(p);
    assert_eq!(
        fetch_example(&client).await.unwrap().kind,
        Some(ParticipantType::Unknown)
    );
}

#[tokio::test]
async fn authenticates_with_an_api_key() {
    let server = LocalServer::builder()
        .api_key("SKlocal", "key-secret")
        .start()
        .await
        .unwrap();
    server.insert_participant(example_participant());
    let client = Client::builder()
        .account_sid(server.account_sid())
        .api_key("SKlocal", "key-secret")
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert!(fetch_example(&client).await.is_ok());
}

#[tokio::test]
async fn an_unknown_participant_is_a_404_with_twilio_code() {
    let (server, client) = server_with_example().await;
    let error = Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, "conv_participant_missing")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.code(), Some(20404));
    assert!(
        error
            .message()
            .unwrap()
            .contains("conv_participant_missing")
    );
    assert_eq!(
        error.more_info(),
        Some("https://www.twilio.com/docs/errors/20404")
    );
    assert!(
        error
            .to_string()
            .starts_with("Twilio answered HTTP 404 Not Found (error 20404)"),
        "{error}"
    );
    assert_eq!(server.requests().len(), 1, "a 404 is not retried");
}

#[tokio::test]
async fn errors_that_are_not_retried_report_status_and_code() {
    for (status, code) in [(400, 20001), (404, 20404), (500, 20500)] {
        let (server, client) = server_with_example().await;
        server.push_fault(Fault::status(status));
        let error = fetch_example(&client).await.unwrap_err();
        assert_eq!(
            (error.status(), error.code()),
            (Some(status), Some(code)),
            "{error}"
        );
        assert!(matches!(error, Error::Api(_)));
        assert_eq!(
            server.requests().len(),
            1,
            "HTTP {status} must not be retried"
        );
    }
}

#[tokio::test]
async fn retries_429_and_503_then_succeeds() {
    for status in [429, 503] {
        let (server, client) = server_with_example().await;
        server.push_fault(Fault::status(status).retry_after("0"));
        server.push_fault(Fault::status(status));
        assert!(fetch_example(&client).await.is_ok(), "HTTP {status}");
        assert_eq!(server.requests().len(), 3);
    }
}

#[tokio::test]
async fn other_error_body_shapes_and_non_json_bodies_still_give_status_and_code() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::problem(400));
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(400), Some(20001)));
    assert_eq!(error.api().unwrap().title.as_deref(), Some("Bad request"));

    server.push_fault(Fault::standard(400));
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!(error.api().unwrap().user_error, Some(true));

    server.push_fault(Fault::html(502));
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(502), None));
    assert!(
        error.to_string().contains("non-JSON body: \"<html>"),
        "{error}"
    );
}

#[tokio::test]
async fn a_body_that_does_not_decode_names_the_type_and_json_path() {
    let (server, client) = server_with_example().await;
    let mut p = example_participant();
    p["addresses"][1]["address"] = json!(42);
    server.insert_participant(p);
    match fetch_example(&client).await.unwrap_err() {
        Error::Decode {
            type_name,
            path,
            message,
            ..
        } => {
            assert!(type_name.ends_with("Participant"), "{type_name}");
            assert_eq!(path, "addresses[1].address");
            assert!(message.contains("invalid type: integer `42`"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }

    server.push_fault(Fault::truncated_json());
    let error = fetch_example(&client).await.unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("did not decode as `Participant`"),
        "{error}"
    );
}

#[tokio::test]
async fn two_hundred_concurrent_fetches_share_one_client() {
    let (server, client) = server_with_example().await;
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { fetch_example(&client).await })
        })
        .collect();
    for task in tasks {
        assert_eq!(
            task.await.unwrap().unwrap().name.as_deref(),
            Some("Dana S.")
        );
    }
    assert_eq!(server.requests().len(), 200);
}
