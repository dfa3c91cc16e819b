use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>", path = "/v2/Conversations/<Id>")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
