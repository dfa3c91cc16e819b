//! Each operation classified the way `#[twilio_resource]` declares it: its call (fetch, list,
//! create, update, delete), the path it is declared on, its parameters, body, answer and the
//! schema of the record it returns, or the reason it cannot be generated.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::spec::{Operation, Spec};

/// The five calls the attribute generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Call {
    Fetch,
    List,
    Create,
    Update,
    Delete,
}

impl Call {
    pub fn key(self) -> &'static str {
        match self {
            Self::Fetch => "fetch",
            Self::List => "list",
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
        }
    }
}

/// How a request body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Form,
    Json,
}

/// How a JSON object's keys are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    Snake,
    Camel,
}

/// Query parameters `List` sends itself.
pub const PAGING: &[&str] = &["PageSize", "Page", "PageToken", "pageSize", "pageToken"];
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
const FORM: &str = "application/x-www-form-urlencoded";
/// Placeholder names the attribute refuses as parameter names.
const RESERVED: &[&str] = &[
    "self", "super", "crate", "client", "body", "filter", "query", "_",
];

/// One parameter (path, query or header) or body field: its wire name and schema.
#[derive(Debug, Clone)]
pub struct Param<'a> {
    pub name: String,
    pub schema: &'a Value,
    pub required: bool,
    pub description: Option<&'a str>,
}

/// One operation, classified.
#[derive(Debug)]
pub struct Op<'a> {
    pub operation: Operation<'a>,
    /// The call the attribute declares it as.
    pub call: Call,
    /// The path it is declared on (`list`/`create` on an instance path whose collection is theirs).
    pub declared_path: String,
    pub placeholders: Vec<String>,
    pub query: Vec<Param<'a>>,
    pub headers: Vec<Param<'a>>,
    pub body_format: Option<Format>,
    pub body: Vec<Param<'a>>,
    /// The record schema's name (`api.v2010.account.message`), when it is a `$ref`.
    pub record_ref: Option<String>,
    /// The record's schema (resolved): the answer, or a list page's items.
    pub record: Option<&'a Value>,
    /// A list's records key (`messages`).
    pub list_key: Option<String>,
    pub naming: Option<Naming>,
    pub idempotency: bool,
    /// A list's page-size parameter as the description names it, `None` when it has none.
    pub page_size: Option<String>,
    /// Every response example of its success answers.
    pub examples: Vec<&'a Value>,
    /// Why it cannot be generated.
    pub problem: Option<String>,
}

/// Follows `$ref`s to the schema they name.
pub fn resolve<'a>(spec: &'a Spec, mut node: &'a Value) -> &'a Value {
    for _ in 0..32 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => match spec.resolve(reference) {
                Some(target) => node = target,
                None => return node,
            },
            None => return node,
        }
    }
    node
}

/// The schema name a `$ref` points at (`#/components/schemas/x` → `x`).
pub fn ref_name(node: &Value) -> Option<&str> {
    node.get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// An object schema's properties, `allOf`/`oneOf`/`anyOf` branches merged (first one wins).
pub fn properties<'a>(spec: &'a Spec, schema: &'a Value) -> Vec<(&'a str, &'a Value)> {
    let mut out: Vec<(&str, &Value)> = Vec::new();
    collect_properties(spec, schema, &mut out, 0);
    out
}

fn collect_properties<'a>(
    spec: &'a Spec,
    schema: &'a Value,
    out: &mut Vec<(&'a str, &'a Value)>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    let schema = resolve(spec, schema);
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name, prop));
            }
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for branch in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            collect_properties(spec, branch, out, depth + 1);
        }
    }
}

/// `object`, `array`, `string`, … or `any`.
pub fn kind_of(spec: &Spec, schema: &Value) -> &'static str {
    let schema = resolve(spec, schema);
    match schema.get("type").and_then(Value::as_str) {
        Some("array") => "array",
        Some("string") => "string",
        Some("integer") => "integer",
        Some("number") => "number",
        Some("boolean") => "boolean",
        Some("object") => "object",
        _ if ["properties", "allOf", "oneOf", "anyOf"]
            .iter()
            .any(|k| schema.get(k).is_some()) =>
        {
            "object"
        }
        _ => "any",
    }
}

fn naming_of<'a>(keys: impl Iterator<Item = &'a str>) -> Option<Naming> {
    let (mut snake, mut camel) = (0, 0);
    for key in keys {
        if key.chars().any(|c| c.is_ascii_uppercase()) {
            camel += 1;
        } else if key.contains('_') {
            snake += 1;
        }
    }
    match (snake, camel) {
        (_, 0) if snake > 0 => Some(Naming::Snake),
        (0, _) if camel > 0 => Some(Naming::Camel),
        _ => None,
    }
}

pub fn ends_in_placeholder(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.starts_with('{')
        && last
            .find('}')
            .is_some_and(|end| !last[end + 1..].contains(['{', '}']))
}

/// The attribute's collection rule: drop the last `/{X}` keeping a literal suffix.
pub fn collection_of(path: &str) -> String {
    if !ends_in_placeholder(path) {
        return path.to_owned();
    }
    let (head, last) = path.rsplit_once('/').unwrap_or(("", path));
    let suffix = last.find('}').map_or("", |end| &last[end + 1..]);
    format!("{head}{suffix}")
}

fn placeholders(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        out.push(rest[start + 1..start + end].to_owned());
        rest = &rest[start + end + 1..];
    }
    out
}

/// Classifies every operation of one description.
pub fn classify(spec: &Spec) -> Vec<Op<'_>> {
    let mut ops: Vec<Op<'_>> = spec.operations().map(|o| classify_one(spec, o)).collect();
    assign_paths(&mut ops);
    ops
}

fn classify_one<'a>(spec: &'a Spec, operation: Operation<'a>) -> Op<'a> {
    let op = operation.op;
    let path_type = operation
        .item
        .get("x-twilio")
        .and_then(|x| x.get("pathType"))
        .and_then(Value::as_str);
    let id = operation.id();
    let kind = match operation.method {
        "GET" if path_type == Some("list") || (path_type.is_none() && id.starts_with("List")) => {
            Call::List
        }
        "GET" => Call::Fetch,
        "POST"
            if path_type == Some("list")
                || (path_type.is_none() && !ends_in_placeholder(operation.path)) =>
        {
            Call::Create
        }
        "DELETE" => Call::Delete,
        _ => Call::Update,
    };

    // Parameters: an operation-level one replaces a path-level one of the same name and place.
    let mut merged: BTreeMap<(String, String), Param<'a>> = BTreeMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for p in parameters(spec, &operation) {
        let place = p.get("in").and_then(Value::as_str).unwrap_or("").to_owned();
        let name = p
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let key = (place, name.clone());
        if !order.contains(&key) {
            order.push(key.clone());
        }
        merged.insert(
            key,
            Param {
                name,
                schema: p.get("schema").unwrap_or(&Value::Null),
                required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                description: p.get("description").and_then(Value::as_str),
            },
        );
    }
    let take = |place: &str| -> Vec<Param<'a>> {
        order
            .iter()
            .filter(|(p, _)| p == place)
            .filter_map(|key| merged.get(key).cloned())
            .collect()
    };
    let query = take("query");
    let headers = take("header");

    let mut problem = None;
    let mut body_format = None;
    let mut body = Vec::new();
    if let Some(request) = op.get("requestBody") {
        let request = resolve(spec, request);
        let content = request.get("content").and_then(Value::as_object);
        let types: Vec<&str> = content
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect();
        body_format = if types.contains(&FORM) {
            Some(Format::Form)
        } else if types
            .iter()
            .any(|t| *t == "application/json" || t.ends_with("+json"))
        {
            Some(Format::Json)
        } else {
            problem = Some(format!(
                "request body is neither form nor JSON: {}",
                types.join(", ")
            ));
            None
        };
        let schema = content
            .and_then(|c| c.values().next())
            .and_then(|c| c.get("schema"));
        if let Some(schema) = schema {
            let required: BTreeSet<&str> = resolve(spec, schema)
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            for (name, prop) in properties(spec, schema) {
                body.push(Param {
                    name: name.to_owned(),
                    schema: prop,
                    required: required.contains(name),
                    description: resolve(spec, prop)
                        .get("description")
                        .and_then(Value::as_str),
                });
            }
        }
    }

    // The answer: the first success code's JSON schema, and every example of every success code.
    let responses = op.get("responses").and_then(Value::as_object);
    let codes: Vec<&str> = responses
        .into_iter()
        .flatten()
        .map(|(code, _)| code.as_str())
        .collect();
    let two_xx: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| c.starts_with('2'))
        .collect();
    let mut examples = Vec::new();
    let mut answer: Option<&'a Value> = None;
    for code in &two_xx {
        let response = responses
            .and_then(|r| r.get(*code))
            .map(|r| resolve(spec, r));
        let content = response
            .and_then(|r| r.get("content"))
            .and_then(Value::as_object);
        for media in content.into_iter().flatten().map(|(_, m)| m) {
            if answer.is_none() {
                answer = media.get("schema");
            }
            for example in media
                .get("examples")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if let Some(value) = example.1.get("value") {
                    examples.push(value);
                }
            }
            if let Some(value) = media.get("example") {
                examples.push(value);
            }
        }
    }

    let mut call = kind;
    let mut record_ref = None;
    let mut record = None;
    let mut list_key = None;
    let answer_kind = answer.map(|a| kind_of(spec, a));
    if let Some(answer) = answer {
        let props = properties(spec, answer);
        let arrays: Vec<&(&str, &Value)> = props
            .iter()
            .filter(|(_, v)| kind_of(spec, v) == "array")
            .collect();
        if kind == Call::List {
            match arrays.as_slice() {
                [(key, array)]
                    if kind_of(
                        spec,
                        resolve(spec, array).get("items").unwrap_or(&Value::Null),
                    ) == "object" =>
                {
                    let items = resolve(spec, array).get("items").unwrap_or(&Value::Null);
                    record_ref = ref_name(items).map(str::to_owned);
                    record = Some(resolve(spec, items));
                    list_key = Some((*key).to_owned());
                }
                _ => call = Call::Fetch,
            }
        }
        if call != Call::List {
            record_ref = ref_name(answer).map(str::to_owned);
            record = Some(resolve(spec, answer));
        }
    } else if kind == Call::List {
        call = Call::Fetch;
    }
    if operation.method == "POST" {
        if id.starts_with("Update") || id.starts_with("Patch") {
            call = Call::Update;
        } else if id.starts_with("Create") && !ends_in_placeholder(operation.path) {
            call = Call::Create;
        }
    }

    if two_xx.is_empty() {
        problem = Some(format!(
            "no success answer, only {}: the call could only end in a redirect error",
            codes.join(", ")
        ));
    } else if call != Call::Delete && answer_kind.is_some_and(|k| k != "object") {
        problem = Some(format!(
            "the answer is a JSON {} where a resource is an object",
            answer_kind.unwrap_or("value")
        ));
    }
    let placeholders = placeholders(operation.path);
    let params: Vec<String> = placeholders
        .iter()
        .map(|p| crate::catalog::names::snake(p))
        .collect();
    if let Some(bad) = params.iter().find(|p| RESERVED.contains(&p.as_str())) {
        problem = Some(format!(
            "a path placeholder is named `{bad}`, which the attribute reserves"
        ));
    }
    if params.iter().collect::<BTreeSet<_>>().len() != params.len() {
        problem = Some("two path placeholders share one parameter name".to_owned());
    }
    if let Some(required) = headers
        .iter()
        .find(|h| h.required && h.name != IDEMPOTENCY_HEADER)
    {
        problem.get_or_insert(format!("requires the header {}", required.name));
    }

    let naming = record.and_then(|r| {
        let props = properties(spec, r);
        naming_of(props.iter().map(|(n, _)| *n))
    });
    let idempotency = headers.iter().any(|h| h.name == IDEMPOTENCY_HEADER);
    let page_size = (call == Call::List)
        .then(|| {
            ["PageSize", "pageSize"]
                .into_iter()
                .find(|n| query.iter().any(|q| q.name == *n))
                .map(str::to_owned)
        })
        .flatten();
    Op {
        operation,
        call,
        declared_path: operation.path.to_owned(),
        placeholders,
        query,
        headers,
        body_format,
        body,
        record_ref,
        record,
        list_key,
        naming,
        idempotency,
        page_size,
        examples,
        problem,
    }
}

/// The operation's parameters, path-item ones first, each `$ref` followed.
fn parameters<'a>(spec: &'a Spec, operation: &Operation<'a>) -> Vec<&'a Value> {
    let item = operation.item.get("parameters").and_then(Value::as_array);
    let own = operation.op.get("parameters").and_then(Value::as_array);
    item.into_iter()
        .flatten()
        .chain(own.into_iter().flatten())
        .map(|p| resolve(spec, p))
        .collect()
}

/// `list` and `create` are declared on a path whose collection is theirs: an instance path of
/// the description when there is one, else their own path when it is its own collection, else
/// their path with an invented last placeholder.
fn assign_paths(ops: &mut [Op<'_>]) {
    let mut instances: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for op in ops.iter() {
        let path = op.operation.path;
        if ends_in_placeholder(path) {
            instances
                .entry((op.operation.server().to_owned(), collection_of(path)))
                .or_default()
                .insert(path.to_owned());
        }
    }
    for op in ops.iter_mut() {
        if !matches!(op.call, Call::List | Call::Create) {
            continue;
        }
        let path = op.operation.path;
        let key = (op.operation.server().to_owned(), path.to_owned());
        if let Some(first) = instances.get(&key).and_then(|set| set.iter().next()) {
            op.declared_path = first.clone();
        } else if ends_in_placeholder(path) {
            let taken: BTreeSet<&str> = op.placeholders.iter().map(String::as_str).collect();
            let name = ["Sid", "Id", "Item", "Member"]
                .into_iter()
                .find(|n| !taken.contains(n))
                .unwrap_or("Key");
            let (head, last) = path.rsplit_once('/').unwrap_or(("", path));
            let end = last.find('}').map_or(last.len(), |e| e + 1);
            op.declared_path = format!("{head}/{}/{{{name}}}{}", &last[..end], &last[end..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections() {
        assert_eq!(collection_of("/v1/Services/{Sid}"), "/v1/Services");
        assert_eq!(
            collection_of("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"),
            "/2010-04-01/Accounts/{AccountSid}/Messages.json"
        );
        assert_eq!(
            collection_of("/v1/Services/{Sid}/Configuration"),
            "/v1/Services/{Sid}/Configuration"
        );
        assert!(ends_in_placeholder("/a/{Sid}.json"));
        assert!(!ends_in_placeholder("/a/{Sid}/b"));
        assert_eq!(placeholders("/a/{A}/b/{B}.json"), ["A", "B"]);
    }
}
