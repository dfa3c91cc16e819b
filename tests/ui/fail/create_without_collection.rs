use twilio_resource::twilio_resource;

#[derive(serde::Serialize)]
pub struct NewItem {
    pub name: String,
}

#[twilio_resource(path = "/v1/Items/x<Sid>", create = NewItem)]
pub struct Item {
    pub id: Option<String>,
}

fn main() {}
