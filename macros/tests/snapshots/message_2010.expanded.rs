#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "snake_case")]
pub struct Message {
    pub sid: Option<String>,
    pub status: Option<String>,
}
#[automatically_derived]
impl ::twilio_resource::Resource for Message {
    const BASE_URL: &'static ::core::primitive::str = "https://api.twilio.com";
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
        &["account_sid", "sid"],
    );
    const PROTOCOL: ::twilio_resource::Protocol = ::twilio_resource::Protocol::CLASSIC;
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Message {
    const __COLLECTION: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/2010-04-01/Accounts/<AccountSid>/Messages.json",
        &["account_sid"],
    );
    /**Builds the request path `/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn path(
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(
                &[
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&account_sid),
                    ::core::convert::AsRef::<::core::primitive::str>::as_ref(&sid),
                ],
            )
    }
    /**Builds the collection path `/2010-04-01/Accounts/{AccountSid}/Messages.json`, where `list` and `create` go: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn collection_path(
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        Self::__COLLECTION
            .render(
                &[::core::convert::AsRef::<::core::primitive::str>::as_ref(&account_sid)],
            )
    }
    /**Fetches one `Message` with `GET https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn fetch<'a>(
        client: &'a ::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::fetch(client, Self::path(account_sid, sid))
    }
    /**Lists `Message` records with `GET https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json`, with `filter` (`MessageFilter`) as its query.

The stream is lazy and holds one page at a time: nothing is sent until it is polled. `.page_size(n)` sends `PageSize` with the first request, `.limit(n)` stops after `n` records, `.pages()` yields whole pages with a cursor to resume from.

# Errors

The stream yields one [`Error`](::twilio_resource::Error) and ends: a refused argument (before any request), a failed page request, or a page that does not decode.*/
    pub fn list(
        client: &::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        filter: &MessageFilter,
    ) -> ::twilio_resource::List<Self> {
        ::twilio_resource::__private::list(client, Self::collection_path(account_sid))
            .filter::<MessageFilter>(filter)
    }
    /**Creates a `Message` with `POST https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json` (form body: `CreateMessage`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn create<'a>(
        client: &'a ::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &CreateMessage,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::create::<
            Self,
            CreateMessage,
        >(client, Self::collection_path(account_sid), body)
    }
    /**Updates one `Message` with `POST https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json` (form body: `UpdateMessage`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn update<'a>(
        client: &'a ::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &UpdateMessage,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::update::<
            Self,
            UpdateMessage,
        >(client, Self::path(account_sid, sid), body)
    }
    /**Deletes one `Message` with `DELETE https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn delete<'a>(
        client: &'a ::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, ()> {
        ::twilio_resource::__private::delete::<
            Self,
        >(client, Self::path(account_sid, sid))
    }
}
