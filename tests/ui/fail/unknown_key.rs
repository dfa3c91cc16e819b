use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>", base = "https://conversations.twilio.com")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
