//! The server as a process of its own (the `twilio-local-server` binary, or a benchmark that
//! re-executes itself with `serve`), for load runs that must not share a process, its CPU or its
//! memory figures with the client.
//!
//! ```text
//! twilio-local-server [--port N] [--threads N] [--participants N]
//!                     [--fault-every N --faults 429,503,cut,...] [--log]
//! ```
//!
//! Prints `base_url=http://127.0.0.1:<port>` on one line once listening, serves the example
//! participant with the default credentials (with `--participants N`, its conversation holds N
//! participants, for listing), and exits when its standard input closes (so it never outlives the
//! process that started it).

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use clap::Parser;

use serde_json::Value;

use crate::{Fault, LocalServer, example_participant};

/// The local Twilio server in a process of its own: prints `base_url=…` once listening and serves
/// until its standard input closes.
#[derive(Debug, Parser)]
#[command(name = "twilio-local-server", version)]
struct Options {
    /// Port on 127.0.0.1 to listen on (0: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Tokio worker threads.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    threads: u16,
    /// Participants in the example conversation: the example participant and N-1 copies of it
    /// with their own ids, listed in that order (1 to 10,000,000).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    participants: u32,
    /// Every N-th request gets the next fault of --faults, in turn (0: none).
    #[arg(long, default_value_t = 0)]
    fault_every: u64,
    /// Faults for --fault-every, comma-separated: a status (429, 503, …), html, truncated, cut,
    /// empty, delay=<ms>, slow=<ms>, large=<bytes>; add +retry=<value> for a Retry-After header.
    #[arg(long, value_delimiter = ',')]
    faults: Vec<Fault>,
    /// Keep the request log (it only grows; off for load runs).
    #[arg(long)]
    log: bool,
}

fn parse_options(args: impl Iterator<Item = String>) -> Result<Options, clap::Error> {
    Options::try_parse_from(std::iter::once("twilio-local-server".to_owned()).chain(args))
}

/// Runs the server with these command-line arguments (without the program name) until standard
/// input closes; the exit code says whether it could start.
pub fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let options = match parse_options(args) {
        Ok(options) => options,
        Err(error) => {
            // Help and version go to stdout with code 0, mistakes to stderr with code 2.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(usize::from(options.threads))
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("twilio-local-server: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let started = runtime.block_on(
        LocalServer::builder()
            .recurring_faults(options.fault_every, options.faults)
            .record_requests(options.log)
            .start_on(options.port),
    );
    let server = match started {
        Ok(server) => server,
        Err(error) => {
            eprintln!("twilio-local-server: cannot listen: {error}");
            return ExitCode::FAILURE;
        }
    };
    for participant in participants(options.participants) {
        server.insert_participant(participant);
    }
    let mut stdout = std::io::stdout();
    if writeln!(stdout, "base_url={}", server.base_url())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    // Serve until the parent closes our stdin (or exits).
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    drop(server);
    drop(runtime);
    ExitCode::SUCCESS
}

/// The example participant, then `count - 1` copies of it with ids of the same shape
/// (`conv_participant_` and 26 characters).
fn participants(count: u32) -> impl Iterator<Item = Value> {
    let example = example_participant();
    (0..count).map(move |n| {
        let mut participant = example.clone();
        if n > 0 {
            participant["id"] = format!("conv_participant_{n:026}").into();
        }
        participant
    })
}

#[cfg(test)]
mod tests {
    use clap::error::ErrorKind;

    use super::*;
    use crate::EXAMPLE_PARTICIPANT_ID;

    fn args(text: &str) -> impl Iterator<Item = String> {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn reads_every_option() {
        let options = parse_options(args(
            "--port 8080 --threads 2 --participants 500 --fault-every 20 --faults 429+retry=1,cut,delay=50 --log",
        ))
        .unwrap();
        assert_eq!(
            (
                options.port,
                options.threads,
                options.participants,
                options.fault_every,
                options.log
            ),
            (8080, 2, 500, 20, true)
        );
        assert_eq!(options.faults.len(), 3);
        assert_eq!(options.faults[0].retry_after.as_deref(), Some("1"));
    }

    #[test]
    fn defaults() {
        let options = parse_options(args("")).unwrap();
        assert_eq!(
            (
                options.port,
                options.threads,
                options.participants,
                options.fault_every,
                options.log
            ),
            (0, 1, 1, 0, false)
        );
        assert!(options.faults.is_empty());
    }

    #[test]
    fn names_what_it_cannot_read() {
        let error = |text| parse_options(args(text)).unwrap_err();
        assert_eq!(error("--port").kind(), ErrorKind::InvalidValue);
        let port = error("--port x").to_string();
        assert!(port.contains("'x'") && port.contains("--port"), "{port}");
        assert_eq!(error("--verbose").kind(), ErrorKind::UnknownArgument);
        assert!(error("--verbose").to_string().contains("--verbose"));
        assert_eq!(error("--threads 0").kind(), ErrorKind::ValueValidation);
        assert_eq!(error("--participants 0").kind(), ErrorKind::ValueValidation);
        assert_eq!(
            error("--participants 10000001").kind(),
            ErrorKind::ValueValidation
        );
        let bogus = error("--faults 429,bogus").to_string();
        assert!(bogus.contains("fault \"bogus\": unknown kind"), "{bogus}");
        assert!(error("--faults 700").to_string().contains("unknown kind"));
        assert!(
            error("--faults delay=soon")
                .to_string()
                .contains("is not a whole number")
        );
    }

    #[test]
    fn help_is_not_an_error_exit() {
        let help = error_of("--help");
        assert_eq!(help.kind(), ErrorKind::DisplayHelp);
        assert_eq!(help.exit_code(), 0);
        assert!(help.to_string().contains("--fault-every"));
    }

    #[test]
    fn the_example_conversation_holds_as_many_participants_as_asked() {
        let all: Vec<Value> = participants(3).collect();
        assert_eq!(all.len(), 3);
        assert_eq!(all[0], example_participant());
        assert_eq!(all[0]["id"], EXAMPLE_PARTICIPANT_ID);
        assert_eq!(all[2]["id"], "conv_participant_00000000000000000000000002");
        assert_eq!(
            all[2]["id"].as_str().map(str::len),
            Some(EXAMPLE_PARTICIPANT_ID.len())
        );
        assert_eq!(all[2]["conversationId"], all[0]["conversationId"]);
        assert_eq!(participants(1).count(), 1);
    }

    fn error_of(text: &str) -> clap::Error {
        parse_options(args(text)).unwrap_err()
    }
}
