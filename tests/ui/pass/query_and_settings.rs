//! `fetch = Q` and `delete = Q`, `page_size`, and every call setting: the calls compile and keep
//! compiling when awaited as before, passed where a `Future` is expected, or given settings.
use std::time::Duration;

use twilio_resource::{twilio_resource, Client, Error, List, Request, Response};

#[derive(serde::Serialize, Default)]
#[serde(rename_all = "PascalCase")]
pub struct LookupOptions {
    pub fields: Option<String>,
}

#[twilio_resource(
    path = "/v2/PhoneNumbers/<PhoneNumber>",
    base_url = "https://lookups.twilio.com",
    rename_all = "snake_case",
    page_size = false,
    fetch = LookupOptions,
    delete = [(&'static str, &'static str)],
    list,
)]
pub struct PhoneNumber {
    pub valid: Option<bool>,
}

#[twilio_resource(path = "/v1/Services/<Sid>", page_size = "PageSize", fetch, list)]
pub struct Service {
    pub sid: Option<String>,
}

async fn calls(client: &Client) -> Result<(), Error> {
    let options = LookupOptions { fields: Some("line_type_intelligence".into()) };
    let _: PhoneNumber = PhoneNumber::fetch(client, "+1", &options).await?;
    let _: Response<PhoneNumber> = PhoneNumber::fetch(client, "+1", &options)
        .header("X-Custom", "1")
        .query(&[("extra", "1")])
        .webhook_enabled(true)
        .if_match("\"1\"")
        .timeout(Duration::from_secs(5))
        .idempotency_key("key")
        .with_response()
        .await?;
    let request: Request<'_, ()> = PhoneNumber::delete(client, "+1", &[("Reason", "x")][..]);
    takes_a_future(request).await?;
    let _: List<PhoneNumber> = PhoneNumber::list(client).header("X-Custom", "1");
    let _: List<Service> = Service::list(client).page_size(10).timeout(Duration::from_secs(1));
    Ok(())
}

fn takes_a_future<F: std::future::Future>(future: F) -> F {
    future
}

fn main() {
    let _ = calls;
    assert_eq!(
        <PhoneNumber as twilio_resource::Resource>::PROTOCOL.page_size_parameter(),
        None
    );
    assert_eq!(
        <Service as twilio_resource::Resource>::PROTOCOL.page_size_parameter(),
        Some("PageSize")
    );
}
