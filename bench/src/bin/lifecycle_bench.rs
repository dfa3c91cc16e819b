//! Lifecycle benchmark: listing and creating, the generated methods against hand-written reqwest +
//! serde (the floor) and, for lists, Twilio's Node helper; and the memory a million-record
//! listing takes.
//!
//! `cargo run --release -p twilio-resource-bench --bin lifecycle-bench` (`-- --smoke` for a quick
//! check; `--rounds N`, `--listings N`, `--seconds S` to change the shape; `--only list|create|memory`;
//! `--no-node-install` to use the Node helper only if `bench/node` already has it; `--help` for all).
//!
//! - **list**: 10,000 participants of one conversation from the local server (a child process on
//!   one Tokio thread), 50 per page (200 pages): `Participant::list(&client, conversation)
//!   .page_size(50)` read to the end, a hand-written paging loop, and the Node helper's `each()`.
//! - **create**: sequential form-encoded creates of a 2010 message, `Message::create` against a
//!   hand-written `POST`.
//! - **memory**: a million records in pages of 1,000 from a server that makes them up; each
//!   variant streams them in a fresh process that reports its resident memory before the listing
//!   (after building the client) and its peak (`VmHWM`).
//!
//! Variants run interleaved, round after round, so drift hits them alike; within a round the two
//! Rust variants take turns (a listing each, or 64 creates each, who goes first alternating), so
//! both see the same moments of a shared machine. Ratios are taken within each round, then their
//! median. Before measuring, both Rust variants send their requests to an
//! in-process local server that records them, and the run stops unless the two sent the same
//! method, path and query, headers and body.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use twilio_local_server::{
    EXAMPLE_CONVERSATION_ID, LocalServer, RecordedRequest, example_participant,
};
use twilio_resource::Client;
use twilio_resource_bench::instructions;
use twilio_resource_bench::lifecycle::hand::HandClient;
use twilio_resource_bench::lifecycle::models::{CreateMessage, Message, Participant};
use twilio_resource_bench::lifecycle::page_server;
use twilio_resource_bench::process::{mib, own_cpu_time, peak_rss_bytes, rss_bytes};
use twilio_resource_bench::server::{ServerProcess, serve_if_asked};
use twilio_resource_bench::stats::{Summary, percentile};

const NAME: &str = "Dana S.";

/// Lifecycle benchmark: list and create, generated against hand-written and Twilio's Node helper,
/// and the peak memory of a million-record listing.
#[derive(Debug, Parser)]
#[command(name = "lifecycle-bench")]
struct Cli {
    /// A quick check (seconds): 1 round, 1,000 records to list, 0.2 s of creates, 20,000 records
    /// for memory; the other options still apply.
    #[arg(long)]
    smoke: bool,
    /// Rounds of every variant [default: 10].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    rounds: Option<u64>,
    /// Complete listings per variant and round [default: 3].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000))]
    listings: Option<u64>,
    /// Records in the listed conversation [default: 10000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    records: Option<u32>,
    /// Records per page when listing [default: 50].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    page_size: Option<u32>,
    /// Seconds of sequential creates per variant and round [default: 1].
    #[arg(long, value_parser = seconds, allow_negative_numbers = true)]
    seconds: Option<f64>,
    /// Records streamed in the memory run [default: 1000000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    memory_records: Option<u64>,
    /// Records per page in the memory run [default: 1000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    memory_page_size: Option<u32>,
    /// Run one part only.
    #[arg(long, value_enum)]
    only: Option<Part>,
    /// Use the Node helper only if `bench/node` already has it; never run `npm ci`.
    #[arg(long)]
    no_node_install: bool,
    /// Count the client's instructions per page and per create under callgrind instead of timing
    /// (needs valgrind).
    #[arg(long, conflicts_with_all = ["memory_child", "count"])]
    instructions: bool,
    /// Internal: list or create `--count-n` times with one variant and nothing else (what
    /// callgrind counts).
    #[arg(long, value_enum, hide = true, requires_all = ["count_part", "count_n", "user_agent"])]
    count: Option<Variant>,
    /// Internal: what `--count` repeats.
    #[arg(long, value_enum, hide = true, requires = "count")]
    count_part: Option<Part>,
    /// Internal: how many times `--count` repeats it.
    #[arg(long, hide = true, requires = "count")]
    count_n: Option<u64>,
    /// Internal: the `User-Agent` the hand-written client sends.
    #[arg(long, hide = true, requires = "count")]
    user_agent: Option<String>,
    /// Internal: stream the memory run's records with one variant and print its memory.
    #[arg(long, value_enum, hide = true, requires = "base_url")]
    memory_child: Option<Variant>,
    /// Internal: the server of `--memory-child`.
    #[arg(long, hide = true, requires = "memory_child")]
    base_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Part {
    List,
    Create,
    Memory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Variant {
    Generated,
    HandWritten,
    /// Memory only: the hand-written listing, holding one page's body and one decoded record.
    OneAtATime,
    #[value(skip)]
    NodeHelper,
}

impl Variant {
    fn list_label(self) -> &'static str {
        match self {
            Variant::Generated => "generated Participant::list",
            Variant::HandWritten => "hand-written reqwest + serde",
            Variant::OneAtATime => "hand-written, records decoded one at a time",
            Variant::NodeHelper => "Twilio Node helper each() (twilio 6.2.0)",
        }
    }

    fn create_label(self) -> &'static str {
        match self {
            Variant::Generated => "generated Message::create",
            _ => "hand-written reqwest + serde",
        }
    }

    fn arg(self) -> &'static str {
        match self {
            Variant::Generated => "generated",
            Variant::OneAtATime => "one-at-a-time",
            _ => "hand-written",
        }
    }
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

#[derive(Debug, Clone, Copy)]
struct Shape {
    rounds: usize,
    listings: u64,
    records: u32,
    page_size: u32,
    seconds: f64,
    warmup: f64,
    memory_records: u64,
    memory_page_size: u32,
    only: Option<Part>,
    install_node: bool,
}

impl Shape {
    fn of(cli: &Cli) -> Self {
        let smoke = cli.smoke;
        Shape {
            rounds: cli
                .rounds
                .map_or(if smoke { 1 } else { 10 }, |n| n as usize),
            listings: cli.listings.unwrap_or(if smoke { 1 } else { 3 }),
            records: cli.records.unwrap_or(if smoke { 1_000 } else { 10_000 }),
            page_size: cli.page_size.unwrap_or(50),
            seconds: cli.seconds.unwrap_or(if smoke { 0.2 } else { 1.0 }),
            warmup: if smoke { 0.05 } else { 0.3 },
            memory_records: cli
                .memory_records
                .unwrap_or(if smoke { 20_000 } else { 1_000_000 }),
            memory_page_size: cli.memory_page_size.unwrap_or(1_000),
            only: cli.only,
            install_node: !cli.no_node_install,
        }
    }

    fn runs(&self, part: Part) -> bool {
        self.only.is_none_or(|only| only == part)
    }

    fn pages(&self) -> u64 {
        u64::from(self.records).div_ceil(u64::from(self.page_size))
    }
}

fn main() -> ExitCode {
    if let Some(code) = page_server::serve_if_asked() {
        return code;
    }
    if let Some(code) = serve_if_asked() {
        return code;
    }
    let cli = Cli::parse();
    // The client gets one thread (one core), the server the other.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let shape = Shape::of(&cli);
    if let (Some(variant), Some(base_url)) = (cli.memory_child, cli.base_url.as_deref()) {
        return runtime.block_on(memory_child(variant, base_url, shape));
    }
    if let (Some(variant), Some(part), Some(n), Some(user_agent)) = (
        cli.count,
        cli.count_part,
        cli.count_n,
        cli.user_agent.as_deref(),
    ) {
        return runtime.block_on(repeat(variant, part, n, user_agent, shape));
    }
    if cli.instructions {
        return runtime.block_on(count_instructions(shape));
    }
    runtime.block_on(run(shape))
}

async fn run(shape: Shape) -> ExitCode {
    match run_parts(shape).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lifecycle-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run_parts(shape: Shape) -> Result<(), String> {
    let user_agent = check_parity().await?;
    if shape.runs(Part::List) || shape.runs(Part::Create) {
        list_and_create(shape, &user_agent).await?;
    }
    if shape.runs(Part::Memory) {
        memory(shape).await?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Parity: both Rust variants send the same requests.

/// Lists three participants two per page and creates one message with each Rust variant against
/// an in-process server that records requests; fails unless both sent the same requests. Returns
/// the generated client's `User-Agent`, which the hand-written client then sends too.
async fn check_parity() -> Result<String, String> {
    let server = LocalServer::start()
        .await
        .map_err(|e| format!("cannot start the local server: {e}"))?;
    for participant in copies(3) {
        server.insert_participant(participant);
    }
    let client = Client::builder()
        .account_sid(server.account_sid())
        .auth_token(server.auth_token())
        .base_url(server.base_url())
        .build()
        .map_err(|e| e.to_string())?;
    let message = create_message_body();

    let listed = list_generated(&client, 2).await?;
    let created = Message::create(&client, client.account_sid(), &message)
        .await
        .map_err(|e| e.to_string())?;
    let generated = server.requests();
    let user_agent = generated
        .first()
        .and_then(|request| request.user_agent.clone())
        .ok_or("the generated client sent no User-Agent")?;

    let hand = HandClient::new(
        &server.base_url(),
        server.account_sid(),
        server.auth_token(),
        &user_agent,
    )
    .map_err(|e| e.to_string())?;
    let hand_listed = list_hand(&hand, 2).await?;
    let hand_created = hand
        .create_message(&message)
        .await
        .map_err(|e| e.to_string())?;
    let hand_requests = server.requests().split_off(generated.len());

    if (listed, hand_listed) != (3, 3) {
        return Err(format!(
            "parity: listed {listed} (generated) and {hand_listed} (hand-written) of 3"
        ));
    }
    if created.body != hand_created.body || created.to != hand_created.to {
        return Err(format!("parity: created {created:?} and {hand_created:?}"));
    }
    let shown = |request: &RecordedRequest| {
        format!(
            "{} {} content-type={:?} accept={:?} user-agent={:?} idempotency-key={:?} authorized={} body={:?}",
            request.method,
            request.path,
            request.content_type,
            request.accept,
            request.user_agent,
            request.idempotency_key,
            request.authorized,
            String::from_utf8_lossy(&request.body)
        )
    };
    let generated: Vec<String> = generated.iter().map(shown).collect();
    let hand_requests: Vec<String> = hand_requests.iter().map(shown).collect();
    if generated != hand_requests {
        return Err(format!(
            "parity: the variants sent different requests\n  generated:    {generated:#?}\n  hand-written: {hand_requests:#?}"
        ));
    }
    println!(
        "requests: generated and hand-written send the same {} requests (method, path and query, headers, body)",
        generated.len()
    );
    Ok(user_agent)
}

/// The example participant, then `count - 1` copies with their own ids (as the local server's
/// `--participants` stores them).
fn copies(count: u32) -> impl Iterator<Item = serde_json::Value> {
    (0..count).map(|n| {
        let mut participant = example_participant();
        if n > 0 {
            participant["id"] = format!("conv_participant_{n:026}").into();
        }
        participant
    })
}

fn create_message_body() -> CreateMessage {
    CreateMessage {
        to: "+15558675310".to_owned(),
        from: "+15017122661".to_owned(),
        body: "Hi there, from lifecycle-bench".to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// One listing, one create.

/// Reads every participant of the example conversation, checking each; returns the count.
async fn list_generated(client: &Client, page_size: u32) -> Result<u64, String> {
    list_generated_by(client, page_size, u64::MAX).await
}

/// As [`list_generated`], stopping after `limit` records.
async fn list_generated_by(client: &Client, page_size: u32, limit: u64) -> Result<u64, String> {
    let mut list = Participant::list(client, EXAMPLE_CONVERSATION_ID)
        .page_size(page_size)
        .limit(limit);
    let mut count = 0;
    while let Some(participant) = list.try_next().await.map_err(|e| e.to_string())? {
        if participant.name.as_deref() != Some(NAME) {
            return Err(format!("unexpected participant {participant:?}"));
        }
        count += 1;
    }
    Ok(count)
}

async fn list_hand(client: &HandClient, page_size: u32) -> Result<u64, String> {
    list_hand_by(client, page_size, u64::MAX, false).await
}

/// The hand-written listing, decoding whole pages or (`one_at_a_time`) one record at a time.
async fn list_hand_by(
    client: &HandClient,
    page_size: u32,
    max_pages: u64,
    one_at_a_time: bool,
) -> Result<u64, String> {
    let mut count = 0;
    let mut wrong = None;
    let visit = |participant: twilio_resource_bench::lifecycle::hand::Participant| {
        if participant.name.as_deref() != Some(NAME) {
            wrong.get_or_insert(participant);
        }
        count += 1;
    };
    let listed = if one_at_a_time {
        client
            .list_participants_one_at_a_time(EXAMPLE_CONVERSATION_ID, page_size, max_pages, visit)
            .await
    } else {
        client
            .list_participants(EXAMPLE_CONVERSATION_ID, page_size, max_pages, visit)
            .await
    };
    listed.map_err(|e| e.to_string())?;
    match wrong {
        Some(participant) => Err(format!("unexpected participant {participant:?}")),
        None => Ok(count),
    }
}

/// The Rust clients of the measured runs.
struct Clients {
    generated: Client,
    hand: HandClient,
}

impl Clients {
    async fn list(&self, variant: Variant, page_size: u32) -> Result<u64, String> {
        match variant {
            Variant::Generated => list_generated(&self.generated, page_size).await,
            _ => list_hand(&self.hand, page_size).await,
        }
    }

    async fn create(&self, variant: Variant, message: &CreateMessage) -> Result<(), String> {
        let (sid, body) = match variant {
            Variant::Generated => {
                let created =
                    Message::create(&self.generated, self.generated.account_sid(), message)
                        .await
                        .map_err(|e| e.to_string())?;
                (created.sid, created.body)
            }
            _ => {
                let created = self
                    .hand
                    .create_message(message)
                    .await
                    .map_err(|e| e.to_string())?;
                (created.sid, created.body)
            }
        };
        if sid.as_deref().is_some_and(|sid| sid.starts_with("SM"))
            && body.as_ref() == Some(&message.body)
        {
            Ok(())
        } else {
            Err(format!("unexpected message: sid {sid:?}, body {body:?}"))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// List and create, interleaved by round.

#[derive(Debug, Clone, Copy)]
struct ListRun {
    records_per_second: f64,
    client_us_per_page: f64,
    server_us_per_page: f64,
}

#[derive(Debug, Clone, Copy)]
struct CreateRun {
    per_second: f64,
    p50_us: f64,
    p99_us: f64,
    client_us: f64,
    server_us: f64,
}

async fn list_and_create(shape: Shape, user_agent: &str) -> Result<(), String> {
    let (server, clients) = start(shape, user_agent)?;
    let node = if shape.runs(Part::List) {
        let node = prepare_node(shape.install_node);
        if let Err(reason) = &node {
            println!("Node helper skipped: {reason}");
        }
        node.ok()
    } else {
        None
    };
    let message = create_message_body();
    println!(
        "lifecycle-bench: {} round(s); list: {} record(s) in pages of {} ({} pages), {} listing(s) per variant and round; create: {:.1} s per variant and round; one core for the client, one server thread",
        shape.rounds,
        shape.records,
        shape.page_size,
        shape.pages(),
        shape.listings,
        shape.seconds
    );
    // Warm-up: connections open, allocator and caches settled (creates warm up every round).
    if shape.runs(Part::List) {
        for variant in RUST {
            clients.list(variant, shape.page_size).await?;
        }
    }
    let mut lists: Vec<(Variant, ListRun)> = Vec::new();
    let mut creates: Vec<(Variant, CreateRun)> = Vec::new();
    for round in 1..=shape.rounds {
        if shape.runs(Part::List) {
            let mut runs = Vec::new();
            if let Some(dir) = &node {
                runs.push((Variant::NodeHelper, measure_node(dir, &server, shape)?));
            }
            let [generated, hand] = measure_lists(&clients, &server, shape).await?;
            runs.extend([
                (Variant::Generated, generated),
                (Variant::HandWritten, hand),
            ]);
            for (variant, run) in runs {
                println!(
                    "  round {round} list   {:<42} {:>9.0} records/s  client {:>7.1} µs/page  server {:>6.1} µs/page",
                    variant.list_label(),
                    run.records_per_second,
                    run.client_us_per_page,
                    run.server_us_per_page
                );
                lists.push((variant, run));
            }
        }
        if shape.runs(Part::Create) {
            let [generated, hand] = measure_creates(&clients, &server, &message, shape).await?;
            for (variant, run) in [
                (Variant::Generated, generated),
                (Variant::HandWritten, hand),
            ] {
                println!(
                    "  round {round} create {:<42} {:>9.0} creates/s  p50 {:>5.0} µs  p99 {:>6.0} µs  client {:>5.1} µs  server {:>5.1} µs",
                    variant.create_label(),
                    run.per_second,
                    run.p50_us,
                    run.p99_us,
                    run.client_us,
                    run.server_us
                );
                creates.push((variant, run));
            }
        }
    }
    if !lists.is_empty() {
        report_lists(&lists, shape);
    }
    if !creates.is_empty() {
        report_creates(&creates);
    }
    Ok(())
}

/// What one variant used over the slices of a round: wall time, the client's and the server's
/// CPU time, and the units done (records or creates) with their latencies.
#[derive(Debug, Default)]
struct Tally {
    wall: Duration,
    client_cpu: Duration,
    server_cpu: Duration,
    units: u64,
    latencies: Vec<Duration>,
}

impl Tally {
    /// Runs `slice` and adds what it took.
    async fn add<F: Future<Output = Result<u64, String>>>(
        &mut self,
        server: &ServerProcess,
        slice: F,
    ) -> Result<(), String> {
        let server_cpu = server.cpu_time();
        let own_cpu = own_cpu_time().unwrap_or_default();
        let started = Instant::now();
        self.units += slice.await?;
        self.wall += started.elapsed();
        self.client_cpu += own_cpu_time().unwrap_or_default().saturating_sub(own_cpu);
        self.server_cpu += server.cpu_time().saturating_sub(server_cpu);
        Ok(())
    }
}

/// The two Rust variants in turn, one listing each at a time (who goes first alternates), so
/// both see the same moments of a shared machine; `listings` of each.
async fn measure_lists(
    clients: &Clients,
    server: &ServerProcess,
    shape: Shape,
) -> Result<[ListRun; 2], String> {
    let mut tallies = [Tally::default(), Tally::default()];
    for listing in 0..shape.listings {
        for at in turns(listing) {
            let variant = RUST[at];
            tallies[at]
                .add(server, async {
                    let count = clients.list(variant, shape.page_size).await?;
                    if count == u64::from(shape.records) {
                        Ok(count)
                    } else {
                        Err(format!(
                            "{} listed {count} of {} records",
                            variant.list_label(),
                            shape.records
                        ))
                    }
                })
                .await?;
        }
    }
    let pages = (shape.pages() * shape.listings) as f64;
    Ok(tallies.map(|tally| ListRun {
        records_per_second: tally.units as f64 / tally.wall.as_secs_f64(),
        client_us_per_page: tally.client_cpu.as_secs_f64() * 1e6 / pages,
        server_us_per_page: tally.server_cpu.as_secs_f64() * 1e6 / pages,
    }))
}

/// The Rust variants, in the order of [`measure_lists`] and [`measure_creates`] results.
const RUST: [Variant; 2] = [Variant::Generated, Variant::HandWritten];

/// Indexes into [`RUST`] for the `n`-th turn: generated first on even turns, hand-written on odd.
fn turns(n: u64) -> [usize; 2] {
    if n.is_multiple_of(2) { [0, 1] } else { [1, 0] }
}

/// Creates in slices of [`CREATES_PER_SLICE`], the two variants in turn (who goes first
/// alternates), until each has had `seconds`; after `warmup` seconds of each.
async fn measure_creates(
    clients: &Clients,
    server: &ServerProcess,
    message: &CreateMessage,
    shape: Shape,
) -> Result<[CreateRun; 2], String> {
    let warmup = Instant::now() + Duration::from_secs_f64(shape.warmup);
    while Instant::now() < warmup {
        for variant in RUST {
            clients.create(variant, message).await?;
        }
    }
    let mut tallies = [Tally::default(), Tally::default()];
    let length = Duration::from_secs_f64(shape.seconds);
    let mut turn = 0;
    while tallies.iter().any(|tally| tally.wall < length) {
        for at in turns(turn) {
            let variant = RUST[at];
            let tally = &mut tallies[at];
            let mut latencies = Vec::with_capacity(CREATES_PER_SLICE);
            tally
                .add(server, async {
                    for _ in 0..CREATES_PER_SLICE {
                        let started = Instant::now();
                        clients.create(variant, message).await?;
                        latencies.push(started.elapsed());
                    }
                    Ok(CREATES_PER_SLICE as u64)
                })
                .await?;
            tally.latencies.append(&mut latencies);
        }
        turn += 1;
    }
    Ok(tallies.map(|mut tally| {
        let count = tally.units as f64;
        CreateRun {
            per_second: count / tally.wall.as_secs_f64(),
            p50_us: percentile(&mut tally.latencies, 50.0).as_secs_f64() * 1e6,
            p99_us: percentile(&mut tally.latencies, 99.0).as_secs_f64() * 1e6,
            client_us: tally.client_cpu.as_secs_f64() * 1e6 / count,
            server_us: tally.server_cpu.as_secs_f64() * 1e6 / count,
        }
    }))
}

/// Creates per variant before the other takes its turn: about 10 ms.
const CREATES_PER_SLICE: usize = 64;

// ---------------------------------------------------------------------------------------------
// Instructions.

/// Starts the local server and the clients as the timed runs do.
fn start(shape: Shape, user_agent: &str) -> Result<(ServerProcess, Clients), String> {
    let records = shape.records.to_string();
    let server = ServerProcess::start(&["--threads", "1", "--participants", &records])
        .map_err(|e| format!("cannot start the local server: {e}"))?;
    let clients = Clients {
        generated: server.client_builder().build().map_err(|e| e.to_string())?,
        hand: HandClient::new(
            server.base_url(),
            twilio_local_server::DEFAULT_ACCOUNT_SID,
            twilio_local_server::DEFAULT_AUTH_TOKEN,
            user_agent,
        )
        .map_err(|e| e.to_string())?,
    };
    Ok((server, clients))
}

/// One warm-up, then `n` listings or creates of one variant: the unit callgrind counts.
async fn repeat(variant: Variant, part: Part, n: u64, user_agent: &str, shape: Shape) -> ExitCode {
    let repeated = async {
        let (_server, clients) = start(shape, user_agent)?;
        let message = create_message_body();
        for _ in 0..=n {
            match part {
                Part::List => {
                    let count = clients.list(variant, shape.page_size).await?;
                    if count != u64::from(shape.records) {
                        return Err(format!("listed {count} of {} records", shape.records));
                    }
                }
                _ => clients.create(variant, &message).await?,
            }
        }
        Ok::<_, String>(())
    };
    match repeated.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lifecycle-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Client instructions per page (listing) and per create, generated and hand-written: the
/// difference between two runs of different lengths, so start-up and connection set-up cancel.
async fn count_instructions(shape: Shape) -> ExitCode {
    if !instructions::available() {
        println!("instruction counts skipped: valgrind is not installed");
        return ExitCode::SUCCESS;
    }
    let user_agent = match check_parity().await {
        Ok(user_agent) => user_agent,
        Err(message) => {
            eprintln!("lifecycle-bench: {message}");
            return ExitCode::FAILURE;
        }
    };
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let listings = if shape.listings > 1 {
        shape.listings
    } else {
        2
    };
    let plans = [
        (
            Part::List,
            1,
            1 + listings,
            shape.pages() * listings,
            "page",
        ),
        (Part::Create, 200, 600, 400, "create"),
    ];
    for (part, short, long, units, unit) in plans {
        if !shape.runs(part) {
            continue;
        }
        let mut each = Vec::new();
        for variant in [Variant::Generated, Variant::HandWritten] {
            let mut totals = Vec::new();
            for n in [short, long] {
                let args = vec![
                    "--count".to_owned(),
                    variant.arg().to_owned(),
                    "--count-part".to_owned(),
                    if part == Part::List { "list" } else { "create" }.to_owned(),
                    "--count-n".to_owned(),
                    n.to_string(),
                    "--user-agent".to_owned(),
                    user_agent.clone(),
                    "--records".to_owned(),
                    shape.records.to_string(),
                    "--page-size".to_owned(),
                    shape.page_size.to_string(),
                ];
                match instructions::count(&exe, &args) {
                    Ok(total) => totals.push(total),
                    Err(message) => {
                        eprintln!("lifecycle-bench: {message}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            let per_unit = totals[1].saturating_sub(totals[0]) as f64 / units as f64;
            let label = match part {
                Part::List => variant.list_label(),
                _ => variant.create_label(),
            };
            println!("  {label:<44} {per_unit:>12.0} instructions per {unit} (client process)");
            each.push(per_unit);
        }
        println!(
            "  generated / hand-written: {:.3} instructions per {unit}",
            each[0] / each[1]
        );
    }
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------------
// The Node helper.

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
            return Err(
                "`npm` is missing or `npm ci` could not install the `twilio` package".into(),
            );
        }
    }
    Ok(dir)
}

#[derive(serde::Deserialize)]
struct NodeRun {
    records: f64,
    seconds: f64,
    cpu_us: f64,
}

/// One node process: a warm-up listing, then `listings` measured ones.
fn measure_node(dir: &Path, server: &ServerProcess, shape: Shape) -> Result<ListRun, String> {
    let server_cpu = server.cpu_time();
    let output = Command::new("node")
        .arg(dir.join("list.mjs"))
        .arg(server.base_url())
        .arg(EXAMPLE_CONVERSATION_ID)
        .arg(shape.page_size.to_string())
        .arg(shape.listings.to_string())
        .arg(shape.records.to_string())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the Node helper failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let run: NodeRun = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "node printed something else ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })?;
    let pages = (shape.pages() * shape.listings) as f64;
    // The server's CPU over the warm-up listing too.
    let all_pages = (shape.pages() * (shape.listings + 1)) as f64;
    Ok(ListRun {
        records_per_second: run.records / run.seconds,
        client_us_per_page: run.cpu_us / pages,
        server_us_per_page: (server.cpu_time() - server_cpu).as_secs_f64() * 1e6 / all_pages,
    })
}

// ---------------------------------------------------------------------------------------------
// Reports.

/// The ratio within each round, then its median over rounds.
fn paired<T: Copy>(a: &[T], b: &[T], field: fn(&T) -> f64) -> Summary {
    Summary::of(
        &a.iter()
            .zip(b)
            .map(|(a, b)| field(a) / field(b))
            .collect::<Vec<_>>(),
    )
}

fn series<T: Copy>(runs: &[(Variant, T)], variant: Variant) -> Vec<T> {
    runs.iter()
        .filter(|(v, _)| *v == variant)
        .map(|(_, run)| *run)
        .collect()
}

fn median<T>(runs: &[T], field: fn(&T) -> f64) -> Summary {
    Summary::of(&runs.iter().map(field).collect::<Vec<_>>())
}

fn report_lists(runs: &[(Variant, ListRun)], shape: Shape) {
    println!(
        "\nlist: {} records in {} pages of {}; median (min–max) over rounds",
        shape.records,
        shape.pages(),
        shape.page_size
    );
    println!(
        "  {:<42} {:>24} {:>18} {:>18}",
        "variant", "records/s", "client µs/page", "server µs/page"
    );
    for variant in [
        Variant::Generated,
        Variant::HandWritten,
        Variant::NodeHelper,
    ] {
        let runs = series(runs, variant);
        if runs.is_empty() {
            continue;
        }
        println!(
            "  {:<42} {:>24} {:>18.1} {:>18.1}",
            variant.list_label(),
            median(&runs, |r| r.records_per_second).to_string(),
            median(&runs, |r| r.client_us_per_page).median,
            median(&runs, |r| r.server_us_per_page).median,
        );
    }
    let generated = series(runs, Variant::Generated);
    let hand = series(runs, Variant::HandWritten);
    let ratio = paired(&generated, &hand, |r| r.records_per_second);
    let cpu = paired(&generated, &hand, |r| r.client_us_per_page);
    println!(
        "  generated / hand-written, paired by round: throughput {:.3} ({:.3}–{:.3}) (goal: at least 0.97); client CPU per page {:.3}",
        ratio.median, ratio.min, ratio.max, cpu.median
    );
    let node = series(runs, Variant::NodeHelper);
    if !node.is_empty() {
        let generated_x = paired(&generated, &node, |r| r.records_per_second);
        let hand_x = paired(&hand, &node, |r| r.records_per_second);
        println!(
            "  generated / Node helper, paired by round: throughput {:.1}x ({:.1}–{:.1}); hand-written / Node helper: {:.1}x",
            generated_x.median, generated_x.min, generated_x.max, hand_x.median
        );
    }
}

fn report_creates(runs: &[(Variant, CreateRun)]) {
    println!(
        "\ncreate: sequential form-encoded creates of a message; median (min–max) over rounds"
    );
    println!(
        "  {:<42} {:>24} {:>14} {:>14} {:>12} {:>12}",
        "variant", "creates/s", "p50 µs", "p99 µs", "client µs", "server µs"
    );
    for variant in [Variant::Generated, Variant::HandWritten] {
        let runs = series(runs, variant);
        println!(
            "  {:<42} {:>24} {:>14} {:>14} {:>12.1} {:>12.1}",
            variant.create_label(),
            median(&runs, |r| r.per_second).to_string(),
            median(&runs, |r| r.p50_us).to_string(),
            median(&runs, |r| r.p99_us).to_string(),
            median(&runs, |r| r.client_us).median,
            median(&runs, |r| r.server_us).median,
        );
    }
    let generated = series(runs, Variant::Generated);
    let hand = series(runs, Variant::HandWritten);
    let ratio = paired(&generated, &hand, |r| r.per_second);
    let p50 = paired(&generated, &hand, |r| r.p50_us);
    println!(
        "  generated / hand-written, paired by round: throughput {:.3} ({:.3}–{:.3}) (goal: at least 0.97), p50 {:.3}",
        ratio.median, ratio.min, ratio.max, p50.median
    );
}

// ---------------------------------------------------------------------------------------------
// Memory.

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct MemoryRun {
    /// Resident memory with the client built, before any request.
    baseline: u64,
    /// The peak over the whole process: the warm-up page and the listing.
    peak: u64,
    /// Resident memory after a warm-up listing of one page (code run once, the connection and
    /// its read buffer in the pool).
    warm_baseline: u64,
    /// The peak during the listing alone (`VmHWM` reset after the warm-up), if it could be reset.
    warm_peak: Option<u64>,
    /// File-backed resident memory (the executable's code and data) before and after: code run
    /// for the first time during the listing is paged in and counts in the peak.
    file_before: u64,
    file_after: u64,
    records: u64,
    seconds: f64,
}

/// How the memory child's allocator (glibc's malloc) runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Allocator {
    /// glibc's defaults: the mmap threshold rises after a large block is freed, so later large
    /// blocks come from the heap, whose free top is kept up to twice the threshold.
    Default,
    /// `MALLOC_MMAP_THRESHOLD_=131072`: blocks of 128 KiB and more are always mapped and unmapped
    /// when freed, so resident memory follows what the process holds, not what malloc keeps.
    FixedThreshold,
}

impl Allocator {
    fn suffix(self) -> &'static str {
        match self {
            Allocator::Default => "",
            Allocator::FixedThreshold => " (fixed mmap)",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Allocator::Default => "glibc malloc with its defaults",
            Allocator::FixedThreshold => {
                "glibc malloc with MALLOC_MMAP_THRESHOLD_=131072 (memory freed is given back, so RSS is what is held)"
            }
        }
    }
}

/// After the warm-up page: reads the resident memory and the peak so far, and resets the peak
/// (`5` to `/proc/self/clear_refs`). Returns (baseline, peak so far, whether it was reset).
///
/// The warm-up's page body and read buffers are above glibc's mmap threshold, so they went back
/// to the system when freed: the baseline does not hold a page the listing could reuse.
fn warm_up_done() -> Result<(u64, u64, bool), String> {
    let baseline = rss_bytes().ok_or("no /proc/self/status")?;
    let peak = peak_rss_bytes().ok_or("no /proc/self/status")?;
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    Ok((baseline, peak, reset))
}

/// A `kB` field of `/proc/self/status`, in bytes.
fn status_field(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// In a fresh process: build the client, note the resident memory, stream every record, note
/// the peak; print them as one JSON line.
/// The client of one memory run.
enum MemoryClient {
    Generated(Client),
    /// The hand-written client, and whether it decodes one record at a time.
    Hand(HandClient, bool),
}

impl MemoryClient {
    fn new(variant: Variant, base_url: &str) -> Result<Self, String> {
        Ok(match variant {
            Variant::Generated => MemoryClient::Generated(
                Client::builder()
                    .account_sid(twilio_local_server::DEFAULT_ACCOUNT_SID)
                    .auth_token(twilio_local_server::DEFAULT_AUTH_TOKEN)
                    .base_url(base_url)
                    .build()
                    .map_err(|e| e.to_string())?,
            ),
            _ => MemoryClient::Hand(
                HandClient::new(
                    base_url,
                    twilio_local_server::DEFAULT_ACCOUNT_SID,
                    twilio_local_server::DEFAULT_AUTH_TOKEN,
                    "lifecycle-bench",
                )
                .map_err(|e| e.to_string())?,
                variant == Variant::OneAtATime,
            ),
        })
    }

    /// Lists at most `pages` pages of `page_size`; the records read.
    async fn list(&self, page_size: u32, pages: u64) -> Result<u64, String> {
        match self {
            MemoryClient::Generated(client) => {
                let limit = pages.saturating_mul(u64::from(page_size));
                list_generated_by(client, page_size, limit).await
            }
            MemoryClient::Hand(client, one_at_a_time) => {
                list_hand_by(client, page_size, pages, *one_at_a_time).await
            }
        }
    }
}

async fn memory_child(variant: Variant, base_url: &str, shape: Shape) -> ExitCode {
    let measured = async {
        let page_size = shape.memory_page_size;
        let client = MemoryClient::new(variant, base_url)?;
        let baseline = rss_bytes().ok_or("no /proc/self/status")?;
        let file_before = status_field("RssFile:").unwrap_or_default();
        client.list(page_size, 1).await?;
        let warm = warm_up_done()?;
        let started = Instant::now();
        let records = client.list(page_size, u64::MAX).await?;
        let seconds = started.elapsed().as_secs_f64();
        let (warm_baseline, warm_up_peak, reset) = warm;
        let listing_peak = peak_rss_bytes().ok_or("no /proc/self/status")?;
        let peak = listing_peak.max(warm_up_peak);
        let file_after = status_field("RssFile:").unwrap_or_default();
        Ok::<_, String>(MemoryRun {
            baseline,
            peak,
            warm_baseline,
            warm_peak: reset.then_some(listing_peak),
            file_before,
            file_after,
            records,
            seconds,
        })
    };
    match measured.await {
        Ok(run) => {
            println!("{}", serde_json::to_string(&run).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("lifecycle-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn memory(shape: Shape) -> Result<(), String> {
    let records = shape.memory_records.to_string();
    let server = ServerProcess::start(&[page_server::ARGUMENT, &records])
        .map_err(|e| format!("cannot start the page server: {e}"))?;
    let page_bytes = reqwest::get(format!(
        "{}/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants?pageSize={}",
        server.base_url(),
        shape.memory_page_size
    ))
    .await
    .and_then(reqwest::Response::error_for_status)
    .map_err(|e| e.to_string())?
    .bytes()
    .await
    .map_err(|e| e.to_string())?
    .len() as u64;
    println!(
        "\nmemory: {} records in pages of {} ({} bytes of JSON per page), each variant in a fresh process",
        shape.memory_records, shape.memory_page_size, page_bytes
    );
    println!(
        "  {:<58} {:>10} {:>10} {:>10} {:>14} {:>10} {:>12} {:>12} {:>10} {:>12}",
        "variant",
        "baseline",
        "peak RSS",
        "growth",
        "of which code",
        "pages",
        "warm base",
        "warm growth",
        "pages",
        "records/s"
    );
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    // (cold growth, cold growth without code, warm growth) of the generated listing, by allocator.
    // Per allocator: (cold growth, cold growth without code, warm growth, cold baseline, peak).
    let mut verdict: Vec<(Allocator, u64, u64, Option<u64>, u64, u64)> = Vec::new();
    let runs = [
        Variant::Generated,
        Variant::HandWritten,
        Variant::OneAtATime,
    ]
    .into_iter()
    .flat_map(|variant| [Allocator::Default, Allocator::FixedThreshold].map(|a| (variant, a)));
    for (variant, allocator) in runs {
        let mut command = Command::new(&exe);
        if allocator == Allocator::FixedThreshold {
            command.env("MALLOC_MMAP_THRESHOLD_", "131072");
        }
        let output = command
            .args([
                "--memory-child",
                variant.arg(),
                "--base-url",
                server.base_url(),
            ])
            .args(["--memory-records", &records])
            .args(["--memory-page-size", &shape.memory_page_size.to_string()])
            .output()
            .map_err(|e| e.to_string())?;
        if !output.status.success() {
            return Err(format!(
                "the memory run of {} failed: {}",
                variant.list_label(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let run: MemoryRun = serde_json::from_slice(&output.stdout).map_err(|e| e.to_string())?;
        if run.records != shape.memory_records {
            return Err(format!(
                "{} streamed {} of {} records",
                variant.list_label(),
                run.records,
                shape.memory_records
            ));
        }
        let growth = run.peak.saturating_sub(run.baseline);
        let code = run.file_after.saturating_sub(run.file_before);
        let pages = |bytes: u64| bytes as f64 / page_bytes as f64;
        let warm_growth = run
            .warm_peak
            .map(|peak| peak.saturating_sub(run.warm_baseline));
        println!(
            "  {:<58} {:>10} {:>10} {:>10} {:>14} {:>10.2} {:>12} {:>12} {:>10} {:>12.0}",
            format!("{}{}", variant.list_label(), allocator.suffix()),
            mib(run.baseline),
            mib(run.peak),
            mib(growth),
            mib(code),
            pages(growth),
            mib(run.warm_baseline),
            warm_growth.map_or_else(|| "-".to_owned(), mib),
            warm_growth.map_or_else(|| "-".to_owned(), |g| format!("{:.2}", pages(g))),
            run.records as f64 / run.seconds
        );
        if variant == Variant::Generated {
            verdict.push((
                allocator,
                growth,
                growth.saturating_sub(code),
                warm_growth,
                run.baseline,
                run.peak,
            ));
        }
    }
    let bound = 2 * page_bytes;
    let verdict_of = |bytes: u64| if bytes <= bound { "holds" } else { "fails" };
    for (allocator, growth, data, warm, baseline, peak) in verdict {
        println!("  generated listing, {}:", allocator.describe());
        // The bound's words also read as twice (one page plus the baseline): shown too.
        let doubled = 2 * (page_bytes + baseline);
        println!(
            "    read as 2 x (one page + the cold baseline): peak RSS {} against {}: {}",
            mib(peak),
            mib(doubled),
            if peak <= doubled { "holds" } else { "fails" }
        );
        println!(
            "    peak RSS {} above the cold baseline ({:.2} pages; bound 2 pages, {}): {}",
            mib(growth),
            growth as f64 / page_bytes as f64,
            mib(bound),
            verdict_of(growth)
        );
        println!(
            "    the same without the code paged in for the first time (file-backed, once per process): {} ({:.2} pages): {}",
            mib(data),
            data as f64 / page_bytes as f64,
            verdict_of(data)
        );
        match warm {
            Some(warm) => println!(
                "    after a one-page warm-up (code paged in, the pooled connection's read buffer grown): {} ({:.2} pages): {}",
                mib(warm),
                warm as f64 / page_bytes as f64,
                verdict_of(warm)
            ),
            None => {
                println!("    after a one-page warm-up: not measured (VmHWM could not be reset)")
            }
        }
    }
    Ok(())
}
