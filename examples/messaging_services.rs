//! Create, list page by page, fetch, rename and delete Messaging Services, with a v1 resource
//! (Messaging v1: `/v1/` paths, `snake_case` JSON, form bodies) defined by `#[twilio_resource]`
//! in this file.
//!
//! - With neither credentials nor arguments it starts the embedded local server and runs against
//!   that: `cargo run --example messaging_services`
//! - With `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` + `TWILIO_API_SECRET`)
//!   set it creates three Messaging Services on your account (free, and without senders they
//!   send nothing), lists the account's services two per page, and deletes the three again:
//!   `cargo run --example messaging_services`
//!
//! Each step prints the request it makes.

use jiff::Timestamp;
use serde::Serialize;
use twilio_local_server::LocalServer;
use twilio_resource::{Client, twilio_resource};

type BoxError = Box<dyn std::error::Error>;

/// A Messaging Service: senders and settings shared by the messages sent through it.
#[twilio_resource(
    path = "/v1/Services/<Sid>",
    base_url = "https://messaging.twilio.com",
    rename_all = "snake_case",
    fetch, list, create = CreateService, update = UpdateService, delete,
)]
#[derive(Debug)]
pub struct Service {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    pub status_callback: Option<String>,
    pub date_created: Option<Timestamp>,
}

/// `FriendlyName=…&StatusCallback=…`: v1 bodies are forms with PascalCase keys; `None` is left out.
#[derive(Serialize, Debug)]
#[serde(rename_all = "PascalCase")]
pub struct CreateService {
    pub friendly_name: String,
    pub status_callback: Option<String>,
}

/// Only the fields given are changed.
#[derive(Serialize, Debug, Default)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateService {
    pub friendly_name: Option<String>,
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let has_arguments = std::env::args().len() > 1;
    let has_credentials = std::env::var_os("TWILIO_ACCOUNT_SID").is_some();
    match (has_credentials, has_arguments) {
        (true, false) => {
            let client = Client::from_env()?;
            lifecycle(&client).await?;
            println!("(ran on Twilio for account {})", client.account_sid());
        }
        (false, false) => {
            let server = LocalServer::start().await?;
            let client = Client::builder()
                .account_sid(server.account_sid())
                .auth_token(server.auth_token())
                .base_url(server.base_url())
                .build()?;
            lifecycle(&client).await?;
            println!(
                "(used the embedded local server at {}: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to run on Twilio)",
                server.base_url()
            );
        }
        (_, true) => {
            eprintln!("usage: cargo run --example messaging_services (it takes no arguments)");
            std::process::exit(2);
        }
    }
    Ok(())
}

/// Create three services, list them page by page, fetch, rename and delete them.
async fn lifecycle(client: &Client) -> Result<(), BoxError> {
    let mut created = Vec::new();
    for name in ["Support line", "Appointment reminders", "Delivery updates"] {
        let friendly_name = format!("{name} (twilio-resource example)");
        println!(
            "POST {} FriendlyName={friendly_name:?}",
            Service::collection_path()?
        );
        let body = CreateService {
            friendly_name,
            status_callback: None,
        };
        let service = Service::create(client, &body).await?;
        println!("  created {}", describe(&service));
        created.push(service.sid.clone().ok_or("Twilio returned no sid")?);
    }

    // v1 lists page with `PageSize` and an absolute `meta.next_page_url`; `pages()` shows each.
    println!("GET {}?PageSize=2, at most 6", Service::collection_path()?);
    let mut pages = Service::list(client).page_size(2).limit(6).pages();
    let mut number = 0;
    while let Some(page) = pages.try_next().await? {
        number += 1;
        println!("  page {number}, {} on it:", page.items.len());
        for service in &page.items {
            println!("    {}", describe(service));
        }
    }

    let first = created.first().ok_or("nothing was created")?;
    println!("GET {}", Service::path(first)?);
    let service = Service::fetch(client, first).await?;
    println!("  fetched {}", describe(&service));

    let friendly_name = "Support line, renamed (twilio-resource example)".to_owned();
    println!(
        "POST {} FriendlyName={friendly_name:?}",
        Service::path(first)?
    );
    let renamed = UpdateService {
        friendly_name: Some(friendly_name),
    };
    let service = Service::update(client, first, &renamed).await?;
    println!("  updated {}", describe(&service));

    for sid in &created {
        println!("DELETE {}", Service::path(sid)?);
        Service::delete(client, sid).await?;
    }
    match Service::fetch(client, first).await {
        Err(error) if error.status() == Some(404) => {
            println!("  deleted: fetching {first} again answers 404 ({error})");
        }
        Err(error) => return Err(error.into()),
        Ok(service) => println!("  still there: {}", describe(&service)),
    }
    Ok(())
}

/// One line per service: sid, name, when created.
fn describe(service: &Service) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
    let created = service
        .date_created
        .map_or_else(|| "-".to_owned(), |time| format!("{time:.0}"));
    format!(
        "{} {:?} (created {created})",
        text(&service.sid),
        text(&service.friendly_name)
    )
}
