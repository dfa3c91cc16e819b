//! The API itself, for any path: create in a collection, fetch, list, update (merge) and delete
//! a record, each in the dialect of the path's family.

use axum::body::Bytes;
use axum::http::{Method, StatusCode};
use serde_json::{Map, Value};

use crate::pages;
use crate::paths::{Address, Dialect, looks_like_collection, lower_camel, singular, snake_case};
use crate::state::State;

/// What the API was asked, after the gate let it through.
#[derive(Debug)]
pub(crate) struct Call<'a> {
    pub(crate) method: &'a Method,
    /// The path as sent, still percent-encoded.
    pub(crate) path: &'a str,
    /// The query as sent.
    pub(crate) query: Option<&'a str>,
    pub(crate) content_type: Option<&'a str>,
    pub(crate) body: &'a [u8],
}

/// The API's answer, before it becomes HTTP.
#[derive(Debug, Clone)]
pub(crate) enum Answer {
    /// A JSON body.
    Json(StatusCode, Bytes),
    /// `204 No Content`.
    NoContent,
    /// Twilio's classic error body with this status and message.
    Error(u16, String),
}

/// What a path names.
enum Target {
    /// A stored record.
    Record {
        collection: Address,
        id: String,
        body: Bytes,
    },
    /// A collection (possibly empty).
    Collection(Address),
    /// Nothing the server holds.
    Missing,
}

/// A stored record at this path wins; then a collection the server has seen or whose name reads
/// like one (`Messages`, `Participants`); anything else (an identifier) is missing.
fn resolve(state: &State, address: Address) -> Target {
    if let Some((collection, id)) = address.split_last()
        && let Some(body) = state.records.get(&collection.key(), id)
    {
        let id = id.to_owned();
        return Target::Record {
            collection,
            id,
            body,
        };
    }
    if state.records.has_collection(&address.key()) || looks_like_collection(address.last()) {
        Target::Collection(address)
    } else {
        Target::Missing
    }
}

pub(crate) fn answer(state: &State, call: &Call<'_>) -> Answer {
    let Some(address) = Address::parse(call.path) else {
        return not_found(call.path);
    };
    let dialect = state.dialect(&address);
    match (resolve(state, address), call.method) {
        (Target::Record { body, .. }, &Method::GET) => Answer::Json(StatusCode::OK, body),
        (Target::Record { collection, id, .. }, &Method::POST | &Method::PUT | &Method::PATCH) => {
            match decode_body(dialect, call.content_type, call.body) {
                Ok(mut changes) => {
                    changes.insert(
                        updated_field(dialect).to_owned(),
                        crate::ids::now(dialect).into(),
                    );
                    match state.records.merge(&collection.key(), &id, changes) {
                        Some(body) => Answer::Json(StatusCode::OK, body),
                        None => not_found(call.path),
                    }
                }
                Err(message) => Answer::Error(400, message),
            }
        }
        (Target::Record { collection, id, .. }, &Method::DELETE) => {
            if state.records.remove(&collection.key(), &id) {
                Answer::NoContent
            } else {
                not_found(call.path)
            }
        }
        (Target::Collection(collection), &Method::GET) => {
            pages::list(state, dialect, &collection, call.path, call.query)
        }
        (Target::Collection(collection), &Method::POST) => {
            match decode_body(dialect, call.content_type, call.body) {
                Ok(fields) => {
                    let body = create(state, dialect, &collection, fields);
                    crate::webhooks::after_create(state, &collection, &body);
                    Answer::Json(StatusCode::CREATED, body)
                }
                Err(message) => Answer::Error(400, message),
            }
        }
        (Target::Missing, _) => not_found(call.path),
        (Target::Record { .. } | Target::Collection(_), method) => Answer::Error(
            405,
            format!(
                "The requested resource {} does not allow {method}",
                call.path
            ),
        ),
    }
}

fn not_found(path: &str) -> Answer {
    Answer::Error(404, format!("The requested resource {path} was not found"))
}

/// Stores a new record made of `fields` and the fields Twilio adds; returns it.
fn create(
    state: &State,
    dialect: Dialect,
    collection: &Address,
    fields: Map<String, Value>,
) -> Bytes {
    state.records.create(
        &collection.key(),
        || state.ids.make(dialect, collection),
        |id| {
            let mut record = fields;
            record.insert(dialect.id_field().to_owned(), id.into());
            complete(state, dialect, collection, id, &mut record);
            Value::Object(record)
        },
    )
}

/// Stores `record` as given, adding the id and the fields a create would add where it lacks them;
/// returns the id.
pub(crate) fn insert(
    state: &State,
    collection: &Address,
    mut record: Map<String, Value>,
) -> String {
    let dialect = state.dialect(collection);
    let given = [dialect.id_field(), "sid", "id"]
        .into_iter()
        .find_map(|field| record.get(field).and_then(Value::as_str))
        .map(str::to_owned);
    let id = given.unwrap_or_else(|| state.ids.make(dialect, collection));
    record
        .entry(dialect.id_field())
        .or_insert_with(|| id.clone().into());
    complete(state, dialect, collection, &id, &mut record);
    state
        .records
        .put(&collection.key(), &id, &Value::Object(record));
    id
}

/// Adds, where missing: the parent record's id (`service_sid`, `conversationId`), the account,
/// the creation and update dates, and the record's own address (`uri` in 2010, `url` in v1).
fn complete(
    state: &State,
    dialect: Dialect,
    collection: &Address,
    id: &str,
    record: &mut Map<String, Value>,
) {
    let mut add = |field: String, value: Value| {
        record.entry(field).or_insert(value);
    };
    if let Some((parent, parent_id)) = collection.parent_record() {
        let field = match dialect {
            Dialect::Token => format!("{}Id", lower_camel(&singular(parent))),
            Dialect::V2010 | Dialect::V1 => format!("{}_sid", snake_case(&singular(parent))),
        };
        add(field, parent_id.into());
    }
    let account = match dialect {
        Dialect::Token => "accountId",
        Dialect::V2010 | Dialect::V1 => "account_sid",
    };
    add(account.to_owned(), state.account_sid.clone().into());
    let now = crate::ids::now(dialect);
    add(created_field(dialect).to_owned(), now.clone().into());
    add(updated_field(dialect).to_owned(), now.into());
    let own = collection.child(id).key();
    match dialect {
        Dialect::V2010 => add("uri".to_owned(), format!("{own}.json").into()),
        Dialect::V1 => add("url".to_owned(), format!("{}{own}", state.base_url).into()),
        Dialect::Token => {}
    }
}

fn created_field(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Token => "createdAt",
        Dialect::V2010 | Dialect::V1 => "date_created",
    }
}

fn updated_field(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Token => "updatedAt",
        Dialect::V2010 | Dialect::V1 => "date_updated",
    }
}

/// The fields of a create or update body: a form (keys in snake_case on 2010 and v1 paths,
/// repeated keys as arrays) or a JSON object (as given). An empty body has no fields.
fn decode_body(
    dialect: Dialect,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Map<String, Value>, String> {
    if body.is_empty() {
        return Ok(Map::new());
    }
    let essence = content_type
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/x-www-form-urlencoded") => Ok(decode_form(dialect, body)),
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

    const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

    #[test]
    fn forms_become_snake_case_fields_with_arrays() {
        let fields = decode_body(
            Dialect::V2010,
            FORM,
            b"To=%2B15551234567&MediaUrl=a&MediaUrl=b&MediaUrl=c&FriendlyName=x+y&Notifications.NewMessage.Enabled=true",
        )
        .unwrap();
        assert_eq!(
            Value::Object(fields),
            json!({
                "to": "+15551234567",
                "media_url": ["a", "b", "c"],
                "friendly_name": "x y",
                "notifications.new_message.enabled": "true",
            })
        );
        let token = decode_body(Dialect::Token, FORM, b"pageName=a").unwrap();
        assert!(token.contains_key("pageName"));
    }

    #[test]
    fn json_bodies_are_kept_as_given() {
        let fields = decode_body(
            Dialect::V1,
            Some("application/json; charset=utf-8"),
            br#"{"FriendlyName": "x", "n": [1]}"#,
        )
        .unwrap();
        assert_eq!(
            Value::Object(fields),
            json!({"FriendlyName": "x", "n": [1]})
        );
        assert!(decode_body(Dialect::V1, Some("application/json"), b"[1]").is_err());
        assert!(decode_body(Dialect::V1, Some("application/json"), b"{").is_err());
        assert!(decode_body(Dialect::V1, Some("text/plain"), b"x").is_err());
        assert!(decode_body(Dialect::V1, None, b"x").is_err());
        assert!(decode_body(Dialect::V1, None, b"").unwrap().is_empty());
    }
}
