//! What the API is asked and what it answers, before either is HTTP.

use axum::body::Bytes;
use axum::http::{Method, StatusCode};

use crate::bodies::twilio_code;

/// What the API was asked, after the gate let it through.
#[derive(Debug)]
pub(crate) struct Call<'a> {
    pub(crate) method: &'a Method,
    /// The path as sent, still percent-encoded.
    pub(crate) path: &'a str,
    /// The query as sent.
    pub(crate) query: Option<&'a str>,
    pub(crate) content_type: Option<&'a str>,
    pub(crate) body: &'a [u8],
    /// The `If-Match` header.
    pub(crate) if_match: Option<&'a str>,
}

/// The API's answer, before it becomes HTTP.
#[derive(Debug, Clone)]
pub(crate) enum Answer {
    /// A JSON body, and the record's revision as its `ETag` when it has one.
    Json(StatusCode, Bytes, Option<String>),
    /// `204 No Content`.
    NoContent,
    /// Twilio's classic error body with this status, code and message.
    Error(u16, u32, String),
}

impl Answer {
    /// An error with Twilio's usual code for its status.
    pub(crate) fn error(status: u16, message: String) -> Answer {
        Answer::Error(status, twilio_code(status), message)
    }

    /// The same answer with another success status.
    pub(crate) fn with_status(self, status: StatusCode) -> Answer {
        match self {
            Answer::Json(_, body, etag) => Answer::Json(status, body, etag),
            other => other,
        }
    }
}
