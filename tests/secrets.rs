//! No secret in Debug or Display of any public type, on success and on every kind of error.

use twilio_local_server::{Fault, LocalServer, example_participant};
use twilio_resource::{Client, Error};
use twilio_resource_tests::*;

const TOKEN: &str = "tok_9f8e7d6c5b4a_do_not_print";
const KEY_SECRET: &str = "keysecret_1a2b3c_do_not_print";

fn assert_clean(what: &str, text: &str) {
    for secret in [TOKEN, KEY_SECRET, "do_not_print"] {
        assert!(!text.contains(secret), "{what} leaks a secret: {text}");
    }
}

#[tokio::test]
async fn no_secret_in_clients_builders_or_errors() {
    let server = LocalServer::builder()
        .credentials("ACsecretstest", TOKEN)
        .api_key("SKsecretstest", KEY_SECRET)
        .start()
        .await
        .unwrap();
    server.insert_participant(example_participant());

    let builder = Client::builder()
        .account_sid("ACsecretstest")
        .auth_token(TOKEN)
        .base_url(server.base_url());
    assert_clean("ClientBuilder Debug", &format!("{builder:?}"));
    let client = builder.build().unwrap();
    assert_clean("Client Debug", &format!("{client:?} {client:#?}"));
    let key_client = Client::builder()
        .account_sid("ACsecretstest")
        .api_key("SKsecretstest", KEY_SECRET)
        .base_url(server.base_url())
        .build()
        .unwrap();
    assert_clean("Client Debug (API key)", &format!("{key_client:?}"));
    assert_clean(
        "Client::new Debug",
        &format!("{:?}", Client::new("AC1", TOKEN)),
    );

    let mut errors: Vec<Error> = Vec::new();
    for fault in [
        Fault::status(400),
        Fault::status(500),
        Fault::html(502),
        Fault::truncated_json(),
    ] {
        server.push_fault(fault);
        errors.push(fetch_example(&client).await.unwrap_err());
    }
    server.push_fault(Fault::redirect("https://elsewhere.example.com/"));
    errors.push(fetch_example(&key_client).await.unwrap_err());
    let wrong = Client::builder()
        .account_sid("ACsecretstest")
        .auth_token(format!("{TOKEN}-wrong"))
        .base_url(server.base_url())
        .build()
        .unwrap();
    errors.push(fetch_example(&wrong).await.unwrap_err());
    errors.push(Participant::fetch(&client, "", "x").await.unwrap_err());
    errors.push(Client::builder().auth_token(TOKEN).build().unwrap_err());
    errors.push(
        Client::builder()
            .account_sid("AC1")
            .auth_token(TOKEN)
            .base_url("http://example.com")
            .build()
            .unwrap_err(),
    );
    errors.push(
        Client::builder()
            .account_sid("AC1")
            .auth_token(TOKEN)
            .base_url(format!("https://user:{TOKEN}@example.com"))
            .build()
            .unwrap_err(),
    );
    assert_eq!(errors.len(), 10);
    for error in &errors {
        assert_clean("Error Display", &error.to_string());
        assert_clean("Error Debug", &format!("{error:?} {error:#?}"));
    }
}
