//! One mistake, one diagnostic; every mistake in one run.

use std::path::Path;

use koomc::diagnostic::Code;

const HEAD: &str = "koom 1.0\nmanager operations \"Rita\"\nmanager logistics \"Bo\"\nmetric throughput unit crates/week better higher baseline 1150\nmetric on-time-performance unit % better higher baseline 91\n";

fn codes(text: &str) -> Vec<Code> {
    let c = koomc::compile_text(Path::new("c.koom"), text.to_owned());
    c.diagnostics.iter().map(|d| d.code).collect()
}

fn cycle(body: &str) -> String {
    format!("{HEAD}cycle 2026-Q1 {{\n  direction \"Throughput leads the burrow.\"\n{body}\n}}\n")
}

#[test]
fn an_unknown_priority_target_is_not_also_a_rank_gap() {
    let text = cycle(
        "  priority 1 on-time-performnce\n  priority 2 throughput\n  goal throughput >= 1300",
    );
    assert_eq!(codes(&text), [Code::E0103]);
}

#[test]
fn a_goal_dropped_for_its_metric_is_not_unknown_where_its_id_is_named() {
    let text = cycle("  priority 1 ship-more\n  goal ship-more: throughpt >= 1300\n  budget 10k USD\n  allocate 10k USD to operations for ship-more");
    assert_eq!(codes(&text), [Code::E0103]);
}

#[test]
fn an_align_dropped_for_its_unit_is_not_also_a_missing_align() {
    let text = cycle("  priority 1 throughput\n  to operations { goal throughput >= 1300 }\n  to logistics { goal throughput >= 1250 }\n  align operations, logistcs on throughput");
    assert_eq!(codes(&text), [Code::E0102]);
}

#[test]
fn every_syntax_error_of_every_file_is_reported_in_one_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("org.koom"),
        "koom 1.0\nmetric a unit crates//week\nmetric b better sideways\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("plan.koom"),
        "koom 1.0\nuse \"org.koom\"\ncycle 2026-Q1 {\n  goal a => 5\n  priority first a\n}\n",
    )
    .expect("write");
    let c = koomc::compile(&[dir.path().join("plan.koom")]);
    let found: Vec<(String, Code)> = c
        .diagnostics
        .iter()
        .map(|d| {
            let file = d.primary_span().map(|s| c.sources.name(s.file).to_owned());
            let name = file.and_then(|f| {
                Path::new(&f)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            });
            (name.unwrap_or_default(), d.code)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("org.koom".to_owned(), Code::E0003),
            ("org.koom".to_owned(), Code::E0001),
            ("plan.koom".to_owned(), Code::E0001),
            ("plan.koom".to_owned(), Code::E0001),
        ],
        "{:#?}",
        c.diagnostics
    );
}
