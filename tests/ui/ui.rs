//! Compile-time contract of `#[twilio_resource]`: what compiles, and the exact error for each misuse.
//!
//! trybuild builds the cases as one crate of its own in `target/tests/trybuild`, with its own
//! flags, so its first run compiles this package's few dependencies again (about a minute on two
//! cores; later runs reuse them). Its progress goes to stderr as each case finishes; set
//! `NO_COLOR=1` for a log without colour codes.

use std::io::Write as _;

#[test]
fn ui() {
    let pass = case_count("pass");
    let fail = case_count("fail");
    // Written to stderr directly, not through `eprintln!`, which the test harness captures: the
    // build below is silent for a while and this says what it is.
    let _ = writeln!(
        std::io::stderr(),
        "ui: trybuild compiles {pass} cases that must build and run and {fail} that must fail with the error in their .stderr file, as one crate in target/tests/trybuild (its dependencies are built on the first run)"
    );
    let cases = trybuild::TestCases::new();
    cases.pass("pass/*.rs");
    cases.compile_fail("fail/*.rs");
}

/// The `*.rs` cases in `dir`.
fn case_count(dir: &str) -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "rs"))
                .count()
        })
        .unwrap_or(0)
}
