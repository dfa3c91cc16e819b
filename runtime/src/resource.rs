//! The trait every `#[twilio_resource]` type implements, so generic code can work over any resource.

use serde::de::DeserializeOwned;

use crate::{PathTemplate, Protocol};

/// A Twilio REST resource: a JSON model with a home (base URL), an address (path template), the
/// collection that `list` and `create` use, and its wire conventions.
///
/// `#[twilio_resource]` implements it; you may implement it by hand too. Generic code can fetch any
/// resource with [`Client::fetch`](crate::Client::fetch) and [`PathTemplate::render`]:
///
/// ```
/// use twilio_resource::{Client, Error, Resource};
///
/// # #[allow(dead_code)]
/// async fn fetch_any<R: Resource>(client: &Client, ids: &[&str]) -> Result<R, Error> {
///     client.fetch::<R>(&R::PATH.render(ids)?).await
/// }
/// ```
pub trait Resource: DeserializeOwned {
    /// Scheme, host and port, e.g. `https://conversations.twilio.com`. A client built with
    /// [`ClientBuilder::base_url`](crate::ClientBuilder::base_url) replaces it.
    const BASE_URL: &'static str;
    /// The path template, e.g. `/v2/Conversations/<ConversationSid>/Participants/<Sid>`.
    const PATH: PathTemplate;
    /// Body format, update method, page-size parameter and idempotency keys.
    const PROTOCOL: Protocol = Protocol::V2;
}

/// What the runtime needs of a resource besides decoding it, gathered once per call so that
/// everything but the decoding is compiled once, not once per resource type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Descriptor {
    pub(crate) base_url: &'static str,
    pub(crate) protocol: Protocol,
    /// For spans and errors: `my_app::Message`.
    pub(crate) type_name: &'static str,
}

impl Descriptor {
    pub(crate) fn of<R: Resource>() -> Self {
        Self {
            base_url: R::BASE_URL,
            protocol: R::PROTOCOL,
            type_name: std::any::type_name::<R>(),
        }
    }
}
