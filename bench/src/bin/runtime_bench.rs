//! Runtime benchmark: the generated `Participant::fetch` against a hand-written reqwest + serde
//! fetch (the floor) and the official Twilio Node helper, all fetching the example participant from
//! the same local server (a child process on one Tokio thread), at concurrency 1 and 64.
//!
//! `cargo run --release -p twilio-resource-bench --bin runtime-bench` (`-- --smoke` for a quick
//! check; `--rounds N --seconds S` to change the shape; `--no-node-install` to use the Node helper
//! only if `bench/node` already has it; `--help` for all). Variants run interleaved, round after
//! round — the Node helper first, then the two Rust variants, taking turns to go first — so drift
//! and the helper's aftermath hit them alike; the report gives medians with min–max and the ratios.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use twilio_local_server::{EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID};
use twilio_resource_bench::example::Participant;
use twilio_resource_bench::instructions;
use twilio_resource_bench::process::{cpu_split, own_cpu_time};
use twilio_resource_bench::server::{ServerProcess, serve_if_asked};
use twilio_resource_bench::stats::{Summary, percentile};

const CONCURRENCIES: [usize; 2] = [1, 64];

#[derive(Debug, Clone, Copy)]
struct Shape {
    rounds: usize,
    seconds: f64,
    warmup: f64,
    /// Whether `npm ci` may run when the Node helper is not installed yet.
    install_node: bool,
    /// Count instructions per fetch under callgrind instead of timing.
    instructions: bool,
    /// Internal: run `fetches` sequential fetches of one variant (what callgrind measures).
    only: Option<(Variant, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Variant {
    Generated,
    HandWritten,
    #[value(skip)]
    NodeHelper,
}

impl Variant {
    const ALL: [Variant; 3] = [
        Variant::Generated,
        Variant::HandWritten,
        Variant::NodeHelper,
    ];

    fn label(self) -> &'static str {
        match self {
            Variant::Generated => "generated Participant::fetch",
            Variant::HandWritten => "hand-written reqwest + serde",
            Variant::NodeHelper => "Twilio Node helper (twilio 6.2.0)",
        }
    }
}

/// One measured run of one variant.
#[derive(Debug, Clone, Copy)]
struct Run {
    per_second: f64,
    p50_us: f64,
    p99_us: f64,
    /// Cores the server used during the run (CPU seconds per wall second).
    server_cores: f64,
    /// Cores the client used.
    client_cores: f64,
}

/// Runtime benchmark: the generated fetch against a hand-written one and Twilio's Node helper.
#[derive(Debug, Parser)]
#[command(name = "runtime-bench")]
struct Cli {
    /// A quick check: 1 round of 0.3 s after 0.1 s of warm-up (`--rounds`/`--seconds` still apply).
    #[arg(long)]
    smoke: bool,
    /// Rounds of every variant and concurrency [default: 10].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    rounds: Option<u64>,
    /// Measured seconds per variant, concurrency and round [default: 2].
    #[arg(long, value_parser = seconds, allow_negative_numbers = true)]
    seconds: Option<f64>,
    /// Use the Node helper only if `bench/node` already has it; never run `npm ci`.
    #[arg(long)]
    no_node_install: bool,
    /// Count instructions per fetch under callgrind instead of timing (needs valgrind).
    #[arg(long, conflicts_with = "only")]
    instructions: bool,
    /// Run `--fetches` sequential fetches of one variant and nothing else (what callgrind measures).
    #[arg(long, value_enum, value_name = "VARIANT", requires = "fetches")]
    only: Option<Variant>,
    /// How many fetches `--only` makes.
    #[arg(long, value_name = "N", requires = "only", value_parser = clap::value_parser!(u64).range(1..))]
    fetches: Option<u64>,
}

/// A positive, finite number of seconds, at most an hour.
fn seconds(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if value.is_finite() && value > 0.0 && value <= 3_600.0 {
        Ok(value)
    } else {
        Err(format!(
            "{text} is not a number of seconds above 0 and at most 3600"
        ))
    }
}

impl Cli {
    fn shape(self) -> Shape {
        let (rounds, seconds, warmup) = if self.smoke {
            (1, 0.3, 0.1)
        } else {
            (10, 2.0, 0.5)
        };
        Shape {
            rounds: self.rounds.map_or(rounds, |n| n as usize),
            seconds: self.seconds.unwrap_or(seconds),
            warmup,
            install_node: !self.no_node_install,
            instructions: self.instructions,
            only: self.only.zip(self.fetches.map(|n| n as usize)),
        }
    }
}

fn main() -> ExitCode {
    if let Some(code) = serve_if_asked() {
        return code;
    }
    let shape = Cli::parse().shape();
    // The client gets one thread (one core), the server the other: neither starves the other.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    runtime.block_on(run(shape))
}

async fn run(shape: Shape) -> ExitCode {
    if shape.instructions {
        return count_instructions();
    }
    let server = ServerProcess::start(&["--threads", "1"]).expect("start the local server");
    if let Some((variant, fetches)) = shape.only {
        return fetch_sequentially(&server, variant, fetches).await;
    }
    let node = prepare_node(shape.install_node);
    if let Err(reason) = &node {
        println!("Node helper skipped: {reason}");
    }
    let generated = server
        .client_builder()
        .build()
        .expect("valid client settings");
    let hand = server.hand_client();

    println!(
        "runtime-bench: {} round(s) of {:.1} s per variant and concurrency (after {:.1} s warm-up), one core for the client, one server thread",
        shape.rounds, shape.seconds, shape.warmup
    );
    let mut runs: Vec<(usize, Variant, Run)> = Vec::new();
    for round in 1..=shape.rounds {
        for concurrency in CONCURRENCIES {
            for variant in round_order(round) {
                let measured = match variant {
                    Variant::Generated => {
                        let client = generated.clone();
                        measure_rust(&server, concurrency, shape, move || {
                            let client = client.clone();
                            async move {
                                let p = Participant::fetch(
                                    &client,
                                    EXAMPLE_CONVERSATION_ID,
                                    EXAMPLE_PARTICIPANT_ID,
                                )
                                .await;
                                p.map(|p| p.name).map_err(|e| e.to_string())
                            }
                        })
                        .await
                    }
                    Variant::HandWritten => {
                        let client = hand.clone();
                        measure_rust(&server, concurrency, shape, move || {
                            let client = client.clone();
                            async move {
                                let p = client
                                    .fetch_participant(
                                        EXAMPLE_CONVERSATION_ID,
                                        EXAMPLE_PARTICIPANT_ID,
                                    )
                                    .await;
                                p.map(|p| p.name).map_err(|e| e.to_string())
                            }
                        })
                        .await
                    }
                    Variant::NodeHelper => match &node {
                        Ok(dir) => measure_node(dir, &server, concurrency, shape),
                        Err(_) => continue,
                    },
                };
                match measured {
                    Ok(run) => {
                        println!(
                            "  round {round} c={concurrency:<3} {:<34} {:>8.0}/s  p50 {:>7.0} µs  p99 {:>7.0} µs  server {:.2} cores  client {:.2} cores",
                            variant.label(),
                            run.per_second,
                            run.p50_us,
                            run.p99_us,
                            run.server_cores,
                            run.client_cores
                        );
                        runs.push((concurrency, variant, run));
                    }
                    Err(message) => {
                        eprintln!(
                            "runtime-bench: {} at concurrency {concurrency} failed: {message}",
                            variant.label()
                        );
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
    }
    report(&runs);
    ExitCode::SUCCESS
}

/// The order of one round: the Node helper first (its process and threads wind down while the
/// next variant runs), then the two Rust variants, which take turns going first (generated first
/// in odd rounds): neither is always the one that follows the helper.
fn round_order(round: usize) -> [Variant; 3] {
    if round % 2 == 1 {
        [
            Variant::NodeHelper,
            Variant::Generated,
            Variant::HandWritten,
        ]
    } else {
        [
            Variant::NodeHelper,
            Variant::HandWritten,
            Variant::Generated,
        ]
    }
}

/// `fetches` sequential fetches of `variant`, checked; the unit callgrind counts.
async fn fetch_sequentially(server: &ServerProcess, variant: Variant, fetches: usize) -> ExitCode {
    let generated = server
        .client_builder()
        .build()
        .expect("valid client settings");
    let hand = server.hand_client();
    let before = cpu_split(std::process::id()).unwrap_or_default();
    for _ in 0..fetches {
        let name = match variant {
            Variant::Generated => {
                Participant::fetch(&generated, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID)
                    .await
                    .map(|p| p.name)
                    .map_err(|e| e.to_string())
            }
            _ => hand
                .fetch_participant(EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID)
                .await
                .map(|p| p.name)
                .map_err(|e| e.to_string()),
        };
        if name.as_ref().ok().and_then(Option::as_deref) != Some("Dana S.") {
            eprintln!("runtime-bench: unexpected answer {name:?}");
            return ExitCode::FAILURE;
        }
    }
    let after = cpu_split(std::process::id()).unwrap_or_default();
    let per_fetch = |a: Duration, b: Duration| (a - b).as_secs_f64() * 1e6 / fetches as f64;
    println!(
        "{fetches} sequential fetches: client CPU per fetch {:.1} µs in user space, {:.1} µs in the kernel",
        per_fetch(after.0, before.0),
        per_fetch(after.1, before.1)
    );
    ExitCode::SUCCESS
}

/// Client instructions per fetch, generated and hand-written: the difference between runs of
/// 500 and 1,500 fetches (start-up and connection set-up cancel out), under callgrind.
fn count_instructions() -> ExitCode {
    if !instructions::available() {
        println!("instruction counts skipped: valgrind is not installed");
        return ExitCode::SUCCESS;
    }
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let mut per_fetch = Vec::new();
    for (variant, name) in [
        (Variant::Generated, "generated"),
        (Variant::HandWritten, "hand-written"),
    ] {
        let mut totals = Vec::new();
        for fetches in [500u64, 1_500] {
            let args = vec![
                "--only".to_owned(),
                name.to_owned(),
                "--fetches".to_owned(),
                fetches.to_string(),
            ];
            match instructions::count(&exe, &args) {
                Ok(total) => totals.push(total),
                Err(message) => {
                    eprintln!("runtime-bench: {message}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let each = totals[1].saturating_sub(totals[0]) as f64 / 1_000.0;
        println!(
            "  {:<34} {each:>10.0} instructions per fetch (client process)",
            variant.label()
        );
        per_fetch.push(each);
    }
    println!(
        "  generated / hand-written: {:.3} (goal: within 3%)",
        per_fetch[0] / per_fetch[1]
    );
    ExitCode::SUCCESS
}

/// Runs `fetch` from `concurrency` tasks for the warm-up, then for the measured time.
async fn measure_rust<F, Fut>(
    server: &ServerProcess,
    concurrency: usize,
    shape: Shape,
    fetch: F,
) -> Result<Run, String>
where
    F: Fn() -> Fut + Clone + 'static,
    Fut: std::future::Future<Output = Result<Option<String>, String>> + 'static,
{
    drive(
        concurrency,
        Duration::from_secs_f64(shape.warmup),
        fetch.clone(),
    )
    .await?;
    let server_cpu = server.cpu_time();
    let own_cpu = own_cpu_time().unwrap_or_default();
    let started = Instant::now();
    let mut latencies = drive(concurrency, Duration::from_secs_f64(shape.seconds), fetch).await?;
    let wall = started.elapsed().as_secs_f64();
    let server_cores = (server.cpu_time() - server_cpu).as_secs_f64() / wall;
    let client_cores = (own_cpu_time().unwrap_or_default() - own_cpu).as_secs_f64() / wall;
    Ok(Run {
        per_second: latencies.len() as f64 / wall,
        p50_us: percentile(&mut latencies, 50.0).as_secs_f64() * 1e6,
        p99_us: percentile(&mut latencies, 99.0).as_secs_f64() * 1e6,
        server_cores,
        client_cores,
    })
}

/// `concurrency` tasks, each fetching in a loop until `length` has passed; every answer is checked.
async fn drive<F, Fut>(
    concurrency: usize,
    length: Duration,
    fetch: F,
) -> Result<Vec<Duration>, String>
where
    F: Fn() -> Fut + Clone + 'static,
    Fut: std::future::Future<Output = Result<Option<String>, String>> + 'static,
{
    let until = Instant::now() + length;
    let local = tokio::task::LocalSet::new();
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let fetch = fetch.clone();
            local.spawn_local(async move {
                let mut latencies = Vec::new();
                while Instant::now() < until {
                    let started = Instant::now();
                    let name = fetch().await?;
                    latencies.push(started.elapsed());
                    if name.as_deref() != Some("Dana S.") {
                        return Err(format!("unexpected participant name {name:?}"));
                    }
                }
                Ok::<_, String>(latencies)
            })
        })
        .collect();
    local
        .run_until(async move {
            let mut all = Vec::new();
            for task in tasks {
                all.extend(task.await.map_err(|e| e.to_string())??);
            }
            Ok(all)
        })
        .await
}

/// The directory holding the Node baseline with its dependencies installed, or why it cannot run.
fn prepare_node(install: bool) -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("node");
    let version = Command::new("node").arg("--version").output();
    if !version.is_ok_and(|out| out.status.success()) {
        return Err("`node` is not installed".into());
    }
    if !dir.join("node_modules/twilio/package.json").exists() {
        if !install {
            return Err(format!(
                "the `twilio` package is not installed in {} (run `npm ci` there)",
                dir.display()
            ));
        }
        println!(
            "installing the Node helper from npm (npm ci in {})",
            dir.display()
        );
        let installed = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .status();
        if !installed.is_ok_and(|status| status.success()) {
            return Err("`npm ci` could not install the `twilio` package".into());
        }
    }
    Ok(dir)
}

#[derive(serde::Deserialize)]
struct NodeRun {
    count: f64,
    seconds: f64,
    p50_us: f64,
    p99_us: f64,
    cpu_us: f64,
}

fn measure_node(
    dir: &Path,
    server: &ServerProcess,
    concurrency: usize,
    shape: Shape,
) -> Result<Run, String> {
    let server_cpu = server.cpu_time();
    let started = Instant::now();
    let output = Command::new("node")
        .arg(dir.join("fetch.mjs"))
        .arg(server.base_url())
        .arg(concurrency.to_string())
        .arg(shape.seconds.to_string())
        .arg(shape.warmup.to_string())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    let total_wall = started.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let run: NodeRun = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "node printed something else ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })?;
    // The server's CPU over the whole node process (start-up and warm-up included), per wall second.
    let server_cores = (server.cpu_time() - server_cpu).as_secs_f64() / total_wall;
    Ok(Run {
        per_second: run.count / run.seconds,
        p50_us: run.p50_us,
        p99_us: run.p99_us,
        server_cores,
        client_cores: run.cpu_us / 1e6 / run.seconds,
    })
}

fn report(runs: &[(usize, Variant, Run)]) {
    // Each variant's runs at one concurrency, in round order.
    let series = |concurrency: usize, variant: Variant| -> Vec<Run> {
        runs.iter()
            .filter(|(c, v, _)| *c == concurrency && *v == variant)
            .map(|(_, _, run)| *run)
            .collect()
    };
    let summary = |runs: &[Run], field: fn(&Run) -> f64| {
        Summary::of(&runs.iter().map(field).collect::<Vec<_>>())
    };
    // The ratio within each round (same minute, same machine state), then its median over rounds.
    let paired = |a: &[Run], b: &[Run], field: fn(&Run) -> f64| {
        Summary::of(
            &a.iter()
                .zip(b)
                .map(|(a, b)| field(a) / field(b))
                .collect::<Vec<_>>(),
        )
    };
    for concurrency in CONCURRENCIES {
        println!(
            "\nconcurrency {concurrency}: median (min–max) over rounds; CPU per fetch from the medians"
        );
        println!(
            "  {:<34} {:>22} {:>18} {:>20} {:>14} {:>14}",
            "variant", "fetches/s", "p50 µs", "p99 µs", "client CPU µs", "server CPU µs"
        );
        for variant in Variant::ALL {
            let runs = series(concurrency, variant);
            if runs.is_empty() {
                continue;
            }
            let per_second = summary(&runs, |r| r.per_second);
            let cpu_us = |cores: f64| cores / per_second.median * 1e6;
            println!(
                "  {:<34} {:>22} {:>18} {:>20} {:>14.1} {:>14.1}",
                variant.label(),
                per_second.to_string(),
                summary(&runs, |r| r.p50_us).to_string(),
                summary(&runs, |r| r.p99_us).to_string(),
                cpu_us(summary(&runs, |r| r.client_cores).median),
                cpu_us(summary(&runs, |r| r.server_cores).median),
            );
        }
        let generated = series(concurrency, Variant::Generated);
        let hand = series(concurrency, Variant::HandWritten);
        let throughput = paired(&generated, &hand, |r| r.per_second);
        let p50 = paired(&generated, &hand, |r| r.p50_us);
        println!(
            "  generated / hand-written, paired by round: throughput {:.3} ({:.3}–{:.3}), p50 {:.3} ({:.3}–{:.3}) (goal: within 3%)",
            throughput.median, throughput.min, throughput.max, p50.median, p50.min, p50.max
        );
        let node = series(concurrency, Variant::NodeHelper);
        if !node.is_empty() {
            let goal = if concurrency == 1 { 4.0 } else { 12.0 };
            let generated_x = paired(&generated, &node, |r| r.per_second);
            let hand_x = paired(&hand, &node, |r| r.per_second);
            println!(
                "  generated / Node helper, paired by round: throughput {:.1}x ({:.1}–{:.1}) (goal: at least {goal}x); hand-written / Node helper: {:.1}x",
                generated_x.median, generated_x.min, generated_x.max, hand_x.median
            );
        }
    }
}
