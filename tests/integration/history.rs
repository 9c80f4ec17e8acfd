//! Change control: `check new --baseline old` over every history in
//! `examples/history/` (snapshots of what it reports), the rule tests of
//! its codes (`fn e0701_…` to `fn e0703_…`, as in `rules.rs`), and the cases
//! the histories do not show.

use std::path::{Path, PathBuf};

use koomc::diagnostic::render;

use crate::common::{assert_snapshot, codes, expect, found, Expect, History};

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
    let head = "koom 1.0\nrevision DATE\nmanager ops \"A\"\nmanager log \"B\"\nmetric t unit crates better higher baseline 10\ncycle 2026-Q1 {\n window 2026-01-01 to 2026-01-05\n direction \"Every crate leaves the dock on the day it was promised.\"\n priority 1 t\n";
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

/// A revision of a small plan: its `revision` line, the units after
/// `operations` and `logistics`, and the statements of 2026-Q1 (window
/// 2026-01-01 to 2026-01-09, and its direction).
fn revision(revision: &str, units: &str, cycle: &str) -> String {
    format!(
        "koom 1.0\n{revision}manager operations \"Rita Ringtail\"\nmanager logistics \"Bandit Masks\"\n{units}\
         metric throughput unit crates/week better higher baseline 1150\n\
         metric overhead unit USD/month better lower baseline 480k\n\
         cycle 2026-Q1 {{\n  window 2026-01-01 to 2026-01-09\n  direction \"Every crate leaves the dock on the day it was promised.\"\n{cycle}}}\n"
    )
}

/// The baseline of the rule tests, issued on 2026-01-02.
fn baseline() -> String {
    revision(
        "revision 2026-01-02\n",
        "coe quality \"Quality CoE\"\n",
        "  priority 1 throughput\n  constraint overhead -5%\n  to operations { goal throughput >= 1300 }\n",
    )
}

/// `wrong` checked against `old` gives exactly the diagnostic `expect`
/// describes, `right` against `old` nothing; each of the three is clean on
/// its own (change control is what finds the problem).
fn change(expect: Expect, old: &str, wrong: &str, right: &str) {
    let compile = |name: &str, text: &str| {
        let c = koomc::compile_text(Path::new(name), text.to_owned());
        assert!(
            c.diagnostics.is_empty(),
            "{name} is not clean on its own:\n{text}\n{}",
            render::human_string(&c.sources, &c.diagnostics)
        );
        c
    };
    let old = compile("old.koom", old);
    let code = expect.code.clone();
    let mut c = compile("new.koom", wrong);
    koomc::compare_with(&mut c, &old).expect("both compile");
    let shown = render::human_string(&c.sources, &c.diagnostics);
    assert_eq!(
        codes(&c),
        [code.as_str()],
        "wrong revision for {code}:\n{wrong}\n{shown}"
    );
    assert_eq!(
        found(&c),
        [expect],
        "wrong revision for {code}:\n{wrong}\n{shown}"
    );
    let mut c = compile("new.koom", right);
    koomc::compare_with(&mut c, &old).expect("both compile");
    assert!(
        c.diagnostics.is_empty(),
        "right revision for {code}:\n{right}\n{}",
        render::human_string(&c.sources, &c.diagnostics)
    );
}

#[test]
fn e0701_changes_outside_the_window_need_a_cause() {
    let units = "coe quality \"Quality CoE\"\n";
    let mid = "revision 2026-02-16\n";
    // A goal raised mid-cycle, and the same with the data that forced it.
    change(
        expect("E0701")
            .underlined("goal throughput >= 1400")
            .label("changed outside the window"),
        &baseline(),
        &revision(mid, units, "  priority 1 throughput\n  constraint overhead -5%\n  to operations { goal throughput >= 1400 }\n"),
        &revision(mid, units, "  priority 1 throughput\n  constraint overhead -5%\n  to operations { goal throughput >= 1400 because \"January orders ran 22% above the 1150 crates/week baseline.\" }\n"),
    );
    // A priority added.
    change(
        expect("E0701")
            .underlined("priority 2 overhead")
            .label("changed outside the window"),
        &baseline(),
        &revision(mid, units, "  priority 1 throughput\n  priority 2 overhead\n  constraint overhead -5%\n  to operations { goal throughput >= 1300 }\n"),
        &revision(mid, units, "  priority 1 throughput\n  priority 2 overhead because \"Overhead rose 6% in January.\"\n  constraint overhead -5%\n  to operations { goal throughput >= 1300 }\n"),
    );
    // A constraint removed has no line to carry a cause: it points at the
    // cycle; in the window, the same removal is free.
    let removed = "  priority 1 throughput\n  to operations { goal throughput >= 1300 }\n";
    change(
        expect("E0701")
            .underlined("cycle 2026-Q1")
            .label("removed from this cycle"),
        &baseline(),
        &revision(mid, units, removed),
        &revision("revision 2026-01-05\n", units, removed),
    );
}

#[test]
fn e0702_the_org_model_changed_mid_cycle() {
    let cycle = "  priority 1 throughput\n  constraint overhead -5%\n  to operations { goal throughput >= 1300 }\n";
    let mid = "revision 2026-02-16\n";
    let unchanged = revision(mid, "coe quality \"Quality CoE\"\n", cycle);
    // A unit added mid-cycle; in the window it is free.
    let added = "manager returns \"Scraps McGee\"\ncoe quality \"Quality CoE\"\n";
    change(
        expect("E0702")
            .underlined("manager returns \"Scraps McGee\"")
            .label("a new unit"),
        &baseline(),
        &revision(mid, added, cycle),
        &revision("revision 2026-01-05\n", added, cycle),
    );
    // A unit moved to another layer.
    change(
        expect("E0702")
            .underlined("manager quality \"Quality CoE\"")
            .label("moved between layers"),
        &baseline(),
        &revision(mid, "manager quality \"Quality CoE\"\n", cycle),
        &unchanged,
    );
    // A unit removed: the cycle it runs in is pointed at.
    change(
        expect("E0702")
            .underlined("cycle 2026-Q1")
            .label("while this cycle runs"),
        &baseline(),
        &revision(mid, "", cycle),
        &unchanged,
    );
}

#[test]
fn e0703_a_revision_before_its_baseline() {
    let units = "coe quality \"Quality CoE\"\n";
    let cycle = "  priority 1 throughput\n  constraint overhead -5%\n  to operations { goal throughput >= 1300 }\n";
    let old = revision("revision 2026-02-10\n", units, cycle);
    change(
        expect("E0703")
            .underlined("2026-01-05")
            .label("earlier than the baseline"),
        &old,
        &revision("revision 2026-01-05\n", units, cycle),
        &revision("revision 2026-02-16\n", units, cycle),
    );
    // Without a `revision`, there is no date to compare.
    change(
        expect("E0703")
            .underlined("cycle 2026-Q1")
            .label("compared with the baseline"),
        &old,
        &revision("", units, cycle),
        &revision("revision 2026-02-10\n", units, cycle),
    );
}
