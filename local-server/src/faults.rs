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
