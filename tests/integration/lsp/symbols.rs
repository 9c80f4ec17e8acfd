//! Symbols: a hierarchical outline of a file (declarations grouped; cycles,
//! their `to` blocks and directives), and the workspace's symbols.

use serde_json::{json, Value};

use super::{fixed, Session, ORG};

fn names(symbols: &Value) -> Vec<String> {
    symbols
        .as_array()
        .expect("array")
        .iter()
        .map(|s| s["name"].as_str().expect("name").to_owned())
        .collect()
}

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

#[test]
fn the_outline_is_cycles_then_to_blocks_then_directives() {
    let mut s = Session::with_plan(&fixed());
    let symbols = s.client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": s.plan_uri } }),
    );
    assert_eq!(names(&symbols), ["2026-Q1"]);
    let cycle = &symbols[0];
    assert_eq!(cycle["range"]["start"]["line"], 3);
    assert_eq!(cycle["range"]["end"]["line"], 7);
    let children = names(&cycle["children"]);
    assert_eq!(
        children,
        [
            "direction \"Café 😀 crates ship within 24 hours.\"",
            "priority 1 throughput",
            "to logistics"
        ]
    );
    let block = &cycle["children"][2];
    assert_eq!(
        names(&block["children"]),
        ["goal throughput >= 1300 by 2026-03-31"]
    );
}

#[test]
fn declarations_are_grouped() {
    let mut s = Session::start();
    let org = s.org_uri.clone();
    s.open(&org, ORG);
    let symbols = s.client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": org } }),
    );
    assert_eq!(names(&symbols), ["units", "metrics"]);
    assert_eq!(
        names(&symbols[0]["children"]),
        ["operations", "logistics", "night-shift"]
    );
    assert_eq!(names(&symbols[1]["children"]), ["throughput"]);
}

#[test]
fn workspace_symbols_span_the_files_of_the_checks() {
    let mut s = Session::with_plan(&fixed());
    let found = s
        .client
        .request("workspace/symbol", json!({ "query": "log" }));
    assert_eq!(names(&found), ["logistics"]);
    assert_eq!(found[0]["location"]["uri"], s.org_uri);
    let all = s.client.request("workspace/symbol", json!({ "query": "" }));
    let all = names(&all);
    for name in ["operations", "night-shift", "throughput", "2026-Q1"] {
        assert!(all.iter().any(|n| n == name), "{name} in {all:?}");
    }
}
