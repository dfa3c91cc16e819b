//! `fecth` is read as `fetch`, with one error that says so; the call site of `fetch` compiles.
use twilio_resource::{Client, twilio_resource};

#[twilio_resource(path = "/v1/Services/<Sid>", fecth, delete)]
pub struct Service {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC1", "token");
    let _ = Service::fetch(&client, "IS1");
    let _ = Service::delete(&client, "IS1");
}
