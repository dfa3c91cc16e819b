//! Test fixtures for lists: two resources to list, and Twilio's example pages in each dialect.

use std::fmt;

use bytes::Bytes;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::page::{Parsed, parse_decoded, parse_page_by_field, parse_page_decoded};
use crate::decode::Answer;
use crate::{BodyFormat, Error, PathTemplate, Protocol, Resource, UpdateMethod};

/// A 2010 message, as the records of `Messages.json` pages.
#[derive(Debug, Deserialize, PartialEq)]
pub(super) struct Message {
    pub(super) sid: String,
    pub(super) date_sent: Option<String>,
}

impl Resource for Message {
    const BASE_URL: &'static str = "https://api.twilio.com";
    const PATH: PathTemplate = PathTemplate::new(
        "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
        &["account_sid", "sid"],
    );
    const PROTOCOL: Protocol =
        Protocol::new(BodyFormat::Form, UpdateMethod::Post, Some("PageSize"));
}

/// A v2 participant (the default protocol: `pageSize`).
#[derive(Debug, Deserialize, PartialEq)]
pub(super) struct Participant {
    pub(super) id: String,
}

impl Resource for Participant {
    const BASE_URL: &'static str = "https://conversations.twilio.com";
    const PATH: PathTemplate = PathTemplate::new("/v2/P/<Sid>", &["sid"]);
}

pub(super) const ACCOUNT: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// Twilio's own 2010 example (`readFullPage1` of List Messages), records trimmed.
pub(super) fn page_2010() -> Value {
    json!({
        "end": 1,
        "first_page_uri": format!("{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=0"),
        "next_page_uri": format!("{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=1&PageToken=PAMMc26223853f8c46b4ab7dfaa6abba0a26"),
        "page": 0,
        "page_size": 2,
        "previous_page_uri": null,
        "messages": [
            {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "body": "testing", "date_sent": "Fri, 24 May 2019 17:44:50 +0000", "num_media": "0", "sid": "SMded05904ccb347238880ca9264e8fe1c", "subresource_uris": {"media": "/x/Media.json"}},
            {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "body": "look mom I have media!", "date_sent": "Fri, 24 May 2019 17:44:49 +0000", "error_code": 30004, "sid": "MMc26223853f8c46b4ab7dfaa6abba0a26", "subresource_uris": {"media": "/y/Media.json"}}
        ],
        "start": 0,
        "uri": format!("{ACCOUNT}/Messages.json?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=0")
    })
}

/// Twilio's v1 example (Conversations v1 List Participants), with a next page.
pub(super) fn page_v1(next: Option<&str>) -> Value {
    json!({
        "meta": {
            "page": 0,
            "page_size": 50,
            "first_page_url": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=0",
            "previous_page_url": null,
            "url": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=0",
            "next_page_url": next,
            "key": "participants"
        },
        "participants": [
            {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "sid": "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "identity": null, "attributes": "{ \"role\": \"driver\" }", "messaging_binding": {"type": "sms", "address": "+15558675310"}, "date_created": "2016-03-24T21:05:50Z"}
        ]
    })
}

/// The v2 token dialect (Conversations v2 List Participants).
pub(super) fn page_token(next: Option<&str>) -> Value {
    json!({
        "participants": [
            {"id": "conv_participant_00000000000000000000000001", "conversationId": "conv_conversation_00000000000000000000000001", "name": "Dana", "addresses": [{"channel": "SMS", "address": "+18005550100"}]},
            {"id": "conv_participant_00000000000000000000000002", "conversationId": "conv_conversation_00000000000000000000000001", "name": null, "addresses": []}
        ],
        "meta": {"key": "participants", "pageSize": 2, "previousToken": null, "nextToken": next}
    })
}

/// Reads a page and decodes every record at once, as `List` does.
pub(super) fn read<R: DeserializeOwned>(body: &[u8]) -> Result<Parsed<R>, Error> {
    parse_page_decoded::<R>(Bytes::copy_from_slice(body))
        .map(|(items, next)| Parsed { items, next })
}

/// Reads a page both ways, checking that they agree: at once, and field by field.
pub(super) fn parse(page: &Value) -> Parsed<Value> {
    let body = serde_json::to_vec(page).unwrap();
    let parsed = read::<Value>(&body).unwrap();
    let thorough = parse_decoded::<Value>(parse_page_by_field(Bytes::from(body), "Value"));
    let thorough = thorough.unwrap();
    assert_eq!(parsed.items, thorough.items);
    assert_eq!(parsed.next, thorough.next);
    parsed
}

/// The path and message of the decode error a page gives.
pub(super) fn decode_failure<R: DeserializeOwned + fmt::Debug>(page: &Value) -> (String, String) {
    let body = serde_json::to_vec(page).unwrap();
    match parse_page_decoded::<R>(Bytes::from(body)) {
        Err(Error::Decode {
            path,
            message,
            type_name,
        }) => {
            assert_eq!(type_name, std::any::type_name::<R>());
            (path, message)
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

/// A JSON page as the client receives it, declared as JSON.
pub(super) fn answer(page: &Value) -> Answer {
    Answer {
        status: reqwest::StatusCode::OK,
        headers: reqwest::header::HeaderMap::new(),
        body: Bytes::from(serde_json::to_vec(page).unwrap()),
    }
}
