//! How serde walks a page's top-level object: the one-pass reading, and raw `(key, value)` pairs.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::dialect::PageFields;

/// A top-level key, borrowed from the body unless it has escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The top-level object of a page, each value kept as raw JSON.
pub(super) struct TopLevel<'a>(pub(super) Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = TopLevel<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list page (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel<'de>, A::Error> {
                let mut fields = Vec::new();
                while let Some(Key(key)) = map.next_key()? {
                    let value: &'de RawValue = map.next_value()?;
                    fields.push((key, value));
                }
                Ok(TopLevel(fields))
            }
        }
        deserializer.deserialize_map(TopVisitor)
    }
}

/// The one-pass reading: paging fields by name, the first array decoded as the records, any
/// other value skipped; `several_arrays` says the guess may be wrong.
pub(super) struct OnePass<R> {
    pub(super) fields: PageFields,
    /// The first array-valued field that is not a paging field: its name and records.
    pub(super) records: Option<(String, Vec<R>)>,
    pub(super) several_arrays: bool,
}

impl<'de, R: Deserialize<'de>> Deserialize<'de> for OnePass<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OnePassVisitor<R>(PhantomData<fn() -> R>);
        impl<'de, R: Deserialize<'de>> Visitor<'de> for OnePassVisitor<R> {
            type Value = OnePass<R>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list page (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OnePass<R>, A::Error> {
                let mut page = OnePass {
                    fields: PageFields::default(),
                    records: None,
                    several_arrays: false,
                };
                while let Some(Key(key)) = map.next_key()? {
                    match key.as_ref() {
                        "meta" => page.fields.meta = map.next_value()?,
                        "next_page_uri" => page.fields.next_page_uri = map.next_value()?,
                        "has_next" => page.fields.has_next = map.next_value()?,
                        "current_page" => page.fields.current_page = map.next_value()?,
                        _ if page.records.is_none() => {
                            if let MaybeRecords::Records(items) = map.next_value()? {
                                page.records = Some((key.into_owned(), items));
                            }
                        }
                        _ => {
                            if let MaybeRecords::<IgnoredAny>::Records(_) = map.next_value()? {
                                page.several_arrays = true;
                            }
                        }
                    }
                }
                Ok(page)
            }
        }
        deserializer.deserialize_map(OnePassVisitor(PhantomData))
    }
}

/// A top-level value: an array decoded as records, or anything else skipped.
enum MaybeRecords<R> {
    Records(Vec<R>),
    Other,
}

impl<'de, R: Deserialize<'de>> Deserialize<'de> for MaybeRecords<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MaybeVisitor<R>(PhantomData<fn() -> R>);
        impl<'de, R: Deserialize<'de>> Visitor<'de> for MaybeVisitor<R> {
            type Value = MaybeRecords<R>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(MaybeRecords::Records(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(MaybeRecords::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MaybeRecords::Other)
            }
        }
        deserializer.deserialize_any(MaybeVisitor(PhantomData))
    }
}
