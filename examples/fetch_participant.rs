//! Fetch one Conversations v2 participant, defined with `#[twilio_resource]`.
//!
//! - With `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` + `TWILIO_API_SECRET`)
//!   set and two arguments, it fetches from Twilio:
//!   `cargo run --example fetch_participant -- <ConversationSid> <Sid>`
//! - With neither, it starts the embedded local server, stores the example participant of Twilio's
//!   API description, and fetches that: `cargo run --example fetch_participant`
//!
//! The `Participant` model is in `models/participant.rs`, where the repository's tests, benchmarks
//! and fuzz targets use the very same definition; `cargo expand --lib participant` shows what the
//! attribute writes.

use twilio_local_server::{
    EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, LocalServer, example_participant,
};
use twilio_resource::Client;
use twilio_resource_examples::Participant;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has_credentials = std::env::var_os("TWILIO_ACCOUNT_SID").is_some();
    match (has_credentials, args.as_slice()) {
        (true, [conversation_sid, sid]) => {
            let client = Client::from_env()?;
            let participant = Participant::fetch(&client, conversation_sid, sid).await?;
            println!("{participant:#?}");
            println!("(fetched from Twilio for account {})", client.account_sid());
        }
        (false, []) => {
            let server = LocalServer::start().await?;
            server.insert_participant(example_participant());
            let client = Client::builder()
                .account_sid(server.account_sid())
                .auth_token(server.auth_token())
                .base_url(server.base_url())
                .build()?;
            let participant =
                Participant::fetch(&client, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID)
                    .await?;
            println!("{participant:#?}");
            println!(
                "(used the embedded local server at {}: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and pass <ConversationSid> <Sid> to fetch from Twilio)",
                server.base_url()
            );
        }
        (true, _) => {
            eprintln!("usage: cargo run --example fetch_participant -- <ConversationSid> <Sid>");
            std::process::exit(2);
        }
        (false, _) => {
            eprintln!(
                "TWILIO_ACCOUNT_SID is not set: set it and TWILIO_AUTH_TOKEN to fetch from Twilio, or pass no arguments to use the local server"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}
