//! Fetch one Conversations v2 participant, defined with `#[twilio_resource]`.
//!
//! - With `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` + `TWILIO_API_SECRET`)
//!   set and two arguments, it fetches from Twilio:
//!   `cargo run --example fetch_participant -- <ConversationSid> <Sid>`
//! - With neither, it starts the embedded local server, stores the example participant of Twilio's
//!   API description, and fetches that: `cargo run --example fetch_participant`
//!
//! `cargo expand --example fetch_participant` shows what the attribute writes.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use twilio_local_server::{
    EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, LocalServer, example_participant,
};
use twilio_resource::{Client, twilio_resource};

/// A participant in a conversation (Conversations API v2, "Fetch Participant").
#[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
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
    pub channel_id: Option<String>,
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

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has_credentials = std::env::var_os("TWILIO_ACCOUNT_SID").is_some();
    match (has_credentials, args.as_slice()) {
        (true, [conversation_sid, sid]) => {
            let client = Client::from_env()?;
            let participant = Participant::fetch(&client, conversation_sid, sid).await?;
            println!("{participant:#?}");
            println!("(fetched from Twilio for account {})", client.account_sid());
        }
        (false, []) => {
            let server = LocalServer::start().await?;
            server.insert_participant(example_participant());
            let client = Client::builder()
                .account_sid(server.account_sid())
                .auth_token(server.auth_token())
                .base_url(server.base_url())
                .build()?;
            let participant =
                Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID)
                    .await?;
            println!("{participant:#?}");
            println!(
                "(used the embedded local server at {}: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and pass <ConversationSid> <Sid> to fetch from Twilio)",
                server.base_url()
            );
        }
        (true, _) => {
            eprintln!("usage: cargo run --example fetch_participant -- <ConversationSid> <Sid>");
            std::process::exit(2);
        }
        (false, _) => {
            eprintln!(
                "TWILIO_ACCOUNT_SID is not set: set it and TWILIO_AUTH_TOKEN to fetch from Twilio, or pass no arguments to use the local server"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}
