//! Completion offers what may stand where the cursor is, and nothing else.

use serde_json::Value;

use super::{fixed, labels, Session};

/// The plan with `line` added as the cycle's last line (line 7), and the
/// completion at its end.
fn complete_at_end_of(line: &str) -> (Value, Vec<String>) {
    let text = fixed().replace("}\n}\n", &format!("}}\n{line}\n}}\n"));
    let mut s = Session::with_plan(&fixed());
    let uri = s.plan_uri.clone();
    // Typed after a clean check: the names of that check are kept.
    s.change(&uri, 2, &text);
    let last = line.lines().count() as u32 - 1;
    let column = line
        .lines()
        .last()
        .unwrap_or_default()
        .encode_utf16()
        .count() as u32;
    let items = s.at("textDocument/completion", &uri, 7 + last, column);
    (items.clone(), labels(&items))
}

const UNITS: [&str; 2] = ["operations", "logistics"];

#[test]
fn completion_after_to_offers_the_units_but_no_worker() {
    let (_, got) = complete_at_end_of("  to ");
    assert_eq!(got, UNITS);
}

#[test]
fn after_a_comma_of_align_only_units() {
    let (_, got) = complete_at_end_of("  align logistics, ");
    assert_eq!(got, UNITS);
    let (_, got) = complete_at_end_of("  align logistics, oper");
    assert_eq!(got, UNITS, "the word being typed is the client's to filter");
}

#[test]
fn after_ai_only_the_permitted_uses() {
    let (_, got) = complete_at_end_of("  priority 2 rating ai ");
    assert_eq!(got, koomc::lsp::AI_USES);
    assert_eq!(
        koomc::lsp::AI_USES,
        [
            "summarize",
            "draft",
            "scenario",
            "explore",
            "expand",
            "interpret"
        ]
    );
}

#[test]
fn after_better_only_higher_and_lower() {
    let text = fixed().replace(
        "revision 2026-01-02\n",
        "revision 2026-01-02\nmetric rating unit points better \n",
    );
    let mut s = Session::with_plan(&text);
    let uri = s.plan_uri.clone();
    let got = labels(&s.at("textDocument/completion", &uri, 3, 33));
    assert_eq!(got, ["higher", "lower"]);
}

#[test]
fn an_empty_line_in_a_to_block_offers_only_directive_keywords() {
    let (_, got) = complete_at_end_of("  to logistics {\n    ");
    assert_eq!(got, ["goal", "constraint", "outcome", "allocate", "urgent"]);
}

#[test]
fn never_a_file_level_keyword_inside_a_cycle() {
    let (_, got) = complete_at_end_of("  ");
    for word in ["metric", "manager", "worker", "use", "cycle", "org", "koom"] {
        assert!(!got.iter().any(|g| g == word), "{word} in {got:?}");
    }
    assert!(
        got.iter().any(|g| g == "goal") && got.iter().any(|g| g == "to"),
        "{got:?}"
    );
    // At the file level, they are what is offered.
    let text = fixed() + "\n";
    let mut s = Session::with_plan(&text);
    let uri = s.plan_uri.clone();
    let got = labels(&s.at("textDocument/completion", &uri, 8, 0));
    assert!(
        got.iter().any(|g| g == "metric") && !got.iter().any(|g| g == "goal"),
        "{got:?}"
    );
}

#[test]
fn metrics_and_units_carry_their_declaration() {
    let (items, got) = complete_at_end_of("  to logistics { goal ");
    assert_eq!(got, ["throughput"]);
    assert_eq!(
        items[0]["detail"],
        "metric throughput unit crates/week better higher baseline 1150"
    );
    let (items, _) = complete_at_end_of("  to ");
    assert_eq!(items[0]["detail"], "manager operations \"Rita\"");
}

#[test]
fn without_a_clean_check_the_names_come_from_the_rest_of_the_file() {
    // Opened with the line half-typed: no check has ever had a model.
    let text = fixed().replace("}\n}\n", "}\n  keep \n}\n");
    let mut s = Session::with_plan(&text.replace("keep ", "constraint "));
    let uri = s.plan_uri.clone();
    let got = labels(&s.at("textDocument/completion", &uri, 7, 13));
    assert_eq!(got, ["throughput"]);
}
