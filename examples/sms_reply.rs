//! Answer incoming SMS with TwiML: an axum server whose handler takes a verified
//! `Webhook<IncomingMessage>` and returns a `MessagingResponse`.
//!
//! - With no settings it starts the embedded local server, serves the app on `127.0.0.1`, has
//!   the local server deliver a signed incoming message to it, then sends a tampered one, and
//!   prints both answers: `cargo run --example sms_reply`
//! - With `TWILIO_AUTH_TOKEN` and `PUBLIC_URL` (the public address Twilio calls, e.g.
//!   `https://abc.ngrok.app`, without the `/sms` path) it serves on `PORT` (3000 by default) for
//!   Twilio; point a number's "A message comes in" webhook at `<PUBLIC_URL>/sms`.

use axum::Router;
use axum::routing::post;
use twilio_local_server::{IncomingMessage as Sms, LocalServer};
use twilio_resource::twiml::{Media, Message, MessagingResponse};
use twilio_resource::webhook::{IncomingMessage, UrlSettings, Validator, Webhook, WebhookConfig};

type BoxError = Box<dyn std::error::Error>;

/// The app: `POST /sms` answers each verified message.
pub fn app(config: WebhookConfig) -> Router {
    Router::new().route("/sms", post(reply)).with_state(config)
}

/// A reply naming what came in; a picture for a message that asks for one. Requests whose
/// signature is missing or wrong never get here: the extractor answers them `403`.
async fn reply(webhook: Webhook<IncomingMessage>) -> MessagingResponse {
    let message = webhook.payload;
    let text = message.body.trim();
    if text.eq_ignore_ascii_case("owl") {
        return MessagingResponse::new().push(
            Message::new()
                .body(twilio_resource::twiml::Body::new("Here is your owl."))
                .media(Media::new("https://demo.twilio.com/owl.png")),
        );
    }
    let media = match message.media.len() {
        0 => String::new(),
        n => format!(" and {n} attachment(s)"),
    };
    MessagingResponse::new().message(format!("Got \"{text}\"{media} from {}.", message.from))
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    match (
        std::env::var("TWILIO_AUTH_TOKEN"),
        std::env::var("PUBLIC_URL"),
    ) {
        (Ok(token), Ok(public_url)) => {
            let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
            let config = WebhookConfig::new(Validator::new(token))
                .url_settings(UrlSettings::new().public_base_url(public_url.clone()));
            let listener = tokio::net::TcpListener::bind(("0.0.0.0", port.parse()?)).await?;
            println!("answering {public_url}/sms on port {port}");
            axum::serve(listener, app(config)).await?;
        }
        _ => demo().await?,
    }
    Ok(())
}

/// The whole round trip on this machine.
async fn demo() -> Result<(), BoxError> {
    let twilio = LocalServer::start().await?;
    let config = WebhookConfig::new(Validator::new(twilio.auth_token()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/sms", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app(config)).await });

    let signed = Sms::new("+15551230000", "+15557654321", "Hello there");
    let answer = twilio.send_incoming_message(&url, signed).await?;
    println!("signed message  -> {} {}", answer.status, answer.body);

    // The same parameters, but a signature made with another token: refused before the handler.
    let forged = LocalServer::builder()
        .credentials(twilio.account_sid(), "not-the-auth-token")
        .start()
        .await?;
    let answer = forged
        .send_incoming_message(
            &url,
            Sms::new("+15551230000", "+15557654321", "Hello there"),
        )
        .await?;
    println!("forged message  -> {} {}", answer.status, answer.body);
    println!("(used the local server at {})", twilio.base_url());
    Ok(())
}
