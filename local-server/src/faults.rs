//! Scripted faults: what the next request gets instead of (or before) the normal answer.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// One scripted fault. Build it with the constructors, add `Retry-After` with [`Fault::retry_after`],
/// and queue it with [`LocalServer::push_fault`](crate::LocalServer::push_fault).
#[derive(Debug, Clone)]
pub struct Fault {
    pub(crate) kind: FaultKind,
    pub(crate) retry_after: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) enum FaultKind {
    Status {
        status: u16,
        shape: BodyShape,
    },
    Delay(Duration),
    Raw {
        status: u16,
        content_type: String,
        body: Vec<u8>,
    },
    TruncatedJson,
    CutMidBody,
    SlowBody {
        pause: Duration,
    },
    LargeBody {
        bytes: u64,
        announce_length: bool,
    },
    Redirect {
        status: u16,
        location: String,
    },
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum BodyShape {
    Classic,
    Standard,
    Problem,
}

impl Fault {
    fn new(kind: FaultKind) -> Self {
        Self {
            kind,
            retry_after: None,
        }
    }

    /// Answer `status` (400, 404, 429, 500, 503, ...) with Twilio's classic error body.
    pub fn status(status: u16) -> Self {
        Self::new(FaultKind::Status {
            status,
            shape: BodyShape::Classic,
        })
    }

    /// Answer `status` with the classic body plus the API-standards v1.0 extras.
    pub fn standard(status: u16) -> Self {
        Self::new(FaultKind::Status {
            status,
            shape: BodyShape::Standard,
        })
    }

    /// Answer `status` with an RFC 9457 problem document (`application/problem+json`).
    pub fn problem(status: u16) -> Self {
        Self::new(FaultKind::Status {
            status,
            shape: BodyShape::Problem,
        })
    }

    /// Wait this long, then answer normally.
    pub fn delay(delay: Duration) -> Self {
        Self::new(FaultKind::Delay(delay))
    }

    /// Answer with exactly this status, content type and body.
    pub fn raw(status: u16, content_type: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Self::new(FaultKind::Raw {
            status,
            content_type: content_type.into(),
            body: body.into(),
        })
    }

    /// Answer `status` with this JSON body (`application/json`): an error body of any shape, or a
    /// whole list page, e.g. one whose next link points at another host or repeats its cursor.
    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        Self::raw(status, "application/json", body.to_string())
    }

    /// Answer `status` with an HTML page, as a proxy or load balancer would.
    pub fn html(status: u16) -> Self {
        let page = format!(
            "<html><head><title>{status}</title></head><body><h1>{status} from a proxy</h1></body></html>"
        );
        Self::raw(status, "text/html", page)
    }

    /// Answer 200 with the first half of the record the request names (else the example
    /// participant): a well-formed HTTP answer whose body does not parse.
    pub fn truncated_json() -> Self {
        Self::new(FaultKind::TruncatedJson)
    }

    /// Answer 200 announcing the full length of the record the request names (else the example
    /// participant), send half of it, then drop the connection: a reset mid-body, as a crashed
    /// proxy or a cut link gives.
    pub fn cut_mid_body() -> Self {
        Self::new(FaultKind::CutMidBody)
    }

    /// Answer 200 at once, then send the record the request names (else the example participant)
    /// in 8 pieces with `pause` before each: headers arrive quickly, the body never seems to end.
    pub fn slow_body(pause: Duration) -> Self {
        Self::new(FaultKind::SlowBody { pause })
    }

    /// Answer 200 with a JSON body of `bytes` bytes, produced as it is sent (the server holds none
    /// of it), with a `Content-Length` when `announce_length`, else chunked. How much was actually
    /// sent is in [`LocalServer::streamed_bytes`](crate::LocalServer::streamed_bytes).
    pub fn large_body(bytes: u64, announce_length: bool) -> Self {
        Self::new(FaultKind::LargeBody {
            bytes,
            announce_length,
        })
    }

    /// Answer `302 Found` pointing at `location`.
    pub fn redirect(location: impl Into<String>) -> Self {
        Self::new(FaultKind::Redirect {
            status: 302,
            location: location.into(),
        })
    }

    /// Add a `Retry-After` header with this exact text (seconds, an HTTP date, or anything at all).
    pub fn retry_after(mut self, value: impl Into<String>) -> Self {
        self.retry_after = Some(value.into());
        self
    }
}

/// Reads a fault from its short name, as the command line gives it: `429`, `503`, … (classic
/// body), `html`, `truncated`, `cut`, `empty`, `delay=<ms>`, `slow=<ms>`, `large=<bytes>`; add
/// `+retry=<value>` for a `Retry-After` header, e.g. `429+retry=1`.
///
/// ```
/// use twilio_local_server::Fault;
///
/// let faults: Vec<Fault> = "429+retry=1,cut".split(',').map(str::parse).collect::<Result<_, _>>().unwrap();
/// assert_eq!(faults.len(), 2);
/// let error = "bogus".parse::<Fault>().unwrap_err();
/// assert!(error.to_string().starts_with("fault \"bogus\": unknown kind"));
/// ```
impl FromStr for Fault {
    type Err = ParseFaultError;

    fn from_str(spec: &str) -> Result<Self, ParseFaultError> {
        let (kind, retry_after) = match spec.split_once("+retry=") {
            Some((kind, value)) => (kind, Some(value)),
            None => (spec, None),
        };
        let error = |reason: String| ParseFaultError {
            spec: spec.to_owned(),
            reason,
        };
        let number = |text: &str| {
            text.parse::<u64>()
                .map_err(|_| error(format!("{text:?} is not a whole number")))
        };
        let unknown = || {
            error(
                "unknown kind; use a status, html, truncated, cut, empty, delay=<ms>, slow=<ms> or large=<bytes>"
                    .to_owned(),
            )
        };
        let fault = match kind.split_once('=') {
            Some(("delay", ms)) => Self::delay(Duration::from_millis(number(ms)?)),
            Some(("slow", ms)) => Self::slow_body(Duration::from_millis(number(ms)?)),
            Some(("large", bytes)) => Self::large_body(number(bytes)?, false),
            Some(_) => return Err(unknown()),
            None => match kind {
                "html" => Self::html(200),
                "truncated" => Self::truncated_json(),
                "cut" => Self::cut_mid_body(),
                "empty" => Self::raw(200, "application/json", Vec::new()),
                status => match status.parse::<u16>() {
                    Ok(code @ 100..=599) => Self::status(code),
                    _ => return Err(unknown()),
                },
            },
        };
        Ok(match retry_after {
            Some(value) => fault.retry_after(value),
            None => fault,
        })
    }
}

/// A fault name that could not be read; its message names the name and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFaultError {
    spec: String,
    reason: String,
}

impl fmt::Display for ParseFaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fault {:?}: {}", self.spec, self.reason)
    }
}

impl std::error::Error for ParseFaultError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind() {
        for spec in [
            "429",
            "503+retry=1",
            "html",
            "truncated",
            "cut",
            "empty",
            "delay=5",
            "slow=1",
            "large=100",
        ] {
            assert!(spec.parse::<Fault>().is_ok(), "{spec}");
        }
        let fault: Fault = "429+retry=Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap();
        assert_eq!(
            fault.retry_after.as_deref(),
            Some("Wed, 21 Oct 2015 07:28:00 GMT")
        );
    }

    #[test]
    fn names_the_bad_token() {
        let error = |spec: &str| spec.parse::<Fault>().unwrap_err().to_string();
        assert!(error("bogus").starts_with("fault \"bogus\": unknown kind"));
        assert!(error("700").contains("unknown kind"));
        assert_eq!(
            error("delay=soon"),
            "fault \"delay=soon\": \"soon\" is not a whole number"
        );
        assert!(error("wait=5").contains("unknown kind"));
    }
}
