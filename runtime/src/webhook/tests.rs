//! The published test vectors, the refusals, and sign/validate properties.

use proptest::prelude::*;

use super::*;

const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
const CALL: [(&str, &str); 5] = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+14158675309"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
];
const JSON_BODY: &str = r#"{"property": "value", "boolean": true}"#;
const JSON_HASH: &str = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

fn validator() -> Validator {
    Validator::new("12345")
}

#[test]
fn the_published_vectors_pass() {
    let v = validator();
    v.validate(URL, CALL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        .unwrap();
    assert_eq!(v.sign(URL, CALL), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    // The same request signed with `:443`: it validates both with and without the port.
    let with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    assert_eq!(v.sign(with_port, CALL), "kvajT1Ptam85bY51eRf/AJRuM3w=");
    v.validate(URL, CALL, "kvajT1Ptam85bY51eRf/AJRuM3w=")
        .unwrap();
    v.validate(with_port, CALL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        .unwrap();
    v.validate(with_port, CALL, "kvajT1Ptam85bY51eRf/AJRuM3w=")
        .unwrap();
    // Repeated keys, values de-duplicated and sorted.
    let repeated = [
        ("Sid", "CA123"),
        ("SidAccount", "AC123"),
        ("Digits", "5678"),
        ("Digits", "1234"),
        ("Digits", "1234"),
    ];
    v.validate(URL, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
        .unwrap();
    // JSON body.
    assert_eq!(body_sha256(JSON_BODY.as_bytes()), JSON_HASH);
    let body_url = format!("{URL}&bodySHA256={JSON_HASH}");
    v.validate_body(&body_url, JSON_BODY, "a9nBmqA0ju/hNViExpshrM61xv4=")
        .unwrap();
    assert_eq!(
        v.sign_body(URL, JSON_BODY),
        (body_url, "a9nBmqA0ju/hNViExpshrM61xv4=".to_owned())
    );
}

#[test]
fn params_are_accepted_in_every_usual_shape() {
    let v = validator();
    let sig = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    let owned: Vec<(String, String)> = CALL
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    v.validate(URL, &owned, sig).unwrap();
    // URL and signature as owned or borrowed strings alike.
    let (url, signature) = (URL.to_owned(), sig.to_owned());
    v.validate(&url, &owned, &signature).unwrap();
    v.validate(url, &owned, signature).unwrap();
    v.validate(URL, owned.clone(), sig).unwrap();
    v.validate(URL, &CALL[..], sig).unwrap();
    let map: std::collections::HashMap<_, _> = CALL.into_iter().collect();
    v.validate(URL, &map, sig).unwrap();
    let params: Params = CALL.into_iter().collect();
    v.validate(URL, &params, sig).unwrap();
    let form = Params::from_form(
        b"To=%2B18005551212&From=%2B14158675309&Digits=1234&Caller=%2B14158675309&CallSid=CA1234567890ABCDE",
    );
    v.validate(URL, &form, sig).unwrap();
}

#[test]
fn repeated_keys_validate_in_any_order() {
    let v = validator();
    let orders = [
        [
            ("Digits", "5678"),
            ("Digits", "1234"),
            ("Sid", "CA123"),
            ("SidAccount", "AC123"),
        ],
        [
            ("SidAccount", "AC123"),
            ("Digits", "1234"),
            ("Sid", "CA123"),
            ("Digits", "5678"),
        ],
        [
            ("Digits", "1234"),
            ("SidAccount", "AC123"),
            ("Digits", "5678"),
            ("Sid", "CA123"),
        ],
    ];
    for order in orders {
        v.validate(URL, order, "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
            .unwrap();
    }
    // Losing one of the repeated values is a different request.
    let first_only = [
        ("Sid", "CA123"),
        ("SidAccount", "AC123"),
        ("Digits", "5678"),
    ];
    assert_eq!(
        v.validate(URL, first_only, "IK+Dwps556ElfBT0I3Rgjkr1wJU="),
        Err(WebhookError::SignatureMismatch)
    );
}

#[test]
fn apostrophes_and_plus_in_the_query_are_signed_as_received() {
    let v = validator();
    let url = "https://example.com/sms?name=O'Brien&tag=a+b&enc=%27";
    let sig = v.sign(url, [("Body", "hi")]);
    v.validate(url, [("Body", "hi")], &sig).unwrap();
    // A re-encoded URL (as `url::Url` or WHATWG parsers write it) is another URL.
    for reencoded in [
        "https://example.com/sms?name=O%27Brien&tag=a+b&enc=%27",
        "https://example.com/sms?name=O'Brien&tag=a%20b&enc=%27",
        "https://example.com/sms?name=O'Brien&tag=a+b&enc='",
    ] {
        assert_eq!(
            v.validate(reencoded, [("Body", "hi")], &sig),
            Err(WebhookError::SignatureMismatch),
            "{reencoded}"
        );
    }
}

#[test]
fn forged_tampered_and_incomplete_requests_are_refused() {
    let v = validator();
    let sig = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    // Forged: a well-formed signature made with another key.
    let forged = Validator::new("not the token").sign(URL, CALL);
    assert_eq!(
        v.validate(URL, CALL, &forged),
        Err(WebhookError::SignatureMismatch)
    );
    // Wrong token on our side.
    assert_eq!(
        Validator::new("54321").validate(URL, CALL, sig),
        Err(WebhookError::SignatureMismatch)
    );
    // A changed value, an added or a removed parameter.
    let mut changed = CALL;
    changed[2].1 = "9999";
    assert_eq!(
        v.validate(URL, changed, sig),
        Err(WebhookError::SignatureMismatch)
    );
    let added = CALL.iter().copied().chain([("Extra", "1")]);
    assert_eq!(
        v.validate(URL, added, sig),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        v.validate(URL, &CALL[1..], sig),
        Err(WebhookError::SignatureMismatch)
    );
    // Another scheme, host, path or port.
    for url in [
        "http://mycompany.com/myapp.php?foo=1&bar=2",
        "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
        "https://mycompany.com/myapp.php?foo=1&bar=3",
        "https://evil.com/myapp.php?foo=1&bar=2",
    ] {
        assert_eq!(
            v.validate(url, CALL, sig),
            Err(WebhookError::SignatureMismatch),
            "{url}"
        );
    }
    // Missing or malformed headers.
    assert_eq!(
        v.validate(URL, CALL, ""),
        Err(WebhookError::MissingSignature)
    );
    assert_eq!(
        v.validate(URL, CALL, "  "),
        Err(WebhookError::MissingSignature)
    );
    assert_eq!(
        v.validate(URL, CALL, "not base64!"),
        Err(WebhookError::MalformedSignature)
    );
    assert_eq!(
        v.validate(URL, CALL, "AAAA"),
        Err(WebhookError::MalformedSignature)
    );
}

#[test]
fn json_bodies_are_bound_to_the_signed_hash() {
    let v = validator();
    let body_url = format!("{URL}&bodySHA256={JSON_HASH}");
    let sig = "a9nBmqA0ju/hNViExpshrM61xv4=";
    // Replayed with a changed body.
    assert_eq!(
        v.validate_body(&body_url, r#"{"property": "evil", "boolean": true}"#, sig),
        Err(WebhookError::BodyHashMismatch)
    );
    // A JSON body whose URL carries no hash: the signature would cover no body at all.
    let sig_without_hash = v.sign(URL, std::iter::empty::<(&str, &str)>());
    assert_eq!(
        v.validate_body(URL, JSON_BODY, &sig_without_hash),
        Err(WebhookError::MissingBodyHash)
    );
    // The same request checked as an empty form would skip the body: refused.
    assert_eq!(
        v.validate(&body_url, std::iter::empty::<(&str, &str)>(), sig),
        Err(WebhookError::UnexpectedBodyHash)
    );
    // A hash that was changed in the URL breaks the signature.
    let other = format!("{URL}&bodySHA256={}", body_sha256(b"{}"));
    assert_eq!(
        v.validate_body(&other, "{}", sig),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        v.validate_body(format!("{body_url}&bodySHA256={JSON_HASH}"), JSON_BODY, sig),
        Err(WebhookError::RepeatedBodyHash)
    );
    // Upper-case hex in the URL is the same hash.
    let upper = format!("{URL}&bodySHA256={}", JSON_HASH.to_ascii_uppercase());
    let upper_sig = v.sign(&upper, std::iter::empty::<(&str, &str)>());
    v.validate_body(&upper, JSON_BODY, &upper_sig).unwrap();
}

#[test]
fn rotation_and_shared_keys() {
    let rotating = Validator::new("new-token").secondary_auth_token("12345");
    rotating
        .validate(URL, CALL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        .unwrap();
    let fresh = Validator::new("new-token").sign(URL, CALL);
    rotating.validate(URL, CALL, &fresh).unwrap();
    assert_eq!(
        rotating.sign(URL, CALL),
        fresh,
        "signs with the primary token"
    );

    let shared = Validator::new("12345").shared_key("shared-secret");
    let header = "key=KS0123,algorithm=HMAC_SHA256";
    let sig256 = shared
        .sign_with_shared_key(Algorithm::HmacSha256, URL, CALL)
        .unwrap();
    shared
        .validate_with_settings(Some(header), URL, CALL, &sig256)
        .unwrap();
    // The SHA-256 signature is not accepted without the header, nor the auth token's with it.
    assert_eq!(
        shared.validate(URL, CALL, &sig256),
        Err(WebhookError::MalformedSignature)
    );
    assert_eq!(
        shared.validate_with_settings(Some(header), URL, CALL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        Err(WebhookError::MalformedSignature)
    );
    shared
        .validate_with_settings(None, URL, CALL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        .unwrap();
    let forged = Validator::new("x")
        .shared_key("other")
        .sign_with_shared_key(Algorithm::HmacSha256, URL, CALL)
        .unwrap();
    assert_eq!(
        shared.validate_with_settings(Some(header), URL, CALL, &forged),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        validator().validate_with_settings(Some(header), URL, CALL, &sig256),
        Err(WebhookError::NoSharedKey)
    );
    assert_eq!(
        shared.validate_with_settings(Some("key=a,algorithm=MD5"), URL, CALL, &sig256),
        Err(WebhookError::UnsupportedAlgorithm("MD5".to_owned()))
    );
    // Shared keys sign JSON bodies the same way.
    let (body_url, _) = shared.sign_body(URL, JSON_BODY);
    let body_sig = shared
        .sign_with_shared_key(
            Algorithm::HmacSha256,
            &body_url,
            std::iter::empty::<(&str, &str)>(),
        )
        .unwrap();
    shared
        .validate_body_with_settings(Some(header), &body_url, JSON_BODY, &body_sig)
        .unwrap();
}

#[test]
fn an_empty_token_accepts_nothing() {
    let empty = Validator::new("");
    let signed_with_empty = empty.sign(URL, CALL);
    assert_eq!(
        empty.validate(URL, CALL, &signed_with_empty),
        Err(WebhookError::NoKey)
    );
    // An empty secondary token is skipped, the primary still works.
    let v = Validator::new("12345").secondary_auth_token("");
    v.validate(URL, CALL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        .unwrap();
    assert_eq!(
        v.validate(URL, CALL, &signed_with_empty),
        Err(WebhookError::SignatureMismatch)
    );
    let shared = Validator::new("12345").shared_key("");
    assert_eq!(
        shared.validate_with_settings(Some("algorithm=HMAC_SHA256"), URL, CALL, &signed_with_empty),
        Err(WebhookError::NoKey)
    );
}

#[test]
fn secrets_stay_out_of_debug_and_errors() {
    let v = Validator::new("super-secret-token").shared_key("shared-secret-key");
    let debug = format!("{v:?}");
    assert!(
        !debug.contains("super-secret") && !debug.contains("shared-secret"),
        "{debug}"
    );
    let error = v
        .validate(URL, CALL, &v.sign("https://other/", CALL))
        .unwrap_err();
    let expected = v.sign(URL, CALL);
    let shown = format!("{error} {error:?}");
    assert!(
        !shown.contains(&expected) && !shown.contains("secret"),
        "{shown}"
    );
}

fn params_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(("[A-Za-z.]{1,8}", "\\PC{0,12}"), 0..8)
}

fn url_strategy() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["http", "https"]),
        "[a-z]{1,10}\\.(com|io)",
        prop::option::of(prop::sample::select(vec![":80", ":443", ":8080"])),
        "(/[A-Za-z0-9'+%._-]{0,8}){0,3}",
        prop::option::of("[A-Za-z0-9'+%=&._-]{0,16}"),
    )
        .prop_map(|(scheme, host, port, path, query)| {
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            format!("{scheme}://{host}{}{path}{query}", port.unwrap_or_default())
        })
}

/// `text` with the byte at `at` (mod its length) changed, if that keeps it UTF-8.
fn flip(text: &str, at: usize) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    let at = at % bytes.len();
    bytes[at] ^= 0x01;
    String::from_utf8(bytes).ok()
}

proptest! {
    #[test]
    fn sign_then_validate_agree(url in url_strategy(), params in params_strategy(), rotate in 0usize..8) {
        let v = Validator::new("prop-token");
        let sig = v.sign(&url, &params);
        prop_assert_eq!(v.validate(&url, &params, &sig), Ok(()));
        // Any order of the same pairs.
        let mut shuffled = params.clone();
        if !shuffled.is_empty() {
            let len = shuffled.len();
            shuffled.rotate_left(rotate % len);
        }
        prop_assert_eq!(v.validate(&url, &shuffled, &sig), Ok(()));
    }

    #[test]
    fn changing_any_byte_fails(
        url in url_strategy(),
        params in params_strategy(),
        at in any::<usize>(),
        which in any::<usize>(),
    ) {
        let v = Validator::new("prop-token");
        let sig = v.sign(&url, &params);
        if let Some(changed) = flip(&url, at) {
            // A flipped default port toggles into the same URL only if it is the same text.
            if super::url::with_default_port_toggled(&url).as_deref() != Some(changed.as_str()) {
                prop_assert!(v.validate(&changed, &params, &sig).is_err(), "url {}", changed);
            }
        }
        if !params.is_empty() {
            let i = which % params.len();
            let mut keys = params.clone();
            if let Some(key) = flip(&keys[i].0, at) {
                keys[i].0 = key;
                // Flipping a key can recreate one that is already there with this value.
                let mut a = keys.clone(); a.sort(); a.dedup();
                let mut b = params.clone(); b.sort(); b.dedup();
                if a != b {
                    prop_assert!(v.validate(&url, &keys, &sig).is_err());
                }
            }
            let mut values = params.clone();
            if let Some(value) = flip(&values[i].1, at) {
                values[i].1 = value;
                let mut a = values.clone(); a.sort(); a.dedup();
                let mut b = params.clone(); b.sort(); b.dedup();
                if a != b {
                    prop_assert!(v.validate(&url, &values, &sig).is_err());
                }
            }
        }
        let other_key = flip("prop-token", at).unwrap_or_default();
        prop_assert!(Validator::new(other_key).validate(&url, &params, &sig).is_err());
    }

    #[test]
    fn changing_any_byte_of_a_json_body_fails(body in prop::collection::vec(any::<u8>(), 0..64), at in any::<usize>()) {
        let v = Validator::new("prop-token");
        let (url, sig) = v.sign_body("https://example.com/hook?x=1", &body);
        prop_assert_eq!(v.validate_body(&url, &body, &sig), Ok(()));
        if !body.is_empty() {
            let mut changed = body.clone();
            let at = at % changed.len();
            changed[at] ^= 0x01;
            prop_assert_eq!(v.validate_body(&url, &changed, &sig), Err(WebhookError::BodyHashMismatch));
        }
        let mut longer = body.clone();
        longer.push(b' ');
        prop_assert_eq!(v.validate_body(&url, &longer, &sig), Err(WebhookError::BodyHashMismatch));
    }
}
