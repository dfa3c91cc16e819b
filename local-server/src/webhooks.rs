//! The server as Twilio's webhook sender: signed status callbacks for created messages, and
//! signed incoming messages delivered on request.

use std::io;
use std::sync::OnceLock;

use serde_json::Value;
use twilio_resource::webhook::{IDEMPOTENCY_TOKEN_HEADER, SIGNATURE_HEADER, Validator};

use crate::LocalServer;
use crate::paths::{Address, Dialect};
use crate::state::State;

/// The statuses a created message reports to its `StatusCallback`, in order.
pub const MESSAGE_STATUSES: [&str; 3] = ["queued", "sent", "delivered"];

/// What a webhook's receiver answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookResponse {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, as text (invalid UTF-8 replaced).
    pub body: String,
}

/// A message sent to one of the account's numbers, for [`LocalServer::send_incoming_message`].
///
/// ```
/// use twilio_local_server::IncomingMessage;
///
/// let message = IncomingMessage::new("+15551230000", "+15557654321", "Hi")
///     .media("https://example.com/owl.png", "image/png")
///     .param("ProfileName", "Ana");
/// # let _ = message;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingMessage {
    from: String,
    to: String,
    body: String,
    media: Vec<(String, String)>,
    extra: Vec<(String, String)>,
}

impl IncomingMessage {
    /// A text from `from` to `to` (your number).
    pub fn new(from: impl Into<String>, to: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            body: body.into(),
            media: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Attaches a media file (`MediaUrl{N}`, `MediaContentType{N}`).
    pub fn media(mut self, url: impl Into<String>, content_type: impl Into<String>) -> Self {
        self.media.push((url.into(), content_type.into()));
        self
    }

    /// Adds any other parameter (sent as given, after the standard ones; repeat it to repeat it).
    pub fn param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra.push((key.into(), value.into()));
        self
    }
}

impl LocalServer {
    /// Delivers `message` to `url` as Twilio delivers an incoming SMS or MMS: a form `POST`
    /// with `MessageSid`, `AccountSid`, `From`, `To`, `Body`, `NumMedia`, `NumSegments`, the
    /// media, `SmsStatus=received` and `ApiVersion`, signed with this server's auth token
    /// (`X-Twilio-Signature`) and carrying an `I-Twilio-Idempotency-Token`. Returns what the
    /// receiver answered (any status: a `403` is an answer).
    ///
    /// # Errors
    ///
    /// When `url` cannot be reached or is not an `http` URL.
    pub async fn send_incoming_message(
        &self,
        url: &str,
        message: IncomingMessage,
    ) -> io::Result<WebhookResponse> {
        let params = incoming_params(&self.state, message);
        self.send_webhook(url, &params).await
    }

    /// Delivers any parameters to `url` as a signed form `POST`, as Twilio sends a webhook: for
    /// status callbacks, calls, or requests your handler must refuse.
    ///
    /// # Errors
    ///
    /// When `url` cannot be reached or is not an `http` URL.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// # let server = twilio_local_server::LocalServer::start().await.unwrap();
    /// let callback = [("MessageSid", "SM1"), ("MessageStatus", "failed"), ("ErrorCode", "30003")];
    /// // Nothing listens on port 9 of this machine: the delivery fails, it does not panic.
    /// assert!(server.send_webhook("http://127.0.0.1:9/status", &callback).await.is_err());
    /// # }
    /// ```
    pub async fn send_webhook<K: AsRef<str>, V: AsRef<str>>(
        &self,
        url: &str,
        params: &[(K, V)],
    ) -> io::Result<WebhookResponse> {
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect();
        post_signed(&self.state.auth_token, url, &params).await
    }
}

fn incoming_params(state: &State, message: IncomingMessage) -> Vec<(String, String)> {
    let messages = Address::from_segments(vec![
        "2010-04-01".to_owned(),
        "Accounts".to_owned(),
        state.account_sid.clone(),
        "Messages".to_owned(),
    ]);
    let sid = state.ids.make(Dialect::V2010, &messages);
    let mut params = vec![
        ("MessageSid".to_owned(), sid.clone()),
        ("SmsMessageSid".to_owned(), sid.clone()),
        ("SmsSid".to_owned(), sid),
        ("AccountSid".to_owned(), state.account_sid.clone()),
        ("From".to_owned(), message.from),
        ("To".to_owned(), message.to),
        ("Body".to_owned(), message.body),
        ("NumMedia".to_owned(), message.media.len().to_string()),
        ("NumSegments".to_owned(), "1".to_owned()),
        ("SmsStatus".to_owned(), "received".to_owned()),
        ("ApiVersion".to_owned(), "2010-04-01".to_owned()),
    ];
    for (index, (url, content_type)) in message.media.into_iter().enumerate() {
        params.push((format!("MediaUrl{index}"), url));
        params.push((format!("MediaContentType{index}"), content_type));
    }
    params.extend(message.extra);
    params
}

/// Signs `params` for `url` with `auth_token` and posts them as a form.
async fn post_signed(
    auth_token: &str,
    url: &str,
    params: &[(String, String)],
) -> io::Result<WebhookResponse> {
    let signature = Validator::new(auth_token).sign(url, params);
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let token = format!("local-{:016x}", delivery_token(&signature));
    let response = client()?
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header(SIGNATURE_HEADER, signature)
        .header(IDEMPOTENCY_TOKEN_HEADER, token)
        .header("User-Agent", "TwilioProxy/1.1 (twilio-local-server)")
        .body(body)
        .send()
        .await
        .map_err(io::Error::other)?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let bytes = response.bytes().await.map_err(io::Error::other)?;
    Ok(WebhookResponse {
        status,
        content_type,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// One HTTP client for every delivery (its connection pool is shared).
fn client() -> io::Result<&'static reqwest::Client> {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    if let Some(client) = CLIENT.get() {
        return Ok(client);
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(io::Error::other)?;
    Ok(CLIENT.get_or_init(|| client))
}

/// A token that differs between deliveries: the signature mixed with a random seed.
fn delivery_token(signature: &str) -> u64 {
    use std::hash::BuildHasher as _;
    std::hash::RandomState::new().hash_one(signature)
}

/// Whether `collection` holds the 2010 API's messages (`/2010-04-01/Accounts/{Sid}/Messages`).
fn holds_2010_messages(collection: &Address) -> bool {
    collection.last() == "Messages" && collection.key().starts_with("/2010-04-01/")
}

/// A 2010 message about to be stored: delivered at once, as the status callbacks will report
/// (`status` the last of [`MESSAGE_STATUSES`], `date_sent` now, `direction` `outbound-api`), where
/// the body did not set them. `true` when it is such a message: its create answer is then
/// [`as_queued`], as Twilio's is.
pub(crate) fn deliver(collection: &Address, record: &mut serde_json::Map<String, Value>) -> bool {
    if !holds_2010_messages(collection) || record.contains_key("status") {
        return false;
    }
    let delivered = MESSAGE_STATUSES[MESSAGE_STATUSES.len() - 1];
    record.insert("status".to_owned(), delivered.into());
    record
        .entry("direction")
        .or_insert_with(|| "outbound-api".into());
    record
        .entry("date_sent")
        .or_insert_with(|| crate::ids::now(true).into());
    true
}

/// The stored (delivered) message as its create answer shows it: `queued`, not sent yet.
pub(crate) fn as_queued(stored: &[u8]) -> Option<axum::body::Bytes> {
    let Ok(Value::Object(mut record)) = serde_json::from_slice::<Value>(stored) else {
        return None;
    };
    record.insert("status".to_owned(), MESSAGE_STATUSES[0].into());
    record.insert("date_sent".to_owned(), Value::Null);
    Some(Value::Object(record).to_string().into())
}

/// After a message is created with a `StatusCallback`: posts `queued`, `sent`, `delivered` to it,
/// one after the other, in the background. Anything but a 2010 message with that field is left
/// alone.
pub(crate) fn after_create(state: &State, collection: &Address, record: &[u8]) {
    if !holds_2010_messages(collection) {
        return;
    }
    let Ok(Value::Object(record)) = serde_json::from_slice::<Value>(record) else {
        return;
    };
    let field = |name: &str| record.get(name).and_then(Value::as_str).map(str::to_owned);
    let Some(url) = field("status_callback") else {
        return;
    };
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let mut base = Vec::new();
    for (key, name) in [
        ("MessageSid", "sid"),
        ("SmsSid", "sid"),
        ("AccountSid", "account_sid"),
        ("From", "from"),
        ("To", "to"),
        ("MessagingServiceSid", "messaging_service_sid"),
    ] {
        if let Some(value) = field(name) {
            base.push((key.to_owned(), value));
        }
    }
    base.push(("ApiVersion".to_owned(), "2010-04-01".to_owned()));
    let auth_token = state.auth_token.clone();
    runtime.spawn(async move {
        for status in MESSAGE_STATUSES {
            let mut params = base.clone();
            params.push(("MessageStatus".to_owned(), status.to_owned()));
            params.push(("SmsStatus".to_owned(), status.to_owned()));
            // Twilio does not retry a failed status callback either; the next one still goes.
            let _ = post_signed(&auth_token, &url, &params).await;
        }
    });
}
