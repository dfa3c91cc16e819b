use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations?PageSize=50")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
