//! No panic from any builder setting or server answer: `Duration::MAX` timeouts and `Retry-After`
//! caps, huge or odd `Retry-After` values, zero and maximal limits. Each case ends in `Ok` or a
//! typed `Error`; a case that legitimately waits longer than the test allows (a day-long
//! `Retry-After` with no deadline) is stopped by the test, which is not a panic.

use std::time::Duration;

use proptest::prelude::*;
use twilio_local_server::{Fault, LocalServer, example_participant};
use twilio_resource::{Client, Error, RetryBudget};
use twilio_resource_tests::*;

/// A fresh current-thread runtime per case, so a panic inside a call fails the case.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(future)
}

#[tokio::test]
async fn a_timeout_of_duration_max_means_no_deadline() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server).timeout(Duration::MAX).build().unwrap();
    assert!(fetch_example(&client).await.is_ok());
    // A retry under no deadline still works.
    server.push_fault(Fault::status(503).retry_after("0"));
    assert!(fetch_example(&client).await.is_ok());
    assert_eq!(server.pending_faults(), 0);
}

#[tokio::test]
async fn a_retry_after_cap_of_duration_max_with_a_huge_retry_after_gives_up_at_once() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server)
        .max_retry_after(Duration::MAX)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    server.push_fault(Fault::status(429).retry_after("18446744073709551615"));
    let started = std::time::Instant::now();
    let error = fetch_example(&client).await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(u64::MAX)));
    assert!(started.elapsed() < Duration::from_secs(2), "did not wait");
}

#[tokio::test]
async fn maximal_counts_and_sizes_do_not_overflow() {
    let (server, _) = server_with_example().await;
    let client = builder_for(&server)
        .max_retries(u32::MAX)
        .max_response_bytes(usize::MAX)
        .retry_budget(RetryBudget::tokens(u32::MAX))
        .build()
        .unwrap();
    server.push_fault(Fault::status(503).retry_after("0"));
    assert!(fetch_example(&client).await.is_ok());
    let tiny = builder_for(&server).max_response_bytes(0).build().unwrap();
    assert!(matches!(
        fetch_example(&tiny).await,
        Err(Error::ResponseTooLarge { limit: 0, .. })
    ));
}

/// A server that answers every request with `head`, then `{`, a pause, and `}`: a body that comes
/// in two chunks under an announced length the server chose.
async fn two_chunk_server(head: &'static str) -> String {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(b"{").await;
                let _ = socket.flush().await;
                tokio::time::sleep(Duration::from_millis(50)).await;
                let _ = socket.write_all(b"}").await;
            });
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn an_announced_length_the_server_chose_sizes_no_buffer_beyond_reason() {
    for length in ["9223372036854775808", "1099511627776", "2"] {
        let head: &'static str = Box::leak(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
            )
            .into_boxed_str(),
        );
        let base_url = two_chunk_server(head).await;
        let client = Client::builder()
            .account_sid("AC1")
            .auth_token("t")
            .base_url(base_url)
            .max_response_bytes(usize::MAX)
            .max_retries(0)
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let got = fetch_example(&client).await;
        if length == "2" {
            // `{}`: the body as announced, in two chunks, decodes (every field is optional).
            assert!(got.is_ok(), "{length}: {got:?}");
        } else {
            // The body ends long before its announced length: a transport error, not a panic
            // or an allocation of the announced size.
            assert!(
                matches!(got, Err(Error::Transport { .. })),
                "{length}: {got:?}"
            );
        }
    }
}

#[test]
fn outside_a_tokio_runtime_a_call_is_an_error_not_a_panic() {
    let client = Client::builder()
        .account_sid("AC1")
        .auth_token("t")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    // A minimal executor that is not Tokio.
    let error = futures_executor_block_on(fetch_example(&client)).unwrap_err();
    assert!(error.to_string().contains("Tokio"), "{error}");
}

/// Polls a future to completion on this thread with a no-op waker (the call must finish without
/// waiting on anything, which the runtime check guarantees).
fn futures_executor_block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn durations() -> impl Strategy<Value = Duration> {
    prop_oneof![
        Just(Duration::ZERO),
        Just(Duration::from_nanos(1)),
        Just(Duration::from_millis(200)),
        Just(Duration::from_secs(u64::MAX)),
        Just(Duration::MAX),
        (0u64..=u64::MAX, 0u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
    ]
}

fn retry_after_values() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_owned()),
        Just("1".to_owned()),
        Just("18446744073709551615".to_owned()),
        Just("99999999999999999999999999999".to_owned()),
        Just("Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
        Just("Fri, 31 Dec 9999 23:59:59 GMT".to_owned()),
        Just("-1".to_owned()),
        Just("1.5".to_owned()),
        "[ -~]{0,40}",
        "[0-9]{1,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any timeout × `Retry-After` cap × retries × budget, against a 429 or 503 carrying any
    /// `Retry-After`: the call returns (or is still legitimately waiting when the test stops it),
    /// and never panics.
    #[test]
    fn no_setting_and_no_retry_after_panics(
        timeout in durations(),
        cap in durations(),
        retries in prop_oneof![Just(0u32), Just(1), Just(u32::MAX)],
        budget in prop_oneof![Just(RetryBudget::tokens(0)), Just(RetryBudget::default()), Just(RetryBudget::tokens(u32::MAX)), Just(RetryBudget::unlimited())],
        status in prop_oneof![Just(429u16), Just(503)],
        retry_after in retry_after_values(),
    ) {
        block_on(async {
            let server = LocalServer::start().await.unwrap();
            server.insert_participant(example_participant());
            server.push_fault(Fault::status(status).retry_after(retry_after.clone()));
            let built = builder_for(&server)
                .timeout(timeout)
                .max_retry_after(cap)
                .max_retries(retries)
                .retry_budget(budget)
                .build();
            let Ok(client) = built else {
                // Only a zero timeout is refused.
                prop_assert!(timeout.is_zero());
                return Ok(());
            };
            let call = tokio::time::timeout(Duration::from_millis(1500), fetch_example(&client)).await;
            if let Ok(Err(error)) = call {
                prop_assert!(error.status().is_some() || matches!(error, Error::Timeout { .. }), "{error:?}");
            }
            Ok(())
        })?;
    }
}
