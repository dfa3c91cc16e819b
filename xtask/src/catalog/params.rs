//! An operation's parameter type (`CreateMessageParams`): the body of `create`/`update`, the
//! filters of `list`, the query of `fetch`/`delete`. Required parameters are plain fields,
//! optional ones `Option`; each field renamed to its wire name.

use super::docs;
use super::names::{self, Namespace};
use super::operations::{Call, Format, Op, PAGING, Param};
use super::types::{Enums, Place, RustType, rust_type};
use crate::spec::Spec;

/// One field of a parameter type.
#[derive(Debug)]
pub struct Field {
    pub ident: String,
    pub wire: String,
    pub ty: RustType,
    pub required: bool,
    pub description: Option<String>,
}

/// The parameters an operation's type carries, and where they go.
pub fn inputs<'o, 'a>(op: &'o Op<'a>) -> (Vec<&'o Param<'a>>, Place) {
    match op.call {
        Call::Create | Call::Update => {
            let place = match op.body_format {
                Some(Format::Json) => Place::Json,
                _ => Place::Form,
            };
            (op.body.iter().collect(), place)
        }
        Call::List => (
            op.query
                .iter()
                .filter(|q| !PAGING.contains(&q.name.as_str()))
                .collect(),
            Place::Form,
        ),
        Call::Fetch | Call::Delete => (op.query.iter().collect(), Place::Form),
    }
}

/// Whether the operation gets a parameter type: always for a body, else when it has parameters.
pub fn has_type(op: &Op<'_>) -> bool {
    matches!(op.call, Call::Create | Call::Update) || !inputs(op).0.is_empty()
}

/// The fields, each named by the field rule and unique.
pub fn fields(spec: &Spec, enums: &Enums, op: &Op<'_>) -> Vec<Field> {
    let (params, place) = inputs(op);
    let mut used = Namespace::default();
    params
        .into_iter()
        .map(|p| Field {
            ident: used.claim(&names::field(&p.name)),
            wire: p.name.clone(),
            ty: rust_type(spec, enums, p.schema, place),
            required: p.required,
            description: p.description.map(str::to_owned),
        })
        .collect()
}

/// The call setting that sends a header parameter.
pub fn header_setting(name: &str) -> String {
    match name.to_ascii_lowercase().as_str() {
        "x-twilio-webhook-enabled" => ".webhook_enabled(..)".to_owned(),
        "if-match" => ".if_match(..)".to_owned(),
        "idempotency-key" => ".idempotency_key(..)".to_owned(),
        _ => format!(".header({name:?}, ..)"),
    }
}

/// Twilio's text for the operation: its description, else its summary.
pub fn description<'a>(op: &Op<'a>) -> Option<&'a str> {
    let operation = op.operation.op;
    operation
        .get("description")
        .or_else(|| operation.get("summary"))
        .and_then(serde_json::Value::as_str)
}

/// The headers the operation reads, a markdown list item each: its name, the call setting that
/// sends it, and Twilio's text.
pub fn header_lines(op: &Op<'_>) -> Vec<String> {
    op.headers
        .iter()
        .map(|header| {
            let mut line = format!(
                "- `{}`, sent with `{}`",
                header.name,
                header_setting(&header.name)
            );
            if let Some(text) = header.description {
                line.push_str(&format!(": {}", docs::lines(text).join(" ")));
            }
            line
        })
        .collect()
}

/// For a create or update that also takes query parameters: the sentence naming them.
pub fn query_note(op: &Op<'_>) -> Option<String> {
    if !matches!(op.call, Call::Create | Call::Update) || op.query.is_empty() {
        return None;
    }
    let names: Vec<String> = op.query.iter().map(|q| format!("`{}`", q.name)).collect();
    Some(format!(
        "Query parameters, sent with `.query(..)`: {}.",
        names.join(", ")
    ))
}

/// The type's code. `heading` is its first doc paragraph (what operation, which request).
pub fn emit(name: &str, heading: &str, op: &Op<'_>, fields: &[Field], feature: &str) -> String {
    let mut out = String::new();
    out.push_str(heading);
    if let Some(text) = description(op).filter(|t| !docs::lines(t).is_empty()) {
        out.push_str("///\n");
        out.push_str(&docs::comment(text, ""));
    }
    let headers = header_lines(op);
    if !headers.is_empty() {
        out.push_str("///\n/// Headers this operation reads:\n");
        for line in headers {
            out.push_str(&format!("/// {line}\n"));
        }
    }
    if let Some(note) = query_note(op) {
        out.push_str(&format!("///\n/// {note}\n"));
    }
    out.push_str(&format!("///\n/// Feature `{feature}`.\n"));
    let default = fields.iter().all(|f| !f.required || f.ty.default);
    let derives = if default { "Debug, Default" } else { "Debug" };
    out.push_str(&format!("#[derive({derives})]\npub struct {name} {{\n"));
    let mut entries = String::new();
    for field in fields {
        let mut lines = field
            .description
            .as_deref()
            .map(docs::lines)
            .unwrap_or_default();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let need = if field.required {
            "Required"
        } else {
            "Optional"
        };
        lines.push(format!(
            "{need}; `{}` on the wire ({}).",
            field.wire, field.ty.described
        ));
        for line in lines {
            if line.is_empty() {
                out.push_str("    ///\n");
            } else {
                out.push_str(&format!("    /// {line}\n"));
            }
        }
        let ty = if field.required {
            field.ty.ty.clone()
        } else {
            format!("::std::option::Option<{}>", field.ty.ty)
        };
        out.push_str(&format!("    pub {}: {ty},\n", field.ident));
        let value = match field.ty.with {
            Some("json_string" | "json_strings") => {
                format!(
                    "&::twilio_catalog_support::JsonString(&self.{})",
                    field.ident
                )
            }
            Some("rfc2822") => format!("&::twilio_catalog_support::Rfc2822(&self.{})", field.ident),
            _ => format!("&self.{}", field.ident),
        };
        entries.push_str(&format!("            ({:?}, {value}),\n", field.wire));
    }
    out.push_str("}\n\n");
    // Written by hand rather than derived: one short function per type (compile time).
    out.push_str(&format!(
        "impl ::serde::Serialize for {name} {{\n    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {{\n        ::twilio_catalog_support::Params(&[\n{entries}        ])\n        .serialize(serializer)\n    }}\n}}\n"
    ));
    out
}
