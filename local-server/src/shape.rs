//! How the records of a collection look: from the route Twilio's descriptions give for its path
//! (identifier field and prefix, field names, dates, parents, revision), else from the path's
//! family, for the collections a test stored records in at a path no description has.

use serde_json::{Map, Value};

use crate::paths::{Address, Dialect, lower_camel, singular, snake_case};
use crate::state::State;
use crate::table::{Kind, Part, Route};

/// The conventions of one collection's records.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    pub(crate) dialect: Dialect,
    pub(crate) route: Option<&'static Route>,
}

impl Shape {
    /// The dialect a test chose for the path, else its route's, else its family's.
    pub(crate) fn of(state: &State, address: &Address, route: Option<&'static Route>) -> Shape {
        let dialect = state
            .chosen_dialect(address)
            .or(route.map(|r| r.dialect))
            .unwrap_or_else(|| Dialect::by_family(address));
        Shape { dialect, route }
    }

    /// The field holding a record's identifier: the description's (`sid`, `id`, `key`) unless a
    /// test chose another dialect for the path.
    pub(crate) fn id_field(self) -> &'static str {
        self.route
            .filter(|route| route.dialect == self.dialect)
            .and_then(|route| route.id_field)
            .unwrap_or(self.dialect.id_field())
    }

    /// A new identifier for a record of `collection`: the description's prefix (`MG…`,
    /// `conv_participant_…`), else one of the family's shape.
    pub(crate) fn new_id(self, state: &State, collection: &Address) -> String {
        if self.numbered() {
            return state.ids.number().to_string();
        }
        match self.route.and_then(|route| route.prefix) {
            Some(prefix) => state.ids.prefixed(prefix),
            None => state.ids.make(self.dialect, collection),
        }
    }

    /// Whether its records are numbered rather than named (a Sync list item's `index`): the
    /// described type of the identifying field is an integer.
    fn numbered(self) -> bool {
        let id = self.id_field();
        self.fields()
            .iter()
            .any(|(name, kind)| *name == id && *kind == Kind::Integer)
    }

    /// The identifying field's value for `id`: a number for numbered records.
    pub(crate) fn id_value(self, id: &str) -> serde_json::Value {
        match id.parse::<i64>() {
            Ok(number) if self.numbered() => number.into(),
            _ => id.into(),
        }
    }

    /// Whether its records' dates are RFC 2822: always in the 2010 API, and where a description
    /// says so of a field (IAM v1's keys).
    pub(crate) fn rfc2822_dates(self) -> bool {
        self.dialect == Dialect::V2010
            || self.fields().iter().any(|(_, kind)| *kind == Kind::Rfc2822)
    }

    /// The described types of its records' fields.
    pub(crate) fn fields(self) -> &'static [(&'static str, Kind)] {
        self.route.map_or(&[], Route::fields)
    }

    /// Adds, where missing: the parents' ids (`service_sid`, `conversationId`: one per
    /// placeholder of the path, else the parent record a path of the family's shape names), the
    /// account, the creation and update dates, the first revision of a record that has one, and
    /// the record's own address (`uri` in 2010, `url` in v1).
    pub(crate) fn complete(
        self,
        state: &State,
        collection: &Address,
        id: &str,
        record: &mut Map<String, Value>,
    ) {
        let dialect = self.dialect;
        let mut add = |field: String, value: Value| {
            record.entry(field).or_insert(value);
        };
        let field_name = |name: &str| match dialect {
            Dialect::Token => lower_camel(name),
            Dialect::V2010 | Dialect::V1 => snake_case(name),
        };
        match self.route {
            Some(route) => {
                for (part, value) in route.parts.iter().zip(&collection.segments) {
                    if let Part::Placeholder(name) = part {
                        add(field_name(name), value.clone().into());
                    }
                }
                if route.revised() {
                    let numeric = route.fields().contains(&("revision", Kind::Integer));
                    add("revision".to_owned(), crate::revision::first(numeric));
                }
            }
            None => {
                if let Some((parent, parent_id)) = collection.parent_record() {
                    let parent = singular(parent);
                    let field = match dialect {
                        Dialect::Token => format!("{}Id", lower_camel(&parent)),
                        Dialect::V2010 | Dialect::V1 => format!("{}_sid", snake_case(&parent)),
                    };
                    add(field, parent_id.into());
                }
            }
        }
        let account = match dialect {
            Dialect::Token => "accountId",
            Dialect::V2010 | Dialect::V1 => "account_sid",
        };
        add(account.to_owned(), state.account_sid.clone().into());
        let now = crate::ids::now(self.rfc2822_dates());
        add(created_field(dialect).to_owned(), now.clone().into());
        add(updated_field(dialect).to_owned(), now.into());
        let own = collection.child(id).key();
        match dialect {
            Dialect::V2010 => add("uri".to_owned(), format!("{own}.json").into()),
            Dialect::V1 => add("url".to_owned(), format!("{}{own}", state.base_url).into()),
            Dialect::Token => {}
        }
    }
}

pub(crate) fn created_field(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Token => "createdAt",
        Dialect::V2010 | Dialect::V1 => "date_created",
    }
}

pub(crate) fn updated_field(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Token => "updatedAt",
        Dialect::V2010 | Dialect::V1 => "date_updated",
    }
}
