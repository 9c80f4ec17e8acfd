//! `koomc fmt` on arbitrary bytes: formatting is idempotent, and the
//! formatted text means what the original meant: the same diagnostics (code,
//! severity and message, in order) and the same work orders (but for where
//! in the file each directive now stands).
#![no_main]

use koomc::source::FileId;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = koomc::load::source_text(data.to_vec(), "fuzz.koom") else {
        return;
    };
    let Ok(formatted) = koomc::format::format(FileId(0), &text) else {
        return; // a file that does not parse is left as it is
    };
    let again = koomc::format::format(FileId(0), &formatted);
    assert_eq!(
        again.as_deref().ok(),
        Some(formatted.as_str()),
        "formatting the formatted text changes it"
    );
    let path = std::path::Path::new("fuzz.koom");
    let before = koomc::compile_text(path, text);
    let after = koomc::compile_text(path, formatted.clone());
    assert_eq!(
        meaning(&before),
        meaning(&after),
        "the formatted text reports other diagnostics"
    );
    let orders = |c: &koomc::Compilation| {
        c.work_orders()
            .map(|o| placeless(koomc::emit::bundle_json(o)))
    };
    assert_eq!(
        orders(&before),
        orders(&after),
        "the formatted text builds other work orders"
    );
});

/// What a diagnostic says, without where.
fn meaning(c: &koomc::Compilation) -> Vec<String> {
    c.diagnostics
        .iter()
        .map(|d| format!("{} {:?} {}", d.code.as_str(), d.severity, d.message))
        .collect()
}

/// A bundle without the lines and columns of its sources.
fn placeless(bundle: String) -> Value {
    let mut value: Value = serde_json::from_str(&bundle).expect("the bundle is JSON");
    strip(&mut value);
    value
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("file") {
                map.remove("line");
                map.remove("column");
            }
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
