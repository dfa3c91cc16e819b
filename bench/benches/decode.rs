//! Decode benchmark: the seed participant's JSON into the `#[twilio_resource]` model and into a
//! hand-written serde struct with the same fields; plus the other per-call costs of the generated
//! `fetch` that are ours (path building, URL parsing), to show where time goes.
//!
//! `cargo bench -p twilio-resource-bench --bench decode` (`-- --test` runs each once).

use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use twilio_local_server::{EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, example_participant};
use twilio_resource_bench::{example, hand_written};

fn main() {
    divan::main();
}

/// The body the local server sends for the seed participant.
static BODY: LazyLock<Vec<u8>> = LazyLock::new(|| example_participant().to_string().into_bytes());

#[divan::bench]
fn generated_model(bencher: Bencher<'_, '_>) {
    bencher.counter(BytesCount::of_slice(&*BODY)).bench(|| {
        serde_json::from_slice::<example::Participant>(divan::black_box(&BODY)).expect("decodes")
    });
}

#[divan::bench]
fn hand_written_model(bencher: Bencher<'_, '_>) {
    bencher.counter(BytesCount::of_slice(&*BODY)).bench(|| {
        serde_json::from_slice::<hand_written::Participant>(divan::black_box(&BODY))
            .expect("decodes")
    });
}

#[divan::bench]
fn generated_path(bencher: Bencher<'_, '_>) {
    bencher.bench(|| {
        example::Participant::path(
            divan::black_box(EXAMPLE_CONVERSATION_ID),
            divan::black_box(EXAMPLE_PARTICIPANT_ID),
        )
        .expect("valid values")
    });
}

#[divan::bench]
fn hand_written_path(bencher: Bencher<'_, '_>) {
    bencher.bench(|| {
        let (conversation, sid) =
            divan::black_box((EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID));
        format!("/v2/Conversations/{conversation}/Participants/{sid}")
    });
}

#[divan::bench]
fn url_parse(bencher: Bencher<'_, '_>) {
    let path = example::Participant::path(EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID)
        .expect("valid values");
    bencher.bench(|| {
        reqwest::Url::parse(&format!("http://127.0.0.1:8080{}", divan::black_box(&path)))
    });
}
