//! The benchmark binaries work: each runs in its quick smoke mode and reports what it should.
//! (No figure is asserted: benchmarks are measured, never timed in a test.)

use std::process::Command;

fn run(binary: &str, args: &[&str]) -> String {
    let output = Command::new(binary)
        .args(args)
        .output()
        .expect("the binary starts");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{binary} {args:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn the_soak_run_holds_in_smoke_mode() {
    let report = run(env!("CARGO_BIN_EXE_soak"), &["--smoke"]);
    assert!(
        report.contains("calls accounted for     2000 of 2000"),
        "{report}"
    );
    assert!(report.contains("panics                  0"), "{report}");
    assert!(report.contains("verdict                 holds"), "{report}");
}

#[test]
fn the_runtime_benchmark_runs_in_smoke_mode() {
    let report = run(
        env!("CARGO_BIN_EXE_runtime-bench"),
        &["--smoke", "--no-node-install"],
    );
    for expected in [
        "generated Participant::fetch",
        "hand-written reqwest + serde",
        "generated / hand-written",
    ] {
        assert!(report.contains(expected), "no {expected:?} in:\n{report}");
    }
    // The Node helper either ran or says why not.
    assert!(
        report.contains("Twilio Node helper (twilio") || report.contains("Node helper skipped:"),
        "{report}"
    );
}

#[test]
fn every_bad_argument_is_a_usage_error_not_a_panic() {
    let cases: [(&str, &[&str]); 14] = [
        (env!("CARGO_BIN_EXE_runtime-bench"), &["--seconds", "-1"]),
        (env!("CARGO_BIN_EXE_runtime-bench"), &["--seconds", "0"]),
        (env!("CARGO_BIN_EXE_runtime-bench"), &["--seconds", "NaN"]),
        (env!("CARGO_BIN_EXE_runtime-bench"), &["--seconds", "1e300"]),
        (env!("CARGO_BIN_EXE_runtime-bench"), &["--rounds", "0"]),
        (
            env!("CARGO_BIN_EXE_runtime-bench"),
            &["--only", "generated"],
        ),
        (env!("CARGO_BIN_EXE_runtime-bench"), &["--bogus"]),
        (env!("CARGO_BIN_EXE_soak"), &["--concurrency", "0"]),
        (env!("CARGO_BIN_EXE_soak"), &["--requests", "-1"]),
        (env!("CARGO_BIN_EXE_soak"), &["--timeout-ms", "x"]),
        (env!("CARGO_BIN_EXE_compile-bench"), &["--runs", "0"]),
        (env!("CARGO_BIN_EXE_compile-bench"), &["extract"]),
        (env!("CARGO_BIN_EXE_compile-bench"), &["--count"]),
        (env!("CARGO_BIN_EXE_compile-bench"), &["--after", "."]),
    ];
    for (binary, args) in cases {
        let output = Command::new(binary)
            .args(args)
            .output()
            .expect("the binary starts");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{binary} {args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{binary} {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{binary} {args:?}: {stderr}");
    }
}

#[test]
fn compile_bench_names_a_before_directory_that_is_not_a_checkout() {
    for dir in ["/nonexistent-compile-bench-checkout", "/"] {
        let output = Command::new(env!("CARGO_BIN_EXE_compile-bench"))
            .args(["--smoke", "--before", dir])
            .output()
            .expect("the binary starts");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.starts_with("compile-bench: "), "{stderr}");
        assert!(stderr.contains(dir), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn the_outage_run_holds_in_smoke_mode() {
    let report = run(env!("CARGO_BIN_EXE_outage"), &["--smoke"]);
    for expected in [
        "without a budget",
        "with the default retry budget",
        "requests per call",
        "verdict",
    ] {
        assert!(report.contains(expected), "no {expected:?} in:\n{report}");
    }
}
