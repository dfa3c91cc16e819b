//! `page_size = true` says nothing: name the parameter or write `false`. The list is still
//! generated, so the call site has no second error.
use twilio_resource::{twilio_resource, Client, List};

#[twilio_resource(path = "/v1/Services/<Sid>", rename_all = "snake_case", page_size = true, list)]
pub struct Service {
    pub sid: Option<String>,
}

#[allow(dead_code)]
fn call_site(client: &Client) -> List<Service> {
    Service::list(client)
}

fn main() {}
