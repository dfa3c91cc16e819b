//! A transport failure's `Display` (what a log line of `%err` shows) names the host and the kind of
//! failure, in its own words; the causes stay in `source()`, each printed once.

use std::error::Error as _;
use std::time::Duration;

use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpListener;
use twilio_local_server::Fault;
use twilio_resource::{Client, Error};
use twilio_resource_tests::*;

/// A client for `base_url` with `retries` retries and the default backoff.
fn client(base_url: &str, retries: u32) -> Client {
    Client::builder()
        .account_sid("AC1")
        .auth_token("t")
        .base_url(base_url)
        .max_retries(retries)
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
fn refused_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The error's own words must not repeat any cause's, and there is a cause to print.
fn assert_chain_once(error: &Error) {
    let display = error.to_string();
    let mut cause = error.source();
    assert!(cause.is_some(), "{display}: no source");
    while let Some(inner) = cause {
        let words = inner.to_string();
        assert!(
            !display.contains(&words),
            "{words:?} is already in {display:?}"
        );
        cause = inner.source();
    }
}

#[tokio::test]
async fn nothing_listening_names_the_host_and_refused() {
    let port = refused_port();
    // The default of 3 retries: 4 attempts.
    let error = fetch_example(&client(&format!("http://127.0.0.1:{port}"), 3))
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Transport { attempts: 4, .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!("could not connect to 127.0.0.1:{port} (connection refused) after 4 attempts")
    );
    assert_chain_once(&error);
}

#[tokio::test]
async fn an_unknown_host_names_dns() {
    // `.invalid` never resolves (RFC 6761), with or without a network.
    let error = fetch_example(&client("https://twilio.invalid", 0))
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "could not connect to twilio.invalid:443 (DNS lookup failed) after 1 attempt"
    );
    assert_chain_once(&error);
}

#[tokio::test]
async fn a_server_without_tls_names_the_handshake() {
    // Answers plain HTTP to whatever arrives, as a misconfigured port would.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let _ = socket
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    });
    let error = fetch_example(&client(&format!("https://127.0.0.1:{port}"), 0))
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("could not connect to 127.0.0.1:{port} (TLS handshake failed) after 1 attempt")
    );
    assert_chain_once(&error);
}

#[tokio::test]
async fn a_connection_reset_before_the_answer_names_the_reset() {
    // Accepts, then resets the connection (SO_LINGER 0) before answering.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let _ = socket.set_zero_linger();
            drop(socket);
        }
    });
    let error = fetch_example(&client(&format!("http://127.0.0.1:{port}"), 1))
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("the request to 127.0.0.1:{port} failed (connection reset) after 2 attempts")
    );
    assert_chain_once(&error);
}

#[tokio::test]
async fn an_answer_cut_mid_body_names_the_host() {
    let (server, _) = server_with_example().await;
    server.push_fault(Fault::cut_mid_body());
    let client = builder_for(&server).max_retries(0).build().unwrap();
    let error = fetch_example(&client).await.unwrap_err();
    let host = server.base_url().trim_start_matches("http://").to_owned();
    assert_eq!(
        error.to_string(),
        format!("the answer from {host} broke off (connection closed) after 1 attempt")
    );
    assert_chain_once(&error);
}
