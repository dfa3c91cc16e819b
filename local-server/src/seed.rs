//! The example participant of Twilio's OpenAPI description of Fetch Participant (Conversations v2).

use serde_json::{Value, json};

/// The `conversationId` of [`example_participant`].
pub const EXAMPLE_CONVERSATION_ID: &str = "conv_conversation_00000000000000000000000001";
/// The `id` of [`example_participant`].
pub const EXAMPLE_PARTICIPANT_ID: &str = "conv_participant_00000000000000000000000001";

/// The 200 example of `GET /v2/Conversations/{ConversationSid}/Participants/{Sid}` from Twilio's
/// OpenAPI description, with every field of the schema set.
pub fn example_participant() -> Value {
    json!({
        "id": EXAMPLE_PARTICIPANT_ID,
        "conversationId": EXAMPLE_CONVERSATION_ID,
        "accountId": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "name": "Dana",
        "type": "CUSTOMER",
        "profileId": "mem_profile_00000000000000000000000000",
        "addresses": [
            { "channel": "SMS", "address": "+18005550100" },
            { "channel": "WHATSAPP", "address": "whatsapp:+18005550100" },
            { "channel": "RCS", "address": "rcs:+18005550100" }
        ],
        "createdAt": "2023-07-01T12:00:00Z",
        "updatedAt": "2023-07-01T12:30:00Z"
    })
}
