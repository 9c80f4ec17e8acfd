//! Definition, references and rename, across the files of a project.

use serde_json::json;

use super::{fixed, Session};

#[test]
fn definition_is_found_in_another_file() {
    let mut s = Session::with_plan(&fixed());
    // `logistics` is declared in org.koom.
    let definition = s.client.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": s.plan_uri }, "position": { "line": 6, "character": 7 } }),
    );
    assert_eq!(definition["uri"], s.org_uri);
    assert_eq!(
        definition["range"]["start"],
        json!({ "line": 3, "character": 8 })
    );
}

#[test]
fn references_include_the_declaration() {
    let mut s = Session::with_plan(&fixed());
    let references = s.client.request("textDocument/references", json!({ "textDocument": { "uri": s.plan_uri }, "position": { "line": 5, "character": 14 }, "context": { "includeDeclaration": true } }));
    assert_eq!(references.as_array().expect("array").len(), 3);
}

#[test]
fn rename_changes_every_file() {
    let mut s = Session::with_plan(&fixed());
    // Rename a metric across both files.
    let rename = s.client.request("textDocument/rename", json!({ "textDocument": { "uri": s.plan_uri }, "position": { "line": 5, "character": 14 }, "newName": "output" }));
    let changes = rename["changes"].as_object().expect("changes");
    assert_eq!(changes[&s.plan_uri].as_array().expect("edits").len(), 2);
    assert_eq!(changes[&s.org_uri].as_array().expect("edits").len(), 1);
}
