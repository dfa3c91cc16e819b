//! Every key of the attribute, including `crate` pointing at a re-export.

mod vendored {
    pub use twilio_resource as twilio;
}

#[twilio_resource::twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    crate = "crate::vendored::twilio",
    doc(fetch = "Reads one message, [as Twilio describes it](https://www.twilio.com/docs/messaging/api/message-resource).")
)]
#[derive(Debug)]
pub struct Message {
    pub sid: Option<String>,
    pub date_created: Option<String>,
}

/// A template without placeholders gives `path()` and `fetch(client)`.
#[twilio_resource::twilio_resource(path = "/v1/Services", base_url = "http://127.0.0.1:8080/")]
pub struct Services {
    pub services: Vec<String>,
}

fn main() {
    use twilio_resource::Resource;
    assert_eq!(Message::path("AC1", "SM1").unwrap(), "/2010-04-01/Accounts/AC1/Messages/SM1.json");
    assert_eq!(Services::path().unwrap(), "/v1/Services");
    assert_eq!(Services::BASE_URL, "http://127.0.0.1:8080");
    let _ = Services::fetch;
}
