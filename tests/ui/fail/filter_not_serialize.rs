//! A filter type that is not `Serialize`: rustc's error points at the type in the attribute.
use twilio_resource::twilio_resource;

pub struct ConversationFilter {
    pub state: Option<String>,
}

#[twilio_resource(path = "/v2/Conversations/<Sid>", list = ConversationFilter)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
