//! Every resource of Twilio's REST API as a Rust type, generated from Twilio's public OpenAPI
//! descriptions and declared with [`twilio_resource`]'s `#[twilio_resource]` attribute: each
//! struct has its `fetch`, `list`, `create`, `update` and `delete` calls, typed fields, and
//! Twilio's descriptions as docs.
//!
//! # Pick your products
//!
//! Nothing is compiled by default: enable one feature per Twilio product you call, named after
//! its description file (`twilio_api_v2010.json` → `api-v2010`, `twilio_conversations_v1.json`
//! → `conversations-v1`, `twilio_preview.json` → `preview`). `full` enables all 56.
//!
//! ```toml
//! [dependencies]
//! twilio-resource = "0.1"
//! twilio-catalog = { version = "0.1", features = ["api-v2010"] }
//! ```
//!
//! # Where things are
//!
//! - A resource is at the module of its Twilio schema name: `api.v2010.account.message` →
//!   `api::v2010::account::Message`; `conversations.v1.conversation` →
//!   `conversations::v1::Conversation`.
//! - Its operations' parameter types sit beside it, named after the operation
//!   (`CreateMessageParams`, `ListMessageParams`, `UpdateMessageParams`); required parameters
//!   are plain fields, optional ones `Option`, and each type implements `Default` when its
//!   required fields do.
//! - A product's enums sit at its root (`api::v2010::MessageStatus`). They are
//!   `#[non_exhaustive]`, and a value they do not list decodes as `Unrecognized(value)`.
//! - Each resource's docs list its calls: method, URL, Twilio's operation name, parameter type,
//!   and the call setting that sends each header the operation reads (`.webhook_enabled(..)`,
//!   `.if_match(..)`, `.header(..)`).
//!
//! Every field is an `Option`: Twilio sends `null` for almost anything. Field names follow one
//! rule: snake_case of the wire name, `<` → `_before`, `>` → `_after`, any other character →
//! `_`, Rust keywords raw (`r#type`). Dates are `jiff::Timestamp` (RFC 2822 on the 2010 API,
//! ISO 8601 elsewhere, each read in the format its description names) or `jiff::civil::Date`;
//! numbers are `f64` and are also read from a string holding a number (Twilio's prices); objects
//! are `serde_json::Value`.
//!
//! # Send an SMS and read its status (2010 API, feature `api-v2010`)
//!
//! ```
//! # #[cfg(feature = "api-v2010")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let server = twilio_local_server::LocalServer::start().await?;
//! # let client = twilio_resource::Client::builder()
//! #     .account_sid(server.account_sid())
//! #     .auth_token(server.auth_token())
//! #     .base_url(server.base_url())
//! #     .build()?;
//! use twilio_catalog::api::v2010::MessageStatus;
//! use twilio_catalog::api::v2010::account::{CreateMessageParams, Message};
//!
//! // `client` is a `twilio_resource::Client` (e.g. `Client::from_env()?`).
//! let params = CreateMessageParams {
//!     to: "+15558675310".into(),
//!     from: Some("+15017122661".into()),
//!     body: Some("Hello from Rust".into()),
//!     ..Default::default()
//! };
//! let sent = Message::create(&client, client.account_sid(), &params).await?;
//! let sid = sent.sid.unwrap_or_default();
//!
//! let message = Message::fetch(&client, client.account_sid(), &sid).await?;
//! match message.status {
//!     Some(MessageStatus::Delivered) => println!("{sid} arrived"),
//!     Some(MessageStatus::Failed | MessageStatus::Undelivered) => {
//!         println!("{sid} failed: {:?}", message.error_message)
//!     }
//!     // Statuses Twilio adds later arrive as `Unrecognized("…")`, never as an error.
//!     Some(other) => println!("{sid} is {other}"),
//!     None => println!("{sid} has no status yet"),
//! }
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "api-v2010"))]
//! # fn main() {}
//! ```
//!
//! # A v1 product (Conversations v1, feature `conversations-v1`)
//!
//! ```
//! # #[cfg(feature = "conversations-v1")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let server = twilio_local_server::LocalServer::start().await?;
//! # let client = twilio_resource::Client::builder()
//! #     .account_sid(server.account_sid())
//! #     .auth_token(server.auth_token())
//! #     .base_url(server.base_url())
//! #     .build()?;
//! use twilio_catalog::conversations::v1::{
//!     Conversation, CreateConversationParams, ListConversationParams,
//! };
//!
//! let params = CreateConversationParams {
//!     friendly_name: Some("Support".into()),
//!     ..Default::default()
//! };
//! let created = Conversation::create(&client, &params).await?;
//! println!("created {:?}", created.sid);
//!
//! // `list` streams every page lazily; `collect_all` gathers them.
//! let all = Conversation::list(&client, &ListConversationParams::default())
//!     .limit(50)
//!     .collect_all()
//!     .await?;
//! for conversation in &all {
//!     println!("{:?}: {:?}", conversation.sid, conversation.state);
//! }
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "conversations-v1"))]
//! # fn main() {}
//! ```
//!
//! # Generated
//!
//! The modules below are generated by `cargo xtask catalog` from Twilio's descriptions and
//! checked in. They are compiled in two crates of their own (`twilio-catalog-part1` and
//! `-part2`), which cargo builds in parallel, and re-exported here under these paths; `operations.json` beside this crate's manifest indexes every operation (its
//! type, call, parameter type, the Rust name of each parameter, the call setting of each
//! header), including the few the catalog does not generate, each with its reason.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
#![doc(test(attr(deny(warnings))))]

// @generated below by `cargo xtask catalog`: the products.
#[cfg(feature = "accounts-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::accounts;
#[cfg(feature = "api-v2010")]
#[doc(inline)]
pub use twilio_catalog_part1::api;
#[cfg(any(feature = "content-v1", feature = "content-v2"))]
#[doc(inline)]
pub use twilio_catalog_part1::content;
#[cfg(feature = "frontline-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::frontline;
#[cfg(any(feature = "insights-v1", feature = "insights-v2"))]
#[doc(inline)]
pub use twilio_catalog_part1::insights;
#[cfg(feature = "intelligence-v2")]
#[doc(inline)]
pub use twilio_catalog_part1::intelligence;
#[cfg(any(feature = "ip-messaging-v1", feature = "ip-messaging-v2"))]
#[doc(inline)]
pub use twilio_catalog_part1::ip_messaging;
#[cfg(feature = "knowledge-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::knowledge;
#[cfg(feature = "marketplace-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::marketplace;
#[cfg(any(
    feature = "messaging-v1",
    feature = "messaging-v2",
    feature = "messaging-v3"
))]
#[doc(inline)]
pub use twilio_catalog_part1::messaging;
#[cfg(any(feature = "monitor-v1", feature = "monitor-v2"))]
#[doc(inline)]
pub use twilio_catalog_part1::monitor;
#[cfg(feature = "preview")]
#[doc(inline)]
pub use twilio_catalog_part1::preview;
#[cfg(any(feature = "pricing-v1", feature = "pricing-v2"))]
#[doc(inline)]
pub use twilio_catalog_part1::pricing;
#[cfg(feature = "proxy-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::proxy;
#[cfg(any(feature = "studio-v1", feature = "studio-v2"))]
#[doc(inline)]
pub use twilio_catalog_part1::studio;
#[cfg(feature = "taskrouter-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::taskrouter;
#[cfg(feature = "trusthub-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::trusthub;
#[cfg(feature = "voice-v1")]
#[doc(inline)]
pub use twilio_catalog_part1::voice;
#[cfg(feature = "assistants-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::assistants;
#[cfg(feature = "bulkexports-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::bulkexports;
#[cfg(any(feature = "chat-v1", feature = "chat-v2", feature = "chat-v3"))]
#[doc(inline)]
pub use twilio_catalog_part2::chat;
#[cfg(any(feature = "conversations-v1", feature = "conversations-v2"))]
#[doc(inline)]
pub use twilio_catalog_part2::conversations;
#[cfg(feature = "events-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::events;
#[cfg(any(feature = "flex-v1", feature = "flex-v2"))]
#[doc(inline)]
pub use twilio_catalog_part2::flex;
#[cfg(any(
    feature = "iam-organizations",
    feature = "iam-scim",
    feature = "iam-v1"
))]
#[doc(inline)]
pub use twilio_catalog_part2::iam;
#[cfg(any(feature = "lookups-v1", feature = "lookups-v2"))]
#[doc(inline)]
pub use twilio_catalog_part2::lookups;
#[cfg(feature = "notify-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::notify;
#[cfg(any(feature = "numbers-v1", feature = "numbers-v2", feature = "numbers-v3"))]
#[doc(inline)]
pub use twilio_catalog_part2::numbers;
#[cfg(any(feature = "oauth-v1", feature = "oauth-v2"))]
#[doc(inline)]
pub use twilio_catalog_part2::oauth;
#[cfg(feature = "routes-v2")]
#[doc(inline)]
pub use twilio_catalog_part2::routes;
#[cfg(feature = "serverless-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::serverless;
#[cfg(feature = "supersim-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::supersim;
#[cfg(feature = "sync-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::sync;
#[cfg(feature = "trunking-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::trunking;
#[cfg(any(feature = "verify-v2", feature = "verify-v3"))]
#[doc(inline)]
pub use twilio_catalog_part2::verify;
#[cfg(feature = "video-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::video;
#[cfg(feature = "wireless-v1")]
#[doc(inline)]
pub use twilio_catalog_part2::wireless;
