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
        &[
            ::twilio_resource::Segment::Literal("/v1/Services/"),
            ::twilio_resource::Segment::Param {
                placeholder: "ServiceSid",
                parameter: "service_sid",
            },
            ::twilio_resource::Segment::Literal("/Configuration"),
        ],
    );
    const COLLECTION: ::core::option::Option<::twilio_resource::PathTemplate> = ::core::option::Option::Some(
        <Self as ::twilio_resource::Resource>::PATH,
    );
    const PROTOCOL: ::twilio_resource::Protocol = ::twilio_resource::Protocol::new(
        ::twilio_resource::BodyFormat::Form,
        ::twilio_resource::UpdateMethod::Post,
        "PageSize",
        false,
    );
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

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub async fn fetch(
        client: &::twilio_resource::Client,
        service_sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client.fetch::<Self>(&Self::path(service_sid)?).await
    }
    /**Updates one `Configuration` with `POST https://chat.twilio.com/v1/Services/{ServiceSid}/Configuration` (form body: `ConfigurationUpdate`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub async fn update(
        client: &::twilio_resource::Client,
        service_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &ConfigurationUpdate,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client.update::<Self, ConfigurationUpdate>(&Self::path(service_sid)?, body).await
    }
}
