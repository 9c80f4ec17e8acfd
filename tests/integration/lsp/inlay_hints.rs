//! Inlay hints: each goal's and constraint's exact bound, from the model's
//! `bound`, at the end of its line.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn each_goal_and_constraint_shows_its_exact_bound() {
    let text = fixed().replace(
        "  priority 1 throughput\n",
        "  priority 1 throughput\n  constraint throughput +5% # at least 5% more\n",
    );
    let mut s = Session::with_plan(&text);
    let hints = s.client.request(
        "textDocument/inlayHint",
        json!({
            "textDocument": { "uri": s.plan_uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 9, "character": 0 } }
        }),
    );
    let got: Vec<(u64, u64, &str)> = hints
        .as_array()
        .expect("array")
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().expect("line"),
                h["position"]["character"].as_u64().expect("character"),
                h["label"].as_str().expect("label"),
            )
        })
        .collect();
    // 1150 + 5% = 1207.5; the goal's own bound; each at its line's end.
    assert_eq!(got, [(6, 46, "≥ 1207.5"), (7, 56, "≥ 1300")]);
    // Only the lines asked for.
    let some = s.client.request(
        "textDocument/inlayHint",
        json!({
            "textDocument": { "uri": s.plan_uri },
            "range": { "start": { "line": 7, "character": 0 }, "end": { "line": 7, "character": 9 } }
        }),
    );
    assert_eq!(some.as_array().expect("array").len(), 1);
}
