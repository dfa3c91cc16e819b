//! Every response example in Twilio's descriptions (`examples/examples.json`, written with the
//! code by `cargo xtask catalog`) decodes into its catalog type, and encoding the decoded value
//! gives back every field the type knows with an equal value. Each case runs when its product's
//! feature is enabled; `--features full` runs them all: `cargo test -p twilio-catalog --features full`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

#[path = "examples/cases.rs"]
mod cases;

const DATA: &str = include_str!("examples/examples.json");

/// The examples, and what checking them found.
#[derive(Debug)]
pub struct Checker {
    cases: BTreeMap<String, (Option<String>, Vec<Value>)>,
    operations: usize,
    records: usize,
    fields: usize,
    failures: Vec<String>,
}

impl Checker {
    fn load() -> Self {
        let all: Vec<Value> = serde_json::from_str(DATA).expect("examples.json is JSON");
        let mut cases = BTreeMap::new();
        for case in all {
            let key = case["key"].as_str().expect("a key").to_owned();
            let list_key = case["list_key"].as_str().map(str::to_owned);
            let values = case["values"].as_array().cloned().unwrap_or_default();
            cases.insert(key, (list_key, values));
        }
        Checker {
            cases,
            operations: 0,
            records: 0,
            fields: 0,
            failures: Vec::new(),
        }
    }

    /// Decodes each example of `key` (each record of a list page) as `T` and compares.
    pub fn check<T: DeserializeOwned + Serialize>(&mut self, key: &str) {
        let Some((list_key, values)) = self.cases.get(key).cloned() else {
            self.failures.push(format!("{key}: no such example"));
            return;
        };
        self.operations += 1;
        for (n, value) in values.iter().enumerate() {
            let records: Vec<&Value> = match &list_key {
                Some(list_key) => match value.get(list_key).and_then(Value::as_array) {
                    Some(records) => records.iter().collect(),
                    None => {
                        self.failures
                            .push(format!("{key} #{n}: no `{list_key}` array"));
                        continue;
                    }
                },
                None => vec![value],
            };
            for (r, record) in records.into_iter().enumerate() {
                self.records += 1;
                let at = format!("{key} #{n}.{r}");
                let decoded: T = match serde_json::from_value(record.clone()) {
                    Ok(decoded) => decoded,
                    Err(error) => {
                        self.failures
                            .push(format!("{at}: does not decode: {error}"));
                        continue;
                    }
                };
                let encoded = match serde_json::to_value(&decoded) {
                    Ok(Value::Object(encoded)) => encoded,
                    Ok(other) => {
                        self.failures
                            .push(format!("{at}: encodes as {other}, not an object"));
                        continue;
                    }
                    Err(error) => {
                        self.failures
                            .push(format!("{at}: does not encode: {error}"));
                        continue;
                    }
                };
                for (field, again) in &encoded {
                    let original = record.get(field).unwrap_or(&Value::Null);
                    self.fields += 1;
                    if !same(original, again) {
                        self.failures.push(format!(
                            "{at}: `{field}` was {original}, encodes as {again}"
                        ));
                    }
                }
            }
        }
    }
}

/// Equal values, reading a number and a string holding that number as equal, and two date-time
/// strings naming the same instant as equal (RFC 2822 `+0000` and `-0000`, ISO 8601 `Z` and
/// `+00:00`, fractions of a second).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::String(s), Value::Number(n)) | (Value::Number(n), Value::String(s)) => {
            s.trim().parse::<f64>().ok() == n.as_f64()
        }
        (Value::String(s), Value::Null) | (Value::Null, Value::String(s)) => s.is_empty(),
        (Value::String(x), Value::String(y)) => x == y || same_instant(x, y),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn same_instant(x: &str, y: &str) -> bool {
    fn instant(text: &str) -> Option<jiff::Timestamp> {
        text.parse::<jiff::Timestamp>().ok().or_else(|| {
            jiff::fmt::rfc2822::DateTimeParser::new()
                .parse_timestamp(text)
                .ok()
        })
    }
    instant(x).is_some_and(|x| Some(x) == instant(y))
}

#[test]
fn every_response_example_decodes_and_encodes_back() {
    let mut checker = Checker::load();
    cases::all(&mut checker);
    println!(
        "{} operations, {} records, {} fields checked; {} examples in the data",
        checker.operations,
        checker.records,
        checker.fields,
        checker.cases.len()
    );
    if cfg!(feature = "full") {
        assert_eq!(
            checker.operations,
            checker.cases.len(),
            "every example has a case"
        );
    }
    assert!(
        checker.failures.is_empty(),
        "{} failures:\n{}",
        checker.failures.len(),
        checker.failures.join("\n")
    );
}

#[test]
fn the_comparison_tells_values_apart() {
    assert!(same(
        &serde_json::json!("-0.0025"),
        &serde_json::json!(-0.0025)
    ));
    assert!(same(
        &serde_json::json!("Thu, 30 Jul 2015 20:00:00 +0000"),
        &serde_json::json!("Thu, 30 Jul 2015 20:00:00 -0000")
    ));
    assert!(same(
        &serde_json::json!("2015-07-30T20:00:00Z"),
        &serde_json::json!("2015-07-30T20:00:00.000Z")
    ));
    assert!(!same(
        &serde_json::json!("2015-07-30T20:00:00Z"),
        &serde_json::json!("2015-07-30T20:00:01Z")
    ));
    assert!(!same(&serde_json::json!(1), &serde_json::json!(2)));
    assert!(!same(&serde_json::json!("a"), &serde_json::json!(null)));
    assert!(!same(
        &serde_json::json!({"a": 1}),
        &serde_json::json!({"a": 1, "b": 2})
    ));
}
