use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>", fetch = Conversation)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
