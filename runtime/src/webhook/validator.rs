//! [`Validator`]: checks and makes `X-Twilio-Signature` values.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;

use super::params::{Param, canonical};
use super::signing::{body_sha256, digest};
use super::url::{body_hash_param, with_default_port_toggled, without_credentials};
use super::{Algorithm, SignatureSettings, WebhookError};

/// Checks that a webhook came from Twilio: the `X-Twilio-Signature` header is the base64 of an
/// HMAC over the exact URL Twilio called followed by each parameter's key and value (keys sorted,
/// each key's values de-duplicated and sorted), keyed with the auth token (HMAC-SHA1) or, when
/// Twilio sends `X-Twilio-Webhooks-Signature-Settings`, with a shared key.
///
/// The URL is used as text, never re-parsed (a parser would re-encode `'` in a query); it is tried
/// as given and then with its default port (`:443`, `:80`) added or removed, since Twilio signs
/// either. Digests are compared in constant time. Keys never appear in `Debug` or errors.
///
/// ```
/// use twilio_resource::webhook::Validator;
///
/// let validator = Validator::new("12345");
/// let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
/// let params = [
///     ("CallSid", "CA1234567890ABCDE"),
///     ("Caller", "+14158675309"),
///     ("Digits", "1234"),
///     ("From", "+14158675309"),
///     ("To", "+18005551212"),
/// ];
/// validator.validate(url, &params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")?;
/// assert!(validator.validate(url, &params, "forged/VVr8B8=").is_err());
///
/// // JSON bodies: the signed URL carries the body's SHA-256.
/// let body = br#"{"property": "value", "boolean": true}"#;
/// let (signed_url, signature) = validator.sign_body(url, body);
/// validator.validate_body(&signed_url, body, &signature)?;
/// assert!(validator.validate_body(&signed_url, b"{}", &signature).is_err());
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
///
/// During a rotation of the auth token, add the other one with
/// [`secondary_auth_token`](Self::secondary_auth_token): either is accepted.
#[derive(Clone)]
pub struct Validator {
    /// Auth tokens, primary first: HMAC-SHA1 when Twilio sends no settings header.
    auth_tokens: Vec<SecretString>,
    /// Shared-key secrets, for requests with `X-Twilio-Webhooks-Signature-Settings`.
    shared_keys: Vec<SecretString>,
}

/// What a signature is checked against.
enum Signed<'a> {
    Params(Vec<(String, String)>),
    Body(&'a [u8]),
}

impl Validator {
    /// A validator for webhooks signed with this auth token. An empty token validates nothing
    /// ([`WebhookError::NoKey`]): an unset variable must not turn checks off.
    pub fn new(auth_token: impl Into<String>) -> Self {
        Self {
            auth_tokens: vec![SecretString::from(auth_token.into())],
            shared_keys: Vec::new(),
        }
    }

    /// Also accept signatures made with this auth token (the old or the new one while the
    /// token is rotated).
    pub fn secondary_auth_token(mut self, auth_token: impl Into<String>) -> Self {
        self.auth_tokens.push(SecretString::from(auth_token.into()));
        self
    }

    /// The secret of a shared key (Twilio's Webhook Settings), used for requests that carry
    /// `X-Twilio-Webhooks-Signature-Settings`, with the algorithm that header names. Call it
    /// twice to accept two keys while rotating.
    pub fn shared_key(mut self, secret: impl Into<String>) -> Self {
        self.shared_keys.push(SecretString::from(secret.into()));
        self
    }

    /// Checks a form (or query-only) request: `url` as Twilio called it, `params` the body's
    /// key/value pairs as received (repeated keys kept, any order), `signature` the
    /// `X-Twilio-Signature` header.
    ///
    /// # Errors
    ///
    /// [`WebhookError::MissingSignature`], [`MalformedSignature`](WebhookError::MalformedSignature),
    /// [`SignatureMismatch`](WebhookError::SignatureMismatch), or
    /// [`UnexpectedBodyHash`](WebhookError::UnexpectedBodyHash) when the URL has a `bodySHA256`
    /// (a JSON request, to check with [`validate_body`](Self::validate_body)).
    pub fn validate<I>(
        &self,
        url: impl AsRef<str>,
        params: I,
        signature: impl AsRef<str>,
    ) -> Result<(), WebhookError>
    where
        I: IntoIterator,
        I::Item: Param,
    {
        let params = Signed::Params(canonical(params));
        self.check(None, url.as_ref(), params, signature.as_ref())
    }

    /// Checks a request with a JSON (or any non-form) body: the signature covers `url` alone,
    /// which must carry `bodySHA256=<hex SHA-256 of body>`, and the body must hash to it.
    ///
    /// # Errors
    ///
    /// As [`validate`](Self::validate), and [`WebhookError::MissingBodyHash`] when the URL has no
    /// `bodySHA256`, [`BodyHashMismatch`](WebhookError::BodyHashMismatch) when the body is not the
    /// one signed.
    pub fn validate_body(
        &self,
        url: impl AsRef<str>,
        body: impl AsRef<[u8]>,
        signature: impl AsRef<str>,
    ) -> Result<(), WebhookError> {
        let body = Signed::Body(body.as_ref());
        self.check(None, url.as_ref(), body, signature.as_ref())
    }

    /// [`validate`](Self::validate) for a request that may carry
    /// `X-Twilio-Webhooks-Signature-Settings` (its value, or `None`): with the header, the
    /// shared keys and its algorithm are used; without it, the auth tokens and HMAC-SHA1.
    ///
    /// # Errors
    ///
    /// As [`validate`](Self::validate), and the header's errors:
    /// [`MalformedSignatureSettings`](WebhookError::MalformedSignatureSettings),
    /// [`UnsupportedAlgorithm`](WebhookError::UnsupportedAlgorithm),
    /// [`NoSharedKey`](WebhookError::NoSharedKey).
    pub fn validate_with_settings<I>(
        &self,
        settings: Option<&str>,
        url: impl AsRef<str>,
        params: I,
        signature: impl AsRef<str>,
    ) -> Result<(), WebhookError>
    where
        I: IntoIterator,
        I::Item: Param,
    {
        let params = Signed::Params(canonical(params));
        self.check(settings, url.as_ref(), params, signature.as_ref())
    }

    /// [`validate_body`](Self::validate_body) for a request that may carry
    /// `X-Twilio-Webhooks-Signature-Settings`, as in
    /// [`validate_with_settings`](Self::validate_with_settings).
    ///
    /// # Errors
    ///
    /// As [`validate_body`](Self::validate_body) and
    /// [`validate_with_settings`](Self::validate_with_settings).
    pub fn validate_body_with_settings(
        &self,
        settings: Option<&str>,
        url: impl AsRef<str>,
        body: impl AsRef<[u8]>,
        signature: impl AsRef<str>,
    ) -> Result<(), WebhookError> {
        let body = Signed::Body(body.as_ref());
        self.check(settings, url.as_ref(), body, signature.as_ref())
    }

    /// The `X-Twilio-Signature` Twilio would send for this URL and these parameters, made with the
    /// primary auth token: for your own tests of a webhook handler.
    pub fn sign<I>(&self, url: impl AsRef<str>, params: I) -> String
    where
        I: IntoIterator,
        I::Item: Param,
    {
        let key = self.auth_tokens.first().map(ExposeSecret::expose_secret);
        sign_with(Algorithm::HmacSha1, key, url.as_ref(), &canonical(params))
    }

    /// The signature Twilio would send with a shared key (the first one given) and `algorithm`,
    /// along with `X-Twilio-Webhooks-Signature-Settings`; `None` without a shared key.
    pub fn sign_with_shared_key<I>(
        &self,
        algorithm: Algorithm,
        url: impl AsRef<str>,
        params: I,
    ) -> Option<String>
    where
        I: IntoIterator,
        I::Item: Param,
    {
        let key = self.shared_keys.first().map(ExposeSecret::expose_secret)?;
        Some(sign_with(
            algorithm,
            Some(key),
            url.as_ref(),
            &canonical(params),
        ))
    }

    /// For a JSON body: `url` with `bodySHA256=<hash of body>` appended to its query, and the
    /// signature of that URL, as Twilio sends them.
    pub fn sign_body(&self, url: impl AsRef<str>, body: impl AsRef<[u8]>) -> (String, String) {
        let url = url.as_ref();
        let hash = body_sha256(body.as_ref());
        let (before_fragment, fragment) = match url.find('#') {
            Some(at) => url.split_at(at),
            None => (url, ""),
        };
        let separator = if before_fragment.contains('?') {
            '&'
        } else {
            '?'
        };
        let signed_url = format!("{before_fragment}{separator}bodySHA256={hash}{fragment}");
        let signature = self.sign(&signed_url, std::iter::empty::<(&str, &str)>());
        (signed_url, signature)
    }

    fn check(
        &self,
        settings: Option<&str>,
        url: &str,
        signed: Signed<'_>,
        signature: &str,
    ) -> Result<(), WebhookError> {
        let signature = signature.trim();
        if signature.is_empty() {
            return Err(WebhookError::MissingSignature);
        }
        let (algorithm, keys) = match settings {
            None => (Algorithm::HmacSha1, &self.auth_tokens),
            Some(header) => {
                let settings: SignatureSettings = header.parse()?;
                if self.shared_keys.is_empty() {
                    return Err(WebhookError::NoSharedKey);
                }
                (settings.algorithm(), &self.shared_keys)
            }
        };
        if keys.iter().all(|key| key.expose_secret().is_empty()) {
            return Err(WebhookError::NoKey);
        }
        let given = STANDARD
            .decode(signature)
            .map_err(|_| WebhookError::MalformedSignature)?;
        if given.len() != algorithm.digest_len() {
            return Err(WebhookError::MalformedSignature);
        }
        let body_hash = body_hash_param(url)?;
        let pairs = match (&signed, &body_hash) {
            (Signed::Params(_), Some(_)) => return Err(WebhookError::UnexpectedBodyHash),
            (Signed::Params(pairs), None) => pairs.as_slice(),
            (Signed::Body(_), None) => return Err(WebhookError::MissingBodyHash),
            (Signed::Body(_), Some(_)) => &[],
        };
        let toggled = with_default_port_toggled(url);
        let urls = std::iter::once(url).chain(toggled.as_deref());
        let matched = urls.clone().any(|candidate| {
            keys.iter()
                .filter(|key| !key.expose_secret().is_empty())
                .any(|key| {
                    let expected =
                        digest(algorithm, key.expose_secret().as_bytes(), candidate, pairs);
                    bool::from(expected.ct_eq(&given))
                })
        });
        if !matched {
            tracing::debug!(
                url = %without_credentials(url),
                ?algorithm,
                keys = keys.len(),
                "webhook signature does not match this URL (nor with its default port toggled)"
            );
            return Err(WebhookError::SignatureMismatch);
        }
        if let (Signed::Body(body), Some(expected)) = (signed, body_hash) {
            let actual = body_sha256(body);
            let expected = expected.to_ascii_lowercase();
            if !bool::from(actual.as_bytes().ct_eq(expected.as_bytes())) {
                return Err(WebhookError::BodyHashMismatch);
            }
        }
        Ok(())
    }
}

fn sign_with(
    algorithm: Algorithm,
    key: Option<&str>,
    url: &str,
    pairs: &[(String, String)],
) -> String {
    // A validator always has a primary token; the `None` arm only keeps this free of panics.
    let key = key.unwrap_or_default();
    STANDARD.encode(digest(algorithm, key.as_bytes(), url, pairs))
}

impl fmt::Debug for Validator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Validator")
            .field("auth_tokens", &self.auth_tokens.len())
            .field("shared_keys", &self.shared_keys.len())
            .finish()
    }
}
