//! Why a webhook was refused.

use std::fmt;

/// Why a webhook request was refused, or its payload did not decode.
///
/// Each variant says what was wrong without revealing what was expected: no variant holds a key,
/// an expected signature or an expected hash.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// The request has no `X-Twilio-Signature` header, or it is empty.
    MissingSignature,
    /// The signature is not the base64 of an HMAC-SHA1 or HMAC-SHA256 digest.
    MalformedSignature,
    /// The signature does not match the URL and parameters (or body) with any configured key.
    SignatureMismatch,
    /// A JSON body was sent, but the URL has no `bodySHA256` parameter to bind it to the
    /// signature: without it any body could be swapped in, so it is refused.
    MissingBodyHash,
    /// The URL carries `bodySHA256` more than once.
    RepeatedBodyHash,
    /// The body's SHA-256 is not the `bodySHA256` the signed URL carries.
    BodyHashMismatch,
    /// The URL carries `bodySHA256`, so the request has a JSON body, but it was checked as a form:
    /// check it with [`Validator::validate_body`](super::Validator::validate_body).
    UnexpectedBodyHash,
    /// The `X-Twilio-Webhooks-Signature-Settings` header is not `key=…,algorithm=…`.
    MalformedSignatureSettings,
    /// The `X-Twilio-Webhooks-Signature-Settings` header names an algorithm this crate does not
    /// know (the name is shown: it is public).
    UnsupportedAlgorithm(String),
    /// The validator has no non-empty key for this request (an auth token read from an unset
    /// variable, say): with an empty key anyone could sign, so nothing is accepted.
    NoKey,
    /// The request was signed with a shared key (`X-Twilio-Webhooks-Signature-Settings`), but the
    /// validator has none.
    NoSharedKey,
    /// The URL Twilio called cannot be known for this request, so nothing is checked against a
    /// guess. The text says which setting is missing.
    UnknownUrl(String),
    /// The body could not be read (too large, or the connection failed).
    Body(String),
    /// The request's `Content-Type` is neither a form nor JSON.
    UnsupportedContentType(String),
    /// The verified parameters or body do not decode into the requested type.
    Decode {
        /// The Rust type asked for.
        type_name: &'static str,
        /// What serde said.
        message: String,
    },
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingSignature => f.write_str("the request has no X-Twilio-Signature header"),
            Self::MalformedSignature => f.write_str(
                "the X-Twilio-Signature header is not the base64 of an HMAC-SHA1 or HMAC-SHA256 digest",
            ),
            Self::SignatureMismatch => f.write_str(
                "the X-Twilio-Signature header does not match the URL and parameters with any configured key",
            ),
            Self::MissingBodyHash => f.write_str(
                "the request has a body to check but its URL has no bodySHA256 parameter",
            ),
            Self::RepeatedBodyHash => f.write_str("the URL has more than one bodySHA256 parameter"),
            Self::BodyHashMismatch => {
                f.write_str("the body's SHA-256 differs from the URL's bodySHA256 parameter")
            }
            Self::UnexpectedBodyHash => f.write_str(
                "the URL has a bodySHA256 parameter, so the request has a JSON body: validate the body, not parameters",
            ),
            Self::MalformedSignatureSettings => f.write_str(
                "the X-Twilio-Webhooks-Signature-Settings header is not `key=…,algorithm=…`",
            ),
            Self::UnsupportedAlgorithm(name) => write!(
                f,
                "the X-Twilio-Webhooks-Signature-Settings header names an unsupported algorithm {name:?}"
            ),
            Self::NoKey => f.write_str(
                "the validator's auth token is empty, so no signature can be trusted",
            ),
            Self::NoSharedKey => f.write_str(
                "the request is signed with a shared key (X-Twilio-Webhooks-Signature-Settings) but no shared key is configured",
            ),
            Self::UnknownUrl(why) => write!(f, "the URL Twilio called is unknown: {why}"),
            Self::Body(why) => write!(f, "the request body could not be read: {why}"),
            Self::UnsupportedContentType(found) => write!(
                f,
                "the request's Content-Type {found:?} is neither application/x-www-form-urlencoded nor application/json"
            ),
            Self::Decode { type_name, message } => {
                write!(f, "the webhook does not decode into {type_name}: {message}")
            }
        }
    }
}

impl std::error::Error for WebhookError {}
