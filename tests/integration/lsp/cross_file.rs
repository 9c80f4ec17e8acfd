//! True across files: checks read open buffers before the disk. An unsaved
//! edit to the org file re-checks the plan that `use`s it at once; closing
//! the buffer falls back to the file on disk; `koom.toml` edits and
//! `workspace/didChangeWatchedFiles` re-check the project; a file no check
//! reports on any more has its diagnostics cleared.

use serde_json::{json, Value};

use super::{codes, fixed, Session, ORG};

#[test]
fn an_unsaved_edit_to_the_org_file_rechecks_the_plan() {
    let mut s = Session::with_plan(&fixed());
    let (plan, org) = (s.plan_uri.clone(), s.org_uri.clone());
    assert_eq!(s.client.diagnostics(&plan), Vec::<Value>::new());
    // In the editor, not on disk: `logistics` is renamed in org.koom.
    s.open(&org, ORG);
    // Opening the org file re-checks the plan (still clean); waiting for that
    // check keeps it apart from the edit's, whatever the server's timing.
    assert_eq!(s.client.diagnostics(&plan), Vec::<Value>::new());
    let renamed = ORG.replace("manager logistics", "manager logistic");
    s.change(&org, 2, &renamed);
    let found = s.client.diagnostics(&plan);
    assert_eq!(codes(&found), ["E0102"], "{found:?}");
    assert_eq!(
        found[0]["range"]["start"],
        json!({ "line": 6, "character": 5 })
    );
    // The buffer is closed unsaved: the plan reads the disk again.
    s.close(&org);
    assert_eq!(s.client.diagnostics(&plan), Vec::<Value>::new());
}

#[test]
fn an_org_file_that_exists_only_as_a_buffer_can_be_used() {
    let mut s = Session::start();
    let plan = s.plan_uri.clone();
    let shared = koomc::lsp::path_to_uri(&s.root.join("shared.koom"));
    s.open(&shared, &ORG.replace("throughput", "output"));
    let text = fixed()
        .replace("org.koom", "shared.koom")
        .replace("throughput", "output");
    s.open(&plan, &text);
    assert_eq!(s.client.diagnostics(&plan), Vec::<Value>::new());
}

#[test]
fn a_file_no_longer_used_has_its_diagnostics_cleared() {
    let mut s = Session::start();
    let plan = s.plan_uri.clone();
    std::fs::write(s.root.join("extra.koom"), "koom 1.0\nmetric goal unit x\n").expect("write");
    let extra = koomc::lsp::path_to_uri(&s.root.join("extra.koom"));
    let with_extra = fixed().replace(
        "use \"org.koom\"\n",
        "use \"org.koom\"\nuse \"extra.koom\"\n",
    );
    s.open(&plan, &with_extra);
    let found = s.client.diagnostics(&extra);
    assert_eq!(codes(&found), ["E0001"], "{found:?}");
    // The plan stops using it: nothing reports on extra.koom any more.
    s.change(&plan, 2, &fixed());
    assert_eq!(s.client.diagnostics(&extra), Vec::<Value>::new());
}

#[test]
fn koom_toml_on_disk_and_in_a_buffer_rechecks_the_project() {
    let mut s = Session::with_plan(&fixed());
    let plan = s.plan_uri.clone();
    assert_eq!(s.client.diagnostics(&plan), Vec::<Value>::new());
    let toml = s.root.join("koom.toml");
    std::fs::write(&toml, "[lints]\nno-such-lint = \"warn\"\n").expect("write");
    let toml_uri = koomc::lsp::path_to_uri(&toml);
    s.client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml_uri, "type": 1 }] }),
    );
    assert_eq!(codes(&s.client.diagnostics(&toml_uri)), ["E0008"]);
    // Put right in the editor, unsaved: the project is checked with it.
    s.open(&toml_uri, "[lints]\nslack-target = \"allow\"\n");
    assert_eq!(s.client.diagnostics(&toml_uri), Vec::<Value>::new());
    assert_eq!(s.client.diagnostics(&plan), Vec::<Value>::new());
}
