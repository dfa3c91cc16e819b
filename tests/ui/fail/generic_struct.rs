use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>")]
pub struct Conversation<T> {
    pub id: Option<T>,
}

fn main() {}
