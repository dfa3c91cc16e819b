//! [`Cursor`]: where a listing goes on, as a plain serialisable value, and its checks on resuming.

use serde::{Deserialize, Serialize};

use super::link::check_link;
use crate::Error;

/// Where a listing goes on: what [`List::resume`](crate::List::resume) needs to fetch the
/// remaining pages, later or elsewhere (a job queue, a database row).
///
/// It serialises as a small JSON object with three fields, all paths and queries on the
/// resource's own origin: `next` (the next request), `first` (the listing's first request, which
/// token-paged APIs repeat with each token) and `remaining` (records still wanted under a limit;
/// absent without one):
///
/// ```json
/// {"next":"/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc","first":"/v2/Conversations/c1/Participants?pageSize=2","remaining":8}
/// ```
///
/// It holds no credentials and no host; it is resumed with any client for the same account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cursor {
    pub(super) next: String,
    pub(super) first: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) remaining: Option<u64>,
}

impl Cursor {
    /// The path and query of the next request, e.g. `/2010-04-01/Accounts/AC…/Messages.json?PageSize=50&Page=1&PageToken=PA…`.
    pub fn path_and_query(&self) -> &str {
        &self.next
    }

    /// How many more records the listing's limit allows; `None` without a limit.
    pub fn remaining(&self) -> Option<u64> {
        self.remaining
    }

    /// Why the cursor may not be resumed, if it may not: both of its requests must be paths on
    /// the resource's origin (a cursor comes from outside, edited by hand perhaps).
    pub(super) fn refusal(&self) -> Option<Error> {
        check_link(&self.next)
            .and_then(|()| check_link(&self.first))
            .err()
            .map(|reason| Error::InvalidArgument {
                parameter: "cursor",
                reason,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor() -> Cursor {
        Cursor {
            next: "/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc".to_owned(),
            first: "/v2/Conversations/c1/Participants?pageSize=2".to_owned(),
            remaining: Some(8),
        }
    }

    #[test]
    fn a_cursor_round_trips_through_json() {
        let cursor = cursor();
        let text = serde_json::to_string(&cursor).unwrap();
        assert_eq!(
            text,
            r#"{"next":"/v2/Conversations/c1/Participants?pageSize=2&pageToken=abc","first":"/v2/Conversations/c1/Participants?pageSize=2","remaining":8}"#
        );
        assert_eq!(serde_json::from_str::<Cursor>(&text).unwrap(), cursor);
        let unlimited = Cursor {
            remaining: None,
            ..cursor
        };
        let text = serde_json::to_string(&unlimited).unwrap();
        assert!(!text.contains("remaining"), "{text}");
        assert_eq!(serde_json::from_str::<Cursor>(&text).unwrap(), unlimited);
    }

    #[test]
    fn a_cursor_whose_requests_are_not_paths_is_refused() {
        assert!(cursor().refusal().is_none());
        for (next, first) in [
            ("//evil.example/v2/P", "/v2/P"),
            ("/v2/P", "https://evil.example/v2/P"),
            ("", "/v2/P"),
            ("/v2/P\n", "/v2/P"),
        ] {
            let cursor = Cursor {
                next: next.to_owned(),
                first: first.to_owned(),
                remaining: None,
            };
            match cursor.refusal() {
                Some(Error::InvalidArgument {
                    parameter: "cursor",
                    ..
                }) => {}
                other => panic!("{next:?} {first:?}: {other:?}"),
            }
        }
    }
}
