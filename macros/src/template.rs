//! The path template: `"/v2/Conversations/<ConversationSid>/Participants/<Sid>"` parsed into literal
//! parts and placeholders. Plain Rust with no syn types, so it can be unit-tested and fuzzed alone.

use std::fmt;

use crate::case::to_snake_case;

/// A parsed path template, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The literal parts and placeholders, in template order; adjacent literals are merged.
    pub parts: Vec<Part>,
}

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text copied into the path as is.
    Literal(String),
    /// A `<Name>` filled from a function parameter.
    Placeholder(Placeholder),
}

/// A `<Name>` placeholder and the Rust parameter it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The name as written between `<` and `>`, e.g. `ConversationSid`.
    pub name: String,
    /// The snake_case parameter name, e.g. `conversation_sid`.
    pub param: String,
}

impl Template {
    /// The placeholders in template order.
    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.parts.iter().filter_map(|part| match part {
            Part::Placeholder(p) => Some(p),
            Part::Literal(_) => None,
        })
    }
}

/// Everything that can be wrong with a template. Each message names the offending piece, because on
/// stable Rust the span can only cover the whole string literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// The template is the empty string.
    Empty,
    /// The template does not start with `/`.
    NotAbsolute,
    /// A `<` with no matching `>`.
    Unclosed { name: String },
    /// `<>`.
    EmptyPlaceholder,
    /// A `>` with no `<` before it.
    StrayClose,
    /// `<a-b>`, `<1st>`, `<_>`: not a Rust identifier.
    NotIdentifier { name: String },
    /// `<Sid>` twice (or two names with one snake_case form).
    Duplicate { name: String, param: String },
    /// A placeholder whose parameter name Rust cannot use (`self`, `crate`, ...) or that would
    /// shadow `fetch`'s own `client` parameter.
    ReservedName { name: String, param: String },
    /// A character that cannot stand in a path: `?`, `#`, whitespace, control, non-ASCII, ...
    ForbiddenChar { ch: char },
    /// `//`, `/./`, `/../` (or `/%2e%2e/`): an empty or dot segment written into the template itself.
    BadSegment { segment: String },
    /// A `%` that does not start a two-hex-digit escape.
    BadEscape { escape: String },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(
                f,
                "the path template is empty; write it like \"/v2/Conversations/<ConversationSid>\""
            ),
            Self::NotAbsolute => write!(
                f,
                "the path template must start with `/`, like \"/v2/Conversations/<ConversationSid>\""
            ),
            Self::Unclosed { name } => write!(f, "placeholder `<{name}` is not closed: add `>`"),
            Self::EmptyPlaceholder => write!(f, "empty placeholder `<>`: name it, like `<Sid>`"),
            Self::StrayClose => write!(f, "`>` without a matching `<` in the path template"),
            Self::NotIdentifier { name } => write!(
                f,
                "placeholder `<{name}>` is not an identifier: use letters, digits and `_`, starting with a letter, like `<ConversationSid>`"
            ),
            Self::Duplicate { name, param } => write!(
                f,
                "placeholder `<{name}>` appears more than once (as parameter `{param}`); each placeholder must be distinct"
            ),
            Self::ReservedName { name, param } => write!(
                f,
                "placeholder `<{name}>` would become parameter `{param}`, which is reserved; rename the placeholder"
            ),
            Self::ForbiddenChar { ch } => write!(
                f,
                "the path template contains {ch:?}, which cannot stand in a path; a query string or fragment is not part of a resource path"
            ),
            Self::BadSegment { segment } => write!(
                f,
                "the path template contains the segment {segment:?}; empty, `.` and `..` segments (also as `%2e`) are not allowed"
            ),
            Self::BadEscape { escape } => write!(
                f,
                "the path template contains `{escape}`, which is not a percent-escape; write `%25` for a literal `%`"
            ),
        }
    }
}

/// Parameter names that `r#` cannot rescue, plus the name `fetch` uses for its client.
const RESERVED_PARAMS: &[&str] = &["self", "super", "crate", "client", "_"];

/// Parses a template, returning every error found rather than only the first.
pub fn parse(template: &str) -> Result<Template, Vec<TemplateError>> {
    let mut errors = Vec::new();
    if template.is_empty() {
        return Err(vec![TemplateError::Empty]);
    }
    if !template.starts_with('/') {
        errors.push(TemplateError::NotAbsolute);
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find(['<', '>']) {
            None => {
                push_literal(&mut parts, rest, &mut errors);
                rest = "";
            }
            Some(at) if rest.as_bytes()[at] == b'>' => {
                errors.push(TemplateError::StrayClose);
                push_literal(&mut parts, &rest[..at], &mut errors);
                rest = &rest[at + 1..];
            }
            Some(at) => {
                push_literal(&mut parts, &rest[..at], &mut errors);
                let after = &rest[at + 1..];
                // A `<` before the `>` means this placeholder was never closed.
                match after.find(['<', '>']) {
                    Some(end) if after.as_bytes()[end] == b'>' => {
                        if let Some(p) = placeholder(&after[..end], &parts, &mut errors) {
                            parts.push(Part::Placeholder(p));
                        }
                        rest = &after[end + 1..];
                    }
                    Some(end) => {
                        errors.push(TemplateError::Unclosed {
                            name: after[..end].to_owned(),
                        });
                        rest = &after[end..];
                    }
                    None => {
                        errors.push(TemplateError::Unclosed {
                            name: after.to_owned(),
                        });
                        rest = "";
                    }
                }
            }
        }
    }
    // Segment shapes are only meaningful once every placeholder parsed; otherwise they echo other errors.
    if errors.is_empty() {
        check_segments(&parts, &mut errors);
    }
    if errors.is_empty() {
        Ok(Template { parts })
    } else {
        Err(errors)
    }
}

fn push_literal(parts: &mut Vec<Part>, text: &str, errors: &mut Vec<TemplateError>) {
    if text.is_empty() {
        return;
    }
    for ch in text.chars() {
        if !is_path_char(ch) && !errors.contains(&TemplateError::ForbiddenChar { ch }) {
            errors.push(TemplateError::ForbiddenChar { ch });
        }
    }
    for (at, _) in text.match_indices('%') {
        let escape = text
            .get(at..at + 3)
            .filter(|e| e.bytes().skip(1).all(|b| b.is_ascii_hexdigit()));
        if escape.is_none() {
            let shown: String = text[at..].chars().take(3).collect();
            errors.push(TemplateError::BadEscape { escape: shown });
        }
    }
    match parts.last_mut() {
        Some(Part::Literal(last)) => last.push_str(text),
        _ => parts.push(Part::Literal(text.to_owned())),
    }
}

/// RFC 3986 `pchar` plus `/`; `%` is allowed so a literal may carry an escape of its own.
fn is_path_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/%".contains(ch)
}

fn placeholder(name: &str, parts: &[Part], errors: &mut Vec<TemplateError>) -> Option<Placeholder> {
    if name.is_empty() {
        errors.push(TemplateError::EmptyPlaceholder);
        return None;
    }
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts_well || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') || name == "_" {
        errors.push(TemplateError::NotIdentifier {
            name: name.to_owned(),
        });
        return None;
    }
    let param = to_snake_case(name);
    if RESERVED_PARAMS.contains(&param.as_str()) {
        errors.push(TemplateError::ReservedName {
            name: name.to_owned(),
            param,
        });
        return None;
    }
    let earlier = parts
        .iter()
        .any(|part| matches!(part, Part::Placeholder(p) if p.param == param));
    if earlier {
        errors.push(TemplateError::Duplicate {
            name: name.to_owned(),
            param,
        });
        return None;
    }
    Some(Placeholder {
        name: name.to_owned(),
        param,
    })
}

/// Refuses `//`, `/./` and `/../` written into the template: URL parsers collapse or resolve them,
/// and the WHATWG URL standard resolves `%2e` and `%2E` as dots too.
fn check_segments(parts: &[Part], errors: &mut Vec<TemplateError>) {
    // Placeholders stand for a non-empty, non-dot segment, so "x" is a fine stand-in here.
    let shape: String = parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => text.as_str(),
            Part::Placeholder(_) => "x",
        })
        .collect();
    let inner = shape.strip_prefix('/').unwrap_or(&shape);
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    for segment in inner.split('/') {
        let dots = segment.to_ascii_lowercase().replace("%2e", ".");
        if matches!(dots.as_str(), "" | "." | "..") {
            let segment = segment.to_owned();
            if !errors.contains(&TemplateError::BadSegment {
                segment: segment.clone(),
            }) {
                errors.push(TemplateError::BadSegment { segment });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Part {
        Part::Literal(s.to_owned())
    }

    fn ph(name: &str, param: &str) -> Part {
        Part::Placeholder(Placeholder {
            name: name.to_owned(),
            param: param.to_owned(),
        })
    }

    #[test]
    fn parses_the_seed_template() {
        let t = parse("/v2/Conversations/<ConversationSid>/Participants/<Sid>").unwrap();
        assert_eq!(
            t.parts,
            vec![
                lit("/v2/Conversations/"),
                ph("ConversationSid", "conversation_sid"),
                lit("/Participants/"),
                ph("Sid", "sid"),
            ]
        );
    }

    #[test]
    fn parses_a_placeholder_inside_a_segment() {
        let t = parse("/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json").unwrap();
        assert_eq!(t.parts.last(), Some(&lit(".json")));
        assert_eq!(t.placeholders().count(), 2);
    }

    #[test]
    fn parses_a_template_without_placeholders() {
        let t = parse("/v1/Services").unwrap();
        assert_eq!(t.parts, vec![lit("/v1/Services")]);
    }

    #[test]
    fn refuses_empty_and_relative() {
        assert_eq!(parse(""), Err(vec![TemplateError::Empty]));
        assert_eq!(parse("v2/X"), Err(vec![TemplateError::NotAbsolute]));
    }

    #[test]
    fn refuses_unclosed_and_empty_placeholders() {
        assert_eq!(
            parse("/v2/<Sid"),
            Err(vec![TemplateError::Unclosed { name: "Sid".into() }])
        );
        assert_eq!(
            parse("/v2/<A/<B>"),
            Err(vec![TemplateError::Unclosed { name: "A/".into() }])
        );
        assert_eq!(parse("/v2/<>"), Err(vec![TemplateError::EmptyPlaceholder]));
        assert_eq!(parse("/v2/Sid>"), Err(vec![TemplateError::StrayClose]));
    }

    #[test]
    fn refuses_non_identifiers_and_reserved_names() {
        assert_eq!(
            parse("/v2/<Conversation-Sid>"),
            Err(vec![TemplateError::NotIdentifier {
                name: "Conversation-Sid".into()
            }])
        );
        assert_eq!(
            parse("/v2/<1st>"),
            Err(vec![TemplateError::NotIdentifier { name: "1st".into() }])
        );
        assert_eq!(
            parse("/v2/<_>"),
            Err(vec![TemplateError::NotIdentifier { name: "_".into() }])
        );
        assert_eq!(
            parse("/v2/<Client>"),
            Err(vec![TemplateError::ReservedName {
                name: "Client".into(),
                param: "client".into()
            }])
        );
        assert_eq!(
            parse("/v2/<Self>"),
            Err(vec![TemplateError::ReservedName {
                name: "Self".into(),
                param: "self".into()
            }])
        );
    }

    #[test]
    fn refuses_duplicates_by_parameter_name() {
        assert_eq!(
            parse("/v2/<Sid>/x/<Sid>"),
            Err(vec![TemplateError::Duplicate {
                name: "Sid".into(),
                param: "sid".into()
            }])
        );
        assert_eq!(
            parse("/v2/<AccountSid>/x/<AccountSID>"),
            Err(vec![TemplateError::Duplicate {
                name: "AccountSID".into(),
                param: "account_sid".into()
            }])
        );
    }

    #[test]
    fn refuses_query_fragment_space_and_dot_segments() {
        assert_eq!(
            parse("/v2/X?a=1"),
            Err(vec![TemplateError::ForbiddenChar { ch: '?' }])
        );
        assert_eq!(
            parse("/v2/X#top"),
            Err(vec![TemplateError::ForbiddenChar { ch: '#' }])
        );
        assert_eq!(
            parse("/v2/A B"),
            Err(vec![TemplateError::ForbiddenChar { ch: ' ' }])
        );
        assert_eq!(
            parse("/v2//X"),
            Err(vec![TemplateError::BadSegment {
                segment: String::new()
            }])
        );
        assert_eq!(
            parse("/v2/../X"),
            Err(vec![TemplateError::BadSegment {
                segment: "..".into()
            }])
        );
        assert_eq!(
            parse("/v2/%2E%2e/X"),
            Err(vec![TemplateError::BadSegment {
                segment: "%2E%2e".into()
            }])
        );
        assert_eq!(
            parse("/v2/.%2e/X"),
            Err(vec![TemplateError::BadSegment {
                segment: ".%2e".into()
            }])
        );
        assert!(parse("/v2/%2eX/<Sid>").is_ok());
    }

    #[test]
    fn refuses_malformed_escapes_and_keeps_good_ones() {
        assert_eq!(
            parse("/v2/100%/X"),
            Err(vec![TemplateError::BadEscape {
                escape: "%/X".into()
            }])
        );
        assert_eq!(
            parse("/v2/a%z"),
            Err(vec![TemplateError::BadEscape {
                escape: "%z".into()
            }])
        );
        assert!(parse("/v2/a%20b%7E/<Sid>").is_ok());
    }

    #[test]
    fn collects_every_error() {
        let errors = parse("v2/<>/<a-b>/<Sid").unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for input in [
            "<",
            ">",
            "<<>>",
            "/<é>",
            "/é",
            "/<Sid><Sid>",
            "/<A><B>",
            "/>>>",
            "/<<",
        ] {
            let _ = parse(input);
        }
    }
}
