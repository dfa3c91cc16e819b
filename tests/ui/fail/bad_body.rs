use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>", body = "xml")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
