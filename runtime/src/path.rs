//! Path templates and the encoding of path values: each value becomes exactly one segment.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::Error;

/// Everything outside RFC 3986 "unreserved" (`A-Z a-z 0-9 - . _ ~`) is encoded, so `/ ? # %`,
/// spaces and non-ASCII in a value can never change the request's shape.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The bytes [`SEGMENT`] leaves as they are, as a table: one load per byte in the hot check.
const UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        byte += 1;
    }
    table
};

fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[byte as usize]
}

/// A resource's path template, parsed at compile time by `#[twilio_resource]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathTemplate {
    template: &'static str,
    segments: &'static [Segment],
}

/// One piece of a [`PathTemplate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Text copied as is, e.g. `/v2/Conversations/`.
    Literal(&'static str),
    /// A value supplied by the caller.
    Param {
        /// The name in the template, e.g. `ConversationSid`.
        placeholder: &'static str,
        /// The Rust parameter name, e.g. `conversation_sid`.
        parameter: &'static str,
    },
}

impl PathTemplate {
    /// A template from its text and its parts; `#[twilio_resource]` writes this call for you.
    pub const fn new(template: &'static str, segments: &'static [Segment]) -> Self {
        Self { template, segments }
    }

    /// The template as written, e.g. `/v2/Conversations/<ConversationSid>/Participants/<Sid>`.
    pub const fn template(&self) -> &'static str {
        self.template
    }

    /// The literal parts and parameters, in order.
    pub const fn segments(&self) -> &'static [Segment] {
        self.segments
    }

    /// The Rust parameter names, in order: `["conversation_sid", "sid"]`.
    pub fn parameters(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Param { parameter, .. } => Some(*parameter),
            Segment::Literal(_) => None,
        })
    }

    /// Fills the template with `values`, one per parameter in order, each percent-encoded as one
    /// path segment.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the parameter when a value is empty, `.` or `..`, or
    /// when the number of values does not match the number of parameters.
    ///
    /// ```
    /// use twilio_resource::{PathTemplate, Segment};
    ///
    /// const PATH: PathTemplate = PathTemplate::new(
    ///     "/v1/Services/<Sid>",
    ///     &[Segment::Literal("/v1/Services/"), Segment::Param { placeholder: "Sid", parameter: "sid" }],
    /// );
    /// assert_eq!(PATH.render(&["IS 1/2"]).unwrap(), "/v1/Services/IS%201%2F2");
    /// assert!(PATH.render(&[".."]).is_err());
    /// ```
    pub fn render(&self, values: &[&str]) -> Result<String, Error> {
        let expected = self.parameters().count();
        if values.len() != expected {
            return Err(Error::InvalidArgument {
                parameter: "values",
                reason: format!(
                    "the template {} takes {expected} value(s), got {}",
                    self.template,
                    values.len()
                ),
            });
        }
        // Saturating: the same long value passed many times must not overflow (it only sizes a hint).
        let capacity = values.iter().fold(self.template.len(), |sum, value| {
            sum.saturating_add(value.len())
        });
        let mut path = String::with_capacity(capacity);
        let mut values = values.iter();
        for segment in self.segments {
            match segment {
                Segment::Literal(text) => path.push_str(text),
                Segment::Param { parameter, .. } => {
                    // The count was checked above, so there is always a value here.
                    let value = values.next().copied().unwrap_or_default();
                    push_segment(&mut path, parameter, value)?;
                }
            }
        }
        Ok(path)
    }
}

/// Appends one encoded value, refusing values that would change which resource is addressed.
fn push_segment(path: &mut String, parameter: &'static str, value: &str) -> Result<(), Error> {
    let reason = match value {
        "" => {
            "must not be empty: an empty path segment would address a different resource (a fetch would become a list)"
        }
        "." | ".." => {
            "must not be `.` or `..`: URL parsers resolve dot segments away, addressing a different resource"
        }
        // Most values (Twilio SIDs) need no escape: one scan and one copy instead of the encoder.
        _ if value.bytes().all(is_unreserved) => {
            path.push_str(value);
            return Ok(());
        }
        _ => {
            path.extend(utf8_percent_encode(value, SEGMENT));
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

    const SEED: PathTemplate = PathTemplate::new(
        "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
        &[
            Segment::Literal("/v2/Conversations/"),
            Segment::Param {
                placeholder: "ConversationSid",
                parameter: "conversation_sid",
            },
            Segment::Literal("/Participants/"),
            Segment::Param {
                placeholder: "Sid",
                parameter: "sid",
            },
        ],
    );

    #[test]
    fn renders_plain_values() {
        assert_eq!(
            SEED.render(&["conv_conversation_01", "conv_participant_01"])
                .unwrap(),
            "/v2/Conversations/conv_conversation_01/Participants/conv_participant_01"
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
    fn refuses_a_wrong_number_of_values() {
        let error = SEED.render(&["only one"]).unwrap_err();
        assert!(
            error.to_string().contains("takes 2 value(s), got 1"),
            "{error}"
        );
    }

    #[test]
    fn lists_parameters_in_order() {
        assert_eq!(
            SEED.parameters().collect::<Vec<_>>(),
            ["conversation_sid", "sid"]
        );
    }
}
