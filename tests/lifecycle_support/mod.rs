//! What the lifecycle tests share: real Twilio resources declared with `#[twilio_resource]` as a
//! user would (from Twilio's public API descriptions), and small helpers over the local server's
//! request log. Each `lifecycle_*.rs` test file includes this module.

// Each test file uses part of the resources and helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use twilio_local_server::{LocalServer, RecordedRequest};
use twilio_resource::{Client, Error, twilio_resource};
use twilio_resource_tests::builder_for;

// ---------------------------------------------------------------------------------------------
// 2010: Message (every operation) and AvailablePhoneNumbers/Local (list only)
// ---------------------------------------------------------------------------------------------

/// A 2010 Message (`api_v2010`: CreateMessage, FetchMessage, ListMessage, UpdateMessage,
/// DeleteMessage).
#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    fetch, list = MessageFilter, create = CreateMessage, update = UpdateMessage, delete,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub to: Option<String>,
    pub from: Option<String>,
    pub body: Option<String>,
    pub status: Option<String>,
    /// One string or several, as the local server stores a form's single or repeated key.
    pub media_url: Option<Value>,
}

/// The body of CreateMessage.
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    pub to: String,
    pub from: Option<String>,
    pub body: Option<String>,
    pub media_url: Vec<String>,
}

/// The body of UpdateMessage (redact the body, or cancel).
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateMessage {
    pub body: Option<String>,
    pub status: Option<String>,
}

/// The query of ListMessage.
#[derive(Serialize, Default, Debug, Clone)]
pub struct MessageFilter {
    #[serde(rename = "To")]
    pub to: Option<String>,
    #[serde(rename = "From")]
    pub from: Option<String>,
    #[serde(rename = "DateSent<")]
    pub date_sent_before: Option<String>,
    #[serde(rename = "DateSent>")]
    pub date_sent_after: Option<String>,
}

/// A local number available to buy: a list-only resource whose path is its collection.
#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/AvailablePhoneNumbers/<CountryCode>/Local.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    list = LocalNumberFilter,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct LocalNumber {
    pub phone_number: Option<String>,
    pub locality: Option<String>,
}

/// The query of ListAvailablePhoneNumberLocal (a few of its parameters).
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct LocalNumberFilter {
    pub area_code: Option<u16>,
    pub contains: Option<String>,
    pub sms_enabled: Option<bool>,
    pub voice_enabled: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// v1: Chat Service (form, POST update), Content (JSON, PUT update), a singleton Configuration
// ---------------------------------------------------------------------------------------------

/// A Chat v1 Service (`chat_v1`: CreateService, FetchService, ListService, UpdateService,
/// DeleteService).
#[twilio_resource(
    path = "/v1/Services/<Sid>",
    base_url = "https://chat.twilio.com",
    rename_all = "snake_case",
    fetch, list, create = CreateService, update = UpdateService, delete,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    /// Stored as the form sent it (`"true"`) by the local server; a boolean from Twilio.
    pub reachability_enabled: Option<Value>,
    pub url: Option<String>,
}

/// The body of CreateService.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct CreateService {
    pub friendly_name: String,
}

/// The body of UpdateService (a few of its parameters, dotted names included).
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateService {
    pub friendly_name: Option<String>,
    pub reachability_enabled: Option<bool>,
    pub typing_indicator_timeout: Option<u32>,
    #[serde(rename = "Notifications.NewMessage.Enabled")]
    pub new_message_notifications: Option<bool>,
    #[serde(rename = "Notifications.NewMessage.Template")]
    pub new_message_template: Option<String>,
    pub webhook_filters: Vec<String>,
}

/// A Content v1 template (`content_v1`: CreateContent, FetchContent, ListContent, UpdateContent,
/// DeleteContent): a v1 API with JSON bodies and PUT updates.
#[twilio_resource(
    path = "/v1/Content/<Sid>",
    base_url = "https://content.twilio.com",
    rename_all = "snake_case",
    body = "json",
    update_method = "PUT",
    fetch, list, create = CreateContent, update = CreateContent, delete,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    pub language: Option<String>,
    pub variables: Option<BTreeMap<String, String>>,
    pub types: Option<Value>,
}

/// The body of CreateContent and UpdateContent.
#[derive(Serialize, Debug, Clone)]
pub struct CreateContent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    pub language: String,
    pub variables: BTreeMap<String, String>,
    pub types: Value,
}

/// A Conversations v1 service's configuration: a singleton (fetch and update at one address).
#[twilio_resource(
    path = "/v1/Services/<ChatServiceSid>/Configuration",
    base_url = "https://conversations.twilio.com",
    rename_all = "snake_case",
    fetch, update = UpdateServiceConfiguration,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceConfiguration {
    pub chat_service_sid: Option<String>,
    pub default_conversation_role_sid: Option<String>,
    pub reachability_enabled: Option<Value>,
}

/// The body of UpdateServiceConfiguration.
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateServiceConfiguration {
    pub default_conversation_role_sid: Option<String>,
    pub reachability_enabled: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// v2: Participant (JSON, PUT update) and ControlPlane Configuration (idempotency keys)
// ---------------------------------------------------------------------------------------------

/// A Conversations v2 participant (CreateParticipantInConversation, FetchParticipant,
/// ListParticipantByConversation, UpdateParticipantInConversation).
#[twilio_resource(
    path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
    fetch, list, create = NewParticipant, update = ParticipantUpdate,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub id: Option<String>,
    pub conversation_id: Option<String>,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub addresses: Option<Vec<ParticipantAddress>>,
}

/// One way to reach a participant.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantAddress {
    pub channel: String,
    pub address: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<String>,
}

/// The body of CreateParticipantInConversation.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct NewParticipant {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub addresses: Vec<ParticipantAddress>,
}

/// The body of UpdateParticipantInConversation.
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
}

/// A Conversations v2 configuration, whose writes take an `Idempotency-Key`
/// (CreateConfiguration, FetchConfiguration, ListConfiguration, UpdateConfiguration,
/// DeleteConfiguration).
#[twilio_resource(
    path = "/v2/ControlPlane/Configurations/<Id>",
    idempotency_key,
    fetch, list = ConfigurationFilter, create = NewConfiguration, update = NewConfiguration, delete,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ControlPlaneConfiguration {
    pub id: Option<String>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub conversation_grouping_type: Option<String>,
    pub memory_store_id: Option<String>,
}

/// The query of ListConfiguration.
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ConfigurationFilter {
    pub memory_store_id: Option<String>,
}

/// The body of CreateConfiguration and UpdateConfiguration.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct NewConfiguration {
    pub display_name: String,
    pub description: String,
    pub conversation_grouping_type: String,
    pub memory_store_id: String,
}

impl NewConfiguration {
    pub fn example() -> Self {
        Self {
            display_name: "Support".to_owned(),
            description: "Inbound support".to_owned(),
            conversation_grouping_type: "GROUP_BY_PROFILE".to_owned(),
            memory_store_id: "mem_store_01".to_owned(),
        }
    }
}

/// A Conversations v2 conversation, updated with PATCH (FetchConversation,
/// ListConversationByAccount, CreateConversationWithConfig, PatchConversationById,
/// DeleteConversationAsync).
#[twilio_resource(
    path = "/v2/Conversations/<Id>",
    update_method = "PATCH",
    fetch, list = ConversationFilter, create = ConversationChanges, update = ConversationChanges, delete,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    pub id: Option<String>,
    pub name: Option<String>,
    pub status: Option<String>,
    pub configuration_id: Option<String>,
}

/// The query of ListConversationByAccount.
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ConversationFilter {
    pub status: Option<String>,
    pub channel_id: Option<String>,
}

/// The body of CreateConversationWithConfig and PatchConversationById.
#[derive(Serialize, Default, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ConversationChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration_id: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A conversation id of Twilio's shape.
pub const CONVERSATION: &str = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2";
/// A Conversations v1 chat service SID.
pub const CHAT_SERVICE: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// A fresh server and a client for it.
pub async fn start() -> (LocalServer, Client) {
    let server = LocalServer::start().await.expect("bind a loopback port");
    let client = builder_for(&server).build().expect("valid client settings");
    (server, client)
}

/// `/2010-04-01/Accounts/<account>/Messages.json` of the server's account.
pub fn messages(server: &LocalServer) -> String {
    format!(
        "/2010-04-01/Accounts/{}/Messages.json",
        server.account_sid()
    )
}

/// `/v2/Conversations/<CONVERSATION>/Participants`.
pub fn participants() -> String {
    format!("/v2/Conversations/{CONVERSATION}/Participants")
}

/// Stores `count` messages whose bodies are `"m0"`, `"m1"`, …; returns their SIDs in order.
pub fn insert_messages(server: &LocalServer, count: usize) -> Vec<String> {
    let collection = messages(server);
    (0..count)
        .map(|n| {
            server.insert(
                &collection,
                serde_json::json!({ "to": "+15551230000", "body": format!("m{n}") }),
            )
        })
        .collect()
}

/// Stores `count` chat services named `"s0"`, `"s1"`, …; returns their SIDs in order.
pub fn insert_services(server: &LocalServer, count: usize) -> Vec<String> {
    (0..count)
        .map(|n| {
            server.insert(
                "/v1/Services",
                serde_json::json!({ "friendly_name": format!("s{n}") }),
            )
        })
        .collect()
}

/// Stores `count` participants named `"p0"`, `"p1"`, …; returns their ids in order.
pub fn insert_participants(server: &LocalServer, count: usize) -> Vec<String> {
    (0..count)
        .map(|n| {
            server.insert(
                &participants(),
                serde_json::json!({ "name": format!("p{n}"), "type": "CUSTOMER" }),
            )
        })
        .collect()
}

/// The request log's paths (with queries), in order.
pub fn paths(server: &LocalServer) -> Vec<String> {
    server.requests().into_iter().map(|r| r.path).collect()
}

/// The one request the server received since `before` requests.
pub fn only_request_since(server: &LocalServer, before: usize) -> RecordedRequest {
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        before + 1,
        "expected exactly one new request, got {:#?}",
        &requests[before.min(requests.len())..]
    );
    requests[before].clone()
}

/// Checks one recorded request, field by field; the body byte for byte.
#[track_caller]
pub fn assert_request(
    request: &RecordedRequest,
    method: &str,
    path_and_query: &str,
    content_type: Option<&str>,
    body: &str,
) {
    assert_eq!(request.method, method, "{request:?}");
    assert_eq!(request.path, path_and_query, "{request:?}");
    let query = path_and_query.split_once('?').map(|(_, q)| q.to_owned());
    assert_eq!(request.query, query, "{request:?}");
    assert_eq!(request.content_type.as_deref(), content_type, "{request:?}");
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        body,
        "the body, byte for byte"
    );
    assert!(request.authorized, "{request:?}");
    assert_eq!(
        request.accept.as_deref(),
        Some("application/json"),
        "{request:?}"
    );
}

/// The status of an [`Error::Api`], or a failure naming what came instead.
#[track_caller]
pub fn api_status<T: std::fmt::Debug>(result: Result<T, Error>) -> u16 {
    match result {
        Err(Error::Api(api)) => api.status,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

/// A listener on 127.0.0.1 that accepts and counts connections, answering none.
pub async fn counting_listener() -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let addr = listener.local_addr().expect("a bound address");
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (addr, count)
}

/// Whether `key` is a lowercase hyphenated UUID v4.
pub fn is_uuid_v4(key: &str) -> bool {
    let bytes = key.as_bytes();
    key.len() == 36
        && [8, 13, 18, 23].iter().all(|&at| bytes[at] == b'-')
        && key
            .bytes()
            .enumerate()
            .filter(|(at, _)| ![8, 13, 18, 23].contains(at))
            .all(|(_, b)| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && bytes[14] == b'4'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b')
}
