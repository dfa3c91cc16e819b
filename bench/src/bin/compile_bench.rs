//! Compile-time benchmark: 100 real Twilio resources defined with `#[twilio_resource]` against the
//! same 100 written by hand (model, `Resource` impl, `path`, `fetch`): a clean `cargo build`, a
//! clean build of the crate alone (dependencies built), and an incremental rebuild after touching
//! one file, as medians and ratios; then the macro crate's own clean build time and its dependency
//! tree.
//!
//! `cargo run --release -p twilio-resource-bench --bin compile-bench` (`-- --smoke` builds 3
//! resources once each; `--runs N`, `--count N`, `--skip-dependencies` to leave out the clean builds
//! with dependencies); `compile-bench extract <dir of OpenAPI JSON>`
//! rewrites `bench/data/resources.json`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use twilio_resource_bench::bench_crates::{PER_FILE, Style, write_crate};
use twilio_resource_bench::resources::{Resource, extract};
use twilio_resource_bench::stats::Summary;

const STYLES: [Style; 2] = [Style::Generated, Style::HandWritten];
/// How many resources `extract` keeps, spread over all products: the benchmark's 100.
const STORED: usize = 100;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn data_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/resources.json")
}

#[derive(Debug, Clone, Copy)]
struct Shape {
    runs: usize,
    count: usize,
    smoke: bool,
    /// Skip the clean builds with dependencies (the long part), e.g. to repeat the others more.
    skip_dependencies: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => run_extract(args.get(1)),
        _ => parse_shape(&args).and_then(run),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compile-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_extract(dir: Option<&String>) -> Result<(), String> {
    let dir = dir.ok_or("extract needs the directory of Twilio's OpenAPI JSON files")?;
    let all = extract(Path::new(dir)).map_err(|e| format!("cannot read {dir}: {e}"))?;
    let resources = pick(&all, STORED);
    let json = serde_json::to_string(&resources).map_err(|e| e.to_string())?;
    std::fs::write(data_file(), json + "\n").map_err(|e| e.to_string())?;
    println!(
        "wrote {} of {} resources to {}",
        resources.len(),
        all.len(),
        data_file().display()
    );
    Ok(())
}

fn parse_shape(args: &[String]) -> Result<Shape, String> {
    let mut shape = Shape {
        runs: 3,
        count: 100,
        smoke: false,
        skip_dependencies: false,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || -> Result<usize, String> {
            let text = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            text.parse()
                .map_err(|_| format!("{flag}: {text:?} is not a number"))
        };
        match flag.as_str() {
            "--smoke" => {
                shape.runs = 1;
                shape.count = 3;
                shape.smoke = true;
            }
            "--runs" => shape.runs = value()?.max(1),
            "--skip-dependencies" => shape.skip_dependencies = true,
            "--count" => shape.count = value()?.max(1),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(shape)
}

/// `count` resources spread evenly over the whole list (so every product is represented).
fn pick(all: &[Resource], count: usize) -> Vec<Resource> {
    let count = count.min(all.len());
    (0..count)
        .map(|i| all[i * all.len() / count].clone())
        .collect()
}

/// `cargo <args>` in `dir` with `target` as target dir, quietly; how long it took.
fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Result<Duration, String> {
    let started = Instant::now();
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        // The developer's default: incremental on for local crates.
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

fn run(shape: Shape) -> Result<(), String> {
    let all: Vec<Resource> =
        serde_json::from_slice(&std::fs::read(data_file()).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let resources = pick(&all, shape.count);
    let root = root().canonicalize().map_err(|e| e.to_string())?;
    let work = root.join("target/compile-bench");
    let dir = |style: Style| work.join(style.package());
    let target = |style: Style| {
        if shape.smoke {
            work.join("smoke-target")
        } else {
            work.join(format!("{}-target", style.package()))
        }
    };
    for style in STYLES {
        let _ = std::fs::remove_dir_all(dir(style).join("src"));
        write_crate(
            &dir(style),
            style,
            &resources,
            &root.join("runtime"),
            Some(&root.join("Cargo.lock")),
        )
        .map_err(|e| e.to_string())?;
    }
    let fields: usize = resources.iter().map(|r| r.fields.len()).sum();
    println!(
        "compile-bench: {} resources ({fields} fields) in {} files, {} run(s) each, rustc {}",
        resources.len(),
        resources.len().div_ceil(PER_FILE),
        shape.runs,
        rustc_version()
    );

    let mut table: Vec<(&str, [Summary; 2])> = Vec::new();
    if shape.smoke {
        let times = STYLES.map(|style| cargo(&dir(style), &target(style), &["build"]));
        let [generated, hand] = times;
        let (generated, hand) = (generated?, hand?);
        println!(
            "smoke: both crates build (generated {generated:.1?}, hand-written {hand:.1?}, dependencies shared)"
        );
        return print_tree(&root);
    }

    let mut measure = |label: &'static str,
                       prepare: &dyn Fn(Style, usize) -> Result<(), String>|
     -> Result<(), String> {
        let mut samples = [Vec::new(), Vec::new()];
        for run in 0..shape.runs {
            for (at, style) in STYLES.into_iter().enumerate() {
                prepare(style, run)?;
                let took = cargo(&dir(style), &target(style), &["build"])?;
                println!(
                    "  {label:<36} {:<24} run {} {:>7.2} s",
                    style.package(),
                    run + 1,
                    took.as_secs_f64()
                );
                samples[at].push(took.as_secs_f64());
            }
        }
        table.push((label, samples.map(|s| Summary::of(&s))));
        Ok(())
    };
    if !shape.skip_dependencies {
        measure("clean build (with dependencies)", &|style, _| {
            let _ = std::fs::remove_dir_all(target(style));
            Ok(())
        })?;
    }
    measure("clean build of the crate alone", &|style, _| {
        cargo(
            &dir(style),
            &target(style),
            &["clean", "-p", style.package()],
        )
        .map(|_| ())
    })?;
    let touched = format!("src/r{:02}.rs", resources.len().div_ceil(PER_FILE) / 2);
    measure("incremental, one file touched", &|style, run| {
        let file = dir(style).join(&touched);
        let mut text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        text.push_str(&format!("// touched {run}\n"));
        std::fs::write(&file, text).map_err(|e| e.to_string())
    })?;

    println!(
        "\n{:<36} {:>22} {:>22} {:>8}",
        "seconds, median (min–max)", "generated", "hand-written", "ratio"
    );
    for (label, [generated, hand]) in &table {
        println!(
            "{label:<36} {:>22} {:>22} {:>7.2}x",
            format!(
                "{:.2} ({:.2}–{:.2})",
                generated.median, generated.min, generated.max
            ),
            format!("{:.2} ({:.2}–{:.2})", hand.median, hand.min, hand.max),
            generated.median / hand.median
        );
    }

    let macro_target = work.join("macro-target");
    let mut macro_times = Vec::new();
    for _ in 0..shape.runs {
        let _ = std::fs::remove_dir_all(&macro_target);
        macro_times.push(
            cargo(
                &root,
                &macro_target,
                &["build", "-p", "twilio-resource-macros"],
            )?
            .as_secs_f64(),
        );
    }
    let macro_time = Summary::of(&macro_times);
    println!(
        "\nmacro crate clean build (twilio-resource-macros and its dependencies): {:.2} s ({:.2}–{:.2})",
        macro_time.median, macro_time.min, macro_time.max
    );
    print_tree(&root)
}

/// The macro crate's dependency tree: how many crates, and which syn.
fn print_tree(root: &Path) -> Result<(), String> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "tree",
            "-p",
            "twilio-resource-macros",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo tree: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut crates: Vec<&str> = text
        .lines()
        .map(|line| line.trim_end_matches(" (*)"))
        .collect();
    crates.sort_unstable();
    crates.dedup();
    let syn: Vec<&&str> = crates.iter().filter(|c| c.starts_with("syn ")).collect();
    println!(
        "macro crate dependency tree: {} crates including itself: {}",
        crates.len(),
        crates.join(", ")
    );
    if syn.len() != 1 {
        return Err(format!(
            "expected exactly one syn in the macro's tree, found {syn:?}"
        ));
    }
    Ok(())
}

fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}
