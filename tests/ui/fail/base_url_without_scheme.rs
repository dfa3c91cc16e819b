//! A base URL without a scheme: one error that says the fixed value, and `fetch` still exists.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/2010-04-01/Accounts/<AccountSid>/Calls/<Sid>.json", base_url = "api.twilio.com", rename_all = "snake_case")]
pub struct Call {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Call::fetch(&client, "AC1", "CA1");
}
