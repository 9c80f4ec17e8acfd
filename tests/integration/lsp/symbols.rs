//! Document symbols: the outline of a file.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn document_symbols_include_the_cycle() {
    let mut s = Session::with_plan(&fixed());
    let symbols = s.client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": s.plan_uri } }),
    );
    assert!(symbols
        .as_array()
        .expect("array")
        .iter()
        .any(|s| s["name"] == "2026-Q1"));
}
