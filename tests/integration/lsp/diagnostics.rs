//! Diagnostics are published on open and on every change.

use serde_json::{json, Value};

use super::{fixed, Session, BROKEN};

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
