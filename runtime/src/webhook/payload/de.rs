//! Field readers for form values, which are all strings.

use std::fmt::Display;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// An optional number sent as text (`"3"`), or as a JSON number; an empty text is `None`.
pub(crate) fn number<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: Display,
{
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => text.trim().parse().map(Some).map_err(D::Error::custom),
        Some(Value::Number(n)) => n.to_string().parse().map(Some).map_err(D::Error::custom),
        Some(other) => Err(D::Error::custom(format!(
            "expected a number or its text, found {other}"
        ))),
    }
}

/// Every value of a key that may be repeated: one text, or a list of texts.
pub(crate) fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(one)) => Ok(vec![one]),
        Some(Value::Array(many)) => many
            .into_iter()
            .map(|value| match value {
                Value::String(text) => Ok(text),
                other => Err(D::Error::custom(format!("expected text, found {other}"))),
            })
            .collect(),
        Some(other) => Err(D::Error::custom(format!(
            "expected text or a list of texts, found {other}"
        ))),
    }
}
