//! [`Response`]: a decoded body with what Twilio answered besides it.

use reqwest::StatusCode;
use reqwest::header::{ETAG, HeaderMap};

/// A decoded answer with its status and headers, from `.with_response()` on any call.
///
/// ```
/// use twilio_resource::{twilio_resource, Client, Response};
///
/// #[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
/// pub struct Participant {
///     pub id: Option<String>,
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let server = twilio_local_server::LocalServer::start().await?;
/// # server.insert_participant(twilio_local_server::example_participant());
/// # let (conversation, sid) = (twilio_local_server::EXAMPLE_CONVERSATION_ID, twilio_local_server::EXAMPLE_PARTICIPANT_ID);
/// # let client = Client::builder().account_sid(server.account_sid()).auth_token(server.auth_token()).base_url(server.base_url()).build()?;
/// let answer: Response<Participant> =
///     Participant::fetch(&client, conversation, sid).with_response().await?;
/// assert_eq!(answer.status(), 200);
/// assert!(answer.request_id().is_some_and(|id| id.starts_with("RQ")));
/// let participant = answer.into_body();
/// assert!(participant.id.is_some());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: StatusCode,
    headers: HeaderMap,
    body: T,
}

impl<T> Response<T> {
    pub(crate) fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
        Self {
            status,
            headers,
            body,
        }
    }

    /// The HTTP status (a 2xx: other statuses are [`Error::Api`](crate::Error::Api)).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Every header of the answer.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// `Twilio-Request-Id`, the id Twilio's support asks for (`RQ…`); errors carry it too
    /// ([`ApiError::request_id`](crate::ApiError::request_id)).
    pub fn request_id(&self) -> Option<&str> {
        self.header("twilio-request-id")
    }

    /// `ETag`: the record's revision where the API gives one (Sync), for a later
    /// `.if_match(..)`.
    pub fn etag(&self) -> Option<&str> {
        self.header(ETAG.as_str())
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, the rest dropped.
    pub fn into_body(self) -> T {
        self.body
    }

    /// Status, headers and body, taken apart.
    pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
        (self.status, self.headers, self.body)
    }

    /// A header's value when it is text.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}
