//! A misspelled operation gives one error with a guess; the call site of the intended method
//! still compiles, so nothing cascades.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/v2/Conversations/<Sid>", fetch, delet)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Conversation::fetch(&client, "CH1");
    let _ = Conversation::delete(&client, "CH1");
}
