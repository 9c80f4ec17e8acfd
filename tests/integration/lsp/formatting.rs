//! Formatting returns the canonical layout of `koomc fmt`.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn formatting_returns_the_canonical_layout() {
    let fixed = fixed();
    let messy = fixed.replace("  priority 1 throughput", "      priority   1   throughput");
    let mut s = Session::with_plan(&messy);
    let edits = s.client.request("textDocument/formatting", json!({ "textDocument": { "uri": s.plan_uri }, "options": { "tabSize": 2, "insertSpaces": true } }));
    let canonical = koomc::format::format(koomc::source::FileId(0), &fixed).expect("formats");
    assert_eq!(edits[0]["newText"], canonical.as_str());
    assert!(canonical.contains("  priority 1 throughput\n"));
}
