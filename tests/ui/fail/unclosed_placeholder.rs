use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<ConversationSid/Participants")]
pub struct Participant {
    pub id: Option<String>,
}

fn main() {}
