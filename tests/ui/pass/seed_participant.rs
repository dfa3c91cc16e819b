//! The seed resource as a user writes it; `path` and `fetch` have the documented signatures.

use twilio_resource::{Client, Error, Resource, twilio_resource};

/// A participant.
#[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Participant {
    /// Participant ID.
    pub id: Option<String>,
    pub conversation_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub addresses: Vec<String>,
}

fn signatures() {
    let path: Result<String, Error> = Participant::path("conv_1", String::from("p_1"));
    assert_eq!(path.unwrap(), "/v2/Conversations/conv_1/Participants/p_1");
    assert_eq!(Participant::BASE_URL, "https://conversations.twilio.com");
    assert_eq!(Participant::PATH.template(), "/v2/Conversations/<ConversationSid>/Participants/<Sid>");
}

async fn fetch(client: &Client) -> Result<Participant, Error> {
    Participant::fetch(client, "conv_1", String::from("p_1")).await
}

fn assert_send<T: Send>(_: T) {}

fn main() {
    signatures();
    let client = Client::new("AC1", "token");
    assert_send(fetch(&client));
    // User derives are kept alongside the generated serde ones.
    let p = Participant::default();
    assert_eq!(p.clone(), p);
}
