//! Every test file of this package is built: each `*.rs` beside `Cargo.toml` (except `lib.rs`) must be
//! a `[[test]]` target there, because cargo discovers test targets only under a package's own
//! `tests/` folder, not beside its manifest, and would otherwise skip a new file without a word.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The `path` of each `[[test]]` table in the manifest.
fn listed_test_paths(manifest: &str) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    let mut in_test_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_test_table = line == "[[test]]";
        } else if in_test_table
            && let Some(value) = line.strip_prefix("path").map(str::trim_start)
            && let Some(value) = value.strip_prefix('=')
        {
            paths.insert(value.trim().trim_matches('"').to_owned());
        }
    }
    paths
}

#[test]
fn every_test_file_is_a_test_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(dir.join("Cargo.toml")).expect("read tests/Cargo.toml");
    let listed = listed_test_paths(&manifest);
    assert!(
        listed.contains("targets.rs"),
        "the manifest reader found no [[test]] paths: {listed:?}"
    );

    let mut unlisted = Vec::new();
    for entry in fs::read_dir(dir).expect("list tests/") {
        let name = entry.expect("read a tests/ entry").file_name();
        let name = name.to_string_lossy();
        if let Some(stem) = name.strip_suffix(".rs")
            && name != "lib.rs"
            && !listed.contains(name.as_ref())
        {
            unlisted.push(format!("[[test]]\nname = \"{stem}\"\npath = \"{name}\""));
        }
    }
    unlisted.sort();
    assert!(
        unlisted.is_empty(),
        "test files that cargo would never build; add to tests/Cargo.toml:\n\n{}",
        unlisted.join("\n\n")
    );
}

#[test]
fn the_manifest_reader_sees_only_test_tables() {
    let manifest = "[lib]\npath = \"lib.rs\"\n\n[[test]]\nname = \"a\"\npath = \"a.rs\"\n\n\
                    [[bench]]\npath = \"b.rs\"\n[[test]]\npath=\"c.rs\"\n";
    let listed: Vec<_> = listed_test_paths(manifest).into_iter().collect();
    assert_eq!(listed, ["a.rs", "c.rs"]);
}
