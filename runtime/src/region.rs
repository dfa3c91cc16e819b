//! Twilio regions and edges: `product.twilio.com` becomes `product.{edge}.{region}.twilio.com`, as
//! Twilio's official helper libraries do with `TWILIO_REGION` and `TWILIO_EDGE`.

use crate::Error;

/// Where requests to `*.twilio.com` are routed. Empty means Twilio's default (US1, global edges).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Routing {
    pub(crate) region: Option<String>,
    pub(crate) edge: Option<String>,
}

/// The region an edge implies when none is given, as in Twilio's helpers.
const DEFAULT_REGION: &str = "us1";

impl Routing {
    pub(crate) fn new(region: Option<String>, edge: Option<String>) -> Result<Self, Error> {
        for (what, value) in [("region", &region), ("edge", &edge)] {
            if let Some(value) = value {
                let valid = !value.is_empty()
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if !valid {
                    return Err(Error::config(format!(
                        "the {what} {value:?} is not a host label: use lowercase letters, digits and `-`, like \"ie1\" or \"dublin\""
                    )));
                }
            }
        }
        Ok(Self { region, edge })
    }

    pub(crate) fn is_default(&self) -> bool {
        self.region.is_none() && self.edge.is_none()
    }

    /// Rewrites `scheme://product[.edge.region].twilio.com[:port]`; any other host is left alone.
    pub(crate) fn apply(&self, base_url: &str) -> Option<String> {
        if self.is_default() {
            return None;
        }
        let (scheme, authority) = base_url.split_once("://")?;
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        let labels: Vec<&str> = host.trim_end_matches('/').split('.').collect();
        let (product, existing_edge, existing_region) = match labels.as_slice() {
            [product, "twilio", "com"] => (*product, None, None),
            [product, region, "twilio", "com"] => (*product, None, Some(*region)),
            [product, edge, region, "twilio", "com"] => (*product, Some(*edge), Some(*region)),
            _ => return None,
        };
        let edge = self.edge.as_deref().or(existing_edge);
        let region = self
            .region
            .as_deref()
            .or(existing_region)
            .or(edge.map(|_| DEFAULT_REGION));
        let mut host = String::from(product);
        for label in [edge, region].into_iter().flatten() {
            host.push('.');
            host.push_str(label);
        }
        host.push_str(".twilio.com");
        Some(match port {
            Some(port) => format!("{scheme}://{host}:{port}"),
            None => format!("{scheme}://{host}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routing(region: Option<&str>, edge: Option<&str>) -> Routing {
        Routing::new(region.map(Into::into), edge.map(Into::into)).unwrap()
    }

    #[test]
    fn rewrites_twilio_hosts_like_the_official_helpers() {
        let base = "https://conversations.twilio.com";
        assert_eq!(routing(None, None).apply(base), None);
        assert_eq!(
            routing(Some("ie1"), None).apply(base).unwrap(),
            "https://conversations.ie1.twilio.com"
        );
        assert_eq!(
            routing(None, Some("dublin")).apply(base).unwrap(),
            "https://conversations.dublin.us1.twilio.com"
        );
        assert_eq!(
            routing(Some("ie1"), Some("dublin"))
                .apply("https://api.twilio.com")
                .unwrap(),
            "https://api.dublin.ie1.twilio.com"
        );
        assert_eq!(
            routing(None, Some("sydney"))
                .apply("https://api.dublin.ie1.twilio.com")
                .unwrap(),
            "https://api.sydney.ie1.twilio.com"
        );
    }

    #[test]
    fn leaves_other_hosts_alone() {
        assert_eq!(
            routing(Some("ie1"), None).apply("https://example.com"),
            None
        );
        assert_eq!(
            routing(Some("ie1"), None).apply("http://127.0.0.1:8080"),
            None
        );
    }

    #[test]
    fn refuses_labels_that_could_change_the_host() {
        for bad in ["", "IE1", "ie1.evil.com", "ie1/x", "ie 1"] {
            assert!(Routing::new(Some(bad.into()), None).is_err(), "{bad:?}");
            assert!(Routing::new(None, Some(bad.into())).is_err(), "{bad:?}");
        }
    }
}
