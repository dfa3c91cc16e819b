//! Writes the crates the compile-time benchmark builds: the same resources, each with every
//! operation its description has, declared with `#[twilio_resource]` (against a given checkout of
//! the runtime), and written by hand with reqwest and serde.

mod generated;
mod hand_written;
mod names;

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::resources::{Field, Resource};
use crate::template;

use names::ident;

/// How the resources are defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// With the attribute.
    Generated,
    /// By hand, with reqwest and serde.
    HandWritten,
}

impl Style {
    /// The package name of the crate in this style.
    pub fn package(self) -> &'static str {
        match self {
            Style::Generated => "resources-generated",
            Style::HandWritten => "resources-hand-written",
        }
    }
}

/// Resources per source file; touching one file in the incremental run touches this many.
pub const PER_FILE: usize = 10;

/// Fields per request body at most (the first ones in key order): the bodies are
/// the same code in both crates, so they are kept small to leave the operations' code in view.
pub const BODY_FIELDS: usize = 5;

/// The struct with its fields, under `attributes` (derives, then serde's container attributes).
fn write_struct(out: &mut String, resource: &Resource, attributes: &str) {
    let _ = writeln!(out, "{attributes}pub struct {} {{", resource.name);
    write_fields(out, &resource.fields, false);
    out.push_str("}\n\n");
}

/// Fields, each renamed when its Rust name differs from its key (`always_rename`: every one).
fn write_fields(out: &mut String, fields: &[Field], always_rename: bool) {
    let mut used: Vec<String> = Vec::new();
    for field in fields {
        let mut name = ident(&field.json);
        while used.contains(&name) {
            name.push('_');
        }
        let bare = name.trim_start_matches("r#");
        if always_rename || bare != field.json {
            let _ = writeln!(out, "    #[serde(rename = {:?})]", field.json);
        }
        let _ = writeln!(out, "    pub {name}: {},", field.rust_type);
        used.push(name);
    }
}

/// `CreateXBody` / `UpdateXBody`.
fn body_name(verb: &str, resource: &Resource) -> String {
    format!("{verb}{}Body", resource.name)
}

/// The request bodies of `create` and `update`: small serde structs, the same in both crates.
fn write_bodies(out: &mut String, resource: &Resource) {
    let ops = &resource.operations;
    let bodies = [
        ("Create", ops.create.as_deref()),
        ("Update", ops.update.as_ref().map(|u| u.fields.as_slice())),
    ];
    for (verb, fields) in bodies {
        let Some(fields) = fields else { continue };
        let fields = &fields[..fields.len().min(BODY_FIELDS)];
        let _ = writeln!(
            out,
            "#[derive(Debug, Default, ::serde::Serialize)]\npub struct {} {{",
            body_name(verb, resource)
        );
        write_fields(out, fields, true);
        out.push_str("}\n\n");
    }
}

/// The source of one resource in `style`.
///
/// # Errors
///
/// When the resource's path is not a template the attribute accepts.
pub fn resource_source(resource: &Resource, style: Style) -> io::Result<String> {
    let mut out = String::new();
    match style {
        Style::Generated => generated::source(&mut out, resource),
        Style::HandWritten => hand_written::source(&mut out, resource)?,
    }
    Ok(out)
}

/// `n` arguments, each `value`, after `client`.
fn args(n: usize) -> String {
    ", value".repeat(n)
}

/// One caller per resource of `chunk`: every operation called once with `&str` path values and
/// default bodies, each caller boxed as a `dyn Future`. Generic methods (the attribute's take
/// `impl AsRef<str>`) are compiled only where they are called; this is that place, so a crate's
/// code size and build time include what a user of its operations pays.
fn write_calls(out: &mut String, chunk: &[Resource], style: Style) -> io::Result<()> {
    let client = match style {
        Style::Generated => "::twilio_resource::Client",
        Style::HandWritten => "crate::api::Api",
    };
    let _ = writeln!(
        out,
        "/// Every operation of this file's resources, called once.
pub fn calls<'a>(client: &'a {client}, value: &'a str) -> Vec<::std::pin::Pin<Box<dyn ::std::future::Future<Output = ()> + 'a>>> {{
    vec!["
    );
    for resource in chunk {
        let parsed = template::parse(&resource.path)
            .map_err(|errors| io::Error::other(format!("{}: {errors:?}", resource.path)))?;
        let path = args(parsed.params().count());
        let collection = parsed.collection().map_or(0, |c| c.params().count());
        let collection = args(collection);
        let name = &resource.name;
        let ops = &resource.operations;
        let _ = writeln!(
            out,
            "        Box::pin(async move {{
            let _ = {name}::fetch(client{path}).await;"
        );
        if ops.list.is_some() {
            let collect = match style {
                Style::Generated => ".collect_all()",
                Style::HandWritten => "",
            };
            let _ = writeln!(
                out,
                "            let _ = {name}::list(client{collection}){collect}.await;"
            );
        }
        if ops.create.is_some() {
            let _ = writeln!(
                out,
                "            let _ = {name}::create(client{collection}, &{}::default()).await;",
                body_name("Create", resource)
            );
        }
        if ops.update.is_some() {
            let _ = writeln!(
                out,
                "            let _ = {name}::update(client{path}, &{}::default()).await;",
                body_name("Update", resource)
            );
        }
        if ops.delete {
            let _ = writeln!(
                out,
                "            let _ = {name}::delete(client{path}).await;"
            );
        }
        out.push_str(
            "        }),
",
        );
    }
    out.push_str(
        "    ]
}
",
    );
    Ok(())
}

/// The `[dependencies]` of the crate in `style`; the generated one uses the runtime at `runtime`.
fn dependencies(style: Style, runtime: &Path) -> String {
    let serde = "serde = { version = \"1.0.200\", features = [\"derive\"] }\nserde_json = \"1\"\n";
    match style {
        Style::Generated => format!(
            "twilio-resource = {{ path = {:?} }}\n{serde}",
            runtime.display().to_string()
        ),
        // The runtime's own versions and features of reqwest and the encoders.
        Style::HandWritten => format!(
            "reqwest = {{ version = \"0.13\", default-features = false, features = [\"http2\", \"rustls\"] }}\n\
             serde_html_form = {{ version = \"0.4\", default-features = false, features = [\"ser\", \"std\"] }}\n\
             percent-encoding = \"2.3\"\n{serde}"
        ),
    }
}

/// Writes the crate for `resources` in `style` into `dir` (the generated one depending on the
/// runtime at `runtime`). `lock`, when given, is copied in so every crate builds the same
/// dependency versions.
///
/// # Errors
///
/// When a file cannot be written or a path is not a valid template.
pub fn write_crate(
    dir: &Path,
    style: Style,
    resources: &[Resource],
    runtime: &Path,
    lock: Option<&Path>,
) -> io::Result<()> {
    let src = dir.join("src");
    std::fs::create_dir_all(&src)?;
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{}\n[workspace]\n",
            style.package(),
            dependencies(style, runtime)
        ),
    )?;
    if let Some(lock) = lock {
        std::fs::copy(lock, dir.join("Cargo.lock"))?;
    }
    let mut lib =
        String::from("//! Generated by compile-bench.\n#![allow(missing_docs, clippy::all)]\n\n");
    if style == Style::HandWritten {
        lib.push_str("pub mod api;\n");
        std::fs::write(src.join("api.rs"), hand_written::API)?;
    }
    for (index, chunk) in resources.chunks(PER_FILE).enumerate() {
        let _ = writeln!(lib, "pub mod r{index:02};");
        let mut file = String::new();
        for resource in chunk {
            file.push_str(&resource_source(resource, style)?);
        }
        write_calls(&mut file, chunk, style)?;
        std::fs::write(src.join(format!("r{index:02}.rs")), file)?;
    }
    std::fs::write(src.join("lib.rs"), lib)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::{BodyFormat, Dialect, ListOp, Operations, UpdateOp};

    fn field(json: &str) -> Field {
        Field {
            json: json.to_owned(),
            rust_type: "Option<String>".to_owned(),
        }
    }

    /// A JSON resource with every operation, an update by `PATCH`, and a 6-field create body.
    fn resource() -> Resource {
        Resource {
            name: "Thing".to_owned(),
            base_url: "https://things.twilio.com".to_owned(),
            path: "/v1/Services/<ServiceSid>/Things/<Sid>".to_owned(),
            fields: vec![field("sid"), field("type")],
            operations: Operations {
                list: Some(ListOp {
                    key: "things".to_owned(),
                    dialect: Dialect::V1,
                }),
                create: Some(["A", "B", "C", "D", "E", "F"].map(field).to_vec()),
                update: Some(UpdateOp {
                    method: "PATCH".to_owned(),
                    fields: vec![field("FriendlyName")],
                }),
                delete: true,
                body: BodyFormat::Json,
            },
        }
    }

    #[test]
    fn the_generated_resource_declares_every_operation_and_what_differs_from_the_defaults() {
        let source = resource_source(&resource(), Style::Generated).expect("a valid path");
        assert!(
            source.contains(
                r#"#[::twilio_resource::twilio_resource(path = "/v1/Services/<ServiceSid>/Things/<Sid>", base_url = "https://things.twilio.com", rename_all = "snake_case", body = "json", update_method = "PATCH", fetch, list, create = CreateThingBody, update = UpdateThingBody, delete)]"#
            ),
            "{source}"
        );
        assert!(source.contains("pub r#type: Option<String>,"), "{source}");
        // Bodies keep their first BODY_FIELDS fields, each renamed to its wire name.
        assert!(source.contains("#[serde(rename = \"E\")]"), "{source}");
        assert!(!source.contains("#[serde(rename = \"F\")]"), "{source}");
    }

    #[test]
    fn the_hand_written_resource_encodes_each_path_value_and_writes_every_operation() {
        let source = resource_source(&resource(), Style::HandWritten).expect("a valid path");
        for expected in [
            "pub fn path(service_sid: &str, sid: &str) -> Result<String, crate::api::Error> {",
            r#"Ok(format!("/v1/Services/{}/Things/{}", crate::api::segment(service_sid)?, crate::api::segment(sid)?))"#,
            "pub fn collection_path(service_sid: &str)",
            "#[serde(rename = \"things\")]",
            "self.meta.next_page_url.map_or(crate::api::Next::Done, crate::api::Next::Url)",
            "pub async fn fetch(api: &crate::api::Api, service_sid: &str, sid: &str)",
            "api.list::<ThingPage>(",
            "::reqwest::Method::POST",
            "::reqwest::Method::PATCH",
            "crate::api::Format::Json",
            "pub async fn delete(",
        ] {
            assert!(source.contains(expected), "no {expected:?} in:\n{source}");
        }
    }

    #[test]
    fn each_file_calls_every_operation_of_its_resources() {
        let mut out = String::new();
        write_calls(&mut out, &[resource()], Style::Generated).expect("a valid path");
        for expected in [
            "Thing::fetch(client, value, value).await",
            "Thing::list(client, value).collect_all().await",
            "Thing::create(client, value, &CreateThingBody::default()).await",
            "Thing::update(client, value, value, &UpdateThingBody::default()).await",
            "Thing::delete(client, value, value).await",
        ] {
            assert!(out.contains(expected), "no {expected:?} in:\n{out}");
        }
        let mut hand = String::new();
        write_calls(&mut hand, &[resource()], Style::HandWritten).expect("a valid path");
        assert!(hand.contains("client: &'a crate::api::Api"), "{hand}");
        assert!(hand.contains("Thing::list(client, value).await"), "{hand}");
    }
}
