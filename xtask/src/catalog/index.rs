//! `catalog/operations.json` (one entry per operation, for tools and docs search) and the
//! response examples the catalog's tests decode (`catalog/tests/examples/`).

use serde_json::{Map, Value, json};

use super::tree::{GENERATED, rustfmt};
use super::{DIR, Entry, Example};
use crate::output::File;

/// `operations.json`: an array, one operation per line, in description and path order.
pub fn operations(entries: &[Entry]) -> File {
    let lines: Vec<String> = entries
        .iter()
        .map(|e| {
            let mut object = Map::new();
            object.insert("spec".into(), json!(e.spec));
            object.insert("operation_id".into(), json!(e.operation_id));
            object.insert("method".into(), json!(e.method));
            object.insert("path".into(), json!(e.path));
            object.insert("feature".into(), json!(e.feature));
            object.insert("type".into(), json!(e.ty));
            object.insert("call".into(), json!(e.call));
            object.insert("params".into(), json!(e.params));
            object.insert("fields".into(), json!(e.fields));
            object.insert("headers".into(), json!(e.headers));
            if let Some(reason) = &e.reason {
                object.insert("reason".into(), json!(reason));
            }
            Value::Object(object).to_string()
        })
        .collect();
    File {
        path: format!("{DIR}/operations.json"),
        text: format!("[\n{}\n]\n", lines.join(",\n")),
    }
}

/// The examples as data (`examples.json`, one operation per line) and the test cases that name
/// each one's type (`cases.rs`, every case behind its feature).
pub fn examples(examples: &[Example]) -> Result<Vec<File>, String> {
    let lines: Vec<String> = examples
        .iter()
        .map(|e| {
            json!({
                "key": format!("{}/{}", e.spec, e.operation_id),
                "list_key": e.list_key,
                "values": e.values,
            })
            .to_string()
        })
        .collect();
    let mut cases = format!(
        "{GENERATED}\n\n//! One case per operation with a response example: the type it decodes into.\n\n\
         use super::Checker;\n\n/// Checks every example whose product is enabled.\npub fn all(c: &mut Checker) {{\n"
    );
    for e in examples {
        let ty = e.ty.replacen("twilio_catalog::", "::twilio_catalog::", 1);
        cases.push_str(&format!(
            "    #[cfg(feature = {:?})]\n    c.check::<{ty}>({:?});\n",
            e.feature,
            format!("{}/{}", e.spec, e.operation_id)
        ));
    }
    cases.push_str("    let _ = c;\n}\n");
    Ok(vec![
        File {
            path: format!("{DIR}/tests/examples/examples.json"),
            text: format!("[\n{}\n]\n", lines.join(",\n")),
        },
        File {
            path: format!("{DIR}/tests/examples/cases.rs"),
            text: rustfmt(&cases)?,
        },
    ])
}
