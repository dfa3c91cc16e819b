//! The examples of twilio-resource live beside this file: see `fetch_participant.rs`.
