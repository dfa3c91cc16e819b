//! The compile-time benchmark's input: real Twilio resources (fetch operations of Twilio's public
//! OpenAPI descriptions), reduced to what a resource definition needs. `compile-bench extract`
//! writes `bench/data/resources.json` from the descriptions; the benchmark reads that file, so it
//! runs without them.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One resource to define.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// The Rust type name, e.g. `ApiV2010AccountAddress`.
    pub name: String,
    /// Scheme and host, e.g. `https://api.twilio.com`.
    pub base_url: String,
    /// The path template in the attribute's syntax, e.g. `/2010-04-01/Accounts/<AccountSid>/Addresses/<Sid>.json`.
    pub path: String,
    /// The fields, in the description's order.
    pub fields: Vec<Field>,
}

/// One field of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The JSON key.
    pub json: String,
    /// The Rust type, always an `Option<…>`.
    pub rust_type: String,
}

/// The Rust type for an OpenAPI property.
fn rust_type(property: &Value) -> &'static str {
    match property.get("type").and_then(Value::as_str) {
        Some("string") => "Option<String>",
        Some("integer") => "Option<i64>",
        Some("number") => "Option<f64>",
        Some("boolean") => "Option<bool>",
        Some("array") => "Option<Vec<::serde_json::Value>>",
        _ => "Option<::serde_json::Value>",
    }
}

/// `api.v2010.account.address` → `ApiV2010AccountAddress`.
fn type_name(schema: &str) -> String {
    schema
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// Every fetch operation (a `GET` on a path ending in a placeholder) of the descriptions in `dir`,
/// in file and path order, with a unique type name each.
///
/// # Errors
///
/// When the directory or a description cannot be read.
pub fn extract(dir: &Path) -> std::io::Result<Vec<Resource>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut resources: Vec<Resource> = Vec::new();
    for file in files {
        let spec: Value = serde_json::from_slice(&std::fs::read(&file)?)?;
        let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
            continue;
        };
        let default_server = spec.pointer("/servers/0/url").and_then(Value::as_str);
        for (path, item) in paths {
            if !(path.ends_with('}') || path.ends_with("}.json")) {
                continue;
            }
            let Some(reference) = item
                .pointer("/get/responses/200/content/application~1json/schema/$ref")
                .and_then(Value::as_str)
            else {
                continue;
            };
            let schema_name = reference.rsplit('/').next().unwrap_or_default();
            let Some(properties) = spec
                .pointer(&format!(
                    "/components/schemas/{}/properties",
                    schema_name.replace('~', "~0").replace('/', "~1")
                ))
                .and_then(Value::as_object)
            else {
                continue;
            };
            let Some(base_url) = item
                .pointer("/servers/0/url")
                .and_then(Value::as_str)
                .or(default_server)
            else {
                continue;
            };
            let mut name = type_name(schema_name);
            if resources.iter().any(|r| r.name == name) {
                name = format!("{name}{}", resources.len());
            }
            resources.push(Resource {
                name,
                base_url: base_url.to_owned(),
                path: path.replace('{', "<").replace('}', ">"),
                fields: properties
                    .iter()
                    .map(|(json, property)| Field {
                        json: json.clone(),
                        rust_type: rust_type(property).to_owned(),
                    })
                    .collect(),
            });
        }
    }
    Ok(resources)
}
