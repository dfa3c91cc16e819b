//! One description → its modules' code, its index entries and its examples.

use std::collections::BTreeMap;

use serde_json::Value;

use super::calls;
use super::enums::{self, EnumDef};
use super::names::{self, Namespace};
use super::operations::{self, Call, Format, Naming, Op};
use super::params::{self, header_setting};
use super::resources::{self, Group};
use super::tree::{self, Modules};
use super::types::{Enums, Place, rust_type};
use super::{CONTRACT_KEYS, CRATE, Entry, Example, docs};
use crate::spec::Spec;

/// Calls in the order a resource's docs list them.
const VERB_PREFIXES: &[&str] = &["Fetch", "List", "Create", "Update", "Delete", "Patch"];

/// Everything one description contributes.
pub fn description(
    spec: &Spec,
    modules: &mut Modules,
    index: &mut Vec<Entry>,
    examples: &mut Vec<Example>,
    calls: &mut Vec<calls::Case>,
) -> Result<(), String> {
    let feature = spec.feature();
    let root = tree::spec_root(&spec.name);
    let ops = operations::classify(spec);
    let mut spaces: BTreeMap<Vec<String>, Namespace> = BTreeMap::new();
    modules.add_root(&root, &feature, spec);

    // Enums first, at the description's root.
    let mut enum_paths = Enums::new();
    let mut enum_defs: Vec<EnumDef> = Vec::new();
    let schemas = spec
        .doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    for (schema, value) in schemas.into_iter().flatten() {
        if value.get("enum").is_none() {
            continue;
        }
        let name = spaces
            .entry(root.clone())
            .or_default()
            .claim(&enums::rust_name(schema));
        enum_paths.insert(
            schema.clone(),
            format!("crate::{}::{name}", root.join("::")),
        );
        enum_defs.push(enums::build(schema, name, value));
    }
    for def in &enum_defs {
        modules.push(&root, enums::emit(def, &feature));
    }

    let groups = resources::group(&ops);
    let default_naming = resources::spec_naming(&ops);
    let mut seen_schemas: Vec<&str> = Vec::new();
    let mut placed: BTreeMap<usize, (String, Option<String>)> = BTreeMap::new();
    for group in &groups {
        let first = &ops[group.ops[0]];
        let (module, base) = match &group.record_ref {
            Some(schema) if !seen_schemas.contains(&schema.as_str()) => {
                seen_schemas.push(schema);
                schema_place(&root, schema)
            }
            Some(schema) => (schema_place(&root, schema).0, noun(first.operation.id())),
            None => (root.clone(), noun(first.operation.id())),
        };
        let space = spaces.entry(module.clone()).or_default();
        let name = space.claim(&names::type_name(&base));
        let rust_path = format!("{CRATE}::{}::{name}", module.join("::"));
        let mut param_names: BTreeMap<Call, String> = BTreeMap::new();
        for &i in &group.ops {
            let op = &ops[i];
            if params::has_type(op) {
                let wanted = names::type_name(&format!("{}Params", op.operation.id()));
                param_names.insert(op.call, space.claim(&wanted));
            }
        }
        let code = resource(
            spec,
            &ops,
            group,
            &name,
            &param_names,
            default_naming,
            &enum_paths,
            &feature,
        );
        modules.push(&module, code);
        for &i in &group.ops {
            let op = &ops[i];
            let params_path = param_names
                .get(&op.call)
                .map(|p| format!("{CRATE}::{}::{p}", module.join("::")));
            calls.push(calls::case(
                spec,
                &enum_paths,
                op,
                &rust_path,
                params_path.as_deref(),
                &feature,
            )?);
            placed.insert(i, (rust_path.clone(), params_path));
            if op.record.is_some() && op.call != Call::Delete && !op.examples.is_empty() {
                examples.push(Example {
                    spec: spec.name.clone(),
                    operation_id: op.operation.id().to_owned(),
                    feature: feature.clone(),
                    ty: rust_path.clone(),
                    list_key: op.list_key.clone().filter(|_| op.call == Call::List),
                    values: op.examples.iter().map(|v| (*v).clone()).collect(),
                });
            }
        }
    }

    for (i, op) in ops.iter().enumerate() {
        index.push(entry(spec, &enum_paths, op, placed.get(&i), &feature));
    }
    Ok(())
}

/// The module and type name of a schema: `api.v2010.account.message` under root `api::v2010`
/// → (`api::v2010::account`, `message`). The schema's product is dropped, and its version when
/// it has one (`content.v1.…` in the content v2 description lands under `content::v2`).
fn schema_place(root: &[String], schema: &str) -> (Vec<String>, String) {
    let mut segments: Vec<&str> = schema.split('.').collect();
    if segments.len() > 1 {
        segments.remove(0);
        let is_version = |s: &str| {
            s.strip_prefix('v')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        };
        if segments.len() > 1
            && (is_version(segments[0]) || root.last().is_some_and(|v| v == segments[0]))
        {
            segments.remove(0);
        }
    }
    let last = segments.pop().unwrap_or(schema);
    let mut module = root.to_vec();
    module.extend(segments.iter().map(|s| names::module(s)));
    (module, last.to_owned())
}

/// `FetchMessage` → `Message`.
fn noun(op_id: &str) -> String {
    for prefix in VERB_PREFIXES {
        if let Some(rest) = op_id.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            return rest.to_owned();
        }
    }
    op_id.to_owned()
}

/// A placeholder's parameter name, as the attribute names it.
fn placeholder_param(placeholder: &str) -> String {
    names::escape_keyword(names::snake(placeholder))
}

#[allow(clippy::too_many_arguments)]
fn resource(
    spec: &Spec,
    ops: &[Op<'_>],
    group: &Group<'_>,
    name: &str,
    param_names: &BTreeMap<Call, String>,
    default_naming: Naming,
    enums: &Enums,
    feature: &str,
) -> String {
    let naming = group.naming.unwrap_or(default_naming);
    let rename_all = match naming {
        Naming::Camel => "camelCase",
        Naming::Snake => "snake_case",
    };
    let default_format = if naming == Naming::Camel {
        Format::Json
    } else {
        Format::Form
    };
    let format = group.format.unwrap_or(default_format);
    let mut keys = vec![
        format!(
            "path = {:?}",
            group.path.replace('{', "<").replace('}', ">")
        ),
        format!("base_url = {:?}", group.base_url),
        format!("rename_all = {rename_all:?}"),
    ];
    if format != default_format {
        keys.push(format!(
            "body = {:?}",
            if format == Format::Json {
                "json"
            } else {
                "form"
            }
        ));
    }
    let default_method = if format == Format::Json {
        "PUT"
    } else {
        "POST"
    };
    if let Some(method) = group.update_method.filter(|m| *m != default_method) {
        keys.push(format!("update_method = {method:?}"));
    }
    if group.ops.iter().any(|&i| ops[i].idempotency) {
        keys.push("idempotency_key".to_owned());
    }
    let mut items = String::new();
    let mut rows = String::new();
    let mut method_docs = Vec::new();
    for &i in &group.ops {
        let op = &ops[i];
        let call = op.call.key();
        let params = param_names.get(&op.call);
        let typed = matches!(op.call, Call::List | Call::Create | Call::Update) || CONTRACT_KEYS;
        match params.filter(|_| typed) {
            Some(params) => keys.push(format!("{call} = {params}")),
            None => keys.push(call.to_owned()),
        }
        if op.call == Call::List && CONTRACT_KEYS {
            let default_size = if naming == Naming::Camel {
                "pageSize"
            } else {
                "PageSize"
            };
            match &op.page_size {
                None => keys.push("page_size = false".to_owned()),
                Some(size) if size != default_size => keys.push(format!("page_size = {size:?}")),
                Some(_) => {}
            }
        }
        let url = format!("{}{}", op.operation.server(), op.operation.path);
        let params_cell = match params {
            Some(p) if typed => format!("[`{p}`]"),
            Some(p) => format!("[`{p}`] (sent with `.query(..)`)"),
            None => "—".to_owned(),
        };
        let headers: Vec<String> = op
            .headers
            .iter()
            .map(|h| format!("`{}`", header_setting(&h.name)))
            .collect();
        let headers = if headers.is_empty() {
            "—".to_owned()
        } else {
            headers.join(", ")
        };
        rows.push_str(&format!(
            "/// | [`{call}`]({name}::{call}) | `{}` | `{url}` | `{}` | {params_cell} | {headers} |\n",
            op.operation.method,
            op.operation.id(),
        ));
        method_docs.push(format!(
            "{call} = {:?}",
            method_doc(
                op,
                params::description(op),
                params.filter(|_| typed).map(String::as_str),
                feature
            )
        ));
        if let Some(params) = params {
            let fields = params::fields(spec, enums, op);
            let heading = format!(
                "/// The parameters of `{}`: [`{name}::{call}`], `{} {url}`.\n",
                op.operation.id(),
                op.operation.method
            );
            items.push('\n');
            items.push_str(&params::emit(params, &heading, op, &fields, feature));
        }
    }

    // One key a line, and one operation's text a line inside `doc(…)`, so the source reads (and
    // diffs) as rustfmt would lay it out.
    keys.push(format!(
        "doc(\n        {},\n    )",
        method_docs.join(",\n        ")
    ));

    let mut out = String::new();
    let description = ops[group.ops[0]]
        .operation
        .item
        .get("description")
        .and_then(Value::as_str);
    if let Some(text) = description {
        out.push_str(&docs::comment(text, ""));
    } else {
        out.push_str(&format!("/// A Twilio `{name}`.\n"));
    }
    out.push_str("///\n");
    if let Some(schema) = &group.record_ref {
        out.push_str(&format!("/// Twilio's `{schema}`; feature `{feature}`.\n"));
    } else {
        out.push_str(&format!("/// Feature `{feature}`.\n"));
    }
    out.push_str("///\n/// | Call | Method | URL | Operation | Parameters | Headers |\n/// |---|---|---|---|---|---|\n");
    out.push_str(&rows);
    out.push_str(&format!(
        "#[::twilio_resource::twilio_resource(\n    {},\n)]\n",
        keys.join(",\n    ")
    ));
    out.push_str("#[derive(Debug, Clone)]\n");
    out.push_str(&format!("pub struct {name} {{\n"));
    let mut used = Namespace::default();
    for (wire, schema) in resources::record_properties(spec, group) {
        let ident = used.claim(&names::field(wire));
        let ty = rust_type(spec, enums, schema, Place::Response);
        let resolved = operations::resolve(spec, schema);
        let mut lines = resolved
            .get("description")
            .and_then(Value::as_str)
            .map(docs::lines)
            .unwrap_or_default();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("`{wire}` on the wire ({}).", ty.described));
        for line in lines {
            if line.is_empty() {
                out.push_str("    ///\n");
            } else {
                out.push_str(&format!("    /// {line}\n"));
            }
        }
        let mut attrs = Vec::new();
        if names::apply_rename_all(rename_all, &ident) != wire {
            attrs.push(format!("rename = {wire:?}"));
        }
        if let Some(module) = ty.with {
            attrs.push(format!(
                "default, with = \"::twilio_catalog_support::{module}\""
            ));
        }
        if !attrs.is_empty() {
            out.push_str(&format!("    #[serde({})]\n", attrs.join(", ")));
        }
        out.push_str(&format!(
            "    pub {ident}: ::std::option::Option<{}>,\n",
            ty.ty
        ));
    }
    out.push_str("}\n");
    out.push_str(&items);
    out
}

/// The text `doc(…)` puts first in an operation's method docs: Twilio's description, the operation
/// and its feature, then the headers it reads, each with the call setting that sends it (the
/// macro adds the method, URL, settings and errors).
fn method_doc(
    op: &Op<'_>,
    description: Option<&str>,
    params: Option<&str>,
    feature: &str,
) -> String {
    let mut paragraphs = Vec::new();
    let described = description.map(docs::lines).unwrap_or_default();
    if !described.is_empty() {
        paragraphs.push(described.join("\n"));
    }
    let params = params
        .map(|p| format!("; its parameters are [`{p}`]"))
        .unwrap_or_default();
    paragraphs.push(format!(
        "Twilio's `{}`{params}; feature `{feature}`.",
        op.operation.id()
    ));
    let headers = params::header_lines(op);
    if !headers.is_empty() {
        paragraphs.push(format!("Headers it reads:\n{}", headers.join("\n")));
    }
    paragraphs.extend(params::query_note(op));
    paragraphs.join("\n\n")
}

fn entry(
    spec: &Spec,
    enums: &Enums,
    op: &Op<'_>,
    placed: Option<&(String, Option<String>)>,
    feature: &str,
) -> Entry {
    let mut fields = BTreeMap::new();
    for placeholder in &op.placeholders {
        fields.insert(placeholder.clone(), Some(placeholder_param(placeholder)));
    }
    let (inputs, _) = params::inputs(op);
    let mut used = Namespace::default();
    for param in inputs {
        fields.insert(
            param.name.clone(),
            Some(used.claim(&names::field(&param.name))),
        );
    }
    if matches!(op.call, Call::Create | Call::Update) {
        for query in &op.query {
            fields.entry(query.name.clone()).or_insert(None);
        }
    }
    let _ = enums;
    let headers = op
        .headers
        .iter()
        .map(|h| (h.name.clone(), header_setting(&h.name)))
        .collect();
    let reason = match (placed, &op.problem) {
        (None, Some(problem)) => Some(problem.clone()),
        (None, None) => Some("not grouped into a resource".to_owned()),
        (Some(_), _) => None,
    };
    Entry {
        spec: spec.name.clone(),
        operation_id: op.operation.id().to_owned(),
        method: op.operation.method.to_owned(),
        path: op.operation.path.to_owned(),
        feature: feature.to_owned(),
        ty: placed.map(|p| p.0.clone()),
        call: placed.map(|_| op.call.key()),
        params: placed.and_then(|p| p.1.clone()),
        fields,
        headers,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conversations_v1() -> Spec {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/specs/twilio-oai/twilio_conversations_v1.json");
        let text = std::fs::read_to_string(&file).expect("the Conversations v1 description");
        Spec {
            name: "conversations_v1".to_owned(),
            doc: serde_json::from_str(&text).expect("JSON"),
        }
    }

    #[test]
    fn a_methods_docs_say_its_operation_feature_and_each_header_with_its_setting() {
        let spec = conversations_v1();
        let ops = operations::classify(&spec);
        let op = ops
            .iter()
            .find(|op| op.operation.id() == "CreateConversationMessage")
            .expect("CreateConversationMessage");
        let doc = method_doc(
            op,
            Some("Add a new message\nto the conversation"),
            Some("CreateConversationMessageParams"),
            "conversations-v1",
        );
        assert_eq!(
            doc,
            "Add a new message\nto the conversation\n\n\
             Twilio's `CreateConversationMessage`; its parameters are [`CreateConversationMessageParams`]; feature `conversations-v1`.\n\n\
             Headers it reads:\n\
             - `X-Twilio-Webhook-Enabled`, sent with `.webhook_enabled(..)`: The X-Twilio-Webhook-Enabled HTTP request header"
        );
        let fetch = ops
            .iter()
            .find(|op| op.operation.id() == "FetchConversationMessage")
            .expect("FetchConversationMessage");
        assert_eq!(
            method_doc(fetch, None, None, "conversations-v1"),
            "Twilio's `FetchConversationMessage`; feature `conversations-v1`."
        );
    }
}
