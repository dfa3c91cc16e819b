//! Where credentials may go: never over plain http to another host, never along a redirect.

use std::time::Duration;

use twilio_local_server::{Fault, LocalServer};
use twilio_resource::{Client, Error};
use twilio_resource_tests::*;

#[tokio::test]
async fn a_redirect_is_reported_and_never_followed() {
    let (server, client) = server_with_example().await;
    let elsewhere = LocalServer::start().await.unwrap();
    let target = format!(
        "{}/v2/Conversations/x/Participants/y",
        elsewhere.base_url().replace("127.0.0.1", "localhost")
    );
    server.push_fault(Fault::redirect(target.clone()));
    let error = fetch_example(&client).await.unwrap_err();
    match &error {
        Error::Redirect {
            status, location, ..
        } => {
            assert_eq!(*status, 302);
            assert_eq!(location.as_deref(), Some(target.as_str()));
        }
        other => panic!("expected a redirect error, got {other:?}"),
    }
    assert_eq!(error.status(), Some(302));
    assert!(
        elsewhere.requests().is_empty(),
        "the redirect target must receive nothing"
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn plain_http_to_a_remote_host_is_refused_at_build() {
    let error = Client::builder()
        .account_sid("AC1")
        .auth_token("secret-token")
        .base_url("http://api.example.com")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config { .. }));
    assert!(
        error
            .to_string()
            .contains("refusing to send credentials over plain http to api.example.com"),
        "{error}"
    );
}

/// A resource whose own base URL is plain http to a remote host. The attribute refuses such a
/// `base_url` at compile time, so this one implements `Resource` by hand to reach the runtime check.
#[derive(Debug, serde::Deserialize)]
pub struct InsecureThing {
    pub sid: Option<String>,
}

impl twilio_resource::Resource for InsecureThing {
    const BASE_URL: &'static str = "http://insecure.example.com";
    const PATH: twilio_resource::PathTemplate =
        twilio_resource::PathTemplate::new("/v1/Things/<Sid>", &["sid"]);
}

#[tokio::test]
async fn a_resource_with_a_plain_http_base_url_is_refused_before_sending() {
    let client = Client::new("AC1", "secret-token");
    let started = std::time::Instant::now();
    let error = client
        .fetch::<InsecureThing>("/v1/Things/TH1")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Config { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("plain http to insecure.example.com"),
        "{error}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "nothing should have been attempted"
    );
}
