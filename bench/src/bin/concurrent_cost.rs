//! Cost per fetch at concurrency 64, measured so that it does not swing: the generated
//! `Participant::fetch` against the hand-written reqwest + serde floor.
//!
//! The local server runs in a process of its own (one Tokio worker); each measured client process
//! makes a fixed number of fetches of the example participant from 64 spawned tasks on a
//! current-thread runtime. Two measures:
//!
//! - `counts` (needs valgrind): the client process under `valgrind --tool=callgrind` and
//!   `valgrind --tool=cachegrind --cache-sim=yes` (fixed cache geometry), for a long and a short
//!   run; the difference divided by the difference in fetches is the cost of one fetch, start-up
//!   and connection set-up cancelled out. Instructions, D1 read and write misses, LL misses.
//! - `cpu`: user and kernel CPU per fetch of the client process (`getrusage` of the finished
//!   child), over interleaved rounds, generated and hand-written alternating in ABBA order.
//!
//! ```sh
//! cargo run --release -p twilio-resource-bench --bin concurrent-cost            # counts, then cpu
//! cargo run --release -p twilio-resource-bench --bin concurrent-cost -- counts --keep target/concurrent-cost
//! cargo run --release -p twilio-resource-bench --bin concurrent-cost -- cpu --rounds 10
//! ```
//!
//! `--keep DIR` leaves the profiles of the long runs in `DIR` for `callgrind_annotate --inclusive=yes`
//! and `cg_annotate`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand, ValueEnum};
use nix::sys::resource::{UsageWho, getrusage};
use twilio_local_server::{
    DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID,
};
use twilio_resource::Client;
use twilio_resource_bench::example::Participant;
use twilio_resource_bench::hand_written::HandClient;
use twilio_resource_bench::instructions;
use twilio_resource_bench::server::{ServerProcess, serve_if_asked};
use twilio_resource_bench::stats::Summary;

/// Cache geometry of the simulation, fixed so that the counts do not depend on what the host
/// reports: 32 KiB 8-way L1 caches and a 32 MiB 16-way last level, 64-byte lines.
const CACHE_GEOMETRY: [&str; 3] = ["--I1=32768,8,64", "--D1=32768,8,64", "--LL=33554432,16,64"];

#[derive(Debug, Parser)]
#[command(
    name = "concurrent-cost",
    about = "Cost per fetch at concurrency 64: generated Participant::fetch vs hand-written reqwest + serde",
    long_about = None
)]
struct Cli {
    /// What to measure; without one, `counts` and then `cpu` with their defaults.
    #[command(subcommand)]
    command: Option<Mode>,
}

#[derive(Debug, Subcommand)]
enum Mode {
    /// Instructions, D1 and LL misses per fetch under valgrind, two run lengths differenced.
    Counts(CountsArgs),
    /// User and kernel CPU per fetch over interleaved rounds of whole client processes.
    Cpu(CpuArgs),
    /// One client process: FETCHES fetches of one variant (what the other modes measure).
    #[command(hide = true)]
    Run(RunArgs),
}

#[derive(Debug, Clone, Args)]
struct CountsArgs {
    /// Fetches in the long run.
    #[arg(long, default_value_t = 6_400)]
    long: usize,
    /// Fetches in the short run.
    #[arg(long, default_value_t = 1_280)]
    short: usize,
    /// Tasks fetching at once.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Keep the callgrind and cachegrind profiles of the long runs in this directory.
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
}

impl Default for CountsArgs {
    fn default() -> Self {
        Self {
            long: 6_400,
            short: 1_280,
            concurrency: 64,
            keep: None,
        }
    }
}

#[derive(Debug, Clone, Args)]
struct CpuArgs {
    /// Rounds; each runs both variants once, in ABBA order over pairs of rounds.
    #[arg(long, default_value_t = 6)]
    rounds: usize,
    /// Fetches per client process.
    #[arg(long, default_value_t = 64_000)]
    fetches: usize,
    /// Tasks fetching at once.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
}

impl Default for CpuArgs {
    fn default() -> Self {
        Self {
            rounds: 6,
            fetches: 64_000,
            concurrency: 64,
        }
    }
}

#[derive(Debug, Clone, Args)]
struct RunArgs {
    #[arg(long, value_enum)]
    variant: Variant,
    #[arg(long)]
    fetches: usize,
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// The server to fetch from; without it the process starts its own.
    #[arg(long)]
    base_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Variant {
    Generated,
    HandWritten,
}

impl Variant {
    const BOTH: [Variant; 2] = [Variant::Generated, Variant::HandWritten];

    fn name(self) -> &'static str {
        match self {
            Variant::Generated => "generated",
            Variant::HandWritten => "hand-written",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Variant::Generated => "generated Participant::fetch",
            Variant::HandWritten => "hand-written reqwest + serde",
        }
    }
}

fn main() -> ExitCode {
    if let Some(code) = serve_if_asked() {
        return code;
    }
    let result = match Cli::parse().command {
        Some(Mode::Run(args)) => run(&args),
        Some(Mode::Counts(args)) => counts(&args),
        Some(Mode::Cpu(args)) => cpu(&args),
        None => counts(&CountsArgs::default()).and_then(|()| cpu(&CpuArgs::default())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("concurrent-cost: {message}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The measured client process

fn run(args: &RunArgs) -> Result<(), String> {
    let own_server = match &args.base_url {
        Some(_) => None,
        None => Some(start_server()?),
    };
    let base_url = match (&args.base_url, &own_server) {
        (Some(url), _) => url.clone(),
        (None, Some(server)) => server.base_url().to_owned(),
        (None, None) => unreachable!("a server was started"),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("no Tokio runtime: {e}"))?;
    runtime.block_on(fetch_all(
        args.variant,
        &base_url,
        args.fetches,
        args.concurrency,
    ))
}

/// `fetches` fetches from `concurrency` spawned tasks, each holding its own clone of the client
/// (no clone per call on either side); every answer is checked.
async fn fetch_all(
    variant: Variant,
    base_url: &str,
    fetches: usize,
    concurrency: usize,
) -> Result<(), String> {
    let next = Arc::new(AtomicUsize::new(0));
    let claim = move |next: &AtomicUsize| next.fetch_add(1, Ordering::Relaxed) < fetches;
    let mut tasks = Vec::with_capacity(concurrency);
    match variant {
        Variant::Generated => {
            let client = Client::builder()
                .account_sid(DEFAULT_ACCOUNT_SID)
                .auth_token(DEFAULT_AUTH_TOKEN)
                .base_url(base_url)
                .build()
                .map_err(|e| e.to_string())?;
            for _ in 0..concurrency {
                let (client, next) = (client.clone(), Arc::clone(&next));
                tasks.push(tokio::spawn(async move {
                    while claim(&next) {
                        let participant = Participant::fetch(
                            &client,
                            EXAMPLE_CONVERSATION_ID,
                            EXAMPLE_PARTICIPANT_ID,
                        )
                        .await
                        .map_err(|e| e.to_string())?;
                        check(participant.name.as_deref())?;
                    }
                    Ok::<_, String>(())
                }));
            }
        }
        Variant::HandWritten => {
            let client = HandClient::new(base_url, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN)
                .map_err(|e| e.to_string())?;
            for _ in 0..concurrency {
                let (client, next) = (client.clone(), Arc::clone(&next));
                tasks.push(tokio::spawn(async move {
                    while claim(&next) {
                        let participant = client
                            .fetch_participant(EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID)
                            .await
                            .map_err(|e| e.to_string())?;
                        check(participant.name.as_deref())?;
                    }
                    Ok::<_, String>(())
                }));
            }
        }
    }
    for task in tasks {
        task.await.map_err(|e| e.to_string())??;
    }
    Ok(())
}

/// Every answer must carry the example participant's name, as the server stores it.
fn check(name: Option<&str>) -> Result<(), String> {
    static EXPECTED: OnceLock<Option<String>> = OnceLock::new();
    let expected = EXPECTED.get_or_init(|| {
        twilio_local_server::example_participant()["name"]
            .as_str()
            .map(str::to_owned)
    });
    if name == expected.as_deref() {
        Ok(())
    } else {
        Err(format!(
            "unexpected participant name {name:?}, expected {expected:?}"
        ))
    }
}

fn start_server() -> Result<ServerProcess, String> {
    ServerProcess::start(&["--threads", "1"]).map_err(|e| format!("cannot start the server: {e}"))
}

fn run_args(variant: Variant, fetches: usize, concurrency: usize, base_url: &str) -> Vec<String> {
    vec![
        "run".to_owned(),
        "--variant".to_owned(),
        variant.name().to_owned(),
        "--fetches".to_owned(),
        fetches.to_string(),
        "--concurrency".to_owned(),
        concurrency.to_string(),
        "--base-url".to_owned(),
        base_url.to_owned(),
    ]
}

// ---------------------------------------------------------------------------------------------
// counts: callgrind and cachegrind, differenced

/// Per-fetch costs of one variant, from the difference between the long and the short run.
#[derive(Debug, Clone, Copy, Default)]
struct Costs {
    instructions: f64,
    /// Instructions as cachegrind counts them (a cross-check of callgrind's).
    cachegrind_instructions: f64,
    d1_read_misses: f64,
    d1_write_misses: f64,
    ll_misses: f64,
    /// Every memory access weighed by where it was served, iai's model: an L1 hit 1, a last-level
    /// hit 5, a miss to memory 35 (accesses are instruction fetches, data reads and writes).
    estimated_cycles: f64,
    /// Whole long run, for scale.
    long_d1_misses: u64,
}

fn counts(args: &CountsArgs) -> Result<(), String> {
    if args.long <= args.short {
        return Err("--long must be larger than --short".into());
    }
    if !instructions::available() {
        return Err("valgrind is not installed".into());
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let scratch = std::env::temp_dir().join(format!("concurrent-cost-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
    if let Some(keep) = &args.keep {
        std::fs::create_dir_all(keep).map_err(|e| format!("{}: {e}", keep.display()))?;
    }
    let server = start_server()?;
    println!(
        "concurrent-cost counts: {} and {} fetches at concurrency {}, differenced; client process under valgrind, server in its own process (one thread)",
        args.long, args.short, args.concurrency
    );
    print_future_sizes(server.base_url());
    let mut costs = Vec::new();
    for variant in Variant::BOTH {
        let mut totals = Vec::new();
        for fetches in [args.long, args.short] {
            let run = run_args(variant, fetches, args.concurrency, server.base_url());
            let out = |tool: &str| -> PathBuf {
                match &args.keep {
                    Some(dir) if fetches == args.long => {
                        dir.join(format!("{tool}.out.{}", variant.name()))
                    }
                    _ => scratch.join(format!("{tool}.out.{}.{fetches}", variant.name())),
                }
            };
            let callgrind = out("callgrind");
            valgrind(
                &exe,
                &[
                    "--tool=callgrind".into(),
                    format!("--callgrind-out-file={}", callgrind.display()),
                ],
                &run,
            )?;
            let cachegrind = out("cachegrind");
            let mut options = vec![
                "--tool=cachegrind".to_owned(),
                "--cache-sim=yes".to_owned(),
                format!("--cachegrind-out-file={}", cachegrind.display()),
            ];
            options.extend(CACHE_GEOMETRY.map(str::to_owned));
            valgrind(&exe, &options, &run)?;
            totals.push(Profile {
                callgrind: summary(&callgrind)?,
                cachegrind: summary(&cachegrind)?,
            });
        }
        let fetched = (args.long - args.short) as f64;
        let (long, short) = (&totals[0], &totals[1]);
        let per = |tool: fn(&Profile) -> &Events, events: &[&str]| -> Result<f64, String> {
            let (long, short) = (total(tool(long), events)?, total(tool(short), events)?);
            Ok((long as f64 - short as f64) / fetched)
        };
        let cache = Profile::cachegrind;
        let cost = Costs {
            instructions: per(Profile::callgrind, &["Ir"])?,
            cachegrind_instructions: per(cache, &["Ir"])?,
            d1_read_misses: per(cache, &["D1mr"])?,
            d1_write_misses: per(cache, &["D1mw"])?,
            ll_misses: per(cache, &["ILmr", "DLmr", "DLmw"])?,
            estimated_cycles: {
                let accesses = per(cache, &["Ir", "Dr", "Dw"])?;
                let l1_misses = per(cache, &["I1mr", "D1mr", "D1mw"])?;
                let ll_misses = per(cache, &["ILmr", "DLmr", "DLmw"])?;
                (accesses - l1_misses) + 5.0 * (l1_misses - ll_misses) + 35.0 * ll_misses
            },
            long_d1_misses: total(&long.cachegrind, &["D1mr", "D1mw"])?,
        };
        println!(
            "  {:<30} {:>9.0} instructions  D1 misses {:>6.1} rd + {:>6.1} wr  LL misses {:>5.2}  (per fetch)",
            variant.label(),
            cost.instructions,
            cost.d1_read_misses,
            cost.d1_write_misses,
            cost.ll_misses
        );
        costs.push(cost);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let (g, h) = (costs[0], costs[1]);
    println!(
        "\n  per fetch at c={}          {:>14} {:>14} {:>8}",
        args.concurrency, "generated", "hand-written", "ratio"
    );
    let row = |name: &str, g: f64, h: f64, digits: usize| {
        println!(
            "  {name:<28} {g:>14.digits$} {h:>14.digits$} {:>8.4}",
            g / h
        );
    };
    row(
        "instructions (callgrind)",
        g.instructions,
        h.instructions,
        0,
    );
    row(
        "instructions (cachegrind)",
        g.cachegrind_instructions,
        h.cachegrind_instructions,
        0,
    );
    row("D1 read misses", g.d1_read_misses, h.d1_read_misses, 1);
    row("D1 write misses", g.d1_write_misses, h.d1_write_misses, 1);
    row(
        "D1 misses",
        g.d1_read_misses + g.d1_write_misses,
        h.d1_read_misses + h.d1_write_misses,
        1,
    );
    row("LL misses", g.ll_misses, h.ll_misses, 2);
    row(
        "estimated cycles",
        g.estimated_cycles,
        h.estimated_cycles,
        0,
    );
    row(
        &format!("D1 misses, whole {} run", args.long),
        g.long_d1_misses as f64,
        h.long_d1_misses as f64,
        0,
    );
    println!(
        "  cache geometry: {} (cachegrind); estimated cycles: L1 hits + 5 x last-level hits + 35 x misses to memory, over every access (iai's model)",
        CACHE_GEOMETRY.join(" ")
    );
    if let Some(keep) = &args.keep {
        println!(
            "  profiles of the {}-fetch runs in {} (callgrind_annotate --inclusive=yes, cg_annotate)",
            args.long,
            keep.display()
        );
    }
    Ok(())
}

/// Runs `exe args` under valgrind with `options`; the client process only, not the server.
fn valgrind(exe: &Path, options: &[String], args: &[String]) -> Result<(), String> {
    let output = Command::new("valgrind")
        .args(options)
        .arg("--trace-children=no")
        .arg(exe)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run valgrind: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} {} failed under valgrind:\n{}",
            exe.display(),
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Event names and totals of one profile.
type Events = Vec<(String, u64)>;

/// The callgrind and cachegrind profiles of one run.
struct Profile {
    callgrind: Events,
    cachegrind: Events,
}

impl Profile {
    fn callgrind(&self) -> &Events {
        &self.callgrind
    }

    fn cachegrind(&self) -> &Events {
        &self.cachegrind
    }
}

/// The `events:` names and the `summary:` (cachegrind) or `totals:` (callgrind) line of a profile.
fn summary(profile: &Path) -> Result<Events, String> {
    let text =
        std::fs::read_to_string(profile).map_err(|e| format!("{}: {e}", profile.display()))?;
    let field = |prefix: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(prefix))
            .map(str::split_whitespace)
    };
    let events =
        field("events:").ok_or_else(|| format!("{}: no events line", profile.display()))?;
    let values = field("summary:")
        .or_else(|| field("totals:"))
        .ok_or_else(|| format!("{}: no summary line", profile.display()))?;
    Ok(events
        .zip(values)
        .map(|(event, value)| (event.to_owned(), value.parse().unwrap_or(0)))
        .collect())
}

/// The sum of `names` in a profile's totals.
fn total(events: &Events, names: &[&str]) -> Result<u64, String> {
    names
        .iter()
        .map(|name| {
            events
                .iter()
                .find(|(event, _)| event == name)
                .map(|(_, value)| *value)
                .ok_or_else(|| format!("no {name} in the profile"))
        })
        .sum()
}

/// Bytes of the future one call creates (not polled), on each side: what every poll boundary moves.
fn print_future_sizes(base_url: &str) {
    let generated = Client::builder()
        .account_sid(DEFAULT_ACCOUNT_SID)
        .auth_token(DEFAULT_AUTH_TOKEN)
        .base_url(base_url)
        .build();
    let hand = HandClient::new(base_url, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
    if let (Ok(generated), Ok(hand)) = (generated, hand) {
        let g = std::mem::size_of_val(&Participant::fetch(
            &generated,
            EXAMPLE_CONVERSATION_ID,
            EXAMPLE_PARTICIPANT_ID,
        ));
        let h = std::mem::size_of_val(
            &hand.fetch_participant(EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID),
        );
        println!("  future of one call: generated {g} bytes, hand-written {h} bytes");
    }
}

// ---------------------------------------------------------------------------------------------
// cpu: interleaved rounds of whole client processes

fn cpu(args: &CpuArgs) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let server = start_server()?;
    println!(
        "concurrent-cost cpu: {} round(s) of {} fetches at concurrency {} per variant, ABBA order; CPU of the finished client process (getrusage)",
        args.rounds, args.fetches, args.concurrency
    );
    let mut runs: Vec<CpuRun> = Vec::new();
    for round in 0..args.rounds {
        let order = if round % 2 == 0 {
            Variant::BOTH
        } else {
            [Variant::HandWritten, Variant::Generated]
        };
        for variant in order {
            let before = children_cpu()?;
            let server_before = server.cpu_time();
            let started = Instant::now();
            let status = Command::new(&exe)
                .args(run_args(
                    variant,
                    args.fetches,
                    args.concurrency,
                    server.base_url(),
                ))
                .stdin(Stdio::null())
                .status()
                .map_err(|e| format!("cannot start a client process: {e}"))?;
            let wall = started.elapsed().as_secs_f64();
            if !status.success() {
                return Err(format!("the {} client process failed", variant.name()));
            }
            let after = children_cpu()?;
            let per_fetch = |d: Duration| d.as_secs_f64() * 1e6 / args.fetches as f64;
            let user = per_fetch(after.0 - before.0);
            let kernel = per_fetch(after.1 - before.1);
            let server_cpu = per_fetch(server.cpu_time() - server_before);
            println!(
                "  round {:>2} {:<30} user {user:>6.2} µs  kernel {kernel:>6.2} µs per fetch  wall {wall:>6.2} s  server {server_cpu:>5.1} µs",
                round + 1,
                variant.label()
            );
            runs.push(CpuRun {
                variant,
                user,
                kernel,
                wall,
            });
        }
    }
    let series = |variant: Variant, field: fn(&CpuRun) -> f64| {
        runs.iter()
            .filter(|run| run.variant == variant)
            .map(field)
            .collect::<Vec<_>>()
    };
    println!("\n  median (min–max) over rounds, per fetch");
    let show = |summary: Summary| {
        format!(
            "{:.2} ({:.2}–{:.2})",
            summary.median, summary.min, summary.max
        )
    };
    for variant in Variant::BOTH {
        println!(
            "  {:<30} user µs {}  kernel µs {}  wall s {}",
            variant.label(),
            show(Summary::of(&series(variant, |r| r.user))),
            show(Summary::of(&series(variant, |r| r.kernel))),
            show(Summary::of(&series(variant, |r| r.wall))),
        );
    }
    let paired = |field: fn(&CpuRun) -> f64| {
        let (g, h) = (
            series(Variant::Generated, field),
            series(Variant::HandWritten, field),
        );
        Summary::of(&g.iter().zip(&h).map(|(g, h)| g / h).collect::<Vec<_>>())
    };
    let user = paired(|r| r.user);
    let total = paired(|r| r.user + r.kernel);
    let wall = paired(|r| r.wall);
    println!(
        "  generated / hand-written, paired by round: user CPU {:.3} ({:.3}–{:.3}), user+kernel {:.3} ({:.3}–{:.3}), wall {:.3} ({:.3}–{:.3})",
        user.median,
        user.min,
        user.max,
        total.median,
        total.min,
        total.max,
        wall.median,
        wall.min,
        wall.max
    );
    Ok(())
}

/// One client process of the `cpu` mode: CPU per fetch (µs) and wall time (s).
#[derive(Debug, Clone, Copy)]
struct CpuRun {
    variant: Variant,
    user: f64,
    kernel: f64,
    wall: f64,
}

/// User and kernel CPU of this process's finished and waited-for children so far.
fn children_cpu() -> Result<(Duration, Duration), String> {
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|e| format!("getrusage: {e}"))?;
    let duration = |t: nix::sys::time::TimeVal| {
        Duration::from_secs(t.tv_sec().max(0) as u64)
            + Duration::from_micros(t.tv_usec().max(0) as u64)
    };
    Ok((duration(usage.user_time()), duration(usage.system_time())))
}
