//! The models the examples use, defined with `#[twilio_resource]` exactly as a user of
//! twilio-resource would define them, one module per resource. The examples in `examples/` run
//! them; the repository's tests, benchmarks and fuzz targets use the same definitions through this
//! library. `cargo expand --lib participant` (or `--lib message`, from the repository root, with
//! `cargo install cargo-expand`) shows what the attribute writes.
#![warn(missing_docs)]

mod message;
mod participant;

pub use message::{
    CreateMessage, Message, MessageDirection, MessageFilter, MessageStatus, UpdateMessage, rfc2822,
};
pub use participant::{
    Address, Channel, CreateParticipant, Participant, ParticipantType, UpdateParticipant,
};
