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
        &[
            ::twilio_resource::Segment::Literal("/2010-04-01/Accounts/"),
            ::twilio_resource::Segment::Param {
                placeholder: "AccountSid",
                parameter: "account_sid",
            },
            ::twilio_resource::Segment::Literal("/Messages/"),
            ::twilio_resource::Segment::Param {
                placeholder: "Sid",
                parameter: "sid",
            },
            ::twilio_resource::Segment::Literal(".json"),
        ],
    );
    const COLLECTION: ::core::option::Option<::twilio_resource::PathTemplate> = ::core::option::Option::Some(
        Self::__COLLECTION,
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
impl Message {
    const __COLLECTION: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/2010-04-01/Accounts/<AccountSid>/Messages.json",
        &[
            ::twilio_resource::Segment::Literal("/2010-04-01/Accounts/"),
            ::twilio_resource::Segment::Param {
                placeholder: "AccountSid",
                parameter: "account_sid",
            },
            ::twilio_resource::Segment::Literal("/Messages.json"),
        ],
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

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub async fn fetch(
        client: &::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client.fetch::<Self>(&Self::path(account_sid, sid)?).await
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
        ::twilio_resource::__private::list::<
            Self,
        >(client, Self::collection_path(account_sid))
            .filter(filter)
    }
    /**Creates a `Message` with `POST https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json` (form body: `CreateMessage`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub async fn create(
        client: &::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &CreateMessage,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client
            .create::<Self, CreateMessage>(&Self::collection_path(account_sid)?, body)
            .await
    }
    /**Updates one `Message` with `POST https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json` (form body: `UpdateMessage`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub async fn update(
        client: &::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &UpdateMessage,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client.update::<Self, UpdateMessage>(&Self::path(account_sid, sid)?, body).await
    }
    /**Deletes one `Message` with `DELETE https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`, retrying throttling and transient failures as the client is configured.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub async fn delete(
        client: &::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<(), ::twilio_resource::Error> {
        client.delete::<Self>(&Self::path(account_sid, sid)?).await
    }
}
