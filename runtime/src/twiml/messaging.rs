//! `MessagingResponse`.

use std::fmt;

#[cfg(doc)]
use super::Message;
use super::element::document;
use super::{Element, Redirect};

/// The TwiML answer to an incoming message: `<Response>` with `<Message>` and `<Redirect>` verbs.
///
/// ```
/// use twilio_resource::twiml::{Media, Message, MessagingResponse, Body};
///
/// let reply = MessagingResponse::new()
///     .message("Thanks & see you <soon>")
///     .push(Message::new().to("+15551230000").body(Body::new("A picture")).media(Media::new("https://example.com/owl.png")));
/// assert_eq!(
///     reply.to_xml(),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>\
///      <Message>Thanks &amp; see you &lt;soon&gt;</Message>\
///      <Message to=\"+15551230000\"><Body>A picture</Body><Media>https://example.com/owl.png</Media></Message>\
///      </Response>"
/// );
/// // An empty response sends no reply.
/// assert!(MessagingResponse::new().to_xml().ends_with("<Response/>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessagingResponse(Element);

impl MessagingResponse {
    /// An empty `<Response/>`: no reply.
    pub fn new() -> Self {
        Self(Element::new("Response"))
    }

    /// Replies with `text` (`<Message>text</Message>`).
    pub fn message(self, text: impl Into<String>) -> Self {
        self.push(Element::new("Message").text(text))
    }

    /// Continues with the TwiML at `url`.
    pub fn redirect(self, url: impl Into<String>) -> Self {
        self.push(Redirect::new(url))
    }

    /// Appends any verb: a [`Message`] with attributes, a [`Redirect`], or an [`Element`].
    pub fn push(self, verb: impl Into<Element>) -> Self {
        Self(self.0.child(verb))
    }

    /// Sets an attribute of `<Response>` itself.
    pub fn attr(self, name: impl Into<String>, value: impl fmt::Display) -> Self {
        Self(self.0.attr(name, value))
    }

    /// The XML document, with its declaration.
    pub fn to_xml(&self) -> String {
        document(&self.0)
    }
}

impl Default for MessagingResponse {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for MessagingResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_xml())
    }
}
