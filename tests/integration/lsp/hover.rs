//! Hover shows what a name is, and what a keyword means.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn hover_on_a_metric() {
    let mut s = Session::with_plan(&fixed());
    // `throughput` on line 5, after `priority 1 `.
    let hover = s.client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": s.plan_uri }, "position": { "line": 5, "character": 14 } }),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains("**metric** `throughput`") && shown.contains("crates/week"),
        "{shown}"
    );
}

#[test]
fn hover_on_a_keyword() {
    let mut s = Session::with_plan(&fixed());
    let hover = s.client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": s.plan_uri }, "position": { "line": 5, "character": 3 } }),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .expect("markdown")
        .contains("rank"));
}
