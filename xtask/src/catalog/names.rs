//! Naming rules, one place: wire names → Rust field names, schema names → type and module names,
//! and a namespace that keeps names unique inside one module.

use std::collections::BTreeSet;

/// Rust's keywords (strict, reserved and edition 2024's `gen`).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];
/// Keywords that cannot be raw identifiers: they take a trailing `_` instead.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The macro's snake_case rule: `AccountSid` → `account_sid`, `HTTPServer` → `http_server`.
pub use crate::macro_case::to_snake_case as snake;

/// A keyword becomes a raw identifier (`type` → `r#type`), or takes a `_` when it cannot
/// (`self` → `self_`).
pub fn escape_keyword(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// A field name from a wire name: snake_case, `<` → `_before`, `>` → `_after`, any other
/// character that is not a letter or digit → `_` (runs and ends trimmed), a leading digit after
/// `_`, keywords raw. `DateSent>` → `date_sent_after`, `Configuration.Url` → `configuration_url`.
pub fn field(wire: &str) -> String {
    let text = wire.replace('<', "_before").replace('>', "_after");
    let spaced: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let parts: Vec<String> = spaced
        .split('_')
        .filter(|p| !p.is_empty())
        .map(snake)
        .collect();
    let mut ident = parts.join("_");
    if ident.is_empty() {
        ident = "value".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    escape_keyword(ident)
}

/// PascalCase of a name made of words (`feedback_summary`, `in-progress`, `HUMAN_AGENT`,
/// `Auth0TokenResponse`): each run of letters and digits starts upper-case; a word written all
/// in capitals is lowered after its first letter. Empty when the name has no letter or digit.
pub fn pascal(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let all_caps = word.chars().any(|c| c.is_ascii_uppercase())
            && !word.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            if all_caps {
                out.extend(chars.map(|c| c.to_ascii_lowercase()));
            } else {
                out.extend(chars);
            }
        }
    }
    out
}

/// A type name: PascalCase, a leading digit after `T`, never empty.
pub fn type_name(name: &str) -> String {
    let mut ident = pascal(name);
    if ident.is_empty() {
        ident = "Value".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'T');
    }
    if ident == "Self" {
        ident.push('_');
    }
    ident
}

/// A module name from a schema name segment: snake_case, keywords raw.
pub fn module(segment: &str) -> String {
    field(segment)
}

/// The serde `rename_all` rule applied to a snake_case field name, to tell whether a field needs
/// its own `rename`.
pub fn apply_rename_all(rule: &str, ident: &str) -> String {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    match rule {
        "camelCase" => {
            let mut out = String::new();
            let mut upper = false;
            for c in ident.chars() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    out.push(c.to_ascii_uppercase());
                    upper = false;
                } else {
                    out.push(c);
                }
            }
            out
        }
        _ => ident.to_owned(),
    }
}

/// Names taken in one Rust namespace (a module's types, a struct's fields); `claim` returns the
/// name itself when free, else the name with the first free number appended.
#[derive(Debug, Default)]
pub struct Namespace {
    taken: BTreeSet<String>,
}

impl Namespace {
    pub fn claim(&mut self, name: &str) -> String {
        let mut candidate = name.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = if let Some(raw) = name.strip_prefix("r#") {
                format!("{raw}_{n}")
            } else if name.ends_with(|c: char| c.is_ascii_digit()) {
                format!("{name}_{n}")
            } else {
                format!("{name}{n}")
            };
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// Marks a name as taken without claiming it (names the generated code itself uses).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_the_documented_rule() {
        assert_eq!(field("DateSent>"), "date_sent_after");
        assert_eq!(field("DateSent<"), "date_sent_before");
        assert_eq!(field("StartTime>"), "start_time_after");
        assert_eq!(field("Configuration.Url"), "configuration_url");
        assert_eq!(
            field("Notifications.NewMessage.Enabled"),
            "notifications_new_message_enabled"
        );
        assert_eq!(field("type"), "r#type");
        assert_eq!(field("self"), "self_");
        assert_eq!(field("conversationId"), "conversation_id");
        assert_eq!(field("account_sid"), "account_sid");
        assert_eq!(field("3ds"), "_3ds");
        assert_eq!(field("@odata.type"), "odata_type");
        assert_eq!(field("AccountSID"), "account_sid");
    }

    #[test]
    fn types_and_modules() {
        assert_eq!(type_name("message"), "Message");
        assert_eq!(type_name("feedback_summary"), "FeedbackSummary");
        assert_eq!(type_name("Auth0TokenResponse"), "Auth0TokenResponse");
        assert_eq!(type_name("HUMAN_AGENT"), "HumanAgent");
        assert_eq!(type_name("in-progress"), "InProgress");
        assert_eq!(type_name("1"), "T1");
        assert_eq!(type_name(""), "Value");
        assert_eq!(module("type"), "r#type");
        assert_eq!(
            apply_rename_all("camelCase", "conversation_id"),
            "conversationId"
        );
    }

    #[test]
    fn namespaces_number_repeats() {
        let mut names = Namespace::default();
        assert_eq!(names.claim("Message"), "Message");
        assert_eq!(names.claim("Message"), "Message2");
        assert_eq!(names.claim("r#type"), "r#type");
        assert_eq!(names.claim("r#type"), "type_2");
        assert_eq!(names.claim("v1"), "v1");
        assert_eq!(names.claim("v1"), "v1_2");
    }
}
