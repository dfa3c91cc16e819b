//! `Message` of the 2010 API (SMS, MMS, WhatsApp), with the bodies of its create and update, its
//! list filter, and its `status` and `direction` enums.
//!
//! The 2010 API differs from the v2 APIs in four ways, all visible here: `snake_case` JSON keys,
//! paths ending in `.json`, `PascalCase` form bodies and filters, and RFC 2822 dates
//! (`Thu, 24 Aug 2023 05:01:45 +0000`), read into `jiff::Timestamp` by the small [`rfc2822`]
//! module below.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use twilio_resource::twilio_resource;

/// A message sent or received by the account (API 2010, "Message").
///
/// Created with `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (the collection, from
/// `path` without its last `/<Sid>` segment), addressed as `…/Messages/{Sid}.json`; form bodies,
/// `POST` updates and `PageSize` follow from `rename_all = "snake_case"`.
#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    fetch,
    list = MessageFilter,
    create = CreateMessage,
    update = UpdateMessage,
    delete,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Message SID, `SM…` (or `MM…` for an MMS).
    pub sid: Option<String>,
    /// The account that sent or received it (`AC…`).
    pub account_sid: Option<String>,
    /// The recipient: E.164 (`+15558675310`), or a channel address such as `whatsapp:+1…`.
    pub to: Option<String>,
    /// The sender: a phone number, short code, alphanumeric sender ID or channel address.
    pub from: Option<String>,
    /// The text, up to 1,600 characters; `""` once redacted.
    pub body: Option<String>,
    /// Where the message is in its life.
    pub status: Option<MessageStatus>,
    /// Inbound, or which kind of outbound.
    pub direction: Option<MessageDirection>,
    /// How many segments the text took (a decimal string, as Twilio sends it).
    pub num_segments: Option<String>,
    /// How many media files are attached (a decimal string).
    pub num_media: Option<String>,
    /// The Messaging Service it was sent through (`MG…`), if any.
    pub messaging_service_sid: Option<String>,
    /// What it cost, negative, in `price_unit`; `null` until Twilio knows.
    pub price: Option<String>,
    /// ISO 4217 currency of `price`, e.g. `USD`.
    pub price_unit: Option<String>,
    /// Twilio's error code when delivery failed.
    pub error_code: Option<i64>,
    /// A description of `error_code`.
    pub error_message: Option<String>,
    /// When the message was created.
    #[serde(default, with = "rfc2822")]
    pub date_created: Option<Timestamp>,
    /// When it was sent; `null` until then.
    #[serde(default, with = "rfc2822")]
    pub date_sent: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, with = "rfc2822")]
    pub date_updated: Option<Timestamp>,
    /// Its own path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
}

/// `status` of a message. `Other` keeps a value Twilio adds later, so decoding never breaks on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// Waiting to be sent.
    Queued,
    /// Being sent.
    Sending,
    /// Handed to the carrier.
    Sent,
    /// Could not be sent.
    Failed,
    /// The carrier confirmed delivery.
    Delivered,
    /// The carrier could not deliver it.
    Undelivered,
    /// Being received.
    Receiving,
    /// Received.
    Received,
    /// Accepted by a Messaging Service, sender not chosen yet.
    Accepted,
    /// Scheduled for later.
    Scheduled,
    /// Read by the recipient (WhatsApp and RCS).
    Read,
    /// Some of its parts were delivered.
    PartiallyDelivered,
    /// Canceled before it was sent.
    Canceled,
    /// A status this code does not know yet, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl MessageStatus {
    /// Whether the status can still change: Twilio redacts or deletes a message only once it is
    /// final.
    pub fn is_final(&self) -> bool {
        !matches!(
            self,
            Self::Queued | Self::Sending | Self::Receiving | Self::Accepted | Self::Scheduled
        )
    }
}

/// `direction` of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageDirection {
    /// Received by the account.
    Inbound,
    /// Created through the REST API.
    OutboundApi,
    /// Created during a call.
    OutboundCall,
    /// Created in reply to an incoming message (TwiML).
    OutboundReply,
    /// A direction this code does not know yet, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// The body of `Message::create`, form-encoded: `To=…&From=…&Body=…&MediaUrl=…&MediaUrl=…`.
///
/// Give `from` or `messaging_service_sid`, and `body` or at least one `media_url`. `None` fields
/// are left out of the form; each `media_url` becomes its own `MediaUrl` key.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    /// The recipient, E.164 or a channel address.
    pub to: String,
    /// The sender: one of the account's numbers, a short code or an alphanumeric sender ID.
    pub from: Option<String>,
    /// Send through this Messaging Service (`MG…`) instead of a `from`.
    pub messaging_service_sid: Option<String>,
    /// The text.
    pub body: Option<String>,
    /// Media to attach (an MMS): public URLs of images and other files.
    pub media_url: Vec<String>,
    /// Where Twilio posts status changes.
    pub status_callback: Option<String>,
}

/// The body of `Message::update`: `Body=` (empty) redacts the text of a message in a final
/// status; `Status=canceled` cancels a scheduled one.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateMessage {
    /// The new text: `Some(String::new())` redacts it.
    pub body: Option<String>,
    /// `Some(MessageStatus::Canceled)` cancels a scheduled message.
    pub status: Option<MessageStatus>,
}

/// The filter of `Message::list`, sent as the query: `To`, `From` and the `DateSent` family
/// (`DateSent<` before, `DateSent>` after), each left out when `None`.
///
/// Times are sent as Twilio's helpers send them, `2024-05-01T12:00:00Z` (whole seconds, UTC).
#[derive(Debug, Clone, Default, Serialize)]
pub struct MessageFilter {
    /// Only messages to this number.
    #[serde(rename = "To")]
    pub to: Option<String>,
    /// Only messages from this number.
    #[serde(rename = "From")]
    pub from: Option<String>,
    /// Only messages sent on this date and time.
    #[serde(rename = "DateSent", serialize_with = "filter_time")]
    pub date_sent: Option<Timestamp>,
    /// Only messages sent before this time.
    #[serde(rename = "DateSent<", serialize_with = "filter_time")]
    pub date_sent_before: Option<Timestamp>,
    /// Only messages sent after this time.
    #[serde(rename = "DateSent>", serialize_with = "filter_time")]
    pub date_sent_after: Option<Timestamp>,
}

/// A filter time as `%Y-%m-%dT%H:%M:%SZ`; `None` stays `None`, which the form encoder leaves out.
fn filter_time<S: serde::Serializer>(
    time: &Option<Timestamp>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serializer.collect_str(&time.strftime("%Y-%m-%dT%H:%M:%SZ")),
        None => serializer.serialize_none(),
    }
}

/// The 2010 API's RFC 2822 dates (`Thu, 24 Aug 2023 05:01:45 +0000`) as `Option<Timestamp>`,
/// for `#[serde(default, with = "rfc2822")]`; `null` reads as `None`.
pub mod rfc2822 {
    use jiff::Timestamp;
    use jiff::fmt::rfc2822::{DateTimeParser, DateTimePrinter};
    use serde::{Deserialize, Deserializer, Serializer};

    static PARSER: DateTimeParser = DateTimeParser::new();
    static PRINTER: DateTimePrinter = DateTimePrinter::new();

    /// Reads an RFC 2822 date, or `null`.
    ///
    /// # Errors
    ///
    /// When the string is not an RFC 2822 date.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| PARSER.parse_timestamp(&text))
            .transpose()
            .map_err(serde::de::Error::custom)
    }

    /// Writes an RFC 2822 date, or `null`.
    ///
    /// # Errors
    ///
    /// When the serializer fails, or the time cannot be printed (out of RFC 2822's range).
    pub fn serialize<S: Serializer>(
        time: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => serializer.serialize_str(
                &PRINTER
                    .timestamp_to_string(time)
                    .map_err(serde::ser::Error::custom)?,
            ),
            None => serializer.serialize_none(),
        }
    }

    /// `time` as Twilio's 2010 API writes dates, e.g. for records stored in a local server.
    pub fn format(time: Timestamp) -> String {
        time.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string()
    }
}
