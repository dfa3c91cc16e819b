//! The server as a process of its own (the `twilio-local-server` binary, or a benchmark that
//! re-executes itself with `serve`), for load runs that must not share a process, its CPU or its
//! memory figures with the client.
//!
//! ```text
//! twilio-local-server [--port N] [--threads N] [--fault-every N --faults 429,503,cut,...] [--log]
//! ```
//!
//! Prints `base_url=http://127.0.0.1:<port>` on one line once listening, serves the example
//! participant with the default credentials, and exits when its standard input closes (so it
//! never outlives the process that started it).

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use crate::{Fault, LocalServer, example_participant};

#[derive(Debug)]
struct Options {
    port: u16,
    threads: usize,
    fault_every: u64,
    faults: Vec<Fault>,
    log: bool,
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        port: 0,
        threads: 1,
        fault_every: 0,
        faults: Vec::new(),
        log: false,
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => options.port = number(&flag, &value()?)?,
            "--threads" => options.threads = number(&flag, &value()?)?,
            "--fault-every" => options.fault_every = number(&flag, &value()?)?,
            "--faults" => {
                options.faults = value()?
                    .split(',')
                    .map(Fault::parse)
                    .collect::<Result<_, _>>()?;
            }
            "--log" => options.log = true,
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(options)
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag}: {text:?} is not a valid number"))
}

/// Runs the server with these command-line arguments (without the program name) until standard
/// input closes; the exit code says whether it could start.
pub fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let options = match parse_options(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("twilio-local-server: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.threads.max(1))
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
    server.insert_participant(example_participant());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> impl Iterator<Item = String> {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn reads_every_option() {
        let options = parse_options(args(
            "--port 8080 --threads 2 --fault-every 20 --faults 429+retry=1,cut,delay=50 --log",
        ))
        .unwrap();
        assert_eq!(
            (
                options.port,
                options.threads,
                options.fault_every,
                options.log
            ),
            (8080, 2, 20, true)
        );
        assert_eq!(options.faults.len(), 3);
        assert_eq!(options.faults[0].retry_after.as_deref(), Some("1"));
    }

    #[test]
    fn names_what_it_cannot_read() {
        let error = |text| parse_options(args(text)).unwrap_err();
        assert_eq!(error("--port"), "--port needs a value");
        assert_eq!(error("--port x"), "--port: \"x\" is not a valid number");
        assert_eq!(error("--verbose"), "unknown option \"--verbose\"");
        assert!(error("--faults 429,bogus").contains("fault \"bogus\": unknown kind"));
        assert!(error("--faults 700").contains("unknown kind"));
        assert!(error("--faults delay=soon").contains("is not a whole number"));
    }
}
