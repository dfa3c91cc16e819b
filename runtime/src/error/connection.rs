//! What a transport failure was, in `Error::Transport`'s own words: the host it was talking to
//! and the kind of failure (refused, DNS, TLS, reset, timeout), read from the cause chain so that
//! a log line of `Display` alone (`tracing`'s `%err`) says what a reader needs. The causes' own
//! words stay with `source()`.

use std::error::Error as StdError;
use std::fmt;
use std::io;

/// Cause chains are short (reqwest → hyper-util → io); this bounds a chain that loops.
const MAX_LEVELS: usize = 16;

/// A transport failure as `Display` tells it: `could not connect to 127.0.0.1:9 (connection
/// refused)`, before the attempts.
pub(super) struct Failure {
    stage: Stage,
    /// `host:port`, from the request's URL when the cause carries it.
    host: Option<String>,
    kind: Option<Kind>,
}

/// How far the request got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// No connection was made: nothing reached the server.
    Connect,
    /// Connected, but the request or the answer's head failed.
    Exchange,
    /// The answer's body broke off.
    Read,
    /// No reqwest error in the chain: the cause came from elsewhere.
    Unknown,
}

/// The kind of failure, as the parentheses name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Refused,
    Dns,
    Tls,
    Reset,
    Timeout,
    Unreachable,
    Closed,
}

impl Kind {
    fn words(self) -> &'static str {
        match self {
            Self::Refused => "connection refused",
            Self::Dns => "DNS lookup failed",
            Self::Tls => "TLS handshake failed",
            Self::Reset => "connection reset",
            Self::Timeout => "timed out",
            Self::Unreachable => "host unreachable",
            Self::Closed => "connection closed",
        }
    }
}

impl Failure {
    /// Reads a transport error's cause chain.
    pub(super) fn of(source: &(dyn StdError + 'static)) -> Self {
        let levels = levels(source);
        let request = levels
            .iter()
            .find_map(|level| level.downcast_ref::<reqwest::Error>());
        let stage = match request {
            Some(error) if error.is_connect() => Stage::Connect,
            Some(error) if error.is_body() || error.is_decode() => Stage::Read,
            Some(_) => Stage::Exchange,
            None => Stage::Unknown,
        };
        let host = request.and_then(reqwest::Error::url).and_then(|url| {
            let host = url.host_str()?;
            Some(match url.port_or_known_default() {
                Some(port) => format!("{host}:{port}"),
                None => host.to_owned(),
            })
        });
        Self {
            stage,
            host,
            kind: kind(&levels, stage),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.stage, &self.host) {
            (Stage::Connect, Some(host)) => write!(f, "could not connect to {host}")?,
            (Stage::Connect, None) => f.write_str("could not connect")?,
            (Stage::Exchange, Some(host)) => write!(f, "the request to {host} failed")?,
            (Stage::Read, Some(host)) => write!(f, "the answer from {host} broke off")?,
            (Stage::Read, None) => f.write_str("the answer broke off")?,
            _ => f.write_str("could not complete the request")?,
        }
        match self.kind {
            Some(kind) => write!(f, " ({})", kind.words()),
            None => Ok(()),
        }
    }
}

/// The chain from `top` down. An `io::Error` that wraps another error (rustls's, for one) reports
/// that error's source as its own, skipping the wrapped error: the walk steps into it instead.
fn levels<'a>(top: &'a (dyn StdError + 'static)) -> Vec<&'a (dyn StdError + 'static)> {
    let mut found = Vec::new();
    let mut next = Some(top);
    while let Some(error) = next.take() {
        if found.len() == MAX_LEVELS {
            break;
        }
        found.push(error);
        let wrapped = error
            .downcast_ref::<io::Error>()
            .and_then(io::Error::get_ref)
            .map(|inner| inner as &(dyn StdError + 'static));
        next = wrapped.or_else(|| error.source());
    }
    found
}

/// The first level that tells the kind: an `io::Error`'s kind, reqwest's timeout, hyper-util's
/// DNS step; a connection that failed past TCP on a TLS error is a failed handshake.
fn kind(levels: &[&(dyn StdError + 'static)], stage: Stage) -> Option<Kind> {
    for level in levels {
        if let Some(io) = level.downcast_ref::<io::Error>() {
            let kind = match io.kind() {
                io::ErrorKind::ConnectionRefused => Some(Kind::Refused),
                io::ErrorKind::ConnectionReset
                | io::ErrorKind::ConnectionAborted
                | io::ErrorKind::BrokenPipe => Some(Kind::Reset),
                io::ErrorKind::TimedOut => Some(Kind::Timeout),
                io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable => {
                    Some(Kind::Unreachable)
                }
                io::ErrorKind::UnexpectedEof => Some(Kind::Closed),
                _ => None,
            };
            if kind.is_some() {
                return kind;
            }
        }
        if level
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
        {
            return Some(Kind::Timeout);
        }
        // hyper-util's connector names its steps only in words (its error type is private).
        if level.to_string() == "dns error" {
            return Some(Kind::Dns);
        }
    }
    let tls = levels.iter().any(|level| {
        // rustls's errors come wrapped as `InvalidData`; native-tls's name SSL or a certificate.
        let invalid_data = level
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::InvalidData);
        // reqwest's own level is left out: its words are the URL, which may say anything.
        let named = level.downcast_ref::<reqwest::Error>().is_none() && {
            let text = level.to_string().to_ascii_lowercase();
            ["tls", "ssl", "certificate", "handshake"]
                .iter()
                .any(|word| text.contains(word))
        };
        invalid_data || named
    });
    (stage == Stage::Connect && tls).then_some(Kind::Tls)
}
