//! `craete` is one edit from `crate` (a setting) and from `create` (an operation): the operation
//! wins, its body type is kept, and the call site of `create` compiles.
use twilio_resource::{Client, twilio_resource};

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewService {
    pub friendly_name: String,
}

#[twilio_resource(
    path = "/v1/Services/<Sid>",
    rename_all = "snake_case",
    fetch,
    craete = NewService
)]
pub struct Service {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let new = NewService { friendly_name: "support".into() };
    let _ = Service::create(&client, &new);
    let _ = Service::fetch(&client, "IS1");
}
