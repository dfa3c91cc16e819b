//! The retry budget under a total outage: many concurrent callers, a server that answers every
//! request with 503 for a while and then recovers. Reports requests sent per call during the
//! outage and how fast the success rate comes back, once with the client-wide retry budget
//! (the default) and once without it (`RetryBudget::unlimited()`, each call retrying on its own),
//! both in the same run.
//!
//! `cargo run --release -p twilio-resource-bench --bin outage` (defaults: c=256, 10 s outage,
//! 3 s after); `--smoke` for a 1-second check that it works.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use clap::Parser;
use tokio::net::TcpListener;
use twilio_local_server::{DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, example_participant};
use twilio_resource::{Client, RetryBudget};
use twilio_resource_bench::example::Participant;

/// Arguments of the outage run.
#[derive(Debug, Parser)]
#[command(about = "Requests per call during a total 503 outage, with and without the retry budget")]
struct Args {
    /// Calls in flight at once.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=4096))]
    concurrency: u32,
    /// How long every request is answered with 503, in seconds.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    outage_seconds: u64,
    /// How long the run goes on after the outage, in seconds.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=600))]
    after_seconds: u64,
    /// A quick run (c=32, 1 s outage, 1 s after) that checks it works; its figures are reported, not required.
    #[arg(long)]
    smoke: bool,
}

/// The server: 503 (with Twilio's error body) while `down`, else the example participant.
#[derive(Debug, Default)]
struct Outage {
    down: AtomicBool,
    requests: AtomicU64,
}

async fn start_server(outage: Arc<Outage>) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let body = serde_json::to_vec(&example_participant()).map_err(std::io::Error::other)?;
    let app = Router::new().fallback(move || {
        let outage = outage.clone();
        let body = body.clone();
        async move {
            outage.requests.fetch_add(1, Ordering::Relaxed);
            let json = [(axum::http::header::CONTENT_TYPE, "application/json")];
            if outage.down.load(Ordering::Relaxed) {
                let error = br#"{"code": 20503, "message": "Service unavailable", "more_info": "https://www.twilio.com/docs/errors/20503", "status": 503}"#;
                (StatusCode::SERVICE_UNAVAILABLE, json, error.to_vec()).into_response()
            } else {
                (StatusCode::OK, json, body).into_response()
            }
        }
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(addr)
}

/// What one run measured.
#[derive(Debug)]
struct Report {
    outage_calls: u64,
    outage_requests: u64,
    /// Success rate per 100 ms window after the outage ended.
    windows: Vec<(u64, u64)>,
}

impl Report {
    fn requests_per_call(&self) -> f64 {
        self.outage_requests as f64 / self.outage_calls.max(1) as f64
    }

    /// The first window (in ms after the outage) from which every window has ≥ 99% successes.
    fn recovered_after_ms(&self) -> Option<u64> {
        let healthy = |(ok, all): &(u64, u64)| *all > 0 && *ok * 100 >= *all * 99;
        let last_bad = self.windows.iter().rposition(|w| !healthy(w));
        match last_bad {
            None => Some(0),
            Some(i) if i + 1 < self.windows.len() => Some((i as u64 + 1) * 100),
            Some(_) => None,
        }
    }
}

async fn run(
    budget: RetryBudget,
    concurrency: u32,
    outage: Duration,
    after: Duration,
) -> std::io::Result<Report> {
    let state = Arc::new(Outage::default());
    state.down.store(true, Ordering::Relaxed);
    let addr = start_server(state.clone()).await?;
    let client = Client::builder()
        .account_sid(DEFAULT_ACCOUNT_SID)
        .auth_token(DEFAULT_AUTH_TOKEN)
        .base_url(format!("http://{addr}"))
        .retry_budget(budget)
        .build()
        .map_err(std::io::Error::other)?;
    let started = Instant::now();
    let outage_ends = started + outage;
    let run_ends = outage_ends + after;
    let windows = (after.as_millis() / 100) as usize + 1;
    let stats = Arc::new(Stats {
        outage_calls: AtomicU64::new(0),
        ok: (0..windows).map(|_| AtomicU64::new(0)).collect(),
        all: (0..windows).map(|_| AtomicU64::new(0)).collect(),
    });
    let switch = {
        let state = state.clone();
        tokio::spawn(async move {
            tokio::time::sleep_until(outage_ends.into()).await;
            let requests = state.requests.load(Ordering::Relaxed);
            state.down.store(false, Ordering::Relaxed);
            requests
        })
    };
    let id = example_participant();
    let conversation = id["conversationId"].as_str().unwrap_or_default().to_owned();
    let participant = id["id"].as_str().unwrap_or_default().to_owned();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, stats) = (client.clone(), stats.clone());
        let (conversation, participant) = (conversation.clone(), participant.clone());
        tasks.push(tokio::spawn(async move {
            while Instant::now() < run_ends {
                let began = Instant::now();
                let ok = Participant::fetch(&client, &conversation, &participant)
                    .await
                    .is_ok();
                let ended = Instant::now();
                if began < outage_ends {
                    // Calls that began during the outage: the ones whose requests are counted.
                    if ended <= outage_ends {
                        stats.outage_calls.fetch_add(1, Ordering::Relaxed);
                    }
                } else {
                    let window =
                        (ended.saturating_duration_since(outage_ends).as_millis() / 100) as usize;
                    if let (Some(all), Some(good)) = (stats.all.get(window), stats.ok.get(window)) {
                        all.fetch_add(1, Ordering::Relaxed);
                        good.fetch_add(u64::from(ok), Ordering::Relaxed);
                    }
                }
            }
        }));
    }
    let outage_requests = switch.await.map_err(std::io::Error::other)?;
    for task in tasks {
        task.await.map_err(std::io::Error::other)?;
    }
    Ok(Report {
        outage_calls: stats.outage_calls.load(Ordering::Relaxed),
        outage_requests,
        windows: stats
            .ok
            .iter()
            .zip(&stats.all)
            .map(|(ok, all)| (ok.load(Ordering::Relaxed), all.load(Ordering::Relaxed)))
            .filter(|(_, all)| *all > 0)
            .collect(),
    })
}

#[derive(Debug)]
struct Stats {
    outage_calls: AtomicU64,
    ok: Vec<AtomicU64>,
    all: Vec<AtomicU64>,
}

fn print(name: &str, report: &Report) {
    println!("{name}");
    println!("  calls finished in the outage  {}", report.outage_calls);
    println!("  requests sent in the outage   {}", report.outage_requests);
    println!(
        "  requests per call             {:.3}",
        report.requests_per_call()
    );
    match report.recovered_after_ms() {
        Some(ms) => println!("  success rate >= 99% from     {ms} ms after the outage"),
        None => println!("  success rate >= 99% from     never (within the run)"),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let (concurrency, outage, after) = if args.smoke {
        (32, Duration::from_secs(1), Duration::from_secs(1))
    } else {
        (
            args.concurrency,
            Duration::from_secs(args.outage_seconds),
            Duration::from_secs(args.after_seconds),
        )
    };
    println!(
        "outage: c={concurrency}, every request answered 503 for {} s, then {} s healthy",
        outage.as_secs(),
        after.as_secs()
    );
    let mut reports = Vec::new();
    for (name, budget) in [
        (
            "without a budget (RetryBudget::unlimited(), each call retries alone)",
            RetryBudget::unlimited(),
        ),
        (
            "with the default retry budget (500 tokens)",
            RetryBudget::default(),
        ),
    ] {
        match run(budget, concurrency, outage, after).await {
            Ok(report) => {
                print(name, &report);
                reports.push(report);
            }
            Err(error) => {
                eprintln!("the run failed: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let budgeted = &reports[1];
    let holds = budgeted.requests_per_call() <= 1.1
        && budgeted.recovered_after_ms().is_some_and(|ms| ms <= 1000);
    println!(
        "verdict                         {}{}",
        if holds {
            "holds (<= 1.1 requests per call; recovered within 1 s)"
        } else {
            "FAILS"
        },
        // A smoke run is short and shares the machine: its figures depend on throughput.
        if args.smoke {
            " (smoke run: reported, not required)"
        } else {
            ""
        }
    );
    if holds || args.smoke {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
