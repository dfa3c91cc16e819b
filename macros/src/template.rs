//! The path template: `"/v2/Conversations/<ConversationSid>/Participants/<Sid>"` parsed into literal
//! parts and parameters (the runtime's `Segment::Literal` and `Segment::Param`), and the collection
//! template derived from it. Plain Rust with no syn types, so it can be unit-tested and fuzzed alone.

use std::fmt;

use crate::case::to_snake_case;

/// A parsed path template, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The literal parts and parameters, in template order; adjacent literals are merged.
    pub parts: Vec<Part>,
}

/// One piece of a template, named like the runtime's `Segment`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text copied into the path as is.
    Literal(String),
    /// A `<Placeholder>` filled from a function parameter.
    Param(Param),
}

/// A `<Placeholder>` and the Rust parameter it becomes (the runtime's `Segment::Param` fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The name as written between `<` and `>`, e.g. `ConversationSid`.
    pub placeholder: String,
    /// The snake_case parameter name, e.g. `conversation_sid`.
    pub parameter: String,
}

/// Why a template has no collection: `list` and `create` need one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCollection {
    /// Dropping the last `/<Placeholder>` segment leaves no path (`/<Sid>`, `/<Sid>.json`).
    NothingLeft { segment: String },
    /// The last segment holds a placeholder next to other text or another placeholder (`x<Sid>`),
    /// so there is no segment to drop.
    MixedSegment { segment: String },
}

impl fmt::Display for NoCollection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NothingLeft { segment } => write!(
                f,
                "without its last segment `{segment}` nothing is left to address the collection"
            ),
            Self::MixedSegment { segment } => write!(
                f,
                "its last segment `{segment}` mixes a placeholder with other text, so it is neither one record's segment nor the collection's"
            ),
        }
    }
}

impl Template {
    /// The parameters in template order.
    pub fn params(&self) -> impl Iterator<Item = &Param> {
        self.parts.iter().filter_map(|part| match part {
            Part::Param(p) => Some(p),
            Part::Literal(_) => None,
        })
    }

    /// The template as text, each parameter written `open` name `close`: `("<", ">")` gives
    /// back the template as written.
    pub fn text(&self, open: &str, close: &str) -> String {
        let mut text = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(literal) => text.push_str(literal),
                Part::Param(p) => {
                    text.push_str(open);
                    text.push_str(&p.placeholder);
                    text.push_str(close);
                }
            }
        }
        text
    }

    /// Where `list` and `create` go: the template without its last `/<Placeholder>` segment,
    /// keeping a literal suffix (`…/Messages/<Sid>.json` → `…/Messages.json`). A template whose last
    /// segment has no placeholder is its own collection (`…/Services/<ServiceSid>/Configuration`).
    pub fn collection(&self) -> Result<Template, NoCollection> {
        let Some(last) = self
            .parts
            .iter()
            .rposition(|part| matches!(part, Part::Param(_)))
        else {
            return Ok(self.clone());
        };
        let suffix = match self.parts.get(last + 1) {
            Some(Part::Literal(text)) => text.as_str(),
            _ => "",
        };
        if suffix.contains('/') {
            return Ok(self.clone());
        }
        let before = last.checked_sub(1).and_then(|at| self.parts.get(at));
        let (Some(Part::Literal(before)), Some(Part::Param(param))) =
            (before, self.parts.get(last))
        else {
            return Err(NoCollection::MixedSegment {
                segment: self.last_segment(),
            });
        };
        let Some(kept) = before.strip_suffix('/') else {
            return Err(NoCollection::MixedSegment {
                segment: self.last_segment(),
            });
        };
        let mut parts: Vec<Part> = self.parts.iter().take(last - 1).cloned().collect();
        for text in [kept, suffix] {
            if text.is_empty() {
                continue;
            }
            match parts.last_mut() {
                Some(Part::Literal(literal)) => literal.push_str(text),
                _ => parts.push(Part::Literal(text.to_owned())),
            }
        }
        let collection = Template { parts };
        if !collection.text("<", ">").starts_with('/') {
            return Err(NoCollection::NothingLeft {
                segment: format!("/<{}>{suffix}", param.placeholder),
            });
        }
        Ok(collection)
    }

    /// The template without its last parameter: what a caller of `list` or `create` on a path with
    /// no collection meant to pass, so that after that error their call still type-checks.
    pub fn without_last_param(&self) -> Template {
        let last = self
            .parts
            .iter()
            .rposition(|part| matches!(part, Part::Param(_)));
        let mut parts: Vec<Part> = Vec::new();
        for (at, part) in self.parts.iter().enumerate() {
            match part {
                Part::Param(_) if Some(at) == last => {}
                Part::Literal(text) => match parts.last_mut() {
                    Some(Part::Literal(literal)) => literal.push_str(text),
                    _ => parts.push(Part::Literal(text.clone())),
                },
                Part::Param(p) => parts.push(Part::Param(p.clone())),
            }
        }
        Template { parts }
    }

    fn last_segment(&self) -> String {
        let text = self.text("<", ">");
        let at = text.rfind('/').map_or(0, |at| at + 1);
        text.get(at..).unwrap_or_default().to_owned()
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
    /// A `<` with no matching `>`: `name` is what follows it up to the first character that cannot
    /// be part of a name, `then` the text after the name up to the next `<` (where `>` goes).
    Unclosed { name: String, then: String },
    /// `<>`.
    EmptyPlaceholder,
    /// A `>` with no `<` before it.
    StrayClose,
    /// `<a-b>`, `<1st>`, `<_>`: not a Rust identifier.
    NotIdentifier { name: String },
    /// `<Sid>` twice (or two names with one snake_case form).
    Duplicate { name: String, param: String },
    /// A placeholder whose parameter name Rust cannot use (`self`, `crate`, ...) or that the
    /// generated methods use themselves (`client`, `body`, `filter`).
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
            Self::Unclosed { name, then } if name.is_empty() => write!(
                f,
                "a `<` in the path template opens no placeholder: name it and close it, like `<Sid>`{}",
                if then.is_empty() {
                    String::new()
                } else {
                    format!(", before `{then}`")
                }
            ),
            Self::Unclosed { name, then } if then.is_empty() => write!(
                f,
                "placeholder `<{name}` is not closed: end the path with `<{name}>`"
            ),
            Self::Unclosed { name, then } => write!(
                f,
                "placeholder `<{name}` is not closed: the `>` goes right after the name, as in `<{name}>{then}`"
            ),
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
                "placeholder `<{name}>` would become parameter `{param}`, which is reserved (the generated methods take `client`, `body`, `filter` and `query`, and Rust keeps `self`, `super` and `crate`); rename the placeholder"
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

/// Parameter names that `r#` cannot rescue, plus the names the generated methods use themselves.
const RESERVED_PARAMS: &[&str] = &[
    "self", "super", "crate", "_", "client", "body", "filter", "query",
];

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
        let Some((before, bracket, after)) = split_at_bracket(rest) else {
            push_literal(&mut parts, rest, &mut errors);
            break;
        };
        push_literal(&mut parts, before, &mut errors);
        if bracket == '>' {
            errors.push(TemplateError::StrayClose);
            rest = after;
            continue;
        }
        // A `<` before the `>` (or no `>` at all) means this placeholder was never closed.
        match split_at_bracket(after) {
            Some((name, '>', after_close)) => {
                if let Some(p) = param(name, &parts, &mut errors) {
                    parts.push(Part::Param(p));
                }
                rest = after_close;
            }
            _ => {
                let name_end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                let (name, then) = after.split_at_checked(name_end).unwrap_or((after, ""));
                let then_end = then.find('<').unwrap_or(then.len());
                errors.push(TemplateError::Unclosed {
                    name: name.to_owned(),
                    then: then.get(..then_end).unwrap_or(then).to_owned(),
                });
                // The rest is read on as literal text (and the next `<`), so its own mistakes show too.
                rest = then;
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

/// The best reading of a template refused only for a placeholder left open
/// (`…/<AccountSid/Messages`): each `<Name` not followed by `>` is closed right after its name, as
/// the error message suggests. `None` when nothing was open or that reading does not parse either
/// (another mistake, or a `<` with no name after it). The attribute generates its methods from
/// this reading, so the one error about the `<` is the only one the user sees.
pub fn closed_reading(template: &str) -> Option<Template> {
    let mut fixed = String::with_capacity(template.len().saturating_add(4));
    let mut rest = template;
    while let Some(at) = rest.find('<') {
        let (before, from) = rest.split_at_checked(at)?;
        fixed.push_str(before);
        let after = from.get(1..)?;
        let name_end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let (name, then) = after.split_at_checked(name_end)?;
        fixed.push('<');
        fixed.push_str(name);
        if !then.starts_with('>') {
            if name.is_empty() {
                return None;
            }
            fixed.push('>');
        }
        rest = then;
    }
    fixed.push_str(rest);
    if fixed == template {
        return None;
    }
    parse(&fixed).ok()
}

/// `("a", '<', "b>c")` for `"a<b>c"`: the text before the first `<` or `>`, that bracket, the rest.
fn split_at_bracket(text: &str) -> Option<(&str, char, &str)> {
    let at = text.find(['<', '>'])?;
    let (before, from) = text.split_at_checked(at)?;
    let mut chars = from.chars();
    let bracket = chars.next()?;
    Some((before, bracket, chars.as_str()))
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
        let from = text.get(at..).unwrap_or_default();
        let escape = from
            .get(..3)
            .filter(|e| e.bytes().skip(1).all(|b| b.is_ascii_hexdigit()));
        if escape.is_none() {
            let shown: String = from.chars().take(3).collect();
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

fn param(name: &str, parts: &[Part], errors: &mut Vec<TemplateError>) -> Option<Param> {
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
        .any(|part| matches!(part, Part::Param(p) if p.parameter == param));
    if earlier {
        errors.push(TemplateError::Duplicate {
            name: name.to_owned(),
            param,
        });
        return None;
    }
    Some(Param {
        placeholder: name.to_owned(),
        parameter: param,
    })
}

/// Refuses `//`, `/./` and `/../` written into the template: URL parsers collapse or resolve them,
/// and the WHATWG URL standard resolves `%2e` and `%2E` as dots too.
fn check_segments(parts: &[Part], errors: &mut Vec<TemplateError>) {
    // Parameters stand for a non-empty, non-dot segment, so "x" is a fine stand-in here.
    let shape: String = parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => text.as_str(),
            Part::Param(_) => "x",
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
        Part::Param(Param {
            placeholder: name.to_owned(),
            parameter: param.to_owned(),
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
        assert_eq!(t.params().count(), 2);
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
        let unclosed = |name: &str, then: &str| TemplateError::Unclosed {
            name: name.into(),
            then: then.into(),
        };
        assert_eq!(parse("/v2/<Sid"), Err(vec![unclosed("Sid", "")]));
        assert_eq!(parse("/v2/<A/<B>"), Err(vec![unclosed("A", "/")]));
        assert_eq!(
            parse("/2010-04-01/Accounts/<AccountSid/Messages/<Sid>.json"),
            Err(vec![unclosed("AccountSid", "/Messages/")])
        );
        assert_eq!(parse("/v2/</x"), Err(vec![unclosed("", "/x")]));
        assert_eq!(parse("/v2/<>"), Err(vec![TemplateError::EmptyPlaceholder]));
        assert_eq!(parse("/v2/Sid>"), Err(vec![TemplateError::StrayClose]));
    }

    #[test]
    fn an_unclosed_placeholder_is_read_as_closed_after_its_name() {
        let read = |text: &str| closed_reading(text).map(|t| t.text("<", ">"));
        assert_eq!(
            read("/2010-04-01/Accounts/<AccountSid/Messages/<Sid>.json").as_deref(),
            Some("/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json")
        );
        assert_eq!(read("/v2/<Sid").as_deref(), Some("/v2/<Sid>"));
        assert_eq!(read("/v2/<A/<B").as_deref(), Some("/v2/<A>/<B>"));
        assert_eq!(
            read("/v2/Services/<ServiceSid/Roles/<Sid>.json").as_deref(),
            Some("/v2/Services/<ServiceSid>/Roles/<Sid>.json")
        );
        // Nothing open, or a mistake the reading cannot mend: no reading.
        assert_eq!(read("/v2/<Sid>"), None);
        assert_eq!(read("/v2/</x"), None);
        assert_eq!(read("v2/<Sid"), None);
        assert_eq!(read("/v2/<A/x>"), None);
        assert_eq!(read("/v2/<Sid/<Sid"), None);
        assert_eq!(read("/v2/<é"), None);
        assert_eq!(read(""), None);
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

    fn collection(template: &str) -> Result<String, NoCollection> {
        let parsed = parse(template).unwrap();
        parsed.collection().map(|c| c.text("<", ">"))
    }

    #[test]
    fn collection_drops_the_last_placeholder_segment_and_keeps_its_suffix() {
        let cases = [
            (
                "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
                "/2010-04-01/Accounts/<AccountSid>/Messages.json",
            ),
            (
                "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
                "/v2/Conversations/<ConversationSid>/Participants",
            ),
            ("/v1/Services/<Sid>", "/v1/Services"),
            ("/v1/<Sid>", "/v1"),
            ("/<A>/<B>", "/<A>"),
            ("/<A>/<B>.json", "/<A>.json"),
            (
                "/v1/Fleets/<FleetSid>/Devices/<Sid>",
                "/v1/Fleets/<FleetSid>/Devices",
            ),
        ];
        for (path, expected) in cases {
            assert_eq!(collection(path), Ok(expected.to_owned()), "{path}");
        }
        let message = parse("/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json")
            .unwrap()
            .collection()
            .unwrap();
        assert_eq!(
            message.parts,
            vec![
                lit("/2010-04-01/Accounts/"),
                ph("AccountSid", "account_sid"),
                lit("/Messages.json"),
            ]
        );
    }

    #[test]
    fn a_path_not_ending_in_a_placeholder_is_its_own_collection() {
        for path in [
            "/v1/Services/<ServiceSid>/Configuration",
            "/2010-04-01/Accounts/<AccountSid>/AvailablePhoneNumbers/<CountryCode>/Local.json",
            "/v1/Services",
            "/v1/Services/<Sid>/",
        ] {
            assert_eq!(collection(path), Ok(path.to_owned()), "{path}");
        }
    }

    #[test]
    fn some_paths_have_no_collection() {
        assert_eq!(
            collection("/<Sid>"),
            Err(NoCollection::NothingLeft {
                segment: "/<Sid>".into()
            })
        );
        assert_eq!(
            collection("/<Sid>.json"),
            Err(NoCollection::NothingLeft {
                segment: "/<Sid>.json".into()
            })
        );
        assert_eq!(
            collection("/v1/Items/x<Sid>"),
            Err(NoCollection::MixedSegment {
                segment: "x<Sid>".into()
            })
        );
        assert_eq!(
            collection("/v1/Items/<A><B>"),
            Err(NoCollection::MixedSegment {
                segment: "<A><B>".into()
            })
        );
    }

    #[test]
    fn without_last_param_keeps_the_others() {
        let t = parse("/v1/<A>/x<Sid>").unwrap().without_last_param();
        assert_eq!(t.text("<", ">"), "/v1/<A>/x");
        assert_eq!(t.params().count(), 1);
        assert_eq!(
            parse("/<Sid>").unwrap().without_last_param().parts,
            vec![lit("/")]
        );
    }

    #[test]
    fn text_writes_the_template_back() {
        let path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json";
        let t = parse(path).unwrap();
        assert_eq!(t.text("<", ">"), path);
        assert_eq!(
            t.text("{", "}"),
            "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"
        );
    }

    #[test]
    fn refuses_the_generated_methods_parameter_names() {
        for (name, param) in [
            ("Body", "body"),
            ("Filter", "filter"),
            ("Client", "client"),
            ("Query", "query"),
        ] {
            assert_eq!(
                parse(&format!("/v1/<{name}>")),
                Err(vec![TemplateError::ReservedName {
                    name: name.into(),
                    param: param.into()
                }])
            );
        }
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
            "/<",
            "/<é",
            "/<a<",
            "/a<b/c>",
        ] {
            if let Ok(t) = parse(input) {
                let _ = t.collection();
            }
        }
    }
}
