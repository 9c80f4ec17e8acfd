//! The formatter: canonical layout, comments kept, idempotent, meaning kept.

use super::*;

fn fmt(text: &str) -> String {
    format(FileId(0), text).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn the_spec_example_is_already_canonical() {
    let text = std::fs::read_to_string("examples/raccoons.koom").expect("example");
    assert_eq!(fmt(&text), text);
}

#[test]
fn a_messy_file_gets_the_canonical_layout() {
    let messy = "koom   1.0\n# units\nmanager ops \"Ann\"\nmanager logistics   \"Bo\"   # the trucks\ncoe q \"Q\"\n\n\n\nmetric t better higher unit crates/week baseline 10\nmetric overhead unit USD baseline 480k better lower\ncycle 2026-Q1 {\n\n    goal  g1 :t>=12   by 2026-03-31\n  to ops,logistics { goal t >= 11 }\n    # closing\n}\n";
    let want = "koom 1.0\n# units\nmanager ops       \"Ann\"\nmanager logistics \"Bo\"  # the trucks\ncoe     q         \"Q\"\n\nmetric t         unit crates/week  better higher  baseline 10\nmetric overhead  unit USD          better lower   baseline 480k\ncycle 2026-Q1 {\n  goal g1: t >= 12 by 2026-03-31\n  to ops, logistics {\n    goal t >= 11\n  }\n  # closing\n}\n";
    assert_eq!(fmt(messy), want);
    assert_eq!(fmt(want), want, "not idempotent");
}

#[test]
fn a_comment_inside_a_statement_is_refused_not_dropped() {
    let text = "koom 1.0\nmanager a \"A\"\nmanager b \"B\"\nmetric t unit x\ncycle 2026-Q1 {\n  align a, # shared\n    b on t\n}\n";
    let errors = format(FileId(0), text).expect_err("refused");
    assert_eq!(errors[0].code, Code::E0001);
    assert!(
        errors[0].message.contains("comment"),
        "{}",
        errors[0].message
    );
}

#[test]
fn a_file_that_does_not_parse_is_not_formatted() {
    assert!(format(FileId(0), "koom 1.0\ngaol x\n").is_err());
}
