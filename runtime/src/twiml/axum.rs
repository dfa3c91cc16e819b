//! TwiML as an axum response: `200 OK`, `Content-Type: text/xml`.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::{MessagingResponse, VoiceResponse};

fn xml(document: String) -> Response {
    (
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        document,
    )
        .into_response()
}

impl IntoResponse for MessagingResponse {
    fn into_response(self) -> Response {
        xml(self.to_xml())
    }
}

impl IntoResponse for VoiceResponse {
    fn into_response(self) -> Response {
        xml(self.to_xml())
    }
}
