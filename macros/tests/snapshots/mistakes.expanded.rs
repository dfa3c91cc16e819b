#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "camelCase")]
pub struct Service {
    pub sid: Option<String>,
}
#[automatically_derived]
impl ::twilio_resource::Resource for Service {
    const BASE_URL: &'static ::core::primitive::str = "https://conversations.twilio.com";
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v1/Services/<Sid>",
        &["sid"],
    );
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Service {
    const __COLLECTION: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v1/Services",
        &[],
    );
    /**Builds the request path `/v1/Services/{Sid}`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn path(
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(&[::core::convert::AsRef::<::core::primitive::str>::as_ref(&sid)])
    }
    /**Builds the collection path `/v1/Services`, where `list` and `create` go: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn collection_path() -> ::core::result::Result<
        ::std::string::String,
        ::twilio_resource::Error,
    > {
        Self::__COLLECTION.render(&[])
    }
    /**Fetches one `Service` with `GET https://conversations.twilio.com/v1/Services/{Sid}`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn fetch<'a>(
        client: &'a ::twilio_resource::Client,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::fetch(client, Self::path(sid))
    }
    /**Creates a `Service` with `POST https://conversations.twilio.com/v1/Services` (JSON body) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn create<'a>(
        client: &'a ::twilio_resource::Client,
        body: &(impl ::twilio_resource::__private::serde::Serialize + ?::core::marker::Sized),
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::create::<
            Self,
            _,
        >(client, Self::collection_path(), body)
    }
    /**Deletes one `Service` with `DELETE https://conversations.twilio.com/v1/Services/{Sid}`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn delete<'a>(
        client: &'a ::twilio_resource::Client,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, ()> {
        ::twilio_resource::__private::delete::<Self>(client, Self::path(sid))
    }
}
::core::compile_error! {
    "`create` needs the type of its request body: write `create = CreateMessage`, a type that derives `Serialize`"
}
::core::compile_error! {
    "unknown key `delet` in #[twilio_resource]; did you mean `delete`? (keys: `path`, `base_url`, `rename_all`, `body`, `update_method`, `page_size`, `idempotency_key`, `crate`, `doc`; operations: `fetch`, `list`, `create`, `update`, `delete`)"
}
::core::compile_error! {
    "`base_url` must be an absolute URL with a scheme: write \"https://api.twilio.com\""
}
