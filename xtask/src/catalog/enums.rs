//! Enum schemas → Rust enums: `#[non_exhaustive]`, one variant per listed value and
//! `Unrecognized(String)` for any other, `as_str`/`Display`/`FromStr`, and serde through the
//! wire spelling (`twilio_catalog_support::wire_enum!`, written by hand: no serde derive per enum).

use serde_json::Value;

use super::docs;
use super::names::{self, Namespace};

/// One enum, named and ready to write.
#[derive(Debug)]
pub struct EnumDef {
    /// The schema name, `message_enum_status`.
    pub schema: String,
    /// The Rust name, `MessageStatus`.
    pub name: String,
    /// (variant, wire value).
    pub variants: Vec<(String, String)>,
    pub description: Option<String>,
}

/// The catch-all variant's name.
pub const UNRECOGNIZED: &str = "Unrecognized";

/// The Rust name of an enum schema: `message_enum_status` → `MessageStatus`.
pub fn rust_name(schema: &str) -> String {
    names::type_name(&schema.replacen("_enum_", "_", 1))
}

/// The variants of an enum: PascalCase of each value (`in-progress` → `InProgress`, `1` → `V1`,
/// empty → `Empty`), numbered when two values give one name.
pub fn build(schema: &str, name: String, value: &Value) -> EnumDef {
    let mut used = Namespace::default();
    used.reserve(UNRECOGNIZED);
    let mut variants = Vec::new();
    for wire in value
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let wire = match wire {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if variants.iter().any(|(_, w)| *w == wire) {
            continue;
        }
        let mut variant = names::pascal(&wire);
        if variant.is_empty() {
            variant = if wire.is_empty() {
                "Empty".into()
            } else {
                "Symbol".into()
            };
        }
        if variant.starts_with(|c: char| c.is_ascii_digit()) {
            variant.insert(0, 'V');
        }
        if variant == "Self" {
            variant.push('_');
        }
        variants.push((used.claim(&variant), wire));
    }
    EnumDef {
        schema: schema.to_owned(),
        name,
        variants,
        description: value
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned),
    }
}

/// The enum's code.
pub fn emit(def: &EnumDef, feature: &str) -> String {
    let name = &def.name;
    let mut out = String::new();
    if let Some(text) = &def.description {
        out.push_str(&docs::comment(text, ""));
        out.push_str("///\n");
    }
    out.push_str(&format!(
        "/// Twilio's `{}`. Values Twilio adds later decode as [`{name}::{UNRECOGNIZED}`], \
         keeping the value; [`{name}::as_str`] gives the wire spelling back.\n///\n/// Feature `{feature}`.\n",
        def.schema
    ));
    out.push_str("#[derive(Debug, Clone, PartialEq, Eq, Hash)]\n#[non_exhaustive]\n");
    out.push_str(&format!("pub enum {name} {{\n"));
    for (variant, wire) in &def.variants {
        out.push_str(&format!(
            "    /// `{}`\n    {variant},\n",
            wire.replace('`', "'")
        ));
    }
    out.push_str(&format!(
        "    /// A value this version of the catalog does not list, as Twilio sent it.\n    {UNRECOGNIZED}(::std::string::String),\n}}\n\n"
    ));
    out.push_str(&format!("impl {name} {{\n"));
    out.push_str("    /// The value as Twilio spells it.\n");
    out.push_str("    pub fn as_str(&self) -> &str {\n        match self {\n");
    for (variant, wire) in &def.variants {
        out.push_str(&format!(
            "            Self::{variant} => {},\n",
            rust_str(wire)
        ));
    }
    out.push_str(&format!(
        "            Self::{UNRECOGNIZED}(value) => value,\n        }}\n    }}\n\n"
    ));
    out.push_str("    fn from_wire(value: &str) -> Self {\n        match value {\n");
    for (variant, wire) in &def.variants {
        out.push_str(&format!(
            "            {} => Self::{variant},\n",
            rust_str(wire)
        ));
    }
    out.push_str(&format!(
        "            other => Self::{UNRECOGNIZED}(other.into()),\n        }}\n    }}\n}}\n\n"
    ));
    out.push_str(&format!("::twilio_catalog_support::wire_enum!({name});\n"));
    out
}

/// A Rust string literal.
pub fn rust_str(text: &str) -> String {
    format!("{text:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_variants() {
        assert_eq!(rust_name("message_enum_status"), "MessageStatus");
        let def = build(
            "x_enum_y",
            "XY".into(),
            &serde_json::json!({"enum": ["in-progress", "1", "", "IN_PROGRESS", "unrecognized"]}),
        );
        let variants: Vec<&str> = def.variants.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(
            variants,
            ["InProgress", "V1", "Empty", "InProgress2", "Unrecognized2"]
        );
    }
}
