//! Request bodies and list filters: form encoding (sequences as repeated keys, `None` omitted),
//! JSON encoding, and [`JsonString`] for the untyped fields Twilio takes as a JSON text.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::ser::{Error as _, Serializer};
use serde::{Deserialize, Serialize};

use crate::Error;

/// A `create` or `update` body as `application/x-www-form-urlencoded`.
///
/// Sequences become repeated keys (`MediaUrl=a&MediaUrl=b`), `None` is left out, booleans are
/// `true`/`false`, and keys are percent-encoded like values (`DateSent%3E=…`, `Capabilities.Voice=…`).
///
/// # Errors
///
/// [`Error::InvalidArgument`] for parameter `body` when a field cannot be a form value (a nested
/// struct or map, say), naming the field and what serde said.
pub(crate) fn form<B: Serialize + ?Sized>(body: &B) -> Result<String, Error> {
    encode_form("body", body)
}

/// A query string (no leading `?`): a list filter, a `fetch` or `delete` parameter type, or a
/// call's extra query, encoded exactly like a [`form`] body.
///
/// # Errors
///
/// As [`form`], naming `parameter`.
pub(crate) fn query<F: Serialize + ?Sized>(
    parameter: &'static str,
    value: &F,
) -> Result<String, Error> {
    encode_form(parameter, value)
}

/// Appends an encoded query (`a=1&b=2`, possibly empty) to a path that may already have one.
pub(crate) fn append_query(path_and_query: &mut String, query: &str) {
    if query.is_empty() {
        return;
    }
    match path_and_query.find('?') {
        None => path_and_query.push('?'),
        // `at` is below the length, so `at + 1` cannot overflow.
        Some(at) if at + 1 == path_and_query.len() || path_and_query.ends_with('&') => {}
        Some(_) => path_and_query.push('&'),
    }
    path_and_query.push_str(query);
}

/// A `create` or `update` body as JSON.
///
/// # Errors
///
/// [`Error::InvalidArgument`] for parameter `body` when serde_json refuses the value (a map with
/// non-string keys, a failing `Serialize` impl), with serde_json's message.
pub(crate) fn json<B: Serialize + ?Sized>(body: &B) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(body).map_err(|error| Error::InvalidArgument {
        parameter: "body",
        reason: format!("cannot be encoded as JSON: {error}"),
    })
}

fn encode_form<T: Serialize + ?Sized>(parameter: &'static str, value: &T) -> Result<String, Error> {
    let mut out = String::new();
    let mut encoder = form_urlencoded::Serializer::new(&mut out);
    // Through serde_path_to_error so that a refusal names the field, not just "unsupported value".
    let result =
        serde_path_to_error::serialize(value, serde_html_form::Serializer::new(&mut encoder))
            .map(drop);
    encoder.finish();
    match result {
        Ok(()) => Ok(out),
        Err(error) => {
            let path = error.path().to_string();
            let inner = error.into_inner();
            let reason = if path == "?" || path == "." || path.is_empty() {
                format!("cannot be form-encoded: {inner}{}", form_hint(&inner))
            } else {
                format!(
                    "field `{path}` cannot be form-encoded: {inner}{}",
                    form_hint(&inner)
                )
            };
            Err(Error::InvalidArgument { parameter, reason })
        }
    }
}

/// What to do about serde_html_form's terse refusals.
fn form_hint(error: &serde_html_form::ser::Error) -> &'static str {
    let text = error.to_string();
    if text.starts_with("top-level") {
        " (use a struct with named fields, a map, or a list of (key, value) pairs)"
    } else if text.starts_with("unsupported") {
        " (a form value is a string, number, boolean, unit enum variant, or an Option or sequence \
         of those; wrap a structured value in JsonString to send it as JSON text)"
    } else {
        ""
    }
}

/// Sends a value as a JSON *string*, as Twilio's untyped form fields (`Attributes`,
/// `SinkConfiguration`, `Configuration`, …) expect; reads it back from one.
///
/// `T` is serialised with serde_json and the resulting text is written as a string, so in a form
/// body the field becomes `Attributes=%7B%22role%22%3A%22driver%22%7D`, and in a JSON body
/// `"attributes": "{\"role\":\"driver\"}"`. In a response, a field Twilio returns as a string of
/// JSON decodes into `T`.
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use twilio_resource::JsonString;
///
/// #[derive(Serialize, Deserialize, Debug, PartialEq)]
/// struct Role {
///     role: String,
/// }
///
/// #[derive(Serialize, Deserialize, Debug, PartialEq)]
/// #[serde(rename_all = "PascalCase")]
/// struct UpdateParticipant {
///     attributes: Option<JsonString<Role>>,
/// }
///
/// let body = UpdateParticipant {
///     attributes: Some(JsonString(Role { role: "driver".into() })),
/// };
/// let json = serde_json::to_string(&body)?;
/// assert_eq!(json, r#"{"Attributes":"{\"role\":\"driver\"}"}"#);
/// assert_eq!(serde_json::from_str::<UpdateParticipant>(&json)?, body);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct JsonString<T>(pub T);

impl<T> JsonString<T> {
    /// The wrapped value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for JsonString<T> {
    fn from(value: T) -> Self {
        JsonString(value)
    }
}

impl<T: Serialize> Serialize for JsonString<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(&self.0).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for JsonString<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(JsonTextVisitor(PhantomData))
    }
}

struct JsonTextVisitor<T>(PhantomData<fn() -> T>);

impl<T: DeserializeOwned> Visitor<'_> for JsonTextVisitor<T> {
    type Value = JsonString<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string holding JSON")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        serde_json::from_str(text).map(JsonString).map_err(|error| {
            E::custom(format_args!("the string is not the expected JSON: {error}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Serialize, Default)]
    #[serde(rename_all = "PascalCase")]
    struct CreateMessage {
        to: String,
        from: Option<String>,
        body: Option<String>,
        media_url: Vec<String>,
        send_as_mms: Option<bool>,
        validity_period: Option<u32>,
    }

    #[test]
    fn sequences_repeat_keys_and_none_is_left_out() {
        let body = CreateMessage {
            to: "+15558675310".into(),
            body: Some("Hi & bye = 100%".into()),
            media_url: vec![
                "https://a.example/1.png".into(),
                "https://b.example/2.png".into(),
            ],
            send_as_mms: Some(true),
            validity_period: Some(600),
            ..CreateMessage::default()
        };
        assert_eq!(
            form(&body).unwrap(),
            "To=%2B15558675310&Body=Hi+%26+bye+%3D+100%25\
             &MediaUrl=https%3A%2F%2Fa.example%2F1.png&MediaUrl=https%3A%2F%2Fb.example%2F2.png\
             &SendAsMms=true&ValidityPeriod=600"
        );
        let empty = CreateMessage {
            to: "x".into(),
            ..CreateMessage::default()
        };
        assert_eq!(form(&empty).unwrap(), "To=x");
    }

    #[derive(Serialize, Default)]
    struct MessageFilter {
        #[serde(rename = "To")]
        to: Option<String>,
        #[serde(rename = "DateSent<")]
        date_sent_before: Option<String>,
        #[serde(rename = "DateSent>")]
        date_sent_after: Option<String>,
        #[serde(rename = "Capabilities.Voice")]
        voice: Option<bool>,
        #[serde(rename = "Notifications.NewMessage.Enabled")]
        new_message: Option<bool>,
    }

    #[test]
    fn inequality_and_dotted_names_are_encoded_as_keys() {
        let filter = MessageFilter {
            date_sent_before: Some("2024-01-02".into()),
            date_sent_after: Some("2023-12-31T23:59:59Z".into()),
            voice: Some(false),
            new_message: Some(true),
            ..MessageFilter::default()
        };
        assert_eq!(
            query("filter", &filter).unwrap(),
            "DateSent%3C=2024-01-02&DateSent%3E=2023-12-31T23%3A59%3A59Z\
             &Capabilities.Voice=false&Notifications.NewMessage.Enabled=true"
        );
        assert_eq!(query("filter", &MessageFilter::default()).unwrap(), "");
    }

    #[test]
    fn json_string_goes_as_text_in_a_form() {
        #[derive(Serialize)]
        #[serde(rename_all = "PascalCase")]
        struct Update {
            attributes: JsonString<BTreeMap<&'static str, u8>>,
            sink_configuration: Option<JsonString<serde_json::Value>>,
        }
        let body = Update {
            attributes: JsonString(BTreeMap::from([("a", 1), ("b", 2)])),
            sink_configuration: Some(JsonString(serde_json::json!({"destination": "x"}))),
        };
        assert_eq!(
            form(&body).unwrap(),
            "Attributes=%7B%22a%22%3A1%2C%22b%22%3A2%7D\
             &SinkConfiguration=%7B%22destination%22%3A%22x%22%7D"
        );
    }

    #[test]
    fn json_string_reads_back_from_a_string_and_names_bad_json() {
        let value: JsonString<BTreeMap<String, String>> =
            serde_json::from_str(r#""{ \"role\": \"driver\" }""#).unwrap();
        assert_eq!(value.0["role"], "driver");
        let error = serde_json::from_str::<JsonString<BTreeMap<String, String>>>(r#""{oops""#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("not the expected JSON"), "{error}");
        assert!(serde_json::from_str::<JsonString<u8>>("5").is_err());
        assert_eq!(JsonString::from(3).into_inner(), 3);
    }

    #[test]
    fn a_nested_value_is_refused_with_the_field_named() {
        #[derive(Serialize)]
        #[serde(rename_all = "PascalCase")]
        struct Bad {
            to: &'static str,
            attributes: BTreeMap<&'static str, u8>,
        }
        let error = form(&Bad {
            to: "x",
            attributes: BTreeMap::from([("a", 1)]),
        })
        .unwrap_err();
        let Error::InvalidArgument { parameter, reason } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(*parameter, "body");
        assert!(reason.contains("`Attributes`"), "{reason}");
        assert!(reason.contains("JsonString"), "{reason}");

        let error = query("filter", &"just a string").unwrap_err();
        let Error::InvalidArgument { parameter, reason } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(*parameter, "filter");
        assert!(reason.contains("top-level"), "{reason}");
    }

    #[test]
    fn json_bodies_and_their_refusals() {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Create {
            profile_id: Option<String>,
            addresses: Vec<BTreeMap<&'static str, &'static str>>,
        }
        let body = Create {
            profile_id: None,
            addresses: vec![BTreeMap::from([("channel", "SMS"), ("address", "+1")])],
        };
        assert_eq!(
            json(&body).unwrap(),
            br#"{"profileId":null,"addresses":[{"address":"+1","channel":"SMS"}]}"#
        );
        let bad = BTreeMap::from([((1, 2), "x")]);
        let error = json(&bad).unwrap_err();
        assert!(
            matches!(&error, Error::InvalidArgument { parameter: "body", reason } if reason.contains("key must be a string")),
            "{error:?}"
        );
    }

    #[test]
    fn pairs_and_maps_are_accepted_too() {
        assert_eq!(
            query("filter", &[("Status", "sent"), ("Status", "delivered")]).unwrap(),
            "Status=sent&Status=delivered"
        );
        assert_eq!(
            query("filter", &BTreeMap::from([("PageToken", "PA x")])).unwrap(),
            "PageToken=PA+x"
        );
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct TextFilter {
        #[serde(rename = "FriendlyName")]
        name: String,
        #[serde(rename = "DateSent<")]
        before: Vec<String>,
    }

    /// Encodes `text` as a plain and as a repeated, renamed key, and decodes it back.
    fn round_trip(text: &str) {
        let filter = TextFilter {
            name: text.to_owned(),
            before: vec![text.to_owned(), format!("{text}2")],
        };
        let encoded = query("filter", &filter).unwrap();
        // Nothing that could end the query or start a fragment, nothing outside printable ASCII.
        assert!(
            encoded.bytes().all(|b| b.is_ascii_graphic() && b != b'#'),
            "{encoded}"
        );
        let decoded: TextFilter = serde_html_form::from_str(&encoded).unwrap();
        assert_eq!(decoded, filter, "{encoded}");
    }

    #[test]
    fn query_characters_and_unicode_round_trip() {
        for text in [
            "",
            " ",
            "+&=%#?/;,[]{}\"'<>\\|^`~",
            "é, ß, 日本語, 🦀, \u{200d}, \u{feff}, \u{10ffff}",
            "%2B%20+",
            "line\nbreak\r\ttab\0nul",
        ] {
            round_trip(text);
        }
    }

    proptest::proptest! {
        /// Any Unicode value survives the form encoder and a form decoder unchanged.
        #[test]
        fn any_unicode_value_round_trips(text in proptest::prelude::any::<String>()) {
            round_trip(&text);
        }
    }
}
