//! Field readers for form values, which are all strings.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::message::Media;

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

/// The media of a message, from `MediaUrl0`, `MediaContentType0`, `MediaUrl1`, … in index order.
pub(crate) fn media<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Media>, D::Error> {
    let fields = BTreeMap::<String, Value>::deserialize(d)?;
    let mut by_index: BTreeMap<u32, (Option<String>, Option<String>)> = BTreeMap::new();
    for (key, value) in fields {
        let (index, is_url) = if let Some(index) = key.strip_prefix("MediaUrl") {
            (index, true)
        } else if let Some(index) = key.strip_prefix("MediaContentType") {
            (index, false)
        } else {
            continue;
        };
        // Only plain decimal indexes: `MediaUrl+1` or `MediaUrlX` are other parameters.
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(index) = index.parse::<u32>() else {
            continue;
        };
        let Value::String(text) = value else {
            return Err(D::Error::custom(format!("{key} is not text")));
        };
        let slot = by_index.entry(index).or_default();
        if is_url {
            slot.0 = Some(text);
        } else {
            slot.1 = Some(text);
        }
    }
    Ok(by_index
        .into_values()
        .filter_map(|(url, content_type)| {
            Some(Media {
                url: url?,
                content_type,
            })
        })
        .collect())
}
