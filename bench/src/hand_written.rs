//! The floor: what a careful Rust developer writes by hand with reqwest and serde for the same
//! resource. Same fields and nested types as the generated model, a precomputed `Authorization`
//! header, a connection pool, `serde_json::from_slice` on the body — and the guarantees the
//! generated client gives, so the comparison is fair both ways: redirects not followed, no proxy
//! for the loopback server, `Accept` and `User-Agent` headers, a deadline per call, and the body
//! read with a size cap (refused at once when the announced length is over it).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http_body_util::{BodyExt as _, Limited};
use jiff::Timestamp;
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderMap, HeaderValue, USER_AGENT};
use serde::{Deserialize, Serialize};

pub use crate::example::{Address, ParticipantType};

/// The participant model, written by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// Participant ID.
    pub id: Option<String>,
    /// Conversation ID.
    pub conversation_id: Option<String>,
    /// Account ID.
    pub account_id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// The kind of participant.
    #[serde(rename = "type")]
    pub kind: Option<ParticipantType>,
    /// Profile ID.
    pub profile_id: Option<String>,
    /// Communication addresses.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// Creation time.
    pub created_at: Option<Timestamp>,
    /// Last update time.
    pub updated_at: Option<Timestamp>,
}

/// A hand-written client: base URL, Basic header and a reqwest pool.
#[derive(Debug, Clone)]
pub struct HandClient {
    http: reqwest::Client,
    base_url: String,
    authorization: HeaderValue,
}

/// The size cap on a body, the generated client's default.
const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// What can go wrong in the hand-written fetch.
pub type HandError = Box<dyn std::error::Error + Send + Sync>;

impl HandClient {
    /// A client for `base_url` with Basic credentials.
    ///
    /// # Errors
    ///
    /// When reqwest cannot build its client.
    pub fn new(base_url: &str, account_sid: &str, auth_token: &str) -> Result<Self, HandError> {
        let credentials = STANDARD.encode(format!("{account_sid}:{auth_token}"));
        let mut authorization = HeaderValue::from_str(&format!("Basic {credentials}"))?;
        authorization.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static("hand-written/0.1.0 (linux x86_64) rust/1.95.0"),
        );
        Ok(Self {
            http: reqwest::Client::builder()
                .default_headers(headers)
                .redirect(reqwest::redirect::Policy::none())
                .no_proxy()
                .timeout(std::time::Duration::from_secs(30))
                .build()?,
            base_url: base_url.to_owned(),
            authorization,
        })
    }

    /// `GET /v2/Conversations/{conversation_sid}/Participants/{sid}`, decoded.
    ///
    /// # Errors
    ///
    /// Transport failures, non-2xx statuses and bodies that do not decode.
    pub async fn fetch_participant(
        &self,
        conversation_sid: &str,
        sid: &str,
    ) -> Result<Participant, HandError> {
        let url = format!(
            "{}/v2/Conversations/{conversation_sid}/Participants/{sid}",
            self.base_url
        );
        let response = self
            .http
            .get(url)
            .header(AUTHORIZATION, self.authorization.clone())
            .send()
            .await?
            .error_for_status()?;
        if response
            .content_length()
            .is_some_and(|announced| announced > MAX_BODY_BYTES as u64)
        {
            return Err("response too large".into());
        }
        let body = Limited::new(reqwest::Body::from(response), MAX_BODY_BYTES)
            .collect()
            .await?
            .to_bytes();
        Ok(serde_json::from_slice(&body)?)
    }
}
