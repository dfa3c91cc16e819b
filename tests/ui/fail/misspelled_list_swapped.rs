//! Two swapped letters count as one edit: `lsit` is read as `list`, with one error that says so,
//! and the call site of `list` compiles, so nothing cascades.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/v1/Services/<Sid>", fetch, lsit)]
pub struct Service {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Service::fetch(&client, "IS1");
    let _ = Service::list(&client).limit(10);
    let _ = Service::collection_path();
}
