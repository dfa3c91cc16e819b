#[derive(
    ::my_app::twilio::__private::serde::Serialize,
    ::my_app::twilio::__private::serde::Deserialize
)]
#[serde(crate = "::my_app::twilio::__private::serde", rename_all = "snake_case")]
pub(crate) struct Call {
    sid: Option<String>,
}
#[automatically_derived]
impl ::my_app::twilio::Resource for Call {
    const BASE_URL: &'static ::core::primitive::str = "https://api.twilio.com";
    const PATH: ::my_app::twilio::PathTemplate = ::my_app::twilio::PathTemplate::new(
        "/2010-04-01/Accounts/<AccountSid>/Calls/<Type>.json",
        &["account_sid", "type"],
    );
    const PROTOCOL: ::my_app::twilio::Protocol = ::my_app::twilio::Protocol::CLASSIC;
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Call {
    /**Builds the request path `/2010-04-01/Accounts/{AccountSid}/Calls/{Type}.json`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::my_app::twilio::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub(crate) fn path(
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        r#type: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::my_app::twilio::Error> {
        <Self as ::my_app::twilio::Resource>::PATH
            .render(
                &[
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&account_sid),
                    ::core::convert::AsRef::<::core::primitive::str>::as_ref(&r#type),
                ],
            )
    }
    /**Reads one call.

Twilio's `FetchCall`.

Fetches one `Call` with `GET https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Calls/{Type}.json`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::my_app::twilio::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::my_app::twilio::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) fn fetch<'a>(
        client: &'a ::my_app::twilio::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        r#type: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::my_app::twilio::Request<'a, Self> {
        ::my_app::twilio::__private::fetch(client, Self::path(account_sid, r#type))
    }
}
