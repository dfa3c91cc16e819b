//! Docs and derives may stand before or after the attribute; both orders keep them.

use twilio_resource::twilio_resource;

/// Documented before the attribute.
#[derive(Debug, Clone)]
#[twilio_resource(path = "/v2/Conversations/<Sid>")]
#[derive(PartialEq)]
pub struct Conversation {
    pub id: Option<String>,
}

fn main() {
    let a = Conversation { id: None };
    assert_eq!(a.clone(), a);
    assert!(format!("{a:?}").contains("Conversation"));
}
