//! Decoding a 2xx answer: JSON only, with the JSON path of whatever did not fit the type.

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};

use crate::error::{Error, excerpt};

/// A 2xx answer, read whole: its status, headers and body.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Answer {
    /// The content type when it is present and not JSON (an answer without one is tried as JSON).
    pub(crate) fn non_json_content_type(&self) -> Option<&HeaderValue> {
        self.headers
            .get(CONTENT_TYPE)
            .filter(|content_type| !is_json(content_type))
    }
}

/// Decodes the answer to a create or update. A `204 No Content` (a few Twilio writes answer so)
/// reads as an empty JSON object: a model whose fields are all optional, as Twilio's are, comes
/// back with every field `None`, where any other model gets a decode error naming the field.
pub(crate) fn decode_written<R: serde::de::DeserializeOwned>(answer: &Answer) -> Result<R, Error> {
    if answer.status == StatusCode::NO_CONTENT && answer.body.is_empty() {
        return decode(b"{}");
    }
    decode_answer(answer)
}

/// Decodes a 2xx answer, refusing up front a body declared as something other than JSON (an HTML
/// page from a captive portal or proxy, say); an answer without a content type is tried as JSON.
pub(crate) fn decode_answer<R: serde::de::DeserializeOwned>(answer: &Answer) -> Result<R, Error> {
    match answer.non_json_content_type() {
        Some(content_type) => {
            let shown = String::from_utf8_lossy(content_type.as_bytes());
            let starts = excerpt(&answer.body)
                .map(|text| format!("; it starts \"{text}\""))
                .unwrap_or_default();
            Err(decode_error(
                std::any::type_name::<R>(),
                ".".to_owned(),
                format!(
                    "expected JSON but the content type is `{shown}` (a proxy or captive portal may have answered){starts}"
                ),
            ))
        }
        None => decode(&answer.body),
    }
}

/// `application/json` or any `+json` type (`application/problem+json`), parameters ignored.
pub(crate) fn is_json(content_type: &HeaderValue) -> bool {
    let bytes = content_type.as_bytes();
    let media = bytes
        .split(|&b| b == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    media.eq_ignore_ascii_case(b"application/json")
        // `len() > 5` makes the slice start in bounds.
        || media.len() > 5 && media[media.len() - 5..].eq_ignore_ascii_case(b"+json")
}

/// Decodes a 2xx body. The fast path is plain serde_json; only on failure is the body decoded again
/// with path tracking, so the error can say where it broke.
pub(crate) fn decode<R: serde::de::DeserializeOwned>(body: &[u8]) -> Result<R, Error> {
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let (path, message) = match serde_path_to_error::deserialize::<_, R>(&mut deserializer) {
        Err(error) => (error.path().to_string(), error.into_inner().to_string()),
        // The value itself decoded, so the fast path refused what follows it.
        Ok(_) => (
            ".".to_owned(),
            deserializer
                .end()
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default(),
        ),
    };
    let message = if body.is_empty() {
        "the body is empty".to_owned()
    } else {
        message
    };
    Err(decode_error(std::any::type_name::<R>(), path, message))
}

/// [`Error::Decode`] for `type_name` at `path`: the one place both answers and list pages make it.
pub(crate) fn decode_error(type_name: &'static str, path: String, message: String) -> Error {
    Error::Decode {
        type_name,
        path,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Thing {
        id: String,
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        n: u8,
    }

    fn decode_failure(body: &[u8]) -> (String, String) {
        match decode::<Thing>(body) {
            Err(Error::Decode {
                path,
                message,
                type_name,
            }) => {
                assert!(type_name.ends_with("Thing"));
                (path, message)
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn decodes_and_ignores_unknown_fields() {
        let thing: Thing =
            decode(br#"{"id": "x", "items": [{"n": 1, "extra": true}], "new": 5}"#).unwrap();
        assert_eq!(thing.items.len(), 1);
    }

    #[test]
    fn names_the_json_path_of_a_failure() {
        let (path, message) = decode_failure(br#"{"id": "x", "items": [{"n": 1}, {"n": "two"}]}"#);
        assert_eq!(path, "items[1].n");
        assert!(message.contains("invalid type"), "{message}");
    }

    #[test]
    fn explains_empty_and_truncated_bodies() {
        assert_eq!(decode_failure(b"").1, "the body is empty");
        let (_, message) = decode_failure(br#"{"id": "x", "ite"#);
        assert!(message.contains("EOF"), "{message}");
        let (path, message) = decode_failure(br#"{"id": "x", "items": []} trailing"#);
        assert_eq!(path, ".");
        assert!(message.contains("trailing characters"), "{message}");
        let (_, message) = decode_failure(b"\xff\xfe");
        assert!(message.contains("expected value"), "{message}");
    }

    fn answer(content_type: Option<&'static str>, body: &[u8]) -> Answer {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
        Answer {
            status: StatusCode::OK,
            headers,
            body: Bytes::copy_from_slice(body),
        }
    }

    #[test]
    fn a_write_answered_204_reads_as_an_empty_object() {
        #[derive(Debug, serde::Deserialize, PartialEq)]
        struct AllOptional {
            sid: Option<String>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Required {
            sid: String,
        }
        let mut no_content = answer(None, b"");
        no_content.status = StatusCode::NO_CONTENT;
        assert_eq!(
            decode_written::<AllOptional>(&no_content).unwrap(),
            AllOptional { sid: None }
        );
        match decode_written::<Required>(&no_content) {
            Err(Error::Decode { message, .. }) => assert!(message.contains("sid"), "{message}"),
            other => panic!("{other:?}"),
        }
        // An empty 200 is still an error: only 204 promises no body.
        assert!(decode_written::<AllOptional>(&answer(None, b"")).is_err());
    }

    #[test]
    fn json_content_types_decode_and_others_are_named() {
        let body = br#"{"id": "x", "items": []}"#;
        for ct in [
            None,
            Some("application/json"),
            Some("Application/JSON; charset=utf-8"),
            Some("application/problem+json"),
        ] {
            assert!(decode_answer::<Thing>(&answer(ct, body)).is_ok(), "{ct:?}");
        }
        let html = answer(
            Some("text/html; charset=utf-8"),
            b"<html><body>Log in to the Wi-Fi</body></html>",
        );
        let message = decode_answer::<Thing>(&html).unwrap_err().to_string();
        assert!(
            message.contains("content type is `text/html; charset=utf-8`"),
            "{message}"
        );
        assert!(message.contains("Log in to the Wi-Fi"), "{message}");
        assert!(decode_answer::<Thing>(&answer(Some("json"), body)).is_err());
    }
}
