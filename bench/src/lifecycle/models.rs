//! The generated side: a v2 participant that lists and a 2010 message that is created, declared
//! with `#[twilio_resource]` as a user would.

use jiff::Timestamp;
use serde::Serialize;
use twilio_resource::twilio_resource;

pub use crate::example::{Address, ParticipantType};

/// A conversation's participant (Conversations v2), listed page by page.
#[twilio_resource(
    path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
    fetch,
    list
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// Participant ID.
    pub id: Option<String>,
    /// Conversation ID.
    pub conversation_id: Option<String>,
    /// Account ID.
    pub account_id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// The kind of participant.
    #[serde(rename = "type")]
    pub kind: Option<ParticipantType>,
    /// Profile ID.
    pub profile_id: Option<String>,
    /// Communication addresses.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// Creation time.
    pub created_at: Option<Timestamp>,
    /// Last update time.
    pub updated_at: Option<Timestamp>,
}

/// An SMS (2010 API), created with a form-encoded `POST`.
#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    fetch,
    create = CreateMessage
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// `SM…`.
    pub sid: Option<String>,
    /// `AC…`.
    pub account_sid: Option<String>,
    /// Recipient.
    pub to: Option<String>,
    /// Sender.
    pub from: Option<String>,
    /// Text.
    pub body: Option<String>,
    /// `queued`, `sent`, …
    pub status: Option<String>,
    /// RFC 2822 date.
    pub date_created: Option<String>,
    /// The message's own path.
    pub uri: Option<String>,
}

/// The form of a new message: `To=…&From=…&Body=…`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    /// Recipient.
    pub to: String,
    /// Sender.
    pub from: String,
    /// Text.
    pub body: String,
}
