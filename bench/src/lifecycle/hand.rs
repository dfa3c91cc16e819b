//! The floor for the lifecycle benchmark: what a careful developer writes by hand with reqwest and
//! serde. Its `reqwest::Client` has the generated client's settings (redirects not followed, no
//! proxy for the loopback server, the same `Accept` and `User-Agent` headers) and a precomputed
//! `Authorization` header; the query and the form body are built with `form_urlencoded`, the
//! pages and records decoded with `serde_json::from_slice`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Deserialize;
use serde_json::value::RawValue;

pub use crate::hand_written::{HandError, Participant};

use super::models::CreateMessage;

/// A message as a serde struct, the same fields as the generated `Message`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Message {
    /// `SM…`.
    pub sid: Option<String>,
    /// `AC…`.
    pub account_sid: Option<String>,
    /// Recipient.
    pub to: Option<String>,
    /// Sender.
    pub from: Option<String>,
    /// Text.
    pub body: Option<String>,
    /// `queued`, `sent`, …
    pub status: Option<String>,
    /// RFC 2822 date.
    pub date_created: Option<String>,
    /// The message's own path.
    pub uri: Option<String>,
}

/// One page of participants in the token dialect: `{participants: [...], meta: {nextToken}}`.
#[derive(Debug, Deserialize)]
struct ParticipantPage {
    participants: Vec<Participant>,
    meta: TokenMeta,
}

/// The same page with its records left as raw JSON, borrowed from the body.
#[derive(Debug, Deserialize)]
struct RawParticipantPage<'a> {
    #[serde(borrow)]
    participants: Vec<&'a RawValue>,
    meta: TokenMeta,
}

#[derive(Debug, Deserialize)]
struct TokenMeta {
    #[serde(rename = "nextToken")]
    next_token: Option<String>,
}

/// Base URL, account, Basic header and a reqwest pool.
#[derive(Debug, Clone)]
pub struct HandClient {
    http: reqwest::Client,
    base_url: String,
    account_sid: String,
    authorization: HeaderValue,
}

impl HandClient {
    /// A client for `base_url` with Basic credentials, sending `user_agent` (the generated
    /// client's, read from a request it made).
    ///
    /// # Errors
    ///
    /// When reqwest cannot build its client.
    pub fn new(
        base_url: &str,
        account_sid: &str,
        auth_token: &str,
        user_agent: &str,
    ) -> Result<Self, HandError> {
        let credentials = STANDARD.encode(format!("{account_sid}:{auth_token}"));
        let mut authorization = HeaderValue::from_str(&format!("Basic {credentials}"))?;
        authorization.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .user_agent(user_agent)
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(std::time::Duration::from_secs(30))
            .build()?;
        Ok(Self {
            http,
            base_url: base_url.to_owned(),
            account_sid: account_sid.to_owned(),
            authorization,
        })
    }

    /// Every participant of a conversation (at most `max_pages` pages of them), `page_size` per
    /// request, each handed to `visit` as soon as its page is decoded; returns how many pages
    /// were requested.
    ///
    /// # Errors
    ///
    /// Transport failures, non-2xx statuses and pages that do not decode.
    pub async fn list_participants(
        &self,
        conversation_sid: &str,
        page_size: u32,
        max_pages: u64,
        mut visit: impl FnMut(Participant),
    ) -> Result<u64, HandError> {
        let first = format!(
            "{}/v2/Conversations/{conversation_sid}/Participants?pageSize={page_size}",
            self.base_url
        );
        let mut url = first.clone();
        let mut pages = 0;
        loop {
            let body = self
                .http
                .get(&url)
                .header(AUTHORIZATION, self.authorization.clone())
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            pages += 1;
            let page: ParticipantPage = serde_json::from_slice(&body)?;
            drop(body);
            page.participants.into_iter().for_each(&mut visit);
            match page.meta.next_token {
                Some(_) if pages >= max_pages => return Ok(pages),
                Some(token) => {
                    let token: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
                    url = format!("{first}&pageToken={token}");
                }
                None => return Ok(pages),
            }
        }
    }

    /// As [`list_participants`](Self::list_participants), holding less of a page at a time: the
    /// body is read into one buffer of its announced length (no chunks and copy), and each record
    /// is decoded only when it is handed to `visit`, from the raw JSON the page keeps. What one
    /// page in memory can cost; the memory run reports it for comparison.
    ///
    /// # Errors
    ///
    /// As [`list_participants`](Self::list_participants).
    pub async fn list_participants_one_at_a_time(
        &self,
        conversation_sid: &str,
        page_size: u32,
        max_pages: u64,
        mut visit: impl FnMut(Participant),
    ) -> Result<u64, HandError> {
        let first = format!(
            "{}/v2/Conversations/{conversation_sid}/Participants?pageSize={page_size}",
            self.base_url
        );
        let mut url = first.clone();
        let mut pages = 0;
        let mut body = Vec::new();
        loop {
            let mut response = self
                .http
                .get(&url)
                .header(AUTHORIZATION, self.authorization.clone())
                .send()
                .await?
                .error_for_status()?;
            pages += 1;
            body.clear();
            let announced = response.content_length().unwrap_or(0);
            body.reserve(usize::try_from(announced).unwrap_or(0));
            while let Some(chunk) = response.chunk().await? {
                body.extend_from_slice(&chunk);
            }
            let page: RawParticipantPage<'_> = serde_json::from_slice(&body)?;
            for record in page.participants {
                visit(serde_json::from_str(record.get())?);
            }
            match page.meta.next_token {
                Some(_) if pages >= max_pages => return Ok(pages),
                Some(token) => {
                    let token: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
                    url = format!("{first}&pageToken={token}");
                }
                None => return Ok(pages),
            }
        }
    }

    /// `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with the form, decoded.
    ///
    /// # Errors
    ///
    /// Transport failures, non-2xx statuses and bodies that do not decode.
    pub async fn create_message(&self, message: &CreateMessage) -> Result<Message, HandError> {
        let url = format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            self.base_url, self.account_sid
        );
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("To", &message.to)
            .append_pair("From", &message.from)
            .append_pair("Body", &message.body)
            .finish();
        let body = self
            .http
            .post(url)
            .header(AUTHORIZATION, self.authorization.clone())
            .header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            )
            .body(form)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(serde_json::from_slice(&body)?)
    }
}
