//! Folding ranges: cycles, `to` blocks and runs of comment lines.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn cycles_blocks_and_comment_runs_fold() {
    let text = fixed().replace(
        "  to logistics { goal throughput >= 1300 by 2026-03-31 }\n",
        "  # Two comment lines\n  # fold together.\n  to logistics {\n    goal throughput >= 1300 by 2026-03-31\n    # a } in a comment\n  }\n",
    );
    let mut s = Session::with_plan(&text);
    let ranges = s.client.request(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": s.plan_uri } }),
    );
    let got: Vec<(u64, u64, &str)> = ranges
        .as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r["startLine"].as_u64().expect("start"),
                r["endLine"].as_u64().expect("end"),
                r["kind"].as_str().expect("kind"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(3, 11, "region"), (6, 7, "comment"), (8, 10, "region")]
    );
}
