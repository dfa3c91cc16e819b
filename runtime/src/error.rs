//! The one error type, and how Twilio's error bodies are read.

use std::fmt;
use std::time::Duration;

use serde_json::{Map, Value};

mod connection;

/// Everything that can go wrong, as one `#[non_exhaustive]` enum.
///
/// Match on the variant for the kind of failure, or ask [`Error::status`], [`Error::code`] and
/// [`Error::retry_after`] for what Twilio answered. No variant ever holds a secret: only the
/// account SID (public) is named.
///
/// `Display` shows this error's own level; the cause, when there is one (a transport failure's
/// I/O or TLS error), comes from [`source`](std::error::Error::source), as reporters such as
/// `anyhow` expect. `{:?}` reads like `Display` followed by the causes (what `?` in `main` prints);
/// `{:#?}` shows every field.
///
/// ```
/// use std::time::Duration;
/// use twilio_resource::Error;
///
/// /// What a service might do with a failed call.
/// fn handle(error: &Error) -> Option<Duration> {
///     match error {
///         // Throttled: come back when Twilio says (or in a second).
///         _ if error.status() == Some(429) => Some(error.retry_after().unwrap_or(Duration::from_secs(1))),
///         // Wrong credentials: a person must act.
///         Error::Api(api) if api.status == 401 => {
///             eprintln!("alert: Twilio refused account {}", api.account_sid);
///             None
///         }
///         // Twilio changed a field's shape: log where.
///         Error::Decode { type_name, path, .. } => {
///             eprintln!("{type_name} did not decode at {path}: {error}");
///             None
///         }
///         Error::Timeout { .. } | Error::Transport { .. } => Some(Duration::from_secs(5)),
///         // `Error` and its variants are #[non_exhaustive]: new kinds may come.
///         _ => None,
///     }
/// }
/// # let _ = handle;
/// ```
#[non_exhaustive]
pub enum Error {
    /// Twilio (or a proxy in front of it) answered with a 4xx or 5xx status.
    Api(Box<ApiError>),
    /// Twilio answered with a redirect, which is never followed: it could carry credentials to another host.
    #[non_exhaustive]
    Redirect {
        /// The 3xx status.
        status: u16,
        /// The `Location` header, if any.
        location: Option<String>,
    },
    /// The call did not finish within the client's timeout (attempts and waits together).
    #[non_exhaustive]
    Timeout {
        /// The configured timeout.
        timeout: Duration,
        /// How many requests were started.
        attempts: u32,
    },
    /// The request could not be sent or its answer could not be read: connection refused or reset,
    /// DNS, TLS, a body cut short. `Display` names the host and the kind of failure, e.g.
    /// `could not connect to api.twilio.com:443 (DNS lookup failed) after 4 attempts`; the
    /// underlying error is the [`source`](std::error::Error::source).
    #[non_exhaustive]
    Transport {
        /// How many requests were started.
        attempts: u32,
        /// The underlying error.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A 2xx answer whose body is not the JSON the resource type expects.
    #[non_exhaustive]
    Decode {
        /// The Rust type that was being decoded, e.g. `my_app::Participant`.
        type_name: &'static str,
        /// Where in the JSON decoding failed, e.g. `addresses[0].channel` (`.` for the root).
        path: String,
        /// What was wrong there.
        message: String,
    },
    /// A listing could not go on to its next page: the page's next link repeats one already
    /// requested (the listing would loop), or is not a path that may be requested.
    #[non_exhaustive]
    Paging {
        /// The Rust type being listed, e.g. `my_app::Message`.
        type_name: &'static str,
        /// The page's field that named the next page, e.g. `meta.next_page_url`.
        field: &'static str,
        /// What was wrong with it.
        reason: String,
    },
    /// A 2xx answer larger than the client's `max_response_bytes`; reading stopped at the limit.
    #[non_exhaustive]
    ResponseTooLarge {
        /// The configured limit, in bytes.
        limit: usize,
    },
    /// An argument was refused before anything was sent.
    #[non_exhaustive]
    InvalidArgument {
        /// The parameter, as the generated function names it (e.g. `conversation_sid`).
        parameter: &'static str,
        /// Why it was refused.
        reason: String,
    },
    /// A required environment variable is missing or empty.
    #[non_exhaustive]
    MissingEnv {
        /// The variable, e.g. `TWILIO_AUTH_TOKEN`.
        variable: &'static str,
    },
    /// The client's configuration is unusable (missing credentials, a bad or insecure base URL, ...).
    #[non_exhaustive]
    Config {
        /// What is wrong and what to do.
        message: String,
    },
}

impl Error {
    /// The HTTP status of a non-2xx answer; `None` for transport, decode, argument and configuration errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Twilio's error code (e.g. `20404`) when the error body carried one.
    pub fn code(&self) -> Option<i64> {
        self.api().and_then(|api| api.code)
    }

    /// Twilio's human-readable message (or a problem document's `detail`/`title`) when there was one.
    pub fn message(&self) -> Option<&str> {
        self.api().and_then(|api| api.message.as_deref())
    }

    /// The link to Twilio's documentation of the error code, when the body gave one.
    pub fn more_info(&self) -> Option<&str> {
        self.api().and_then(|api| api.more_info.as_deref())
    }

    /// How long Twilio asked to wait (its `Retry-After` header) when it answered 429 or 503.
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(|api| api.retry_after)
    }

    /// The full error answer, for [`Error::Api`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(api) => Some(api),
            _ => None,
        }
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Self::Config {
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(api) => api.fmt(f),
            Self::Redirect { status, location } => {
                write!(f, "Twilio answered a redirect (HTTP {status}")?;
                if let Some(location) = location {
                    write!(f, " to {location}")?;
                }
                write!(
                    f,
                    "), which is not followed so that credentials never go to another host; check the base URL"
                )
            }
            Self::Timeout { timeout, attempts } => write!(
                f,
                "the request did not finish within the {timeout:?} timeout ({attempts} attempt{}); raise it with ClientBuilder::timeout",
                plural(*attempts)
            ),
            // The host and the kind of failure in this level's words; the causes' own words are
            // `source()`'s to tell, so reporters print the chain once.
            Self::Transport { attempts, source } => write!(
                f,
                "{} after {attempts} attempt{}",
                connection::Failure::of(source.as_ref()),
                plural(*attempts)
            ),
            Self::Decode {
                type_name,
                path,
                message,
            } => write!(
                f,
                "the response did not decode as `{}` at `{path}`: {message}",
                short_type_name(type_name)
            ),
            Self::Paging {
                type_name,
                field,
                reason,
            } => write!(
                f,
                "the listing of `{}` cannot go on from the page's `{field}`: {reason}",
                short_type_name(type_name)
            ),
            Self::ResponseTooLarge { limit } => write!(
                f,
                "the response body is larger than the {limit}-byte limit; raise it with ClientBuilder::max_response_bytes"
            ),
            Self::InvalidArgument { parameter, reason } => {
                write!(f, "invalid argument `{parameter}`: {reason}")
            }
            Self::MissingEnv { variable } => {
                write!(
                    f,
                    "the environment variable {variable} is not set (or is empty)"
                )?;
                match *variable {
                    "TWILIO_AUTH_TOKEN" => f.write_str(
                        "; authenticate with TWILIO_ACCOUNT_SID and either TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET",
                    ),
                    "TWILIO_API_SECRET" => f.write_str(
                        "; TWILIO_API_KEY is set, so its secret TWILIO_API_SECRET is needed too (or unset TWILIO_API_KEY to use TWILIO_AUTH_TOKEN)",
                    ),
                    _ => Ok(()),
                }
            }
            Self::Config { message } => write!(f, "invalid client configuration: {message}"),
        }
    }
}

/// Reads like `Display` plus the chain of causes, so `fn main() -> Result<(), Box<dyn Error>>`
/// prints a sentence rather than a struct; `{:#?}` keeps every field for a debugger.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return self.fields(f);
        }
        write!(f, "{self}")?;
        let mut cause = std::error::Error::source(self);
        if cause.is_some() {
            f.write_str("\n\nCaused by:")?;
        }
        let mut index = 0;
        while let Some(error) = cause {
            write!(f, "\n    {index}: {error}")?;
            index += 1;
            cause = error.source();
        }
        Ok(())
    }
}

impl Error {
    /// The derived-style `Debug`, field by field.
    fn fields(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(api) => f.debug_tuple("Api").field(api).finish(),
            Self::Redirect { status, location } => f
                .debug_struct("Redirect")
                .field("status", status)
                .field("location", location)
                .finish(),
            Self::Timeout { timeout, attempts } => f
                .debug_struct("Timeout")
                .field("timeout", timeout)
                .field("attempts", attempts)
                .finish(),
            Self::Transport { attempts, source } => f
                .debug_struct("Transport")
                .field("attempts", attempts)
                .field("source", source)
                .finish(),
            Self::Decode {
                type_name,
                path,
                message,
            } => f
                .debug_struct("Decode")
                .field("type_name", type_name)
                .field("path", path)
                .field("message", message)
                .finish(),
            Self::Paging {
                type_name,
                field,
                reason,
            } => f
                .debug_struct("Paging")
                .field("type_name", type_name)
                .field("field", field)
                .field("reason", reason)
                .finish(),
            Self::ResponseTooLarge { limit } => f
                .debug_struct("ResponseTooLarge")
                .field("limit", limit)
                .finish(),
            Self::InvalidArgument { parameter, reason } => f
                .debug_struct("InvalidArgument")
                .field("parameter", parameter)
                .field("reason", reason)
                .finish(),
            Self::MissingEnv { variable } => f
                .debug_struct("MissingEnv")
                .field("variable", variable)
                .finish(),
            Self::Config { message } => f.debug_struct("Config").field("message", message).finish(),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Transport { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn short_type_name(name: &str) -> &str {
    name.rsplit("::").next().unwrap_or(name)
}

/// A 4xx or 5xx answer, with whatever Twilio's body said.
///
/// Three body shapes are read: Twilio's classic `{code, message, more_info, status, details}`, the
/// API-standards v1.0 extras (`httpStatusCode`, `params`, `userError`), and RFC 9457 problem details
/// (`type`, `title`, `detail`, `instance`, `errors`). A body that is not JSON keeps a short excerpt.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// Twilio's error code, e.g. `20404`.
    pub code: Option<i64>,
    /// Twilio's message, or a problem document's `detail` (else `title`).
    pub message: Option<String>,
    /// The link to the error code's documentation.
    pub more_info: Option<String>,
    /// Twilio's `details` object.
    pub details: Option<Value>,
    /// API-standards v1.0: the request parameters the error is about.
    pub params: Option<Value>,
    /// API-standards v1.0: whether the caller (not Twilio) is at fault.
    pub user_error: Option<bool>,
    /// RFC 9457 `type`.
    pub problem_type: Option<String>,
    /// RFC 9457 `title`.
    pub title: Option<String>,
    /// RFC 9457 `instance`.
    pub instance: Option<String>,
    /// RFC 9457 `errors` (validation failures).
    pub errors: Option<Value>,
    /// The start of a body that was not a JSON object (an HTML page from a proxy, say).
    pub body_excerpt: Option<String>,
    /// The `Retry-After` the answer carried, when it could be read.
    pub retry_after: Option<Duration>,
    /// Twilio's `Twilio-Request-Id` header, for support tickets.
    pub request_id: Option<String>,
    /// The account SID the request was made for (never the token).
    pub account_sid: String,
    /// How many requests were made before giving up (more than one after retries).
    pub attempts: u32,
}

/// How much of a non-JSON error body is kept.
const EXCERPT_CHARS: usize = 200;

impl ApiError {
    /// Reads an error answer; never fails, whatever the body is.
    pub(crate) fn parse(status: u16, body: &[u8], account_sid: &str) -> Self {
        let mut error = ApiError {
            status,
            account_sid: account_sid.to_owned(),
            attempts: 1,
            ..ApiError::default()
        };
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(mut object)) => error.read_object(&mut object),
            _ => error.body_excerpt = excerpt(body),
        }
        error
    }

    fn read_object(&mut self, object: &mut Map<String, Value>) {
        self.code = object.get("code").and_then(integer);
        self.more_info = string(object, "more_info").or_else(|| string(object, "moreInfo"));
        self.title = string(object, "title");
        let detail = string(object, "detail");
        self.message = string(object, "message")
            .or(detail)
            .or_else(|| self.title.clone());
        self.details = object.remove("details");
        self.params = object.remove("params");
        self.user_error = object.get("userError").and_then(Value::as_bool);
        self.problem_type = string(object, "type");
        self.instance = string(object, "instance");
        self.errors = object.remove("errors");
    }
}

fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// Twilio sends codes as numbers; some proxies and problem documents send numeric strings.
fn integer(value: &Value) -> Option<i64> {
    value
        .as_i64()
        .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
}

/// The first characters of a body, lossily decoded, whitespace folded, controls escaped.
pub(crate) fn excerpt(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        return None;
    }
    let mut out: String = folded
        .chars()
        .take(EXCERPT_CHARS)
        .flat_map(char::escape_default)
        .collect();
    if folded.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    Some(out)
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = reqwest::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("");
        if self.status == 401 {
            write!(
                f,
                "Twilio refused the credentials for account {} (HTTP 401",
                self.account_sid
            )?;
        } else {
            write!(f, "Twilio answered HTTP {} {reason}", self.status)?;
            f.write_str(" (")?;
        }
        if let Some(code) = self.code {
            if self.status == 401 {
                f.write_str(", ")?;
            }
            write!(f, "error {code}")?;
        } else if self.status != 401 {
            f.write_str("no error code")?;
        }
        if self.attempts > 1 {
            write!(f, ", after {} attempts", self.attempts)?;
        }
        f.write_str(")")?;
        match (&self.message, &self.body_excerpt) {
            (Some(message), _) => write!(f, ": {message}")?,
            (None, Some(body)) => write!(f, " with a non-JSON body: \"{body}\"")?,
            (None, None) => {}
        }
        if let Some(more_info) = &self.more_info {
            write!(f, "; see {more_info}")?;
        }
        if self.status == 401 {
            f.write_str("; check the account SID and the auth token or API key secret")?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " [request {request_id}]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_classic_body() {
        let body = br#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
        let error = Error::Api(Box::new(ApiError::parse(404, body, "ACxx")));
        assert_eq!(error.status(), Some(404));
        assert_eq!(error.code(), Some(20404));
        assert_eq!(
            error.message(),
            Some("The requested resource was not found")
        );
        assert_eq!(
            error.more_info(),
            Some("https://www.twilio.com/docs/errors/20404")
        );
        assert_eq!(
            error.to_string(),
            "Twilio answered HTTP 404 Not Found (error 20404): The requested resource was not found; see https://www.twilio.com/docs/errors/20404"
        );
    }

    #[test]
    fn reads_the_v1_standard_extras() {
        let body = br#"{"code": 20001, "message": "Invalid pageSize", "more_info": "https://www.twilio.com/docs/errors/20001", "status": 400, "httpStatusCode": 400, "params": {"pageSize": "5000"}, "userError": true}"#;
        let api = ApiError::parse(400, body, "ACxx");
        assert_eq!(api.code, Some(20001));
        assert_eq!(api.user_error, Some(true));
        assert_eq!(api.params, Some(serde_json::json!({"pageSize": "5000"})));
    }

    #[test]
    fn reads_problem_details() {
        let body = br#"{"type": "https://www.twilio.com/docs/errors/20001", "title": "Bad Request", "status": 400, "code": "20001", "detail": "addresses must not be empty", "instance": "/v2/Conversations/x/Participants", "errors": [{"pointer": "/addresses"}]}"#;
        let api = ApiError::parse(400, body, "ACxx");
        assert_eq!(api.code, Some(20001));
        assert_eq!(api.message.as_deref(), Some("addresses must not be empty"));
        assert_eq!(api.title.as_deref(), Some("Bad Request"));
        assert_eq!(
            api.instance.as_deref(),
            Some("/v2/Conversations/x/Participants")
        );
        assert!(api.errors.is_some());
    }

    #[test]
    fn keeps_an_excerpt_of_a_non_json_body() {
        let body = format!("<html>\n<body>{}</body></html>", "x".repeat(500));
        let api = ApiError::parse(502, body.as_bytes(), "ACxx");
        assert_eq!(api.code, None);
        let excerpt = api.body_excerpt.clone().unwrap();
        assert!(excerpt.starts_with("<html> <body>xxx"), "{excerpt}");
        assert!(excerpt.ends_with('…'));
        assert!(api.to_string().starts_with(
            "Twilio answered HTTP 502 Bad Gateway (no error code) with a non-JSON body: \"<html>"
        ));
    }

    #[test]
    fn an_empty_or_invalid_utf8_body_still_reports_the_status() {
        let api = ApiError::parse(503, b"", "ACxx");
        assert_eq!(
            api.to_string(),
            "Twilio answered HTTP 503 Service Unavailable (no error code)"
        );
        let api = ApiError::parse(500, b"\xff\xfe oops", "ACxx");
        assert!(api.body_excerpt.unwrap().contains("oops"));
    }

    #[test]
    fn a_401_names_the_account_and_never_a_token() {
        let body = br#"{"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}"#;
        let api = ApiError::parse(401, body, "AC0123");
        assert_eq!(
            api.to_string(),
            "Twilio refused the credentials for account AC0123 (HTTP 401, error 20003): Authenticate; see https://www.twilio.com/docs/errors/20003; check the account SID and the auth token or API key secret"
        );
    }

    #[test]
    fn decode_errors_name_the_type_and_path() {
        let error = Error::Decode {
            type_name: "my_app::Participant",
            path: "addresses[0].channel".into(),
            message: "invalid type: integer `5`, expected a string".into(),
        };
        assert_eq!(
            error.to_string(),
            "the response did not decode as `Participant` at `addresses[0].channel`: invalid type: integer `5`, expected a string"
        );
        assert_eq!(error.status(), None);
    }
}
