//! Revisions over time: change control (`check --baseline`), the semantic
//! diff per recipient, the scorecard, and escalations. Snapshots of every
//! history in `examples/history/` and every escalation fixture.

use std::path::{Path, PathBuf};

use koomc::diagnostic::render;

use crate::common::{assert_snapshot, codes, relative};

/// What each history is for: the codes `check new --baseline old` gives.
fn expected(name: &str) -> Vec<&'static str> {
    match name {
        "clean-window-change" | "justified-change" => vec![],
        "whiplash" => vec!["E0701"],
        "mid-cycle-reorg" => vec!["E0702"],
        other => panic!("a history without an expectation: {other}"),
    }
}

#[test]
fn histories() {
    insta::glob!("../../examples/history", "*/new.koom", |path| {
        let new_path = relative(path);
        let folder = new_path.parent().expect("a folder");
        let name = folder
            .file_name()
            .expect("named")
            .to_string_lossy()
            .into_owned();
        let old_path = folder.join("old.koom");
        let old = koomc::compile(std::slice::from_ref(&old_path));
        assert!(
            old.diagnostics.is_empty(),
            "{} is not clean",
            old_path.display()
        );
        let mut new = koomc::compile(std::slice::from_ref(&new_path));
        assert!(
            new.diagnostics.is_empty(),
            "{} is not clean on its own",
            new_path.display()
        );
        let stability = koomc::compare_with(&mut new, &old).expect("both compile");
        assert_eq!(codes(&new), expected(&name), "{name}");

        let report = koomc::diff::diff(
            &old.work_orders().expect("clean"),
            &koomc::compile(std::slice::from_ref(&new_path))
                .work_orders()
                .expect("clean"),
            None,
        );
        let card = koomc::score::score(
            new.model.as_ref().expect("model"),
            &new.sources,
            &new.diagnostics,
            Some(("baseline", stability)),
        );
        assert_snapshot!("histories", format!(
            "$ koomc check {new} --baseline {old}\n{}\n$ koomc diff {old} {new}\n{}\n$ koomc score {new} --baseline {old}\n{}",
            render::human_string(&new.sources, &new.diagnostics),
            koomc::diff::human(&report),
            koomc::score::table(&card),
            new = new_path.display(),
            old = old_path.display(),
        ));
    });
}

#[test]
fn a_revision_dated_before_its_baseline_is_e0703() {
    let old = koomc::compile(&[PathBuf::from("examples/history/whiplash/new.koom")]);
    let mut new = koomc::compile(&[PathBuf::from("examples/history/whiplash/old.koom")]);
    koomc::compare_with(&mut new, &old);
    assert_eq!(codes(&new), ["E0703"]);
}

#[test]
fn a_goal_with_an_id_moved_to_another_block_is_a_change() {
    let head = "koom 1.0\nrevision DATE\nmanager ops \"A\"\nmanager log \"B\"\nmetric t unit crates better higher baseline 10\ncycle 2026-Q1 {\n window 2026-01-01 to 2026-01-05\n priority 1 t\n";
    let old = koomc::compile_text(
        Path::new("old.koom"),
        format!(
            "{}to ops {{ goal g1: t >= 12 by 2026-03-31 }}\n}}\n",
            head.replace("DATE", "2026-01-02")
        ),
    );
    let moved = format!(
        "{}to log {{ goal g1: t >= 12 by 2026-03-31 }}\n}}\n",
        head.replace("DATE", "2026-02-10")
    );
    let mut new = koomc::compile_text(Path::new("new.koom"), moved.clone());
    assert!(new.diagnostics.is_empty());
    koomc::compare_with(&mut new, &old);
    assert_eq!(codes(&new), ["E0701"]);
    assert!(
        new.diagnostics[0].message.contains("`goal g1` changed"),
        "{}",
        new.diagnostics[0].message
    );
    // With a cause that cites data, the move is allowed.
    let justified = moved.replace(
        "by 2026-03-31 }",
        "by 2026-03-31 because \"Logistics now handles 60% of the volume.\" }",
    );
    let mut new = koomc::compile_text(Path::new("new.koom"), justified);
    koomc::compare_with(&mut new, &old);
    assert!(new.diagnostics.is_empty(), "{:?}", new.diagnostics);
}

fn escalations(folder: &str) -> koomc::Compilation {
    let mut c = koomc::compile(&[PathBuf::from("examples/escalations/plan.koom")]);
    koomc::escalation::check(&mut c, &Path::new("examples/escalations").join(folder));
    c
}

#[test]
fn escalation_fixtures() {
    for (folder, expected) in [
        ("valid", vec![]),
        ("unresolved", vec!["E0705"]),
        ("no-data", vec!["E0706"]),
        ("unknown", vec!["E0704"]),
    ] {
        let c = escalations(folder);
        assert_eq!(codes(&c), expected, "{folder}");
        assert_snapshot!(
            format!("escalations-{folder}"),
            render::human_string(&c.sources, &c.diagnostics)
        );
    }
}

#[test]
fn escalation_files_follow_their_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&koomc::schema::get("escalation").expect("schema")).expect("JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("valid schema");
    for folder in ["valid", "unresolved", "unknown"] {
        for entry in
            std::fs::read_dir(Path::new("examples/escalations").join(folder)).expect("folder")
        {
            let path = entry.expect("entry").path();
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
            assert!(validator.is_valid(&value), "{}", path.display());
        }
    }
}

#[test]
fn the_scorecard_and_the_diff_follow_their_schemas() {
    let old = koomc::compile(&[PathBuf::from("examples/history/whiplash/old.koom")]);
    let mut new = koomc::compile(&[PathBuf::from("examples/history/whiplash/new.koom")]);
    let stability = koomc::compare_with(&mut new, &old).expect("compare");
    let card = koomc::score::score(
        new.model.as_ref().expect("model"),
        &new.sources,
        &new.diagnostics,
        Some(("2026-01-08", stability)),
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
    let clean = koomc::compile(&[PathBuf::from("examples/history/whiplash/new.koom")]);
    let report = koomc::diff::diff(
        &old.work_orders().expect("clean"),
        &clean.work_orders().expect("clean"),
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
