//! The semantic diff per recipient (`koomc diff old new`): a snapshot for
//! every history in `examples/history/`, and the JSON report against its
//! schema.

use std::path::PathBuf;

use crate::common::{assert_snapshot, History};

#[test]
fn histories() {
    insta::glob!("../../examples/history", "*/new.koom", |path| {
        let history = History::load(path);
        let report = koomc::diff::diff(
            &history.old.revision().expect("clean"),
            &history.new.revision().expect("clean"),
            None,
        );
        assert_snapshot!(
            "histories",
            format!(
                "$ koomc diff {old} {new}\n{}",
                koomc::diff::human(&report),
                new = history.new_path.display(),
                old = history.old_path.display(),
            )
        );
    });
}

#[test]
fn the_diff_follows_its_schema() {
    let old = koomc::compile(&[PathBuf::from("examples/history/whiplash/old.koom")]);
    let clean = koomc::compile(&[PathBuf::from("examples/history/whiplash/new.koom")]);
    let report = koomc::diff::diff(
        &old.revision().expect("clean"),
        &clean.revision().expect("clean"),
        Some("sales"),
    );
    assert_eq!(report.recipients.len(), 1);
    let schema: serde_json::Value =
        serde_json::from_str(&koomc::schema::get("diff").expect("schema")).expect("JSON");
    assert!(jsonschema::draft202012::is_valid(
        &schema,
        &serde_json::to_value(&report).expect("JSON")
    ));
}
