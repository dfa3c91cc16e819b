use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>/Participants/<Sid>")]
pub struct Participant {
    pub id: Option<String>,
}

fn main() {}
