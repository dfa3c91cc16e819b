//! Generated code compiles under strict lints with the prelude's names shadowed, and with a
//! placeholder that becomes a Rust keyword. (`str` is not shadowed: serde's own derive needs it.)
#![deny(warnings, missing_docs, unused_qualifications, clippy::all)]

#[allow(dead_code)]
mod shadows {
    pub struct Result;
    pub struct Option;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub struct Send;
    pub struct AsRef;
    pub enum Either {
        Ok,
        Err,
        Some,
        None,
    }
}

#[allow(unused_imports)]
use shadows::Either::{Err, None, Ok, Some};
#[allow(unused_imports)]
use shadows::{AsRef, Box, Option, Result, Send, String, Vec};

mod serde {}
mod twilio_resource {}
mod core {}
mod std {}

/// A resource whose placeholder `<Type>` becomes the parameter `r#type`.
#[::twilio_resource::twilio_resource(path = "/v1/Kinds/<Type>/Items/<Sid>")]
pub struct Item {
    /// The ID.
    pub id: ::std::option::Option<::std::string::String>,
}

/// Every operation, under the same shadows (`COLLECTION` names `Option` and `Some`).
#[::twilio_resource::twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Things/<Sid>.json",
    rename_all = "snake_case",
    idempotency_key,
    fetch,
    list = [(&'static str, &'static str)],
    create = ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    update = [(&'static str, &'static str)],
    delete,
)]
pub struct Thing {
    /// The SID.
    pub sid: ::std::option::Option<::std::string::String>,
}

fn main() {
    let _ = Item::path("a", "b");
    let _ = Thing::collection_path("AC1");
}
