//! A singleton (fetch + update at one address, its own collection) and a list-only resource whose
//! path is its collection; a resource on `/<Sid>` has no collection at all.

use twilio_resource::{BodyFormat, Client, Error, List, Protocol, Resource, UpdateMethod, twilio_resource};

#[twilio_resource(
    path = "/v1/Services/<ServiceSid>/Configuration",
    base_url = "https://chat.twilio.com",
    rename_all = "snake_case",
    fetch, update = ConfigurationUpdate,
)]
pub struct Configuration {
    pub service_sid: Option<String>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfigurationUpdate {
    pub reachability_enabled: Option<bool>,
}

#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/AvailablePhoneNumbers/<CountryCode>/Local.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    list = LocalNumberFilter,
)]
pub struct LocalNumber {
    pub phone_number: Option<String>,
}

#[derive(serde::Serialize, Default)]
#[serde(rename_all = "PascalCase")]
pub struct LocalNumberFilter {
    pub area_code: Option<u16>,
    pub sms_enabled: Option<bool>,
}

#[twilio_resource(path = "/<Sid>", fetch, delete)]
pub struct Root {
    pub id: Option<String>,
}

async fn calls(client: &Client) -> Result<(), Error> {
    let _: Configuration = Configuration::fetch(client, "IS1").await?;
    let _: Configuration =
        Configuration::update(client, "IS1", &ConfigurationUpdate { reachability_enabled: Some(true) }).await?;
    let _: Root = Root::fetch(client, "x").await?;
    Root::delete(client, "x").await
}

fn main() {
    assert_eq!(
        Configuration::PROTOCOL,
        Protocol::new(BodyFormat::Form, UpdateMethod::Post, Some("PageSize"))
    );
    assert_eq!(
        LocalNumber::collection_path("AC1", "US").unwrap(),
        "/2010-04-01/Accounts/AC1/AvailablePhoneNumbers/US/Local.json"
    );

    let client = Client::new("AC1", "token");
    let _: List<LocalNumber> = LocalNumber::list(&client, "AC1", "US", &LocalNumberFilter::default());
    let _ = calls(&client);
}
