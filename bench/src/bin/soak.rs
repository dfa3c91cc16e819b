//! Load and soak: 100,000 fetches at concurrency 256 through one `Client` against the local server
//! (in a child process) with 5% injected faults. Reports successes, typed errors by kind, panics,
//! calls that outlived the timeout, peak RSS and its growth between the first and the last 10% of
//! the run (after a 50,000-fetch warm-up), the RSS curve, and open descriptors. Exits non-zero when a must-hold figure fails.
//!
//! `cargo run --release -p twilio-resource-bench --bin soak` (`-- --smoke` for a quick check;
//! `--requests N --warmup N --concurrency N --timeout-ms N --fault-every N` to change the shape;
//! `--fault-every 0` for none; `--help` for all).

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use tokio::sync::Mutex;
use twilio_local_server::{EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID};
use twilio_resource::{Client, Error};
use twilio_resource_bench::example::Participant;
use twilio_resource_bench::process::{mib, open_fds, peak_rss_bytes, rss_bytes};
use twilio_resource_bench::server::{ServerProcess, serve_if_asked};

/// One fault in twenty requests, in turn: retried ones (429, 503, a reset mid-body), final ones
/// (500, truncated JSON, an HTML 200, an empty 200) and two that outlast the timeout (slow headers,
/// slow body).
const FAULTS: &str = "429+retry=0,503,cut,500,truncated,html,empty,delay=3000,slow=500";
/// One request in this many gets a fault: 5%.
const FAULT_EVERY: u64 = 20;
/// Calls may finish this much after the timeout (timer and scheduling granularity) and still count
/// as on time.
const TIMEOUT_SLACK: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, Copy)]
struct Shape {
    requests: usize,
    concurrency: usize,
    timeout: Duration,
    /// Fetches run before the measured ones (same faults), so memory is measured in steady state.
    warmup: usize,
    /// One request in this many is faulted; 0 for none.
    fault_every: u64,
    /// A smoke run is too short for its RSS to settle: flatness is reported, not required.
    require_flat_rss: bool,
    /// A smoke run shares the machine with other tests: late calls are reported, not failed.
    require_deadline: bool,
}

/// Load and soak run against the local server, with injected faults.
#[derive(Debug, Parser)]
#[command(name = "soak")]
struct Cli {
    /// A quick check: 2,000 fetches at concurrency 64 after 500 of warm-up; RSS flatness reported,
    /// not required (the options below still apply).
    #[arg(long)]
    smoke: bool,
    /// Measured fetches [default: 100000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    requests: Option<u64>,
    /// Fetches before the measured ones, so memory is measured in steady state [default: 50000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    warmup: Option<u64>,
    /// Fetches in flight at once [default: 256].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000))]
    concurrency: Option<u64>,
    /// The client's timeout per call, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 2_000, value_parser = clap::value_parser!(u64).range(1..=3_600_000))]
    timeout_ms: u64,
    /// One request in this many gets a fault; 0 for none.
    #[arg(long, value_name = "N", default_value_t = FAULT_EVERY)]
    fault_every: u64,
}

impl Cli {
    fn shape(self) -> Shape {
        let (requests, concurrency, warmup) = if self.smoke {
            (2_000, 64, 500)
        } else {
            (100_000, 256, 50_000)
        };
        Shape {
            requests: self.requests.map_or(requests, |n| n as usize),
            concurrency: self.concurrency.map_or(concurrency, |n| n as usize),
            timeout: Duration::from_millis(self.timeout_ms),
            warmup: self.warmup.map_or(warmup, |n| n as usize),
            fault_every: self.fault_every,
            require_flat_rss: !self.smoke,
            require_deadline: !self.smoke,
        }
    }
}

/// What the run saw; shared by the workers.
#[derive(Debug, Default)]
struct Tally {
    successes: usize,
    errors: BTreeMap<String, usize>,
    panics: usize,
    outlived: usize,
    slowest: Duration,
    /// RSS at each percent of progress.
    rss_by_percent: Vec<u64>,
}

fn kind(error: &Error) -> String {
    match error {
        Error::Api(api) => format!("Api {}", api.status),
        Error::Redirect { .. } => "Redirect".into(),
        Error::Timeout { .. } => "Timeout".into(),
        Error::Transport { .. } => "Transport".into(),
        Error::Decode { .. } => "Decode".into(),
        Error::ResponseTooLarge { .. } => "ResponseTooLarge".into(),
        Error::InvalidArgument { .. } => "InvalidArgument".into(),
        _ => "other".into(),
    }
}

fn main() -> ExitCode {
    if let Some(code) = serve_if_asked() {
        return code;
    }
    let shape = Cli::parse().shape();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    runtime.block_on(run(shape))
}

async fn run(shape: Shape) -> ExitCode {
    let fds_before = open_fds().unwrap_or(0);
    let every = shape.fault_every.to_string();
    let server = ServerProcess::start(&[
        "--threads",
        "1",
        "--fault-every",
        &every,
        "--faults",
        FAULTS,
    ])
    .expect("start the local server");
    let client = server
        .client_builder()
        .timeout(shape.timeout)
        .build()
        .expect("valid client settings");
    println!(
        "soak: {} fetches, concurrency {}, timeout {:?}, 1 in {every} requests faulted ({FAULTS})",
        shape.requests, shape.concurrency, shape.timeout
    );

    // Memory climbs while the allocator finds its working set (about 50k fetches here at c=256),
    // then stays flat; the warm-up runs that part so the measured run shows the steady state.
    let warmup = drive(&client, shape.warmup, shape).await;
    println!(
        "warm-up: {} fetches, RSS {} after; {} panics, {} calls outlived the timeout",
        shape.warmup,
        mib(rss_bytes().unwrap_or(0)),
        warmup.panics,
        warmup.outlived
    );
    let started = Instant::now();
    let tally = drive(&client, shape.requests, shape).await;
    let elapsed = started.elapsed();
    let fds_with_client = open_fds().unwrap_or(0);
    drop(client);
    drop(server);
    // Let the pool's connection tasks see the close and end.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let fds_after = open_fds().unwrap_or(0);

    let report = Report::new(
        &tally,
        &warmup,
        shape,
        elapsed,
        [fds_before, fds_with_client, fds_after],
    );
    report.print(&tally);
    if report.holds() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `requests` fetches from `shape.concurrency` workers, each call in its own task.
async fn drive(client: &Client, requests: usize, shape: Shape) -> Tally {
    let next = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let workers: Vec<_> = (0..shape.concurrency)
        .map(|_| {
            let (client, next, done, tally) =
                (client.clone(), next.clone(), done.clone(), tally.clone());
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < requests {
                    let call_client = client.clone();
                    let call_started = Instant::now();
                    // Its own task, so a panic inside a fetch is caught and counted, not fatal.
                    let outcome = tokio::spawn(async move {
                        Participant::fetch(
                            &call_client,
                            EXAMPLE_CONVERSATION_ID,
                            EXAMPLE_PARTICIPANT_ID,
                        )
                        .await
                    })
                    .await;
                    let took = call_started.elapsed();
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    let mut tally = tally.lock().await;
                    match outcome {
                        Ok(Ok(_)) => tally.successes += 1,
                        Ok(Err(error)) => *tally.errors.entry(kind(&error)).or_default() += 1,
                        Err(join) if join.is_panic() => tally.panics += 1,
                        Err(_) => *tally.errors.entry("cancelled".into()).or_default() += 1,
                    }
                    if took > shape.timeout + TIMEOUT_SLACK {
                        tally.outlived += 1;
                    }
                    tally.slowest = tally.slowest.max(took);
                    if finished * 100 / requests.max(1) > tally.rss_by_percent.len() {
                        tally.rss_by_percent.push(rss_bytes().unwrap_or(0));
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.await;
    }
    Arc::try_unwrap(tally)
        .map(Mutex::into_inner)
        .unwrap_or_default()
}

/// The figures that must hold, computed once.
struct Report {
    requests: usize,
    elapsed: Duration,
    first_tenth_rss: u64,
    last_tenth_rss: u64,
    growth_percent: f64,
    peak_rss: u64,
    fds: [usize; 3],
    require_flat_rss: bool,
    /// A smoke run shares the machine with other tests: late calls are reported, not failed.
    require_deadline: bool,
    panics: usize,
    outlived: usize,
    counted: usize,
}

/// RSS may drift this much between the first and last tenth (allocator noise) and still be flat.
const FLAT_PERCENT: f64 = 10.0;

impl Report {
    fn new(
        tally: &Tally,
        warmup: &Tally,
        shape: Shape,
        elapsed: Duration,
        fds: [usize; 3],
    ) -> Self {
        // Mean RSS over the first tenth of the measured calls against the mean over the last tenth.
        let mean = |samples: &[u64]| samples.iter().sum::<u64>() / samples.len().max(1) as u64;
        let rss = &tally.rss_by_percent;
        let tenth = (rss.len() / 10).max(1).min(rss.len());
        let first_tenth_rss = mean(&rss[..tenth]);
        let last_tenth_rss = mean(&rss[rss.len() - tenth..]);
        let growth_percent = (last_tenth_rss as f64 / first_tenth_rss.max(1) as f64 - 1.0) * 100.0;
        Self {
            requests: shape.requests,
            elapsed,
            first_tenth_rss,
            last_tenth_rss,
            growth_percent,
            peak_rss: peak_rss_bytes().unwrap_or(0),
            fds,
            require_flat_rss: shape.require_flat_rss,
            require_deadline: shape.require_deadline,
            panics: tally.panics + warmup.panics,
            outlived: tally.outlived + warmup.outlived,
            counted: tally.successes + tally.errors.values().sum::<usize>() + tally.panics,
        }
    }

    fn holds(&self) -> bool {
        self.panics == 0
            && (self.outlived == 0 || !self.require_deadline)
            && self.counted == self.requests
            && (self.growth_percent <= FLAT_PERCENT || !self.require_flat_rss)
            && self.fds[2] <= self.fds[0]
    }

    fn print(&self, tally: &Tally) {
        let rate = self.requests as f64 / self.elapsed.as_secs_f64();
        println!(
            "elapsed                 {:.1} s ({rate:.0} fetches/s)",
            self.elapsed.as_secs_f64()
        );
        println!("successes               {}", tally.successes);
        for (kind, count) in &tally.errors {
            println!("error {kind:<17} {count}");
        }
        println!(
            "panics                  {} (must be 0; warm-up included)",
            self.panics
        );
        println!(
            "outlived the timeout    {} ({}, warm-up included; slowest measured call {:.0} ms)",
            self.outlived,
            if self.require_deadline {
                "must be 0"
            } else {
                "smoke run: reported, not required"
            },
            tally.slowest.as_secs_f64() * 1000.0
        );
        println!(
            "calls accounted for     {} of {}",
            self.counted, self.requests
        );
        println!("peak RSS                {}", mib(self.peak_rss));
        println!(
            "RSS first / last 10%    {} / {} ({:+.1}%, {} within {FLAT_PERCENT}%)",
            mib(self.first_tenth_rss),
            mib(self.last_tenth_rss),
            self.growth_percent,
            if self.require_flat_rss {
                "must stay"
            } else {
                "smoke run: not required to stay"
            }
        );
        println!(
            "open fds                {} before, {} with the client's pool, {} after dropping it (must not exceed before)",
            self.fds[0], self.fds[1], self.fds[2]
        );
        let curve: Vec<String> = tally
            .rss_by_percent
            .iter()
            .step_by(10)
            .map(|&bytes| format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)))
            .collect();
        println!("RSS at 1%, 11% … 91%    {} (MiB)", curve.join(" "));
        println!(
            "verdict                 {}",
            if self.holds() { "holds" } else { "FAILED" }
        );
    }
}
