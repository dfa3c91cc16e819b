//! Request bodies: a form or a JSON object, read into a record's fields.

use serde_json::{Map, Value};

use crate::paths::{Dialect, snake_case};

/// A create or update body, read.
#[derive(Debug, Default)]
pub(crate) struct Decoded {
    pub(crate) fields: Map<String, Value>,
    /// Whether it was a form, whose values all arrive as strings.
    pub(crate) form: bool,
}

/// The fields of a create or update body: a form (keys in snake_case on 2010 and v1 paths,
/// repeated keys as arrays) or a JSON object (as given). An empty body has no fields.
pub(crate) fn decode_body(
    dialect: Dialect,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Decoded, String> {
    if body.is_empty() {
        return Ok(Decoded::default());
    }
    let fields = match essence(content_type).as_deref() {
        Some(FORM) => {
            return Ok(Decoded {
                fields: decode_form(dialect, body),
                form: true,
            });
        }
        Some(json) if json == "application/json" || json.ends_with("+json") => {
            match serde_json::from_slice(body) {
                Ok(Value::Object(fields)) => Ok(fields),
                Ok(_) => Err("The request body must be a JSON object".to_owned()),
                Err(error) => Err(format!("The request body is not valid JSON: {error}")),
            }
        }
        Some(other) => Err(format!(
            "Unsupported Content-Type {other:?}: send application/x-www-form-urlencoded or application/json"
        )),
        None => Err("A request body needs a Content-Type".to_owned()),
    };
    fields.map(|fields| Decoded {
        fields,
        form: false,
    })
}

const FORM: &str = "application/x-www-form-urlencoded";

/// The media type of a `Content-Type`, lowercase, without parameters.
fn essence(content_type: Option<&str>) -> Option<String> {
    content_type
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase())
}

/// The body's keys as sent (a form's or a JSON object's), to tell apart the APIs that share a
/// path; none for anything else.
pub(crate) fn keys(content_type: Option<&str>, body: &[u8]) -> Vec<String> {
    if body.is_empty() {
        return Vec::new();
    }
    match essence(content_type).as_deref() {
        Some(FORM) => form_urlencoded::parse(body)
            .map(|(key, _)| key.into_owned())
            .collect(),
        _ => match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(fields)) => fields.into_iter().map(|(key, _)| key).collect(),
            _ => Vec::new(),
        },
    }
}

fn decode_form(dialect: Dialect, body: &[u8]) -> Map<String, Value> {
    let mut fields = Map::new();
    for (key, value) in form_urlencoded::parse(body) {
        let key = match dialect {
            Dialect::Token => key.into_owned(),
            Dialect::V2010 | Dialect::V1 => snake_case(&key),
        };
        let value = Value::String(value.into_owned());
        match fields.get_mut(&key) {
            Some(Value::Array(values)) => values.push(value),
            Some(first) => *first = Value::Array(vec![first.take(), value]),
            None => {
                fields.insert(key, value);
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const FORM_TYPE: Option<&str> = Some(FORM);

    #[test]
    fn forms_become_snake_case_fields_with_arrays() {
        let fields = decode_body(
            Dialect::V2010,
            FORM_TYPE,
            b"To=%2B15551234567&MediaUrl=a&MediaUrl=b&MediaUrl=c&FriendlyName=x+y&Notifications.NewMessage.Enabled=true",
        )
        .unwrap();
        assert!(fields.form);
        assert_eq!(
            Value::Object(fields.fields),
            json!({
                "to": "+15551234567",
                "media_url": ["a", "b", "c"],
                "friendly_name": "x y",
                "notifications.new_message.enabled": "true",
            })
        );
        let token = decode_body(Dialect::Token, FORM_TYPE, b"pageName=a").unwrap();
        assert!(token.fields.contains_key("pageName"));
    }

    #[test]
    fn json_bodies_are_kept_as_given() {
        let fields = decode_body(
            Dialect::V1,
            Some("application/json; charset=utf-8"),
            br#"{"FriendlyName": "x", "n": [1]}"#,
        )
        .unwrap();
        assert!(!fields.form);
        assert_eq!(
            Value::Object(fields.fields),
            json!({"FriendlyName": "x", "n": [1]})
        );
        assert!(decode_body(Dialect::V1, Some("application/json"), b"[1]").is_err());
        assert!(decode_body(Dialect::V1, Some("application/json"), b"{").is_err());
        assert!(decode_body(Dialect::V1, Some("text/plain"), b"x").is_err());
        assert!(decode_body(Dialect::V1, None, b"x").is_err());
        assert!(
            decode_body(Dialect::V1, None, b"")
                .unwrap()
                .fields
                .is_empty()
        );
    }

    #[test]
    fn keys_of_forms_and_json() {
        assert_eq!(keys(FORM_TYPE, b"A=1&B=2&A=3"), ["A", "B", "A"]);
        assert_eq!(keys(Some("application/json"), br#"{"a": 1}"#), ["a"]);
        assert!(keys(Some("application/json"), b"[1]").is_empty());
        assert!(keys(None, b"").is_empty());
    }
}
