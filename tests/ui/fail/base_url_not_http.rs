use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>", base_url = "conversations.twilio.com")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
