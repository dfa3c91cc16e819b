use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>")]
#[serde(rename_all = "snake_case")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
