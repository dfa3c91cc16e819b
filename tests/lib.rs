//! Shared pieces of the integration tests: the example's own model (so the example is tested as
//! written) and a client wired to a fresh local server.

use std::time::Duration;

use twilio_local_server::{LocalServer, example_participant};
use twilio_resource::{Client, ClientBuilder};

/// The example binary's model, compiled here exactly as users read it.
#[allow(dead_code)]
#[path = "../examples/fetch_participant.rs"]
pub mod example;

pub use example::{Address, Channel, Participant, ParticipantType};
pub use twilio_local_server::{EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID};

/// A builder with the server's credentials and address, and a short timeout so a hang fails fast.
pub fn builder_for(server: &LocalServer) -> ClientBuilder {
    Client::builder()
        .account_sid(server.account_sid())
        .auth_token(server.auth_token())
        .base_url(server.base_url())
        .timeout(Duration::from_secs(10))
}

/// A server holding the example participant, and a client for it.
pub async fn server_with_example() -> (LocalServer, Client) {
    let server = LocalServer::start().await.expect("bind a loopback port");
    server.insert_participant(example_participant());
    let client = builder_for(&server).build().expect("valid client settings");
    (server, client)
}

/// Fetches the example participant.
pub async fn fetch_example(client: &Client) -> Result<Participant, twilio_resource::Error> {
    Participant::fetch(client, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID).await
}
