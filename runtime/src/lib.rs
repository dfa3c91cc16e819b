//! Define Twilio REST resources with one attribute and get a typed, retrying, secret-safe client.
//!
//! ```
//! use twilio_resource::{twilio_resource, Client};
//!
//! /// A participant of a Conversations v2 conversation.
//! #[twilio_resource(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>")]
//! #[derive(Debug, Clone, PartialEq)]
//! pub struct Participant {
//!     pub id: Option<String>,
//!     pub conversation_id: Option<String>, // JSON "conversationId"
//!     pub name: Option<String>,
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let server = twilio_local_server::LocalServer::start().await?;
//! # server.insert_participant(twilio_local_server::example_participant());
//! // A local Twilio stand-in here; `Client::from_env()` for the real thing.
//! let client = Client::builder()
//!     .account_sid(server.account_sid())
//!     .auth_token(server.auth_token())
//!     .base_url(server.base_url())
//!     .build()?;
//!
//! let p = Participant::fetch(&client, "conv_conversation_00000000000000000000000001", "conv_participant_00000000000000000000000001").await?;
//! assert_eq!(p.name.as_deref(), Some("Dana"));
//!
//! // Each value is exactly one path segment; values that would change the request are refused.
//! assert_eq!(Participant::path("a/b", "c d")?, "/v2/Conversations/a%2Fb/Participants/c%20d");
//! assert!(Participant::fetch(&client, "conv_1", "").await.is_err());
//! # Ok(())
//! # }
//! ```
//!
//! # The attribute
//!
//! `#[twilio_resource(path = "…", base_url = "…", rename_all = "…", crate = "…")]` on a struct with
//! named fields:
//!
//! | key | default | meaning |
//! |---|---|---|
//! | `path` | required | The path template; each `<Placeholder>` becomes a snake_case parameter, in order. |
//! | `base_url` | `"https://conversations.twilio.com"` | Scheme, host and port of the resource's API. |
//! | `rename_all` | `"camelCase"` | serde's rule for JSON keys; `"snake_case"` for Twilio's older APIs. |
//! | `crate` | `"::twilio_resource"` | Where generated code finds this crate, if you re-export it. |
//!
//! It derives `Serialize` and `Deserialize` (through this crate, so you need no serde dependency
//! for the resource), ignores unknown JSON fields, keeps your derives, docs and field attributes,
//! implements [`Resource`], and adds two functions. For the template above it writes, in effect:
//!
//! ```ignore
//! impl Participant {
//!     pub fn path(conversation_sid: impl AsRef<str>, sid: impl AsRef<str>) -> Result<String, Error> {
//!         <Self as Resource>::PATH.render(&[conversation_sid.as_ref(), sid.as_ref()])
//!     }
//!     pub async fn fetch(client: &Client, conversation_sid: impl AsRef<str>, sid: impl AsRef<str>) -> Result<Self, Error> {
//!         client.fetch::<Self>(&Self::path(conversation_sid, sid)?).await
//!     }
//! }
//! ```
//!
//! `cargo expand` (from `cargo install cargo-expand`) on your crate shows the whole expansion.
//!
//! # The client
//!
//! Every request carries Basic auth, `Accept: application/json` and
//! `User-Agent: twilio-resource/<version> (<os> <arch>) rust/<version>`. A `GET` is retried on 429,
//! 503 and connection failures (3 times by default), waiting what `Retry-After` says (capped) or
//! else an exponential backoff with jitter, all inside one timeout (30 s by default). Redirects are
//! reported, never followed, so credentials never reach another host; plain `http://` is refused
//! except to loopback hosts. Secrets never appear in `Debug`, `Display` or errors.
#![doc(test(attr(deny(warnings))))]
#![warn(missing_docs)]

mod base_url;
mod body;
mod budget;
mod builder;
mod client;
mod credentials;
mod decode;
mod error;
mod list;
mod path;
mod protocol;
mod region;
mod resource;
mod retry;
mod transport;

#[doc(hidden)]
pub mod __private;

#[cfg(fuzzing)]
#[doc(hidden)]
pub mod __fuzz;

pub use body::JsonString;
pub use budget::RetryBudget;
pub use builder::ClientBuilder;
pub use client::Client;
pub use error::{ApiError, Error};
pub use list::{Cursor, List, Page, Pages};
pub use path::{PathTemplate, Segment};
pub use protocol::{BodyFormat, Protocol, UpdateMethod};
pub use resource::Resource;
/// Derives a Twilio REST resource; see the [crate documentation](crate).
pub use twilio_resource_macros::twilio_resource;
