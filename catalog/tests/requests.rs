//! What the catalog's calls send, through the client to the local server: form bodies with
//! wire names, sequences as repeated keys, `None` left out, dates in the format the description
//! names, enums in their wire spelling, `object` parameters as JSON text, and list filters in the
//! query. Each test runs when its product's feature is enabled (`--features full`: all).

#![cfg_attr(
    not(any(feature = "api-v2010", feature = "notify-v1")),
    allow(dead_code)
)]

mod support;

use support::start;
use twilio_local_server::{LocalServer, RecordedRequest};

/// The last request to a path ending in `tail`, its body decoded into pairs in order.
fn last(server: &LocalServer, tail: &str) -> (RecordedRequest, Vec<(String, String)>) {
    let request = server
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.path.split('?').next().is_some_and(|p| p.ends_with(tail)))
        .unwrap_or_else(|| panic!("no request to …{tail}"));
    let pairs = form_urlencoded::parse(&request.body).into_owned().collect();
    (request, pairs)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[cfg(feature = "api-v2010")]
#[tokio::test]
async fn a_2010_message_is_sent_as_a_form_and_listed_with_inequality_filters() {
    use twilio_catalog::api::v2010::MessageRiskCheck;
    use twilio_catalog::api::v2010::account::{CreateMessageParams, ListMessageParams, Message};

    let (server, client) = start().await;
    let params = CreateMessageParams {
        to: "+15558675310".into(),
        from: Some("+15017122661".into()),
        body: Some("Hi & bye".into()),
        media_url: Some(vec![
            "https://a.example/1.png".into(),
            "https://a.example/2.png".into(),
        ]),
        send_at: Some("2030-01-02T03:04:05Z".parse().expect("a timestamp")),
        risk_check: Some(MessageRiskCheck::Disable),
        max_price: Some(0.5),
        shorten_urls: Some(true),
        ..Default::default()
    };
    let sent = Message::create(&client, client.account_sid(), &params)
        .await
        .expect("created");
    assert!(
        sent.sid.as_deref().is_some_and(|sid| sid.starts_with("SM")),
        "{:?}",
        sent.sid
    );
    let (request, body) = last(&server, "/Messages.json");
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        body,
        pairs(&[
            ("Body", "Hi & bye"),
            ("From", "+15017122661"),
            ("MaxPrice", "0.5"),
            ("MediaUrl", "https://a.example/1.png"),
            ("MediaUrl", "https://a.example/2.png"),
            ("RiskCheck", "disable"),
            ("SendAt", "2030-01-02T03:04:05Z"),
            ("ShortenUrls", "true"),
            ("To", "+15558675310"),
        ])
    );

    let filter = ListMessageParams {
        to: Some("+15558675310".into()),
        date_sent_after: Some("2024-01-01T00:00:00Z".parse().expect("a timestamp")),
        ..Default::default()
    };
    let listed = Message::list(&client, client.account_sid(), &filter)
        .collect_all()
        .await
        .expect("listed");
    assert!(listed.len() <= 1);
    let (request, _) = last(&server, "/Messages.json");
    assert_eq!(request.method, "GET");
    let query = request.query.unwrap_or_default();
    assert!(query.contains("To=%2B15558675310"), "{query}");
    assert!(
        query.contains("DateSent%3E=2024-01-01T00%3A00%3A00Z"),
        "{query}"
    );
    assert!(!query.contains("DateSent%3C"), "None is left out: {query}");
}

#[cfg(feature = "api-v2010")]
#[test]
fn enums_keep_values_they_do_not_list() {
    use twilio_catalog::api::v2010::MessageStatus;

    let known: MessageStatus = serde_json::from_str("\"delivered\"").expect("decodes");
    assert_eq!(known, MessageStatus::Delivered);
    let new: MessageStatus = serde_json::from_str("\"a_status_added_later\"").expect("decodes");
    assert_eq!(
        new,
        MessageStatus::Unrecognized("a_status_added_later".into())
    );
    assert_eq!(new.to_string(), "a_status_added_later");
    assert_eq!(
        serde_json::to_string(&new).expect("encodes"),
        "\"a_status_added_later\""
    );
    assert_eq!("queued".parse::<MessageStatus>(), Ok(MessageStatus::Queued));
    assert_eq!(MessageStatus::Queued.as_str(), "queued");
}

#[cfg(feature = "api-v2010")]
#[test]
fn a_2010_message_reads_rfc_2822_dates_and_prices_sent_as_strings() {
    use twilio_catalog::api::v2010::account::Message;
    use twilio_catalog::api::v2010::{MessageDirection, MessageStatus};

    let message: Message = serde_json::from_value(serde_json::json!({
        "sid": "SM1",
        "status": "canceled",
        "direction": "outbound-api",
        "price": "-0.0075",
        "date_created": "Thu, 30 Jul 2015 20:12:31 +0000",
        "date_sent": null,
        "subresource_uris": {"media": "/2010-04-01/Accounts/AC1/Messages/SM1/Media.json"},
        "a_field_twilio_adds_later": 1
    }))
    .expect("decodes");
    assert_eq!(message.status, Some(MessageStatus::Canceled));
    assert_eq!(message.direction, Some(MessageDirection::OutboundApi));
    assert_eq!(message.price.as_deref(), Some("-0.0075"));
    assert_eq!(
        message.date_created,
        Some("2015-07-30T20:12:31Z".parse().expect("a timestamp"))
    );
    assert_eq!(message.date_sent, None);
    let encoded = serde_json::to_value(&message).expect("encodes");
    assert_eq!(encoded["date_created"], "Thu, 30 Jul 2015 20:12:31 +0000");
}

#[cfg(feature = "notify-v1")]
#[tokio::test]
async fn object_parameters_go_as_json_text_in_a_form() {
    use twilio_catalog::notify::v1::service::{CreateNotificationParams, Notification};

    let (server, client) = start().await;
    let params = CreateNotificationParams {
        body: Some("Hello".into()),
        data: Some(serde_json::json!({"order": 7})),
        identity: Some(vec!["a".into(), "b".into()]),
        ..Default::default()
    };
    Notification::create(&client, "IS00000000000000000000000000000000", &params)
        .await
        .expect("created");
    let (_, body) = last(&server, "/Notifications");
    assert_eq!(
        body,
        pairs(&[
            ("Body", "Hello"),
            ("Data", "{\"order\":7}"),
            ("Identity", "a"),
            ("Identity", "b")
        ])
    );
}
