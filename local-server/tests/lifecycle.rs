//! The server over real HTTP: create, fetch, list (three dialects, several pages), update, delete,
//! errors, auth, faults and scripted answers on paths of every family.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use twilio_local_server::{
    Dialect, EXAMPLE_CONVERSATION_ID, EXAMPLE_PARTICIPANT_ID, Fault, LocalServer,
    example_participant,
};

const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";

/// A server and a plain HTTP client with its credentials.
struct Api {
    server: LocalServer,
    http: reqwest::Client,
}

/// What came back: status, content type and body (JSON, or `Null` when empty).
#[derive(Debug)]
struct Reply {
    status: StatusCode,
    content_type: Option<String>,
    body: Value,
    raw: Vec<u8>,
}

impl Api {
    async fn start() -> Api {
        Api::with(LocalServer::start().await.expect("bind a loopback port"))
    }

    fn with(server: LocalServer) -> Api {
        Api {
            server,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.server.base_url())
        }
    }

    async fn send(&self, method: Method, path: &str, body: Option<(&str, &[u8])>) -> Reply {
        self.send_as(method, path, body, true, None).await
    }

    async fn send_as(
        &self,
        method: Method,
        path: &str,
        body: Option<(&str, &[u8])>,
        authorized: bool,
        idempotency_key: Option<&str>,
    ) -> Reply {
        let mut request = self.http.request(method, self.url(path));
        if authorized {
            request = request.basic_auth(self.server.account_sid(), Some(self.server.auth_token()));
        }
        if let Some((content_type, body)) = body {
            request = request
                .header("content-type", content_type)
                .body(body.to_vec());
        }
        if let Some(key) = idempotency_key {
            request = request.header("idempotency-key", key);
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let raw = response.bytes().await.expect("a whole body").to_vec();
        let body = if raw.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&raw).unwrap_or(Value::Null)
        };
        Reply {
            status,
            content_type,
            body,
            raw,
        }
    }

    async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None).await
    }

    async fn form(&self, method: Method, path: &str, form: &str) -> Reply {
        self.send(method, path, Some((FORM, form.as_bytes()))).await
    }

    async fn json(&self, method: Method, path: &str, body: &Value) -> Reply {
        self.send(method, path, Some((JSON, body.to_string().as_bytes())))
            .await
    }

    fn messages(&self) -> String {
        format!(
            "/2010-04-01/Accounts/{}/Messages.json",
            self.server.account_sid()
        )
    }
}

fn sids(records: &Value, key: &str, id: &str) -> Vec<String> {
    records[key]
        .as_array()
        .unwrap_or_else(|| panic!("no array {key:?} in {records}"))
        .iter()
        .map(|r| r[id].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn api_2010_create_fetch_and_list_over_three_pages() {
    let api = Api::start().await;
    let messages = api.messages();
    let mut created = Vec::new();
    for i in 0..5 {
        let to = if i % 2 == 0 {
            "%2B15550000000"
        } else {
            "%2B15551111111"
        };
        let reply = api
            .form(
                Method::POST,
                &messages,
                &format!("To={to}&From=%2B15559999999&Body=Hello+{i}&MediaUrl=https%3A%2F%2Fa&MediaUrl=https%3A%2F%2Fb"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
        assert_eq!(reply.content_type.as_deref(), Some(JSON));
        let m = &reply.body;
        let sid = m["sid"].as_str().unwrap();
        assert!(sid.starts_with("SM") && sid.len() == 34, "{sid}");
        assert!(sid[2..].bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(m["account_sid"], api.server.account_sid());
        assert_eq!(m["body"], format!("Hello {i}"));
        assert_eq!(m["media_url"], json!(["https://a", "https://b"]));
        assert_eq!(m["from"], "+15559999999");
        let date = m["date_created"].as_str().unwrap();
        assert!(
            date.ends_with(" +0000") && date.as_bytes()[3] == b',',
            "{date}"
        );
        assert_eq!(m["date_updated"], m["date_created"]);
        assert_eq!(
            m["uri"],
            format!(
                "/2010-04-01/Accounts/{}/Messages/{sid}.json",
                api.server.account_sid()
            )
        );
        created.push(sid.to_owned());
    }

    let fetched = api.get(m_uri(&api, &created[3]).as_str()).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.body["sid"], created[3]);

    // Three pages of two, following next_page_uri as given.
    let mut seen = Vec::new();
    let mut next = Some(format!("{messages}?PageSize=2"));
    let mut pages = Vec::new();
    while let Some(uri) = next {
        let page = api.get(&uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {:?}", page.body);
        seen.extend(sids(&page.body, "messages", "sid"));
        next = page.body["next_page_uri"].as_str().map(str::to_owned);
        pages.push(page.body);
    }
    assert_eq!(seen, created);
    assert_eq!(pages.len(), 3);
    let first = &pages[0];
    assert_eq!(
        (first["page"].clone(), first["page_size"].clone()),
        (json!(0), json!(2))
    );
    assert_eq!(
        (first["start"].clone(), first["end"].clone()),
        (json!(0), json!(1))
    );
    assert_eq!(first["previous_page_uri"], Value::Null);
    assert_eq!(
        first["first_page_uri"],
        format!("{messages}?PageSize=2&Page=0")
    );
    assert_eq!(
        first["next_page_uri"],
        format!("{messages}?PageSize=2&Page=1&PageToken=PA2")
    );
    assert_eq!(pages[2]["page"], 2);
    assert_eq!(pages[2]["next_page_uri"], Value::Null);
    assert!(
        pages[2]["previous_page_uri"]
            .as_str()
            .unwrap()
            .contains("Page=1")
    );

    // An equality filter, carried in the links with an inequality one (not applied).
    let filtered = api
        .get(&format!(
            "{messages}?To=%2B15550000000&DateSent%3E=2024-01-01&PageSize=2"
        ))
        .await;
    let to: Vec<Value> = filtered.body["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["to"].clone())
        .collect();
    assert_eq!(to, [json!("+15550000000"), json!("+15550000000")]);
    assert_eq!(
        filtered.body["next_page_uri"],
        format!(
            "{messages}?To=%2B15550000000&DateSent%3E=2024-01-01&PageSize=2&Page=1&PageToken=PA2"
        )
    );
    let last = api
        .get(filtered.body["next_page_uri"].as_str().unwrap())
        .await;
    assert_eq!(sids(&last.body, "messages", "sid"), [created[4].clone()]);
    assert_eq!(last.body["next_page_uri"], Value::Null);
}

fn m_uri(api: &Api, sid: &str) -> String {
    format!(
        "/2010-04-01/Accounts/{}/Messages/{sid}.json",
        api.server.account_sid()
    )
}

#[tokio::test]
async fn v1_lists_link_absolutely_to_this_server() {
    let api = Api::start().await;
    let mut created = Vec::new();
    for i in 0..7 {
        let reply = if i % 2 == 0 {
            api.form(
                Method::POST,
                "/v1/Services",
                &format!("FriendlyName=Service+{i}&StickySender=true"),
            )
            .await
        } else {
            api.json(
                Method::POST,
                "/v1/Services",
                &json!({ "friendly_name": format!("Service {i}") }),
            )
            .await
        };
        assert_eq!(reply.status, StatusCode::CREATED);
        let sid = reply.body["sid"].as_str().unwrap().to_owned();
        // `/v1/Services` is on several hosts; the one whose parameters fit the body wins, then
        // the most used: Messaging, whose services are `MG…`.
        assert!(sid.starts_with("MG") && sid.len() == 34, "{sid}");
        assert_eq!(reply.body["friendly_name"], format!("Service {i}"));
        assert_eq!(
            reply.body["url"],
            format!("{}/v1/Services/{sid}", api.server.base_url())
        );
        let date = reply.body["date_created"].as_str().unwrap();
        assert!(date.ends_with('Z') && date.contains('T'), "{date}");
        created.push(sid);
    }
    assert_eq!(
        api.get(&format!("/v1/Services/{}", created[0])).await.body["sticky_sender"],
        true,
        "a form's `true` comes back as the boolean the description gives"
    );

    let mut next = Some(format!("{}/v1/Services?PageSize=3", api.server.base_url()));
    let mut seen = Vec::new();
    let mut metas = Vec::new();
    while let Some(url) = next {
        assert!(url.starts_with(&api.server.base_url()), "{url}");
        let page = api.get(&url).await;
        assert_eq!(page.status, StatusCode::OK);
        seen.extend(sids(&page.body, "services", "sid"));
        next = page.body["meta"]["next_page_url"]
            .as_str()
            .map(str::to_owned);
        metas.push(page.body["meta"].clone());
    }
    assert_eq!(seen, created);
    assert_eq!(metas.len(), 3);
    let base = api.server.base_url();
    assert_eq!(
        metas[0],
        json!({
            "key": "services",
            "page": 0,
            "page_size": 3,
            "url": format!("{base}/v1/Services?PageSize=3&Page=0"),
            "first_page_url": format!("{base}/v1/Services?PageSize=3&Page=0"),
            "next_page_url": format!("{base}/v1/Services?PageSize=3&Page=1&PageToken=PA3"),
            "previous_page_url": null,
        })
    );
    assert_eq!(metas[2]["next_page_url"], Value::Null);
    assert_eq!(
        metas[2]["previous_page_url"],
        format!("{base}/v1/Services?PageSize=3&Page=1&PageToken=PA3")
    );

    // A sub-collection gets its parent's sid; the list key is the name in snake_case.
    let numbers = format!("/v1/Services/{}/PhoneNumbers", created[0]);
    let number = api.form(Method::POST, &numbers, "PhoneNumberSid=PN1").await;
    assert_eq!(number.body["service_sid"], created[0]);
    assert_eq!(number.body["phone_number_sid"], "PN1");
    let list = api.get(&numbers).await;
    assert_eq!(list.body["meta"]["key"], "phone_numbers");
    assert_eq!(list.body["phone_numbers"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn token_lists_page_with_next_token() {
    let api = Api::start().await;
    let conversation = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv9";
    let collection = format!("/v2/Conversations/{conversation}/Participants");
    let mut created = Vec::new();
    for i in 0..5 {
        let reply = api
            .json(
                Method::POST,
                &collection,
                &json!({
                    "name": format!("P{i}"),
                    "type": "CUSTOMER",
                    "addresses": [{ "channel": "SMS", "address": "+18005550100" }],
                }),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED);
        let p = &reply.body;
        let id = p["id"].as_str().unwrap();
        let suffix = id.strip_prefix("conv_participant_").unwrap();
        assert_eq!(suffix.len(), 26, "{id}");
        assert_eq!(p["conversationId"], conversation);
        assert_eq!(p["accountId"], api.server.account_sid());
        assert!(p["createdAt"].as_str().unwrap().ends_with('Z'));
        assert_eq!(p["addresses"][0]["channel"], "SMS");
        created.push(id.to_owned());
    }

    let mut token: Option<String> = None;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let mut url = reqwest::Url::parse(&api.url(&collection)).unwrap();
        url.query_pairs_mut().append_pair("pageSize", "2");
        if let Some(token) = &token {
            url.query_pairs_mut().append_pair("pageToken", token);
        }
        let page = api.get(url.as_str()).await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", page.body);
        let meta = &page.body["meta"];
        assert_eq!(meta["key"], "participants");
        assert_eq!(
            meta["pageSize"],
            page.body["participants"].as_array().unwrap().len()
        );
        if pages > 0 {
            assert!(meta["previousToken"].is_string());
        } else {
            assert!(meta.get("previousToken").is_none());
        }
        seen.extend(sids(&page.body, "participants", "id"));
        pages += 1;
        match meta["nextToken"].as_str() {
            Some(next) => token = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, created);

    let bad = api.get(&format!("{collection}?pageToken=nope")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["code"], 20001);
}

#[tokio::test]
async fn page_size_defaults_to_50_and_stops_at_1000() {
    let api = Api::start().await;
    for i in 0..1001 {
        api.server.insert("/v1/Things", json!({ "n": i }));
    }
    let default = api.get("/v1/Things").await;
    assert_eq!(default.body["things"].as_array().unwrap().len(), 50);
    assert_eq!(default.body["meta"]["page_size"], 50);
    let capped = api.get("/v1/Things?PageSize=5000").await;
    assert_eq!(capped.body["things"].as_array().unwrap().len(), 1000);
    let rest = api
        .get(capped.body["meta"]["next_page_url"].as_str().unwrap())
        .await;
    assert_eq!(rest.body["things"][0]["n"], 1000);
    assert_eq!(
        api.get("/v1/Things?PageSize=0").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        api.get("/v1/Things?Page=x").await.status,
        StatusCode::BAD_REQUEST
    );
    // Page without a token counts pages of the asked size.
    let page = api.get("/v1/Things?PageSize=10&Page=3").await;
    assert_eq!(page.body["things"][0]["n"], 30);
}

#[tokio::test]
async fn updates_merge_and_deletes_answer_204() {
    let api = Api::start().await;
    let messages = api.messages();
    let created = api
        .form(Method::POST, &messages, "To=%2B1555&Body=secret")
        .await;
    let sid = created.body["sid"].as_str().unwrap();
    let uri = m_uri(&api, sid);

    let updated = api.form(Method::POST, &uri, "Body=").await;
    assert_eq!(updated.status, StatusCode::OK);
    assert_eq!(updated.body["body"], "");
    assert_eq!(updated.body["to"], "+1555", "untouched fields stay");
    assert_eq!(updated.body["sid"], sid);
    assert_eq!(api.get(&uri).await.body, updated.body);

    let participant = format!(
        "/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants/{EXAMPLE_PARTICIPANT_ID}"
    );
    api.server.insert_participant(example_participant());
    let reply = api
        .json(Method::PUT, &participant, &json!({ "name": "PUT" }))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["name"], "PUT");
    assert_eq!(reply.body["type"], "CUSTOMER");
    assert_ne!(reply.body["updatedAt"], "2023-07-01T12:00:00Z");
    // Conversations v2 updates a participant with PUT only.
    let patch = api
        .json(Method::PATCH, &participant, &json!({ "name": "PATCH" }))
        .await;
    assert_eq!(patch.status, StatusCode::METHOD_NOT_ALLOWED);

    let deleted = api.send(Method::DELETE, &uri, None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(deleted.raw.is_empty());
    assert_eq!(api.get(&uri).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        api.send(Method::DELETE, &uri, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(api.server.records(&messages).is_empty());
}

#[tokio::test]
async fn unknown_records_are_404_with_twilio_body() {
    let api = Api::start().await;
    let path = "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for method in [Method::GET, Method::POST, Method::DELETE] {
        let reply = api.send(method.clone(), path, None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(
            reply.body,
            json!({
                "code": 20404,
                "message": format!("The requested resource {path} was not found"),
                "more_info": "https://www.twilio.com/docs/errors/20404",
                "status": 404,
            })
        );
    }
    assert_eq!(
        api.send(Method::DELETE, "/v1/Services", None).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    let bad = api
        .send(Method::POST, "/v1/Services", Some(("text/plain", b"hi")))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["code"], 20001);
    assert!(api.server.records("/v1/Services").is_empty());
}

#[tokio::test]
async fn every_route_checks_credentials() {
    let api = Api::start().await;
    let sid = api
        .server
        .insert("/v1/Services", json!({ "friendly_name": "x" }));
    let one = format!("/v1/Services/{sid}");
    let calls = [
        (Method::GET, "/v1/Services".to_owned()),
        (Method::POST, "/v1/Services".to_owned()),
        (Method::GET, one.clone()),
        (Method::POST, one.clone()),
        (Method::PUT, one.clone()),
        (Method::DELETE, one.clone()),
        (
            Method::GET,
            "/2010-04-01/Accounts/AC1/Calls.json".to_owned(),
        ),
        (Method::GET, "/v2/Conversations".to_owned()),
        (Method::GET, "/nowhere/at/all".to_owned()),
    ];
    for (method, path) in calls {
        let reply = api
            .send_as(
                method.clone(),
                &path,
                Some((FORM, b"FriendlyName=y")),
                false,
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(reply.body["code"], 20003);
        assert_eq!(reply.body["status"], 401);
    }
    let services = api.server.records("/v1/Services");
    assert_eq!(services.len(), 1);
    assert_eq!(services[0]["friendly_name"], "x", "nothing changed");
    assert!(api.server.requests().iter().all(|r| !r.authorized));
}

#[tokio::test]
async fn faults_apply_to_any_route() {
    let api = Api::start().await;
    let messages = api.messages();
    let sid = api.server.insert(&messages, json!({ "body": "whole" }));
    let uri = m_uri(&api, &sid);

    api.server.push_fault(Fault::status(503).retry_after("1"));
    let failed = api.form(Method::POST, &messages, "Body=x").await;
    assert_eq!(failed.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(failed.body["code"], 20503);
    assert_eq!(
        api.server.records(&messages).len(),
        1,
        "a fault acts before the API"
    );

    api.server.push_fault(Fault::truncated_json());
    let truncated = api.get(&uri).await;
    let whole = api.get(&uri).await;
    assert_eq!(truncated.status, StatusCode::OK);
    assert_eq!(truncated.raw, whole.raw[..whole.raw.len() / 2]);

    api.server
        .push_fault(Fault::json(409, &json!({ "code": 50409, "status": 409 })));
    let conflict = api.get("/v2/Conversations").await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert_eq!(conflict.body["code"], 50409);
    assert_eq!(api.get("/v2/Conversations").await.status, StatusCode::OK);
}

#[tokio::test]
async fn recurring_faults_apply_to_any_route() {
    let server = LocalServer::builder()
        .recurring_faults(2, vec![Fault::status(500)])
        .start()
        .await
        .unwrap();
    let api = Api::with(server);
    let statuses: Vec<u16> = futures_statuses(&api, "/v1/Services", 4).await;
    assert_eq!(statuses, [200, 500, 200, 500]);
}

async fn futures_statuses(api: &Api, path: &str, n: usize) -> Vec<u16> {
    let mut statuses = Vec::new();
    for _ in 0..n {
        statuses.push(api.get(path).await.status.as_u16());
    }
    statuses
}

#[tokio::test]
async fn scripted_pages_can_point_elsewhere_or_repeat_a_cursor() {
    let api = Api::start().await;
    let collection = "/v1/Flows";
    let elsewhere = json!({
        "flows": [{ "sid": "FW1" }],
        "meta": { "key": "flows", "next_page_url": "https://evil.example/v1/Flows?Page=1" },
    });
    api.server.answer_once("GET", collection, 200, &elsewhere);
    let page = api.get("/v1/Flows?PageSize=1").await;
    assert_eq!(page.body, elsewhere, "matched on the path alone");
    assert_eq!(
        api.get(collection).await.body["flows"],
        json!([]),
        "only once"
    );

    // With a query, only that query matches; two answers play in order.
    let repeated = json!({ "flows": [], "meta": { "key": "flows", "nextToken": "same" } });
    api.server
        .answer_once("GET", "/v1/Flows?pageToken=same", 200, &repeated);
    api.server.answer_once(
        "GET",
        "/v1/Flows?pageToken=same",
        503,
        &json!({ "code": 1 }),
    );
    let other = api.get("/v1/Flows?pageToken=other").await;
    assert_eq!(
        other.body["flows"],
        json!([]),
        "another query is not scripted"
    );
    assert_eq!(api.get("/v1/Flows?pageToken=same").await.body, repeated);
    let second = api.get("/v1/Flows?pageToken=same").await;
    assert_eq!(second.status, StatusCode::SERVICE_UNAVAILABLE);

    // Another method does not take it; credentials are still checked first.
    api.server
        .answer_once("POST", collection, 201, &json!({ "sid": "x" }));
    assert_eq!(api.get(collection).await.status, StatusCode::OK);
    let unauthorized = api
        .send_as(Method::POST, collection, None, false, None)
        .await;
    assert_eq!(unauthorized.status, StatusCode::UNAUTHORIZED);
    let scripted = api.send(Method::POST, collection, None).await;
    assert_eq!(
        (scripted.status, scripted.body),
        (StatusCode::CREATED, json!({ "sid": "x" }))
    );
}

#[tokio::test]
async fn the_example_participant_is_fetchable_and_listable() {
    let api = Api::start().await;
    api.server.insert_participant(example_participant());
    let collection = format!("/v2/Conversations/{EXAMPLE_CONVERSATION_ID}/Participants");
    let fetched = api
        .get(&format!("{collection}/{EXAMPLE_PARTICIPANT_ID}"))
        .await;
    assert_eq!(fetched.body, example_participant());
    assert_eq!(fetched.body["name"], "Dana S.");
    let list = api.get(&collection).await;
    assert_eq!(list.body["participants"], json!([example_participant()]));
    assert_eq!(
        list.body["meta"],
        json!({ "key": "participants", "pageSize": 1 })
    );
}

#[tokio::test]
async fn requests_are_logged_with_body_and_headers() {
    let api = Api::start().await;
    let reply = api
        .send_as(
            Method::POST,
            "/v1/Services?x=1",
            Some((FORM, b"FriendlyName=a&FriendlyName=b")),
            true,
            Some("key-1"),
        )
        .await;
    assert_eq!(reply.body["friendly_name"], json!(["a", "b"]));
    let request = &api.server.requests()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/v1/Services?x=1");
    assert_eq!(request.query.as_deref(), Some("x=1"));
    assert_eq!(request.content_type.as_deref(), Some(FORM));
    assert_eq!(request.body, b"FriendlyName=a&FriendlyName=b");
    assert_eq!(request.idempotency_key.as_deref(), Some("key-1"));
    assert!(request.authorized);
}

#[tokio::test]
async fn a_repeated_idempotency_key_gets_the_first_answer() {
    let api = Api::start().await;
    let mut answers = Vec::new();
    for _ in 0..2 {
        let reply = api
            .send_as(
                Method::POST,
                "/v2/ControlPlane/Configurations",
                Some((JSON, br#"{"displayName": "c"}"#)),
                true,
                Some("3f0c0a4e-8f7e-4a55-9a34-1a7f7b7f2a01"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED);
        answers.push(reply.body);
    }
    assert_eq!(answers[0], answers[1]);
    assert!(
        answers[0]["id"]
            .as_str()
            .unwrap()
            .starts_with("conv_configuration_")
    );
    assert_eq!(
        api.server.records("/v2/ControlPlane/Configurations").len(),
        1
    );
    let other = api
        .json(Method::POST, "/v2/ControlPlane/Configurations", &json!({}))
        .await;
    assert_ne!(other.body["id"], answers[0]["id"]);

    let one = format!(
        "/v2/ControlPlane/Configurations/{}",
        answers[0]["id"].as_str().unwrap()
    );
    for _ in 0..2 {
        let deleted = api
            .send_as(Method::DELETE, &one, None, true, Some("delete-key"))
            .await;
        assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    }
    assert_eq!(api.get(&one).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_path_prefix_can_take_another_dialect() {
    let server = LocalServer::builder()
        .dialect("/v1/Services", Dialect::Token)
        .start()
        .await
        .unwrap();
    let api = Api::with(server);
    let created = api
        .json(
            Method::POST,
            "/v1/Services",
            &json!({ "friendlyName": "x" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert!(created.body["id"].is_string(), "{:?}", created.body);
    assert!(created.body["createdAt"].is_string());
    let list = api.get("/v1/Services").await;
    assert_eq!(
        list.body["meta"],
        json!({ "key": "services", "pageSize": 1 })
    );
    // Other paths keep their description's dialect.
    let verify = api.get("/v2/Services").await;
    assert_eq!(verify.body["meta"]["key"], "services");
    assert!(verify.body["meta"]["first_page_url"].is_string());
}

#[tokio::test]
async fn inserted_records_keep_their_fields_and_get_the_rest() {
    let api = Api::start().await;
    let messages = api.messages();
    let sid = api.server.insert(
        &messages,
        json!({ "sid": "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_created": "Thu, 30 Jul 2015 20:00:00 +0000" }),
    );
    assert_eq!(sid, "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let record = &api.server.records(&messages)[0];
    assert_eq!(record["date_created"], "Thu, 30 Jul 2015 20:00:00 +0000");
    assert_eq!(record["account_sid"], api.server.account_sid());
    assert_eq!(record["uri"], m_uri(&api, &sid));
    assert_eq!(api.get(&m_uri(&api, &sid)).await.body, *record);
    // Identifiers that need encoding round-trip.
    let odd = api.server.insert("/v1/Things", json!({ "sid": "a/b c+1" }));
    let fetched = api.get("/v1/Things/a%2Fb%20c%2B1").await;
    assert_eq!(fetched.body["sid"], odd);
}
