//! Account SID and auth token, or API key and secret; read from the environment; never printed.

use std::fmt;

use base64::Engine as _;
use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};

use crate::Error;

/// Who the client authenticates as. The secret lives in a [`SecretString`], which redacts itself
/// and is zeroed on drop.
#[derive(Clone)]
pub(crate) enum Credentials {
    /// The account SID is the Basic-auth user.
    AuthToken {
        account_sid: String,
        token: SecretString,
    },
    /// The key SID is the Basic-auth user; the account SID names the account only.
    ApiKey {
        account_sid: String,
        key_sid: String,
        secret: SecretString,
    },
}

impl Credentials {
    /// `TWILIO_ACCOUNT_SID` with `TWILIO_API_KEY` + `TWILIO_API_SECRET` (preferred, as Twilio
    /// recommends API keys) or `TWILIO_AUTH_TOKEN`. `lookup` treats empty values as missing.
    pub(crate) fn from_lookup(
        lookup: impl Fn(&'static str) -> Option<String>,
    ) -> Result<Self, Error> {
        let var = |name: &'static str| {
            lookup(name)
                .filter(|value| !value.is_empty())
                .ok_or(Error::MissingEnv { variable: name })
        };
        let account_sid = var("TWILIO_ACCOUNT_SID")?;
        if let Ok(key_sid) = var("TWILIO_API_KEY") {
            let secret = var("TWILIO_API_SECRET")?;
            return Ok(Self::ApiKey {
                account_sid,
                key_sid,
                secret: secret.into(),
            });
        }
        Ok(Self::AuthToken {
            account_sid,
            token: var("TWILIO_AUTH_TOKEN")?.into(),
        })
    }

    pub(crate) fn account_sid(&self) -> &str {
        match self {
            Self::AuthToken { account_sid, .. } | Self::ApiKey { account_sid, .. } => account_sid,
        }
    }

    /// The `Authorization: Basic …` value, marked sensitive so `http`'s Debug hides it too.
    pub(crate) fn authorization(&self) -> Result<HeaderValue, Error> {
        let (user, secret) = match self {
            Self::AuthToken { account_sid, token } => (account_sid, token),
            Self::ApiKey {
                key_sid, secret, ..
            } => (key_sid, secret),
        };
        if user.is_empty() {
            return Err(Error::config("the account SID (or API key SID) is empty"));
        }
        if secret.expose_secret().is_empty() {
            return Err(Error::config("the auth token (or API key secret) is empty"));
        }
        let pair = format!("{user}:{}", secret.expose_secret());
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        let mut value = HeaderValue::try_from(format!("Basic {encoded}"))
            .map_err(|_| Error::config("the credentials cannot form an Authorization header"))?;
        value.set_sensitive(true);
        Ok(value)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Credentials");
        s.field("account_sid", &self.account_sid());
        match self {
            Self::ApiKey { key_sid, .. } => s
                .field("api_key", key_sid)
                .field("api_secret", &"[redacted]"),
            Self::AuthToken { .. } => s.field("auth_token", &"[redacted]"),
        };
        s.finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&'static str, &str)]) -> impl Fn(&'static str) -> Option<String> {
        let map: HashMap<&'static str, String> =
            pairs.iter().map(|(k, v)| (*k, v.to_string())).collect();
        move |name| map.get(name).cloned()
    }

    fn missing(result: Result<Credentials, Error>) -> &'static str {
        match result {
            Err(Error::MissingEnv { variable }) => variable,
            other => panic!("expected MissingEnv, got {other:?}"),
        }
    }

    #[test]
    fn reads_sid_and_token() {
        let creds = Credentials::from_lookup(env(&[
            ("TWILIO_ACCOUNT_SID", "AC1"),
            ("TWILIO_AUTH_TOKEN", "tok"),
        ]))
        .unwrap();
        assert_eq!(creds.account_sid(), "AC1");
        // base64("AC1:tok")
        assert_eq!(creds.authorization().unwrap(), "Basic QUMxOnRvaw==");
    }

    #[test]
    fn prefers_an_api_key() {
        let creds = Credentials::from_lookup(env(&[
            ("TWILIO_ACCOUNT_SID", "AC1"),
            ("TWILIO_AUTH_TOKEN", "tok"),
            ("TWILIO_API_KEY", "SK1"),
            ("TWILIO_API_SECRET", "sec"),
        ]))
        .unwrap();
        // base64("SK1:sec")
        assert_eq!(creds.authorization().unwrap(), "Basic U0sxOnNlYw==");
        assert_eq!(creds.account_sid(), "AC1");
    }

    #[test]
    fn names_the_missing_variable() {
        assert_eq!(
            missing(Credentials::from_lookup(env(&[]))),
            "TWILIO_ACCOUNT_SID"
        );
        assert_eq!(
            missing(Credentials::from_lookup(env(&[(
                "TWILIO_ACCOUNT_SID",
                "AC1"
            )]))),
            "TWILIO_AUTH_TOKEN"
        );
        assert_eq!(
            missing(Credentials::from_lookup(env(&[
                ("TWILIO_ACCOUNT_SID", "AC1"),
                ("TWILIO_API_KEY", "SK1")
            ]))),
            "TWILIO_API_SECRET"
        );
        assert_eq!(
            missing(Credentials::from_lookup(env(&[
                ("TWILIO_ACCOUNT_SID", ""),
                ("TWILIO_AUTH_TOKEN", "t")
            ]))),
            "TWILIO_ACCOUNT_SID"
        );
    }

    #[test]
    fn debug_redacts_the_secret() {
        let creds = Credentials::ApiKey {
            account_sid: "AC1".into(),
            key_sid: "SK1".into(),
            secret: "hunter2-secret".into(),
        };
        let text = format!("{creds:?} {:?}", creds.authorization().unwrap());
        assert!(!text.contains("hunter2"), "{text}");
        assert!(!text.contains("U0sxOmh1bnRlcjI"), "{text}");
        assert!(text.contains("AC1") && text.contains("SK1"), "{text}");
    }
}
