//! Compile-time contract of `#[twilio_resource]`: what compiles, and the exact error for each misuse.
//!
//! trybuild builds the cases as one crate of its own in `target/tests/trybuild`, with its own
//! flags, so its first run compiles this package's few dependencies again (about a minute on two
//! cores; later runs reuse them). Its progress goes to stderr as each case finishes, in colour on a
//! terminal and without colour codes anywhere else (a CI log, a file).

use std::io::{IsTerminal as _, Write as _};
use std::process::Command;

#[test]
fn ui() {
    // trybuild colours its output unless NO_COLOR is set, even into a file. Setting a variable in
    // this process is `unsafe` (and forbidden here), so a log gets a child run of this test with it.
    if std::env::var_os("NO_COLOR").is_none() && !std::io::stderr().is_terminal() {
        let exe = std::env::current_exe().expect("the test binary's path");
        let status = Command::new(exe)
            .args(["ui", "--exact", "--nocapture"])
            .env("NO_COLOR", "1")
            .status()
            .expect("the test binary runs again");
        assert!(status.success(), "the trybuild cases failed (above)");
        return;
    }
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
