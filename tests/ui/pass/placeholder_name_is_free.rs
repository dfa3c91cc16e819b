//! A placeholder's name only names the parameter: a misspelled one (`<AcountSid>`) compiles, and
//! the path it builds is the same.
use twilio_resource::twilio_resource;

#[twilio_resource(path = "/2010-04-01/Accounts/<AcountSid>/Calls/<Sid>.json")]
pub struct Call {
    pub sid: Option<String>,
}

fn main() {
    assert_eq!(
        Call::path("AC1", "CA1").unwrap(),
        "/2010-04-01/Accounts/AC1/Calls/CA1.json"
    );
}
