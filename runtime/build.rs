//! Writes the User-Agent header at build time, the shape of Twilio's own helpers:
//! `twilio-resource/<version> (<os> <arch>) rust/<rustc version>`. A constant, so every request
//! copies a pointer rather than a reference-counted string.

use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let rustc_version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| text.split_whitespace().nth(1).map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned());
    let target = |key: &str| std::env::var(key).unwrap_or_else(|_| "unknown".to_owned());
    let agent = format!(
        "twilio-resource/{} ({} {}) rust/{}",
        target("CARGO_PKG_VERSION"),
        target("CARGO_CFG_TARGET_OS"),
        target("CARGO_CFG_TARGET_ARCH"),
        rustc_version,
    );
    // Visible ASCII and spaces only: the constant header value is then valid by construction
    // (and `HeaderValue::from_static` checks it at compile time).
    let agent: String = agent
        .chars()
        .map(|c| {
            if c == ' ' || c.is_ascii_graphic() {
                c
            } else {
                '_'
            }
        })
        .collect();
    println!("cargo:rustc-env=TWILIO_RESOURCE_USER_AGENT={agent}");
    println!("cargo:rerun-if-env-changed=RUSTC");
}
