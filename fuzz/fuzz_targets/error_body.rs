//! Error bodies and `Retry-After` values as the client reads them: any bytes, any status.
//! Never panics; the message always names the status; an excerpt stays bounded; a 401 names the
//! account SID.
//!
//! Input layout (so corpus entries are plain files): two bytes of status, the body, then after
//! the last NUL byte a `Retry-After` value.
#![no_main]

use std::time::{Duration, SystemTime};

use libfuzzer_sys::fuzz_target;
use twilio_resource::__fuzz::{parse_error_body, parse_retry_after};

const ACCOUNT_SID: &str = "AC00000000000000000000000000000000";

fuzz_target!(|data: &[u8]| {
    let [hi, lo, rest @ ..] = data else {
        return;
    };
    let status = 400 + u16::from_be_bytes([*hi, *lo]) % 200;
    let (body, retry_after) = match rest.iter().rposition(|&b| b == 0) {
        Some(nul) => (&rest[..nul], String::from_utf8_lossy(&rest[nul + 1..])),
        None => (rest, "".into()),
    };
    let api = parse_error_body(status, body, ACCOUNT_SID);
    assert_eq!(api.status, status);
    let message = api.to_string();
    assert!(message.contains(&status.to_string()), "{message}");
    if status == 401 {
        assert!(message.contains(ACCOUNT_SID), "{message}");
    }
    if let Some(excerpt) = &api.body_excerpt {
        // 200 characters, each escaped to at most 10 (`\u{10ffff}`), plus the ellipsis.
        assert!(excerpt.chars().count() <= 200 * 10 + 1, "{excerpt}");
        assert!(!excerpt.chars().any(char::is_control), "{excerpt}");
    }

    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    if let Some(wait) = parse_retry_after(&retry_after, now) {
        // Only delay-seconds or a date can yield a wait; a date cannot be further than year 9999.
        let trimmed = retry_after.trim();
        assert!(
            trimmed.bytes().all(|b| b.is_ascii_digit())
                || wait < Duration::from_secs(300_000_000_000),
            "{retry_after:?} -> {wait:?}"
        );
    }
});
