use twilio_resource::twilio_resource;

#[twilio_resource(path = "v2/<>/<Sid", rename_all = "Title Case", colour = "blue")]
pub struct Conversation<T> {
    pub id: Option<T>,
}

fn main() {}
