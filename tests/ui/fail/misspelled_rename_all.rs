use twilio_resource::twilio_resource;

#[twilio_resource(path = "/2010-04-01/Calls/<Sid>.json", renameall = "snake_case")]
pub struct Call {
    pub sid: Option<String>,
}

fn main() {}
