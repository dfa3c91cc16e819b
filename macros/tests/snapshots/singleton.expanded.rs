#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "snake_case")]
pub struct Configuration {
    pub service_sid: Option<String>,
}
#[automatically_derived]
impl ::twilio_resource::Resource for Configuration {
    const BASE_URL: &'static ::core::primitive::str = "https://chat.twilio.com";
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v1/Services/<ServiceSid>/Configuration",
        &["service_sid"],
    );
    const PROTOCOL: ::twilio_resource::Protocol = ::twilio_resource::Protocol::CLASSIC;
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Configuration {
    /**Builds the request path `/v1/Services/{ServiceSid}/Configuration`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn path(
        service_sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(
                &[::core::convert::AsRef::<::core::primitive::str>::as_ref(&service_sid)],
            )
    }
    /**Fetches one `Configuration` with `GET https://chat.twilio.com/v1/Services/{ServiceSid}/Configuration`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn fetch<'a>(
        client: &'a ::twilio_resource::Client,
        service_sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::fetch(client, Self::path(service_sid))
    }
    /**Updates one `Configuration` with `POST https://chat.twilio.com/v1/Services/{ServiceSid}/Configuration` (form body: `ConfigurationUpdate`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn update<'a>(
        client: &'a ::twilio_resource::Client,
        service_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &ConfigurationUpdate,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::update::<
            Self,
            ConfigurationUpdate,
        >(client, Self::path(service_sid), body)
    }
}
