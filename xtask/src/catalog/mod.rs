//! `cargo xtask catalog`: the `catalog/` crate from the descriptions. One module per schema
//! name under one module per description (a feature each), every resource declared with
//! `#[twilio_resource(...)]`, its operations' parameter types beside it, enums at the
//! description's root; `catalog/operations.json` (the index), the response examples the
//! catalog's tests decode and the calls they make.

mod calls;
mod docs;
mod emit;
mod enums;
mod index;
mod names;
mod operations;
mod params;
mod resources;
mod tree;
mod types;

use std::collections::BTreeMap;

pub use operations::properties;

use crate::output::File;
use crate::spec::Spec;

/// The crate's name in Rust paths.
pub const CRATE: &str = "twilio_catalog";
/// Where the crate lives, from the workspace root.
pub const DIR: &str = "catalog";

/// Whether the attribute has the parameters contract's keys (`fetch = T`, `delete = T`,
/// `page_size = false | "Name"`). Off until they are on main: without them, fetch and delete
/// parameter types are generated but not declared, and lists send the default page-size name.
pub const CONTRACT_KEYS: bool = true;

/// Every file the command writes.
pub fn generate(specs: &[Spec]) -> Result<Vec<File>, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("xtask has no workspace root")?;
    let mut files = Vec::new();
    let mut modules = tree::Modules::default();
    let mut index = Vec::new();
    let mut examples = Vec::new();
    let mut calls = Vec::new();
    for spec in specs {
        emit::description(spec, &mut modules, &mut index, &mut examples, &mut calls)?;
    }
    let parts = tree::assign_parts(specs);
    files.extend(modules.files(&parts)?);
    files.extend(tree::part_files(specs, &parts)?);
    // Each part is published on its own, so it carries the license texts as the other crates do.
    for name in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let text = std::fs::read_to_string(root.join(name)).map_err(|e| format!("{name}: {e}"))?;
        for part in 0..tree::PARTS {
            files.push(File {
                path: format!("{}/{name}", tree::part_dir(part)),
                text: text.clone(),
            });
        }
    }
    files.push(index::operations(&index));
    files.extend(index::examples(&examples)?);
    files.push(calls::file(&calls)?);
    files.push(tree::lib_rs(root, specs, &parts)?);
    files.push(tree::cargo_toml(root, specs, &parts)?);
    Ok(files)
}

/// One operation's line in `operations.json`.
#[derive(Debug)]
pub struct Entry {
    pub spec: String,
    pub operation_id: String,
    pub method: String,
    pub path: String,
    pub feature: String,
    pub ty: Option<String>,
    pub call: Option<&'static str>,
    pub params: Option<String>,
    pub fields: BTreeMap<String, Option<String>>,
    pub headers: BTreeMap<String, String>,
    pub reason: Option<String>,
}

/// A response example to decode, and the type it decodes into.
#[derive(Debug)]
pub struct Example {
    pub spec: String,
    pub operation_id: String,
    pub feature: String,
    /// The Rust path of the resource, from the crate root.
    pub ty: String,
    /// A list's records key, `None` when the example is one record.
    pub list_key: Option<String>,
    pub values: Vec<serde_json::Value>,
}
