//! The verbs and nouns, each a thin typed layer over [`Element`].

use std::fmt::Display;

use super::Element;

/// A verb or noun type: its constructor, one setter per attribute and one method per child type
/// it takes; `attr` and `nest` reach anything else.
macro_rules! verb {
    (
        $(#[$meta:meta])*
        $name:ident($tag:literal) $(new($arg:ident: $what:literal))?
        { $( $setter:ident => $attr:literal ),* $(,)? }
        $( children { $( $child_fn:ident: $child:ident ),* $(,)? } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(Element);

        impl $name {
            verb!(@new $tag $(, $arg, $what)?);

            $(
                #[doc = concat!("Sets `", $attr, "`.")]
                pub fn $setter(self, value: impl Display) -> Self {
                    self.attr($attr, value)
                }
            )*

            $($(
                #[doc = concat!("Adds a [`", stringify!($child), "`] inside.")]
                pub fn $child_fn(self, child: $child) -> Self {
                    self.nest(child)
                }
            )*)?

            /// Sets any attribute, by its TwiML name.
            pub fn attr(self, name: impl Into<String>, value: impl Display) -> Self {
                Self(self.0.attr(name, value))
            }

            /// Adds any element inside.
            pub fn nest(self, child: impl Into<Element>) -> Self {
                Self(self.0.child(child))
            }
        }

        impl From<$name> for Element {
            fn from(verb: $name) -> Element {
                verb.0
            }
        }
    };
    (@new $tag:literal) => {
        #[doc = concat!("An empty `<", $tag, "/>`.")]
        #[allow(clippy::new_without_default)]
        pub fn new() -> Self {
            Self(Element::new($tag))
        }
    };
    (@new $tag:literal, $arg:ident, $what:literal) => {
        #[doc = concat!("`<", $tag, ">` with ", $what, " as its text.")]
        pub fn new($arg: impl Into<String>) -> Self {
            Self(Element::new($tag).text($arg))
        }
    };
}

verb! {
    /// `<Message>`: a reply text message, with a [`Body`] and [`Media`], or text alone.
    Message("Message") {
        to => "to", from => "from", action => "action", method => "method",
        status_callback => "statusCallback",
    }
    children { body: Body, media: Media }
}

verb! {
    /// `<Body>`: the text of a [`Message`].
    Body("Body") new(text: "the text") {}
}

verb! {
    /// `<Media>`: a media URL of a [`Message`].
    Media("Media") new(url: "the URL") {}
}

verb! {
    /// `<Redirect>`: continue with the TwiML at a URL.
    Redirect("Redirect") new(url: "the URL") { method => "method" }
}

verb! {
    /// `<Say>`: speak text.
    Say("Say") new(text: "the text to speak") { voice => "voice", language => "language", loop_count => "loop" }
}

verb! {
    /// `<Play>`: play an audio file (or DTMF tones with `digits`).
    Play("Play") new(url: "the audio URL") { loop_count => "loop", digits => "digits" }
}

verb! {
    /// `<Pause>`: wait in silence.
    Pause("Pause") { length => "length" }
}

verb! {
    /// `<Gather>`: collect digits or speech, with [`Say`], [`Play`] and [`Pause`] inside as the
    /// prompt.
    Gather("Gather") {
        input => "input", action => "action", method => "method", timeout => "timeout",
        finish_on_key => "finishOnKey", num_digits => "numDigits", speech_timeout => "speechTimeout",
        language => "language", hints => "hints", action_on_empty_result => "actionOnEmptyResult",
        partial_result_callback => "partialResultCallback",
    }
    children { say: Say, play: Play, pause: Pause }
}

verb! {
    /// `<Dial>`: connect the call to a [`Number`], [`DialClient`], [`Conference`], [`Sip`] or
    /// [`Queue`].
    Dial("Dial") {
        action => "action", method => "method", timeout => "timeout", time_limit => "timeLimit",
        caller_id => "callerId", record => "record", hangup_on_star => "hangupOnStar",
        answer_on_bridge => "answerOnBridge", ring_tone => "ringTone",
        recording_status_callback => "recordingStatusCallback",
    }
    children { number: Number, client: DialClient, conference: Conference, sip: Sip, queue: Queue }
}

verb! {
    /// `<Number>`: a phone number to dial.
    Number("Number") new(number: "the number") {
        send_digits => "sendDigits", url => "url", status_callback => "statusCallback",
        status_callback_event => "statusCallbackEvent",
    }
}

verb! {
    /// `<Client>`: a Voice SDK client to dial, by identity. (Named so as not to be confused with
    /// the REST [`Client`](crate::Client).)
    DialClient("Client") new(identity: "the identity") { url => "url", status_callback => "statusCallback" }
}

verb! {
    /// `<Conference>`: a conference room to join, by name.
    Conference("Conference") new(name: "the room's name") {
        muted => "muted", beep => "beep", start_conference_on_enter => "startConferenceOnEnter",
        end_conference_on_exit => "endConferenceOnExit", wait_url => "waitUrl",
        max_participants => "maxParticipants", record => "record",
        status_callback => "statusCallback", status_callback_event => "statusCallbackEvent",
    }
}

verb! {
    /// `<Sip>`: a SIP URI to dial.
    Sip("Sip") new(uri: "the SIP URI") { username => "username", password => "password", url => "url" }
}

verb! {
    /// `<Queue>`: a call queue to take a caller from, by name.
    Queue("Queue") new(name: "the queue's name") { url => "url", method => "method" }
}

verb! {
    /// `<Record>`: record the caller.
    Record("Record") {
        action => "action", method => "method", timeout => "timeout", finish_on_key => "finishOnKey",
        max_length => "maxLength", play_beep => "playBeep", trim => "trim",
        recording_status_callback => "recordingStatusCallback", transcribe => "transcribe",
        transcribe_callback => "transcribeCallback",
    }
}

verb! {
    /// `<Hangup>`: end the call.
    Hangup("Hangup") {}
}

verb! {
    /// `<Reject>`: refuse the call without answering it (not billed).
    Reject("Reject") { reason => "reason" }
}

verb! {
    /// `<Enqueue>`: put the caller in a queue, by name.
    Enqueue("Enqueue") new(name: "the queue's name") {
        action => "action", method => "method", wait_url => "waitUrl", workflow_sid => "workflowSid",
    }
}

verb! {
    /// `<Leave>`: take the caller out of the queue.
    Leave("Leave") {}
}
