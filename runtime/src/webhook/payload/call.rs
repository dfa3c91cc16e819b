//! Voice webhooks: an incoming call (and `<Gather>` results) and a call status callback.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::{de, string_enum};

string_enum! {
    /// A call's status.
    pub enum CallStatus {
        /// `queued`.
        Queued => "queued",
        /// `initiated`.
        Initiated => "initiated",
        /// `ringing`.
        Ringing => "ringing",
        /// `in-progress`: answered.
        InProgress => "in-progress",
        /// `completed`.
        Completed => "completed",
        /// `busy`.
        Busy => "busy",
        /// `failed`.
        Failed => "failed",
        /// `no-answer`.
        NoAnswer => "no-answer",
        /// `canceled`.
        Canceled => "canceled",
    }
}

string_enum! {
    /// Which way a call goes.
    pub enum Direction {
        /// `inbound`: to one of your numbers.
        Inbound => "inbound",
        /// `outbound-api`: started through the REST API.
        OutboundApi => "outbound-api",
        /// `outbound-dial`: started by `<Dial>`.
        OutboundDial => "outbound-dial",
        /// `trunking-originating`.
        TrunkingOriginating => "trunking-originating",
        /// `trunking-terminating`.
        TrunkingTerminating => "trunking-terminating",
    }
}

/// A call to one of your numbers (the "A call comes in" webhook), and the request of a
/// `<Gather>` `action` with the caller's `Digits` or `SpeechResult`.
///
/// ```
/// use twilio_resource::webhook::{CallStatus, Direction, IncomingCall, Params};
///
/// let call: IncomingCall = Params::from_form(
///     b"CallSid=CA1&AccountSid=AC1&From=%2B15551230000&To=%2B15557654321&CallStatus=ringing\
///       &Direction=inbound&Digits=42&SpeechResult=hello&Confidence=0.93",
/// )
/// .decode()?;
/// assert_eq!(call.call_status, Some(CallStatus::Ringing));
/// assert_eq!(call.direction, Some(Direction::Inbound));
/// assert_eq!(call.digits.as_deref(), Some("42"));
/// assert_eq!(call.confidence, Some(0.93));
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct IncomingCall {
    /// `CallSid`.
    pub call_sid: String,
    /// `AccountSid`.
    pub account_sid: String,
    /// `From`: the caller.
    pub from: Option<String>,
    /// `To`: the number called.
    pub to: Option<String>,
    /// `CallStatus`.
    pub call_status: Option<CallStatus>,
    /// `Direction`.
    pub direction: Option<Direction>,
    /// `CallerName`, when caller ID lookup is on.
    pub caller_name: Option<String>,
    /// `ForwardedFrom`.
    pub forwarded_from: Option<String>,
    /// `ParentCallSid`, for a leg started by `<Dial>`.
    pub parent_call_sid: Option<String>,
    /// `Digits`: the keys pressed, from `<Gather>`.
    pub digits: Option<String>,
    /// `SpeechResult`: what was said, from `<Gather input="speech">`.
    pub speech_result: Option<String>,
    /// `Confidence` of the speech result, 0 to 1.
    #[serde(default, deserialize_with = "de::number")]
    pub confidence: Option<f64>,
    /// `FromCity`.
    pub from_city: Option<String>,
    /// `FromState`.
    pub from_state: Option<String>,
    /// `FromZip`.
    pub from_zip: Option<String>,
    /// `FromCountry`.
    pub from_country: Option<String>,
    /// `ToCity`.
    pub to_city: Option<String>,
    /// `ToState`.
    pub to_state: Option<String>,
    /// `ToZip`.
    pub to_zip: Option<String>,
    /// `ToCountry`.
    pub to_country: Option<String>,
    /// Every parameter without a field above.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A call status callback: what Twilio posts to a call's `StatusCallback`.
///
/// ```
/// use twilio_resource::webhook::{CallStatus, CallStatusCallback, Params};
///
/// let done: CallStatusCallback = Params::from_form(
///     b"CallSid=CA1&AccountSid=AC1&CallStatus=completed&CallDuration=61\
///       &RecordingUrl=https%3A%2F%2Fr%2FRE1&RecordingSid=RE1&RecordingDuration=58&SequenceNumber=3",
/// )
/// .decode()?;
/// assert_eq!(done.call_status, CallStatus::Completed);
/// assert_eq!(done.call_duration, Some(61));
/// assert_eq!(done.recording_duration, Some(58));
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct CallStatusCallback {
    /// `CallSid`.
    pub call_sid: String,
    /// `AccountSid`.
    pub account_sid: Option<String>,
    /// `CallStatus`.
    pub call_status: CallStatus,
    /// `Direction`.
    pub direction: Option<Direction>,
    /// `From`.
    pub from: Option<String>,
    /// `To`.
    pub to: Option<String>,
    /// `CallDuration` in seconds, once the call has ended.
    #[serde(default, deserialize_with = "de::number")]
    pub call_duration: Option<u64>,
    /// `Timestamp` (RFC 2822), as sent.
    pub timestamp: Option<String>,
    /// `SequenceNumber`: orders the callbacks of one call.
    #[serde(default, deserialize_with = "de::number")]
    pub sequence_number: Option<u32>,
    /// `CallbackSource`.
    pub callback_source: Option<String>,
    /// `RecordingUrl`, when the call was recorded.
    pub recording_url: Option<String>,
    /// `RecordingSid`.
    pub recording_sid: Option<String>,
    /// `RecordingDuration` in seconds.
    #[serde(default, deserialize_with = "de::number")]
    pub recording_duration: Option<u64>,
    /// Every parameter without a field above.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
