//! Diagnostics are published on open and on every change.

use serde_json::{json, Value};

use super::{codes, fixed, Session, BROKEN, ORG};

#[test]
fn diagnostics_are_published_with_utf16_positions() {
    let mut s = Session::with_plan(BROKEN);
    let diagnostics = s.client.diagnostics(&s.plan_uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "E0102");
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({ "line": 6, "character": 5 })
    );
}

#[test]
fn a_change_that_fixes_the_file_clears_its_diagnostics() {
    let mut s = Session::with_plan(BROKEN);
    let uri = s.plan_uri.clone();
    assert_eq!(s.client.diagnostics(&uri).len(), 1);
    s.change(&uri, 2, &fixed());
    assert_eq!(s.client.diagnostics(&uri), Vec::<Value>::new());
}

/// What the server keeps from one check to the next (each file's
/// statements, each text's phrasing verdict, the lexicon's settings) never
/// shows: after a run of edits to the plan, to the organization (a worker
/// unit added) and to `koom.toml` (a word allowed), the diagnostics are
/// those of a server that opens the last texts from nothing.
#[test]
fn diagnostics_after_edits_are_those_of_a_check_from_nothing() {
    let plan = |outcome: &str, direction: &str| {
        fixed()
            .replace(
                "  priority 1 throughput\n",
                &format!("  priority 1 throughput\n  to operations {{ outcome \"{outcome}\" }}\n"),
            )
            .replace("Café 😀 crates ship within 24 hours.", direction)
    };
    let first = plan("Improve throughput.", "Hire two pickers.");
    let second = plan("Improve throughput robustly.", "Hire two pickers.");
    let third = plan(
        "Crates must ship within 24 hours.",
        "Day shift must pack faster.",
    );
    // The direction's reading is kept from the check before.
    let last = plan("Crates must ship robustly.", "Day shift must pack faster.");
    let org = format!("{ORG}worker day-shift under operations\n");
    let toml = "[phrasing]\nallow = [\"faster\"]\n";
    let mut s = Session::with_plan(&first);
    let (plan_uri, org_uri) = (s.plan_uri.clone(), s.org_uri.clone());
    let toml_uri = koomc::lsp::path_to_uri(&s.root.join("koom.toml"));
    assert_eq!(codes(&s.client.diagnostics(&plan_uri)), ["E0201", "E0301"]);
    s.change(&plan_uri, 2, &second);
    assert_eq!(codes(&s.client.diagnostics(&plan_uri)), ["E0201", "E0301"]);
    s.change(&plan_uri, 3, &third);
    assert_eq!(codes(&s.client.diagnostics(&plan_uri)), ["E0301"]);
    s.open(&org_uri, &org);
    assert_eq!(codes(&s.client.diagnostics(&plan_uri)), ["E0101", "E0301"]);
    s.open(&toml_uri, toml);
    let edited = s.client.diagnostics(&plan_uri);
    assert_eq!(codes(&edited), ["E0101"], "{edited:?}");
    s.change(&plan_uri, 4, &last);
    let edited = s.client.diagnostics(&plan_uri);

    let mut fresh = Session::start();
    let (fresh_plan, fresh_org) = (fresh.plan_uri.clone(), fresh.org_uri.clone());
    fresh.open(&fresh_org, &org);
    fresh.open(
        &koomc::lsp::path_to_uri(&fresh.root.join("koom.toml")),
        toml,
    );
    fresh.open(&fresh_plan, &last);
    let from_nothing = fresh.client.diagnostics(&fresh_plan);
    let root = |s: &Session| koomc::lsp::path_to_uri(&s.root);
    assert_eq!(
        format!("{edited:?}").replace(&root(&s), "ROOT"),
        format!("{from_nothing:?}").replace(&root(&fresh), "ROOT")
    );
    assert_eq!(codes(&edited), ["E0101", "E0302"]);
}
