//! Property tests of the path builder over arbitrary Unicode: every value is either refused
//! (empty, `.`, `..`) naming its parameter, or becomes exactly one path segment that the URL
//! parser keeps as is and that percent-decodes back to the value, in every placeholder position.

use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use twilio_resource::{Error, PathTemplate};
use url::Url;

const PARAMETERS: [&str; 4] = ["first", "second", "third", "fourth"];

/// A value: arbitrary Unicode (controls, surrogates' neighbours, emoji), or the characters that
/// matter to a path, or exactly one of the refused values.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        3 => "[./%?#;=+&@: \\\\~-]{0,5}",
        1 => Just(String::new()),
        1 => Just(".".to_owned()),
        1 => Just("..".to_owned()),
        1 => Just("...".to_owned()),
    ]
}

/// `/v1/Things/<first>/Parts/<second>/…` with `count` placeholders, each a whole segment.
fn template(count: usize) -> PathTemplate {
    let mut text = String::new();
    for parameter in &PARAMETERS[..count] {
        text.push_str(&format!("/v1/L{}/<{parameter}>", text.len()));
    }
    PathTemplate::new(Box::leak(text.into_boxed_str()), &PARAMETERS[..count])
}

fn is_refused(value: &str) -> bool {
    matches!(value, "" | "." | "..")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_value_is_refused_or_exactly_one_segment(values in prop::collection::vec(value(), 1..=4)) {
        let template = template(values.len());
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        match template.render(&refs) {
            Err(Error::InvalidArgument { parameter, reason, .. }) => {
                let first_refused = values.iter().position(|v| is_refused(v));
                prop_assert_eq!(first_refused.map(|at| PARAMETERS[at]), Some(parameter), "{}", reason);
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
            Ok(path) => {
                prop_assert!(!values.iter().any(|v| is_refused(v)));
                let url = Url::parse(&format!("https://conversations.twilio.com{path}")).unwrap();
                prop_assert_eq!(url.path(), path.as_str(), "the URL parser rewrote the path");
                prop_assert!(url.query().is_none() && url.fragment().is_none());
                let segments: Vec<&str> = url.path_segments().unwrap().collect();
                prop_assert_eq!(segments.len(), 3 * values.len());
                for (at, value) in values.iter().enumerate() {
                    let segment = segments[3 * at + 2];
                    let decoded = percent_decode_str(segment).decode_utf8().unwrap();
                    prop_assert_eq!(decoded.as_ref(), value.as_str(), "position {}", at);
                }
            }
        }
    }

    #[test]
    fn a_value_before_a_literal_suffix_stays_in_its_segment(value in value()) {
        // `/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json`: the value shares its segment.
        const MESSAGE: PathTemplate = PathTemplate::new("/Messages/<Sid>.json", &["sid"]);
        match MESSAGE.render(&[&value]) {
            Err(Error::InvalidArgument { parameter, .. }) => {
                prop_assert!(is_refused(&value));
                prop_assert_eq!(parameter, "sid");
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
            Ok(path) => {
                let url = Url::parse(&format!("https://api.twilio.com{path}")).unwrap();
                prop_assert_eq!(url.path(), path.as_str());
                let segments: Vec<&str> = url.path_segments().unwrap().collect();
                prop_assert_eq!(segments.len(), 2);
                let encoded = segments[1].strip_suffix(".json").unwrap();
                let decoded = percent_decode_str(encoded).decode_utf8().unwrap();
                prop_assert_eq!(decoded.as_ref(), value.as_str());
            }
        }
    }

    #[test]
    fn the_generated_path_function_agrees(conversation in value(), sid in value()) {
        match twilio_resource_tests::Participant::path(&conversation, &sid) {
            Err(Error::InvalidArgument { parameter, .. }) => {
                let expected = if is_refused(&conversation) { "conversation_sid" } else { "sid" };
                prop_assert!(is_refused(&conversation) || is_refused(&sid));
                prop_assert_eq!(parameter, expected);
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
            Ok(path) => {
                let url = Url::parse(&format!("https://conversations.twilio.com{path}")).unwrap();
                prop_assert_eq!(url.path(), path.as_str());
                let segments: Vec<String> = url
                    .path_segments()
                    .unwrap()
                    .map(|s| percent_decode_str(s).decode_utf8().unwrap().into_owned())
                    .collect();
                prop_assert_eq!(segments, vec!["v2".to_owned(), "Conversations".into(), conversation, "Participants".into(), sid]);
            }
        }
    }
}
