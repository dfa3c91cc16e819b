//! Schema → Rust type, for a response field, a form parameter or a JSON body field.

use std::collections::BTreeMap;

use serde_json::Value;

use super::operations::{ref_name, resolve};
use crate::spec::Spec;

/// Where a value travels: it decides how dates, numbers and objects are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A field of a record Twilio returns (decoded and re-encoded).
    Response,
    /// A form body field or a query parameter: objects go as a JSON string.
    Form,
    /// A JSON body field.
    Json,
}

/// A field's Rust type and the `support` module its serde goes through, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustType {
    /// The type without `Option`: `String`, `::jiff::Timestamp`, `crate::api::v2010::MessageStatus`.
    pub ty: String,
    /// A module of `twilio_catalog_support` with `serialize`/`deserialize` for `Option<ty>` and
    /// `required::serialize` for `ty`: `rfc2822`, `number`, `json_string`, `json_strings`.
    pub with: Option<&'static str>,
    /// The type implements `Default` (an enum does not).
    pub default: bool,
    /// How the description names it, for docs: `date-time`, `number`, `enum`, …
    pub described: String,
}

impl RustType {
    fn plain(ty: &str, described: &str) -> Self {
        Self {
            ty: ty.to_owned(),
            with: None,
            default: true,
            described: described.to_owned(),
        }
    }
}

/// The enum schemas of a description: schema name → the Rust path of its enum.
pub type Enums = BTreeMap<String, String>;

pub fn rust_type(spec: &Spec, enums: &Enums, schema: &Value, place: Place) -> RustType {
    if let Some(path) = ref_name(schema).and_then(|name| enums.get(name)) {
        return RustType {
            ty: path.clone(),
            with: None,
            default: false,
            described: "enum".into(),
        };
    }
    let resolved = resolve(spec, schema);
    let format = resolved.get("format").and_then(Value::as_str).unwrap_or("");
    match resolved.get("type").and_then(Value::as_str) {
        Some("string") => match format {
            "date-time" => RustType::plain("::jiff::Timestamp", "date-time (ISO 8601)"),
            "date-time-rfc-2822" => RustType {
                with: Some("rfc2822"),
                ..RustType::plain("::jiff::Timestamp", "date-time (RFC 2822)")
            },
            "date" => RustType::plain("::jiff::civil::Date", "date"),
            _ => RustType::plain("::std::string::String", "string"),
        },
        Some("integer") if format == "int32" => RustType::plain("i32", "integer"),
        Some("integer") => RustType::plain("i64", "integer"),
        Some("number") if place == Place::Response => RustType {
            with: Some("number"),
            ..RustType::plain("f64", "number (a JSON number or a string holding one)")
        },
        Some("number") => RustType::plain("f64", "number"),
        Some("boolean") => RustType::plain("bool", "boolean"),
        Some("array") => {
            let items = resolved.get("items").unwrap_or(&Value::Null);
            let inner = rust_type(spec, enums, items, place);
            match (inner.with, place) {
                (Some("json_string"), _) => RustType {
                    with: Some("json_strings"),
                    ..RustType::plain(
                        "::std::vec::Vec<::serde_json::Value>",
                        "array of JSON values",
                    )
                },
                // Inside arrays, values are written as the description's plain type.
                (Some("rfc2822"), _) => RustType::plain(
                    "::std::vec::Vec<::std::string::String>",
                    "array of RFC 2822 date-times",
                ),
                _ => RustType {
                    ty: format!("::std::vec::Vec<{}>", inner.ty),
                    with: None,
                    default: true,
                    described: format!("array of {}", inner.described),
                },
            }
        }
        Some("object") if format == "uri-map" => RustType::plain(
            "::std::collections::BTreeMap<::std::string::String, ::std::option::Option<::std::string::String>>",
            "map of URIs, a URI may be null",
        ),
        _ if place == Place::Form => RustType {
            with: Some("json_string"),
            ..RustType::plain("::serde_json::Value", "JSON, sent as a string")
        },
        _ => RustType::plain("::serde_json::Value", "JSON"),
    }
}
