//! How a resource's writes and lists speak: body format, update method, page-size parameter and
//! idempotency keys. `#[twilio_resource]` writes one [`Protocol`] per resource from its keys.

/// How `create` and `update` bodies are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded`, sequences as repeated keys (Twilio's 2010 and v1 APIs).
    Form,
    /// `application/json` (Twilio's v2 APIs and some v1 products).
    Json,
}

/// The HTTP method of `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UpdateMethod {
    /// `POST` (the 2010 API and most v1 products).
    Post,
    /// `PUT` (the v2 APIs, some v1 products).
    Put,
    /// `PATCH` (a few v1 and v2 operations).
    Patch,
}

impl UpdateMethod {
    pub(crate) const fn http(self) -> reqwest::Method {
        match self {
            Self::Post => reqwest::Method::POST,
            Self::Put => reqwest::Method::PUT,
            Self::Patch => reqwest::Method::PATCH,
        }
    }
}

/// A resource's wire conventions, as [`Resource::PROTOCOL`](crate::Resource::PROTOCOL).
///
/// ```
/// use twilio_resource::{BodyFormat, Protocol, UpdateMethod};
///
/// // `#[twilio_resource(rename_all = "snake_case", body = "json")]`:
/// const JSON_V1: Protocol = Protocol::new(BodyFormat::Json, UpdateMethod::Put, Some("PageSize"));
/// assert_eq!(JSON_V1.page_size_parameter(), Some("PageSize"));
/// assert!(!JSON_V1.idempotency_key());
/// // … and with `idempotency_key`:
/// assert!(JSON_V1.with_idempotency_key().idempotency_key());
/// // `rename_all = "snake_case"` alone (the 2010 and v1 APIs):
/// assert_eq!(Protocol::CLASSIC.body(), BodyFormat::Form);
/// assert_eq!(Protocol::V2.body(), BodyFormat::Json);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Protocol {
    body: BodyFormat,
    update_method: UpdateMethod,
    page_size_parameter: Option<&'static str>,
    idempotency_key: bool,
}

impl Protocol {
    /// Twilio's v2 conventions: JSON bodies, `PUT` updates, `pageSize`, no idempotency key.
    pub const V2: Protocol = Protocol::new(BodyFormat::Json, UpdateMethod::Put, Some("pageSize"));

    /// The 2010 and v1 conventions: form bodies, `POST` updates, `PageSize`, no idempotency key.
    pub const CLASSIC: Protocol =
        Protocol::new(BodyFormat::Form, UpdateMethod::Post, Some("PageSize"));

    /// A protocol without idempotency keys; `page_size_parameter` is `None` for a list that
    /// takes no page size.
    pub const fn new(
        body: BodyFormat,
        update_method: UpdateMethod,
        page_size_parameter: Option<&'static str>,
    ) -> Protocol {
        Protocol {
            body,
            update_method,
            page_size_parameter,
            idempotency_key: false,
        }
    }

    /// The same protocol, with an `Idempotency-Key` on every write.
    pub const fn with_idempotency_key(self) -> Protocol {
        Protocol {
            idempotency_key: true,
            ..self
        }
    }

    /// How `create` and `update` bodies are encoded.
    pub const fn body(&self) -> BodyFormat {
        self.body
    }

    /// The method `update` uses.
    pub const fn update_method(&self) -> UpdateMethod {
        self.update_method
    }

    /// The query parameter that sets a list's page size: `pageSize` (v2) or `PageSize` (2010,
    /// v1); `None` for a list that takes none.
    pub const fn page_size_parameter(&self) -> Option<&'static str> {
        self.page_size_parameter
    }

    /// Whether `create`, `update` and `delete` send an `Idempotency-Key` (one UUID v4 per call
    /// unless the caller gives one, the same on every retry of that call), which also makes a
    /// `POST` safe to retry.
    pub const fn idempotency_key(&self) -> bool {
        self.idempotency_key
    }
}
