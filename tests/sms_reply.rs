//! The `sms_reply` example end to end: the local server delivers a signed incoming message to
//! the example's own app, which answers TwiML; tampered, forged and unsigned requests get `403`.

#[allow(dead_code)] // the example's `main` is not run here
#[path = "../examples/sms_reply.rs"]
mod sms_reply;
mod webhook_support;

use twilio_local_server::{IncomingMessage, LocalServer};
use twilio_resource::webhook::{Validator, WebhookConfig};
use webhook_support::{post_form, serve, twilio_signature};

#[tokio::test]
async fn the_example_answers_signed_messages_and_refuses_the_rest() {
    let twilio = LocalServer::start().await.unwrap();
    let addr = serve(sms_reply::app(WebhookConfig::new(Validator::new(
        twilio.auth_token(),
    ))))
    .await;
    let url = format!("http://{addr}/sms");

    let hello = IncomingMessage::new("+15551230000", "+15557654321", "Hello <there> & you")
        .media("https://example.com/a.jpg", "image/jpeg");
    let answer = twilio.send_incoming_message(&url, hello).await.unwrap();
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(
        answer.content_type.as_deref(),
        Some("text/xml; charset=utf-8")
    );
    assert_eq!(
        answer.body,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>\
         Got \"Hello &lt;there&gt; &amp; you\" and 1 attachment(s) from +15551230000.\
         </Message></Response>"
    );
    let owl = IncomingMessage::new("+15551230000", "+15557654321", "owl");
    let answer = twilio.send_incoming_message(&url, owl).await.unwrap();
    assert!(
        answer
            .body
            .contains("<Media>https://demo.twilio.com/owl.png</Media>"),
        "{answer:?}"
    );

    // Refused: forged by a sender without the token, tampered after signing, unsigned.
    let impostor = LocalServer::builder()
        .credentials(twilio.account_sid(), "guessed-token")
        .start()
        .await
        .unwrap();
    let forged = impostor
        .send_incoming_message(&url, IncomingMessage::new("+1", "+2", "hi"))
        .await
        .unwrap();
    assert_eq!(forged.status, 403, "{forged:?}");

    let params = [
        ("MessageSid", "SM1"),
        ("AccountSid", twilio.account_sid()),
        ("From", "+15551230000"),
        ("To", "+15557654321"),
        ("Body", "Hello"),
    ];
    let signature = twilio_signature(twilio.auth_token(), &url, &params);
    let genuine = post_form(addr, "/sms", Some(&signature), &params, &[]).await;
    assert_eq!(genuine.status, 200, "{genuine:?}");
    let mut tampered = params;
    tampered[4].1 = "Hello, send the code to +1999";
    let answer = post_form(addr, "/sms", Some(&signature), &tampered, &[]).await;
    assert_eq!(answer.status, 403, "{answer:?}");
    let answer = post_form(addr, "/sms", None, &params, &[]).await;
    assert_eq!(answer.status, 403, "{answer:?}");
}
