//! Operations grouped into resources: one struct per record schema and declared path (a schema
//! answered on two paths gives two structs), each declared with `#[twilio_resource(...)]`.

use serde_json::Value;

use super::operations::{Call, Format, Naming, Op, properties};
use crate::spec::Spec;

/// One resource: the operations one struct declares.
#[derive(Debug)]
pub struct Group<'a> {
    pub base_url: String,
    /// The declared path with `{X}` placeholders.
    pub path: String,
    pub record_ref: Option<String>,
    pub record: Option<&'a Value>,
    /// Indexes into the description's operations, one per call.
    pub ops: Vec<usize>,
    pub naming: Option<Naming>,
    pub format: Option<Format>,
    pub update_method: Option<&'static str>,
}

impl<'a> Group<'a> {
    pub fn op<'o, 'b>(&self, ops: &'o [Op<'b>], call: Call) -> Option<&'o Op<'b>> {
        self.ops.iter().map(|&i| &ops[i]).find(|op| op.call == call)
    }

    fn accepts(&self, ops: &[Op<'_>], op: &Op<'_>) -> bool {
        fn compatible<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            a.is_none() || b.is_none() || a == b
        }
        self.op(ops, op.call).is_none()
            && compatible(self.naming, op.naming)
            && compatible(self.format, op.body_format)
            && (op.call != Call::Update || self.update_method.is_none())
    }

    fn add(&mut self, index: usize, op: &Op<'a>) {
        self.ops.push(index);
        self.naming = self.naming.or(op.naming);
        self.format = self.format.or(op.body_format);
        if op.call == Call::Update {
            self.update_method = Some(op.operation.method);
        }
        if self.record.is_none() {
            self.record = op.record;
            self.record_ref.clone_from(&op.record_ref);
        }
    }
}

/// Groups the operations that can be generated. Operations with a record join the group of their
/// schema and path; those without (deletes, empty answers) join any group on their path.
pub fn group<'a>(ops: &[Op<'a>]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let with_record = ops.iter().enumerate().filter(|(_, op)| op.record.is_some());
    let without = ops.iter().enumerate().filter(|(_, op)| op.record.is_none());
    for (index, op) in with_record.chain(without) {
        if op.problem.is_some() {
            continue;
        }
        let base_url = op.operation.server();
        let found = groups.iter_mut().find(|g| {
            g.base_url == base_url
                && g.path == op.declared_path
                && same_record(g, op)
                && g.accepts(ops, op)
        });
        match found {
            Some(group) => group.add(index, op),
            None => {
                let mut group = Group {
                    base_url: base_url.to_owned(),
                    path: op.declared_path.clone(),
                    record_ref: None,
                    record: None,
                    ops: Vec::new(),
                    naming: None,
                    format: None,
                    update_method: None,
                };
                group.add(index, op);
                groups.push(group);
            }
        }
    }
    for group in &mut groups {
        group.ops.sort_by_key(|&i| ops[i].call);
    }
    groups.sort_by_key(|g| g.ops.iter().min().copied());
    groups
}

/// An operation without a record fits any group; one with a named schema the group of that
/// schema; one with an inline schema only the group of that very schema.
fn same_record(group: &Group<'_>, op: &Op<'_>) -> bool {
    match (op.record, &op.record_ref) {
        (None, _) => true,
        (Some(_), Some(name)) => group.record_ref.as_ref() == Some(name),
        (Some(record), None) => {
            group.record_ref.is_none() && group.record.is_some_and(|r| std::ptr::eq(r, record))
        }
    }
}

/// The naming most of a description's records use.
pub fn spec_naming(ops: &[Op<'_>]) -> Naming {
    let (mut snake, mut camel) = (0, 0);
    for op in ops {
        match op.naming {
            Some(Naming::Snake) => snake += 1,
            Some(Naming::Camel) => camel += 1,
            None => {}
        }
    }
    if camel > snake {
        Naming::Camel
    } else {
        Naming::Snake
    }
}

/// The record's properties (empty without a record).
pub fn record_properties<'a>(spec: &'a Spec, group: &Group<'a>) -> Vec<(&'a str, &'a Value)> {
    group
        .record
        .map(|r| properties(spec, r))
        .unwrap_or_default()
}
