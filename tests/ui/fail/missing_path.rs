use twilio_resource::twilio_resource;

#[twilio_resource]
pub struct Participant {
    pub id: Option<String>,
}

fn main() {}
