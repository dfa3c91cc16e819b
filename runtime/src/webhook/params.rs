//! The raw key/value pairs of a webhook, as received.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::WebhookError;

/// One parameter as the validator reads it: a key and a value. Implemented for pairs of anything
/// that is `AsRef<str>` (`(&str, &str)`, `(String, String)`, what a `HashMap` iterates) and for
/// references to them, so slices, vectors, maps and [`Params`] can all be passed as they are.
pub trait Param {
    /// The parameter's name.
    fn key(&self) -> &str;
    /// The parameter's value.
    fn value(&self) -> &str;
}

impl<K: AsRef<str>, V: AsRef<str>> Param for (K, V) {
    fn key(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

impl<P: Param + ?Sized> Param for &P {
    fn key(&self) -> &str {
        (**self).key()
    }
    fn value(&self) -> &str {
        (**self).value()
    }
}

/// The parameters of a form body (or a query), in the order received, repeated keys kept.
///
/// Signatures are always checked against these raw pairs; [`decode`](Self::decode) then turns
/// them into a typed payload.
///
/// ```
/// use twilio_resource::webhook::{IncomingMessage, Params};
///
/// let params = Params::from_form(
///     b"MessageSid=SM1&AccountSid=AC1&From=%2B15551230000&To=%2B15557654321\
///       &Body=Hi+there&NumMedia=1&MediaUrl0=https%3A%2F%2Fm%2F1",
/// );
/// assert_eq!(params.get("Body"), Some("Hi there"));
/// let message: IncomingMessage = params.decode()?;
/// assert_eq!(message.num_media, Some(1));
/// assert_eq!(message.media[0].url, "https://m/1");
/// # Ok::<(), twilio_resource::webhook::WebhookError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// The pairs of an `application/x-www-form-urlencoded` body or query (`+` is a space, and
    /// invalid UTF-8 is replaced, as Twilio's other helpers do).
    pub fn from_form(body: &[u8]) -> Self {
        let pairs = form_urlencoded::parse(body)
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        Self { pairs }
    }

    /// The pairs, in the order received.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `key`, in the order received.
    pub fn get_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Decodes the pairs into `T`: each key becomes a field, a key received more than once a list.
    ///
    /// # Errors
    ///
    /// [`WebhookError::Decode`] naming `T` when a field is missing or has the wrong shape.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, WebhookError> {
        let mut object = Map::new();
        for (key, value) in &self.pairs {
            let value = Value::String(value.clone());
            match object.get_mut(key) {
                Some(Value::Array(values)) => values.push(value),
                Some(first) => *first = Value::Array(vec![first.take(), value]),
                None => {
                    object.insert(key.clone(), value);
                }
            }
        }
        decode_value(Value::Object(object))
    }
}

/// Decodes a JSON body into `T`.
#[cfg(feature = "axum")]
pub(crate) fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, WebhookError> {
    serde_json::from_slice(body).map_err(|error| decode_error::<T>(&error))
}

fn decode_value<T: DeserializeOwned>(value: Value) -> Result<T, WebhookError> {
    serde_json::from_value(value).map_err(|error| decode_error::<T>(&error))
}

fn decode_error<T>(error: &serde_json::Error) -> WebhookError {
    WebhookError::Decode {
        type_name: std::any::type_name::<T>(),
        message: error.to_string(),
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'a str, &'a str);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a str, &'a str),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self {
            pairs: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}

/// The pairs in the order the signature covers them: sorted by key, then value, each pair once.
pub(crate) fn canonical<I>(params: I) -> Vec<(String, String)>
where
    I: IntoIterator,
    I::Item: Param,
{
    let mut pairs: Vec<_> = params
        .into_iter()
        .map(|p| (p.key().to_owned(), p.value().to_owned()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
