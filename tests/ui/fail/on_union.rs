use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Conversations/<Sid>")]
pub union Conversation {
    pub id: u64,
    pub n: f64,
}

fn main() {}
