//! The example participant of Twilio's documentation of Fetch Participant (Conversations v2).

use serde_json::{Value, json};

/// The `conversationId` of [`example_participant`].
pub const EXAMPLE_CONVERSATION_ID: &str = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2";
/// The `id` of [`example_participant`].
pub const EXAMPLE_PARTICIPANT_ID: &str = "conv_participant_01k1etx3jbfx88476ccja0889c";

/// The participant of Twilio's documentation of
/// `GET /v2/Conversations/{ConversationSid}/Participants/{Sid}`, with its example values and every
/// field of the schema set: "Dana S.", a customer with SMS, WhatsApp and RCS addresses.
/// [`LocalServer::insert_participant`](crate::LocalServer::insert_participant) stores it at
/// `/v2/Conversations/conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2/Participants/conv_participant_01k1etx3jbfx88476ccja0889c`.
pub fn example_participant() -> Value {
    json!({
        "id": EXAMPLE_PARTICIPANT_ID,
        "conversationId": EXAMPLE_CONVERSATION_ID,
        "accountId": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "name": "Dana S.",
        "type": "CUSTOMER",
        "profileId": "mem_profile_00000000000000000000000000",
        "addresses": [
            { "channel": "SMS", "address": "+18005550100" },
            { "channel": "WHATSAPP", "address": "whatsapp:+18005550100" },
            { "channel": "RCS", "address": "rcs:+18005550100" }
        ],
        "createdAt": "2023-07-01T12:00:00Z",
        "updatedAt": "2023-07-01T12:00:00Z"
    })
}
