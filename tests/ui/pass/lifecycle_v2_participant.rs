//! The v2 Participant: JSON bodies, PUT updates, `pageSize`, a bare `list`; and a resource with
//! `idempotency_key` and PATCH updates.

use twilio_resource::{BodyFormat, Client, Error, List, Protocol, Resource, UpdateMethod, twilio_resource};

#[twilio_resource(
    path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
    fetch, list, create = NewParticipant, update = ParticipantUpdate,
)]
#[derive(Debug, Clone)]
pub struct Participant {
    pub id: Option<String>,
    pub display_name: Option<String>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewParticipant {
    pub display_name: String,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantUpdate {
    pub display_name: Option<String>,
}

/// A body type may be unsized and generic: `create = [Pair]` takes `&[Pair]`.
type Pair = (&'static str, &'static str);

#[twilio_resource(
    path = "/v2/Items/<Sid>",
    idempotency_key, update_method = "PATCH",
    create = [Pair], update = std::collections::BTreeMap<String, String>, delete,
)]
pub struct Item {
    pub id: Option<String>,
}

async fn calls(client: &Client) -> Result<(), Error> {
    let p: Participant =
        Participant::create(client, "conv_1", &NewParticipant { display_name: "Dana S.".into() }).await?;
    let id = p.id.clone().unwrap_or_default();
    let _: Participant = Participant::fetch(client, "conv_1", &id).await?;
    let _: Participant =
        Participant::update(client, "conv_1", &id, &ParticipantUpdate { display_name: None }).await?;
    let _: Item = Item::create(client, &[("name", "x")][..]).await?;
    let _: Item = Item::update(client, "item_1", &Default::default()).await?;
    Item::delete(client, "item_1").await
}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    assert_eq!(Participant::BASE_URL, "https://conversations.twilio.com");
    assert_eq!(Participant::PROTOCOL, Protocol::V2);
    assert_eq!(Participant::collection_path("conv_1").unwrap(), "/v2/Conversations/conv_1/Participants");
    assert_eq!(
        Item::PROTOCOL,
        Protocol::new(BodyFormat::Json, UpdateMethod::Patch, Some("pageSize")).with_idempotency_key()
    );
    assert_eq!(Item::collection_path().unwrap(), "/v2/Items");

    let client = Client::new("AC1", "token");
    let list: List<Participant> = Participant::list(&client, "conv_1");
    assert_send(&list);
    assert_send(&calls(&client));
}
