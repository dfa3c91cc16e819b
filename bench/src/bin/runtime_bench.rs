//! Runtime benchmark: the generated `Participant::fetch` against a hand-written reqwest + serde
//! fetch (the floor) and the official Twilio Node helper, all fetching the seed participant from
//! the same local server (a child process on one Tokio thread), at concurrency 1 and 64.
//!
//! `cargo run --release -p twilio-resource-bench --bin runtime-bench` (`-- --smoke` for a quick
//! check; `--rounds N --seconds S` to change the shape; `--no-node-install` to use the Node helper
//! only if `bench/node` already has it). Variants run interleaved, round after
//! round, so drift hits them alike; the report gives medians with min–max and the ratios.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use twilio_local_server::{
    DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID,
};
use twilio_resource::Client;
use twilio_resource_bench::example::Participant;
use twilio_resource_bench::hand_written::HandClient;
use twilio_resource_bench::process::own_cpu_time;
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Generated,
    HandWritten,
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

fn parse_shape() -> Result<Shape, String> {
    let mut shape = Shape {
        rounds: 5,
        seconds: 3.0,
        warmup: 1.0,
        install_node: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || -> Result<f64, String> {
            let text = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            text.parse()
                .map_err(|_| format!("{flag}: {text:?} is not a number"))
        };
        match flag.as_str() {
            "--smoke" => {
                shape.rounds = 1;
                shape.seconds = 0.3;
                shape.warmup = 0.1;
            }
            "--no-node-install" => shape.install_node = false,
            "--rounds" => shape.rounds = value()?.max(1.0) as usize,
            "--seconds" => shape.seconds = value()?,
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(shape)
}

fn main() -> ExitCode {
    if let Some(code) = serve_if_asked() {
        return code;
    }
    let shape = match parse_shape() {
        Ok(shape) => shape,
        Err(message) => {
            eprintln!("runtime-bench: {message}");
            return ExitCode::from(2);
        }
    };
    // The client gets one thread (one core), the server the other: neither starves the other.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    runtime.block_on(run(shape))
}

async fn run(shape: Shape) -> ExitCode {
    let server = ServerProcess::start(&["--threads", "1"]).expect("start the local server");
    let node = prepare_node(shape.install_node);
    if let Err(reason) = &node {
        println!("Node helper skipped: {reason}");
    }
    let generated = Client::builder()
        .account_sid(DEFAULT_ACCOUNT_SID)
        .auth_token(DEFAULT_AUTH_TOKEN)
        .base_url(server.base_url())
        .build()
        .expect("valid client settings");
    let hand = HandClient::new(server.base_url(), DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN)
        .expect("a reqwest client");

    println!(
        "runtime-bench: {} round(s) of {:.1} s per variant and concurrency (after {:.1} s warm-up), one core for the client, one server thread",
        shape.rounds, shape.seconds, shape.warmup
    );
    let mut runs: Vec<(usize, Variant, Run)> = Vec::new();
    for round in 1..=shape.rounds {
        for concurrency in CONCURRENCIES {
            for variant in Variant::ALL {
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
                    if name.as_deref() != Some("Dana") {
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
    let pick = |concurrency: usize, variant: Variant, field: fn(&Run) -> f64| -> Summary {
        let values: Vec<f64> = runs
            .iter()
            .filter(|(c, v, _)| *c == concurrency && *v == variant)
            .map(|(_, _, run)| field(run))
            .collect();
        Summary::of(&values)
    };
    for concurrency in CONCURRENCIES {
        println!("\nconcurrency {concurrency}: median (min–max)");
        println!(
            "  {:<34} {:>22} {:>20} {:>20} {:>12} {:>12}",
            "variant", "fetches/s", "p50 µs", "p99 µs", "server cores", "client cores"
        );
        for variant in Variant::ALL {
            if !runs
                .iter()
                .any(|(c, v, _)| *c == concurrency && *v == variant)
            {
                continue;
            }
            println!(
                "  {:<34} {:>22} {:>20} {:>20} {:>12.2} {:>12.2}",
                variant.label(),
                pick(concurrency, variant, |r| r.per_second).to_string(),
                pick(concurrency, variant, |r| r.p50_us).to_string(),
                pick(concurrency, variant, |r| r.p99_us).to_string(),
                pick(concurrency, variant, |r| r.server_cores).median,
                pick(concurrency, variant, |r| r.client_cores).median,
            );
        }
        let generated = pick(concurrency, Variant::Generated, |r| r.per_second).median;
        let hand = pick(concurrency, Variant::HandWritten, |r| r.per_second).median;
        let p50_generated = pick(concurrency, Variant::Generated, |r| r.p50_us).median;
        let p50_hand = pick(concurrency, Variant::HandWritten, |r| r.p50_us).median;
        println!(
            "  generated / hand-written: throughput {:.3}, p50 {:.3} (goal: within 3%)",
            generated / hand,
            p50_generated / p50_hand
        );
        let node = pick(concurrency, Variant::NodeHelper, |r| r.per_second).median;
        if node > 0.0 {
            let goal = if concurrency == 1 { 4.0 } else { 12.0 };
            println!(
                "  generated / Node helper: throughput {:.1}x (goal: at least {goal}x); hand-written / Node helper: {:.1}x",
                generated / node,
                hand / node
            );
        }
    }
}
