use twilio_resource::twilio_resource;

use twilio_resource::__private::serde::Deserialize;

#[twilio_resource(path = "/v2/Conversations/<Sid>")]
#[derive(Debug, Deserialize)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
