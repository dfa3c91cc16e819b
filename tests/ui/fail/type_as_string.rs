use twilio_resource::twilio_resource;

#[derive(serde::Serialize)]
pub struct NewConversation {
    pub friendly_name: String,
}

#[twilio_resource(path = "/v2/Conversations/<Sid>", create = "NewConversation")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
