//! A body type that is not `Serialize`: rustc's error points at the type in the attribute.
use twilio_resource::twilio_resource;

pub struct NewConversation {
    pub friendly_name: String,
}

#[twilio_resource(path = "/v2/Conversations/<Sid>", create = NewConversation)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
