//! The catalog's call test cases (`catalog/tests/calls/cases.rs`): every generated operation
//! called through its catalog method with every parameter set, and what the local server must
//! receive — method, path, each query and body pair (or the JSON body) and each header — written
//! here from the description, not from the catalog's code.

use serde_json::{Map, Value, json};

use super::names;
use super::operations::{Call, Format, Op, Param, ref_name, resolve};
use super::params::{self, Field};
use super::tree::{GENERATED, rustfmt};
use super::{CRATE, DIR};
use crate::output::File;
use crate::spec::Spec;

/// A string parameter's value: characters that need encoding in a form, a query and JSON.
const TEXT: &str = "é&=+/%?#";
/// A list of strings: two values, so that repeated keys show.
const TEXTS: [&str; 2] = ["é&1", "+/%?#2"];
/// The timestamp every date-time parameter gets, and how each format writes it.
const ISO_TIME: &str = "2030-01-02T03:04:05Z";
const RFC_2822_TIME: &str = "Wed, 2 Jan 2030 03:04:05 +0000";
const DATE: &str = "2030-01-02";
/// A header parameter's value.
const HEADER: &str = "probe-1";

/// One operation's case.
#[derive(Debug)]
pub struct Case {
    pub feature: String,
    pub code: String,
}

/// How a value travels, for the expected wire form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Form,
    Json,
}

/// A field's value as Rust code, and what it must be on the wire: form texts (one per repeated
/// key) and the JSON value.
struct Sample {
    code: String,
    texts: Vec<String>,
    json: Value,
}

fn sample(spec: &Spec, field: &Field, schema: &Value) -> Option<Sample> {
    let ty = field.ty.ty.as_str();
    let with = field.ty.with;
    if let Some(inner) = ty
        .strip_prefix("::std::vec::Vec<")
        .and_then(|t| t.strip_suffix('>'))
    {
        let items = resolve(spec, schema).get("items").unwrap_or(&Value::Null);
        let item_with = match with {
            Some("json_strings") => Some("json_string"),
            _ => None,
        };
        let one = scalar(spec, inner, item_with, items)?;
        // Strings get two values; other item types one (enough to show the array).
        let many: Vec<Sample> = if inner == "::std::string::String" {
            TEXTS.iter().map(|t| text_sample(t)).collect()
        } else {
            vec![one]
        };
        return Some(Sample {
            code: format!(
                "vec![{}]",
                many.iter()
                    .map(|s| s.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            texts: many.iter().flat_map(|s| s.texts.clone()).collect(),
            json: Value::Array(many.into_iter().map(|s| s.json).collect()),
        });
    }
    scalar(spec, ty, with, schema)
}

fn text_sample(text: &str) -> Sample {
    Sample {
        code: format!("{text:?}.into()"),
        texts: vec![text.to_owned()],
        json: json!(text),
    }
}

fn plain(code: &str, text: &str, json: Value) -> Sample {
    Sample {
        code: code.to_owned(),
        texts: vec![text.to_owned()],
        json,
    }
}

fn scalar(spec: &Spec, ty: &str, with: Option<&str>, schema: &Value) -> Option<Sample> {
    Some(match (ty, with) {
        ("::std::string::String", _) => text_sample(TEXT),
        ("i64" | "i32", _) => plain("7", "7", json!(7)),
        ("f64", _) => plain("1.5", "1.5", json!(1.5)),
        ("bool", _) => plain("true", "true", json!(true)),
        ("::jiff::Timestamp", Some("rfc2822")) => {
            plain("time()", RFC_2822_TIME, json!(RFC_2822_TIME))
        }
        ("::jiff::Timestamp", _) => plain("time()", ISO_TIME, json!(ISO_TIME)),
        ("::jiff::civil::Date", _) => plain("date()", DATE, json!(DATE)),
        ("::serde_json::Value", _) => Sample {
            code: "::serde_json::json!({\"k\": \"é&\"})".to_owned(),
            texts: vec![r#"{"k":"é&"}"#.to_owned()],
            json: json!({"k": "é&"}),
        },
        (path, _) if path.starts_with("crate::") => {
            // An enum: its first value in the description, read back through `FromStr`.
            let name = ref_name(schema)?;
            let value = spec
                .doc
                .pointer(&format!("/components/schemas/{name}/enum/0"))?
                .as_str()?;
            Sample {
                code: format!("{value:?}.parse().expect(\"an enum reads any text\")"),
                texts: vec![value.to_owned()],
                json: json!(value),
            }
        }
        _ => return None,
    })
}

fn pairs_code(pairs: &[(String, String)]) -> String {
    let items: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("({k:?}, {v:?})"))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// The case for one operation; `None` when a parameter has a type the cases cannot fill (the
/// reason is returned, so that the generator can fail loudly).
#[allow(clippy::too_many_arguments)]
pub fn case(
    spec: &Spec,
    enums: &super::types::Enums,
    op: &Op<'_>,
    resource: &str,
    params_path: Option<&str>,
    feature: &str,
) -> Result<Case, String> {
    let id = op.operation.id();
    let resource = resource.replacen(&format!("{CRATE}::"), "::twilio_catalog::", 1);
    let place = match (op.call, op.body_format) {
        (Call::Create | Call::Update, Some(Format::Json)) => Place::Json,
        _ => Place::Form,
    };
    let mut code = format!(
        "    {{\n        // {id}: {} {}\n",
        op.operation.method, op.operation.path
    );
    let mut args = vec!["&h.client".to_owned()];
    for placeholder in &op.placeholders {
        args.push(format!("h.arg({placeholder:?})"));
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut body = Map::new();
    if let Some(params_path) = params_path {
        let params_path = params_path.replacen(&format!("{CRATE}::"), "::twilio_catalog::", 1);
        let fields = params::fields(spec, enums, op);
        let (inputs, _) = params::inputs(op);
        let mut inits = Vec::new();
        for (field, param) in fields.iter().zip(inputs) {
            let Param { schema, .. } = param;
            let sample = sample(spec, field, schema).ok_or_else(|| {
                format!(
                    "{}/{id}: no sample for `{}` ({})",
                    spec.name, field.wire, field.ty.ty
                )
            })?;
            let value = if field.required {
                sample.code
            } else {
                format!("Some({})", sample.code)
            };
            inits.push(format!("            {}: {value},\n", field.ident));
            match place {
                Place::Form => {
                    pairs.extend(sample.texts.into_iter().map(|t| (field.wire.clone(), t)))
                }
                Place::Json => {
                    body.insert(field.wire.clone(), sample.json);
                }
            }
        }
        code.push_str(&format!(
            "        let params = {params_path} {{\n{}        }};\n",
            inits.concat()
        ));
        args.push("&params".to_owned());
    }
    let mut query: Vec<(String, String)> = Vec::new();
    let (body_code, query_pairs) = match op.call {
        Call::Create | Call::Update => {
            let body_code = match place {
                Place::Json => format!("Body::Json({:?})", Value::Object(body).to_string()),
                Place::Form => format!("Body::Form({})", pairs_code(&pairs)),
            };
            (body_code, Vec::new())
        }
        Call::Fetch | Call::Delete | Call::List => ("Body::Empty".to_owned(), pairs),
    };
    query.extend(query_pairs);
    let mut settings = String::new();
    if matches!(op.call, Call::Create | Call::Update) && !op.query.is_empty() {
        // A write's own query parameters have no field: they go with `.query(..)`.
        let extra: Vec<(String, String)> = op
            .query
            .iter()
            .map(|q| (q.name.clone(), TEXT.to_owned()))
            .collect();
        settings.push_str(&format!(".query({})", pairs_code(&extra)));
        query.extend(extra);
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    for header in &op.headers {
        match header.name.to_ascii_lowercase().as_str() {
            "x-twilio-webhook-enabled" if op.call != Call::List => {
                settings.push_str(".webhook_enabled(true)");
                headers.push((header.name.clone(), "true".to_owned()));
            }
            "if-match" if op.call != Call::List => {
                settings.push_str(&format!(".if_match({HEADER:?})"));
                headers.push((header.name.clone(), HEADER.to_owned()));
            }
            "idempotency-key" if op.call != Call::List => {
                settings.push_str(&format!(".idempotency_key({HEADER:?})"));
                headers.push((header.name.clone(), HEADER.to_owned()));
            }
            // Named on purpose, it replaces the client's own: here with the same credentials.
            "authorization" => settings.push_str(".header(\"Authorization\", &h.authorization)"),
            _ => {
                settings.push_str(&format!(".header({:?}, {HEADER:?})", header.name));
                headers.push((header.name.clone(), HEADER.to_owned()));
            }
        }
    }
    let call = op.call.key();
    let tail = if op.call == Call::List {
        ".collect_all()"
    } else {
        ""
    };
    code.push_str(&format!(
        "        let sent = Sent {{\n            operation: {:?},\n            method: {:?},\n            path: {:?},\n            query: {},\n            body: {body_code},\n            headers: {},\n        }};\n",
        format!("{}/{id}", spec.name),
        op.operation.method,
        op.operation.path,
        pairs_code(&query),
        pairs_code(&headers),
    ));
    code.push_str(&format!(
        "        h.check(sent, {resource}::{call}({}){settings}{tail}).await;\n    }}\n",
        args.join(", ")
    ));
    Ok(Case {
        feature: feature.to_owned(),
        code,
    })
}

/// `catalog/tests/calls/cases.rs`: one function per product, each behind its feature.
pub fn file(cases: &[Case]) -> Result<File, String> {
    let mut text = format!(
        "{GENERATED}\n\n//! One case per generated operation: its call with every parameter set, and what the\n//! server must receive.\n\n// Unused when no product is enabled.\n#[allow(unused_imports)]\nuse super::{{Body, Harness, Sent, date, time}};\n\n/// Calls every operation whose product is enabled; how many.\npub async fn all(h: &Harness) -> usize {{\n    #[allow(unused_mut)]\n    let mut calls = 0;\n"
    );
    let mut features: Vec<&str> = cases.iter().map(|c| c.feature.as_str()).collect();
    features.dedup();
    for feature in &features {
        let count = cases.iter().filter(|c| c.feature == *feature).count();
        text.push_str(&format!(
            "    #[cfg(feature = {feature:?})]\n    {{\n        {}(h).await;\n        calls += {count};\n    }}\n",
            names::snake(&feature.replace('-', "_"))
        ));
    }
    text.push_str("    let _ = h;\n    calls\n}\n");
    for feature in &features {
        text.push_str(&format!(
            "\n#[cfg(feature = {feature:?})]\nasync fn {}(h: &Harness) {{\n",
            names::snake(&feature.replace('-', "_"))
        ));
        for case in cases.iter().filter(|c| c.feature == *feature) {
            text.push_str(&case.code);
        }
        text.push_str("}\n");
    }
    Ok(File {
        path: format!("{DIR}/tests/calls/cases.rs"),
        text: rustfmt(&text)?,
    })
}
