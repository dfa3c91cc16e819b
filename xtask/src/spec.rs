//! Twilio's OpenAPI descriptions, loaded once: every file, every operation, in a fixed order.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One description file, e.g. `twilio_api_v2010.json`.
#[derive(Debug)]
pub struct Spec {
    /// The file name without `twilio_` and `.json`: `api_v2010`, `conversations_v2`.
    pub name: String,
    /// The whole document.
    pub doc: Value,
}

/// One operation: a method on a path of a [`Spec`].
#[derive(Debug, Clone, Copy)]
pub struct Operation<'a> {
    pub spec: &'a Spec,
    /// The path template as written, `/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`.
    pub path: &'a str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// The path item (its `servers`, `x-twilio`, `description`).
    pub item: &'a Value,
    /// The operation object.
    pub op: &'a Value,
}

impl Spec {
    /// The feature name of this description: `api_v2010` → `api-v2010`.
    pub fn feature(&self) -> String {
        self.name.replace('_', "-")
    }

    /// Every operation, paths in key order and methods in a fixed order.
    pub fn operations(&self) -> impl Iterator<Item = Operation<'_>> {
        const METHODS: [(&str, &str); 5] = [
            ("get", "GET"),
            ("post", "POST"),
            ("put", "PUT"),
            ("patch", "PATCH"),
            ("delete", "DELETE"),
        ];
        let paths = self.doc.get("paths").and_then(Value::as_object);
        paths.into_iter().flatten().flat_map(move |(path, item)| {
            METHODS.iter().filter_map(move |(key, method)| {
                item.get(*key).map(|op| Operation {
                    spec: self,
                    path,
                    method,
                    item,
                    op,
                })
            })
        })
    }

    /// Follows a local `$ref` (`#/components/schemas/…`); `None` for any other or a missing target.
    pub fn resolve<'a>(&'a self, reference: &str) -> Option<&'a Value> {
        let pointer = reference.strip_prefix('#')?;
        self.doc.pointer(pointer)
    }
}

impl Operation<'_> {
    /// `operationId`, e.g. `FetchMessage`.
    pub fn id(&self) -> &str {
        self.op
            .get("operationId")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// The base URL: the path item's server, else the document's.
    pub fn server(&self) -> &str {
        fn first(servers: Option<&Value>) -> Option<&str> {
            servers
                .and_then(|s| s.get(0))
                .and_then(|s| s.get("url"))
                .and_then(Value::as_str)
        }
        first(self.op.get("servers"))
            .or_else(|| first(self.item.get("servers")))
            .or_else(|| first(self.spec.doc.get("servers")))
            .unwrap_or("")
    }

    /// The operation's parameters (path, query, header), path-item parameters first, each
    /// `$ref` followed.
    pub fn parameters(&self) -> impl Iterator<Item = &Value> {
        fn list(value: Option<&Value>) -> impl Iterator<Item = &Value> {
            value.and_then(Value::as_array).into_iter().flatten()
        }
        let spec = self.spec;
        list(self.item.get("parameters"))
            .chain(list(self.op.get("parameters")))
            .map(
                move |parameter| match parameter.get("$ref").and_then(Value::as_str) {
                    Some(reference) => spec.resolve(reference).unwrap_or(parameter),
                    None => parameter,
                },
            )
    }
}

/// Loads every description under `dir` (and `dir/twilio-oai/`), sorted by name.
pub fn load_all(dir: &Path) -> Result<Vec<Spec>, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in [dir.to_path_buf(), dir.join("twilio-oai")] {
        let entries =
            fs::read_dir(&folder).map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                files.push(path);
            }
        }
    }
    let mut specs = Vec::new();
    for file in files {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let name = stem.strip_prefix("twilio_").unwrap_or(stem).to_owned();
        let text = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let doc = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not JSON: {e}", file.display()))?;
        specs.push(Spec { name, doc });
    }
    specs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(specs)
}
