//! A `fetch` query type that is not `Serialize`: one error, at the type in the attribute, and
//! none at the call site.
use twilio_resource::{twilio_resource, Client};

pub struct LookupOptions {
    pub fields: Option<String>,
}

#[twilio_resource(
    path = "/v2/PhoneNumbers/<PhoneNumber>",
    base_url = "https://lookups.twilio.com",
    fetch = LookupOptions,
)]
pub struct PhoneNumber {
    pub valid: Option<bool>,
}

#[allow(dead_code)]
async fn call_site(client: &Client) -> Result<PhoneNumber, twilio_resource::Error> {
    PhoneNumber::fetch(client, "+14155552671", &LookupOptions { fields: None }).await
}

fn main() {}
