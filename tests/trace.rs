//! Nothing logged at TRACE level, by our `tracing` events or by the HTTP stack's `log` records,
//! carries a secret or the `Authorization` header, through successes, retries and every kind of
//! error.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use twilio_local_server::Fault;
use twilio_resource_tests::secrets::{self, KEY_SECRET, TOKEN, assert_clean};
use twilio_resource_tests::*;

/// A value sent in a call's query, and one in a header: neither may be traced.
const QUERY_VALUE: &str = "query-value-5551234";
const HEADER_VALUE: &str = "header-value-7770000";

/// A writer into a shared buffer, for a subscriber.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// In a test binary of its own: the subscriber is global, so no other test's events race it.
#[tokio::test]
async fn no_secret_in_trace_output_of_fetches_and_errors() {
    // `log` records (from the HTTP stack) become tracing events; the subscriber below sees both.
    let _ = tracing_log::LogTracer::init();
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let server = secrets::server().await;
    let token_client = secrets::token_builder(&server)
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let key_client = secrets::key_client(&server);
    assert!(fetch_example(&token_client).await.is_ok());
    assert!(fetch_example(&key_client).await.is_ok());
    server.push_fault(Fault::status(429).retry_after("0"));
    server.push_fault(Fault::cut_mid_body());
    assert!(fetch_example(&key_client).await.is_ok());
    for fault in [
        Fault::status(401),
        Fault::html(502),
        Fault::truncated_json(),
        Fault::redirect("https://elsewhere.example.com/"),
        Fault::delay(Duration::from_secs(2)),
    ] {
        server.push_fault(fault);
        let error = fetch_example(&token_client).await.unwrap_err();
        tracing::error!(%error, ?error, "the application logs the error");
    }

    // A call's query (a number to look up) and its header values stay out of the output too.
    let with_settings = Participant::fetch(
        &token_client,
        EXAMPLE_CONVERSATION_ID,
        EXAMPLE_PARTICIPANT_ID,
    )
    .query(&[("Lookup", QUERY_VALUE)])
    .header("X-Custom-Token", HEADER_VALUE)
    .await;
    assert!(with_settings.is_ok(), "{with_settings:?}");

    let output = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    for value in [QUERY_VALUE, HEADER_VALUE] {
        assert!(!output.contains(value), "{value} in the trace output");
    }
    // The capture worked: our events are in it, with what they should carry.
    for expected in [
        "twilio_fetch",
        "answered",
        "retrying",
        "request failed",
        "Participants",
        "ACsecretstest",
    ] {
        assert!(
            output.contains(expected),
            "no {expected:?} in the trace:\n{output}"
        );
    }
    assert_clean("TRACE output", &output);
    let engine = base64::engine::general_purpose::STANDARD;
    for (user, secret) in [
        (secrets::ACCOUNT_SID, TOKEN),
        (secrets::KEY_SID, KEY_SECRET),
    ] {
        let header = engine.encode(format!("{user}:{secret}"));
        assert!(
            !output.contains(&header),
            "the Authorization header is in the trace"
        );
    }
}
