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
    /// Where `list` and `create` go: [`PATH`](Self::PATH) without its last `/<Placeholder>`
    /// (keeping a literal suffix such as `.json`), or `PATH` itself when it ends in a literal.
    /// `None` when there is no collection (a path of one placeholder).
    const COLLECTION: Option<PathTemplate> = None;
    /// Body format, update method, page-size parameter and idempotency keys.
    const PROTOCOL: Protocol = Protocol::V2;
}
