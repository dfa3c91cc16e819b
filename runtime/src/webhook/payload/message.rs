//! Messaging webhooks: an incoming message and a message status callback.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::{de, string_enum};

/// A message sent to one of your numbers (SMS, MMS, WhatsApp): the webhook of a number's or
/// Messaging Service's "A message comes in" URL.
///
/// ```
/// use twilio_resource::webhook::{IncomingMessage, Params};
///
/// let params = Params::from_form(
///     b"MessageSid=SM1&AccountSid=AC1&From=whatsapp%3A%2B15551230000&To=%2B15557654321\
///       &Body=Look&NumMedia=2&NumSegments=1&MediaUrl1=https%3A%2F%2Fm%2F2&MediaContentType1=image%2Fpng\
///       &MediaUrl0=https%3A%2F%2Fm%2F1&MediaContentType0=image%2Fjpeg&ProfileName=Ana&WaId=15551230000\
///       &FromCountry=US&ReferralNumMedia=0",
/// );
/// let message: IncomingMessage = params.decode()?;
/// assert_eq!(message.body, "Look");
/// assert_eq!(message.num_media, Some(2));
/// assert_eq!(message.media.len(), 2);
/// assert_eq!(message.media[0].content_type.as_deref(), Some("image/jpeg"));
/// assert_eq!(message.profile_name.as_deref(), Some("Ana"));
/// assert_eq!(message.from_country.as_deref(), Some("US"));
/// assert_eq!(message.extra["ReferralNumMedia"], "0"); // unknown parameters are kept
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct IncomingMessage {
    /// `MessageSid` (`SM…` or `MM…`).
    pub message_sid: String,
    /// `AccountSid`.
    pub account_sid: String,
    /// `MessagingServiceSid`, when the number belongs to a Messaging Service.
    pub messaging_service_sid: Option<String>,
    /// `From`: the sender (`+1…`, `whatsapp:+1…`).
    pub from: String,
    /// `To`: your number.
    pub to: String,
    /// `Body`: the text (empty for media alone).
    #[serde(default)]
    pub body: String,
    /// `NumMedia`: how many media files the message has.
    #[serde(default, deserialize_with = "de::number")]
    pub num_media: Option<u32>,
    /// `NumSegments`: how many SMS segments the text took.
    #[serde(default, deserialize_with = "de::number")]
    pub num_segments: Option<u32>,
    /// The media files, from `MediaUrl{N}` and `MediaContentType{N}`, by `N`.
    #[serde(flatten, deserialize_with = "media")]
    pub media: Vec<Media>,
    /// `FromCity`, when Twilio knows it.
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
    /// `ProfileName`: the sender's WhatsApp profile name.
    pub profile_name: Option<String>,
    /// `WaId`: the sender's WhatsApp ID.
    pub wa_id: Option<String>,
    /// Every parameter without a field above (the media parameters appear here as well).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One media file of an incoming message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Media {
    /// `MediaUrl{N}`: where to fetch it (Twilio may ask for your credentials).
    pub url: String,
    /// `MediaContentType{N}`: its MIME type.
    pub content_type: Option<String>,
}

string_enum! {
    /// A message's status, as a status callback reports it.
    pub enum MessageStatus {
        /// `accepted`: a Messaging Service took the request.
        Accepted => "accepted",
        /// `scheduled`.
        Scheduled => "scheduled",
        /// `canceled`: a scheduled message was canceled.
        Canceled => "canceled",
        /// `queued`.
        Queued => "queued",
        /// `sending`.
        Sending => "sending",
        /// `sent`: handed to the carrier.
        Sent => "sent",
        /// `failed`: not sent (see the error code).
        Failed => "failed",
        /// `delivered`: the carrier confirmed delivery.
        Delivered => "delivered",
        /// `undelivered`: the carrier could not deliver it.
        Undelivered => "undelivered",
        /// `receiving`.
        Receiving => "receiving",
        /// `received`.
        Received => "received",
        /// `read`: WhatsApp and RCS read receipts.
        Read => "read",
        /// `partially_delivered`: some parts of a message were delivered.
        PartiallyDelivered => "partially_delivered",
    }
}

/// A message status callback: what Twilio posts to a message's `StatusCallback` as its status
/// changes.
///
/// ```
/// use twilio_resource::webhook::{MessageStatus, MessageStatusCallback, Params};
///
/// let params = Params::from_form(
///     b"MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30003&AccountSid=AC1&From=%2B1&To=%2B2",
/// );
/// let callback: MessageStatusCallback = params.decode()?;
/// assert_eq!(callback.message_status, MessageStatus::Undelivered);
/// assert_eq!(callback.error_code, Some(30003));
///
/// let newer: MessageStatusCallback = Params::from_form(b"MessageSid=SM1&MessageStatus=teleported").decode()?;
/// assert_eq!(newer.message_status, MessageStatus::Other("teleported".into()));
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct MessageStatusCallback {
    /// `MessageSid`.
    pub message_sid: String,
    /// `MessageStatus`.
    pub message_status: MessageStatus,
    /// `AccountSid`.
    pub account_sid: Option<String>,
    /// `MessagingServiceSid`.
    pub messaging_service_sid: Option<String>,
    /// `From`.
    pub from: Option<String>,
    /// `To`.
    pub to: Option<String>,
    /// `ErrorCode`, for `failed` and `undelivered`.
    #[serde(default, deserialize_with = "de::number")]
    pub error_code: Option<u32>,
    /// `ErrorMessage`, when Twilio sends one.
    pub error_message: Option<String>,
    /// Every parameter without a field above (`SmsSid`, `SmsStatus`, `ApiVersion`, …).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The media of a message, from `MediaUrl0`, `MediaContentType0`, `MediaUrl1`, … in index order.
fn media<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Media>, D::Error> {
    let fields = BTreeMap::<String, Value>::deserialize(d)?;
    let mut by_index: BTreeMap<u32, (Option<String>, Option<String>)> = BTreeMap::new();
    for (key, value) in fields {
        let (index, is_url) = if let Some(index) = key.strip_prefix("MediaUrl") {
            (index, true)
        } else if let Some(index) = key.strip_prefix("MediaContentType") {
            (index, false)
        } else {
            continue;
        };
        // Only plain decimal indexes: `MediaUrl+1` or `MediaUrlX` are other parameters.
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(index) = index.parse::<u32>() else {
            continue;
        };
        let Value::String(text) = value else {
            return Err(D::Error::custom(format!("{key} is not text")));
        };
        let slot = by_index.entry(index).or_default();
        if is_url {
            slot.0 = Some(text);
        } else {
            slot.1 = Some(text);
        }
    }
    Ok(by_index
        .into_values()
        .filter_map(|(url, content_type)| {
            Some(Media {
                url: url?,
                content_type,
            })
        })
        .collect())
}
