//! What generated code reaches through `twilio_resource::__private`. Not a public API: it may change
//! in any release, in lockstep with the macro crate.

pub use serde;

use crate::{Client, Error, List, Resource};

/// The generated `list`: a path that could not be built becomes the stream's only item, so `list`
/// itself stays infallible and sends nothing for a refused argument.
pub fn list<R: Resource + Send + 'static>(client: &Client, path: Result<String, Error>) -> List<R> {
    match path {
        Ok(path) => List::new(client, path),
        Err(error) => List::failed(client, error),
    }
}
