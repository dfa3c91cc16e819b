use twilio_resource::twilio_resource;

#[twilio_resource(path = "/Conversations/<Sid>", base_url = "https://conversations.twilio.com/v2")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
