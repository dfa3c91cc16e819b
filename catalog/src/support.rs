//! What the generated code needs beyond serde's own: numbers Twilio sends as strings, RFC 2822
//! timestamps, JSON values sent as a form field's string, and serde for the enums through their
//! wire spelling. Only the enabled products use it, so parts may be unused in a build.
#![allow(dead_code, unused_macros, unused_imports)]

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
            Some(timestamp) => required::serialize(timestamp, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// For a required parameter.
    pub mod required {
        use super::*;

        pub fn serialize<S: Serializer>(
            timestamp: &Timestamp,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let text = PRINTER
                .timestamp_to_string(timestamp)
                .map_err(serde::ser::Error::custom)?;
            let text = match text.strip_suffix(" -0000") {
                Some(utc) => format!("{utc} +0000"),
                None => text,
            };
            serializer.serialize_str(&text)
        }
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

/// A JSON value sent as one form field holding its JSON text (`Attributes={"a":1}`), as Twilio
/// reads `object` parameters of form bodies.
pub mod json_string {
    use super::*;
    use serde_json::Value;

    pub fn serialize<S: Serializer>(
        value: &Option<Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => required::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// For a required parameter.
    pub mod required {
        use super::*;

        pub fn serialize<S: Serializer>(value: &Value, serializer: S) -> Result<S::Ok, S::Error> {
            match value {
                // A string is sent as it is: it may already be the JSON text.
                Value::String(text) => serializer.serialize_str(text),
                other => serializer.serialize_str(&other.to_string()),
            }
        }
    }
}

/// JSON values sent as repeated form fields, each holding its JSON text.
pub mod json_strings {
    use super::*;
    use serde::ser::SerializeSeq;
    use serde_json::Value;

    pub fn serialize<S: Serializer>(
        values: &Option<Vec<Value>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match values {
            Some(values) => required::serialize(values, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// For a required parameter.
    pub mod required {
        use super::*;

        pub fn serialize<S: Serializer>(
            values: &[Value],
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(values.len()))?;
            for value in values {
                match value {
                    Value::String(text) => seq.serialize_element(text)?,
                    other => seq.serialize_element(&other.to_string())?,
                }
            }
            seq.end()
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

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                d.deserialize_str($crate::support::WireVisitor(Self::from_wire))
            }
        }
    };
}
pub(crate) use wire_enum;
