//! Send a message, list recent ones, fetch it, redact its text and delete it, with the 2010 API's
//! `Message` from `twilio-catalog` (feature `api-v2010`): its status is the catalog's
//! `MessageStatus` enum.
//!
//! - With neither credentials nor arguments it starts the embedded local server, stores a few
//!   earlier messages there, and runs against that: `cargo run --example send_message`
//! - With `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` + `TWILIO_API_SECRET`)
//!   set it sends a real, billed message from one of your numbers to `<To>`, with optional media
//!   URLs (an MMS, in the US and Canada):
//!   `cargo run --example send_message -- <To> <From> [MediaUrl...]`
//!
//! Each step prints the request it makes.

use std::time::Duration;

use jiff::{Timestamp, ToSpan as _};
use twilio_catalog::api::v2010::MessageStatus;
use twilio_catalog::api::v2010::account::{
    CreateMessageParams, ListMessageParams, Message, UpdateMessageParams,
};
use twilio_local_server::LocalServer;
use twilio_resource::Client;
use twilio_resource_examples::rfc2822;

type BoxError = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has_credentials = std::env::var_os("TWILIO_ACCOUNT_SID").is_some();
    match (has_credentials, args.as_slice()) {
        (true, [to, from, media @ ..]) => {
            let client = Client::from_env()?;
            lifecycle(&client, to, from, media.to_vec()).await?;
            println!("(sent through Twilio for account {})", client.account_sid());
        }
        (false, []) => {
            let server = LocalServer::start().await?;
            let client = Client::builder()
                .account_sid(server.account_sid())
                .auth_token(server.auth_token())
                .base_url(server.base_url())
                .build()?;
            store_earlier_messages(&server, client.account_sid());
            let media = vec!["https://demo.twilio.com/owl.png".to_owned()];
            lifecycle(&client, "+15558675310", "+15017122661", media).await?;
            println!(
                "(used the embedded local server at {}: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and pass <To> <From> to send a real message through Twilio)",
                server.base_url()
            );
        }
        (true, _) => {
            eprintln!("usage: cargo run --example send_message -- <To> <From> [MediaUrl...]");
            std::process::exit(2);
        }
        (false, _) => {
            eprintln!(
                "TWILIO_ACCOUNT_SID is not set: set it and TWILIO_AUTH_TOKEN to send through Twilio, or pass no arguments to use the local server"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}

/// Create, list, fetch, update and delete, printing each request.
async fn lifecycle(
    client: &Client,
    to: &str,
    from: &str,
    media_url: Vec<String>,
) -> Result<(), BoxError> {
    // 2010-API paths hold the account: the client knows it.
    let account = client.account_sid();

    println!("POST {}", Message::collection_path(account)?);
    let body = CreateMessageParams {
        to: to.to_owned(),
        from: Some(from.to_owned()),
        body: Some("Hello from twilio-resource".to_owned()),
        media_url: Some(media_url).filter(|urls| !urls.is_empty()),
        ..CreateMessageParams::default()
    };
    let message = Message::create(client, account, &body).await?;
    let sid = message.sid.clone().ok_or("Twilio returned no sid")?;
    println!("  created {}", describe(&message));

    let since = Timestamp::now().checked_sub(24.hours())?;
    println!(
        "GET {}?DateSent>={since:.0}, at most 3",
        Message::collection_path(account)?
    );
    let filter = ListMessageParams {
        date_sent_after: Some(since),
        ..ListMessageParams::default()
    };
    let mut recent = Message::list(client, account, &filter).limit(3);
    while let Some(message) = recent.try_next().await? {
        println!("  {}", describe(&message));
    }

    println!("GET {}", Message::path(account, &sid)?);
    let message = wait_until_final(client, account, &sid).await?;
    println!("  fetched {}", describe(&message));

    println!("POST {} with Body=\"\"", Message::path(account, &sid)?);
    let redact = UpdateMessageParams {
        body: Some(String::new()),
        ..UpdateMessageParams::default()
    };
    let message = Message::update(client, account, &sid, &redact).await?;
    println!("  redacted {}", describe(&message));

    println!("DELETE {}", Message::path(account, &sid)?);
    Message::delete(client, account, &sid).await?;
    match Message::fetch(client, account, &sid).await {
        Err(error) if error.status() == Some(404) => {
            println!("  deleted: fetching it again answers 404 ({error})");
        }
        Err(error) => return Err(error.into()),
        Ok(message) => println!("  still there: {}", describe(&message)),
    }
    Ok(())
}

/// Fetches the message until its status is final (Twilio redacts and deletes only then), for up
/// to a minute. The local server delivers a message at once; a message without a status is
/// returned as it is.
async fn wait_until_final(client: &Client, account: &str, sid: &str) -> Result<Message, BoxError> {
    for _ in 0..30 {
        let message = Message::fetch(client, account, sid).await?;
        match &message.status {
            Some(status) if !is_final(status) => {
                println!("  status {status}, waiting");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            _ => return Ok(message),
        }
    }
    Err(format!("message {sid} is still not in a final status after a minute").into())
}

/// Whether Twilio is done with a message: only then can its body be redacted and the message
/// deleted. A status this example does not know (`MessageStatus` is `#[non_exhaustive]`, and keeps
/// values Twilio adds later) counts as not final, so the loop waits for one it knows.
fn is_final(status: &MessageStatus) -> bool {
    matches!(
        status,
        MessageStatus::Delivered
            | MessageStatus::Undelivered
            | MessageStatus::Failed
            | MessageStatus::Received
            | MessageStatus::Read
            | MessageStatus::Canceled
            | MessageStatus::PartiallyDelivered
    )
}

/// One line per message: sid, sender and recipient, status, when sent, text.
fn describe(message: &Message) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
    let status = message
        .status
        .as_ref()
        .map_or_else(|| "-".to_owned(), MessageStatus::to_string);
    let sent = message
        .date_sent
        .map_or_else(|| "not sent".to_owned(), |time| format!("sent {time:.0}"));
    format!(
        "{} {} -> {} [{status}, {sent}] {:?}",
        text(&message.sid),
        text(&message.from),
        text(&message.to),
        text(&message.body),
    )
}

/// Earlier messages for the listing to find: the local server starts empty.
fn store_earlier_messages(server: &LocalServer, account: &str) {
    let collection = format!("/2010-04-01/Accounts/{account}/Messages.json");
    for (hours_ago, to, body) in [
        (3, "+15558675311", "Your table is ready"),
        (2, "+15558675312", "Your order has shipped"),
        (1, "+15558675313", "Your code is 123456"),
    ] {
        let sent = Timestamp::now() - hours_ago.hours();
        server.insert(
            &collection,
            serde_json::json!({
                "to": to,
                "from": "+15017122661",
                "body": body,
                "status": "delivered",
                "direction": "outbound-api",
                "num_segments": "1",
                "date_sent": rfc2822::format(sent),
            }),
        );
    }
}
