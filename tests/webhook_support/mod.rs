//! Shared by the webhook tests: a signer written from Twilio's published algorithm (not the
//! crate's), a raw HTTP/1.1 client that sends the request target byte for byte (reqwest would
//! re-encode `'`), and an axum app served on a loopback port.

#![allow(dead_code)] // each test file uses its own part

use std::net::SocketAddr;

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Digest as _;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// base64(HMAC-SHA1(token, url + each key and value, keys sorted, values de-duplicated and sorted)).
pub fn twilio_signature(token: &str, url: &str, params: &[(&str, &str)]) -> String {
    let mut keys: Vec<&str> = params.iter().map(|(k, _)| *k).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut signed = url.to_owned();
    for key in keys {
        let mut values: Vec<&str> = params
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .collect();
        values.sort_unstable();
        values.dedup();
        for value in values {
            signed.push_str(key);
            signed.push_str(value);
        }
    }
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(token.as_bytes()).expect("any key length");
    mac.update(signed.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The same string signed with HMAC-SHA256 (shared keys).
pub fn twilio_signature_sha256(key: &str, url: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(url.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(body: &[u8]) -> String {
    sha2::Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `key=value&…`, percent-encoded as a form.
pub fn form(params: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

/// Serves `app` on `127.0.0.1:<free port>`.
pub async fn serve(app: axum::Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// An answer: status and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// Sends `method target` with these headers (plus `Host: addr` unless given) and body, byte for
/// byte, and reads the whole answer.
pub async fn raw(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let mut request = format!("{method} {target} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("Host: {addr}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    stream.write_all(body).await.expect("write body");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    Answer {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// A signed form `POST` of `params` to `target`, signed for `signed_url`.
pub async fn post_form(
    addr: SocketAddr,
    target: &str,
    signature: Option<&str>,
    params: &[(&str, &str)],
    extra_headers: &[(&str, &str)],
) -> Answer {
    let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded")];
    if let Some(signature) = signature {
        headers.push(("X-Twilio-Signature", signature));
    }
    headers.extend_from_slice(extra_headers);
    raw(addr, "POST", target, &headers, form(params).as_bytes()).await
}
