//! Hostile path values over real HTTP: each value is exactly one segment, and the values that would
//! change which resource is addressed are refused before anything is sent.

use twilio_local_server::example_participant;
use twilio_resource::{Error, twilio_resource};
use twilio_resource_tests::*;

/// Values that would break out of their segment, or be mangled, without encoding.
const HOSTILE: &[(&str, &str)] = &[
    ("a/b", "a%2Fb"),
    ("../x", "..%2Fx"),
    ("what?x=1", "what%3Fx%3D1"),
    ("frag#ment", "frag%23ment"),
    ("100%", "100%25"),
    ("%2F", "%252F"),
    ("with space", "with%20space"),
    ("tab\there", "tab%09here"),
    (
        "Ünïcødé-名前",
        "%C3%9Cn%C3%AFc%C3%B8d%C3%A9-%E5%90%8D%E5%89%8D",
    ),
    ("emoji😀", "emoji%F0%9F%98%80"),
    ("...", "..."),
    ("plus+amp&eq=", "plus%2Bamp%26eq%3D"),
    ("back\\slash", "back%5Cslash"),
];

#[tokio::test]
async fn each_hostile_value_reaches_the_server_as_one_segment_and_round_trips() {
    let (server, client) = server_with_example().await;
    for (i, (value, encoded)) in HOSTILE.iter().enumerate() {
        let mut p = example_participant();
        p["id"] = serde_json::json!(value);
        server.insert_participant(p);

        let fetched = Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, value).await;
        let fetched = fetched.unwrap_or_else(|e| panic!("{value:?}: {e}"));
        assert_eq!(fetched.id.as_deref(), Some(*value));

        let sent = &server.requests()[i].path;
        assert_eq!(
            sent,
            &format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants/{encoded}"),
            "{value:?}"
        );
        assert_eq!(
            Participant::path(EXAMPLE_CONVERSATION_ID, value).unwrap(),
            *sent
        );
    }
}

#[tokio::test]
async fn hostile_values_in_the_first_position_stay_in_their_segment() {
    let (server, client) = server_with_example().await;
    let mut p = example_participant();
    p["conversationId"] = serde_json::json!("conv/../Participants?x#y");
    server.insert_participant(p);
    let fetched = Participant::fetch(&client, "conv/../Participants?x#y", EXAMPLE_PARTICIPANT_ID)
        .await
        .unwrap();
    assert_eq!(
        fetched.conversation_id.as_deref(),
        Some("conv/../Participants?x#y")
    );
    assert_eq!(
        server.requests()[0].path,
        format!(
            "/v2/Conversations/conv%2F..%2FParticipants%3Fx%23y/Participants/{EXAMPLE_PARTICIPANT_ID}"
        )
    );
}

#[tokio::test]
async fn empty_and_dot_values_are_refused_naming_the_parameter_and_nothing_is_sent() {
    let (server, client) = server_with_example().await;
    let cases = [
        ("", EXAMPLE_PARTICIPANT_ID, "conversation_sid"),
        (EXAMPLE_CONVERSATION_ID, "", "sid"),
        (".", EXAMPLE_PARTICIPANT_ID, "conversation_sid"),
        (EXAMPLE_CONVERSATION_ID, "..", "sid"),
    ];
    for (conversation_sid, sid, expected) in cases {
        let error = Participant::fetch(&client, conversation_sid, sid)
            .await
            .unwrap_err();
        match &error {
            Error::InvalidArgument { parameter, .. } => assert_eq!(*parameter, expected),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
        assert!(
            error
                .to_string()
                .starts_with(&format!("invalid argument `{expected}`: must not be")),
            "{error}"
        );
        assert_eq!(error.status(), None);
        assert!(Participant::path(conversation_sid, sid).is_err());
    }
    assert!(
        server.requests().is_empty(),
        "refused arguments must not reach the network"
    );
}

#[tokio::test]
async fn accepts_owned_and_borrowed_strings() {
    let (_server, client) = server_with_example().await;
    let conversation = String::from(EXAMPLE_CONVERSATION_ID);
    let p = Participant::fetch(&client, &conversation, String::from(EXAMPLE_PARTICIPANT_ID))
        .await
        .unwrap();
    assert_eq!(p.id.as_deref(), Some(EXAMPLE_PARTICIPANT_ID));
}

/// A Twilio 2010 API resource: snake_case JSON, another host, a `.json` suffix after a placeholder.
#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case"
)]
#[derive(Debug)]
pub struct Message {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub date_created: Option<String>,
}

#[test]
fn older_api_shapes_are_expressible() {
    use twilio_resource::Resource;
    assert_eq!(Message::BASE_URL, "https://api.twilio.com");
    assert_eq!(
        Message::path("AC1", "SM1").unwrap(),
        "/2010-04-01/Accounts/AC1/Messages/SM1.json"
    );
    assert_eq!(Message::PATH.parameters(), ["account_sid", "sid"]);
    let m: Message =
        serde_json::from_str(r#"{"sid": "SM1", "account_sid": "AC1", "date_created": "x"}"#)
            .unwrap();
    assert_eq!(m.account_sid.as_deref(), Some("AC1"));
}
