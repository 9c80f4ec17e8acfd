//! The executive scorecard (`koomc score new --baseline old`): a snapshot
//! for every history in `examples/history/`, and the JSON card against its
//! schema.

use std::path::PathBuf;

use crate::common::{assert_snapshot, History};

#[test]
fn histories() {
    insta::glob!("../../examples/history", "*/new.koom", |path| {
        let history = History::load(path);
        let (new, stability) = history.compared();
        let card = koomc::score::score(
            new.model.as_ref().expect("model"),
            &new.sources,
            &new.diagnostics,
            koomc::score::Context {
                baseline: Some(("baseline", stability)),
                escalations: None,
            },
        );
        assert_snapshot!(
            "histories",
            format!(
                "$ koomc score {new} --baseline {old}\n{}",
                koomc::score::table(&card),
                new = history.new_path.display(),
                old = history.old_path.display(),
            )
        );
    });
}

#[test]
fn the_scorecard_follows_its_schema() {
    let old = koomc::compile(&[PathBuf::from("examples/history/whiplash/old.koom")]);
    let mut new = koomc::compile(&[PathBuf::from("examples/history/whiplash/new.koom")]);
    let stability = koomc::compare_with(&mut new, &old).expect("compare");
    let card = koomc::score::score(
        new.model.as_ref().expect("model"),
        &new.sources,
        &new.diagnostics,
        koomc::score::Context {
            baseline: Some(("2026-01-08", stability)),
            escalations: None,
        },
    );
    let schema: serde_json::Value =
        serde_json::from_str(&koomc::schema::get("scorecard").expect("schema")).expect("JSON");
    assert!(jsonschema::draft202012::is_valid(
        &schema,
        &serde_json::to_value(&card).expect("JSON")
    ));
    let stability_figure = &card.figures[1];
    assert_eq!(stability_figure.name, "stability-of-priorities");
    assert_eq!(
        stability_figure.counts["changed_outside_window_without_cause"],
        4
    );
}
