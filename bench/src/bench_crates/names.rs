//! Rust names for JSON keys, form names and placeholders, as a user (or the attribute) writes them.

use crate::case::to_snake_case;

/// Names Rust cannot take even as raw identifiers; such fields get a trailing `_`.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "unsafe", "use",
    "where", "while", "yield", "abstract", "become", "do", "final", "macro", "override", "priv",
    "typeof", "unsized", "virtual",
];

/// The Rust identifier for a JSON key or parameter name, raw when it is a keyword.
pub fn ident(name: &str) -> String {
    let snake: String = to_snake_case(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("f_{snake}")
    } else {
        snake
    };
    if NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

#[cfg(test)]
mod tests {
    use super::ident;

    #[test]
    fn keys_become_identifiers() {
        assert_eq!(ident("FriendlyName"), "friendly_name");
        assert_eq!(ident("type"), "r#type");
        assert_eq!(ident("self"), "self_");
        assert_eq!(ident("3pid"), "f_3pid");
        assert_eq!(
            ident("Notifications.NewMessage.Enabled"),
            "notifications_new_message_enabled"
        );
    }
}
