//! Request paths: their decoded segments, the family (list dialect) they belong to, and Twilio's
//! naming conventions (list keys, field names, parent fields).

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// How a family of Twilio APIs names its fields and pages its lists. Each API's comes from its
/// description; a path no description has takes its family's by its first segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dialect {
    /// The 2010 API (`/2010-04-01/…`): snake_case fields, form-encoded bodies, `sid`,
    /// RFC 2822 dates, a `uri` on each record; lists carry a top-level, relative `next_page_uri`.
    V2010,
    /// The v1-style APIs: snake_case fields, `sid`, RFC 3339 dates, a `url` on each record; lists
    /// carry `meta.next_page_url`, absolute. Query parameters `PageSize`, `Page`, `PageToken`.
    V1,
    /// The token-paged APIs (Conversations v2): camelCase fields, `id` such as
    /// `conv_participant_01k1etx3jbfx88476ccja0889c`, `createdAt`; lists carry `meta.nextToken`,
    /// resent as `pageToken`.
    Token,
}

impl Dialect {
    /// The family of a path no description has, by its first segment: `2010-04-01` → 2010,
    /// `v2` → token, anything else → v1.
    pub(crate) fn by_family(path: &Address) -> Dialect {
        match path.segments.first().map(String::as_str) {
            Some("2010-04-01") => Dialect::V2010,
            Some("v2") => Dialect::Token,
            _ => Dialect::V1,
        }
    }

    /// The field holding a record's identifier.
    pub(crate) fn id_field(self) -> &'static str {
        match self {
            Dialect::Token => "id",
            Dialect::V2010 | Dialect::V1 => "sid",
        }
    }

    /// The page-size query parameter.
    pub(crate) fn page_size_parameter(self) -> &'static str {
        match self {
            Dialect::Token => "pageSize",
            Dialect::V2010 | Dialect::V1 => "PageSize",
        }
    }
}

/// What is percent-encoded when a decoded segment is written back into a path: everything that
/// could end the segment or be mistaken for an escape, plus non-ASCII.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A request path as decoded segments, with a trailing `.json` dropped (the 2010 API's suffix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Address {
    pub(crate) segments: Vec<String>,
}

impl Address {
    /// Splits a raw path (still percent-encoded, no query) into decoded segments. `None` for
    /// anything that cannot name a resource: no leading `/`, or an empty segment.
    pub(crate) fn parse(raw: &str) -> Option<Address> {
        let rest = raw.strip_prefix('/')?;
        let rest = rest.strip_suffix(".json").unwrap_or(rest);
        let segments = rest
            .split('/')
            .map(|segment| {
                (!segment.is_empty())
                    .then(|| percent_decode_str(segment).decode_utf8_lossy().into_owned())
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Address { segments })
    }

    /// An address from decoded segments.
    pub(crate) fn from_segments(segments: Vec<String>) -> Address {
        Address { segments }
    }

    /// The store's key: `/` + each segment percent-encoded, joined by `/`.
    pub(crate) fn key(&self) -> String {
        let mut key = String::new();
        for segment in &self.segments {
            key.push('/');
            key.extend(utf8_percent_encode(segment, SEGMENT));
        }
        key
    }

    /// The last segment.
    pub(crate) fn last(&self) -> &str {
        self.segments.last().map_or("", String::as_str)
    }

    /// The address without its last segment, and that segment; `None` for a one-segment path.
    pub(crate) fn split_last(&self) -> Option<(Address, &str)> {
        let (last, parent) = self.segments.split_last()?;
        (!parent.is_empty()).then(|| (Address::from_segments(parent.to_vec()), last.as_str()))
    }

    /// This address plus one segment.
    pub(crate) fn child(&self, segment: &str) -> Address {
        let mut segments = self.segments.clone();
        segments.push(segment.to_owned());
        Address::from_segments(segments)
    }

    /// When this is a collection under a record (`…/Conversations/<id>/Participants`): the
    /// parent collection's name and the record's id.
    pub(crate) fn parent_record(&self) -> Option<(&str, &str)> {
        match self.segments.as_slice() {
            [.., collection, id, _] if looks_like_collection(collection) => {
                Some((collection.as_str(), id.as_str()))
            }
            _ => None,
        }
    }
}

/// Whether a path segment reads as a collection name (`Messages`, `IncomingPhoneNumbers`) rather
/// than an identifier: ASCII letters and digits starting with a capital letter, and not the shape
/// of a SID (two capitals and 32 hex digits).
pub(crate) fn looks_like_collection(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let is_sid = bytes.len() == 34
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..].iter().all(u8::is_ascii_hexdigit);
    bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.iter().all(u8::is_ascii_alphanumeric)
        && !is_sid
}

/// `FriendlyName` → `friendly_name`, `SMSUrl` → `sms_url`, `Parameter1.Name` → `parameter1.name`.
pub(crate) fn snake_case(name: &str) -> String {
    // heck's rule, word by word: a dot separates the parts of a dotted name and stays. (The macro
    // keeps its own conversion for parameter names: heck drops underscores, so `<__>` would name none.)
    name.split('.')
        .map(heck::ToSnakeCase::to_snake_case)
        .collect::<Vec<_>>()
        .join(".")
}

/// `Participants` → `participants`, `ControlPlane` → `controlPlane`.
pub(crate) fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A collection name made singular the way Twilio's names need: `Services` → `Service`,
/// `Addresses` → `Address`, `Countries` → `Country`, `Media` → `Media`.
pub(crate) fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        return format!("{stem}y");
    }
    let stem = ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .find(|suffix| name.ends_with(*suffix))
        .map_or_else(
            || name.strip_suffix('s').unwrap_or(name),
            |_| &name[..name.len() - 2],
        );
    stem.to_owned()
}

/// The key a list's records sit under: the collection's name in snake_case (2010, v1) or
/// camelCase (token).
pub(crate) fn list_key(dialect: Dialect, collection: &Address) -> String {
    match dialect {
        Dialect::Token => lower_camel(collection.last()),
        Dialect::V2010 | Dialect::V1 => snake_case(collection.last()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_follows_twilio_names() {
        for (name, snake) in [
            ("FriendlyName", "friendly_name"),
            ("MediaUrl", "media_url"),
            ("To", "to"),
            ("SMSUrl", "sms_url"),
            ("StatusCallbackMethod", "status_callback_method"),
            ("Parameter1.Name", "parameter1.name"),
            (
                "Notifications.NewMessage.Enabled",
                "notifications.new_message.enabled",
            ),
            ("IncomingPhoneNumbers", "incoming_phone_numbers"),
            ("already_snake", "already_snake"),
        ] {
            assert_eq!(snake_case(name), snake, "{name}");
        }
    }

    #[test]
    fn camel_case_and_singulars() {
        assert_eq!(lower_camel("Participants"), "participants");
        assert_eq!(singular("Services"), "Service");
        assert_eq!(singular("Addresses"), "Address");
        assert_eq!(singular("Countries"), "Country");
        assert_eq!(singular("Media"), "Media");
        assert_eq!(singular("Conversations"), "Conversation");
    }

    #[test]
    fn addresses_decode_segments_and_drop_json() {
        let a = Address::parse("/2010-04-01/Accounts/AC1/Messages.json").unwrap();
        assert_eq!(a.segments, ["2010-04-01", "Accounts", "AC1", "Messages"]);
        assert_eq!(a.key(), "/2010-04-01/Accounts/AC1/Messages");
        let b = Address::parse("/v2/Conversations/a%2Fb/Participants/%2B1%20x").unwrap();
        assert_eq!(b.segments[2], "a/b");
        assert_eq!(b.last(), "+1 x");
        assert_eq!(b.key(), "/v2/Conversations/a%2Fb/Participants/+1%20x");
        assert_eq!(Address::parse("/v1//Services"), None);
        assert_eq!(Address::parse("v1/Services"), None);
        assert_eq!(Address::parse("/"), None);
    }

    #[test]
    fn collections_and_identifiers_are_told_apart() {
        assert!(looks_like_collection("Messages"));
        assert!(looks_like_collection("IncomingPhoneNumbers"));
        assert!(!looks_like_collection("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assert!(!looks_like_collection(
            "conv_participant_01k1etx3jbfx88476ccja0889c"
        ));
        assert!(!looks_like_collection("+15551234567"));
        assert!(!looks_like_collection("v1"));
    }

    #[test]
    fn families() {
        let dialect = |p| Dialect::by_family(&Address::parse(p).unwrap());
        assert_eq!(dialect("/2010-04-01/Accounts.json"), Dialect::V2010);
        assert_eq!(dialect("/v2/Conversations"), Dialect::Token);
        assert_eq!(dialect("/v1/Services"), Dialect::V1);
        assert_eq!(dialect("/v3/Things"), Dialect::V1);
    }
}
