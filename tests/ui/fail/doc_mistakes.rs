//! `doc(..)` mistakes: a text for an operation the resource does not declare, and a misspelled
//! operation inside it. One error each; the declared methods still compile.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(
    path = "/v2/Conversations/<Sid>",
    fetch,
    doc(fetch = "Reads it.", delete = "Removes it.", lsit = "Lists them.")
)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Conversation::fetch(&client, "CH1");
}
