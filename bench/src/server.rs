//! The local Twilio server in a child process: the benchmark binary runs itself with `serve`, so
//! the server's CPU and memory are measured apart from the client's.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};
use std::time::Duration;

use twilio_local_server::{DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN};
use twilio_resource::{Client, ClientBuilder};

use crate::hand_written::HandClient;
use crate::process::cpu_time;

/// The argument that turns a benchmark binary into the server.
pub const SERVE: &str = "serve";

/// Call first in `main`: when the process was started as the server, serve and return its exit code.
pub fn serve_if_asked() -> Option<ExitCode> {
    let mut args = std::env::args().skip(1);
    (args.next().as_deref() == Some(SERVE)).then(|| twilio_local_server::cli::run(args))
}

/// A running server process; dropping it closes its stdin, which stops it.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    base_url: String,
}

impl ServerProcess {
    /// Starts this executable as a server with `args` (see `twilio_local_server::cli`).
    ///
    /// # Errors
    ///
    /// When the process cannot start or does not print its address.
    pub fn start(args: &[&str]) -> std::io::Result<Self> {
        let mut child = Command::new(std::env::current_exe()?)
            .arg(SERVE)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take();
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no stdout"))?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let base_url = line
            .trim()
            .strip_prefix("base_url=")
            .ok_or_else(|| std::io::Error::other(format!("the server said {line:?}")))?
            .to_owned();
        Ok(Self {
            child,
            stdin,
            base_url,
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A client builder with the server's credentials and address, the other settings default.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .account_sid(DEFAULT_ACCOUNT_SID)
            .auth_token(DEFAULT_AUTH_TOKEN)
            .base_url(self.base_url())
    }

    /// The hand-written client of the benchmarks, pointed at the server.
    ///
    /// # Panics
    ///
    /// If reqwest cannot build a client (no TLS backend): nothing can be measured then.
    pub fn hand_client(&self) -> HandClient {
        HandClient::new(self.base_url(), DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN)
            .expect("a reqwest client")
    }

    /// CPU time the server has used so far.
    pub fn cpu_time(&self) -> Duration {
        cpu_time(self.child.id()).unwrap_or_default()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}
