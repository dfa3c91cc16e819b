//! Shared pieces of the integration tests: the example's own model (so the example is tested as
//! written) and a client wired to a fresh local server.

use std::time::Duration;

use twilio_local_server::{LocalServer, example_participant};
use twilio_resource::{Client, ClientBuilder};

/// The example's models (`examples/models/`), the very definitions the example runs.
pub use twilio_resource_examples as example;

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

/// Secrets the tests hand to clients and servers, and the check that none of them shows.
pub mod secrets {
    use twilio_local_server::{LocalServer, example_participant};
    use twilio_resource::{Client, ClientBuilder};

    /// The account the secret credentials belong to.
    pub const ACCOUNT_SID: &str = "ACsecretstest";
    /// The API key SID paired with [`KEY_SECRET`].
    pub const KEY_SID: &str = "SKsecretstest";

    /// An auth token that must never be printed.
    pub const TOKEN: &str = "tok_9f8e7d6c5b4a_do_not_print";
    /// An API key secret that must never be printed.
    pub const KEY_SECRET: &str = "keysecret_1a2b3c_do_not_print";

    /// Fails the test, naming `what`, if `text` holds any secret.
    pub fn assert_clean(what: &str, text: &str) {
        for secret in [TOKEN, KEY_SECRET, "do_not_print"] {
            assert!(!text.contains(secret), "{what} leaks a secret: {text}");
        }
    }

    /// A server accepting [`TOKEN`] and the [`KEY_SECRET`] API key, holding the example participant.
    pub async fn server() -> LocalServer {
        let server = LocalServer::builder()
            .credentials(ACCOUNT_SID, TOKEN)
            .api_key(KEY_SID, KEY_SECRET)
            .start()
            .await
            .expect("bind a loopback port");
        server.insert_participant(example_participant());
        server
    }

    /// A builder for the server with the auth token.
    pub fn token_builder(server: &LocalServer) -> ClientBuilder {
        Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(TOKEN)
            .base_url(server.base_url())
    }

    /// A client of the server with the API key.
    pub fn key_client(server: &LocalServer) -> Client {
        Client::builder()
            .account_sid(ACCOUNT_SID)
            .api_key(KEY_SID, KEY_SECRET)
            .base_url(server.base_url())
            .build()
            .expect("valid client settings")
    }
}
