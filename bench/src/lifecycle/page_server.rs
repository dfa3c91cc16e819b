//! A list server that makes its records up: `GET /v2/Conversations/<id>/Participants` pages
//! through N copies of the example participant (ids `conv_participant_<26 digits>`) in the token
//! dialect of the local server (`{"participants": [...], "meta": {"key", "pageSize",
//! "nextToken"}}`, query `pageSize`, `pageToken`), building each page when it is asked for.
//!
//! For the memory run, which streams a million records: the local server would hold them all in
//! memory and walk the collection from its start for every page. This one holds nothing but the
//! count. It runs in a process of its own, started like the local server through
//! [`ServerProcess::start`](crate::server::ServerProcess::start) with [`ARGUMENT`] and a count:
//! the binary calls [`serve_if_asked`] before [`crate::server::serve_if_asked`].

use std::io::{Read as _, Write as _};
use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use twilio_local_server::{EXAMPLE_PARTICIPANT_ID, example_participant};

use crate::server::SERVE;

/// The server argument (after `serve`) that selects this server, followed by the record count.
pub const ARGUMENT: &str = "--generated-participants";

/// Twilio's largest page, and the local server's.
const MAX_PAGE_SIZE: u64 = 1000;
/// Twilio's default page, and the local server's.
const DEFAULT_PAGE_SIZE: u64 = 50;

/// Call first in `main`: when the process was started as `serve --generated-participants N`,
/// serve and return its exit code.
pub fn serve_if_asked() -> Option<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [serve, argument, count] if serve == SERVE && argument == ARGUMENT => Some(run(count)),
        _ => None,
    }
}

/// The records, as the two halves of the example participant's JSON around its id.
#[derive(Debug)]
struct Generator {
    total: u64,
    before_id: String,
    after_id: String,
}

impl Generator {
    fn new(total: u64) -> Self {
        let json = example_participant().to_string();
        let quoted = format!("\"{EXAMPLE_PARTICIPANT_ID}\"");
        let at = json.find(&quoted).expect("the example participant's id");
        Self {
            total,
            before_id: json[..at + 1].to_owned(),
            after_id: json[at + quoted.len() - 1..].to_owned(),
        }
    }

    /// The page of `size` records from `offset`.
    fn page(&self, offset: u64, size: u64) -> Vec<u8> {
        let end = offset.saturating_add(size).min(self.total);
        let count = end.saturating_sub(offset);
        let record_len = self.before_id.len() + self.after_id.len() + EXAMPLE_PARTICIPANT_ID.len();
        let mut body = Vec::with_capacity(count as usize * (record_len + 1) + 128);
        body.extend_from_slice(b"{\"participants\":[");
        for n in offset..end {
            if n > offset {
                body.push(b',');
            }
            body.extend_from_slice(self.before_id.as_bytes());
            let _ = write!(body, "conv_participant_{n:026}");
            body.extend_from_slice(self.after_id.as_bytes());
        }
        let _ = write!(
            body,
            "],\"meta\":{{\"key\":\"participants\",\"pageSize\":{count}"
        );
        if end < self.total {
            let _ = write!(body, ",\"nextToken\":\"{end}\"");
        }
        body.extend_from_slice(b"}}");
        body
    }
}

async fn answer(State(generator): State<Arc<Generator>>, uri: Uri) -> Response {
    if !uri.path().starts_with("/v2/Conversations/") || !uri.path().ends_with("/Participants") {
        return (StatusCode::NOT_FOUND, "only a conversation's participants").into_response();
    }
    let mut size = DEFAULT_PAGE_SIZE;
    let mut offset = 0;
    for (name, value) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
        let number = value.parse::<u64>();
        match (name.as_ref(), number) {
            ("pageSize", Ok(n)) if (1..=MAX_PAGE_SIZE).contains(&n) => size = n,
            ("pageToken", Ok(n)) => offset = n,
            ("pageSize" | "pageToken", _) => {
                return (StatusCode::BAD_REQUEST, format!("bad {name}: {value}")).into_response();
            }
            _ => {}
        }
    }
    (
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(generator.page(offset, size)),
    )
        .into_response()
}

fn run(count: &str) -> ExitCode {
    let Ok(total) = count.parse::<u64>() else {
        eprintln!("{ARGUMENT} takes a number of records, not {count:?}");
        return ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", 0)).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("cannot listen: {error}");
                return ExitCode::FAILURE;
            }
        };
        let Ok(addr) = listener.local_addr() else {
            return ExitCode::FAILURE;
        };
        let app = Router::new()
            .fallback(answer)
            .with_state(Arc::new(Generator::new(total)));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let mut stdout = std::io::stdout();
        if writeln!(stdout, "base_url=http://{addr}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::FAILURE;
        }
        // Serve until the parent closes our stdin (or exits), as the local server does.
        let _ = tokio::task::spawn_blocking(|| std::io::stdin().read_to_end(&mut Vec::new())).await;
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    #[test]
    fn pages_hold_the_example_with_fresh_ids_and_a_token_until_the_end() {
        let generator = Generator::new(5);
        let page: Value = serde_json::from_slice(&generator.page(0, 2)).unwrap();
        let records = page["participants"].as_array().unwrap();
        assert_eq!(records.len(), 2);
        let mut expected = example_participant();
        expected["id"] = "conv_participant_00000000000000000000000001".into();
        assert_eq!(records[1], expected);
        assert_eq!(page["meta"]["key"], "participants");
        assert_eq!(page["meta"]["nextToken"], "2");
        let last: Value = serde_json::from_slice(&generator.page(4, 2)).unwrap();
        assert_eq!(last["participants"].as_array().unwrap().len(), 1);
        assert_eq!(last["meta"].get("nextToken"), None);
        let past: Value = serde_json::from_slice(&generator.page(9, 2)).unwrap();
        assert_eq!(past["participants"], Value::Array(Vec::new()));
    }
}
