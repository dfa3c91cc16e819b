use twilio_resource::twilio_resource;

#[twilio_resource(path = 5)]
pub struct Participant {
    pub id: Option<String>,
}

fn main() {}
