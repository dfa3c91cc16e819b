use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v1/Bodies/<Body>")]
pub struct Body {
    pub id: Option<String>,
}

fn main() {}
