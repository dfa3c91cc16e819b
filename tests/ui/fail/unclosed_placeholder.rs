//! A placeholder left open is one error, and the call site of `fetch` still compiles.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/v2/Conversations/<ConversationSid/Participants")]
pub struct Participant {
    pub id: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Participant::fetch(&client, "CH1");
}
