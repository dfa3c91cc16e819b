//! The compile-time benchmark's input: real Twilio resources (fetch operations of Twilio's public
//! OpenAPI descriptions, with every other operation their description has on the same path and its
//! collection), reduced to what a resource definition needs. `compile-bench extract` writes
//! `bench/data/resources.json` from the descriptions; the benchmark reads that file, so it runs
//! without them.

mod extract;

pub use extract::extract;

use serde::{Deserialize, Serialize};

/// One resource to define.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// The Rust type name, e.g. `ApiV2010AccountAddress`.
    pub name: String,
    /// Scheme and host, e.g. `https://api.twilio.com`.
    pub base_url: String,
    /// The path template in the attribute's syntax, e.g. `/2010-04-01/Accounts/<AccountSid>/Addresses/<Sid>.json`.
    pub path: String,
    /// The fields, in key order (as serde_json's map keeps them).
    pub fields: Vec<Field>,
    /// The operations besides `fetch` (which every resource has).
    #[serde(default)]
    pub operations: Operations,
}

/// One field of a resource or of a request body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The JSON key (or form name).
    pub json: String,
    /// The Rust type, always an `Option<…>`.
    pub rust_type: String,
}

/// What a resource's description offers besides `fetch`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Operations {
    /// `GET` on the collection, when its answer is a page of records in a dialect the runtime reads.
    pub list: Option<ListOp>,
    /// `POST` on the collection: its body's fields, in key order.
    pub create: Option<Vec<Field>>,
    /// `POST`, `PUT` or `PATCH` on the path.
    pub update: Option<UpdateOp>,
    /// `DELETE` on the path.
    pub delete: bool,
    /// How `create` and `update` send their bodies.
    pub body: BodyFormat,
}

/// A list operation: where the records are and how the next page is found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListOp {
    /// The page's array of records, e.g. `messages`.
    pub key: String,
    /// How pages link to the next one.
    pub dialect: Dialect,
}

/// Twilio's three ways of linking pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dialect {
    /// The 2010 API: a top-level `next_page_uri`, relative to the host.
    #[serde(rename = "2010")]
    Api2010,
    /// v1 products: `meta.next_page_url`, absolute.
    #[serde(rename = "v1")]
    V1,
    /// Token pages: the same request again with `pageToken=<meta.nextToken>`.
    #[serde(rename = "token")]
    Token,
}

/// An update operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateOp {
    /// `POST`, `PUT` or `PATCH`.
    pub method: String,
    /// Its body's fields, in key order.
    pub fields: Vec<Field>,
}

/// How a request body is encoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded`.
    #[default]
    Form,
    /// `application/json`.
    Json,
}

impl Resource {
    /// How many operations it declares, `fetch` included.
    pub fn operation_count(&self) -> usize {
        let ops = &self.operations;
        1 + usize::from(ops.list.is_some())
            + usize::from(ops.create.is_some())
            + usize::from(ops.update.is_some())
            + usize::from(ops.delete)
    }
}
