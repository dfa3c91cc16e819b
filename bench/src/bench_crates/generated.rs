//! A resource declared with `#[twilio_resource]`: every operation its description has.

use crate::resources::{BodyFormat, Resource};

use super::{body_name, write_bodies, write_struct};

/// The attribute, the struct and its body structs.
pub fn source(out: &mut String, resource: &Resource) {
    let ops = &resource.operations;
    let mut keys = vec![
        format!("path = {:?}", resource.path),
        format!("base_url = {:?}", resource.base_url),
        "rename_all = \"snake_case\"".to_owned(),
    ];
    // Only what differs from the attribute's defaults for snake_case JSON (form bodies, POST).
    if ops.body == BodyFormat::Json && (ops.create.is_some() || ops.update.is_some()) {
        keys.push("body = \"json\"".to_owned());
    }
    if let Some(update) = &ops.update {
        let default = match ops.body {
            BodyFormat::Json => "PUT",
            BodyFormat::Form => "POST",
        };
        if update.method != default {
            keys.push(format!("update_method = {:?}", update.method));
        }
    }
    keys.push("fetch".to_owned());
    if ops.list.is_some() {
        keys.push("list".to_owned());
    }
    if ops.create.is_some() {
        keys.push(format!("create = {}", body_name("Create", resource)));
    }
    if ops.update.is_some() {
        keys.push(format!("update = {}", body_name("Update", resource)));
    }
    if ops.delete {
        keys.push("delete".to_owned());
    }
    let attributes = format!(
        "#[::twilio_resource::twilio_resource({})]\n#[derive(Debug, Clone, PartialEq)]\n",
        keys.join(", ")
    );
    write_struct(out, resource, &attributes);
    write_bodies(out, resource);
}
