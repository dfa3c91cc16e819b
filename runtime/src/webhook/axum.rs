//! The axum extractor: verify, then decode.

use std::fmt;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, OriginalUri, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::params::decode_json;
use super::{
    IDEMPOTENCY_TOKEN_HEADER, Params, RequestTarget, SIGNATURE_HEADER, SIGNATURE_SETTINGS_HEADER,
    UrlSettings, Validator, WebhookError,
};

/// What [`Webhook`] needs from the application's state: the [`Validator`] and how to find the URL
/// Twilio called ([`UrlSettings`]). Cheap to clone.
///
/// Use it as the router's state, or implement [`FromRef`] for your own state to hand it out.
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    inner: Arc<(Validator, UrlSettings)>,
}

impl WebhookConfig {
    /// Checks signatures with `validator`; the URL from the `Host` header of direct requests
    /// (proxied requests are refused until [`url_settings`](Self::url_settings) says how).
    pub fn new(validator: Validator) -> Self {
        Self {
            inner: Arc::new((validator, UrlSettings::new())),
        }
    }

    /// How to find the URL Twilio called: a public base URL, or a trusted proxy.
    pub fn url_settings(self, settings: UrlSettings) -> Self {
        let validator = self.inner.0.clone();
        Self {
            inner: Arc::new((validator, settings)),
        }
    }

    /// The validator.
    pub fn validator(&self) -> &Validator {
        &self.inner.0
    }
}

/// A webhook whose signature was checked, decoded into `T` (a [payload](super#structs) such as
/// [`IncomingMessage`](super::IncomingMessage), or any `Deserialize` type).
///
/// The extractor buffers the body (within the router's `DefaultBodyLimit`), finds the URL Twilio
/// called ([`UrlSettings`]), checks `X-Twilio-Signature` (a form against its parameters, a JSON
/// body against the URL's `bodySHA256`, a `GET` against its URL) and refuses the request with
/// `403 Forbidden` before `T` is decoded if anything is off. Then it decodes the form (or the
/// query of a `GET`) or the JSON body into `T`; a request that does not decode gets `400`.
///
/// ```
/// use axum::{Router, routing::post};
/// use twilio_resource::twiml::MessagingResponse;
/// use twilio_resource::webhook::{IncomingMessage, UrlSettings, Validator, Webhook, WebhookConfig};
///
/// async fn sms(webhook: Webhook<IncomingMessage>) -> MessagingResponse {
///     MessagingResponse::new().message(format!("You said: {}", webhook.payload.body))
/// }
///
/// let config = WebhookConfig::new(Validator::new("your auth token"))
///     .url_settings(UrlSettings::new().public_base_url("https://example.com"));
/// let app: Router = Router::new().route("/sms", post(sms)).with_state(config);
/// # let _ = app;
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Webhook<T> {
    /// The decoded payload.
    pub payload: T,
    /// The parameters as received (the form, or a `GET`'s query; empty for a JSON body), which
    /// the signature covers.
    pub params: Params,
    /// The body as received.
    pub body: Bytes,
    /// The URL the signature was checked against.
    pub url: String,
    /// `I-Twilio-Idempotency-Token`: the same on every retry of one webhook, to de-duplicate.
    pub idempotency_token: Option<String>,
}

/// Why [`Webhook`] refused a request: the HTTP status it answers with and the reason.
#[derive(Debug)]
pub struct WebhookRejection {
    status: StatusCode,
    error: WebhookError,
}

impl WebhookRejection {
    fn new(status: StatusCode, error: WebhookError) -> Self {
        Self { status, error }
    }

    /// `403` for a signature or URL problem, `413` for a body over the limit, `415` for a body
    /// neither form nor JSON, `400` for the rest.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// What was wrong.
    pub fn error(&self) -> &WebhookError {
        &self.error
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl std::error::Error for WebhookRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        (self.status, self.error.to_string()).into_response()
    }
}

/// How the body is signed.
enum Kind {
    Form,
    Json,
    /// No body: the query carries the parameters and the signature covers the URL alone.
    Query,
}

impl<S, T> FromRequest<S> for Webhook<T>
where
    S: Send + Sync,
    WebhookConfig: FromRef<S>,
    T: DeserializeOwned,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let config = WebhookConfig::from_ref(state);
        let forbidden = |error| WebhookRejection::new(StatusCode::FORBIDDEN, error);
        let (parts, body) = request.into_parts();
        let url = config
            .inner
            .1
            .resolve(&target(&parts))
            .inspect_err(|error| tracing::debug!(%error, "webhook refused"))
            .map_err(forbidden)?;
        let headers = &parts.headers;
        let signature = text(headers, SIGNATURE_HEADER)
            .ok_or(WebhookError::MissingSignature)
            .map_err(forbidden)?
            .to_owned();
        let settings = text(headers, SIGNATURE_SETTINGS_HEADER).map(str::to_owned);
        let idempotency_token = text(headers, IDEMPOTENCY_TOKEN_HEADER).map(str::to_owned);
        let kind = kind(&parts)?;
        let query = parts.uri.query().unwrap_or_default().to_owned();
        let body = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|rejection| {
                WebhookRejection::new(
                    rejection.status(),
                    WebhookError::Body(rejection.body_text()),
                )
            })?;

        let validator = config.validator();
        let settings = settings.as_deref();
        let (params, checked) = match kind {
            Kind::Form => {
                let params = Params::from_form(&body);
                let checked = validator.validate_with_settings(settings, &url, &params, &signature);
                (params, checked)
            }
            Kind::Json => (
                Params::default(),
                validator.validate_body_with_settings(settings, &url, &body, &signature),
            ),
            Kind::Query => {
                let none = std::iter::empty::<(&str, &str)>();
                let checked = validator.validate_with_settings(settings, &url, none, &signature);
                (Params::from_form(query.as_bytes()), checked)
            }
        };
        checked.map_err(forbidden)?;

        let bad_request = |error| WebhookRejection::new(StatusCode::BAD_REQUEST, error);
        let payload = match kind {
            Kind::Json => decode_json(&body),
            Kind::Form | Kind::Query => params.decode(),
        }
        .map_err(bad_request)?;
        Ok(Self {
            payload,
            params,
            body,
            url,
            idempotency_token,
        })
    }
}

/// A header's value, when it is present, text and not blank.
fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .filter(|value| !value.trim().is_empty())
}

fn kind(parts: &Parts) -> Result<Kind, WebhookRejection> {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .map(|value| value.to_str().unwrap_or("(not text)"));
    let essence = content_type
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/x-www-form-urlencoded") => Ok(Kind::Form),
        Some(json) if json == "application/json" || json.ends_with("+json") => Ok(Kind::Json),
        None if parts.method == Method::GET || parts.method == Method::HEAD => Ok(Kind::Query),
        None if !parts.headers.contains_key(header::CONTENT_LENGTH)
            && !parts.headers.contains_key(header::TRANSFER_ENCODING) =>
        {
            Ok(Kind::Query)
        }
        _ => Err(WebhookRejection::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebhookError::UnsupportedContentType(content_type.unwrap_or_default().to_owned()),
        )),
    }
}

/// What the request says about its URL.
fn target(parts: &Parts) -> RequestTarget<'_> {
    let headers = &parts.headers;
    let via_proxy = [
        "forwarded",
        "x-forwarded-for",
        "x-forwarded-proto",
        "x-forwarded-host",
        "x-forwarded-port",
        "x-real-ip",
        "via",
    ]
    .iter()
    .any(|name| headers.contains_key(*name));
    RequestTarget {
        // Under `Router::nest` the URI has lost its prefix; the original is what Twilio called.
        path_and_query: parts
            .extensions
            .get::<OriginalUri>()
            .map_or(&parts.uri, |original| &original.0)
            .path_and_query()
            .map_or("/", |pq| pq.as_str()),
        scheme: parts.uri.scheme_str(),
        host: headers
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .or_else(|| parts.uri.authority().map(|authority| authority.as_str())),
        forwarded_proto: text(headers, "x-forwarded-proto"),
        forwarded_host: text(headers, "x-forwarded-host"),
        via_proxy,
    }
}
