//! Fault injection against the local Twilio server, one test per fault: each ends in a typed
//! error (or a retried success), within the timeout, with bounded memory. docs/RELIABILITY.md
//! lists them in a table.

use std::time::{Duration, Instant, SystemTime};

use jiff::Timestamp;
use twilio_local_server::Fault;
use twilio_resource::{Client, Error};
use twilio_resource_tests::*;

const MIB: usize = 1024 * 1024;

/// A client of the server with `timeout` and the other defaults.
fn client_with_timeout(server: &twilio_local_server::LocalServer, timeout: Duration) -> Client {
    builder_for(server).timeout(timeout).build().unwrap()
}

fn http_date(time: SystemTime) -> String {
    Timestamp::try_from(time)
        .unwrap()
        .strftime("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

/// The decode error's message, or a failure naming what came instead.
fn decode_message(result: Result<Participant, Error>) -> String {
    match result {
        Err(error @ Error::Decode { .. }) => error.to_string(),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn connection_refused_is_retried_then_reported() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .account_sid("AC1")
        .auth_token("t")
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(2)
        .build()
        .unwrap();
    let error = fetch_example(&client).await.unwrap_err();
    assert!(
        matches!(error, Error::Transport { attempts: 3, .. }),
        "{error:?}"
    );
    assert_eq!(error.status(), None);
    assert_eq!(
        error.to_string(),
        format!("could not connect to 127.0.0.1:{port} (connection refused) after 3 attempts")
    );
    // The cause comes from `source()`; `Debug` (what `?` in `main` prints) shows the chain.
    let chain = format!("{error:?}");
    assert!(chain.contains("onnect"), "the cause is named: {chain}");
}

#[tokio::test]
async fn a_reset_mid_body_is_retried_and_then_reported() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::cut_mid_body());
    assert_eq!(
        fetch_example(&client).await.unwrap().name.as_deref(),
        Some("Dana S.")
    );
    assert_eq!(server.requests().len(), 2, "one cut answer, one retry");

    let client = builder_for(&server).max_retries(1).build().unwrap();
    server.push_fault(Fault::cut_mid_body());
    server.push_fault(Fault::cut_mid_body());
    let error = fetch_example(&client).await.unwrap_err();
    assert!(
        matches!(error, Error::Transport { attempts: 2, .. }),
        "{error:?}"
    );
    assert!(format!("{error:?}").contains("body"), "{error:?}");
}

#[tokio::test]
async fn truncated_json_is_a_decode_error() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::truncated_json());
    let message = decode_message(fetch_example(&client).await);
    assert!(
        message.contains("did not decode as `Participant`"),
        "{message}"
    );
    assert!(message.contains("EOF"), "{message}");
    assert_eq!(server.requests().len(), 1, "a decode error is not retried");
}

#[tokio::test]
async fn a_body_past_the_cap_stops_reading_with_bounded_memory() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server)
        .max_response_bytes(MIB)
        .build()
        .unwrap();

    // Announced: refused from the Content-Length, before the body is read.
    server.push_fault(Fault::large_body(64 * MIB as u64, true));
    let error = fetch_example(&client).await.unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit, .. } if limit == MIB),
        "{error:?}"
    );
    assert!(error.to_string().contains("max_response_bytes"), "{error}");

    // Chunked, 1 GiB: the client hangs up soon after the cap, so the server sends only a little.
    let before = server.streamed_bytes();
    server.push_fault(Fault::large_body(1024 * MIB as u64, false));
    let error = fetch_example(&client).await.unwrap_err();
    assert!(matches!(error, Error::ResponseTooLarge { .. }), "{error:?}");
    let sent = server.streamed_bytes() - before;
    // The cap plus socket buffers; far from the gigabyte offered.
    assert!(sent < 64 * MIB as u64, "server sent {sent} bytes");
    assert_eq!(
        server.requests().len(),
        2,
        "too large is final, not retried"
    );

    // Just under the cap still decodes.
    server.push_fault(Fault::large_body(MIB as u64 - 1, false));
    let participant = fetch_example(&client).await.unwrap();
    assert_eq!(participant.id.map(|id| id.len()), Some(MIB - 1 - 10));
}

#[tokio::test]
async fn the_default_cap_is_16_mib() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::large_body(16 * MIB as u64 + 1, true));
    let error = fetch_example(&client).await.unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit, .. } if limit == 16 * MIB),
        "{error:?}"
    );
}

#[tokio::test]
async fn invalid_utf8_is_a_decode_error() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::raw(
        200,
        "application/json",
        b"{\"id\": \"caf\xe9\"}".to_vec(),
    ));
    let message = decode_message(fetch_example(&client).await);
    assert!(message.contains("at `id`"), "{message}");
    assert!(
        message.contains("unicode") || message.contains("UTF-8"),
        "{message}"
    );
}

#[tokio::test]
async fn a_wrong_content_type_is_named() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::html(200));
    let message = decode_message(fetch_example(&client).await);
    assert!(message.contains("content type is `text/html`"), "{message}");
    assert!(
        message.contains("200 from a proxy"),
        "the body's start is shown: {message}"
    );
}

#[tokio::test]
async fn an_empty_200_is_a_decode_error() {
    let (server, client) = server_with_example().await;
    server.push_fault(Fault::raw(200, "application/json", Vec::new()));
    let message = decode_message(fetch_example(&client).await);
    assert!(message.ends_with("the body is empty"), "{message}");
}

/// Plays `fault` for a client with `timeout`; checks the call ended in a one-attempt timeout,
/// well before the fault would have finished, and returns the error.
async fn assert_times_out(
    timeout: Duration,
    fault: Fault,
) -> (twilio_local_server::LocalServer, Error) {
    let (server, _) = server_with_example().await;
    let client = client_with_timeout(&server, timeout);
    server.push_fault(fault);
    let started = Instant::now();
    let error = fetch_example(&client).await.unwrap_err();
    let took = started.elapsed();
    assert!(
        matches!(error, Error::Timeout { attempts: 1, .. }),
        "{error:?}"
    );
    assert!(took < Duration::from_secs(2), "took {took:?}");
    (server, error)
}

#[tokio::test]
async fn slow_headers_time_out_within_the_timeout() {
    let fault = Fault::delay(Duration::from_secs(5));
    let (_, error) = assert_times_out(Duration::from_millis(300), fault).await;
    assert!(error.to_string().contains("300ms timeout"), "{error}");
}

#[tokio::test]
async fn a_slow_body_times_out_within_the_timeout() {
    // Headers at once, then 8 pieces 400 ms apart: 3.2 s of body.
    let fault = Fault::slow_body(Duration::from_millis(400));
    let (server, _) = assert_times_out(Duration::from_millis(500), fault).await;

    // The same trickle within a longer timeout is just slow, and succeeds.
    let client = client_with_timeout(&server, Duration::from_secs(10));
    server.push_fault(Fault::slow_body(Duration::from_millis(20)));
    assert!(fetch_example(&client).await.is_ok());
}

#[tokio::test]
async fn a_huge_retry_after_is_capped() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server)
        .max_retry_after(Duration::from_millis(200))
        .build()
        .unwrap();
    // Larger than u64 seconds: read as "very long", then cut to the cap.
    server.push_fault(Fault::status(429).retry_after("99999999999999999999999"));
    server.push_fault(Fault::status(503).retry_after("3600"));
    let started = Instant::now();
    assert!(fetch_example(&client).await.is_ok());
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(380),
        "both waits were honoured up to the cap: {took:?}"
    );
    assert!(
        took < Duration::from_secs(5),
        "neither wait went past the cap: {took:?}"
    );
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_retry_after_beyond_the_timeout_returns_the_error_without_waiting() {
    let (server, _) = server_with_example().await;
    let client = client_with_timeout(&server, Duration::from_secs(3));
    server.push_fault(Fault::status(429).retry_after("3600"));
    let started = Instant::now();
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(
        error.api().unwrap().retry_after,
        Some(Duration::from_secs(3600))
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 1);
}

/// Plays `fault` once, then the normal answer: returns how long the successful fetch took.
async fn time_to_success(fault: Fault) -> Duration {
    let (server, client) = server_with_example().await;
    server.push_fault(fault);
    let started = Instant::now();
    let fetched = fetch_example(&client).await;
    let took = started.elapsed();
    assert!(fetched.is_ok(), "{fetched:?}");
    assert_eq!(server.requests().len(), 2, "one fault, one retry");
    took
}

#[tokio::test]
async fn retry_after_in_seconds_and_as_an_http_date_is_honoured() {
    let took = time_to_success(Fault::status(429).retry_after("1")).await;
    assert!(took >= Duration::from_millis(950), "waited only {took:?}");

    let in_two_seconds = SystemTime::now() + Duration::from_secs(2);
    let took = time_to_success(Fault::status(503).retry_after(http_date(in_two_seconds))).await;
    // HTTP dates have one-second resolution, so the wait is between one and two seconds.
    assert!(took >= Duration::from_millis(950), "waited only {took:?}");
}

#[tokio::test]
async fn a_retry_after_date_in_the_past_means_now() {
    let past = Fault::status(503).retry_after("Sun, 06 Nov 1994 08:49:37 GMT");
    let took = time_to_success(past).await;
    // Not the backoff's 100 ms floor either: a past date is an explicit "now".
    assert!(took < Duration::from_millis(100), "took {took:?}");
}

#[tokio::test]
async fn a_malformed_retry_after_falls_back_to_backoff() {
    for value in ["soon", "+5", "1.5", "-1", "Sun, 32 Nov 1994 08:49:37 GMT"] {
        let took = time_to_success(Fault::status(429).retry_after(value)).await;
        // Backoff starts at 100 ms with jitter up to doubling.
        assert!(took >= Duration::from_millis(90), "{value}: took {took:?}");
        assert!(took < Duration::from_secs(2), "{value}: took {took:?}");
    }
}

#[tokio::test]
async fn a_bad_token_is_a_401_naming_the_account_never_the_token() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server)
        .auth_token("wrong-token-value")
        .build()
        .unwrap();
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(401), Some(20003)));
    let text = error.to_string();
    assert!(
        text.contains("refused the credentials for account ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        "{text}"
    );
    assert!(
        text.contains("check the account SID and the auth token"),
        "{text}"
    );
    assert!(
        !text.contains("wrong-token-value") && !format!("{error:?}").contains("wrong-token-value")
    );
    assert_eq!(server.requests().len(), 1, "a 401 is not retried");
}

#[tokio::test]
async fn a_429_storm_is_bounded_in_retries() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server).max_retries(2).build().unwrap();
    for _ in 0..10 {
        server.push_fault(Fault::status(429).retry_after("0"));
    }
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(429), Some(20429)));
    assert_eq!(error.api().unwrap().attempts, 3);
    assert!(error.to_string().contains("after 3 attempts"), "{error}");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_429_storm_is_bounded_in_time() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server)
        .max_retries(50)
        .timeout(Duration::from_millis(1500))
        .build()
        .unwrap();
    for _ in 0..100 {
        server.push_fault(Fault::status(429));
    }
    let started = Instant::now();
    let error = fetch_example(&client).await.unwrap_err();
    let took = started.elapsed();
    // The last answer is reported, not a bare timeout: the deadline stops the backoff first.
    assert_eq!(error.status(), Some(429), "{error:?}");
    assert!(took < Duration::from_millis(1500), "took {took:?}");
    let sent = server.requests().len();
    assert!((2..50).contains(&sent), "{sent} requests");
}
