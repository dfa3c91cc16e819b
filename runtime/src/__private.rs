//! What generated code reaches through `twilio_resource::__private`. Not a public API: it may change
//! in any release, in lockstep with the macro crate.

pub use serde;
