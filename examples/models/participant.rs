//! `Participant` of the Conversations v2 API, with its `type`, `Address` and channel types, and
//! the JSON bodies of its create and update.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use twilio_resource::twilio_resource;

/// A participant in a conversation (Conversations API v2).
///
/// Fetched, updated (`PUT`, JSON) at `/v2/Conversations/{ConversationSid}/Participants/{Sid}`;
/// listed (token paging, `pageSize`) and created (`POST`, JSON) at the collection
/// `/v2/Conversations/{ConversationSid}/Participants`. JSON bodies, `PUT` and `pageSize` follow
/// from the default `rename_all = "camelCase"`.
#[twilio_resource(
    path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
    fetch,
    list,
    create = CreateParticipant,
    update = UpdateParticipant,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// Participant ID, e.g. `conv_participant_01k1etx3jbfx88476ccja0889c`.
    pub id: Option<String>,
    /// Conversation ID.
    pub conversation_id: Option<String>,
    /// Account ID (`AC…`).
    pub account_id: Option<String>,
    /// Display name; `null` when unset.
    pub name: Option<String>,
    /// The kind of participant.
    #[serde(rename = "type")]
    pub kind: Option<ParticipantType>,
    /// Profile ID; only resolved for `CUSTOMER` participants.
    pub profile_id: Option<String>,
    /// Communication addresses; absent means none.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// When the participant was created.
    pub created_at: Option<Timestamp>,
    /// When the participant was last updated.
    pub updated_at: Option<Timestamp>,
}

/// `type` of a participant. `Unknown` is a value Twilio sends; `Other` keeps any value Twilio adds
/// later, so a new type never breaks decoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ParticipantType {
    /// A human agent.
    HumanAgent,
    /// A customer.
    Customer,
    /// An AI agent.
    AiAgent,
    /// An agent.
    Agent,
    /// Twilio's own "UNKNOWN".
    Unknown,
    /// A value this code does not know yet, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// One way to reach a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The channel: `SMS`, `VOICE`, `EMAIL`, `WHATSAPP`, `RCS`, `CHAT`, `VIDEO`, ...
    pub channel: Channel,
    /// E.164 for SMS/VOICE, an email address, `whatsapp:+1…`, `rcs:…`, ...
    pub address: String,
    /// The channel's own ID, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<String>,
}

impl Address {
    /// An address on `channel` without a channel ID.
    pub fn new(channel: Channel, address: impl Into<String>) -> Self {
        Self {
            channel,
            address: address.into(),
            channel_id: None,
        }
    }
}

/// The body of `Participant::create`, sent as JSON: `{"name":…,"type":…,"addresses":[…]}`.
/// `addresses` is required; `None` fields are left out.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateParticipant {
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The kind of participant.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ParticipantType>,
    /// A profile to link (`mem_profile_…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// How to reach the participant: at least one.
    pub addresses: Vec<Address>,
}

/// The body of `Participant::update`, sent as JSON with `PUT`; only the fields that are `Some`
/// are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateParticipant {
    /// New display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New kind of participant.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ParticipantType>,
    /// New profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// New addresses, replacing the old ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<Address>>,
}

/// A communication channel, with a catch-all for channels Twilio adds later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Channel {
    /// Text messages.
    Sms,
    /// Phone calls.
    Voice,
    /// Email.
    Email,
    /// WhatsApp.
    Whatsapp,
    /// RCS business messaging.
    Rcs,
    /// In-app chat.
    Chat,
    /// Video.
    Video,
    /// A channel this code does not know yet, kept as sent.
    #[serde(untagged)]
    Other(String),
}
