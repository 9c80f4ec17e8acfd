//! `koomc fmt` on arbitrary bytes: no panic; what it formats, it formats the
//! same way again (idempotent), and the formatted file compiles to the same
//! diagnostic codes and the same work orders (source lines aside) as the
//! original.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// The diagnostic codes (sorted: a position that moves may reorder two on
/// one line) and the work orders without their source lines.
fn meaning(text: &str) -> (Vec<String>, Value) {
    let c = koomc::compile_text(std::path::Path::new("fuzz.koom"), text.to_owned());
    let mut codes: Vec<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    codes.sort();
    let orders = c
        .work_orders()
        .map(|o| serde_json::from_str(&koomc::emit::bundle_json(o)).expect("JSON"))
        .unwrap_or(Value::Null);
    (codes, without_sources(orders))
}

fn without_sources(v: Value) -> Value {
    match v {
        Value::Object(map) => map
            .into_iter()
            .filter(|(k, _)| k != "source")
            .map(|(k, v)| (k, without_sources(v)))
            .collect(),
        Value::Array(items) => items.into_iter().map(without_sources).collect(),
        other => other,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = koomc::load::source_text(data.to_vec(), "fuzz.koom") else {
        return; // refused as E0004 before formatting
    };
    let file = koomc::source::FileId(0);
    let Ok(once) = koomc::format::format(file, &text) else {
        return; // a syntax error, or a comment with no place: refused
    };
    let twice = koomc::format::format(file, &once).expect("the formatted file formats again");
    assert_eq!(once, twice, "fmt is idempotent");
    assert_eq!(meaning(&once), meaning(&text), "fmt keeps the meaning");
});
