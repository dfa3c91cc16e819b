//! Typed payloads of the common webhooks.
//!
//! Twilio sends form parameters, all strings; a field that is a number here is parsed from its
//! text. Each payload keeps every parameter it has no field for in `extra`, since Twilio adds
//! parameters without notice, and each enum keeps a value it does not know in `Other`.
//! Signatures are checked on the raw parameters ([`Params`](super::Params)), never on these.

mod call;
mod conversations;
mod de;
mod message;

pub use call::{CallStatus, CallStatusCallback, Direction, IncomingCall};
pub use conversations::{ConversationsEvent, EventType};
pub use message::{IncomingMessage, Media, MessageStatus, MessageStatusCallback};

/// An enum of Twilio's string values with a catch-all `Other(String)` that keeps a value this
/// crate does not know yet; it reads from and writes to the exact string.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, as Twilio sent it.
            Other(String),
        }

        impl $name {
            /// The value as Twilio writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $text, )*
                    Self::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $text => Self::$variant, )*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(Self::from(text.as_ref()))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_enum;
