use twilio_resource::twilio_resource;

#[twilio_resource(path = "/v2/Clients/<Client>")]
pub struct Thing {
    pub id: Option<String>,
}

fn main() {}
