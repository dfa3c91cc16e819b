//! What the catalog's request tests share: the local server and a client for it.

use twilio_local_server::LocalServer;
use twilio_resource::Client;

/// Starts the local server and builds a client with its credentials and address.
pub async fn start() -> (LocalServer, Client) {
    let server = LocalServer::start().await.expect("the local server starts");
    let client = Client::builder()
        .account_sid(server.account_sid())
        .auth_token(server.auth_token())
        .base_url(server.base_url())
        .build()
        .expect("a client");
    (server, client)
}
