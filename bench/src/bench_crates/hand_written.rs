//! A resource written by hand with reqwest and serde, as a careful user writes it on top of the
//! crate's `api` module (`bench/data/hand-written/api.rs`): the serde model, a page struct, path
//! builders that percent-encode each value, and one `async fn` per operation of its description.

use std::fmt::Write as _;
use std::io;

use crate::resources::{BodyFormat, Dialect, Resource};
use crate::template::{self, Part, Template};

use super::names::ident;
use super::{body_name, write_bodies, write_struct};

/// The `api` module every resource uses, written once.
pub const API: &str = include_str!("../../data/hand-written/api.rs");

/// `fn <name>(params: &str, …) -> Result<String, Error>` building `template`'s path; the
/// parameters as declared.
fn write_path_fn(out: &mut String, name: &str, template: &Template) -> String {
    let mut format = String::new();
    let mut values = Vec::new();
    let mut params = Vec::new();
    for part in &template.parts {
        match part {
            Part::Literal(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Part::Param(p) => {
                format.push_str("{}");
                let param = ident(&p.parameter);
                values.push(format!("crate::api::segment({param})?"));
                params.push(format!("{param}: &str"));
            }
        }
    }
    let params = params.join(", ");
    let _ = writeln!(
        out,
        "    /// The path of `{}`.
    pub fn {name}({params}) -> Result<String, crate::api::Error> {{
        Ok(format!({format:?}{}))
    }}
",
        template.text("<", ">"),
        values.iter().map(|v| format!(", {v}")).collect::<String>()
    );
    params
}

/// The parameters' names of a template, comma-separated, for a call.
fn call_args(template: &Template) -> String {
    template
        .params()
        .map(|p| ident(&p.parameter))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Joins a function's parameters after the client.
fn after_api(params: &str) -> String {
    if params.is_empty() {
        String::new()
    } else {
        format!(", {params}")
    }
}

/// The page struct of a list and its `Page` impl.
fn write_page(out: &mut String, resource: &Resource, key: &str, dialect: Dialect) {
    let name = &resource.name;
    let (field, next) = match dialect {
        Dialect::Api2010 => (
            "pub next_page_uri: Option<String>,",
            "self.next_page_uri.map_or(crate::api::Next::Done, crate::api::Next::Uri)",
        ),
        Dialect::V1 => (
            "pub meta: crate::api::Meta,",
            "self.meta.next_page_url.map_or(crate::api::Next::Done, crate::api::Next::Url)",
        ),
        Dialect::Token => (
            "pub meta: crate::api::TokenMeta,",
            "self.meta.next_token.map_or(crate::api::Next::Done, crate::api::Next::Token)",
        ),
    };
    let _ = write!(
        out,
        "#[derive(::serde::Deserialize)]
pub struct {name}Page {{
    #[serde(rename = {key:?})]
    pub records: Vec<{name}>,
    {field}
}}

impl crate::api::Page for {name}Page {{
    type Record = {name};
    fn into_parts(self) -> (Vec<{name}>, crate::api::Next) {{
        (self.records, {next})
    }}
}}

"
    );
}

/// The model, its bodies, its page and its `impl` with every operation.
///
/// # Errors
///
/// When the resource's path is not a template the attribute accepts.
pub fn source(out: &mut String, resource: &Resource) -> io::Result<()> {
    let template = template::parse(&resource.path)
        .map_err(|errors| io::Error::other(format!("{}: {errors:?}", resource.path)))?;
    let ops = &resource.operations;
    write_struct(
        out,
        resource,
        "#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]\n#[serde(rename_all = \"snake_case\")]\n",
    );
    write_bodies(out, resource);
    if let Some(list) = &ops.list {
        write_page(out, resource, &list.key, list.dialect);
    }
    let name = &resource.name;
    let base = &resource.base_url;
    let _ = writeln!(out, "impl {name} {{");
    let path_params = write_path_fn(out, "path", &template);
    let path_args = call_args(&template);
    let collection = if ops.list.is_some() || ops.create.is_some() {
        let collection = template
            .collection()
            .map_err(|e| io::Error::other(format!("{}: {e}", resource.path)))?;
        let params = write_path_fn(out, "collection_path", &collection);
        Some((params, call_args(&collection)))
    } else {
        None
    };
    let format = match ops.body {
        BodyFormat::Form => "crate::api::Format::Form",
        BodyFormat::Json => "crate::api::Format::Json",
    };
    let (p_params, p_args) = (after_api(&path_params), path_args);
    let _ = writeln!(
        out,
        "    /// Fetches one.
    pub async fn fetch(api: &crate::api::Api{p_params}) -> Result<Self, crate::api::Error> {{
        api.fetch({base:?}, &Self::path({p_args})?).await
    }}
"
    );
    if let (Some(list), Some((c_params, c_args))) = (&ops.list, &collection) {
        let query = match list.dialect {
            Dialect::Token => "pageSize=50",
            Dialect::Api2010 | Dialect::V1 => "PageSize=50",
        };
        let _ = writeln!(
            out,
            "    /// Every record, page by page.
    pub async fn list(api: &crate::api::Api{}) -> Result<Vec<Self>, crate::api::Error> {{
        api.list::<{name}Page>({base:?}, &Self::collection_path({c_args})?, {query:?}).await
    }}
",
            after_api(c_params)
        );
    }
    if let (Some(_), Some((c_params, c_args))) = (&ops.create, &collection) {
        let _ = writeln!(
            out,
            "    /// Creates one.
    pub async fn create(api: &crate::api::Api{}, body: &{}) -> Result<Self, crate::api::Error> {{
        api.write(::reqwest::Method::POST, {base:?}, &Self::collection_path({c_args})?, body, {format}).await
    }}
",
            after_api(c_params),
            body_name("Create", resource)
        );
    }
    if let Some(update) = &ops.update {
        let _ = writeln!(
            out,
            "    /// Updates one.
    pub async fn update(api: &crate::api::Api{p_params}, body: &{}) -> Result<Self, crate::api::Error> {{
        api.write(::reqwest::Method::{}, {base:?}, &Self::path({p_args})?, body, {format}).await
    }}
",
            body_name("Update", resource),
            update.method
        );
    }
    if ops.delete {
        let _ = writeln!(
            out,
            "    /// Deletes one.
    pub async fn delete(api: &crate::api::Api{p_params}) -> Result<(), crate::api::Error> {{
        api.delete({base:?}, &Self::path({p_args})?).await
    }}
"
        );
    }
    out.push_str("}\n\n");
    Ok(())
}
