//! Quick fixes: a did-you-mean, a worker address, a missing `better`, a
//! phrasing rewrite.

use serde_json::{json, Value};

use super::{fixed, Session, BROKEN};

/// The code actions for the plan's diagnostics at the first one's range.
fn actions_at_first(s: &mut Session, diagnostics: &[Value]) -> Value {
    s.client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": s.plan_uri },
            "range": diagnostics[0]["range"],
            "context": { "diagnostics": diagnostics }
        }),
    )
}

#[test]
fn a_quick_fix_applies_the_did_you_mean() {
    let mut s = Session::with_plan(BROKEN);
    let diagnostics = s.client.diagnostics(&s.plan_uri);
    let actions = actions_at_first(&mut s, &diagnostics);
    assert_eq!(actions[0]["title"], "did you mean `logistics`?");
    let edit = &actions[0]["edit"]["changes"][&s.plan_uri][0];
    assert_eq!(edit["newText"], "logistics");
    assert_eq!(
        actions[0]["isPreferred"], false,
        "a close name is a guess to review"
    );
}

#[test]
fn quick_fixes_for_a_worker_address_and_a_missing_better() {
    let mut s = Session::start();
    // A worker address becomes its manager's; a missing `better` is added.
    let other_uri = koomc::lsp::path_to_uri(&s.root.join("other.koom"));
    let other = "koom 1.0\nuse \"org.koom\"\nmetric rating unit points baseline 3\ncycle 2026-Q1 {\n  direction \"Café Raccoon ships every crate within 24 hours.\"\n  constraint throughput +5% keep rating\n  to night-shift { goal throughput >= 1200 }\n}\n";
    s.open(&other_uri, other);
    let found = s.client.diagnostics(&other_uri);
    let codes: Vec<&str> = found
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["E0304", "E0101"]);
    let actions = s.client.request("textDocument/codeAction", json!({
        "textDocument": { "uri": other_uri },
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 8, "character": 0 } },
        "context": { "diagnostics": found }
    }));
    let titles: Vec<&str> = actions
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        [
            "declare that higher is better: `metric rating … better higher`",
            "declare that lower is better: `metric rating … better lower`",
            "address its manager instead: `operations`"
        ]
    );
    let better = &actions[0]["edit"]["changes"][&other_uri][0];
    assert_eq!(better["newText"], " better higher");
    assert_eq!(
        better["range"]["start"],
        json!({ "line": 2, "character": 36 })
    );
    let fix = &actions[2]["edit"]["changes"][&other_uri][0];
    assert_eq!(fix["newText"], "operations");
    assert_eq!(fix["range"]["start"], json!({ "line": 6, "character": 5 }));
}

#[test]
fn a_phrasing_rewrite_is_a_quick_fix() {
    let text = fixed().replace(
        "  to logistics { goal throughput >= 1300 by 2026-03-31 }",
        "  to logistics { outcome \"Throughput must reach 1300 crates/week by 2026-03-31 through hiring new drivers.\" by 2026-03-31 }",
    );
    let mut s = Session::with_plan(&text);
    let found = s.client.diagnostics(&s.plan_uri);
    assert_eq!(super::codes(&found), ["E0201"], "{found:?}");
    let actions = actions_at_first(&mut s, &found);
    assert_eq!(
        actions[0]["title"],
        "state it as: `Throughput must reach 1300 crates/week by 2026-03-31`"
    );
    assert_eq!(
        actions[0]["isPreferred"], false,
        "a rewrite is a guess to review"
    );
    let edit = &actions[0]["edit"]["changes"][&s.plan_uri][0];
    assert_eq!(
        edit["newText"],
        "Throughput must reach 1300 crates/week by 2026-03-31"
    );
    // The sentence inside the quotes, up to its full stop (kept).
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 6, "character": 26 })
    );
    assert_eq!(edit["range"]["end"], json!({ "line": 6, "character": 105 }));
}
