use twilio_resource::twilio_resource;

// `%2e%2e` is `..` to a URL parser: it would climb out of the resource.
#[twilio_resource(path = "/v2/%2e%2e/Conversations/<Sid>")]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {}
