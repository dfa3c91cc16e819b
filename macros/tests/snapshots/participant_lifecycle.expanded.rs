#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "camelCase")]
pub struct Participant {
    pub id: Option<String>,
}
#[automatically_derived]
impl ::twilio_resource::Resource for Participant {
    const BASE_URL: &'static ::core::primitive::str = "https://conversations.twilio.com";
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
        &["conversation_sid", "sid"],
    );
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl Participant {
    const __COLLECTION: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/v2/Conversations/<ConversationSid>/Participants",
        &["conversation_sid"],
    );
    /**Builds the request path `/v2/Conversations/{ConversationSid}/Participants/{Sid}`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn path(
        conversation_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(
                &[
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&conversation_sid),
                    ::core::convert::AsRef::<::core::primitive::str>::as_ref(&sid),
                ],
            )
    }
    /**Builds the collection path `/v2/Conversations/{ConversationSid}/Participants`, where `list` and `create` go: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn collection_path(
        conversation_sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        Self::__COLLECTION
            .render(
                &[
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&conversation_sid),
                ],
            )
    }
    /**Fetches one `Participant` with `GET https://conversations.twilio.com/v2/Conversations/{ConversationSid}/Participants/{Sid}`, retrying throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn fetch<'a>(
        client: &'a ::twilio_resource::Client,
        conversation_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::fetch(client, Self::path(conversation_sid, sid))
    }
    /**Lists `Participant` records with `GET https://conversations.twilio.com/v2/Conversations/{ConversationSid}/Participants`.

The stream is lazy and holds one page at a time: nothing is sent until it is polled. `.page_size(n)` sends `pageSize` with the first request, `.limit(n)` stops after `n` records, `.pages()` yields whole pages with a cursor to resume from.

# Errors

The stream yields one [`Error`](::twilio_resource::Error) and ends: a refused argument (before any request), a failed page request, or a page that does not decode.*/
    pub fn list(
        client: &::twilio_resource::Client,
        conversation_sid: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::twilio_resource::List<Self> {
        ::twilio_resource::__private::list(
            client,
            Self::collection_path(conversation_sid),
        )
    }
    /**Creates a `Participant` with `POST https://conversations.twilio.com/v2/Conversations/{ConversationSid}/Participants` (JSON body: `crate::bodies::NewParticipant`) and returns it as Twilio answers.

A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn create<'a>(
        client: &'a ::twilio_resource::Client,
        conversation_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &crate::bodies::NewParticipant,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::create::<
            Self,
            crate::bodies::NewParticipant,
        >(client, Self::collection_path(conversation_sid), body)
    }
    /**Updates one `Participant` with `PUT https://conversations.twilio.com/v2/Conversations/{ConversationSid}/Participants/{Sid}` (JSON body: `ParticipantUpdate`) and returns it as Twilio answers.

Retries throttling and transient failures as the client is configured.

Await the returned [`Request`](::twilio_resource::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers.

# Errors

Any [`Error`](::twilio_resource::Error), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.*/
    pub fn update<'a>(
        client: &'a ::twilio_resource::Client,
        conversation_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        sid: impl ::core::convert::AsRef<::core::primitive::str>,
        body: &ParticipantUpdate,
    ) -> ::twilio_resource::Request<'a, Self> {
        ::twilio_resource::__private::update::<
            Self,
            ParticipantUpdate,
        >(client, Self::path(conversation_sid, sid), body)
    }
}
