//! The server knows Twilio's paths, over real HTTP: unknown ids and paths are 404 whatever their
//! shape, each API answers in its own conventions (Verify v2 is form and snake_case, Messaging
//! services are `MG…`, a Sync document's data is JSON), every answer has a request id, requests
//! are recorded with their headers, and revisions work as Sync's do.

mod support;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use twilio_local_server::{Fault, LocalServer};

use support::{Api, FORM};

const SYNC_SERVICE: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn assert_not_found(reply: &support::Reply, what: &str) {
    assert_eq!(
        reply.status,
        StatusCode::NOT_FOUND,
        "{what}: {:?}",
        reply.body
    );
    assert_eq!(reply.body["code"], 20404, "{what}");
    assert_eq!(reply.body["status"], 404, "{what}");
}

#[tokio::test]
async fn a_made_up_id_of_any_shape_or_an_unknown_path_is_404_20404() {
    let api = Api::start().await;
    let account = api.server.account_sid().to_owned();
    for id in [
        "SM1",
        "SMxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "foo",
        "Messages",
    ] {
        let path = format!("/2010-04-01/Accounts/{account}/Messages/{id}.json");
        assert_not_found(&api.get(&path).await, &path);
        assert_not_found(&api.form(Method::POST, &path, "Body=x").await, &path);
        assert_not_found(&api.send(Method::DELETE, &path, None).await, &path);
    }
    for id in ["VA1", "foo"] {
        assert_not_found(&api.get(&format!("/v2/Services/{id}")).await, id);
    }
    for path in [
        "/v1/Nothing",
        "/v1/Widgets/WI1",
        "/2010-04-01/Accounts/AC1/Nothing.json",
        "/v9/Services",
        "/Organizations",
    ] {
        assert_not_found(&api.get(path).await, path);
        assert_not_found(&api.form(Method::POST, path, "A=1").await, path);
    }
    // A collection Twilio has is there even when empty: a page, not a 404.
    let messages = api.get(&api.messages()).await;
    assert_eq!(messages.status, StatusCode::OK);
    assert_eq!(messages.body["messages"], json!([]));
}

#[tokio::test]
async fn a_method_the_path_does_not_take_is_405() {
    let api = Api::start().await;
    let messages = api.messages();
    let reply = api.send(Method::DELETE, &messages, None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.body["status"], 405);
    let message = api.form(Method::POST, &messages, "To=%2B1&Body=x").await;
    let path = message.body["uri"].as_str().unwrap();
    let reply = api.send(Method::PUT, path, None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn a_verify_v2_service_is_form_and_snake_case_with_a_va_sid() {
    let api = Api::start().await;
    let created = api
        .form(
            Method::POST,
            "/v2/Services",
            "FriendlyName=My+Verify&CodeLength=6&Psd2Enabled=true",
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let sid = created.body["sid"].as_str().unwrap().to_owned();
    assert!(sid.starts_with("VA") && sid.len() == 34, "{sid}");
    assert_eq!(created.body["friendly_name"], "My Verify");
    assert_eq!(created.body["code_length"], 6);
    assert_eq!(created.body["psd2_enabled"], true);
    assert_eq!(
        created.body["url"],
        format!("{}/v2/Services/{sid}", api.server.base_url())
    );
    let fetched = api.get(&format!("/v2/Services/{sid}")).await;
    assert_eq!(fetched.body, created.body);
    let list = api.get("/v2/Services").await;
    assert_eq!(list.body["services"][0]["sid"], sid.as_str());
    assert_eq!(list.body["meta"]["key"], "services");
    assert!(list.body["meta"]["first_page_url"].is_string());
}

#[tokio::test]
async fn services_on_a_shared_path_take_the_sid_of_the_api_their_body_fits() {
    let api = Api::start().await;
    let create = |form: &'static str| {
        let api = &api;
        async move {
            let reply = api.form(Method::POST, "/v1/Services", form).await;
            assert_eq!(reply.status, StatusCode::CREATED, "{form}");
            reply.body["sid"].as_str().unwrap().to_owned()
        }
    };
    // Only a name: the most used product, Messaging.
    assert!(create("FriendlyName=x").await.starts_with("MG"));
    assert!(
        create("FriendlyName=x&StickySender=true")
            .await
            .starts_with("MG")
    );
    assert!(
        create("FriendlyName=x&ReachabilityWebhooksEnabled=true")
            .await
            .starts_with("IS")
    );
    assert!(create("UniqueName=x&DefaultTtl=60").await.starts_with("KS"));
}

#[tokio::test]
async fn a_sync_document_returns_its_data_as_json_with_a_revision() {
    let api = Api::start().await;
    let documents = format!("/v1/Services/{SYNC_SERVICE}/Documents");
    let created = api
        .form(
            Method::POST,
            &documents,
            "UniqueName=doc&Data=%7B%22a%22%3A1%2C%22b%22%3A%5Btrue%5D%7D",
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["data"], json!({ "a": 1, "b": [true] }));
    assert_eq!(created.body["service_sid"], SYNC_SERVICE);
    assert_eq!(created.body["revision"], "0");
    assert_eq!(created.header("etag"), Some("0"));
    let sid = created.body["sid"].as_str().unwrap();
    assert!(sid.starts_with("ET") && sid.len() == 34, "{sid}");
    let fetched = api.get(&format!("{documents}/{sid}")).await;
    assert_eq!(fetched.body["data"], json!({ "a": 1, "b": [true] }));
    assert_eq!(fetched.header("etag"), Some("0"));
    // Text that is not JSON stays text.
    let odd = api.form(Method::POST, &documents, "Data=not+json").await;
    assert_eq!(odd.body["data"], "not json");
}

#[tokio::test]
async fn if_match_a_stale_revision_is_412_54103_and_a_fresh_one_counts_up() {
    let api = Api::start().await;
    let documents = format!("/v1/Services/{SYNC_SERVICE}/Documents");
    let created = api.form(Method::POST, &documents, "Data=%7B%7D").await;
    let document = format!("{documents}/{}", created.body["sid"].as_str().unwrap());
    let change = |revision: Option<&'static str>, data: &'static str| {
        let (api, document) = (&api, &document);
        async move {
            let headers: Vec<(&str, &str)> =
                revision.map(|r| ("If-Match", r)).into_iter().collect();
            api.send_with(
                Method::POST,
                document,
                Some((FORM, data.as_bytes())),
                &headers,
            )
            .await
        }
    };

    let stale = change(Some("5"), "Data=%7B%22n%22%3A1%7D").await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.body["code"], 54103);
    assert_eq!(stale.body["status"], 412);
    assert_eq!(
        stale.body["message"],
        "The revision of the Document does not match the expected revision"
    );
    assert_eq!(
        api.get(&document).await.body["data"],
        json!({}),
        "unchanged"
    );

    let fresh = change(Some("0"), "Data=%7B%22n%22%3A2%7D").await;
    assert_eq!(fresh.status, StatusCode::OK);
    assert_eq!(fresh.header("etag"), Some("1"));
    assert_eq!(fresh.body["revision"], "1");
    assert_eq!(fresh.body["data"], json!({ "n": 2 }));
    let quoted = change(Some("\"1\""), "Data=%7B%7D").await;
    assert_eq!(quoted.header("etag"), Some("2"));
    let unconditional = change(None, "Data=%7B%7D").await;
    assert_eq!(unconditional.header("etag"), Some("3"));

    let refused = api
        .send_with(Method::DELETE, &document, None, &[("If-Match", "1")])
        .await;
    assert_eq!(refused.status, StatusCode::PRECONDITION_FAILED);
    let deleted = api
        .send_with(Method::DELETE, &document, None, &[("If-Match", "3")])
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_not_found(&api.get(&document).await, "deleted");
}

#[tokio::test]
async fn a_map_item_is_named_by_its_key() {
    let api = Api::start().await;
    let items =
        format!("/v1/Services/{SYNC_SERVICE}/Maps/MPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Items");
    let created = api
        .form(Method::POST, &items, "Key=first&Data=%7B%22x%22%3A1%7D")
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["key"], "first");
    assert_eq!(
        created.body["map_sid"],
        "MPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
    let fetched = api.get(&format!("{items}/first")).await;
    assert_eq!(fetched.body["data"], json!({ "x": 1 }));
    let again = api
        .form(Method::POST, &items, "Key=first&Data=%7B%7D")
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn lists_take_their_key_and_paging_from_the_description() {
    let api = Api::start().await;
    let documents = api
        .form(
            Method::POST,
            "/v1/SupportingDocuments",
            "FriendlyName=d&Type=t",
        )
        .await;
    let sid = documents.body["sid"].as_str().unwrap();
    assert!(sid.starts_with("RD"), "{sid}");
    let list = api.get("/v1/SupportingDocuments").await;
    assert_eq!(list.body["meta"]["key"], "results");
    assert_eq!(list.body["results"][0]["sid"], sid);
    // A list Twilio does not page: its records and nothing else.
    let countries = format!(
        "/2010-04-01/Accounts/{}/AvailablePhoneNumbers.json",
        api.server.account_sid()
    );
    assert_eq!(api.get(&countries).await.body, json!({ "countries": [] }));
}

#[tokio::test]
async fn a_singleton_comes_to_be_with_its_first_update() {
    let api = Api::start().await;
    let configuration = "/v1/Services/ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/Configuration";
    assert_not_found(&api.get(configuration).await, "before");
    let set = api
        .form(Method::POST, configuration, "ReachabilityEnabled=true")
        .await;
    assert_eq!(set.status, StatusCode::CREATED);
    assert_eq!(set.body["reachability_enabled"], true);
    assert_eq!(
        set.body["chat_service_sid"],
        "ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );
    let changed = api
        .form(Method::POST, configuration, "ReachabilityEnabled=false")
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(
        api.get(configuration).await.body["reachability_enabled"],
        false
    );
}

fn request_id(reply: &support::Reply) -> String {
    let id = reply
        .header("twilio-request-id")
        .unwrap_or_else(|| panic!("no Twilio-Request-Id on {} {:?}", reply.status, reply.body));
    let hex = id.strip_prefix("RQ").unwrap_or_else(|| panic!("{id}"));
    assert!(
        hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    id.to_owned()
}

#[tokio::test]
async fn every_answer_has_its_own_request_id() {
    let api = Api::start().await;
    let messages = api.messages();
    api.server.push_fault(Fault::status(503));
    api.server
        .answer_once("GET", "/v1/Flows", 200, &json!({ "flows": [] }));
    let mut replies = vec![
        api.get(&messages).await,
        api.get("/v1/Flows").await,
        api.form(Method::POST, &messages, "To=%2B1&Body=x").await,
        api.get(&messages).await,
        api.get("/v1/Nothing").await,
        api.send(Method::DELETE, &messages, None).await,
        api.send_as(Method::GET, &messages, None, false, None).await,
    ];
    let message = replies[2].body["uri"].as_str().unwrap().to_owned();
    replies.push(api.send(Method::DELETE, &message, None).await);
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(statuses, [503, 200, 201, 200, 404, 405, 401, 204]);
    let mut ids: Vec<String> = replies.iter().map(request_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), replies.len(), "unique");
}

#[tokio::test]
async fn recorded_requests_keep_headers_and_query_with_the_credentials_redacted() {
    let api = Api::start().await;
    let participants = "/v2/Conversations/conv_conversation_1/Participants?pageSize=2&x=%C3%A9";
    api.send_with(
        Method::GET,
        participants,
        None,
        &[("X-Twilio-Webhook-Enabled", "true"), ("If-Match", "7")],
    )
    .await;
    let sent = api.server.requests().pop().unwrap();
    assert_eq!(sent.query.as_deref(), Some("pageSize=2&x=%C3%A9"));
    assert_eq!(sent.header("x-twilio-webhook-enabled"), Some("true"));
    assert_eq!(sent.header("If-Match"), Some("7"));
    assert_eq!(sent.header("Authorization"), Some("[redacted]"));
    let shown = format!("{sent:?}");
    assert!(!shown.contains("Basic "), "{shown}");
    let token_free = sent
        .headers
        .iter()
        .all(|(_, value)| !value.contains(api.server.auth_token()));
    assert!(token_free);
}

#[tokio::test]
async fn records_inserted_at_a_path_no_description_has_are_still_served() {
    let server = LocalServer::start().await.unwrap();
    let api = Api::with(server);
    let sid = api.server.insert("/v1/Widgets", json!({ "n": 1 }));
    assert!(sid.starts_with("WI"), "{sid}");
    assert_eq!(api.get(&format!("/v1/Widgets/{sid}")).await.body["n"], 1);
    let list = api.get("/v1/Widgets").await;
    assert_eq!(list.body["widgets"][0]["sid"], sid.as_str());
    let created = api.form(Method::POST, "/v1/Widgets", "N=2").await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        created.body["n"],
        Value::from("2"),
        "no description: as sent"
    );
}

#[tokio::test]
async fn a_body_without_a_content_type_is_read_as_the_api_describes() {
    let api = Api::start().await;
    let send = |path: String, body: &'static str| {
        let api = &api;
        async move {
            let reply = reqwest::Client::new()
                .post(api.url(&path))
                .basic_auth(api.server.account_sid(), Some(api.server.auth_token()))
                .body(body)
                .send()
                .await
                .unwrap();
            let status = reply.status();
            let body: Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
            (status, body)
        }
    };
    let (status, message) = send(api.messages(), "To=%2B1555&Body=hi").await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        (message["to"].as_str(), message["body"].as_str()),
        (Some("+1555"), Some("hi"))
    );
    let (status, conversation) = send("/v2/Conversations".to_owned(), r#"{"name": "c"}"#).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(conversation["name"], "c");
}

/// Each field comes back in the type the description gives it, whatever the form sent: a list
/// from one value, a number for a numbered record, RFC 2822 dates where the description says
/// so; a boolean that does not read is refused by name, as Twilio refuses it.
#[tokio::test]
async fn form_values_come_back_in_their_described_types_or_are_refused() {
    let api = Api::start().await;

    let room = api.form(Method::POST, "/v1/Rooms", "VideoCodecs=VP8").await;
    assert_eq!(room.status, StatusCode::CREATED, "{:?}", room.body);
    assert_eq!(room.body["video_codecs"], json!(["VP8"]));

    let items = format!("/v1/Services/{SYNC_SERVICE}/Lists/ES1/Items");
    let first = api.form(Method::POST, &items, "Data=%7B%7D").await;
    let second = api.form(Method::POST, &items, "Data=%7B%7D").await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    let (Some(a), Some(b)) = (first.body["index"].as_i64(), second.body["index"].as_i64()) else {
        panic!("indexes are numbers: {:?} {:?}", first.body, second.body);
    };
    assert!(b > a, "{a} then {b}");
    let fetched = api.get(&format!("{items}/{b}")).await;
    assert_eq!(fetched.body["index"], json!(b));

    let key = api
        .form(Method::POST, "/v1/Keys", "AccountSid=AC1&FriendlyName=k")
        .await;
    assert_eq!(key.status, StatusCode::CREATED, "{:?}", key.body);
    let created = key.body["date_created"].as_str().unwrap_or_default();
    assert!(
        jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_timestamp(created)
            .is_ok(),
        "{created:?}"
    );

    let tasks = "/v1/Workspaces/WS1/Tasks";
    let refused = api.form(Method::POST, tasks, "IgnoreCapacity=maybe").await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        refused.body
    );
    let message = refused.body["message"].as_str().unwrap_or_default();
    assert!(message.contains("ignore_capacity"), "{message}");
}
