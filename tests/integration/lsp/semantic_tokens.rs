//! Semantic tokens for the whole document: units, metrics, goal ids and
//! keywords, with the declarations marked.

use serde_json::{json, Value};

use super::{fixed, Session};

/// The tokens decoded: (line, character, length, type, modifiers).
fn decode(data: &Value) -> Vec<(u64, u64, u64, u64, u64)> {
    let data: Vec<u64> = data
        .as_array()
        .expect("array")
        .iter()
        .map(|n| n.as_u64().expect("number"))
        .collect();
    let (mut line, mut character) = (0, 0);
    data.chunks(5)
        .map(|t| {
            line += t[0];
            character = if t[0] == 0 { character + t[1] } else { t[1] };
            (line, character, t[2], t[3], t[4])
        })
        .collect()
}

#[test]
fn units_metrics_goal_ids_and_keywords_are_tokens() {
    let with_goal = fixed().replace("goal throughput", "goal ship-more: throughput");
    let mut s = Session::with_plan(&with_goal);
    let tokens = s.client.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": s.plan_uri } }),
    );
    let got = decode(&tokens["data"]);
    let line6: Vec<_> = got.iter().filter(|t| t.0 == 6).copied().collect();
    // to(keyword) logistics(unit) goal(keyword) ship-more(goal id, declared
    // here) throughput(metric) by(keyword)
    assert_eq!(
        line6,
        [
            (6, 2, 2, 3, 0),
            (6, 5, 9, 0, 0),
            (6, 17, 4, 3, 0),
            (6, 22, 9, 2, 1),
            (6, 33, 10, 1, 0),
            (6, 52, 2, 3, 0)
        ]
    );
    // The direction's words are in a string: no tokens on line 4 but `direction`.
    assert_eq!(got.iter().filter(|t| t.0 == 4).count(), 1);
}

#[test]
fn the_legend_is_in_the_capabilities() {
    let mut client = super::Client::start();
    let init = client.request(
        "initialize",
        json!({ "processId": null, "capabilities": {} }),
    );
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"];
    assert_eq!(
        legend["tokenTypes"],
        json!(["namespace", "variable", "label", "keyword"])
    );
    assert_eq!(legend["tokenModifiers"], json!(["declaration"]));
    assert_eq!(init["capabilities"]["semanticTokensProvider"]["full"], true);
}
