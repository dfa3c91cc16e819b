//! The HMAC over the signed string: the URL, then each parameter's key and value in order.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

use super::Algorithm;

/// The raw digest of `url` followed by each pair's key and value (already in canonical order),
/// keyed with `key`.
pub(crate) fn digest(
    algorithm: Algorithm,
    key: &[u8],
    url: &str,
    pairs: &[(String, String)],
) -> Vec<u8> {
    match algorithm {
        Algorithm::HmacSha1 => compute::<Hmac<Sha1>>(key, url, pairs),
        Algorithm::HmacSha256 => compute::<Hmac<Sha256>>(key, url, pairs),
    }
}

fn compute<M: Mac + KeyInit>(key: &[u8], url: &str, pairs: &[(String, String)]) -> Vec<u8> {
    // HMAC takes keys of any length, so this never fails; an empty digest would match nothing.
    let Ok(mut mac) = <M as KeyInit>::new_from_slice(key) else {
        return Vec::new();
    };
    mac.update(url.as_bytes());
    for (key, value) in pairs {
        mac.update(key.as_bytes());
        mac.update(value.as_bytes());
    }
    mac.finalize().into_bytes().to_vec()
}

/// The lower-case hex SHA-256 of `body`, as Twilio puts it in a JSON webhook's `bodySHA256`
/// query parameter.
///
/// ```
/// use twilio_resource::webhook::body_sha256;
///
/// assert_eq!(
///     body_sha256(br#"{"property": "value", "boolean": true}"#),
///     "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
/// );
/// ```
pub fn body_sha256(body: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = Sha256::digest(body);
    let mut hex = String::with_capacity(64);
    for byte in hash.iter() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}
