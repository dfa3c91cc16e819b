//! A placeholder left open is one error; the methods are generated from the path read with the
//! placeholder closed after its name, so none of the call sites below shows a second error.
use twilio_resource::{Client, twilio_resource};

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    pub to: String,
    pub body: String,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateMessage {
    pub body: String,
}

#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    fetch, list, create = CreateMessage, update = UpdateMessage, delete,
)]
pub struct Message {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let account = client.account_sid();
    let new = CreateMessage { to: "+15558675310".into(), body: "Hi".into() };
    let redact = UpdateMessage { body: String::new() };
    let _ = Message::path(account, "SM1");
    let _ = Message::collection_path(account);
    let _ = Message::fetch(&client, account, "SM1");
    let _ = Message::list(&client, account).limit(20);
    let _ = Message::create(&client, account, &new);
    let _ = Message::update(&client, account, "SM1", &redact);
    let _ = Message::delete(&client, account, "SM1");
}
