//! `create` needs its body type; the call site still compiles, so nothing cascades.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/v2/Conversations/<Sid>", fetch, create)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Conversation::create(&client, &[("FriendlyName", "x")]);
}
