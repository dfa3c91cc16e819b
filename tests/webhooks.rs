//! The webhook extractor under an independent signer: signed requests pass and are decoded;
//! tampered, forged, replayed, unsigned, wrongly keyed and mis-routed ones get `403` before the
//! handler runs. And the local server's signed status callbacks, end to end.

mod webhook_support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{Router, extract::State};
use serde::Serialize;
use twilio_local_server::LocalServer;
use twilio_resource::webhook::{
    ConversationsEvent, IncomingMessage, MessageStatus, MessageStatusCallback, UrlSettings,
    Validator, Webhook, WebhookConfig,
};
use twilio_resource::{Client, twilio_resource};
use webhook_support::{
    post_form, raw, serve, sha256_hex, twilio_signature, twilio_signature_sha256,
};

const TOKEN: &str = "test-auth-token";

/// What the handlers saw, to prove a refused request never reached them.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn push(&self, what: String) {
        self.0.lock().unwrap().push(what);
    }
    fn all(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

#[derive(Clone)]
struct AppState {
    webhooks: WebhookConfig,
    seen: Seen,
}

impl axum::extract::FromRef<AppState> for WebhookConfig {
    fn from_ref(state: &AppState) -> Self {
        state.webhooks.clone()
    }
}

fn app(webhooks: WebhookConfig, seen: Seen) -> Router {
    let state = AppState { webhooks, seen };
    let hooks = Router::new().route(
        "/sms",
        post(
            |State(state): State<AppState>, hook: Webhook<IncomingMessage>| async move {
                state.seen.push(format!("sms {}", hook.payload.body));
                format!(
                    "{}|{}|{}|{}",
                    hook.payload.body,
                    hook.payload.media.len(),
                    hook.idempotency_token.unwrap_or_default(),
                    hook.url
                )
            },
        ),
    );
    Router::new()
        .merge(hooks.clone())
        .nest("/nested", hooks)
        .route(
            "/status",
            post(
                |State(state): State<AppState>, hook: Webhook<MessageStatusCallback>| async move {
                    state
                        .seen
                        .push(format!("status {}", hook.payload.message_status));
                },
            ),
        )
        .route(
            "/events",
            post(
                |State(state): State<AppState>, hook: Webhook<ConversationsEvent>| async move {
                    state
                        .seen
                        .push(format!("event {}", hook.payload.event_type));
                    hook.payload.messaging_binding_address.join(",")
                },
            ),
        )
        .route(
            "/json",
            post(
                |State(state): State<AppState>, hook: Webhook<serde_json::Value>| async move {
                    state.seen.push(format!("json {}", hook.payload));
                },
            ),
        )
        .route(
            "/voice",
            get(
                |State(state): State<AppState>, hook: Webhook<serde_json::Value>| async move {
                    state.seen.push(format!("get {}", hook.payload["CallSid"]));
                },
            ),
        )
        .layer(DefaultBodyLimit::max(4096))
        .with_state(state)
}

async fn start(config: WebhookConfig) -> (std::net::SocketAddr, Seen) {
    let seen = Seen::default();
    let addr = serve(app(config, seen.clone())).await;
    (addr, seen)
}

fn direct() -> WebhookConfig {
    WebhookConfig::new(Validator::new(TOKEN))
}

const SMS: [(&str, &str); 6] = [
    ("MessageSid", "SM0123"),
    ("AccountSid", "AC0123"),
    ("From", "+15551230000"),
    ("To", "+15557654321"),
    ("Body", "Hi & 'bye' + more"),
    ("NumMedia", "0"),
];

#[tokio::test]
async fn a_signed_form_is_verified_and_decoded() {
    let (addr, seen) = start(direct()).await;
    // `'` and `+` in the query arrive as sent and are signed that way.
    let target = "/sms?name=O'Brien&tag=a+b&pct=%27";
    let url = format!("http://{addr}{target}");
    let signature = twilio_signature(TOKEN, &url, &SMS);
    let token = [("I-Twilio-Idempotency-Token", "idem-123")];
    let answer = post_form(addr, target, Some(&signature), &SMS, &token).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(answer.body, format!("Hi & 'bye' + more|0|idem-123|{url}"));
    assert_eq!(seen.all(), ["sms Hi & 'bye' + more"]);
}

#[tokio::test]
async fn repeated_keys_in_any_order_and_media() {
    let (addr, seen) = start(direct()).await;
    let url = format!("http://{addr}/events");
    let params = [
        ("MessagingBinding.Address", "+2"),
        ("EventType", "onParticipantAdded"),
        ("MessagingBinding.Address", "+1"),
        ("ConversationSid", "CH1"),
        ("MessagingBinding.Address", "+2"),
    ];
    let signature = twilio_signature(TOKEN, &url, &params);
    let answer = post_form(addr, "/events", Some(&signature), &params, &[]).await;
    assert_eq!((answer.status, answer.body.as_str()), (200, "+2,+1,+2"));
    assert_eq!(seen.all(), ["event onParticipantAdded"]);

    let mut mms = SMS.to_vec();
    mms.extend([
        ("MediaUrl1", "https://m/2"),
        ("MediaContentType0", "image/png"),
        ("MediaUrl0", "https://m/1"),
        ("MediaContentType1", "image/gif"),
    ]);
    let url = format!("http://{addr}/sms");
    let signature = twilio_signature(TOKEN, &url, &mms);
    let answer = post_form(addr, "/sms", Some(&signature), &mms, &[]).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert!(
        answer.body.starts_with("Hi & 'bye' + more|2|"),
        "{answer:?}"
    );
}

#[tokio::test]
async fn tampered_forged_unsigned_and_wrongly_keyed_requests_get_403_before_the_handler() {
    let (addr, seen) = start(direct()).await;
    let url = format!("http://{addr}/sms");
    let good = twilio_signature(TOKEN, &url, &SMS);

    let mut tampered = SMS;
    tampered[4].1 = "Send me money";
    let forged = twilio_signature("another-token", &url, &SMS);
    let other_url = twilio_signature(TOKEN, &format!("http://{addr}/other"), &SMS);
    let https = twilio_signature(TOKEN, &format!("https://{addr}/sms"), &SMS);
    type Case<'a> = (&'a str, Option<&'a str>, &'a [(&'a str, &'a str)]);
    let cases: [Case<'_>; 7] = [
        ("tampered body", Some(&good), &tampered),
        ("dropped parameter", Some(&good), &SMS[..5]),
        ("forged with another token", Some(&forged), &SMS),
        ("signed for another path", Some(&other_url), &SMS),
        ("signed for https", Some(&https), &SMS),
        ("no signature", None, &SMS),
        ("garbage signature", Some("!!!"), &SMS),
    ];
    for (what, signature, params) in cases {
        let answer = post_form(addr, "/sms", signature, params, &[]).await;
        assert_eq!(answer.status, 403, "{what}: {answer:?}");
    }
    let blank = post_form(addr, "/sms", Some(""), &SMS, &[]).await;
    assert_eq!(blank.status, 403);
    assert!(blank.body.contains("no X-Twilio-Signature"), "{blank:?}");
    assert!(seen.all().is_empty(), "a handler ran: {:?}", seen.all());

    // The server holding the wrong token refuses the genuine request.
    let (wrong, wrong_seen) = start(WebhookConfig::new(Validator::new("rotated-away"))).await;
    let url = format!("http://{wrong}/sms");
    let signature = twilio_signature(TOKEN, &url, &SMS);
    let answer = post_form(wrong, "/sms", Some(&signature), &SMS, &[]).await;
    assert_eq!(answer.status, 403);
    assert!(wrong_seen.all().is_empty());
    // And accepts it once the old token is the secondary one.
    let (rotating, _) = start(WebhookConfig::new(
        Validator::new("rotated-in").secondary_auth_token(TOKEN),
    ))
    .await;
    let url = format!("http://{rotating}/sms");
    let signature = twilio_signature(TOKEN, &url, &SMS);
    let answer = post_form(rotating, "/sms", Some(&signature), &SMS, &[]).await;
    assert_eq!(answer.status, 200, "{answer:?}");
}

#[tokio::test]
async fn json_bodies_need_their_hash_and_cannot_be_swapped() {
    let (addr, seen) = start(direct()).await;
    let body = br#"{"property": "value", "boolean": true}"#;
    let target = format!("/json?bodySHA256={}", sha256_hex(body));
    let signature = twilio_signature(TOKEN, &format!("http://{addr}{target}"), &[]);
    fn json(sig: &str) -> [(&str, &str); 2] {
        [
            ("Content-Type", "application/json"),
            ("X-Twilio-Signature", sig),
        ]
    }

    let answer = raw(addr, "POST", &target, &json(&signature), body).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    // Replayed with a changed body.
    let swapped = br#"{"property": "evil", "boolean": true}"#;
    let answer = raw(addr, "POST", &target, &json(&signature), swapped).await;
    assert_eq!(answer.status, 403, "{answer:?}");
    // A JSON body without bodySHA256 in its URL: the signature covers no body, refused.
    let bare = twilio_signature(TOKEN, &format!("http://{addr}/json"), &[]);
    let answer = raw(addr, "POST", "/json", &json(&bare), swapped).await;
    assert_eq!(answer.status, 403, "{answer:?}");
    assert!(answer.body.contains("bodySHA256"), "{answer:?}");
    // The same JSON sent as a form would be checked as an empty form: refused too.
    let as_form = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("X-Twilio-Signature", signature.as_str()),
    ];
    let answer = raw(addr, "POST", &target, &as_form, b"").await;
    assert_eq!(answer.status, 403, "{answer:?}");
    assert_eq!(seen.all(), [r#"json {"boolean":true,"property":"value"}"#]);
}

#[tokio::test]
async fn behind_a_proxy_the_url_must_be_configured_or_trusted() {
    let public = "https://hooks.example.com";
    let signed_public = twilio_signature(TOKEN, &format!("{public}/sms"), &SMS);
    let proxy = [
        ("X-Forwarded-For", "203.0.113.9"),
        ("X-Forwarded-Proto", "https"),
    ];

    // Nothing configured: a proxied request is refused even when signed for its Host URL.
    let (addr, seen) = start(direct()).await;
    let signed_host = twilio_signature(TOKEN, &format!("http://{addr}/sms"), &SMS);
    for signature in [&signed_host, &signed_public] {
        let answer = post_form(addr, "/sms", Some(signature), &SMS, &proxy).await;
        assert_eq!(answer.status, 403, "{answer:?}");
        assert!(answer.body.contains("proxy"), "{answer:?}");
    }
    assert!(seen.all().is_empty());

    // A configured public base URL: the signature for it passes, with or without `:443`.
    let configured = direct().url_settings(UrlSettings::new().public_base_url(public));
    let (addr, seen) = start(configured).await;
    let answer = post_form(addr, "/sms", Some(&signed_public), &SMS, &proxy).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let with_port = twilio_signature(TOKEN, &format!("{public}:443/sms"), &SMS);
    let answer = post_form(addr, "/sms", Some(&with_port), &SMS, &proxy).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    // Under a nested router the original path is the one signed.
    let nested = twilio_signature(TOKEN, &format!("{public}/nested/sms"), &SMS);
    let answer = post_form(addr, "/nested/sms", Some(&nested), &SMS, &proxy).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(seen.all().len(), 3);

    // A trusted proxy: its forwarded scheme and host make the URL.
    let trusted = direct().url_settings(UrlSettings::new().trust_forwarded_headers(true));
    let (addr, _) = start(trusted).await;
    let forwarded = [
        ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-Host", "hooks.example.com"),
    ];
    let answer = post_form(addr, "/sms", Some(&signed_public), &SMS, &forwarded).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    // The `http` URL the app sees is not what Twilio signed.
    let http_forwarded = [
        ("X-Forwarded-Proto", "http"),
        ("X-Forwarded-Host", "hooks.example.com"),
    ];
    let answer = post_form(addr, "/sms", Some(&signed_public), &SMS, &http_forwarded).await;
    assert_eq!(answer.status, 403, "{answer:?}");
}

#[tokio::test]
async fn get_webhooks_shared_keys_limits_and_bad_payloads() {
    let (addr, seen) = start(direct()).await;
    // GET: the parameters are in the signed URL.
    let target = "/voice?CallSid=CA1&From=%2B1555";
    let signature = twilio_signature(TOKEN, &format!("http://{addr}{target}"), &[]);
    let answer = raw(
        addr,
        "GET",
        target,
        &[("X-Twilio-Signature", &signature)],
        b"",
    )
    .await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let answer = raw(
        addr,
        "GET",
        "/voice?CallSid=CA2&From=%2B1555",
        &[("X-Twilio-Signature", &signature)],
        b"",
    )
    .await;
    assert_eq!(answer.status, 403);
    assert_eq!(seen.all(), ["get \"CA1\""]);

    // Over the body limit: 413, never decoded.
    let big = "x".repeat(8192);
    let params = [("Body", big.as_str())];
    let signature = twilio_signature(TOKEN, &format!("http://{addr}/sms"), &params);
    let answer = post_form(addr, "/sms", Some(&signature), &params, &[]).await;
    assert_eq!(answer.status, 413, "{answer:?}");
    // Neither form nor JSON: 415.
    let answer = raw(
        addr,
        "POST",
        "/sms",
        &[
            ("Content-Type", "text/plain"),
            ("X-Twilio-Signature", &signature),
        ],
        b"hi",
    )
    .await;
    assert_eq!(answer.status, 415, "{answer:?}");
    // Genuine but not an incoming message (no MessageSid): 400 after verification.
    let params = [("Body", "hi")];
    let signature = twilio_signature(TOKEN, &format!("http://{addr}/sms"), &params);
    let answer = post_form(addr, "/sms", Some(&signature), &params, &[]).await;
    assert_eq!(answer.status, 400, "{answer:?}");
    assert!(answer.body.contains("IncomingMessage"), "{answer:?}");

    // Shared-key signing (HMAC-SHA256, announced by a header).
    let shared = WebhookConfig::new(Validator::new(TOKEN).shared_key("shared-secret"));
    let (addr, seen) = start(shared).await;
    let url = format!("http://{addr}/voice?CallSid=CA9");
    let sha256 = twilio_signature_sha256("shared-secret", &url);
    let headers = [
        ("X-Twilio-Signature", sha256.as_str()),
        (
            "X-Twilio-Webhooks-Signature-Settings",
            "key=KS1,algorithm=HMAC_SHA256",
        ),
    ];
    let answer = raw(addr, "GET", "/voice?CallSid=CA9", &headers, b"").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let answer = raw(addr, "GET", "/voice?CallSid=CA9", &headers[..1], b"").await;
    assert_eq!(
        answer.status, 403,
        "the SHA-256 signature alone is not an auth-token one"
    );
    assert_eq!(seen.all().len(), 1);
}

#[twilio_resource(
    path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
    base_url = "https://api.twilio.com",
    rename_all = "snake_case",
    create = CreateMessage,
)]
struct Message {
    sid: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct CreateMessage {
    to: String,
    from: String,
    body: String,
    status_callback: String,
}

#[tokio::test]
async fn the_local_server_posts_signed_status_callbacks() {
    let twilio = LocalServer::start().await.unwrap();
    let (addr, seen) = start(WebhookConfig::new(Validator::new(twilio.auth_token()))).await;
    let client = Client::builder()
        .account_sid(twilio.account_sid())
        .auth_token(twilio.auth_token())
        .base_url(twilio.base_url())
        .build()
        .unwrap();
    let body = CreateMessage {
        to: "+15551230000".into(),
        from: "+15557654321".into(),
        body: "Hello".into(),
        status_callback: format!("http://{addr}/status"),
    };
    let sent = Message::create(&client, client.account_sid(), &body)
        .await
        .unwrap();
    assert!(sent.sid.is_some());
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while seen.all().len() < 3 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Each was verified by the extractor (else the handler would not have run), in order.
    assert_eq!(
        seen.all(),
        ["status queued", "status sent", "status delivered"]
    );
    assert_eq!(
        MessageStatus::from("delivered"),
        MessageStatus::Delivered,
        "the callbacks decode to known statuses"
    );

    // A server that does not hold this account's token refuses them all.
    let (strict, strict_seen) = start(WebhookConfig::new(Validator::new("not-it"))).await;
    let refused = twilio
        .send_webhook(
            &format!("http://{strict}/status"),
            &[("MessageSid", "SM1"), ("MessageStatus", "sent")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 403);
    assert!(strict_seen.all().is_empty());
}
