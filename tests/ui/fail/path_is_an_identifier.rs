use twilio_resource::twilio_resource;

#[twilio_resource(path = v2::Participants)]
pub struct Participant {
    pub id: Option<String>,
}

fn main() {}
