use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>", rename_all = "camel_case")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
