//! Twilio's `X-Twilio-Webhooks-Signature-Settings` header.

use std::str::FromStr;

use super::WebhookError;

/// The HMAC a signature is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC-SHA1: every webhook signed with an auth token.
    HmacSha1,
    /// HMAC-SHA256: webhooks signed with a shared key under a Webhook Setting.
    HmacSha256,
}

impl Algorithm {
    /// The length of the digest in bytes.
    pub(crate) fn digest_len(self) -> usize {
        match self {
            Self::HmacSha1 => 20,
            Self::HmacSha256 => 32,
        }
    }
}

/// The `X-Twilio-Webhooks-Signature-Settings` header (`key=<key>,algorithm=HMAC_SHA256`), which
/// Twilio adds when it signs with a shared key instead of the auth token.
///
/// ```
/// use twilio_resource::webhook::{Algorithm, SignatureSettings};
///
/// let settings: SignatureSettings = "key=KS123,algorithm=HMAC_SHA256".parse()?;
/// assert_eq!(settings.algorithm(), Algorithm::HmacSha256);
/// assert_eq!(settings.key(), Some("KS123"));
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureSettings {
    key: Option<String>,
    algorithm: Algorithm,
}

impl SignatureSettings {
    /// The shared key's name as the header gives it (not a secret), if any.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// The algorithm the header names.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }
}

impl FromStr for SignatureSettings {
    type Err = WebhookError;

    /// Reads `key=…,algorithm=…` in any order, spaces around items allowed; `algorithm` is
    /// required and is `HMAC_SHA256` or `HMAC_SHA1`.
    fn from_str(header: &str) -> Result<Self, WebhookError> {
        let mut key = None;
        let mut algorithm = None;
        for item in header.split([',', ';']).map(str::trim) {
            if item.is_empty() {
                continue;
            }
            let (name, value) = item
                .split_once('=')
                .ok_or(WebhookError::MalformedSignatureSettings)?;
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "key" => key = Some(value.to_owned()).filter(|key| !key.is_empty()),
                "algorithm" => {
                    algorithm = Some(match value.to_ascii_uppercase().as_str() {
                        "HMAC_SHA256" | "HMAC-SHA256" => Algorithm::HmacSha256,
                        "HMAC_SHA1" | "HMAC-SHA1" => Algorithm::HmacSha1,
                        _ => return Err(WebhookError::UnsupportedAlgorithm(value.to_owned())),
                    });
                }
                // Twilio may add items; they do not change how the signature is checked.
                _ => {}
            }
        }
        let algorithm = algorithm.ok_or(WebhookError::MalformedSignatureSettings)?;
        Ok(Self { key, algorithm })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_headers_parse_or_say_why_not() {
        let s: SignatureSettings = " algorithm=hmac_sha1 , key=KS1 ".parse().unwrap();
        assert_eq!((s.key(), s.algorithm()), (Some("KS1"), Algorithm::HmacSha1));
        let s: SignatureSettings = "key=,algorithm=HMAC_SHA256".parse().unwrap();
        assert_eq!((s.key(), s.algorithm()), (None, Algorithm::HmacSha256));
        assert_eq!(
            "key=a,algorithm=MD5".parse::<SignatureSettings>(),
            Err(WebhookError::UnsupportedAlgorithm("MD5".to_owned()))
        );
        for bad in ["", "key=a", "algorithm", "nonsense"] {
            assert_eq!(
                bad.parse::<SignatureSettings>(),
                Err(WebhookError::MalformedSignatureSettings),
                "{bad:?}"
            );
        }
    }
}
