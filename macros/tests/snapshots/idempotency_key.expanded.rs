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
        &[
            ::twilio_resource::Segment::Literal("/v2/Items/"),
            ::twilio_resource::Segment::Param {
                placeholder: "Sid",
                parameter: "sid",
            },
        ],
    );
    const COLLECTION: ::core::option::Option<::twilio_resource::PathTemplate> = ::core::option::Option::Some(
        Self::__COLLECTION,
    );
    const PROTOCOL: ::twilio_resource::Protocol = ::twilio_resource::Protocol::new(
        ::twilio_resource::BodyFormat::Json,
        ::twilio_resource::UpdateMethod::Patch,
        "pageSize",
        true,
    );
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Item {
    const __COLLECTION: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v2/Items",
        &[::twilio_resource::Segment::Literal("/v2/Items")],
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

Each call sends its own `Idempotency-Key`, the same on every retry of that call, so a retry cannot act twice; throttling and transient failures are retried as the client is configured.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) async fn create(
        client: &::twilio_resource::Client,
        body: &NewItem,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client.create::<Self, NewItem>(&Self::collection_path()?, body).await
    }
    /**Updates one `Item` with `PATCH https://conversations.twilio.com/v2/Items/{Sid}` (JSON body: `ItemPatch`) and returns it as Twilio answers.

Retries throttling and transient failures as the client is configured.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) async fn update(
        client: &::twilio_resource::Client,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &ItemPatch,
    ) -> ::core::result::Result<Self, ::twilio_resource::Error> {
        client.update::<Self, ItemPatch>(&Self::path(sid)?, body).await
    }
    /**Deletes one `Item` with `DELETE https://conversations.twilio.com/v2/Items/{Sid}`, retrying throttling and transient failures as the client is configured.

# Errors

Any [`Error`](::twilio_resource::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub(crate) async fn delete(
        client: &::twilio_resource::Client,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<(), ::twilio_resource::Error> {
        client.delete::<Self>(&Self::path(sid)?).await
    }
}
