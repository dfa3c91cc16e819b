//! Twilio's paths, from its OpenAPI descriptions: the route table `generated/routes.tsv` (written
//! by `cargo xtask routes`), read once, and the lookup of the route a request's path names.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::paths::{Dialect, snake_case};

/// The table as generated; its format is described in `xtask/src/routes.rs`.
const TEXT: &str = include_str!("generated/routes.tsv");

/// What an operation does to the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Fetch,
    List,
    Create,
    Update,
    Delete,
}

/// A response field's type other than string: what a form value is turned into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Integer,
    Number,
    Boolean,
    /// An object or a schema-less value: JSON.
    Json,
    /// An array: one form value becomes an array of it.
    Array,
    /// A date-time the description says is RFC 2822 (`Thu, 30 Jul 2015 20:00:00 +0000`).
    Rfc2822,
}

impl Kind {
    /// What a value of the kind is, for an error message.
    pub(crate) fn described(self) -> &'static str {
        match self {
            Kind::Integer => "an integer",
            Kind::Number => "a number",
            Kind::Boolean => "true or false",
            Kind::Json => "JSON",
            Kind::Array => "a list",
            Kind::Rfc2822 => "an RFC 2822 date-time",
        }
    }
}

/// One segment of a path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Literal(&'static str),
    /// `{Name}`: any one segment.
    Placeholder(&'static str),
}

/// One path template on one host.
#[derive(Debug)]
pub(crate) struct Route {
    pub(crate) host: &'static str,
    pub(crate) parts: Vec<Part>,
    actions: Vec<(&'static str, Action)>,
    pub(crate) dialect: Dialect,
    /// Whether the list pages in its dialect; an unpaged list answers every record at once.
    pub(crate) paged: bool,
    /// The media type of its writes' bodies, as described: what a body sent without a
    /// `Content-Type` is read as.
    pub(crate) body: Option<&'static str>,
    /// The field that identifies a record (`sid`, `id`, `key`).
    pub(crate) id_field: Option<&'static str>,
    /// The literal start of a new record's identifier (`MG`, `conv_participant_`).
    pub(crate) prefix: Option<&'static str>,
    /// The key a list page holds its records under.
    pub(crate) list_key: Option<&'static str>,
    fields: usize,
    /// One bit per segment, the first segment's highest, set for a literal: a larger number is
    /// a more literal template, compared from the left.
    literals: u64,
    /// The body parameters of its writes, for a path on several hosts (empty otherwise).
    params: Vec<&'static str>,
}

impl Route {
    /// What `method` does on this route, if it is described.
    pub(crate) fn action(&self, method: &str) -> Option<Action> {
        self.actions
            .iter()
            .find(|(m, _)| m.eq_ignore_ascii_case(method))
            .map(|(_, action)| *action)
    }

    /// The methods this route takes, e.g. `GET, POST`.
    pub(crate) fn methods(&self) -> String {
        let methods: Vec<&str> = self.actions.iter().map(|(m, _)| *m).collect();
        methods.join(", ")
    }

    /// The typed fields of its records.
    pub(crate) fn fields(&self) -> &'static [(&'static str, Kind)] {
        TABLE.fields.get(self.fields).map_or(&[], Vec::as_slice)
    }

    /// Whether its records carry a revision (Sync documents, lists, maps and their items).
    pub(crate) fn revised(&self) -> bool {
        TABLE.revised.get(self.fields).copied().unwrap_or_default()
    }

    /// Whether the template ends in a placeholder (`…/Messages/{Sid}`), not a literal.
    pub(crate) fn ends_in_placeholder(&self) -> bool {
        matches!(self.parts.last(), Some(Part::Placeholder(_)))
    }

    fn matches(&self, segments: &[String]) -> bool {
        self.parts.len() == segments.len()
            && self
                .parts
                .iter()
                .zip(segments)
                .all(|(part, segment)| match part {
                    Part::Literal(literal) => literal == segment,
                    Part::Placeholder(_) => true,
                })
    }

    /// How many of `keys` (a request body's keys) its writes take, compared in snake_case.
    fn fit(&self, keys: &[String]) -> usize {
        keys.iter()
            .filter(|key| {
                let key = snake_case(key);
                self.params.iter().any(|param| snake_case(param) == key)
            })
            .count()
    }
}

/// Every route, by segment count.
#[derive(Debug, Default)]
pub(crate) struct Table {
    routes: HashMap<usize, Vec<Route>>,
    fields: Vec<Vec<(&'static str, Kind)>>,
    revised: Vec<bool>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| parse(TEXT));

/// Reads the table; a line that does not read is left out (the unit tests check none is).
fn parse(text: &'static str) -> Table {
    let mut table = Table::default();
    for line in text.lines() {
        let mut columns = line.split('\t');
        match columns.next() {
            Some("F") => {
                let mut fields = Vec::new();
                let mut revised = false;
                for pair in columns.next().unwrap_or("").split(',') {
                    let Some((name, kind)) = pair.split_once(':') else {
                        continue;
                    };
                    let kind = match kind {
                        "i" => Kind::Integer,
                        "n" => Kind::Number,
                        "b" => Kind::Boolean,
                        "j" => Kind::Json,
                        "a" => Kind::Array,
                        "d" => Kind::Rfc2822,
                        "r" => {
                            revised = true;
                            continue;
                        }
                        _ => continue,
                    };
                    fields.push((name, kind));
                }
                table.fields.push(fields);
                table.revised.push(revised);
            }
            Some("R") => {
                let columns: Vec<&'static str> = columns.collect();
                if let Some(route) = route(&columns) {
                    table
                        .routes
                        .entry(route.parts.len())
                        .or_default()
                        .push(route);
                }
            }
            _ => {}
        }
    }
    table
}

fn route(columns: &[&'static str]) -> Option<Route> {
    let [
        host,
        path,
        actions,
        dialect,
        paging,
        body,
        id_field,
        prefix,
        list_key,
        fields,
        params,
    ] = columns
    else {
        return None;
    };
    let given = |value: &'static str| (value != "-").then_some(value);
    let parts: Vec<Part> = path
        .strip_prefix('/')?
        .split('/')
        .map(
            |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => Part::Placeholder(name),
                None => Part::Literal(segment),
            },
        )
        .collect();
    // Templates have a dozen segments at most; a longer one could not be ranked, so it is left out.
    if parts.len() > 64 {
        return None;
    }
    let literals = parts
        .iter()
        .enumerate()
        .fold(0u64, |mask, (i, part)| match part {
            Part::Literal(_) => mask | (1 << (63 - i)),
            Part::Placeholder(_) => mask,
        });
    let actions = actions
        .split(',')
        .map(|pair| {
            let (method, action) = pair.split_once('=')?;
            let action = match action {
                "fetch" => Action::Fetch,
                "list" => Action::List,
                "create" => Action::Create,
                "update" => Action::Update,
                "delete" => Action::Delete,
                _ => return None,
            };
            Some((method, action))
        })
        .collect::<Option<Vec<_>>>()?;
    let dialect = match *dialect {
        "2010" => Dialect::V2010,
        "token" => Dialect::Token,
        "v1" => Dialect::V1,
        _ => return None,
    };
    Some(Route {
        host,
        parts,
        actions,
        dialect,
        paged: *paging == "paged",
        body: match *body {
            "form" => Some("application/x-www-form-urlencoded"),
            "json" => Some("application/json"),
            _ => None,
        },
        id_field: given(id_field),
        prefix: given(prefix),
        list_key: given(list_key),
        fields: fields.parse().ok()?,
        literals,
        params: given(params).map_or_else(Vec::new, |p| p.split(',').collect()),
    })
}

/// The route a request names: among the templates its segments match (on any host: the server
/// is reached through one address), the most literal one; then one that takes `method`; then
/// the one whose writes take most of the body's keys; then the more used product (the table's
/// order). `None` when no template matches.
pub(crate) fn find(
    segments: &[String],
    method: &str,
    body_keys: &[String],
) -> Option<&'static Route> {
    let candidates = TABLE.routes.get(&segments.len())?;
    let matching: Vec<&Route> = candidates.iter().filter(|r| r.matches(segments)).collect();
    let most_literal = matching.iter().map(|r| r.literals).max()?;
    let mut best: Vec<&Route> = matching
        .into_iter()
        .filter(|r| r.literals == most_literal)
        .collect();
    if best.iter().any(|r| r.action(method).is_some()) {
        best.retain(|r| r.action(method).is_some());
    }
    // The first of the best fits: `max_by_key` would keep the last.
    let fit = best.iter().map(|r| r.fit(body_keys)).max()?;
    best.into_iter().find(|r| r.fit(body_keys) == fit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(path: &str) -> Vec<String> {
        crate::paths::Address::parse(path).unwrap().segments
    }

    #[test]
    fn every_line_reads() {
        let routes = TEXT.lines().filter(|l| l.starts_with("R\t")).count();
        let read: usize = TABLE.routes.values().map(Vec::len).sum();
        assert_eq!(read, routes);
        assert!(routes > 800, "{routes}");
        let sets = TEXT.lines().filter(|l| l.starts_with("F\t")).count();
        assert_eq!(TABLE.fields.len(), sets);
        for route in TABLE.routes.values().flatten() {
            assert!(route.fields < sets, "{route:?}");
        }
    }

    #[test]
    fn every_template_is_found_for_each_of_its_methods() {
        for route in TABLE.routes.values().flatten() {
            let segments: Vec<String> = route
                .parts
                .iter()
                .map(|part| match part {
                    Part::Literal(literal) => (*literal).to_owned(),
                    Part::Placeholder(_) => "X1".to_owned(),
                })
                .collect();
            for (method, action) in &route.actions {
                let found = find(&segments, method, &[]).unwrap();
                // The same template, though another host may name its placeholders otherwise.
                assert!(found.matches(&segments), "{method} {route:?}");
                assert_eq!(found.parts.len(), route.parts.len());
                assert_eq!(found.literals, route.literals, "{method} {route:?}");
                assert_eq!(found.action(method), Some(*action), "{method} {route:?}");
            }
        }
    }

    #[test]
    fn real_paths_are_found_with_their_conventions() {
        let message = find(
            &segments("/2010-04-01/Accounts/AC1/Messages/SM1.json"),
            "GET",
            &[],
        )
        .unwrap();
        assert_eq!(message.host, "api.twilio.com");
        assert_eq!(message.action("GET"), Some(Action::Fetch));
        assert_eq!(message.dialect, Dialect::V2010);
        let verify = find(&segments("/v2/Services"), "POST", &["FriendlyName".into()]).unwrap();
        assert_eq!(verify.host, "verify.twilio.com");
        assert_eq!(verify.dialect, Dialect::V1);
        assert_eq!(verify.prefix, Some("VA"));
        let participants = find(&segments("/v2/Conversations/c/Participants"), "GET", &[]).unwrap();
        assert_eq!(participants.dialect, Dialect::Token);
        assert_eq!(participants.list_key, Some("participants"));
        assert!(find(&segments("/v1/Widgets"), "GET", &[]).is_none());
        assert!(
            find(
                &segments("/2010-04-01/Accounts/AC1/Nothing.json"),
                "GET",
                &[]
            )
            .is_none()
        );
    }

    #[test]
    fn shared_paths_pick_the_host_by_body_then_by_use() {
        let services = segments("/v1/Services");
        assert_eq!(
            find(&services, "POST", &[]).unwrap().host,
            "messaging.twilio.com"
        );
        let sync = ["FriendlyName".into(), "ReachabilityWebhooksEnabled".into()];
        assert_eq!(
            find(&services, "POST", &sync).unwrap().host,
            "sync.twilio.com"
        );
        let proxy = ["UniqueName".into(), "DefaultTtl".into()];
        assert_eq!(
            find(&services, "POST", &proxy).unwrap().host,
            "proxy.twilio.com"
        );
    }

    #[test]
    fn literals_win_over_placeholders() {
        let usecases = find(&segments("/v1/Services/Usecases"), "GET", &[]).unwrap();
        assert_eq!(usecases.parts[2], Part::Literal("Usecases"));
        let service = find(&segments("/v1/Services/MG1"), "GET", &[]).unwrap();
        assert_eq!(service.parts[2], Part::Placeholder("Sid"));
    }

    #[test]
    fn typed_fields_and_revisions() {
        let document = find(&segments("/v1/Services/IS1/Documents/ET1"), "GET", &[]).unwrap();
        assert!(document.fields().contains(&("data", Kind::Json)));
        assert!(document.revised());
        let message = find(&segments("/2010-04-01/Accounts/AC1/Messages"), "GET", &[]).unwrap();
        assert!(!message.revised());
        assert_eq!(message.id_field, Some("sid"));
        let items = find(&segments("/v1/Services/IS1/Maps/MP1/Items"), "POST", &[]).unwrap();
        assert_eq!(items.id_field, Some("key"));
    }
}
