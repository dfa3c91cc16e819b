//! Path templates and the encoding of path values: each value becomes exactly one segment.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::Error;

/// Everything outside RFC 3986 "unreserved" (`A-Z a-z 0-9 - . _ ~`) is encoded, so `/ ? # %`,
/// spaces and non-ASCII in a value can never change the request's shape.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A resource's path template: its text, with each `<Placeholder>` filled by one value, and the
/// Rust parameter name of each placeholder (for errors). `#[twilio_resource]` checks the
/// template at compile time and writes the constant for you.
///
/// ```
/// use twilio_resource::PathTemplate;
///
/// const PATH: PathTemplate = PathTemplate::new("/v1/Services/<Sid>", &["sid"]);
/// assert_eq!(PATH.render(&["IS 1/2"]).unwrap(), "/v1/Services/IS%201%2F2");
/// assert!(PATH.render(&[".."]).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathTemplate {
    template: &'static str,
    parameters: &'static [&'static str],
    /// How many `<` the template has, counted once when the constant is made, not per call.
    placeholders: usize,
}

impl PathTemplate {
    /// A template from its text and the parameter name of each of its placeholders, in order.
    pub const fn new(template: &'static str, parameters: &'static [&'static str]) -> Self {
        let bytes = template.as_bytes();
        let mut placeholders = 0;
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at] == b'<' {
                placeholders += 1;
            }
            at += 1;
        }
        Self {
            template,
            parameters,
            placeholders,
        }
    }

    /// The template as written, e.g. `/v2/Conversations/<ConversationSid>/Participants/<Sid>`.
    pub const fn template(&self) -> &'static str {
        self.template
    }

    /// The Rust parameter names, in order: `["conversation_sid", "sid"]`.
    pub const fn parameters(&self) -> &'static [&'static str] {
        self.parameters
    }

    /// Fills the template with `values`, one per placeholder in order, each percent-encoded as one
    /// path segment.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the parameter when a value is empty, `.` or `..`, or
    /// when the number of values does not match the number of parameters (or of placeholders).
    pub fn render(&self, values: &[&str]) -> Result<String, Error> {
        let placeholders = self.placeholders;
        if values.len() != self.parameters.len() || values.len() != placeholders {
            return Err(Error::InvalidArgument {
                parameter: "values",
                reason: format!(
                    "the template {} takes {placeholders} value(s) named {:?}, got {}",
                    self.template,
                    self.parameters,
                    values.len()
                ),
            });
        }
        // Saturating: the same long value passed many times must not overflow (it only sizes a hint).
        let capacity = values.iter().fold(self.template.len(), |sum, value| {
            sum.saturating_add(value.len())
        });
        let mut path = String::with_capacity(capacity);
        let mut rest = self.template;
        for (value, parameter) in values.iter().zip(self.parameters) {
            // There are as many `<` as values (checked above).
            // A byte loop: templates are short, and `<` and `>` are ASCII.
            let Some(open) = rest.bytes().position(|b| b == b'<') else {
                break;
            };
            path.push_str(&rest[..open]);
            push_segment(&mut path, parameter, value)?;
            let after = &rest[open + 1..];
            // A placeholder never closed (a template written by hand) ends the text.
            rest = after
                .bytes()
                .position(|b| b == b'>')
                .map_or("", |close| &after[close + 1..]);
        }
        path.push_str(rest);
        Ok(path)
    }
}

/// RFC 3986 "unreserved": the bytes [`SEGMENT`] leaves as they are.
fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[usize::from(byte)]
}

/// [`is_unreserved`] as a table built at compile time: one load a byte on the path of every call.
const UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        // `byte` < 256, so the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        byte += 1;
    }
    table
};

/// Appends one encoded value, refusing values that would change which resource is addressed.
fn push_segment(path: &mut String, parameter: &'static str, value: &str) -> Result<(), Error> {
    let reason = match value {
        "" => {
            "must not be empty: an empty path segment would address a different resource (a fetch would become a list)"
        }
        "." | ".." => {
            "must not be `.` or `..`: URL parsers resolve dot segments away, addressing a different resource"
        }
        // Most values (Twilio SIDs) need no escaping: one pass over the bytes instead of the
        // encoder's iterator (about 500 instructions a value).
        _ if value.bytes().all(is_unreserved) => {
            path.push_str(value);
            return Ok(());
        }
        _ => {
            let encoded: Cow<'_, str> = utf8_percent_encode(value, SEGMENT).into();
            path.push_str(&encoded);
            return Ok(());
        }
    };
    Err(Error::InvalidArgument {
        parameter,
        reason: reason.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unreserved_fast_path_is_exactly_what_the_encoder_leaves_alone() {
        for byte in 0..=u8::MAX {
            let encoded =
                utf8_percent_encode(std::str::from_utf8(&[byte]).unwrap_or("\u{fffd}"), SEGMENT)
                    .to_string();
            let left_alone = byte.is_ascii() && encoded.len() == 1;
            assert_eq!(is_unreserved(byte), left_alone, "byte {byte:#04x}");
        }
    }

    #[test]
    fn counts_placeholders_when_made() {
        assert_eq!(SEED.placeholders, 2);
        assert_eq!(PathTemplate::new("/v1/Services", &[]).placeholders, 0);
    }

    const SEED: PathTemplate = PathTemplate::new(
        "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
        &["conversation_sid", "sid"],
    );

    #[test]
    fn renders_plain_values() {
        assert_eq!(
            SEED.render(&["conv_conversation_01", "conv_participant_01"])
                .unwrap(),
            "/v2/Conversations/conv_conversation_01/Participants/conv_participant_01"
        );
        let suffixed = PathTemplate::new(
            "/2010-04-01/Accounts/<AccountSid>/Messages.json",
            &["account_sid"],
        );
        assert_eq!(
            suffixed.render(&["AC1"]).unwrap(),
            "/2010-04-01/Accounts/AC1/Messages.json"
        );
        assert_eq!(
            PathTemplate::new("/v1/Services", &[]).render(&[]).unwrap(),
            "/v1/Services"
        );
    }

    #[test]
    fn encodes_everything_outside_unreserved() {
        let path = SEED.render(&["a/b?c#d%e f", "é~._-"]).unwrap();
        assert_eq!(
            path,
            "/v2/Conversations/a%2Fb%3Fc%23d%25e%20f/Participants/%C3%A9~._-"
        );
    }

    #[test]
    fn refuses_empty_and_dot_values_naming_the_parameter() {
        for (values, parameter) in [
            (["", "x"], "conversation_sid"),
            (["x", ""], "sid"),
            ([".", "x"], "conversation_sid"),
            (["x", ".."], "sid"),
        ] {
            match SEED.render(&values) {
                Err(Error::InvalidArgument { parameter: p, .. }) => assert_eq!(p, parameter),
                other => panic!("{values:?}: {other:?}"),
            }
        }
        // Longer runs of dots are ordinary names.
        assert_eq!(
            SEED.render(&["...", "x"]).unwrap(),
            "/v2/Conversations/.../Participants/x"
        );
    }

    #[test]
    fn refuses_a_wrong_number_of_values_or_a_template_that_does_not_match_its_names() {
        let error = SEED.render(&["only one"]).unwrap_err();
        assert!(error.to_string().contains("takes 2 value(s)"), "{error}");
        assert!(error.to_string().contains("got 1"), "{error}");
        // Written by hand with a name missing, or a placeholder never closed: an error or the
        // rest of the text, never a panic.
        let short = PathTemplate::new("/v1/<A>/<B>", &["a"]);
        assert!(short.render(&["x"]).is_err());
        let unclosed = PathTemplate::new("/v1/<A", &["a"]);
        assert_eq!(unclosed.render(&["x"]).unwrap(), "/v1/x");
    }

    #[test]
    fn lists_parameters_in_order() {
        assert_eq!(SEED.parameters(), ["conversation_sid", "sid"]);
    }
}
