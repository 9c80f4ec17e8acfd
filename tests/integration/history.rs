//! Change control: `check new --baseline old` over every history in
//! `examples/history/` (snapshots of what it reports), and the cases the
//! histories do not show.

use std::path::{Path, PathBuf};

use koomc::diagnostic::render;

use crate::common::{assert_snapshot, codes, History};

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
        let history = History::load(path);
        let (new, _) = history.compared();
        assert_eq!(codes(&new), expected(&history.name), "{}", history.name);
        assert_snapshot!(
            "histories",
            format!(
                "$ koomc check {new} --baseline {old}\n{}",
                render::human_string(&new.sources, &new.diagnostics),
                new = history.new_path.display(),
                old = history.old_path.display(),
            )
        );
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
