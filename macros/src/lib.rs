//! The `#[twilio_resource]` attribute macro of the `twilio-resource` crate.
//!
//! Do not add this crate to your `Cargo.toml`: depend on `twilio-resource`, which re-exports the
//! attribute together with the runtime (client, errors, retries) that the generated code calls, and
//! pins this crate to its own exact version. The attribute's documentation and examples are in
//! `twilio-resource`'s crate docs; this crate alone is not useful.
//!
//! Inside, the pipeline reads top to bottom: `args` parses the attribute's keys, `template` parses
//! the path template and derives its collection, `model` validates everything into one typed
//! resource (collecting every error, with guesses from `suggest`), and `expand` turns that model
//! into code, one small function per operation.
#![doc(test(attr(deny(warnings))))]

mod args;
mod case;
mod expand;
mod model;
mod suggest;
mod template;

/// Turns a struct into a Twilio REST resource: serde derives for its JSON, the `Resource` impl,
/// path builders, and one method per operation, each a single call into the runtime.
///
/// # A 2010 API resource: form bodies, every operation
///
/// ```
/// use twilio_resource::{Client, Error, twilio_resource};
///
/// #[twilio_resource(
///     path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
///     base_url = "https://api.twilio.com",
///     rename_all = "snake_case",
///     fetch, list = MessageFilter, create = CreateMessage, update = UpdateMessage, delete,
///     // Optional: each operation's own docs, put first in its method's.
///     doc(create = "Sends an SMS, billed per segment.", delete = "Deletes a message once it is final."),
/// )]
/// #[derive(Debug)]
/// pub struct Message {
///     pub sid: Option<String>,
///     pub status: Option<String>,
///     pub body: Option<String>,
/// }
///
/// // Body and filter types are yours: any `serde::Serialize` type (this needs `serde` with its
/// // `derive` feature in your Cargo.toml). The 2010 API names form fields in PascalCase.
/// #[derive(serde::Serialize, Default)]
/// #[serde(rename_all = "PascalCase")]
/// pub struct CreateMessage {
///     pub to: String,
///     pub from: Option<String>,
///     pub body: Option<String>,
///     pub media_url: Vec<String>, // sent as MediaUrl=a&MediaUrl=b
/// }
///
/// #[derive(serde::Serialize, Default)]
/// #[serde(rename_all = "PascalCase")]
/// pub struct UpdateMessage {
///     pub body: Option<String>,
/// }
///
/// #[derive(serde::Serialize, Default)]
/// pub struct MessageFilter {
///     #[serde(rename = "DateSent>")]
///     pub date_sent_after: Option<String>,
/// }
///
/// async fn send_and_redact(client: &Client) -> Result<(), Error> {
///     let new = CreateMessage { to: "+15558675310".into(), body: Some("Hi".into()), ..Default::default() };
///     let sent = Message::create(client, client.account_sid(), &new).await?;
///     let sid = sent.sid.unwrap_or_default();
///     let redact = UpdateMessage { body: Some(String::new()) };
///     Message::update(client, client.account_sid(), &sid, &redact).await?;
///     Message::delete(client, client.account_sid(), &sid).await
/// }
///
/// // `list` is not async: it returns a lazy stream (`futures_core::Stream`) that sends nothing
/// // until it is polled.
/// fn recent(client: &Client) -> twilio_resource::List<Message> {
///     let filter = MessageFilter { date_sent_after: Some("2025-01-01".into()) };
///     Message::list(client, client.account_sid(), &filter).limit(100)
/// }
///
/// // The address builders are plain functions:
/// assert_eq!(
///     Message::path("AC123", "SM456")?,
///     "/2010-04-01/Accounts/AC123/Messages/SM456.json"
/// );
/// assert_eq!(Message::collection_path("AC123")?, "/2010-04-01/Accounts/AC123/Messages.json");
/// # let _ = (send_and_redact, recent);
/// # Ok::<(), Error>(())
/// ```
///
/// # A v2 resource: JSON bodies, the defaults
///
/// ```
/// use twilio_resource::{Client, Error, twilio_resource};
///
/// #[twilio_resource(
///     path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
///     fetch, list, create = NewParticipant, update = ParticipantUpdate,
/// )]
/// pub struct Participant {
///     pub id: Option<String>,
///     pub display_name: Option<String>, // JSON "displayName": camelCase is the default
/// }
///
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "camelCase")]
/// pub struct NewParticipant {
///     pub display_name: String,
/// }
///
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "camelCase")]
/// pub struct ParticipantUpdate {
///     pub display_name: Option<String>,
/// }
///
/// async fn rename(client: &Client, conversation: &str) -> Result<Participant, Error> {
///     let new = NewParticipant { display_name: "Dana S.".into() };
///     let dana = Participant::create(client, conversation, &new).await?;
///     let id = dana.id.unwrap_or_default();
///     let update = ParticipantUpdate { display_name: Some("Dana Scully".into()) };
///     Participant::update(client, conversation, &id, &update).await // PUT with a JSON body
/// }
/// # let _ = rename;
/// ```
///
/// # Keys
///
/// | Key | Value | Default |
/// |---|---|---|
/// | `path` | The path template: literal text and `<Placeholder>`s, e.g. `"/v2/Services/<ServiceSid>/Roles/<Sid>"`. | required |
/// | `base_url` | `"https://host[:port]"`, nothing after the port. `http://` only for a server on this machine (`localhost`, `127.0.0.0/8`, `[::1]`). A client built with `.base_url(..)` replaces it. | `"https://conversations.twilio.com"` |
/// | `rename_all` | serde's rule for the JSON field names: `"camelCase"`, `"snake_case"`, `"PascalCase"`, `"lowercase"`, `"UPPERCASE"`, `"SCREAMING_SNAKE_CASE"`, `"kebab-case"`, `"SCREAMING-KEBAB-CASE"`. | `"camelCase"` (v2 APIs); the 2010 and v1 APIs use `"snake_case"` |
/// | `body` | How `create` and `update` send their body: `"form"` (`application/x-www-form-urlencoded`, sequences as repeated keys, `None` omitted) or `"json"`. | `"json"` when `rename_all` is `"camelCase"`, else `"form"` |
/// | `update_method` | `"POST"`, `"PUT"` or `"PATCH"`. | `"PUT"` for JSON bodies, `"POST"` for form bodies |
/// | `page_size` | The page-size query parameter of `list`: its name (`page_size = "PageSize"`), or `false` for a list that takes none (`List::page_size` is then an error). | `"pageSize"` for `"camelCase"`, `"PageSize"` otherwise |
/// | `idempotency_key` | A flag: `create`, `update` and `delete` send an `Idempotency-Key` header (a UUID v4, or the caller's own through `.idempotency_key(..)`), one per call and the same on each of its retries, so a `POST` may be retried like any other request. Declare it only where Twilio honours the key. | off |
/// | `crate` | Where generated code finds the runtime, for a re-export: `crate = "my_app::twilio"`. | `"::twilio_resource"` |
/// | `doc` | Each operation's own docs, put first in its method's: `doc(create = "Sends an SMS.", list = "…")`, markdown. A text for an operation the resource does not declare is refused. | none |
///
/// # Operations
///
/// With no operation key, a resource gets `fetch` alone. Once one is named, exactly the named
/// ones are generated. `P…` are the placeholders of `path`, `C…` those of the collection, each a
/// parameter `impl AsRef<str>` named in snake_case (`<ConversationSid>` → `conversation_sid`,
/// `<Type>` → `r#type`), in template order. A placeholder's name is free: it only names the
/// parameter and is not checked against Twilio's, so `<AcountSid>` compiles (as `acount_sid`) and
/// sends the same path; only the literal text between placeholders must match Twilio's.
///
/// | Key | Generated | Request |
/// |---|---|---|
/// | `fetch` | `fn fetch(client: &Client, P…) -> Request<'_, Self>` | `GET` path |
/// | `fetch = Q` | `fn fetch(client: &Client, P…, query: &Q) -> Request<'_, Self>` (`Q` is the query string) | `GET` path?query |
/// | `list` | `fn list(client: &Client, C…) -> List<Self>` | `GET` collection, page by page |
/// | `list = F` | `fn list(client: &Client, C…, filter: &F) -> List<Self>` (the filter is the query) | `GET` collection, page by page |
/// | `create = B` | `fn create(client: &Client, C…, body: &B) -> Request<'_, Self>` | `POST` collection |
/// | `update = B` | `fn update(client: &Client, P…, body: &B) -> Request<'_, Self>` | `update_method` path |
/// | `delete` | `fn delete(client: &Client, P…) -> Request<'_, ()>` | `DELETE` path |
/// | `delete = Q` | `fn delete(client: &Client, P…, query: &Q) -> Request<'_, ()>` | `DELETE` path?query |
///
/// A `Request` is the call's future: `.await` sends it. Before that, settings change this call
/// only: `.header(name, value)`, `.query(&extra)`, `.webhook_enabled(true)`, `.if_match(etag)`,
/// `.timeout(duration)`, `.idempotency_key(key)`, and `.with_response()` for the status and
/// headers with the body.
///
/// `Q`, `F` and `B` are Rust types (not strings) that implement `serde::Serialize`; queries and
/// filters are encoded like forms (`None` left out, sequences as repeated keys); `B` may be unsized
/// (`create = [(&'static str, &'static str)]`). Every resource also gets
/// `fn path(P…) -> Result<String, Error>`, and `fn collection_path(C…) -> Result<String, Error>`
/// when it has `list` or `create`. Each path value becomes exactly one percent-encoded segment;
/// an empty value, `.` or `..` is refused with `Error::InvalidArgument` before any request.
/// The methods have `Self`'s visibility; the parameter names `client`, `body`, `filter` and
/// `query` are reserved, so no placeholder may take them.
///
/// # The collection
///
/// `list` and `create` go to the collection: `path` without its last `/<Placeholder>` segment,
/// keeping a literal suffix (`…/Messages/<Sid>.json` → `…/Messages.json`). A path whose last
/// segment has no placeholder is its own collection: a singleton such as
/// `/v1/Services/<ServiceSid>/Configuration` (declare `fetch, update = …`) or a list-only
/// resource such as `…/AvailablePhoneNumbers/<CountryCode>/Local.json` (declare `list`). A path
/// like `/<Sid>` has no collection, and `list` or `create` on it is a compile error.
///
/// # What it expands to
///
/// For `#[twilio_resource(path = "/v1/Services/<Sid>", fetch, delete)] pub struct Service { … }`,
/// roughly (`cargo expand` shows the exact code):
///
/// ```text
/// #[derive(Serialize, Deserialize)]               // through twilio_resource's own serde
/// #[serde(rename_all = "camelCase")]
/// pub struct Service { … }
///
/// impl Resource for Service {
///     const BASE_URL: &str = "https://conversations.twilio.com";
///     const PATH: PathTemplate = PathTemplate::new("/v1/Services/<Sid>", &["sid"]);
///     // PROTOCOL: the default, `Protocol::V2` (JSON, PUT, pageSize); `Protocol::CLASSIC` for
///     // snake_case resources.
/// }
///
/// impl Service {
///     pub fn path(sid: impl AsRef<str>) -> Result<String, Error> { /* PATH.render(..) */ }
///     pub fn fetch<'a>(client: &'a Client, sid: impl AsRef<str>) -> Request<'a, Self> {
///         __private::fetch(client, Self::path(sid))
///     }
///     pub fn delete<'a>(client: &'a Client, sid: impl AsRef<str>) -> Request<'a, ()> {
///         __private::delete::<Self>(client, Self::path(sid))
///     }
/// }
/// ```
///
/// # Errors at compile time
///
/// Every mistake is reported at once, each with a span and the fix: an unknown key (with a guess:
/// "did you mean `rename_all`?"), a key or operation given twice, `create`/`update` without a
/// type, a body, filter or query type that is not `Serialize`, a value outside the listed ones, a malformed path
/// template or base URL, `list`/`create` on a path with no collection, a generic struct, or a
/// `Serialize`/`Deserialize` derive of your own (the attribute derives both). After a mistake the
/// attribute still generates every method it can, so call sites show no second error.
#[proc_macro_attribute]
pub fn twilio_resource(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    expand::expand(args.into(), item.into()).into()
}
