//! The lifecycle benchmark works: in its smoke mode it lists, creates and streams through every
//! variant and reports each figure and the memory verdict. (No figure is asserted: benchmarks are
//! measured, never timed in a test.)

use std::process::Command;

#[test]
fn the_lifecycle_benchmark_runs_in_smoke_mode() {
    let output = Command::new(env!("CARGO_BIN_EXE_lifecycle-bench"))
        .args(["--smoke", "--no-node-install"])
        .output()
        .expect("the binary starts");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "lifecycle-bench --smoke failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for expected in [
        "requests: generated and hand-written send the same",
        "generated Participant::list",
        "generated Message::create",
        "hand-written reqwest + serde",
        "generated / hand-written, paired by round: throughput",
        "peak RSS",
        "bound 2 pages",
        "after a one-page warm-up",
    ] {
        assert!(report.contains(expected), "no {expected:?} in:\n{report}");
    }
    // The Node helper either ran or says why not.
    assert!(
        report.contains("Twilio Node helper each()") || report.contains("Node helper skipped:"),
        "{report}"
    );
}

#[test]
fn bad_arguments_are_usage_errors_not_panics() {
    for args in [
        &["--rounds", "0"][..],
        &["--page-size", "1001"],
        &["--seconds", "-1"],
        &["--only", "everything"],
        &["--memory-child", "generated"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_lifecycle-bench"))
            .args(args)
            .output()
            .expect("the binary starts");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    }
}
