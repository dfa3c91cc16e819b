//! Entry points for the fuzz targets in `fuzz/`; compiled only under `--cfg fuzzing` (which
//! `cargo fuzz` sets), so they never widen the public API.

use std::time::{Duration, SystemTime};

use crate::{ApiError, Error};

/// Reads an error body as the client does for a 4xx/5xx answer.
pub fn parse_error_body(status: u16, body: &[u8], account_sid: &str) -> ApiError {
    ApiError::parse(status, body, account_sid)
}

/// Decodes a 2xx body as the client does.
///
/// # Errors
///
/// [`Error::Decode`] when the body is not the JSON `R` expects.
pub fn decode<R: serde::de::DeserializeOwned>(body: &[u8]) -> Result<R, Error> {
    crate::decode::decode(body)
}

/// Reads a `Retry-After` header value as the client does.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    crate::retry::parse_retry_after(value, now)
}

/// Reads a list page's body as [`List`](crate::List) does, whole and in one pass. The records as
/// JSON, and where the listing goes on, described.
///
/// # Errors
///
/// [`Error::Decode`] when the page is not a list page.
pub fn read_list_page(body: &[u8]) -> Result<(Vec<serde_json::Value>, String), Error> {
    crate::list::read_page_for_fuzzing(body)
}
