//! Name conversions: placeholder names to Rust parameter names, and the `rename_all` rules we accept.

/// The `rename_all` values serde understands; we check them here so a typo points at our attribute.
pub const RENAME_RULES: &[&str] = &[
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// Converts an identifier such as `ConversationSid` or `AccountSID` to `conversation_sid` / `account_sid`.
///
/// A boundary falls before an uppercase letter that follows a lowercase letter or digit, and before
/// the last capital of an acronym that is followed by a lowercase letter (`HTTPServer` → `http_server`).
pub fn to_snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut chars = name.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(prev) = prev.filter(|_| c.is_uppercase()) {
            let next_is_lower = chars.peek().is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_uppercase() && next_is_lower)
            {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_snake_case;

    #[test]
    fn converts_twilio_placeholder_names() {
        assert_eq!(to_snake_case("ConversationSid"), "conversation_sid");
        assert_eq!(to_snake_case("Sid"), "sid");
        assert_eq!(to_snake_case("AccountSid"), "account_sid");
        assert_eq!(to_snake_case("AccountSID"), "account_sid");
        assert_eq!(to_snake_case("HTTPServer"), "http_server");
        assert_eq!(to_snake_case("Version2Id"), "version2_id");
        assert_eq!(to_snake_case("sid"), "sid");
        assert_eq!(to_snake_case("conversation_sid"), "conversation_sid");
    }
}
