//! The records: one map from (collection path, id) to a record's JSON, each collection kept in
//! the order its records arrived so that pages are stable.

use std::collections::HashMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use axum::body::Bytes;
use serde_json::{Map, Value};

/// Every collection, by its key ([`Address::key`](crate::paths::Address::key)).
#[derive(Debug, Default)]
pub(crate) struct Records {
    collections: RwLock<HashMap<String, Collection>>,
}

/// One collection's records, serialized once when written so that a fetch is a lookup and a copy.
#[derive(Debug, Default)]
struct Collection {
    order: Vec<String>,
    records: HashMap<String, Bytes>,
}

/// Which stored records (serialized) a list keeps.
pub(crate) type Keep<'a> = &'a dyn Fn(&[u8]) -> bool;

/// One page of a collection, after filtering.
#[derive(Debug)]
pub(crate) struct Slice {
    pub(crate) items: Vec<Bytes>,
    /// Whether records remain after this page.
    pub(crate) more: bool,
}

impl Collection {
    fn put(&mut self, id: &str, body: Bytes) {
        if self.records.insert(id.to_owned(), body).is_none() {
            self.order.push(id.to_owned());
        }
    }
}

impl Records {
    fn read(&self) -> RwLockReadGuard<'_, HashMap<String, Collection>> {
        // A poisoned lock only means another handler panicked; the map is still usable.
        self.collections
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, HashMap<String, Collection>> {
        self.collections
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The record `id` of `collection`.
    pub(crate) fn get(&self, collection: &str, id: &str) -> Option<Bytes> {
        self.read().get(collection)?.records.get(id).cloned()
    }

    /// Whether `collection` has ever held a record.
    pub(crate) fn has_collection(&self, collection: &str) -> bool {
        self.read().contains_key(collection)
    }

    /// Stores `record` as `id`, replacing any record of that id in place.
    pub(crate) fn put(&self, collection: &str, id: &str, record: &Value) {
        let body = Bytes::from(record.to_string());
        self.write()
            .entry(collection.to_owned())
            .or_default()
            .put(id, body);
    }

    /// Stores the record `make` builds from a fresh id; `fresh` is asked for ids until one is
    /// free. Returns the stored record.
    pub(crate) fn create(
        &self,
        collection: &str,
        mut fresh: impl FnMut() -> String,
        make: impl FnOnce(&str) -> Value,
    ) -> Bytes {
        let mut collections = self.write();
        let entry = collections.entry(collection.to_owned()).or_default();
        let mut id = fresh();
        while entry.records.contains_key(&id) {
            id = fresh();
        }
        let body = Bytes::from(make(&id).to_string());
        entry.put(&id, body.clone());
        body
    }

    /// Changes the record with `change` (given its top-level fields), unless `change` refuses.
    /// `None` when there is no such record; else the stored record after the change, or the
    /// refusal.
    pub(crate) fn modify<E>(
        &self,
        collection: &str,
        id: &str,
        change: impl FnOnce(&mut Map<String, Value>) -> Result<(), E>,
    ) -> Option<Result<Bytes, E>> {
        let mut collections = self.write();
        let body = collections.get_mut(collection)?.records.get_mut(id)?;
        let mut fields = match serde_json::from_slice(body) {
            Ok(Value::Object(fields)) => fields,
            _ => Map::new(),
        };
        if let Err(refusal) = change(&mut fields) {
            return Some(Err(refusal));
        }
        *body = Bytes::from(Value::Object(fields).to_string());
        Some(Ok(body.clone()))
    }

    /// Merges `changes` into the record's top-level fields. Returns the updated record, or `None`
    /// when there is no such record.
    #[cfg(test)]
    pub(crate) fn merge(
        &self,
        collection: &str,
        id: &str,
        changes: Map<String, Value>,
    ) -> Option<Bytes> {
        self.modify(collection, id, |fields| {
            fields.extend(changes);
            Ok::<(), ()>(())
        })?
        .ok()
    }

    /// Removes the record unless `check` (given the record) refuses. `None` when there is no
    /// such record.
    pub(crate) fn remove_if<E>(
        &self,
        collection: &str,
        id: &str,
        check: impl FnOnce(&[u8]) -> Result<(), E>,
    ) -> Option<Result<(), E>> {
        let mut collections = self.write();
        let entry = collections.get_mut(collection)?;
        let body = entry.records.get(id)?;
        if let Err(refusal) = check(body) {
            return Some(Err(refusal));
        }
        entry.records.remove(id);
        entry.order.retain(|kept| kept != id);
        Some(Ok(()))
    }

    /// Removes the record; whether it was there.
    #[cfg(test)]
    pub(crate) fn remove(&self, collection: &str, id: &str) -> bool {
        self.remove_if(collection, id, |_| Ok::<(), ()>(()))
            .is_some()
    }

    /// Up to `size` records from position `offset`, counting only those `keep` accepts.
    pub(crate) fn slice(
        &self,
        collection: &str,
        offset: usize,
        size: usize,
        keep: Option<Keep<'_>>,
    ) -> Slice {
        let collections = self.read();
        let Some(entry) = collections.get(collection) else {
            return Slice {
                items: Vec::new(),
                more: false,
            };
        };
        // Unfiltered, a page starts at its offset at once: paging through a large collection
        // costs each page its own size, not everything before it.
        let (start, skip) = match keep {
            None => (offset.min(entry.order.len()), 0),
            Some(_) => (0, offset),
        };
        let mut kept = entry.order[start..]
            .iter()
            .filter_map(|id| entry.records.get(id))
            .filter(|body| keep.is_none_or(|keep| keep(body)))
            .skip(skip);
        let items: Vec<Bytes> = kept.by_ref().take(size).cloned().collect();
        let more = kept.next().is_some();
        Slice { items, more }
    }

    /// Every record of `collection`, in order.
    pub(crate) fn all(&self, collection: &str) -> Vec<Bytes> {
        self.read().get(collection).map_or_else(Vec::new, |entry| {
            entry
                .order
                .iter()
                .filter_map(|id| entry.records.get(id).cloned())
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn keeps_arrival_order_and_replaces_in_place() {
        let records = Records::default();
        for id in ["a", "b", "c"] {
            records.put("/v1/Things", id, &json!({ "sid": id }));
        }
        records.put("/v1/Things", "b", &json!({ "sid": "b", "v": 2 }));
        let all: Vec<Value> = records
            .all("/v1/Things")
            .iter()
            .map(|b| serde_json::from_slice(b).unwrap())
            .collect();
        assert_eq!(
            all,
            [
                json!({"sid": "a"}),
                json!({"sid": "b", "v": 2}),
                json!({"sid": "c"})
            ]
        );
        assert!(records.remove("/v1/Things", "a"));
        assert!(!records.remove("/v1/Things", "a"));
        let page = records.slice("/v1/Things", 1, 5, None);
        assert_eq!(page.items.len(), 1);
        assert!(!page.more);
        let page = records.slice("/v1/Things", 0, 1, None);
        assert!(page.more);
    }

    #[test]
    fn merge_replaces_top_level_fields() {
        let records = Records::default();
        records.put("/v1/Things", "a", &json!({ "sid": "a", "x": 1, "y": 2 }));
        let mut changes = Map::new();
        changes.insert("y".into(), json!(3));
        changes.insert("z".into(), json!([1]));
        let merged = records.merge("/v1/Things", "a", changes).unwrap();
        let merged: Value = serde_json::from_slice(&merged).unwrap();
        assert_eq!(merged, json!({ "sid": "a", "x": 1, "y": 3, "z": [1] }));
        assert!(records.merge("/v1/Things", "b", Map::new()).is_none());
    }
}
