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

/// Converts an identifier such as `ConversationSid` or `AccountSID` to `conversation_sid` /
/// `account_sid`: heck's rule, which the local server uses for form keys too, so the two agree.
pub fn to_snake_case(name: &str) -> String {
    heck::ToSnakeCase::to_snake_case(name)
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
