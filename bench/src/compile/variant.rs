//! One crate the benchmark builds: the resources in one style, against one checkout of the
//! runtime, in its own target directory; and the cargo runs on it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::bench_crates::{Style, write_crate};
use crate::code_size::{IrCount, count_ir, newest};
use crate::resources::Resource;

/// A crate to build and measure.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Its row in the tables: `generated`, `before-generated`, `hand-written`, …
    pub label: String,
    /// How its resources are written.
    pub style: Style,
    /// The checkout of this workspace whose runtime (`runtime/`) and `Cargo.lock` it builds with.
    pub checkout: PathBuf,
    /// The crate's directory.
    pub dir: PathBuf,
    /// Its target directory.
    pub target: PathBuf,
}

/// Code-size readings of one build of a variant's crate, dependencies not included.
#[derive(Debug, Clone, Default)]
pub struct CodeSize {
    /// The crate's `.rlib`, in bytes (debug profile, the developer's default build).
    pub rlib_bytes: u64,
    /// Its LLVM IR (debug, one codegen unit).
    pub ir: IrCount,
}

/// `cargo <args>` in `dir` with `target` as target dir, quietly, with the developer's defaults
/// (incremental on for local crates, no `RUSTFLAGS`); how long it took.
///
/// # Errors
///
/// When cargo cannot start or fails; the message holds its standard error.
pub fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Result<Duration, String> {
    let started = Instant::now();
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        // Before the command: after a `--` it would go to rustc.
        .arg("--offline")
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("CARGO_INCREMENTAL")
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo {} in {} failed:\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(started.elapsed())
}

/// `rustc --version`, or empty when it cannot run.
pub fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

impl Variant {
    /// A variant named `label` whose crate and target directory live under `work`.
    pub fn new(label: &str, style: Style, checkout: &Path, work: &Path) -> Self {
        Self {
            label: label.to_owned(),
            style,
            checkout: checkout.to_path_buf(),
            dir: work.join(label),
            target: work.join(format!("{label}-target")),
        }
    }

    /// Writes its crate for `resources` (replacing the sources of an earlier run).
    ///
    /// # Errors
    ///
    /// When the checkout has no runtime or lock file, or a file cannot be written.
    pub fn write(&self, resources: &[Resource]) -> Result<(), String> {
        let runtime = self.checkout.join("runtime");
        let lock = self.checkout.join("Cargo.lock");
        for needed in [runtime.join("Cargo.toml"), lock.clone()] {
            if !needed.is_file() {
                return Err(format!(
                    "{} is not a checkout of this workspace: no {}",
                    self.checkout.display(),
                    needed.display()
                ));
            }
        }
        let _ = std::fs::remove_dir_all(self.dir.join("src"));
        write_crate(&self.dir, self.style, resources, &runtime, Some(&lock))
            .map_err(|e| format!("cannot write {}: {e}", self.dir.display()))
    }

    /// `cargo <args>` on its crate.
    ///
    /// # Errors
    ///
    /// As [`cargo`].
    pub fn cargo(&self, args: &[&str]) -> Result<Duration, String> {
        cargo(&self.dir, &self.target, args)
    }

    /// `cargo build`, timed.
    ///
    /// # Errors
    ///
    /// As [`cargo`].
    pub fn build(&self) -> Result<Duration, String> {
        self.cargo(&["build"])
    }

    /// Removes the crate's own build output (not its dependencies').
    ///
    /// # Errors
    ///
    /// As [`cargo`].
    pub fn clean_crate(&self) -> Result<(), String> {
        self.cargo(&["clean", "-p", self.style.package()]).map(drop)
    }

    fn deps(&self) -> PathBuf {
        self.target.join("debug/deps")
    }

    fn crate_name(&self) -> String {
        self.style.package().replace('-', "_")
    }

    /// The size of the crate's newest `.rlib` (after a `build`).
    ///
    /// # Errors
    ///
    /// When there is none.
    pub fn rlib_bytes(&self) -> Result<u64, String> {
        let rlib = newest(&self.deps(), &format!("lib{}-", self.crate_name()), ".rlib")?;
        std::fs::metadata(&rlib)
            .map(|m| m.len())
            .map_err(|e| format!("cannot read {}: {e}", rlib.display()))
    }

    /// Rebuilds the crate alone emitting its LLVM IR in one codegen unit (so each function is
    /// defined once, not once per unit that inlines it) and counts it. Run it after the timed
    /// builds: it leaves a differently built crate behind.
    ///
    /// # Errors
    ///
    /// When the build fails or its IR cannot be read.
    pub fn ir(&self) -> Result<IrCount, String> {
        let prefix = format!("{}-", self.crate_name());
        if let Ok(entries) = std::fs::read_dir(self.deps()) {
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with(&prefix) && name.ends_with(".ll") {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        self.cargo(&[
            "rustc",
            "--lib",
            "--",
            "--emit=llvm-ir",
            "-Ccodegen-units=1",
        ])?;
        let file = newest(&self.deps(), &prefix, ".ll")?;
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        Ok(count_ir(&text))
    }
}
