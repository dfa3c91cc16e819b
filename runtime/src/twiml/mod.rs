//! TwiML: the XML a webhook answers with, built by [`MessagingResponse`] and [`VoiceResponse`].
//!
//! Text and attribute values are escaped; attributes are written sorted by name, so the same
//! response is always the same text (compare it in tests); booleans are `true` and `false`. Each
//! verb has a type with one method per attribute, plus `attr` and `nest` for anything Twilio
//! adds later, and [`Element`] builds any verb at all. With the `axum` feature both responses
//! are axum responses with `Content-Type: text/xml`.
//!
//! ```
//! use twilio_resource::twiml::{MessagingResponse, VoiceResponse};
//!
//! let sms = MessagingResponse::new().message("Got it, O'Brien!");
//! assert!(sms.to_xml().ends_with("<Response><Message>Got it, O'Brien!</Message></Response>"));
//!
//! let call = VoiceResponse::new().say("Please hold.").enqueue("support");
//! assert!(call.to_xml().ends_with("<Response><Say>Please hold.</Say><Enqueue>support</Enqueue></Response>"));
//! ```
#[cfg(feature = "axum")]
mod axum;
mod element;
mod messaging;
mod verbs;
mod voice;

pub use element::Element;
pub use messaging::MessagingResponse;
pub use verbs::{
    Body, Conference, Dial, DialClient, Enqueue, Gather, Hangup, Leave, Media, Message, Number,
    Pause, Play, Queue, Record, Redirect, Reject, Say, Sip,
};
pub use voice::VoiceResponse;
