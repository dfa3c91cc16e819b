//! The API itself: what each path does, as Twilio's descriptions say (the route table), in its
//! API's conventions: create in a collection, fetch, list, update (merge) and delete a record.
//! A path no description has is served only where a test stored records.

use axum::body::Bytes;
use axum::http::{Method, StatusCode};
use serde_json::{Map, Value};

use crate::answer::{Answer, Call};
use crate::decode::{self, Decoded};
use crate::pages;
use crate::paths::{Address, list_key};
use crate::revision;
use crate::shape::{Shape, updated_field};
use crate::state::State;
use crate::table::{self, Action, Route};

pub(crate) fn answer(state: &State, call: &Call<'_>) -> Answer {
    let Some(address) = Address::parse(call.path) else {
        return not_found(call.path);
    };
    let keys = if call.method == Method::GET {
        Vec::new()
    } else {
        decode::keys(call.content_type, call.body)
    };
    match table::find(&address.segments, call.method.as_str(), &keys) {
        Some(route) => routed(state, call, address, route),
        None => stored_only(state, call, address),
    }
}

/// A path Twilio describes: what its route says the method does.
fn routed(state: &State, call: &Call<'_>, address: Address, route: &'static Route) -> Answer {
    let Some(action) = route.action(call.method.as_str()) else {
        return Answer::error(
            405,
            format!(
                "The requested resource {} does not allow {} (on {} it takes {})",
                call.path,
                call.method,
                route.host,
                route.methods()
            ),
        );
    };
    let shape = Shape::of(state, &address, Some(route));
    match action {
        Action::List => {
            let key = route
                .list_key
                .map_or_else(|| list_key(shape.dialect, &address), str::to_owned);
            pages::list(state, shape.dialect, &address, &key, route.paged, call)
        }
        // A create on a path that ends in a literal adds to that collection; one on a path that
        // ends in a placeholder (an attachment such as `…/Knowledge/{id}`) stores that record.
        Action::Create if !route.ends_in_placeholder() => create(state, shape, &address, call),
        Action::Create => change(state, shape, &address, call, Missing::Create),
        // A singleton (`…/Configuration`) comes to be with its first update.
        Action::Update if !route.ends_in_placeholder() => {
            change(state, shape, &address, call, Missing::Create)
        }
        Action::Update => change(state, shape, &address, call, Missing::NotFound),
        Action::Fetch => fetch(state, &address, call.path),
        Action::Delete => delete(state, &address, call),
    }
}

/// A path no description has: the records and collections a test stored there, and nothing else.
fn stored_only(state: &State, call: &Call<'_>, address: Address) -> Answer {
    let shape = Shape::of(state, &address, None);
    let record = address
        .split_last()
        .filter(|(collection, id)| state.records.get(&collection.key(), id).is_some());
    match (record, call.method) {
        (Some(_), &Method::GET) => fetch(state, &address, call.path),
        (Some(_), &Method::POST | &Method::PUT | &Method::PATCH) => {
            change(state, shape, &address, call, Missing::NotFound)
        }
        (Some(_), &Method::DELETE) => delete(state, &address, call),
        (None, _) if !state.records.has_collection(&address.key()) => not_found(call.path),
        (None, &Method::GET) => {
            let key = list_key(shape.dialect, &address);
            pages::list(state, shape.dialect, &address, &key, true, call)
        }
        (None, &Method::POST) => create(state, shape, &address, call),
        (_, method) => Answer::error(
            405,
            format!(
                "The requested resource {} does not allow {method}",
                call.path
            ),
        ),
    }
}

/// A stored record as the answer, with its revision as the `ETag`.
fn record_answer(status: StatusCode, body: Bytes) -> Answer {
    let etag = revision::of_body(&body);
    Answer::Json(status, body, etag)
}

fn not_found(path: &str) -> Answer {
    Answer::error(404, format!("The requested resource {path} was not found"))
}

/// The body's fields, each form value in its described type; a body without a `Content-Type` is
/// read as the description says the API's bodies are.
fn fields(shape: Shape, call: &Call<'_>) -> Result<Map<String, Value>, Answer> {
    let content_type = call
        .content_type
        .or(shape.route.and_then(|route| route.body));
    let Decoded { mut fields, form } = decode::decode_body(shape.dialect, content_type, call.body)
        .map_err(|message| Answer::error(400, message))?;
    if form {
        crate::convert::typed(&mut fields, shape.fields())
            .map_err(|message| Answer::error(400, message))?;
    }
    Ok(fields)
}

fn fetch(state: &State, address: &Address, path: &str) -> Answer {
    address
        .split_last()
        .and_then(|(collection, id)| state.records.get(&collection.key(), id))
        .map_or_else(
            || not_found(path),
            |body| record_answer(StatusCode::OK, body),
        )
}

/// What an update does when the record is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Missing {
    NotFound,
    /// Stores a new record under the path's last segment (`201`).
    Create,
}

/// Merges the body into the record (checking `If-Match` and counting the revision up).
fn change(
    state: &State,
    shape: Shape,
    address: &Address,
    call: &Call<'_>,
    missing: Missing,
) -> Answer {
    let Some((collection, id)) = address.split_last() else {
        return not_found(call.path);
    };
    let changes = match fields(shape, call) {
        Ok(changes) => changes,
        Err(refusal) => return refusal,
    };
    let mut pending = Some(changes);
    let changed = state.records.modify(&collection.key(), id, |record| {
        revision::check(record, call.if_match, collection.last())?;
        record.extend(pending.take().unwrap_or_default());
        record.insert(
            updated_field(shape.dialect).to_owned(),
            crate::ids::now(shape.rfc2822_dates()).into(),
        );
        revision::bump(record);
        Ok(())
    });
    match changed {
        Some(Ok(body)) => record_answer(StatusCode::OK, body),
        Some(Err(refusal)) => refusal,
        None if missing == Missing::Create => {
            let mut record = pending.take().unwrap_or_default();
            record
                .entry(shape.id_field())
                .or_insert_with(|| shape.id_value(id));
            shape.complete(state, &collection, id, &mut record);
            state
                .records
                .put(&collection.key(), id, &Value::Object(record));
            fetch(state, address, call.path).with_status(StatusCode::CREATED)
        }
        None => not_found(call.path),
    }
}

fn delete(state: &State, address: &Address, call: &Call<'_>) -> Answer {
    let Some((collection, id)) = address.split_last() else {
        return not_found(call.path);
    };
    let removed =
        state.records.remove_if(&collection.key(), id, |body| {
            match serde_json::from_slice(body) {
                Ok(Value::Object(record)) => {
                    revision::check(&record, call.if_match, collection.last())
                }
                _ => Ok(()),
            }
        });
    match removed {
        Some(Ok(())) => Answer::NoContent,
        Some(Err(refusal)) => refusal,
        None => not_found(call.path),
    }
}

/// Stores a new record made of the body's fields and the fields Twilio adds (`201`). A body that
/// names the record (a Sync map item's `Key`) gives its identifier, once.
fn create(state: &State, shape: Shape, collection: &Address, call: &Call<'_>) -> Answer {
    let mut record = match fields(shape, call) {
        Ok(fields) => fields,
        Err(refusal) => return refusal,
    };
    let id_field = shape.id_field();
    let named = record
        .get(id_field)
        .and_then(Value::as_str)
        .map(str::to_owned);
    if let Some(id) = named {
        let stored = state.records.create_named(&collection.key(), &id, || {
            shape.complete(state, collection, &id, &mut record);
            Value::Object(record)
        });
        return match stored {
            Some(body) => {
                crate::webhooks::after_create(state, collection, &body);
                record_answer(StatusCode::CREATED, body)
            }
            None => Answer::error(
                409,
                format!("A record with {id_field} {id:?} already exists"),
            ),
        };
    }
    let delivered = crate::webhooks::deliver(collection, &mut record);
    let body = state.records.create(
        &collection.key(),
        || shape.new_id(state, collection),
        |id| {
            record.insert(id_field.to_owned(), shape.id_value(id));
            shape.complete(state, collection, id, &mut record);
            Value::Object(record)
        },
    );
    crate::webhooks::after_create(state, collection, &body);
    // A message is stored delivered (what the next read shows) but answered queued, as Twilio
    // answers a create before it sends anything.
    let answer = if delivered {
        crate::webhooks::as_queued(&body).unwrap_or(body)
    } else {
        body
    };
    record_answer(StatusCode::CREATED, answer)
}

/// Stores `record` as given, adding the id and the fields a create would add where it lacks them;
/// returns the id.
pub(crate) fn insert(
    state: &State,
    collection: &Address,
    mut record: Map<String, Value>,
) -> String {
    let keys: Vec<String> = record.keys().cloned().collect();
    let route = table::find(&collection.segments, "POST", &keys);
    let shape = Shape::of(state, collection, route);
    let id_field = shape.id_field();
    let given = [id_field, "sid", "id"]
        .into_iter()
        .find_map(|field| record.get(field).and_then(Value::as_str))
        .map(str::to_owned);
    let id = given.unwrap_or_else(|| shape.new_id(state, collection));
    record
        .entry(id_field)
        .or_insert_with(|| shape.id_value(&id));
    shape.complete(state, collection, &id, &mut record);
    state
        .records
        .put(&collection.key(), &id, &Value::Object(record));
    id
}
