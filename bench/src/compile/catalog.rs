//! The catalog's compile time, product by product: a clean debug build of `twilio-catalog` and
//! its generated part crates with one product's feature (then with `full`), its dependencies
//! already built, timed on the wall and in CPU, with the peak resident memory of the processes it
//! ran (rustc's, as no other process of a build comes near it).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use nix::sys::time::TimeValLike as _;

/// The packages a catalog build compiles beyond its dependencies: cleaned before each timed run.
const PACKAGES: &[&str] = &[
    "twilio-catalog",
    "twilio-catalog-part1",
    "twilio-catalog-part2",
    "twilio-catalog-support",
];

/// What one build cost.
#[derive(Debug, Clone, Copy)]
pub struct BuildCost {
    /// Wall-clock time, start to finish.
    pub wall: Duration,
    /// User plus system CPU time of every process it ran.
    pub cpu: Duration,
    /// The largest peak resident set of any one process it ran, in bytes.
    pub peak_rss: u64,
}

/// One product: its feature and how many operations the catalog generates for it.
#[derive(Debug, Clone)]
pub struct Product {
    /// The feature, `api-v2010`; `full` for all of them.
    pub feature: String,
    /// Operations generated for it (from `catalog/operations.json`).
    pub operations: usize,
}

/// The catalog's products: every feature of `catalog/Cargo.toml` that enables a part crate (one
/// per description, in file order), each with its count of generated operations from
/// `catalog/operations.json` (0 for a description that has none); then `full`.
///
/// # Errors
///
/// When the manifest or the index cannot be read.
pub fn products(root: &Path) -> Result<Vec<Product>, String> {
    let read = |name: &str| {
        let file = root.join("catalog").join(name);
        std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))
    };
    let index: Vec<serde_json::Value> = serde_json::from_str(&read("operations.json")?)
        .map_err(|e| format!("catalog/operations.json: {e}"))?;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &index {
        let generated = !entry.get("call").is_none_or(serde_json::Value::is_null);
        if let Some(feature) = entry.get("feature").and_then(serde_json::Value::as_str) {
            *counts.entry(feature).or_default() += usize::from(generated);
        }
    }
    // A product's feature line: `api-v2010 = ["dep:twilio-catalog-part1", …]`.
    let mut products: Vec<Product> = read("Cargo.toml")?
        .lines()
        .filter_map(|line| line.split_once(" = [\"dep:"))
        .map(|(feature, _)| Product {
            feature: feature.to_owned(),
            operations: counts.get(feature).copied().unwrap_or(0),
        })
        .collect();
    if products.is_empty() {
        return Err("catalog/Cargo.toml names no product feature".to_owned());
    }
    let total = products.iter().map(|p| p.operations).sum();
    products.push(Product {
        feature: "full".to_owned(),
        operations: total,
    });
    Ok(products)
}

/// The catalog's build commands in the workspace at `root`, with their own target directory.
#[derive(Debug, Clone)]
pub struct CatalogBuild<'a> {
    /// The workspace.
    pub root: &'a Path,
    /// The target directory, kept between runs so only the catalog is rebuilt.
    pub target: &'a Path,
}

impl CatalogBuild<'_> {
    /// Builds the catalog with every product once, untimed, so that every dependency is built.
    ///
    /// # Errors
    ///
    /// When the build fails.
    pub fn prepare(&self) -> Result<BuildCost, String> {
        self.build("full")
    }

    /// Removes the catalog's own build output, then builds it with `feature`, measured.
    ///
    /// # Errors
    ///
    /// When cargo fails.
    pub fn clean_build(&self, feature: &str) -> Result<BuildCost, String> {
        let mut clean = vec!["clean"];
        for package in PACKAGES {
            clean.extend(["-p", package]);
        }
        self.cargo(&clean)?;
        self.build(feature)
    }

    fn build(&self, feature: &str) -> Result<BuildCost, String> {
        let features = format!("twilio-catalog/{feature}");
        self.cargo(&["build", "-p", "twilio-catalog", "--features", &features])
    }

    /// `cargo <args>`, run under this binary's `rusage` command so that its CPU time and peak
    /// memory are those of this one build (a process's children figures only grow).
    fn cargo(&self, args: &[&str]) -> Result<BuildCost, String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let started = Instant::now();
        let output = Command::new(exe)
            .args(["rusage", "--", &cargo, "--offline", "--locked"])
            .args(args)
            .current_dir(self.root)
            .env("CARGO_TARGET_DIR", self.target)
            // The developer's defaults: incremental on for workspace crates, no extra flags.
            .env_remove("CARGO_INCREMENTAL")
            .env_remove("RUSTFLAGS")
            // A user's debug build has full debug info; this workspace's profile keeps only lines.
            .env("CARGO_PROFILE_DEV_DEBUG", "true")
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let wall = started.elapsed();
        if !output.status.success() {
            return Err(format!(
                "cargo {} failed:\n{}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let (cpu, peak_rss) = stdout
            .lines()
            .rev()
            .find_map(parse_usage_line)
            .ok_or_else(|| format!("cargo {} printed no usage line", args.join(" ")))?;
        Ok(BuildCost {
            wall,
            cpu,
            peak_rss,
        })
    }
}

/// The line [`run_measured`] prints: `rusage <cpu microseconds> <peak rss bytes>`.
fn parse_usage_line(line: &str) -> Option<(Duration, u64)> {
    let mut words = line.strip_prefix("rusage ")?.split(' ');
    let cpu: u64 = words.next()?.parse().ok()?;
    let rss: u64 = words.next()?.parse().ok()?;
    Some((Duration::from_micros(cpu), rss))
}

/// Runs `command` (in this process's directory and environment, its output passed through), then
/// prints one line with the CPU time and the largest peak memory of it and every process it
/// waited for; the exit code is the command's.
///
/// # Errors
///
/// When the command cannot start or the usage cannot be read.
pub fn run_measured(command: &[String]) -> Result<i32, String> {
    let (program, args) = command.split_first().ok_or("rusage: no command to run")?;
    let status = Command::new(program)
        .args(args)
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|e| format!("getrusage: {e}"))?;
    let micros = |t: nix::sys::time::TimeVal| u64::try_from(t.num_microseconds()).unwrap_or(0);
    let cpu = micros(usage.user_time()).saturating_add(micros(usage.system_time()));
    // Linux reports `ru_maxrss` in KiB.
    let rss = u64::try_from(usage.max_rss())
        .unwrap_or(0)
        .saturating_mul(1024);
    println!("rusage {cpu} {rss}");
    Ok(status.code().unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usage_line_and_nothing_else() {
        assert_eq!(
            parse_usage_line("rusage 1500000 2048"),
            Some((Duration::from_millis(1500), 2048))
        );
        assert_eq!(parse_usage_line("   Compiling serde"), None);
        assert_eq!(parse_usage_line("rusage x 1"), None);
    }

    #[test]
    fn every_product_of_the_index_is_listed_once_then_full() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let products = products(&root).expect("the index reads");
        assert_eq!(products.len(), 57, "56 products and full");
        let last = products.last().expect("full");
        assert_eq!(last.feature, "full");
        let sum: usize = products[..56].iter().map(|p| p.operations).sum();
        assert_eq!(last.operations, sum);
        assert_eq!(sum, 1_463, "every generated operation counted once");
        assert!(
            products
                .iter()
                .any(|p| p.feature == "api-v2010" && p.operations > 100)
        );
    }
}
