use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>")]
pub enum Conversation {
    Active,
    Closed,
}

fn main() {}
