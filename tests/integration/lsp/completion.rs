//! Completion offers the names that may stand where the cursor is.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn completion_after_to_offers_the_units_but_no_worker() {
    // The units the executive layer may address.
    let with_to = fixed().replace("}\n}\n", "}\n  to \n}\n");
    let mut s = Session::with_plan(&with_to);
    let completion = s.client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": s.plan_uri }, "position": { "line": 7, "character": 5 } }),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .expect("array")
        .iter()
        .map(|i| i["label"].as_str().expect("label"))
        .collect();
    assert!(
        labels.contains(&"logistics") && labels.contains(&"operations"),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"night-shift"),
        "a worker offered: {labels:?}"
    );
}
