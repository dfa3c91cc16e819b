#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "camelCase")]
pub(crate) struct Item {
    pub id: Option<String>,
}
#[automatically_derived]
impl ::twilio_resource::Resource for Item {
    const BASE_URL: &'static ::core::primitive::str = "https://conversations.twilio.com";
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v2/Items/<Sid>",
        &["sid"],
    );
    const PROTOCOL: ::twilio_resource::Protocol = ::twilio_resource::Protocol::new(
            ::twilio_resource::BodyFormat::Json,
            ::twilio_resource::UpdateMethod::Patch,
            ::core::option::Option::Some("pageSize"),
        )
        .with_idempotency_key();
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Item {
    const __COLLECTION: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v2/Items",
        &[],
    );
    /**Builds the request path `/v2/Items/{Sid}`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub(crate) fn path(
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(&[::core::convert::AsRef::<::core::primitive::str>::as_ref(&sid)])
    }
    /**Builds the collection path `/v2/Items`, where `list` and `create` go: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub(crate) fn collection_path() -> ::core::result::Result<
        ::std::string::String,
        ::twilio_resource::Error,
    > {
        Self::__COLLECTION.render(&[])
    }
    /**Creates a `Item` with `POST https://conversations.twilio.com/v2/Items` (JSON body: `NewItem`) and returns it as Twilio answers.

Each call sends an `Idempotency-Key` (its own, or yours from `.idempotency_key(..)`), the same on every retry of that call, so a retry cannot act twice; throttling and transient failures are retried as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) fn create<'a>(
        client: &'a ::twilio_resource::Client,
        body: &NewItem,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::create::<
            Self,
            NewItem,
        >(client, Self::collection_path(), body)
    }
    /**Updates one `Item` with `PATCH https://conversations.twilio.com/v2/Items/{Sid}` (JSON body: `ItemPatch`) and returns it as Twilio answers.

Retries throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) fn update<'a>(
        client: &'a ::twilio_resource::Client,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &ItemPatch,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::update::<
            Self,
            ItemPatch,
        >(client, Self::path(sid), body)
    }
    /**Deletes one `Item` with `DELETE https://conversations.twilio.com/v2/Items/{Sid}`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) fn delete<'a>(
        client: &'a ::twilio_resource::Client,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, ()> {
        ::twilio_resource::__private::delete::<Self>(client, Self::path(sid))
    }
}
