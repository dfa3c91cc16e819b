//! Revisions, as Sync keeps them: a record with a `revision` field answers it as its `ETag`, and
//! a change sent with an `If-Match` that names another revision is refused (412, error 54103).

use serde_json::{Map, Value};

use crate::lifecycle::Answer;
use crate::paths::singular;

/// Twilio's error code for a revision that does not match (Sync).
const MISMATCH: u32 = 54103;

/// The record's revision as text, if it carries one.
pub(crate) fn of(record: &Map<String, Value>) -> Option<String> {
    match record.get("revision")? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The revision of a stored record (serialized), if it carries one.
pub(crate) fn of_body(body: &[u8]) -> Option<String> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(record)) => of(&record),
        _ => None,
    }
}

/// The first revision of a new record: `0`, a number or text as the description types it.
pub(crate) fn first(numeric: bool) -> Value {
    if numeric {
        Value::from(0)
    } else {
        Value::from("0")
    }
}

/// Refuses a change whose `If-Match` names another revision than the record's; `collection` is
/// the collection's name (`Documents`), for the message. A record without a revision, or a
/// request without `If-Match`, passes.
pub(crate) fn check(
    record: &Map<String, Value>,
    if_match: Option<&str>,
    collection: &str,
) -> Result<(), Answer> {
    let (Some(expected), Some(revision)) = (if_match, of(record)) else {
        return Ok(());
    };
    // An ETag may come quoted, or weak (`W/"1"`); the revision is the same either way.
    let expected = expected.trim().trim_start_matches("W/").trim_matches('"');
    if expected == "*" || expected == revision {
        return Ok(());
    }
    Err(Answer::Error(
        412,
        MISMATCH,
        format!(
            "The revision of the {} does not match the expected revision",
            singular(collection)
        ),
    ))
}

/// The next revision, in the same type: `"3"` → `"4"`, `3` → `4`; text that is not a number
/// starts again at `"1"`.
pub(crate) fn bump(record: &mut Map<String, Value>) {
    let Some(revision) = record.get_mut("revision") else {
        return;
    };
    *revision = match revision {
        Value::Number(number) => Value::from(number.as_u64().unwrap_or(0).saturating_add(1)),
        Value::String(text) => {
            let next = text.parse::<u64>().map_or(1, |n| n.saturating_add(1));
            Value::from(next.to_string())
        }
        _ => return,
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn record(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn if_match_is_checked_against_the_revision() {
        let document = record(json!({ "revision": "3" }));
        assert!(check(&document, None, "Documents").is_ok());
        assert!(check(&document, Some("3"), "Documents").is_ok());
        assert!(check(&document, Some("\"3\""), "Documents").is_ok());
        assert!(check(&document, Some("*"), "Documents").is_ok());
        match check(&document, Some("2"), "Documents") {
            Err(Answer::Error(412, 54103, message)) => assert_eq!(
                message,
                "The revision of the Document does not match the expected revision"
            ),
            other => panic!("{other:?}"),
        }
        assert!(check(&record(json!({})), Some("2"), "Documents").is_ok());
    }

    #[test]
    fn revisions_count_up_in_their_own_type() {
        let mut text = record(json!({ "revision": "9" }));
        bump(&mut text);
        assert_eq!(of(&text).as_deref(), Some("10"));
        assert_eq!(text["revision"], json!("10"));
        let mut number = record(json!({ "revision": 2 }));
        bump(&mut number);
        assert_eq!(number["revision"], json!(3));
        let mut odd = record(json!({ "revision": "abc" }));
        bump(&mut odd);
        assert_eq!(odd["revision"], json!("1"));
        assert_eq!(of_body(br#"{"revision":"7"}"#).as_deref(), Some("7"));
        assert_eq!(of_body(b"[]"), None);
    }
}
