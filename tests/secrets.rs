//! No secret in Debug or Display of any public type, on success and on every kind of error.
//! (`trace.rs` checks what is logged.)

use twilio_local_server::{Fault, LocalServer};
use twilio_resource::{Client, Error, Resource};
use twilio_resource_tests::*;

use twilio_resource_tests::secrets::{self, KEY_SECRET, TOKEN, assert_clean};

#[tokio::test]
async fn no_secret_in_clients_builders_or_errors() {
    let server = secrets::server().await;
    let builder = secrets::token_builder(&server);
    assert_clean("ClientBuilder Debug", &format!("{builder:?}"));
    let client = builder.build().unwrap();
    assert_clean("Client Debug", &format!("{client:?} {client:#?}"));
    let key_client = secrets::key_client(&server);
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
    let wrong = secrets::token_builder(&server)
        .auth_token(format!("{TOKEN}-wrong"))
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

#[tokio::test]
async fn no_secret_in_the_other_public_types() {
    let builder = LocalServer::builder()
        .credentials(secrets::ACCOUNT_SID, TOKEN)
        .api_key(secrets::KEY_SID, KEY_SECRET);
    assert_clean("LocalServerBuilder Debug", &format!("{builder:?}"));
    let server = secrets::server().await;
    assert_clean("LocalServer Debug", &format!("{server:?}"));
    let client = secrets::token_builder(&server).build().unwrap();
    let participant = fetch_example(&client).await.unwrap();
    assert_clean("a resource's Debug", &format!("{participant:?}"));
    assert_clean("PathTemplate Debug", &format!("{:?}", Participant::PATH));
    assert_clean("Fault Debug", &format!("{:?}", Fault::status(401)));
    server.push_fault(Fault::status(401));
    let error = fetch_example(&client).await.unwrap_err();
    let api = error.api().unwrap();
    assert_clean("ApiError Display", &api.to_string());
    assert_clean("ApiError Debug", &format!("{api:?}"));
    assert_clean("RecordedRequest Debug", &format!("{:?}", server.requests()));

    let collection = format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants");
    let list = client.list::<Participant>(&collection);
    assert_clean("List Debug", &format!("{list:?} {list:#?}"));
    let mut pages = client.list::<Participant>(&collection).page_size(1).pages();
    assert_clean("Pages Debug", &format!("{pages:?}"));
    let page = pages.try_next().await.unwrap().unwrap();
    assert_clean("Page Debug", &format!("{page:?}"));
    assert_clean("Cursor Debug", &format!("{:?}", page.next_cursor()));
    assert_clean(
        "RetryBudget and Protocol Debug",
        &format!(
            "{:?} {:?}",
            twilio_resource::RetryBudget::default(),
            Participant::PROTOCOL
        ),
    );
}
