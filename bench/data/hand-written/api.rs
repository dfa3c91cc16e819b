//! What a careful user writes once before hand-writing Twilio resources with reqwest and serde:
//! a client with Basic credentials, path segments percent-encoded, one non-generic request step,
//! thin generic wrappers that decode the answer, a page loop, and one error type.
//!
//! It does not retry, has no per-call deadline beyond reqwest's client timeout, no size cap on a
//! body, reads no Twilio error body beyond keeping its text, and collects a whole listing into a
//! `Vec` (no lazy stream, no limit).

use std::fmt;
use std::time::Duration;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue, USER_AGENT};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Everything but RFC 3986's unreserved characters is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// What can go wrong.
#[derive(Debug)]
pub enum Error {
    /// A path value that is empty, `.` or `..`.
    InvalidPathValue,
    /// reqwest could not send or read.
    Http(reqwest::Error),
    /// Twilio answered with an error status.
    Status {
        /// The HTTP status.
        status: u16,
        /// The answer's body, as text.
        body: String,
    },
    /// The answer is not the JSON expected.
    Decode(serde_json::Error),
    /// The body could not be encoded.
    Encode(String),
    /// A next-page link to another host, or the same page again.
    BadNextPage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidPathValue => f.write_str("a path value is empty, `.` or `..`"),
            Self::Http(e) => write!(f, "request failed: {e}"),
            Self::Status { status, body } => write!(f, "Twilio answered {status}: {body}"),
            Self::Decode(e) => write!(f, "unexpected answer: {e}"),
            Self::Encode(e) => write!(f, "cannot encode the body: {e}"),
            Self::BadNextPage(link) => write!(f, "refused next page link {link}"),
        }
    }
}

impl std::error::Error for Error {}

/// How a body is sent.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    /// `application/x-www-form-urlencoded`, sequences as repeated keys.
    Form,
    /// `application/json`.
    Json,
}

/// The link to the next page, as each of Twilio's list dialects gives it.
pub enum Next {
    /// No more pages.
    Done,
    /// An absolute URL (v1 `meta.next_page_url`).
    Url(String),
    /// A path and query on the same host (2010 `next_page_uri`).
    Uri(String),
    /// The same request with `pageToken` (token-paged APIs).
    Token(String),
}

/// `meta` of a v1 page.
#[derive(serde::Deserialize)]
pub struct Meta {
    /// The next page, absolute.
    pub next_page_url: Option<String>,
}

/// `meta` of a token page.
#[derive(serde::Deserialize)]
pub struct TokenMeta {
    /// The next page's token.
    #[serde(rename = "nextToken")]
    pub next_token: Option<String>,
}

/// One page of a listing.
pub trait Page: DeserializeOwned {
    /// What the page holds.
    type Record;
    /// Its records and the link to the next page.
    fn into_parts(self) -> (Vec<Self::Record>, Next);
}

/// One path value as a percent-encoded segment.
///
/// # Errors
///
/// When the value is empty, `.` or `..` (it would address another resource).
pub fn segment(value: &str) -> Result<String, Error> {
    if matches!(value, "" | "." | "..") {
        return Err(Error::InvalidPathValue);
    }
    Ok(utf8_percent_encode(value, SEGMENT).to_string())
}

/// A Twilio client: credentials and a connection pool.
#[derive(Clone)]
pub struct Api {
    http: reqwest::Client,
    username: String,
    password: String,
    /// Replaces every resource's base URL when set (a test server).
    base_url: Option<String>,
}

impl fmt::Debug for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Api")
            .field("username", &self.username)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Api {
    /// A client for an account SID (or API key) and its secret.
    ///
    /// # Errors
    ///
    /// When reqwest cannot build its client.
    pub fn new(username: &str, password: &str, base_url: Option<String>) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(Error::Http)?;
        Ok(Self {
            http,
            username: username.to_owned(),
            password: password.to_owned(),
            base_url,
        })
    }

    fn url(&self, base_url: &str, path: &str) -> String {
        format!("{}{path}", self.base_url.as_deref().unwrap_or(base_url))
    }

    /// Sends one request and returns the answer's body when its status is a success.
    async fn send(
        &self,
        method: Method,
        url: &str,
        body: Option<(&'static str, Vec<u8>)>,
    ) -> Result<Vec<u8>, Error> {
        let mut request = self
            .http
            .request(method, url)
            .basic_auth(&self.username, Some(&self.password))
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, HeaderValue::from_static("hand-written/0.0"));
        if let Some((content_type, bytes)) = body {
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static(content_type))
                .body(bytes);
        }
        let response = request.send().await.map_err(Error::Http)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(Error::Http)?;
        if !status.is_success() {
            return Err(Error::Status {
                status: status.as_u16(),
                body: String::from_utf8_lossy(&bytes).into_owned(),
            });
        }
        Ok(bytes.to_vec())
    }

    /// `GET` one resource.
    ///
    /// # Errors
    ///
    /// When the request fails or the answer is not a `T`.
    pub async fn fetch<T: DeserializeOwned>(&self, base_url: &str, path: &str) -> Result<T, Error> {
        let bytes = self
            .send(Method::GET, &self.url(base_url, path), None)
            .await?;
        serde_json::from_slice(&bytes).map_err(Error::Decode)
    }

    /// `POST`, `PUT` or `PATCH` a body; the answer is the resource.
    ///
    /// # Errors
    ///
    /// When the body cannot be encoded, the request fails or the answer is not a `T`.
    pub async fn write<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        base_url: &str,
        path: &str,
        body: &B,
        format: Format,
    ) -> Result<T, Error> {
        let body = match format {
            Format::Form => (
                "application/x-www-form-urlencoded",
                serde_html_form::to_string(body)
                    .map_err(|e| Error::Encode(e.to_string()))?
                    .into_bytes(),
            ),
            Format::Json => (
                "application/json",
                serde_json::to_vec(body).map_err(|e| Error::Encode(e.to_string()))?,
            ),
        };
        let bytes = self
            .send(method, &self.url(base_url, path), Some(body))
            .await?;
        serde_json::from_slice(&bytes).map_err(Error::Decode)
    }

    /// `DELETE` one resource.
    ///
    /// # Errors
    ///
    /// When the request fails.
    pub async fn delete(&self, base_url: &str, path: &str) -> Result<(), Error> {
        self.send(Method::DELETE, &self.url(base_url, path), None)
            .await
            .map(drop)
    }

    /// Every record of a listing, page by page; `query` is the first page's query (its size).
    ///
    /// # Errors
    ///
    /// When a request fails, a page is not a `P`, or a next link leaves the host or repeats.
    pub async fn list<P: Page>(
        &self,
        base_url: &str,
        path: &str,
        query: &str,
    ) -> Result<Vec<P::Record>, Error> {
        let host = self.base_url.as_deref().unwrap_or(base_url).to_owned();
        let first = format!("{}?{query}", self.url(base_url, path));
        let mut url = first.clone();
        let mut records = Vec::new();
        loop {
            let bytes = self.send(Method::GET, &url, None).await?;
            let page: P = serde_json::from_slice(&bytes).map_err(Error::Decode)?;
            let (mut taken, next) = page.into_parts();
            records.append(&mut taken);
            let next = match next {
                Next::Done => return Ok(records),
                Next::Url(next) => next,
                Next::Uri(next) => format!("{host}{next}"),
                Next::Token(token) => format!("{first}&pageToken={}", segment(&token)?),
            };
            if next == url || !next.starts_with(&format!("{host}/")) {
                return Err(Error::BadNextPage(next));
            }
            url = next;
        }
    }
}
