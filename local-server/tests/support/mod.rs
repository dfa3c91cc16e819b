//! What the server tests share: a server and a plain HTTP client with its credentials.
// Each test binary uses part of it.
#![allow(dead_code)]

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use twilio_local_server::LocalServer;

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const JSON: &str = "application/json";

/// A server and a plain HTTP client with its credentials.
pub struct Api {
    pub server: LocalServer,
    http: reqwest::Client,
}

/// What came back: status, content type and body (JSON, or `Null` when empty).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub headers: HeaderMap,
    pub body: Value,
    pub raw: Vec<u8>,
}

impl Reply {
    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl Api {
    pub async fn start() -> Api {
        Api::with(LocalServer::start().await.expect("bind a loopback port"))
    }

    pub fn with(server: LocalServer) -> Api {
        Api {
            server,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.server.base_url())
        }
    }

    pub async fn send(&self, method: Method, path: &str, body: Option<(&str, &[u8])>) -> Reply {
        self.send_as(method, path, body, true, None).await
    }

    pub async fn send_as(
        &self,
        method: Method,
        path: &str,
        body: Option<(&str, &[u8])>,
        authorized: bool,
        idempotency_key: Option<&str>,
    ) -> Reply {
        let mut request = self.http.request(method, self.url(path));
        if authorized {
            request = request.basic_auth(self.server.account_sid(), Some(self.server.auth_token()));
        }
        if let Some((content_type, body)) = body {
            request = request
                .header("content-type", content_type)
                .body(body.to_vec());
        }
        if let Some(key) = idempotency_key {
            request = request.header("idempotency-key", key);
        }
        self.reply(request).await
    }

    /// Sends with these extra headers, authorized.
    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        body: Option<(&str, &[u8])>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = self
            .http
            .request(method, self.url(path))
            .basic_auth(self.server.account_sid(), Some(self.server.auth_token()));
        if let Some((content_type, body)) = body {
            request = request
                .header("content-type", content_type)
                .body(body.to_vec());
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.reply(request).await
    }

    async fn reply(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let headers = response.headers().clone();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let raw = response.bytes().await.expect("a whole body").to_vec();
        let body = if raw.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&raw).unwrap_or(Value::Null)
        };
        Reply {
            status,
            content_type,
            headers,
            body,
            raw,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None).await
    }

    pub async fn form(&self, method: Method, path: &str, form: &str) -> Reply {
        self.send(method, path, Some((FORM, form.as_bytes()))).await
    }

    pub async fn json(&self, method: Method, path: &str, body: &Value) -> Reply {
        self.send(method, path, Some((JSON, body.to_string().as_bytes())))
            .await
    }

    pub fn messages(&self) -> String {
        format!(
            "/2010-04-01/Accounts/{}/Messages.json",
            self.server.account_sid()
        )
    }
}
