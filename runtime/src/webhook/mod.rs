//! Receiving Twilio's webhooks: check the `X-Twilio-Signature`, read the parameters as typed
//! payloads, and (with the `axum` feature) do both in one extractor.
//!
//! [`Validator`] depends on no web framework: give it the URL Twilio called, the parameters as
//! received and the header.
//!
//! ```
//! use twilio_resource::webhook::{IncomingMessage, Params, Validator, WebhookError};
//!
//! fn handle(url: &str, body: &[u8], signature: Option<&str>) -> Result<String, WebhookError> {
//!     let validator = Validator::new("your auth token");
//!     let params = Params::from_form(body);
//!     // Validation always uses the raw pairs, never a decoded value.
//!     validator.validate(url, &params, signature.unwrap_or_default())?;
//!     let message: IncomingMessage = params.decode()?;
//!     Ok(format!("{} says {}", message.from, message.body))
//! }
//!
//! // A test signs a request as Twilio would.
//! let url = "https://example.com/sms";
//! let body = b"MessageSid=SM1&AccountSid=AC1&From=%2B15551230000&To=%2B15557654321&Body=Hi";
//! let signature = Validator::new("your auth token").sign(url, &Params::from_form(body));
//! assert_eq!(handle(url, body, Some(&signature))?, "+15551230000 says Hi");
//! let tampered = b"MessageSid=SM1&AccountSid=AC1&From=%2B15551230000&To=%2B15557654321&Body=Pay";
//! assert_eq!(handle(url, tampered, Some(&signature)), Err(WebhookError::SignatureMismatch));
//! assert_eq!(handle(url, body, None), Err(WebhookError::MissingSignature));
//! # Ok::<(), WebhookError>(())
//! ```
//!
//! Behind a proxy or load balancer the server does not see the URL Twilio called; [`UrlSettings`]
//! says how to find it, and fails closed when it cannot.
#[cfg(feature = "axum")]
mod axum;
mod error;
mod params;
mod payload;
mod settings;
mod signing;
mod url;
mod validator;

#[cfg(feature = "axum")]
pub use self::axum::{Webhook, WebhookConfig, WebhookRejection};
pub use error::WebhookError;
pub use params::{Param, Params};
pub use payload::{
    CallStatus, CallStatusCallback, ConversationsEvent, Direction, EventType, IncomingCall,
    IncomingMessage, Media, MessageStatus, MessageStatusCallback,
};
pub use settings::{Algorithm, SignatureSettings};
pub use signing::body_sha256;
pub use url::{RequestTarget, UrlSettings};
pub use validator::Validator;

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "X-Twilio-Signature";
/// The header Twilio adds when it signs with a shared key instead of the auth token.
pub const SIGNATURE_SETTINGS_HEADER: &str = "X-Twilio-Webhooks-Signature-Settings";
/// The header Twilio repeats on each retry of one webhook, to de-duplicate them.
pub const IDEMPOTENCY_TOKEN_HEADER: &str = "I-Twilio-Idempotency-Token";

#[cfg(test)]
mod tests;
