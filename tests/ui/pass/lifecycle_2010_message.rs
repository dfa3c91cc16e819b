//! The 2010 Message with every operation: form bodies, POST updates, `PageSize`, the collection
//! `…/Messages.json`; each generated method has the documented signature.

use twilio_resource::{Client, Error, List, Protocol, Resource, twilio_resource};

#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    fetch, list = MessageFilter, create = CreateMessage, update = UpdateMessage, delete,
)]
#[derive(Debug)]
pub struct Message {
    pub sid: Option<String>,
    pub status: Option<String>,
}

#[derive(serde::Serialize, Default)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    pub to: String,
    pub from: Option<String>,
    pub body: Option<String>,
    pub media_url: Vec<String>,
}

#[derive(serde::Serialize, Default)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateMessage {
    pub body: Option<String>,
}

#[derive(serde::Serialize, Default)]
pub struct MessageFilter {
    #[serde(rename = "DateSent>")]
    pub date_sent_after: Option<String>,
}

async fn every_operation(client: &Client) -> Result<(), Error> {
    let created: Message = Message::create(client, client.account_sid(), &CreateMessage::default()).await?;
    let sid = created.sid.unwrap_or_default();
    let _: Message = Message::fetch(client, "AC1", &sid).await?;
    let _: Message = Message::update(client, "AC1", &sid, &UpdateMessage::default()).await?;
    let (): () = Message::delete(client, "AC1", sid).await?;
    Ok(())
}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    assert_eq!(Message::BASE_URL, "https://api.twilio.com");
    assert_eq!(
        Message::PROTOCOL,
        Protocol::CLASSIC
    );
    let path: Result<String, Error> = Message::collection_path("AC1");
    assert_eq!(path.unwrap(), "/2010-04-01/Accounts/AC1/Messages.json");
    assert_eq!(Message::path("AC1", "SM1").unwrap(), "/2010-04-01/Accounts/AC1/Messages/SM1.json");

    let client = Client::new("AC1", "token");
    let filter = MessageFilter::default();
    let list: List<Message> = Message::list(&client, "AC1", &filter).limit(10).page_size(5);
    assert_send(&list);
    assert_send(&every_operation(&client));
}
