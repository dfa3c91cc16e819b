//! Identifiers of the right shape for each family: `SM` + 32 hex digits for a 2010 Message,
//! `conv_participant_` + 26 characters for a v2 Participant, and the clock's dates.

use std::hash::{BuildHasher as _, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::paths::{Address, Dialect, singular, snake_case};

/// Makes identifiers unique to this server: a counter mixed by a hasher seeded at random.
#[derive(Debug, Default)]
pub(crate) struct IdMaker {
    seed: RandomState,
    counter: AtomicU64,
}

impl IdMaker {
    /// 128 bits that differ on every call.
    fn bits(&self) -> u128 {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let high = self.seed.hash_one((n, 0u8));
        let low = self.seed.hash_one((n, 1u8));
        (u128::from(high) << 64) | u128::from(low)
    }

    /// A new identifier for a record of `collection`.
    pub(crate) fn make(&self, dialect: Dialect, collection: &Address) -> String {
        match dialect {
            Dialect::Token => format!("{}{}", token_prefix(collection), self.ulid()),
            Dialect::V2010 | Dialect::V1 => {
                format!(
                    "{}{:032x}",
                    sid_prefix(dialect, collection.last()),
                    self.bits()
                )
            }
        }
    }

    /// A new identifier that starts with `prefix`, a description's: `MG` + 32 hex digits, or
    /// `conv_participant_` + 26 characters (a prefix ending in `_`).
    pub(crate) fn prefixed(&self, prefix: &str) -> String {
        if prefix.ends_with('_') {
            format!("{prefix}{}", self.ulid())
        } else {
            format!("{prefix}{:032x}", self.bits())
        }
    }

    /// A number no earlier call returned: the index of a numbered record (a Sync list item).
    pub(crate) fn number(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed)
    }

    /// `RQ` + 32 hex digits: a `Twilio-Request-Id`.
    pub(crate) fn request_id(&self) -> String {
        self.prefixed("RQ")
    }

    /// 26 lowercase Crockford base-32 characters: 48 bits of milliseconds, 80 random bits.
    fn ulid(&self) -> String {
        const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
        let millis = jiff::Timestamp::now().as_millisecond().max(0) as u128 & ((1 << 48) - 1);
        let value = (millis << 80) | (self.bits() & ((1 << 80) - 1));
        (0..26)
            .rev()
            .map(|i| char::from(ALPHABET[((value >> (5 * i)) & 31) as usize]))
            .collect()
    }
}

/// `conv_participant_` for `/v2/Conversations/<id>/Participants`: the product (the segment after
/// the version cut to four letters; `ControlPlane` belongs to Conversations), then the resource in
/// singular snake_case.
fn token_prefix(collection: &Address) -> String {
    let product = match collection.segments.get(1).map(String::as_str) {
        Some("ControlPlane") | None => "conv".to_owned(),
        Some(name) => name
            .chars()
            .take(4)
            .collect::<String>()
            .to_ascii_lowercase(),
    };
    format!("{product}_{}_", snake_case(&singular(collection.last())))
}

/// For a path no description has: the two capitals Twilio most often puts before a SID of a
/// collection of this name (`Messages` → `SM`), else the collection's first two letters.
fn sid_prefix(dialect: Dialect, collection: &str) -> String {
    let table = match dialect {
        Dialect::V2010 => API_2010,
        _ => OTHER,
    };
    match table.binary_search_by(|(name, _)| (*name).cmp(collection)) {
        Ok(at) => table[at].1.to_owned(),
        Err(_) => {
            let letters: String = collection
                .chars()
                .filter(char::is_ascii_alphabetic)
                .take(2)
                .collect();
            format!("{:X<2}", letters.to_ascii_uppercase())
        }
    }
}

/// Now, in RFC 2822 (the 2010 API's dates, and those a v1 description says are RFC 2822) or
/// else RFC 3339 in whole seconds.
pub(crate) fn now(rfc2822: bool) -> String {
    let now = jiff::Timestamp::now();
    if rfc2822 {
        now.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string()
    } else {
        now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

// SID prefixes by collection name: for each resource in Twilio's OpenAPI descriptions whose `sid`
// has a pattern, the two capitals that pattern starts with (the most common one when a name is
// shared). Sorted for binary search.
const API_2010: &[(&str, &str)] = &[
    ("Accounts", "AC"),
    ("AddOnResults", "XR"),
    ("Addresses", "AD"),
    ("Applications", "AP"),
    ("AssignedAddOns", "XE"),
    ("Calls", "CA"),
    ("Conferences", "CF"),
    ("ConnectApps", "CN"),
    ("CredentialListMappings", "CL"),
    ("CredentialLists", "CL"),
    ("Credentials", "CR"),
    ("Domains", "SD"),
    ("Extensions", "XF"),
    ("IncomingPhoneNumbers", "PN"),
    ("IpAccessControlListMappings", "AL"),
    ("IpAccessControlLists", "AL"),
    ("IpAddresses", "IP"),
    ("Keys", "SK"),
    ("Media", "ME"),
    ("Messages", "SM"),
    ("Notifications", "NO"),
    ("OutgoingCallerIds", "PN"),
    ("Payloads", "XH"),
    ("Queues", "QU"),
    ("Recordings", "RE"),
    ("ShortCodes", "SC"),
    ("SigningKeys", "SK"),
    ("Siprec", "SR"),
    ("Streams", "MZ"),
    ("Transcriptions", "TR"),
    ("Triggers", "UT"),
];
const OTHER: &[(&str, &str)] = &[
    ("AWS", "CR"),
    ("AccessTokens", "YK"),
    ("Activities", "WA"),
    ("Addresses", "IG"),
    ("Alerts", "NO"),
    ("AlphaSenders", "AI"),
    ("Applications", "AP"),
    ("Assets", "ZH"),
    ("Attempts", "VL"),
    ("AuthorizationDocuments", "PX"),
    ("AvailableAddOns", "XB"),
    ("Bindings", "BS"),
    ("BrandRegistrations", "BN"),
    ("Buckets", "BL"),
    ("Builds", "ZB"),
    ("Bundles", "BU"),
    ("ByocTrunks", "BY"),
    ("Challenges", "YC"),
    ("ChannelEndpointAssignments", "RA"),
    ("ChannelSenders", "XE"),
    ("Channels", "CH"),
    ("Commands", "DC"),
    ("CompositionHooks", "HK"),
    ("Compositions", "CJ"),
    ("Configurations", "FJ"),
    ("ConnectionPolicies", "NY"),
    ("Content", "HX"),
    ("Conversations", "CH"),
    ("CredentialLists", "CL"),
    ("Credentials", "CR"),
    ("Custom", "LY"),
    ("CustomerProfiles", "BU"),
    ("Deployments", "ZD"),
    ("DestinationAlphaSenders", "AI"),
    ("Documents", "ET"),
    ("ESimProfiles", "HP"),
    ("EndUserTypes", "OY"),
    ("EndUsers", "IT"),
    ("Engagements", "FN"),
    ("Entities", "YE"),
    ("EntityAssignments", "BV"),
    ("Environments", "ZE"),
    ("Evaluations", "EL"),
    ("Events", "AE"),
    ("Executions", "FN"),
    ("Extensions", "XF"),
    ("Factors", "YF"),
    ("Fleets", "HF"),
    ("FlexFlows", "FO"),
    ("Flows", "FW"),
    ("Functions", "ZH"),
    ("HostedNumberOrders", "HR"),
    ("InstalledAddOns", "XE"),
    ("Interactions", "KD"),
    ("Invites", "IN"),
    ("IpAccessControlLists", "AL"),
    ("IpCommands", "HG"),
    ("IpRecords", "IL"),
    ("ItemAssignments", "BV"),
    ("Keys", "SK"),
    ("Listing", "XB"),
    ("Lists", "ES"),
    ("Logs", "NO"),
    ("Maps", "MP"),
    ("Members", "MB"),
    ("MessageInteractions", "KI"),
    ("Messages", "IM"),
    ("NetworkAccessProfiles", "HA"),
    ("Networks", "HW"),
    ("Numbers", "GN"),
    ("OperatorTypes", "EY"),
    ("Operators", "LY"),
    ("Orders", "HR"),
    ("OriginationUrls", "OU"),
    ("Participants", "MB"),
    ("PhoneNumbers", "PN"),
    ("Plugins", "FP"),
    ("Policies", "RN"),
    ("PreBuilt", "LY"),
    ("PublicKeys", "CR"),
    ("PublishedTracks", "MT"),
    ("RateLimits", "RK"),
    ("RatePlans", "WP"),
    ("Receipts", "DY"),
    ("Recordings", "RT"),
    ("Regulations", "RN"),
    ("Releases", "FK"),
    ("Reservations", "WR"),
    ("Revisions", "FW"),
    ("Roles", "RL"),
    ("Rooms", "RM"),
    ("Senders", "XE"),
    ("Services", "IS"),
    ("Sessions", "KC"),
    ("ShortCodes", "SC"),
    ("Sims", "DE"),
    ("Sinks", "DG"),
    ("SipDomains", "QQ"),
    ("SmsCommands", "HC"),
    ("SourceIpMappings", "IB"),
    ("Steps", "FT"),
    ("Streams", "TO"),
    ("SubscribedTracks", "MT"),
    ("Subscriptions", "DF"),
    ("SupportingDocumentTypes", "OY"),
    ("SupportingDocuments", "RD"),
    ("Targets", "NE"),
    ("TaskChannels", "TC"),
    ("TaskQueues", "WQ"),
    ("Tasks", "WT"),
    ("Transcripts", "GT"),
    ("Transfers", "UX"),
    ("Trunks", "QQ"),
    ("TrustProducts", "BU"),
    ("Users", "US"),
    ("Variables", "ZV"),
    ("Verifications", "HH"),
    ("Versions", "ZN"),
    ("Voice", "CA"),
    ("WebChannels", "CH"),
    ("Webhooks", "WH"),
    ("Workers", "WK"),
    ("Workflows", "WW"),
    ("Workspaces", "WS"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(path: &str) -> Address {
        Address::parse(path).unwrap()
    }

    #[test]
    fn tables_are_sorted() {
        for table in [API_2010, OTHER] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }

    #[test]
    fn sids_have_twilio_shapes() {
        let ids = IdMaker::default();
        let message = ids.make(
            Dialect::V2010,
            &collection("/2010-04-01/Accounts/AC1/Messages.json"),
        );
        assert!(
            message.starts_with("SM") && message.len() == 34,
            "{message}"
        );
        assert!(message[2..].bytes().all(|b| b.is_ascii_hexdigit()));
        let service = ids.make(Dialect::V1, &collection("/v1/Services"));
        assert!(service.starts_with("IS"), "{service}");
        let widget = ids.make(Dialect::V1, &collection("/v1/Widgets"));
        assert!(widget.starts_with("WI"), "{widget}");
        assert_ne!(ids.make(Dialect::V1, &collection("/v1/Widgets")), widget);
        let messaging = ids.prefixed("MG");
        assert!(
            messaging.starts_with("MG") && messaging.len() == 34,
            "{messaging}"
        );
        let request = ids.request_id();
        assert!(
            request.starts_with("RQ") && request.len() == 34,
            "{request}"
        );
        assert_ne!(ids.request_id(), request);
        let participant = ids.prefixed("conv_participant_");
        assert_eq!(
            participant.len(),
            "conv_participant_".len() + 26,
            "{participant}"
        );
    }

    #[test]
    fn token_ids_look_like_conversations_v2() {
        let ids = IdMaker::default();
        let id = ids.make(
            Dialect::Token,
            &collection("/v2/Conversations/c/Participants"),
        );
        let rest = id.strip_prefix("conv_participant_").unwrap();
        assert_eq!(rest.len(), 26, "{id}");
        let conversation = ids.make(Dialect::Token, &collection("/v2/Conversations"));
        assert!(
            conversation.starts_with("conv_conversation_"),
            "{conversation}"
        );
        let configuration = ids.make(
            Dialect::Token,
            &collection("/v2/ControlPlane/Configurations"),
        );
        assert!(
            configuration.starts_with("conv_configuration_"),
            "{configuration}"
        );
    }

    #[test]
    fn dates() {
        let rfc2822 = now(true);
        assert!(
            rfc2822.ends_with(" +0000") && rfc2822.contains(", "),
            "{rfc2822}"
        );
        let rfc3339 = now(false);
        assert!(rfc3339.parse::<jiff::Timestamp>().is_ok() && rfc3339.ends_with('Z'));
    }
}
