//! `/<Sid>` has no collection; `list` is refused once and its call site still compiles.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/<Sid>", fetch, list)]
pub struct Thing {
    pub id: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Thing::list(&client);
}
