#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "snake_case")]
pub struct LocalNumber {
    pub phone_number: Option<String>,
}
#[automatically_derived]
impl ::twilio_resource::Resource for LocalNumber {
    const BASE_URL: &'static ::core::primitive::str = "https://api.twilio.com";
    const PATH: ::twilio_resource::PathTemplate = ::twilio_resource::PathTemplate::new(
        "/2010-04-01/Accounts/<AccountSid>/AvailablePhoneNumbers/<CountryCode>/Local.json",
        &["account_sid", "country_code"],
    );
    const PROTOCOL: ::twilio_resource::Protocol = ::twilio_resource::Protocol::CLASSIC;
}
#[automatically_derived]
#[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
impl LocalNumber {
    /**Builds the request path `/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json`: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn path(
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        country_code: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(
                &[
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&account_sid),
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&country_code),
                ],
            )
    }
    /**Builds the collection path `/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json`, where `list` and `create` go: each value becomes exactly one percent-encoded path segment.

# Errors

[`Error::InvalidArgument`](::twilio_resource::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.*/
    pub fn collection_path(
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        country_code: impl ::core::convert::AsRef<::core::primitive::str>,
    ) -> ::core::result::Result<::std::string::String, ::twilio_resource::Error> {
        <Self as ::twilio_resource::Resource>::PATH
            .render(
                &[
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&account_sid),
                    ::core::convert::AsRef::<
                        ::core::primitive::str,
                    >::as_ref(&country_code),
                ],
            )
    }
    /**Lists `LocalNumber` records with `GET https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json`, with `filter` (`LocalNumberFilter`) as its query.

The stream is lazy and holds one page at a time: nothing is sent until it is polled. `.page_size(n)` sends `PageSize` with the first request, `.limit(n)` stops after `n` records, `.pages()` yields whole pages with a cursor to resume from.

# Errors

The stream yields one [`Error`](::twilio_resource::Error) and ends: a refused argument (before any request), a failed page request, or a page that does not decode.*/
    pub fn list(
        client: &::twilio_resource::Client,
        account_sid: impl ::core::convert::AsRef<::core::primitive::str>,
        country_code: impl ::core::convert::AsRef<::core::primitive::str>,
        filter: &LocalNumberFilter,
    ) -> ::twilio_resource::List<Self> {
        ::twilio_resource::__private::list(
                client,
                Self::collection_path(account_sid, country_code),
            )
            .filter::<LocalNumberFilter>(filter)
    }
}
