//! Create participants in a conversation, list them page by page, and update one, with the
//! Conversations v2 `Participant` defined by `#[twilio_resource]` (in `models/participant.rs`).
//!
//! - With neither credentials nor arguments it starts the embedded local server, stores the
//!   example participant ("Dana S.") in the example conversation, and runs against that:
//!   `cargo run --example participants`
//! - With `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` + `TWILIO_API_SECRET`)
//!   set it adds four participants to one of your conversations:
//!   `cargo run --example participants -- <ConversationSid>`
//!
//! The list asks for two participants per page, so five participants take three pages. Each step
//! prints the request it makes.

use twilio_local_server::{EXAMPLE_CONVERSATION_ID, LocalServer, example_participant};
use twilio_resource::Client;
use twilio_resource_examples::{
    Address, Channel, CreateParticipant, Participant, ParticipantType, UpdateParticipant,
};

type BoxError = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has_credentials = std::env::var_os("TWILIO_ACCOUNT_SID").is_some();
    match (has_credentials, args.as_slice()) {
        (true, [conversation_sid]) => {
            let client = Client::from_env()?;
            lifecycle(&client, conversation_sid).await?;
            println!("(ran against Twilio for account {})", client.account_sid());
        }
        (false, []) => {
            let server = LocalServer::start().await?;
            server.insert_participant(example_participant());
            let client = Client::builder()
                .account_sid(server.account_sid())
                .auth_token(server.auth_token())
                .base_url(server.base_url())
                .build()?;
            lifecycle(&client, EXAMPLE_CONVERSATION_ID).await?;
            println!(
                "(used the embedded local server at {}: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and pass <ConversationSid> to run against Twilio)",
                server.base_url()
            );
        }
        (true, _) => {
            eprintln!("usage: cargo run --example participants -- <ConversationSid>");
            std::process::exit(2);
        }
        (false, _) => {
            eprintln!(
                "TWILIO_ACCOUNT_SID is not set: set it and TWILIO_AUTH_TOKEN to run against Twilio, or pass no arguments to use the local server"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}

/// Create four participants, list every participant two per page, update the first one created.
async fn lifecycle(client: &Client, conversation_sid: &str) -> Result<(), BoxError> {
    let mut created = Vec::new();
    for (name, number) in [
        ("Ana P.", "+18005550101"),
        ("Ben K.", "+18005550102"),
        ("Chen L.", "+18005550103"),
        ("Dev R.", "+18005550104"),
    ] {
        println!(
            "POST {} {{\"name\":{name:?},…}}",
            Participant::collection_path(conversation_sid)?
        );
        let body = CreateParticipant {
            name: Some(name.to_owned()),
            kind: Some(ParticipantType::Customer),
            addresses: vec![Address::new(Channel::Sms, number)],
            ..CreateParticipant::default()
        };
        let participant = Participant::create(client, conversation_sid, &body).await?;
        println!("  created {}", describe(&participant));
        created.push(participant.id.ok_or("Twilio returned no id")?);
    }

    println!(
        "GET {}?pageSize=2, then each next page",
        Participant::collection_path(conversation_sid)?
    );
    let mut pages = Participant::list(client, conversation_sid)
        .page_size(2)
        .pages();
    let mut number = 0;
    while let Some(page) = pages.try_next().await? {
        number += 1;
        let more = match page.next_cursor() {
            Some(_) => "more to come",
            None => "the last page",
        };
        println!(
            "  page {number}: {} participant(s), {more}",
            page.items.len()
        );
        for participant in &page.items {
            println!("    {}", describe(participant));
        }
    }

    let first = &created[0];
    println!(
        "PUT {} {{\"name\":\"Ana Pérez\",\"type\":\"HUMAN_AGENT\"}}",
        Participant::path(conversation_sid, first)?
    );
    let change = UpdateParticipant {
        name: Some("Ana Pérez".to_owned()),
        kind: Some(ParticipantType::HumanAgent),
        ..UpdateParticipant::default()
    };
    let updated = Participant::update(client, conversation_sid, first, &change).await?;
    println!("  updated {}", describe(&updated));
    Ok(())
}

/// One line per participant: id, name, type, first address.
fn describe(participant: &Participant) -> String {
    let kind = participant
        .kind
        .as_ref()
        .map_or_else(|| "-".to_owned(), |kind| format!("{kind:?}"));
    let address = participant
        .addresses
        .first()
        .map_or("-", |address| address.address.as_str());
    format!(
        "{} {:?} [{kind}] {address}",
        participant.id.as_deref().unwrap_or("-"),
        participant.name.as_deref().unwrap_or("-"),
    )
}
