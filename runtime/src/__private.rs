//! What generated code reaches through `twilio_resource::__private`. Not a public API: it may change
//! in any release, in lockstep with the macro crate.
//!
//! Each function takes the path as built (`Err` for a refused argument, which becomes the call's
//! error and sends nothing), so generated methods are plain functions without `?` or `async`.

pub use serde;

use crate::body::{append_query, query};
use crate::{Client, Error, List, Request, Resource};

/// The generated `fetch`.
pub fn fetch<R: Resource>(client: &Client, path: Result<String, Error>) -> Request<'_, R> {
    crate::request::fetch(client, path)
}

/// The generated `list`.
pub fn list<R: Resource>(client: &Client, path: Result<String, Error>) -> List<R> {
    List::new(client, path)
}

/// The generated `create`.
pub fn create<'a, R: Resource, B: serde::Serialize + ?Sized>(
    client: &'a Client,
    path: Result<String, Error>,
    body: &B,
) -> Request<'a, R> {
    crate::request::create(client, path, body)
}

/// The generated `update`.
pub fn update<'a, R: Resource, B: serde::Serialize + ?Sized>(
    client: &'a Client,
    path: Result<String, Error>,
    body: &B,
) -> Request<'a, R> {
    crate::request::update(client, path, body)
}

/// The generated `delete`.
pub fn delete<R: Resource>(client: &Client, path: Result<String, Error>) -> Request<'_, ()> {
    crate::request::delete::<R>(client, path)
}

/// A `fetch = T` or `delete = T` parameter value appended to the path as its query.
pub fn with_query<P: serde::Serialize + ?Sized>(
    path: Result<String, Error>,
    params: &P,
) -> Result<String, Error> {
    let mut path = path?;
    append_query(&mut path, &query("params", params)?);
    Ok(path)
}
