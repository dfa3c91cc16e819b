//! `cargo xtask <command> [--check] [--specs DIR]`: generators of checked-in code from Twilio's
//! OpenAPI descriptions. Each writes its files; with `--check` it writes nothing and fails when a
//! checked-in file differs from what it would write (CI runs every command with `--check`).

mod catalog;
/// The macro's own name rules, included by path so the catalog names parameters exactly as the
/// attribute does (the macro crate is a proc-macro and cannot be a library dependency).
#[path = "../../macros/src/case.rs"]
#[allow(dead_code)]
mod macro_case;
mod output;
mod routes;
mod spec;

use std::path::PathBuf;
use std::process::ExitCode;

/// The commands, each a generator: name, what it writes, and the function that makes the files.
type Generate = fn(&[spec::Spec]) -> Result<Vec<output::File>, String>;
const COMMANDS: &[(&str, &str, Generate)] = &[
    ("count", "nothing: prints the operation count", count),
    ("routes", "the local server's route table", routes::generate),
    (
        "catalog",
        "catalog/: the crate of every resource, its index and examples",
        catalog::generate,
    ),
];

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .ok_or("no workspace root")?;
    let mut specs_dir = root.join("../shared/specs");
    let mut check = false;
    let mut command = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--specs" => specs_dir = args.next().ok_or("--specs needs a folder")?.into(),
            name if command.is_none() && !name.starts_with('-') => command = Some(arg),
            other => return Err(format!("unexpected argument {other:?}\n{}", usage())),
        }
    }
    let name = command.ok_or_else(usage)?;
    let (_, _, generate) = COMMANDS
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or_else(|| format!("unknown command {name:?}\n{}", usage()))?;
    let specs = spec::load_all(&specs_dir)?;
    let files = generate(&specs)?;
    output::write_or_check(&root, &files, check)
}

fn usage() -> String {
    let mut text = "usage: cargo xtask <command> [--check] [--specs DIR]\ncommands:".to_owned();
    for (name, what, _) in COMMANDS {
        text.push_str(&format!("\n  {name:10} {what}"));
    }
    text
}

/// Counts operations, hosts and parameters by place: a quick look at the descriptions.
fn count(specs: &[spec::Spec]) -> Result<Vec<output::File>, String> {
    let operations: Vec<_> = specs.iter().flat_map(spec::Spec::operations).collect();
    let hosts: std::collections::BTreeSet<_> = operations.iter().map(|op| op.server()).collect();
    let mut places = std::collections::BTreeMap::<&str, usize>::new();
    for op in &operations {
        for parameter in op.parameters() {
            let place = parameter.get("in").and_then(|v| v.as_str()).unwrap_or("?");
            *places.entry(place).or_default() += 1;
        }
    }
    let features: std::collections::BTreeSet<_> = specs.iter().map(spec::Spec::feature).collect();
    let mut methods = std::collections::BTreeMap::<&str, usize>::new();
    for op in &operations {
        *methods.entry(op.method).or_default() += usize::from(op.path.starts_with('/'));
    }
    let unnamed = operations.iter().filter(|op| op.id().is_empty()).count();
    println!(
        "{} descriptions ({} feature names), {} operations ({unnamed} without an operationId), {} hosts, by method: {methods:?}, parameters by place: {places:?}",
        specs.len(),
        features.len(),
        operations.len(),
        hosts.len()
    );
    Ok(Vec::new())
}
