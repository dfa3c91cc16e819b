//! Twilio's error bodies, in the three shapes its APIs use.

use serde_json::{Value, json};

/// Twilio's own code for each HTTP status the server answers.
pub fn twilio_code(status: u16) -> u32 {
    match status {
        401 => 20003,
        404 => 20404,
        400 => 20001,
        429 => 20429,
        500 => 20500,
        503 => 20503,
        other => 20000 + u32::from(other),
    }
}

fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Authenticate",
        404 => "The requested resource was not found",
        429 => "Too many requests",
        500 => "Internal server error",
        503 => "Service is unavailable",
        _ => "Error",
    }
}

/// `{code, message, more_info, status}`.
pub fn classic(status: u16, message: Option<&str>) -> Value {
    coded(
        status,
        twilio_code(status),
        message.unwrap_or(default_message(status)),
    )
}

/// `{code, message, more_info, status}` with a code of its own (`54103` for a revision mismatch).
pub fn coded(status: u16, code: u32, message: &str) -> Value {
    json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status,
    })
}

/// The classic body plus the API-standards v1.0 extras.
pub fn standard(status: u16) -> Value {
    let mut body = classic(status, None);
    body["httpStatusCode"] = json!(status);
    body["params"] = json!({});
    body["userError"] = json!(status < 500);
    body
}

/// RFC 9457 problem details.
pub fn problem(status: u16) -> Value {
    let code = twilio_code(status);
    json!({
        "type": format!("https://www.twilio.com/docs/errors/{code}"),
        "title": default_message(status),
        "status": status,
        "code": code,
        "detail": format!("{} (local server)", default_message(status)),
        "instance": "/local",
        "errors": [],
    })
}
