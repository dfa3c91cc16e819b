//! The macro's path-template parser on any string: it never panics, and what it accepts is
//! rebuilt exactly from its parts, starts with `/`, has distinct parameters, no forbidden
//! character, no malformed escape and no empty or dot segment (`%2e` counts as a dot, as URL
//! parsers read it); only a trailing `/` may leave an empty last segment.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The parser is syn-free, so the macro's own source files compile here as plain modules.
#[allow(dead_code)]
#[path = "../../macros/src/case.rs"]
mod case;
#[allow(dead_code)]
#[path = "../../macros/src/template.rs"]
mod template;

use template::{Part, parse};

fuzz_target!(|text: &str| {
    let Ok(parsed) = parse(text) else {
        return;
    };
    let mut rebuilt = String::new();
    let mut params = Vec::new();
    for part in &parsed.parts {
        match part {
            Part::Literal(literal) => {
                assert!(!literal.is_empty());
                assert!(!literal.contains(['<', '>', '?', '#', ' ']), "{literal:?}");
                assert!(literal.is_ascii(), "{literal:?}");
                rebuilt.push_str(literal);
            }
            Part::Param(p) => {
                assert!(
                    !p.parameter.is_empty() && !params.contains(&p.parameter),
                    "{text:?}"
                );
                params.push(p.parameter.clone());
                rebuilt.push('<');
                rebuilt.push_str(&p.placeholder);
                rebuilt.push('>');
            }
        }
    }
    assert_eq!(rebuilt, text);
    assert!(text.starts_with('/'));
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices('%') {
        let hex = bytes.get(at + 1..at + 3).unwrap_or_default();
        assert!(
            hex.len() == 2 && hex.iter().all(u8::is_ascii_hexdigit),
            "{text:?}"
        );
    }
    let inner = text.strip_suffix('/').unwrap_or(text);
    for segment in inner.split('/').skip(1) {
        let dots = segment.to_ascii_lowercase().replace("%2e", ".");
        assert!(!matches!(dots.as_str(), "" | "." | ".."), "{text:?}");
    }
});
