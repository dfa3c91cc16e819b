//! Form values arrive as strings; a record returns each field in the type its description gives.

use serde_json::{Map, Number, Value};

use crate::table::Kind;

/// Turns each field of `kinds` that holds a string into its described type (`"5"` → `5`,
/// `"true"` → `true`, `"{\"a\":1}"` → `{"a":1}`, `"VP8"` → `["VP8"]` for an array). A number or
/// boolean that does not read is refused, as Twilio refuses it: the error names the field. A
/// schema-less or object field whose text is not JSON stays text.
pub(crate) fn typed(fields: &mut Map<String, Value>, kinds: &[(&str, Kind)]) -> Result<(), String> {
    for (name, kind) in kinds {
        // Repeated keys already made an array; a JSON body's values are typed.
        let Some(value) = fields.get_mut(*name) else {
            continue;
        };
        let Value::String(text) = &mut *value else {
            continue;
        };
        let typed = match convert(text, *kind) {
            Some(typed) => typed,
            None if *kind == Kind::Json => continue,
            None => {
                return Err(format!(
                    "Invalid parameter: {name} must be {}, not {text:?}",
                    kind.described()
                ));
            }
        };
        *value = typed;
    }
    Ok(())
}

/// An array field sent as one form value: JSON text of an array is that array; anything else is
/// the array of that one value (JSON text of an object as the object).
fn as_array(text: String) -> Value {
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => Value::Array(items),
        Ok(object @ Value::Object(_)) => Value::Array(vec![object]),
        _ => Value::Array(vec![Value::String(text)]),
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
        Kind::Array => Some(as_array(text.to_owned())),
        // Dates are stored as sent.
        Kind::Rfc2822 => Some(Value::String(text.to_owned())),
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
            "data": "{\"a\":[1,2]}", "list": "[1]", "text": "{not json", "plain": "5", "name": "x",
            "codecs": "VP8", "rules": "{\"k\":1}", "items": "[1,2]", "urls": ["a", "b"],
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
                ("text", Kind::Json),
                ("plain", Kind::Json),
                ("absent", Kind::Integer),
                ("codecs", Kind::Array),
                ("rules", Kind::Array),
                ("items", Kind::Array),
                ("urls", Kind::Array),
            ],
        )
        .expect("every value reads");
        assert_eq!(
            Value::Object(fields),
            json!({
                "ttl": 60, "price": -0.0025, "enabled": true, "off": false,
                "data": {"a": [1, 2]}, "list": [1], "text": "{not json", "plain": "5", "name": "x",
                "codecs": ["VP8"], "rules": [{"k": 1}], "items": [1, 2], "urls": ["a", "b"],
            })
        );
    }

    #[test]
    fn a_number_or_boolean_that_does_not_read_is_refused_by_name() {
        for (kind, text) in [
            (Kind::Integer, "many"),
            (Kind::Number, "1.2.3"),
            (Kind::Boolean, "yes"),
        ] {
            let Value::Object(mut fields) = json!({ "ignore_capacity": text }) else {
                unreachable!()
            };
            let error = typed(&mut fields, &[("ignore_capacity", kind)]).unwrap_err();
            assert!(error.contains("ignore_capacity"), "{error}");
            assert!(error.contains(text), "{error}");
        }
    }
}
