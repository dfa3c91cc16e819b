//! Reads Twilio's OpenAPI descriptions into [`Resource`]s: every fetch operation (a `GET` on a path
//! ending in a placeholder whose answer is a schema of the document), with the `list`, `create`,
//! `update` and `delete` operations the same description has on that path and its collection.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::{BodyFormat, Dialect, Field, ListOp, Operations, Resource, UpdateOp};

const FORM: &str = "application/x-www-form-urlencoded";

/// One description: the document, to follow its `$ref`s.
struct Spec {
    doc: Value,
}

impl Spec {
    /// Follows local `$ref`s (a bounded number of times, so a loop cannot hang the extraction).
    fn resolve<'a>(&'a self, mut node: &'a Value) -> &'a Value {
        for _ in 0..32 {
            let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            match reference
                .strip_prefix('#')
                .and_then(|pointer| self.doc.pointer(pointer))
            {
                Some(target) => node = target,
                None => break,
            }
        }
        node
    }

    /// The properties of an object schema (after `$ref`s); empty when it has none.
    fn properties<'a>(&'a self, schema: &'a Value) -> Option<&'a Map<String, Value>> {
        self.resolve(schema)
            .get("properties")
            .and_then(Value::as_object)
    }

    /// The JSON type of a schema (after `$ref`s), if it names one.
    fn kind<'a>(&'a self, schema: &'a Value) -> Option<&'a str> {
        self.resolve(schema).get("type").and_then(Value::as_str)
    }

    /// The first server URL of an operation, its path item, or the document.
    fn server<'a>(&'a self, item: &'a Value, op: Option<&'a Value>) -> Option<&'a str> {
        let first = |node: Option<&'a Value>| node?.pointer("/servers/0/url")?.as_str();
        first(op)
            .or_else(|| first(Some(item)))
            .or_else(|| first(Some(&self.doc)))
    }
}

/// The Rust type for a property of a resource (always an `Option`).
fn rust_type(kind: Option<&str>) -> &'static str {
    match kind {
        Some("string") => "Option<String>",
        Some("integer") => "Option<i64>",
        Some("number") => "Option<f64>",
        Some("boolean") => "Option<bool>",
        Some("array") => "Option<Vec<::serde_json::Value>>",
        _ => "Option<::serde_json::Value>",
    }
}

/// The Rust type for a field of a request body: a form sends arrays as repeated keys and
/// free-form values as JSON text, so those become strings there.
fn body_type(kind: Option<&str>, format: BodyFormat) -> &'static str {
    match (kind, format) {
        (Some("array"), BodyFormat::Form) => "Option<Vec<String>>",
        (Some("string" | "integer" | "number" | "boolean" | "array"), _) => rust_type(kind),
        (_, BodyFormat::Form) => "Option<String>",
        (_, BodyFormat::Json) => rust_type(kind),
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

/// The attribute's collection of an instance path: without its last `/{X}` segment, keeping a
/// literal suffix (`…/Messages/{Sid}.json` → `…/Messages.json`); `None` when the last segment
/// does not start with a placeholder.
fn collection_of(path: &str) -> Option<String> {
    let (head, last) = path.rsplit_once('/')?;
    let rest = last.strip_prefix('{')?;
    let suffix = &rest[rest.find('}')? + 1..];
    Some(format!("{head}{suffix}"))
}

/// The body of an operation: its format and fields; `None` for a content type that is neither a
/// form nor JSON. An operation without a body has an empty form body.
fn body(spec: &Spec, op: &Value) -> Option<(BodyFormat, Vec<Field>)> {
    let Some(request) = op.get("requestBody") else {
        return Some((BodyFormat::Form, Vec::new()));
    };
    let content = spec.resolve(request).get("content")?.as_object()?;
    let (format, media) = if let Some(media) = content.get(FORM) {
        (BodyFormat::Form, media)
    } else {
        let (_, media) = content
            .iter()
            .find(|(kind, _)| *kind == "application/json" || kind.ends_with("+json"))?;
        (BodyFormat::Json, media)
    };
    let fields = media
        .get("schema")
        .and_then(|schema| spec.properties(schema))
        .into_iter()
        .flatten()
        .map(|(name, property)| Field {
            json: name.clone(),
            rust_type: body_type(spec.kind(property), format).to_owned(),
        })
        .collect();
    Some((format, fields))
}

/// The list operation of a collection: a `GET` whose 200 answer has exactly one array of records
/// and links pages in one of Twilio's three dialects.
fn list(spec: &Spec, collection: &Value) -> Option<ListOp> {
    let schema = collection.pointer("/get/responses/200/content/application~1json/schema")?;
    let properties = spec.properties(schema)?;
    let mut arrays = properties
        .iter()
        .filter(|(_, property)| spec.kind(property) == Some("array"));
    let (key, _) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    let meta = properties
        .get("meta")
        .and_then(|meta| spec.properties(meta));
    let dialect = if meta.is_some_and(|meta| meta.contains_key("nextToken")) {
        Dialect::Token
    } else if meta.is_some_and(|meta| meta.contains_key("next_page_url")) {
        Dialect::V1
    } else if properties.contains_key("next_page_uri") {
        Dialect::Api2010
    } else {
        return None;
    };
    Some(ListOp {
        key: key.clone(),
        dialect,
    })
}

/// The operations on `item` (the instance path) and `collection` besides `fetch`, on `base_url`.
/// `create` and `update` must agree on one body format (the attribute has one): an update whose
/// format differs from the create's is left out.
fn operations(spec: &Spec, base_url: &str, item: &Value, collection: Option<&Value>) -> Operations {
    let mut ops = Operations {
        delete: item.get("delete").is_some(),
        ..Operations::default()
    };
    let same_host = |node: &Value, op: Option<&Value>| spec.server(node, op) == Some(base_url);
    let mut format = None;
    if let Some(collection) = collection {
        if collection.get("get").is_some() && same_host(collection, collection.get("get")) {
            ops.list = list(spec, collection);
        }
        if let Some(post) = collection.get("post")
            && same_host(collection, Some(post))
            && let Some((body_format, fields)) = body(spec, post)
        {
            format = Some(body_format);
            ops.create = Some(fields);
        }
    }
    for method in ["post", "put", "patch"] {
        if let Some(op) = item.get(method)
            && same_host(item, Some(op))
            && let Some((body_format, fields)) = body(spec, op)
            && format.is_none_or(|f| f == body_format)
        {
            format = Some(body_format);
            ops.update = Some(UpdateOp {
                method: method.to_ascii_uppercase(),
                fields,
            });
            break;
        }
    }
    ops.body = format.unwrap_or_default();
    ops
}

/// The description files among `paths`: JSON files given directly, and those in given directories.
fn description_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in std::fs::read_dir(path)? {
                let file = entry?.path();
                if file.extension().is_some_and(|ext| ext == "json") {
                    files.push(file);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// Every fetch operation (a `GET` on a path ending in a placeholder) of the descriptions in
/// `paths` (directories of JSON files, or files), in file-name and path order, with a unique type
/// name each and the other operations of its path and collection.
///
/// # Errors
///
/// When a directory or a description cannot be read or is not JSON.
pub fn extract(paths: &[PathBuf]) -> std::io::Result<Vec<Resource>> {
    let mut resources: Vec<Resource> = Vec::new();
    for file in description_files(paths)? {
        let spec = Spec {
            doc: serde_json::from_slice(&std::fs::read(&file)?)?,
        };
        add_from(&spec, &mut resources);
    }
    Ok(resources)
}

/// Adds the resources of one description to `resources` (a name already taken gets a numeric
/// suffix).
fn add_from(spec: &Spec, resources: &mut Vec<Resource>) {
    let Some(paths) = spec.doc.get("paths").and_then(Value::as_object) else {
        return;
    };
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
            .doc
            .pointer(&format!(
                "/components/schemas/{}/properties",
                schema_name.replace('~', "~0").replace('/', "~1")
            ))
            .and_then(Value::as_object)
        else {
            continue;
        };
        let Some(base_url) = spec.server(item, None) else {
            continue;
        };
        let mut name = type_name(schema_name);
        if resources.iter().any(|r| r.name == name) {
            name = format!("{name}{}", resources.len());
        }
        let collection = collection_of(path).and_then(|c| paths.get(&c));
        resources.push(Resource {
            name,
            base_url: base_url.to_owned(),
            path: path.replace('{', "<").replace('}', ">"),
            fields: properties
                .iter()
                .map(|(json, property)| Field {
                    json: json.clone(),
                    // The property's own `type`, `$ref`s not followed (a referenced enum stays a
                    // JSON value), as the stored resources were first extracted.
                    rust_type: rust_type(property.get("type").and_then(Value::as_str)).to_owned(),
                })
                .collect(),
            operations: operations(spec, base_url, item, collection),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A description with one resource offering every operation, on a 2010-style list.
    fn spec() -> Value {
        serde_json::json!({
            "servers": [{"url": "https://api.twilio.com"}],
            "components": {"schemas": {
                "api.v2010.account.thing": {"properties": {
                    "sid": {"type": "string"},
                    "count": {"type": "integer"},
                    "status": {"$ref": "#/components/schemas/thing_enum_status"}
                }},
                "thing_enum_status": {"type": "string"}
            }},
            "paths": {
                "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json": {
                    "get": {"responses": {"200": {"content": {"application/json": {"schema":
                        {"$ref": "#/components/schemas/api.v2010.account.thing"}}}}}},
                    "put": {"requestBody": {"content": {"application/json": {"schema":
                        {"properties": {"Tags": {"type": "array"}}}}}}},
                    "post": {"requestBody": {"content": {"application/x-www-form-urlencoded": {"schema":
                        {"properties": {"FriendlyName": {"type": "string"}, "Tags": {"type": "array"},
                                        "Attributes": {}}}}}}},
                    "delete": {}
                },
                "/2010-04-01/Accounts/{AccountSid}/Things.json": {
                    "get": {"responses": {"200": {"content": {"application/json": {"schema": {"properties": {
                        "things": {"type": "array", "items": {}},
                        "next_page_uri": {"type": "string"}
                    }}}}}}},
                    "post": {"requestBody": {"content": {"application/x-www-form-urlencoded": {"schema":
                        {"properties": {"To": {"type": "string"}}}}}}}
                },
                "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}/Parts.json": {"get": {}}
            }
        })
    }

    fn field(json: &str, rust_type: &str) -> Field {
        Field {
            json: json.to_owned(),
            rust_type: rust_type.to_owned(),
        }
    }

    #[test]
    fn a_resource_gets_every_operation_of_its_path_and_collection() {
        let mut resources = Vec::new();
        add_from(&Spec { doc: spec() }, &mut resources);
        assert_eq!(resources.len(), 1, "{resources:?}");
        let thing = &resources[0];
        assert_eq!(thing.name, "ApiV2010AccountThing");
        assert_eq!(
            thing.path,
            "/2010-04-01/Accounts/<AccountSid>/Things/<Sid>.json"
        );
        assert_eq!(thing.base_url, "https://api.twilio.com");
        assert_eq!(
            thing.fields,
            vec![
                field("count", "Option<i64>"),
                field("sid", "Option<String>"),
                field("status", "Option<::serde_json::Value>"),
            ]
        );
        let ops = &thing.operations;
        assert_eq!(
            ops.list,
            Some(ListOp {
                key: "things".to_owned(),
                dialect: Dialect::Api2010
            })
        );
        assert_eq!(ops.create, Some(vec![field("To", "Option<String>")]));
        // The JSON `put` differs from the create's form: the form `post` is the update.
        let update = ops.update.as_ref().expect("an update");
        assert_eq!(update.method, "POST");
        assert_eq!(
            update.fields,
            vec![
                field("Attributes", "Option<String>"),
                field("FriendlyName", "Option<String>"),
                field("Tags", "Option<Vec<String>>"),
            ]
        );
        assert!(ops.delete);
        assert_eq!(ops.body, BodyFormat::Form);
        assert_eq!(thing.operation_count(), 5);
    }

    #[test]
    fn collections_follow_the_attributes_rule() {
        assert_eq!(
            collection_of("/v1/Services/{ServiceSid}/Roles/{Sid}").as_deref(),
            Some("/v1/Services/{ServiceSid}/Roles")
        );
        assert_eq!(
            collection_of("/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json").as_deref(),
            Some("/2010-04-01/Accounts/{AccountSid}/Calls.json")
        );
        assert_eq!(collection_of("/v1/Things/x{Sid}"), None);
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        assert!(extract(&[PathBuf::from("/nonexistent-compile-bench-specs")]).is_err());
    }
}
