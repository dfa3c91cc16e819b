//! Form values arrive as strings; a record returns each field in the type its description gives.

use serde_json::{Map, Number, Value};

use crate::table::Kind;

/// Turns each field of `kinds` that holds a string into its described type where the string
/// reads as one (`"5"` → `5`, `"true"` → `true`, `"{\"a\":1}"` → `{"a":1}`); a string that does not
/// read stays as it is.
pub(crate) fn typed(fields: &mut Map<String, Value>, kinds: &[(&str, Kind)]) {
    for (name, kind) in kinds {
        if let Some(value) = fields.get_mut(*name)
            && let Value::String(text) = value
            && let Some(typed) = convert(text, *kind)
        {
            *value = typed;
        }
    }
}

fn convert(text: &str, kind: Kind) -> Option<Value> {
    match kind {
        Kind::Integer => text.parse::<i64>().ok().map(Value::from),
        Kind::Number => text
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number),
        Kind::Boolean => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        // Only a structure: a schema-less field sent as `"5"` is more likely text than a number.
        Kind::Json => serde_json::from_str::<Value>(text)
            .ok()
            .filter(|value| value.is_object() || value.is_array()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn strings_become_their_described_types_where_they_read() {
        let Value::Object(mut fields) = json!({
            "ttl": "60", "price": "-0.0025", "enabled": "true", "off": "false",
            "data": "{\"a\":[1,2]}", "list": "[1]", "count": "many", "flag": "yes",
            "text": "{not json", "plain": "5", "name": "x",
        }) else {
            unreachable!()
        };
        typed(
            &mut fields,
            &[
                ("ttl", Kind::Integer),
                ("price", Kind::Number),
                ("enabled", Kind::Boolean),
                ("off", Kind::Boolean),
                ("data", Kind::Json),
                ("list", Kind::Json),
                ("count", Kind::Integer),
                ("flag", Kind::Boolean),
                ("text", Kind::Json),
                ("plain", Kind::Json),
                ("absent", Kind::Integer),
            ],
        );
        assert_eq!(
            Value::Object(fields),
            json!({
                "ttl": 60, "price": -0.0025, "enabled": true, "off": false,
                "data": {"a": [1, 2]}, "list": [1], "count": "many", "flag": "yes",
                "text": "{not json", "plain": "5", "name": "x",
            })
        );
    }
}
