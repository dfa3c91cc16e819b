//! Writes the two crates the compile-time benchmark builds: the same resources defined with
//! `#[twilio_resource]`, and written by hand (serde model, `Resource` impl, `path` and `fetch`, as
//! the attribute would write them).

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::case::to_snake_case;
use crate::resources::Resource;
use crate::template::{self, Part};

/// How the resources are defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// With the attribute.
    Generated,
    /// By hand.
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

/// Names Rust cannot take even as raw identifiers; such fields get a trailing `_`.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "unsafe", "use",
    "where", "while", "yield", "abstract", "become", "do", "final", "macro", "override", "priv",
    "typeof", "unsized", "virtual",
];

/// The Rust identifier for a JSON key or parameter name, raw when it is a keyword.
fn ident(name: &str) -> String {
    let snake: String = to_snake_case(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("f_{snake}")
    } else {
        snake
    };
    if NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// The struct with its fields, under `attributes` (derives, then serde's container attributes).
fn write_struct(out: &mut String, resource: &Resource, attributes: &str) {
    let _ = writeln!(out, "{attributes}pub struct {} {{", resource.name);
    let mut used: Vec<String> = Vec::new();
    for field in &resource.fields {
        let mut name = ident(&field.json);
        while used.contains(&name) {
            name.push('_');
        }
        let bare = name.trim_start_matches("r#");
        if bare != field.json {
            let _ = writeln!(out, "    #[serde(rename = {:?})]", field.json);
        }
        let _ = writeln!(out, "    pub {name}: {},", field.rust_type);
        used.push(name);
    }
    out.push_str("}\n\n");
}

/// The hand-written `Resource` impl, `path` and `fetch`.
fn write_impls(out: &mut String, resource: &Resource) -> io::Result<()> {
    let parsed = template::parse(&resource.path)
        .map_err(|errors| io::Error::other(format!("{}: {errors:?}", resource.path)))?;
    let mut segments = String::new();
    let mut params = Vec::new();
    for part in &parsed.parts {
        match part {
            Part::Literal(text) => {
                let _ = write!(segments, "::twilio_resource::Segment::Literal({text:?}), ");
            }
            Part::Param(p) => {
                let _ = write!(
                    segments,
                    "::twilio_resource::Segment::Param {{ placeholder: {:?}, parameter: {:?} }}, ",
                    p.placeholder, p.parameter
                );
                params.push(ident(&p.parameter));
            }
        }
    }
    let declared: Vec<String> = params
        .iter()
        .map(|p| format!("{p}: impl AsRef<str>"))
        .collect();
    let declared = declared.join(", ");
    let as_refs: Vec<String> = params.iter().map(|p| format!("{p}.as_ref()")).collect();
    let names = params.join(", ");
    let name = &resource.name;
    let _ = write!(
        out,
        "impl ::twilio_resource::Resource for {name} {{
    const BASE_URL: &'static str = {base:?};
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new({path:?}, &[{segments}]);
}}

impl {name} {{
    /// Builds the request path.
    pub fn path({declared}) -> Result<String, ::twilio_resource::Error> {{
        <Self as ::twilio_resource::Resource>::PATH.render(&[{as_refs}])
    }}

    /// Fetches one.
    pub async fn fetch(client: &::twilio_resource::Client, {declared}) -> Result<Self, ::twilio_resource::Error> {{
        client.fetch::<Self>(&Self::path({names})?).await
    }}
}}

",
        base = resource.base_url,
        path = resource.path,
        as_refs = as_refs.join(", "),
    );
    Ok(())
}

/// The source of one resource in `style`.
///
/// # Errors
///
/// When the resource's path is not a template the attribute accepts.
pub fn resource_source(resource: &Resource, style: Style) -> io::Result<String> {
    let mut out = String::new();
    match style {
        Style::Generated => {
            let attributes = format!(
                "#[::twilio_resource::twilio_resource(path = {:?}, base_url = {:?}, rename_all = \"snake_case\")]\n#[derive(Debug, Clone, PartialEq)]\n",
                resource.path, resource.base_url
            );
            write_struct(&mut out, resource, &attributes);
        }
        Style::HandWritten => {
            write_struct(
                &mut out,
                resource,
                "#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]\n#[serde(rename_all = \"snake_case\")]\n",
            );
            write_impls(&mut out, resource)?;
        }
    }
    Ok(out)
}

/// Writes the crate for `resources` in `style` into `dir`, depending on the runtime at `runtime`.
/// `lock`, when given, is copied in so both crates build the same dependency versions.
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
    let serde = match style {
        Style::Generated => "",
        Style::HandWritten => "serde = { version = \"1.0.200\", features = [\"derive\"] }\n",
    };
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\ntwilio-resource = {{ path = {:?} }}\nserde_json = \"1\"\n{serde}\n[workspace]\n",
            style.package(),
            runtime.display().to_string()
        ),
    )?;
    if let Some(lock) = lock {
        std::fs::copy(lock, dir.join("Cargo.lock"))?;
    }
    let mut lib =
        String::from("//! Generated by compile-bench.\n#![allow(missing_docs, clippy::all)]\n\n");
    for (index, chunk) in resources.chunks(PER_FILE).enumerate() {
        let _ = writeln!(lib, "pub mod r{index:02};");
        let mut file = String::new();
        for resource in chunk {
            file.push_str(&resource_source(resource, style)?);
        }
        std::fs::write(src.join(format!("r{index:02}.rs")), file)?;
    }
    std::fs::write(src.join("lib.rs"), lib)
}
