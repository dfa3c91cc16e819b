//! `VoiceResponse`.

use std::fmt;

use super::element::document;
use super::{Dial, Element, Enqueue, Hangup, Leave, Pause, Play, Redirect, Reject, Say};
#[cfg(doc)]
use super::{Gather, Record};

/// The TwiML answer to a call: `<Response>` with voice verbs, in order.
///
/// The common verbs have a shortcut; [`push`](Self::push) appends a configured one
/// ([`Say`], [`Gather`], [`Dial`], [`Record`], …) or any [`Element`].
///
/// ```
/// use twilio_resource::twiml::{Dial, Gather, Number, Say, VoiceResponse};
///
/// let menu = VoiceResponse::new()
///     .push(
///         Gather::new()
///             .num_digits(1)
///             .action("/menu")
///             .action_on_empty_result(true)
///             .say(Say::new("Press 1 for sales.").voice("alice")),
///     )
///     .push(Dial::new().caller_id("+15557654321").number(Number::new("+15551230000")))
///     .hangup();
/// assert_eq!(
///     menu.to_xml(),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>\
///      <Gather action=\"/menu\" actionOnEmptyResult=\"true\" numDigits=\"1\"><Say voice=\"alice\">Press 1 for sales.</Say></Gather>\
///      <Dial callerId=\"+15557654321\"><Number>+15551230000</Number></Dial>\
///      <Hangup/></Response>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceResponse(Element);

impl VoiceResponse {
    /// An empty `<Response/>`.
    pub fn new() -> Self {
        Self(Element::new("Response"))
    }

    /// `<Say>text</Say>`.
    pub fn say(self, text: impl Into<String>) -> Self {
        self.push(Say::new(text))
    }

    /// `<Play>url</Play>`.
    pub fn play(self, url: impl Into<String>) -> Self {
        self.push(Play::new(url))
    }

    /// `<Pause length="seconds"/>`.
    pub fn pause(self, seconds: u32) -> Self {
        self.push(Pause::new().length(seconds))
    }

    /// `<Dial>number</Dial>`.
    pub fn dial(self, number: impl Into<String>) -> Self {
        self.push(Element::from(Dial::new()).text(number))
    }

    /// `<Enqueue>name</Enqueue>`.
    pub fn enqueue(self, queue: impl Into<String>) -> Self {
        self.push(Enqueue::new(queue))
    }

    /// `<Redirect>url</Redirect>`.
    pub fn redirect(self, url: impl Into<String>) -> Self {
        self.push(Redirect::new(url))
    }

    /// `<Hangup/>`.
    pub fn hangup(self) -> Self {
        self.push(Hangup::new())
    }

    /// `<Reject/>`.
    pub fn reject(self) -> Self {
        self.push(Reject::new())
    }

    /// `<Leave/>`.
    pub fn leave(self) -> Self {
        self.push(Leave::new())
    }

    /// Appends any verb.
    pub fn push(self, verb: impl Into<Element>) -> Self {
        Self(self.0.child(verb))
    }

    /// The XML document, with its declaration.
    pub fn to_xml(&self) -> String {
        document(&self.0)
    }
}

impl Default for VoiceResponse {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for VoiceResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_xml())
    }
}
