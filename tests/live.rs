//! Against a real Twilio account, only when asked: set `TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`
//! (or `TWILIO_API_KEY` + `TWILIO_API_SECRET`), `TWILIO_CONVERSATION_SID` and `TWILIO_PARTICIPANT_SID`.

use std::io::Write as _;

use twilio_resource::Client;
use twilio_resource_tests::Participant;

#[tokio::test]
async fn fetches_a_real_participant_when_credentials_are_set() {
    let ids = (
        std::env::var("TWILIO_CONVERSATION_SID"),
        std::env::var("TWILIO_PARTICIPANT_SID"),
    );
    let (client, (Ok(conversation_sid), Ok(sid))) = (Client::from_env(), ids) else {
        // Written to stderr directly (not `println!`) so the skip shows even though libtest captures output.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: live Twilio test; set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN (or TWILIO_API_KEY + TWILIO_API_SECRET), TWILIO_CONVERSATION_SID and TWILIO_PARTICIPANT_SID to run it"
        );
        return;
    };
    let client = client.expect("credentials from the environment");
    let participant = Participant::fetch(&client, &conversation_sid, &sid)
        .await
        .expect("fetch from Twilio");
    assert_eq!(participant.id.as_deref(), Some(sid.as_str()));
    assert_eq!(
        participant.conversation_id.as_deref(),
        Some(conversation_sid.as_str())
    );
}
