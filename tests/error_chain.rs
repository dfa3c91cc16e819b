//! Every kind of error prints its cause chain once: through `anyhow` (`{:#}` and `{:?}`), and
//! through our own `Debug` (what `?` in `main` shows).

use std::time::Duration;

use twilio_local_server::Fault;
use twilio_resource::{Client, Error};
use twilio_resource_tests::*;

/// One error of each kind the client produces.
async fn one_of_each() -> Vec<(&'static str, Error)> {
    let (server, client) = server_with_example().await;
    let mut errors = Vec::new();

    let refused = Client::builder()
        .account_sid("AC1")
        .auth_token("t")
        .base_url(format!("http://127.0.0.1:{}", unused_port()))
        .max_retries(0)
        .build()
        .unwrap();
    errors.push(("transport", fetch_example(&refused).await.unwrap_err()));

    server.push_fault(Fault::cut_mid_body());
    let once = builder_for(&server).max_retries(0).build().unwrap();
    errors.push((
        "transport mid-body",
        fetch_example(&once).await.unwrap_err(),
    ));

    server.push_fault(Fault::delay(Duration::from_secs(2)));
    let hasty = builder_for(&server)
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    errors.push(("timeout", fetch_example(&hasty).await.unwrap_err()));

    server.push_fault(Fault::status(404));
    errors.push(("api", fetch_example(&client).await.unwrap_err()));

    server.push_fault(Fault::redirect("https://example.com/elsewhere"));
    errors.push(("redirect", fetch_example(&client).await.unwrap_err()));

    server.push_fault(Fault::json(200, &serde_json::json!({"id": 5})));
    errors.push(("decode", fetch_example(&client).await.unwrap_err()));

    let small = builder_for(&server).max_response_bytes(10).build().unwrap();
    errors.push(("too large", fetch_example(&small).await.unwrap_err()));

    errors.push((
        "invalid argument",
        Participant::fetch(&client, "", "x").await.unwrap_err(),
    ));
    errors.push((
        "config",
        Client::builder().auth_token("t").build().unwrap_err(),
    ));
    // Only when this machine has no Twilio credentials in its environment (the usual case).
    if let Err(error) = twilio_resource::ClientBuilder::from_env() {
        errors.push(("missing env", error));
    }
    errors
}

fn unused_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The pieces a report is made of: `{:#}` joins levels with ": ", `{:?}` lists them under
/// "Caused by:". No piece of a lower level may already stand in a higher one.
fn assert_each_level_once(kind: &str, levels: &[String]) {
    for (i, upper) in levels.iter().enumerate() {
        for lower in &levels[i + 1..] {
            assert!(
                !upper.contains(lower.as_str()),
                "{kind}: {lower:?} is printed twice (already in {upper:?})"
            );
        }
    }
}

#[tokio::test]
async fn anyhow_prints_every_cause_once() {
    for (kind, error) in one_of_each().await {
        let levels: Vec<String> = {
            let mut levels = vec![error.to_string()];
            let mut cause = std::error::Error::source(&error);
            while let Some(inner) = cause {
                levels.push(inner.to_string());
                cause = inner.source();
            }
            levels
        };
        assert_each_level_once(kind, &levels);
        let report = anyhow::Error::new(error);
        let alternate = format!("{report:#}");
        assert_eq!(alternate, levels.join(": "), "{kind}");
        let debug = format!("{report:?}");
        for level in &levels {
            assert_eq!(
                debug.matches(level.as_str()).count(),
                1,
                "{kind}: {level:?} in {debug}"
            );
        }
    }
}

#[tokio::test]
async fn debug_reads_like_display_and_alternate_keeps_the_fields() {
    for (kind, error) in one_of_each().await {
        let debug = format!("{error:?}");
        assert!(debug.starts_with(&error.to_string()), "{kind}: {debug}");
        let fields = format!("{error:#?}");
        assert!(
            fields.contains('{') || fields.contains('('),
            "{kind}: {fields}"
        );
    }
}

#[tokio::test]
async fn a_transport_error_names_its_cause_in_the_chain() {
    let (kind, error) = one_of_each().await.remove(0);
    assert_eq!(kind, "transport");
    let chain = format!("{:#}", anyhow::Error::new(error));
    assert!(chain.contains("onnect"), "{chain}");
}
