//! Instruction counts under `valgrind --tool=callgrind`: repeatable whatever else the machine does,
//! so a difference of a few percent between two variants is real, not scheduling noise.

use std::path::Path;
use std::process::Command;

/// Whether valgrind can be run here.
pub fn available() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Instructions executed by `exe args` (its own process only, not its children).
///
/// # Errors
///
/// When valgrind cannot run the program, the program fails, or no total is printed.
pub fn count(exe: &Path, args: &[String]) -> Result<u64, String> {
    let output = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            "--trace-children=no",
        ])
        .arg(exe)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run valgrind: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "{} {args:?} failed under valgrind:\n{stderr}",
            exe.display()
        ));
    }
    // "==123== Collected : 123456789"
    stderr
        .lines()
        .find_map(|line| line.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("no instruction total in valgrind's output:\n{stderr}"))
}
