//! Scripted faults: what the next request gets instead of (or before) the normal answer.

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

    /// Answer `status` with an HTML page, as a proxy or load balancer would.
    pub fn html(status: u16) -> Self {
        let page = format!(
            "<html><head><title>{status}</title></head><body><h1>{status} from a proxy</h1></body></html>"
        );
        Self::raw(status, "text/html", page)
    }

    /// Answer 200 with the first half of the participant's JSON: a well-formed HTTP answer whose body
    /// does not parse.
    pub fn truncated_json() -> Self {
        Self::new(FaultKind::TruncatedJson)
    }

    /// Answer 200 announcing the participant's full length, send half of it, then drop the
    /// connection: a reset mid-body, as a crashed proxy or a cut link gives.
    pub fn cut_mid_body() -> Self {
        Self::new(FaultKind::CutMidBody)
    }

    /// Answer 200 at once, then send the participant's JSON in 8 pieces with `pause` before each:
    /// headers arrive quickly, the body never seems to end.
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

    /// Parses a fault from its short name, for the command line: `429`, `503`, … (classic body),
    /// `html`, `truncated`, `cut`, `empty`, `delay=<ms>`, `slow=<ms>`, `large=<bytes>`; add
    /// `+retry=<value>` for a `Retry-After` header, e.g. `429+retry=1`.
    ///
    /// # Errors
    ///
    /// A message naming the part that could not be read.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let (kind, retry_after) = match spec.split_once("+retry=") {
            Some((kind, value)) => (kind, Some(value)),
            None => (spec, None),
        };
        let number = |text: &str| {
            text.parse::<u64>()
                .map_err(|_| format!("fault {spec:?}: {text:?} is not a whole number"))
        };
        let unknown = || {
            format!(
                "fault {spec:?}: unknown kind; use a status, html, truncated, cut, empty, delay=<ms>, slow=<ms> or large=<bytes>"
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
