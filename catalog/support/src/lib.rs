//! What the code of [`twilio-catalog`](https://docs.rs/twilio-catalog) needs beyond serde's own:
//! numbers Twilio sends as strings, RFC 2822 timestamps, parameter values on the wire (JSON
//! values sent as a form field's text), and serde for the enums through their wire spelling.
//!
//! Not an API of its own: depend on `twilio-catalog`. It changes in lockstep with it.
#![allow(missing_docs, missing_debug_implementations)]

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;

/// `Option<f64>` read from a JSON number, a string holding one (`"-0.0025"`: Twilio's prices),
/// an empty string or `null` (both `None`); written as a JSON number.
pub mod number {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<f64>, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }

    pub fn serialize<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(number) => serializer.serialize_f64(*number),
            None => serializer.serialize_none(),
        }
    }

    struct NumberVisitor;

    impl<'de> Visitor<'de> for NumberVisitor {
        type Value = Option<f64>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number, a string holding a number, or null")
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }

        // Whole numbers beyond 2^53 lose precision as f64, as they would in any JSON reader.
        #[allow(clippy::cast_precision_loss)]
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }

        #[allow(clippy::cast_precision_loss)]
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let v = v.trim();
            if v.is_empty() {
                return Ok(None);
            }
            v.parse()
                .map(Some)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
}

/// `Option<jiff::Timestamp>` in RFC 2822 (`Thu, 30 Jul 2015 20:00:00 +0000`), the 2010 API's
/// date format; written with `+0000` for UTC as Twilio does.
pub mod rfc2822 {
    use super::*;
    use jiff::Timestamp;
    use jiff::fmt::rfc2822::{DateTimeParser, DateTimePrinter};

    static PARSER: DateTimeParser = DateTimeParser::new();
    static PRINTER: DateTimePrinter = DateTimePrinter::new();

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }

    pub fn serialize<S: Serializer>(
        value: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(timestamp) => write(timestamp, serializer),
            None => serializer.serialize_none(),
        }
    }

    fn write<S: Serializer>(timestamp: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        let text = PRINTER
            .timestamp_to_string(timestamp)
            .map_err(serde::ser::Error::custom)?;
        let text = match text.strip_suffix(" -0000") {
            Some(utc) => format!("{utc} +0000"),
            None => text,
        };
        serializer.serialize_str(&text)
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<Timestamp>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an RFC 2822 date-time or null")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            PARSER
                .parse_timestamp(v)
                .map(Some)
                .map_err(|e| E::custom(format_args!("{v:?} is not an RFC 2822 date-time: {e}")))
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
    }
}

/// Reads an enum from a string through its `from_wire` (never fails: unknown values are kept).
pub struct WireVisitor<T>(pub fn(&str) -> T);

impl<T> Visitor<'_> for WireVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok((self.0)(v))
    }
}

/// `Display`, `FromStr` (infallible), `Serialize` and `Deserialize` for a generated enum with
/// `as_str` and `from_wire`: a few lines per enum instead of serde's derive.
#[macro_export]
macro_rules! wire_enum {
    ($name:ident) => {
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from_wire(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                s: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::Param for $name {
            fn wire(&self) -> $crate::Wire<'_> {
                $crate::Wire::Str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                d.deserialize_str($crate::WireVisitor(Self::from_wire))
            }
        }
    };
}

/// One parameter value as it goes on the wire: what the parameter types' `Serialize` writes
/// through [`Params`], so that each type needs one short function instead of a serde derive.
pub enum Wire<'a> {
    /// Left out (`None`).
    Skip,
    Str(&'a str),
    Text(String),
    I64(i64),
    F64(f64),
    Bool(bool),
    Json(&'a serde_json::Value),
    /// Repeated keys in a form or query, an array in JSON.
    List(Vec<Wire<'a>>),
}

/// A value a parameter type holds.
pub trait Param {
    fn wire(&self) -> Wire<'_>;
}

impl Param for String {
    fn wire(&self) -> Wire<'_> {
        Wire::Str(self)
    }
}

impl Param for i64 {
    fn wire(&self) -> Wire<'_> {
        Wire::I64(*self)
    }
}

impl Param for i32 {
    fn wire(&self) -> Wire<'_> {
        Wire::I64(i64::from(*self))
    }
}

impl Param for f64 {
    fn wire(&self) -> Wire<'_> {
        Wire::F64(*self)
    }
}

impl Param for bool {
    fn wire(&self) -> Wire<'_> {
        Wire::Bool(*self)
    }
}

/// ISO 8601: `2024-01-02T03:04:05Z`.
impl Param for jiff::Timestamp {
    fn wire(&self) -> Wire<'_> {
        Wire::Text(self.to_string())
    }
}

/// `2024-01-02`.
impl Param for jiff::civil::Date {
    fn wire(&self) -> Wire<'_> {
        Wire::Text(self.to_string())
    }
}

impl Param for serde_json::Value {
    fn wire(&self) -> Wire<'_> {
        Wire::Json(self)
    }
}

impl<T: Param> Param for Option<T> {
    fn wire(&self) -> Wire<'_> {
        self.as_ref().map_or(Wire::Skip, Param::wire)
    }
}

impl<T: Param> Param for Vec<T> {
    fn wire(&self) -> Wire<'_> {
        Wire::List(self.iter().map(Param::wire).collect())
    }
}

/// A JSON value (or values) sent as the JSON text of one form field each.
pub struct JsonString<'a, T>(pub &'a T);

fn json_text(value: &serde_json::Value) -> Wire<'_> {
    match value {
        // A string is sent as it is: it may already be the JSON text.
        serde_json::Value::String(text) => Wire::Str(text),
        other => Wire::Text(other.to_string()),
    }
}

impl Param for JsonString<'_, serde_json::Value> {
    fn wire(&self) -> Wire<'_> {
        json_text(self.0)
    }
}

impl Param for JsonString<'_, Option<serde_json::Value>> {
    fn wire(&self) -> Wire<'_> {
        self.0.as_ref().map_or(Wire::Skip, json_text)
    }
}

impl Param for JsonString<'_, Vec<serde_json::Value>> {
    fn wire(&self) -> Wire<'_> {
        Wire::List(self.0.iter().map(json_text).collect())
    }
}

impl Param for JsonString<'_, Option<Vec<serde_json::Value>>> {
    fn wire(&self) -> Wire<'_> {
        match self.0 {
            Some(values) => Wire::List(values.iter().map(json_text).collect()),
            None => Wire::Skip,
        }
    }
}

/// A timestamp sent in RFC 2822.
pub struct Rfc2822<'a, T>(pub &'a T);

fn rfc2822_text(timestamp: &jiff::Timestamp) -> Wire<'static> {
    match jiff::fmt::rfc2822::DateTimePrinter::new().timestamp_to_string(timestamp) {
        Ok(text) => Wire::Text(match text.strip_suffix(" -0000") {
            Some(utc) => format!("{utc} +0000"),
            None => text,
        }),
        // Years RFC 2822 cannot write: sent in ISO 8601, which Twilio also reads.
        Err(_) => Wire::Text(timestamp.to_string()),
    }
}

impl Param for Rfc2822<'_, jiff::Timestamp> {
    fn wire(&self) -> Wire<'_> {
        rfc2822_text(self.0)
    }
}

impl Param for Rfc2822<'_, Option<jiff::Timestamp>> {
    fn wire(&self) -> Wire<'_> {
        self.0.as_ref().map_or(Wire::Skip, rfc2822_text)
    }
}

/// A parameter type's fields, wire name and value, written as a map: `None` left out.
pub struct Params<'a>(pub &'a [(&'static str, &'a dyn Param)]);

impl serde::Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in self.0 {
            match value.wire() {
                Wire::Skip => {}
                wire => map.serialize_entry(name, &wire)?,
            }
        }
        map.end()
    }
}

impl serde::Serialize for Wire<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Wire::Skip => serializer.serialize_none(),
            Wire::Str(text) => serializer.serialize_str(text),
            Wire::Text(text) => serializer.serialize_str(text),
            Wire::I64(n) => serializer.serialize_i64(*n),
            Wire::F64(n) => serializer.serialize_f64(*n),
            Wire::Bool(b) => serializer.serialize_bool(*b),
            Wire::Json(value) => value.serialize(serializer),
            Wire::List(items) => serializer.collect_seq(items),
        }
    }
}
