//! Every generated operation of real Twilio resources, in each of Twilio's dialects, over real
//! HTTP against the local server: method, path, query, content type and body as the server
//! recorded them, byte for byte, and the answer decoded.

#[path = "lifecycle_support/mod.rs"]
mod support;

use std::collections::BTreeMap;

use serde_json::json;
use support::*;

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
const JSON: Option<&str> = Some("application/json");

#[tokio::test]
async fn message_2010_create_fetch_list_update_delete() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let collection = messages(&server);

    let created = Message::create(
        &client,
        &account,
        &CreateMessage {
            to: "+15551234567".into(),
            from: Some("+15557654321".into()),
            body: Some("Hello".into()),
            media_url: vec!["https://a.example/1.png".into()],
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        &collection,
        FORM,
        "To=%2B15551234567&From=%2B15557654321&Body=Hello&MediaUrl=https%3A%2F%2Fa.example%2F1.png",
    );
    let sid = created.sid.clone().expect("a created message has a sid");
    assert!(sid.starts_with("SM"), "{sid}");
    assert_eq!(created.account_sid.as_deref(), Some(account.as_str()));
    assert_eq!(created.to.as_deref(), Some("+15551234567"));
    assert_eq!(created.body.as_deref(), Some("Hello"));
    // Answered queued, as Twilio answers a create; the local server has delivered it by the time
    // it is read again.
    assert_eq!(created.status.as_deref(), Some("queued"));
    let instance = format!("/2010-04-01/Accounts/{account}/Messages/{sid}.json");

    let fetched = Message::fetch(&client, &account, &sid).await.unwrap();
    assert_request(&only_request_since(&server, 1), "GET", &instance, None, "");
    assert_eq!(fetched.status.as_deref(), Some("delivered"));
    let created = Message {
        status: fetched.status.clone(),
        ..created
    };
    assert_eq!(
        fetched, created,
        "the stored message is the created one, delivered"
    );

    let filter = MessageFilter {
        to: Some("+15551234567".into()),
        date_sent_after: Some("2024-01-01".into()),
        ..MessageFilter::default()
    };
    let listed = Message::list(&client, &account, &filter)
        .collect_all()
        .await
        .unwrap();
    assert_request(
        &only_request_since(&server, 2),
        "GET",
        &format!("{collection}?To=%2B15551234567&DateSent%3E=2024-01-01"),
        None,
        "",
    );
    assert_eq!(listed, std::slice::from_ref(&created));

    let redacted = Message::update(
        &client,
        &account,
        &sid,
        &UpdateMessage {
            body: Some(String::new()),
            status: None,
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 3),
        "POST",
        &instance,
        FORM,
        "Body=",
    );
    assert_eq!(redacted.body.as_deref(), Some(""));
    assert_eq!(redacted.sid, created.sid);

    let (): () = Message::delete(&client, &account, &sid).await.unwrap();
    assert_request(
        &only_request_since(&server, 4),
        "DELETE",
        &instance,
        None,
        "",
    );
    assert!(server.records(&collection).is_empty());
}

#[tokio::test]
async fn chat_service_v1_create_fetch_list_update_delete() {
    let (server, client) = start().await;

    let created = Service::create(
        &client,
        &CreateService {
            friendly_name: "Support desk".into(),
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        "/v1/Services",
        FORM,
        "FriendlyName=Support+desk",
    );
    let sid = created.sid.clone().unwrap();
    assert_eq!(created.friendly_name.as_deref(), Some("Support desk"));
    let instance = format!("/v1/Services/{sid}");
    assert_eq!(
        created.url.as_deref(),
        Some(format!("{}{instance}", server.base_url()).as_str())
    );

    let fetched = Service::fetch(&client, &sid).await.unwrap();
    assert_request(&only_request_since(&server, 1), "GET", &instance, None, "");
    assert_eq!(fetched, created);

    let listed = Service::list(&client).collect_all().await.unwrap();
    assert_request(
        &only_request_since(&server, 2),
        "GET",
        "/v1/Services",
        None,
        "",
    );
    assert_eq!(listed, std::slice::from_ref(&created));

    let updated = Service::update(
        &client,
        &sid,
        &UpdateService {
            friendly_name: Some("Desk".into()),
            reachability_enabled: Some(true),
            ..UpdateService::default()
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 3),
        "POST",
        &instance,
        FORM,
        "FriendlyName=Desk&ReachabilityEnabled=true",
    );
    assert_eq!(updated.friendly_name.as_deref(), Some("Desk"));
    assert_eq!(updated.reachability_enabled, Some(json!(true)));

    Service::delete(&client, &sid).await.unwrap();
    assert_request(
        &only_request_since(&server, 4),
        "DELETE",
        &instance,
        None,
        "",
    );
    assert!(server.records("/v1/Services").is_empty());
}

#[tokio::test]
async fn content_v1_json_create_fetch_list_update_by_put_delete() {
    let (server, client) = start().await;
    let body = CreateContent {
        friendly_name: Some("greeting".into()),
        language: "en".into(),
        variables: BTreeMap::from([("1".to_owned(), "name".to_owned())]),
        types: json!({ "twilio/text": { "body": "Hi {{1}}" } }),
    };

    let created = Content::create(&client, &body).await.unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        "/v1/Content",
        JSON,
        r#"{"friendly_name":"greeting","language":"en","variables":{"1":"name"},"types":{"twilio/text":{"body":"Hi {{1}}"}}}"#,
    );
    let sid = created.sid.clone().unwrap();
    assert_eq!(created.variables, Some(body.variables.clone()));
    let instance = format!("/v1/Content/{sid}");

    let fetched = Content::fetch(&client, &sid).await.unwrap();
    assert_request(&only_request_since(&server, 1), "GET", &instance, None, "");
    assert_eq!(fetched, created);

    let listed = Content::list(&client).collect_all().await.unwrap();
    assert_request(
        &only_request_since(&server, 2),
        "GET",
        "/v1/Content",
        None,
        "",
    );
    assert_eq!(listed, std::slice::from_ref(&created));

    let french = CreateContent {
        friendly_name: None,
        language: "fr".into(),
        variables: BTreeMap::new(),
        types: json!({ "twilio/text": { "body": "Salut" } }),
    };
    let updated = Content::update(&client, &sid, &french).await.unwrap();
    assert_request(
        &only_request_since(&server, 3),
        "PUT",
        &instance,
        JSON,
        r#"{"language":"fr","variables":{},"types":{"twilio/text":{"body":"Salut"}}}"#,
    );
    assert_eq!(updated.language.as_deref(), Some("fr"));
    assert_eq!(updated.friendly_name.as_deref(), Some("greeting"), "merged");

    Content::delete(&client, &sid).await.unwrap();
    assert_request(
        &only_request_since(&server, 4),
        "DELETE",
        &instance,
        None,
        "",
    );
    assert!(server.records("/v1/Content").is_empty());
}

#[tokio::test]
async fn participant_v2_json_create_fetch_list_update_by_put() {
    let (server, client) = start().await;
    let collection = participants();

    let created = Participant::create(
        &client,
        CONVERSATION,
        &NewParticipant {
            name: Some("Dana S.".into()),
            kind: "CUSTOMER".into(),
            addresses: vec![ParticipantAddress {
                channel: "SMS".into(),
                address: "+15551234567".into(),
                channel_id: None,
            }],
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        &collection,
        JSON,
        r#"{"name":"Dana S.","type":"CUSTOMER","addresses":[{"channel":"SMS","address":"+15551234567"}]}"#,
    );
    let id = created.id.clone().unwrap();
    assert!(id.starts_with("conv_participant_"), "{id}");
    assert_eq!(created.conversation_id.as_deref(), Some(CONVERSATION));
    let instance = format!("{collection}/{id}");

    let fetched = Participant::fetch(&client, CONVERSATION, &id)
        .await
        .unwrap();
    assert_request(&only_request_since(&server, 1), "GET", &instance, None, "");
    assert_eq!(fetched, created);

    let listed = Participant::list(&client, CONVERSATION)
        .collect_all()
        .await
        .unwrap();
    assert_request(
        &only_request_since(&server, 2),
        "GET",
        &collection,
        None,
        "",
    );
    assert_eq!(listed, std::slice::from_ref(&created));

    let renamed = Participant::update(
        &client,
        CONVERSATION,
        &id,
        &ParticipantUpdate {
            name: Some("Dana".into()),
            profile_id: None,
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 3),
        "PUT",
        &instance,
        JSON,
        r#"{"name":"Dana"}"#,
    );
    assert_eq!(renamed.name.as_deref(), Some("Dana"));
    assert_eq!(renamed.addresses, created.addresses);
}

#[tokio::test]
async fn control_plane_configuration_v2_every_operation_with_idempotency_keys() {
    let (server, client) = start().await;
    let collection = "/v2/ControlPlane/Configurations";
    let body = NewConfiguration::example();
    let body_json = r#"{"displayName":"Support","description":"Inbound support","conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"mem_store_01"}"#;

    let created = ControlPlaneConfiguration::create(&client, &body)
        .await
        .unwrap();
    let request = only_request_since(&server, 0);
    assert_request(&request, "POST", collection, JSON, body_json);
    assert!(is_uuid_v4(request.idempotency_key.as_deref().unwrap()));
    let id = created.id.clone().unwrap();
    assert!(id.starts_with("conv_configuration_"), "{id}");
    let instance = format!("{collection}/{id}");

    let fetched = ControlPlaneConfiguration::fetch(&client, &id)
        .await
        .unwrap();
    let request = only_request_since(&server, 1);
    assert_request(&request, "GET", &instance, None, "");
    assert_eq!(request.idempotency_key, None, "a read sends no key");
    assert_eq!(fetched, created);

    let filter = ConfigurationFilter {
        memory_store_id: Some("mem_store_01".into()),
    };
    let listed = ControlPlaneConfiguration::list(&client, &filter)
        .collect_all()
        .await
        .unwrap();
    let request = only_request_since(&server, 2);
    assert_request(
        &request,
        "GET",
        &format!("{collection}?memoryStoreId=mem_store_01"),
        None,
        "",
    );
    assert_eq!(request.idempotency_key, None);
    assert_eq!(listed, std::slice::from_ref(&created));

    let changed = NewConfiguration {
        display_name: "Sales".into(),
        ..NewConfiguration::example()
    };
    let updated = ControlPlaneConfiguration::update(&client, &id, &changed)
        .await
        .unwrap();
    let request = only_request_since(&server, 3);
    assert_request(
        &request,
        "PUT",
        &instance,
        JSON,
        &body_json.replace("Support\"", "Sales\""),
    );
    assert!(is_uuid_v4(request.idempotency_key.as_deref().unwrap()));
    assert_eq!(updated.display_name.as_deref(), Some("Sales"));

    ControlPlaneConfiguration::delete(&client, &id)
        .await
        .unwrap();
    let request = only_request_since(&server, 4);
    assert_request(&request, "DELETE", &instance, None, "");
    assert!(is_uuid_v4(request.idempotency_key.as_deref().unwrap()));
    assert!(server.records(collection).is_empty());
}

#[tokio::test]
async fn singleton_configuration_fetch_and_update_at_one_address() {
    let (server, client) = start().await;
    let parent = format!("/v1/Services/{CHAT_SERVICE}");
    // The singleton is stored as the record `Configuration` of its parent's path.
    server.insert(
        &parent,
        json!({
            "sid": "Configuration",
            "chat_service_sid": CHAT_SERVICE,
            "default_conversation_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "reachability_enabled": false,
        }),
    );
    let address = format!("{parent}/Configuration");

    let fetched = ServiceConfiguration::fetch(&client, CHAT_SERVICE)
        .await
        .unwrap();
    assert_request(&only_request_since(&server, 0), "GET", &address, None, "");
    assert_eq!(fetched.chat_service_sid.as_deref(), Some(CHAT_SERVICE));
    assert_eq!(fetched.reachability_enabled, Some(json!(false)));

    let updated = ServiceConfiguration::update(
        &client,
        CHAT_SERVICE,
        &UpdateServiceConfiguration {
            default_conversation_role_sid: Some("RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".into()),
            reachability_enabled: Some(true),
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 1),
        "POST",
        &address,
        FORM,
        "DefaultConversationRoleSid=RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&ReachabilityEnabled=true",
    );
    assert_eq!(
        updated.default_conversation_role_sid.as_deref(),
        Some("RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
    );
    assert_eq!(updated.reachability_enabled, Some(json!(true)));
}

#[tokio::test]
async fn list_only_available_local_numbers_with_a_filter_over_two_pages() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let collection = format!("/2010-04-01/Accounts/{account}/AvailablePhoneNumbers/US/Local.json");
    for number in ["+15105550001", "+15105550002", "+15105550003"] {
        server.insert(
            &collection,
            json!({ "phone_number": number, "locality": "Oakland" }),
        );
    }
    let filter = LocalNumberFilter {
        area_code: Some(510),
        sms_enabled: Some(true),
        ..LocalNumberFilter::default()
    };

    let numbers: Vec<String> = LocalNumber::list(&client, &account, "US", &filter)
        .page_size(2)
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.phone_number.unwrap())
        .collect();
    assert_eq!(numbers, ["+15105550001", "+15105550002", "+15105550003"]);
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    assert_request(
        &requests[0],
        "GET",
        &format!("{collection}?AreaCode=510&SmsEnabled=true&PageSize=2"),
        None,
        "",
    );
    // The second request is the server's `next_page_uri`, filters and page size included.
    assert_request(
        &requests[1],
        "GET",
        &format!("{collection}?AreaCode=510&SmsEnabled=true&PageSize=2&Page=1&PageToken=PA2"),
        None,
        "",
    );
}

#[tokio::test]
async fn form_body_repeats_keys_for_sequences_and_omits_none() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    Message::create(
        &client,
        &account,
        &CreateMessage {
            to: "+1 555 & co".into(),
            from: None,
            body: None,
            media_url: vec!["a".into(), "b".into(), "c d".into()],
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        &messages(&server),
        FORM,
        "To=%2B1+555+%26+co&MediaUrl=a&MediaUrl=b&MediaUrl=c+d",
    );
    // What the server decoded: the repeated key became one array, in order.
    let stored = &server.records(&messages(&server))[0];
    assert_eq!(stored["media_url"], json!(["a", "b", "c d"]));
    assert_eq!(stored["to"], "+1 555 & co");
    assert!(stored.get("from").is_none() && stored.get("body").is_none());
}

#[tokio::test]
async fn form_body_dotted_names_and_booleans() {
    let (server, client) = start().await;
    let sid = insert_services(&server, 1).remove(0);
    Service::update(
        &client,
        &sid,
        &UpdateService {
            reachability_enabled: Some(false),
            typing_indicator_timeout: Some(5),
            new_message_notifications: Some(true),
            new_message_template: Some("New: ${MESSAGE}".into()),
            webhook_filters: vec!["onMessageSend".into(), "onMessageSent".into()],
            ..UpdateService::default()
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        &format!("/v1/Services/{sid}"),
        FORM,
        "ReachabilityEnabled=false&TypingIndicatorTimeout=5\
         &Notifications.NewMessage.Enabled=true\
         &Notifications.NewMessage.Template=New%3A+%24%7BMESSAGE%7D\
         &WebhookFilters=onMessageSend&WebhookFilters=onMessageSent",
    );
    let stored = &server.records("/v1/Services")[0];
    assert_eq!(stored["notifications.new_message.enabled"], "true");
    assert_eq!(
        stored["notifications.new_message.template"],
        "New: ${MESSAGE}"
    );
}

#[tokio::test]
async fn filter_encodes_inequality_names_percent_encoded() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let filter = MessageFilter {
        to: Some("+15551234567".into()),
        from: None,
        date_sent_before: Some("2024-02-01".into()),
        date_sent_after: Some("2024-01-01T00:00:00Z".into()),
    };
    let listed = Message::list(&client, &account, &filter)
        .collect_all()
        .await
        .unwrap();
    assert!(listed.is_empty());
    assert_request(
        &only_request_since(&server, 0),
        "GET",
        &format!(
            "{}?To=%2B15551234567&DateSent%3C=2024-02-01&DateSent%3E=2024-01-01T00%3A00%3A00Z",
            messages(&server)
        ),
        None,
        "",
    );
}

#[tokio::test]
async fn json_body_byte_for_byte_with_escapes_and_unicode() {
    let (server, client) = start().await;
    Participant::create(
        &client,
        CONVERSATION,
        &NewParticipant {
            name: Some("Dana \"D\" Şahin\n✓".into()),
            kind: "HUMAN_AGENT".into(),
            addresses: vec![
                ParticipantAddress {
                    channel: "WHATSAPP".into(),
                    address: "whatsapp:+15551234567".into(),
                    channel_id: Some("wa_1".into()),
                },
                ParticipantAddress {
                    channel: "CHAT".into(),
                    address: "dana@example.com".into(),
                    channel_id: None,
                },
            ],
        },
    )
    .await
    .unwrap();
    let request = only_request_since(&server, 0);
    assert_request(
        &request,
        "POST",
        &participants(),
        JSON,
        "{\"name\":\"Dana \\\"D\\\" Şahin\\n✓\",\"type\":\"HUMAN_AGENT\",\"addresses\":[\
         {\"channel\":\"WHATSAPP\",\"address\":\"whatsapp:+15551234567\",\"channelId\":\"wa_1\"},\
         {\"channel\":\"CHAT\",\"address\":\"dana@example.com\"}]}",
    );
    // UTF-8 on the wire, not \u escapes.
    assert!(request.body.windows(2).any(|w| w == "Ş".as_bytes()));
    let stored = &server.records(&participants())[0];
    assert_eq!(stored["name"], "Dana \"D\" Şahin\n✓");
}

#[tokio::test]
async fn delete_answered_204_or_200_or_202_is_ok_unit() {
    let (server, client) = start().await;
    let account = client.account_sid().to_owned();
    let sids = insert_messages(&server, 3);

    // The local server's own answer: 204 No Content.
    let (): () = Message::delete(&client, &account, &sids[0]).await.unwrap();
    // A 200 with a body, and a 202: success too, the body not read as a Message.
    for (status, sid) in [(200, &sids[1]), (202, &sids[2])] {
        let path = format!("/2010-04-01/Accounts/{account}/Messages/{sid}.json");
        server.answer_once("DELETE", &path, status, &json!({ "unexpected": [1, 2] }));
        let (): () = Message::delete(&client, &account, sid).await.unwrap();
    }
    assert_eq!(server.requests().len(), 3);
    assert!(server.requests().iter().all(|r| r.method == "DELETE"));

    let service = insert_services(&server, 1).remove(0);
    Service::delete(&client, &service).await.unwrap();
    assert!(server.records("/v1/Services").is_empty());
    let missing = Service::delete(&client, &service).await;
    assert_eq!(api_status(missing), 404, "deleted twice");
}

#[tokio::test]
async fn conversation_v2_every_operation_with_patch_updates() {
    let (server, client) = start().await;
    let created = Conversation::create(
        &client,
        &ConversationChanges {
            name: Some("Support".into()),
            configuration_id: Some("conv_configuration_01".into()),
            ..ConversationChanges::default()
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 0),
        "POST",
        "/v2/Conversations",
        JSON,
        r#"{"name":"Support","configurationId":"conv_configuration_01"}"#,
    );
    let id = created.id.clone().unwrap();
    assert!(id.starts_with("conv_conversation_"), "{id}");
    let instance = format!("/v2/Conversations/{id}");

    let fetched = Conversation::fetch(&client, &id).await.unwrap();
    assert_request(&only_request_since(&server, 1), "GET", &instance, None, "");
    assert_eq!(fetched, created);

    let closed = Conversation::update(
        &client,
        &id,
        &ConversationChanges {
            status: Some("CLOSED".into()),
            ..ConversationChanges::default()
        },
    )
    .await
    .unwrap();
    assert_request(
        &only_request_since(&server, 2),
        "PATCH",
        &instance,
        JSON,
        r#"{"status":"CLOSED"}"#,
    );
    assert_eq!(closed.status.as_deref(), Some("CLOSED"));
    assert_eq!(closed.name.as_deref(), Some("Support"), "merged");

    let filter = ConversationFilter {
        status: Some("CLOSED".into()),
        channel_id: None,
    };
    let listed = Conversation::list(&client, &filter)
        .page_size(10)
        .collect_all()
        .await
        .unwrap();
    assert_request(
        &only_request_since(&server, 3),
        "GET",
        "/v2/Conversations?status=CLOSED&pageSize=10",
        None,
        "",
    );
    assert_eq!(listed, [closed]);

    Conversation::delete(&client, &id).await.unwrap();
    assert_request(
        &only_request_since(&server, 4),
        "DELETE",
        &instance,
        None,
        "",
    );
}
