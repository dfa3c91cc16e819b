//! Conversations webhooks (pre- and post-event).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::{de, string_enum};

string_enum! {
    /// What happened, in a Conversations webhook's `EventType`. The `…Add`, `…Update` and
    /// `…Remove` names are pre-event webhooks (your answer can refuse the action); the past-tense
    /// ones are post-event.
    pub enum EventType {
        /// `onMessageAdd`.
        OnMessageAdd => "onMessageAdd",
        /// `onMessageAdded`.
        OnMessageAdded => "onMessageAdded",
        /// `onMessageUpdate`.
        OnMessageUpdate => "onMessageUpdate",
        /// `onMessageUpdated`.
        OnMessageUpdated => "onMessageUpdated",
        /// `onMessageRemove`.
        OnMessageRemove => "onMessageRemove",
        /// `onMessageRemoved`.
        OnMessageRemoved => "onMessageRemoved",
        /// `onConversationAdd`.
        OnConversationAdd => "onConversationAdd",
        /// `onConversationAdded`.
        OnConversationAdded => "onConversationAdded",
        /// `onConversationUpdate`.
        OnConversationUpdate => "onConversationUpdate",
        /// `onConversationUpdated`.
        OnConversationUpdated => "onConversationUpdated",
        /// `onConversationRemove`.
        OnConversationRemove => "onConversationRemove",
        /// `onConversationRemoved`.
        OnConversationRemoved => "onConversationRemoved",
        /// `onConversationStateUpdated`.
        OnConversationStateUpdated => "onConversationStateUpdated",
        /// `onParticipantAdd`.
        OnParticipantAdd => "onParticipantAdd",
        /// `onParticipantAdded`.
        OnParticipantAdded => "onParticipantAdded",
        /// `onParticipantUpdate`.
        OnParticipantUpdate => "onParticipantUpdate",
        /// `onParticipantUpdated`.
        OnParticipantUpdated => "onParticipantUpdated",
        /// `onParticipantRemove`.
        OnParticipantRemove => "onParticipantRemove",
        /// `onParticipantRemoved`.
        OnParticipantRemoved => "onParticipantRemoved",
        /// `onDeliveryUpdated`.
        OnDeliveryUpdated => "onDeliveryUpdated",
        /// `onUserAdded`.
        OnUserAdded => "onUserAdded",
        /// `onUserUpdate`.
        OnUserUpdate => "onUserUpdate",
        /// `onUserUpdated`.
        OnUserUpdated => "onUserUpdated",
    }
}

/// A Conversations webhook. Which fields are present depends on the [`EventType`]; every other
/// parameter is in `extra`.
///
/// ```
/// use twilio_resource::webhook::{ConversationsEvent, EventType, Params};
///
/// let event: ConversationsEvent = Params::from_form(
///     b"EventType=onParticipantAdded&AccountSid=AC1&ConversationSid=CH1&ParticipantSid=MB1\
///       &MessagingBinding.Address=%2B15551230000&MessagingBinding.Address=%2B15551230001\
///       &MessagingBinding.ProxyAddress=%2B15557654321&Source=API",
/// )
/// .decode()?;
/// assert_eq!(event.event_type, EventType::OnParticipantAdded);
/// assert_eq!(event.messaging_binding_address, ["+15551230000", "+15551230001"]);
/// assert_eq!(event.messaging_binding_proxy_address.as_deref(), Some("+15557654321"));
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConversationsEvent {
    /// `EventType`.
    pub event_type: EventType,
    /// `AccountSid`.
    pub account_sid: Option<String>,
    /// `ChatServiceSid`.
    pub chat_service_sid: Option<String>,
    /// `ConversationSid`.
    pub conversation_sid: Option<String>,
    /// `Source`: `SDK`, `API`, `SMS`, `WHATSAPP`, ….
    pub source: Option<String>,
    /// `ClientIdentity`: who acted, through an SDK.
    pub client_identity: Option<String>,
    /// `MessageSid`.
    pub message_sid: Option<String>,
    /// `Index` of the message in the conversation.
    #[serde(default, deserialize_with = "de::number")]
    pub index: Option<u64>,
    /// `Author`.
    pub author: Option<String>,
    /// `Body`.
    pub body: Option<String>,
    /// `ParticipantSid`.
    pub participant_sid: Option<String>,
    /// `Identity`.
    pub identity: Option<String>,
    /// `Attributes`: a JSON text, as sent.
    pub attributes: Option<String>,
    /// `Media`: a JSON text describing the message's media, as sent.
    pub media: Option<String>,
    /// `MessagingBinding.Address`: every value, in order.
    #[serde(
        rename = "MessagingBinding.Address",
        default,
        deserialize_with = "de::one_or_many"
    )]
    pub messaging_binding_address: Vec<String>,
    /// `MessagingBinding.ProxyAddress`.
    #[serde(rename = "MessagingBinding.ProxyAddress")]
    pub messaging_binding_proxy_address: Option<String>,
    /// `MessagingBinding.Type`.
    #[serde(rename = "MessagingBinding.Type")]
    pub messaging_binding_type: Option<String>,
    /// `DateCreated`, as sent.
    pub date_created: Option<String>,
    /// `RetryCount` of this delivery.
    #[serde(default, deserialize_with = "de::number")]
    pub retry_count: Option<u32>,
    /// Every parameter without a field above.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
