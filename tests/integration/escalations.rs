//! Escalations (`check --escalations <folder>`): a snapshot for every
//! fixture in `examples/escalations/`, the files against their schema, and
//! the rule tests of the codes (`fn e0704_…` to `fn e0706_…`, as in
//! `rules.rs`), with escalation files in temporary folders.

use std::path::{Path, PathBuf};

use koomc::diagnostic::render;

use crate::common::{assert_snapshot, codes, expect, found, Expect};

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
        assert_snapshot!(folder, render::human_string(&c.sources, &c.diagnostics));
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

/// A plan with one cycle, 2026-Q1, and `more` at its end (`resolve` lines);
/// `after` follows the cycle.
fn plan(more: &str, after: &str) -> String {
    format!(
        "koom 1.0\nmanager operations \"Rita Ringtail\"\nmanager logistics \"Bandit Masks\"\n\
         metric throughput unit crates/week better higher baseline 1150\n\
         cycle 2026-Q1 {{\n  direction \"Every crate leaves the dock on the day it was promised.\"\n  to operations {{ goal throughput >= 1300 }}\n{more}}}\n{after}"
    )
}

const RESOLVE_7: &str =
    "  resolve ESC-7 for operations, logistics: \"Outbound loads go first at the dock until March 31.\"\n";

/// An escalation file: `id`, filed for `cycle` by `raised_by` (JSON list
/// items), with `options` and `data` (JSON arrays).
fn escalation(id: &str, cycle: &str, raised_by: &str, options: &str, data: &str) -> String {
    format!(
        "{{\n  \"schema\": \"koom.escalation/1\",\n  \"id\": \"{id}\",\n  \"cycle\": \"{cycle}\",\n  \"raised_by\": [{raised_by}],\n  \"question\": \"Dock slots: outbound first or inbound first in February?\",\n  \"options\": {options},\n  \"data\": {data}\n}}\n"
    )
}

const OPTIONS: &str = r#"[{ "option": "Outbound first", "impact": "On-time delivery +3pp" }, { "option": "Inbound first" }]"#;
const DATA: &str = r#"[{ "metric": "throughput", "value": 1180, "note": "4-week average" }]"#;

/// ESC-7 as operations and logistics filed it for 2026-Q1.
fn esc_7() -> String {
    escalation(
        "ESC-7",
        "2026-Q1",
        r#""operations", "logistics""#,
        OPTIONS,
        DATA,
    )
}

/// `text` as `plan.koom` (clean on its own) checked with the escalation
/// `files` (name, text), written into a fresh folder.
fn checked(text: &str, files: &[(&str, String)]) -> koomc::Compilation {
    let mut c = koomc::compile_text(Path::new("plan.koom"), text.to_owned());
    assert!(
        c.diagnostics.is_empty(),
        "the plan is not clean on its own:\n{text}\n{}",
        render::human_string(&c.sources, &c.diagnostics)
    );
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, json) in files {
        std::fs::write(dir.path().join(name), json).expect("write");
    }
    koomc::escalation::check(&mut c, dir.path());
    c
}

/// The wrong plan with its escalation files gives exactly the diagnostic
/// `expect` describes; the right one with its files gives nothing.
fn escalated(expect: Expect, wrong: (&str, &[(&str, String)]), right: (&str, &[(&str, String)])) {
    let code = expect.code.clone();
    let c = checked(wrong.0, wrong.1);
    let shown = render::human_string(&c.sources, &c.diagnostics);
    assert_eq!(
        codes(&c),
        [code.as_str()],
        "wrong case for {code}:\n{}\n{shown}",
        wrong.0
    );
    assert_eq!(
        found(&c),
        [expect],
        "wrong case for {code}:\n{}\n{shown}",
        wrong.0
    );
    let c = checked(right.0, right.1);
    assert!(
        c.diagnostics.is_empty(),
        "right case for {code}:\n{}\n{}",
        right.0,
        render::human_string(&c.sources, &c.diagnostics)
    );
}

#[test]
fn e0704_a_resolve_of_an_unknown_escalation_or_units() {
    // An id that no file holds; filing it puts it right.
    let text = plan(
        &format!(
            "{RESOLVE_7}  resolve ESC-3 for logistics: \"Logistics keeps the second carrier.\"\n"
        ),
        "",
    );
    let esc_3 = escalation("ESC-3", "2026-Q1", r#""logistics""#, OPTIONS, DATA);
    escalated(
        expect("E0704")
            .underlined("ESC-3")
            .label("unknown escalation"),
        (&text, &[("ESC-7.json", esc_7())]),
        (&text, &[("ESC-7.json", esc_7()), ("ESC-3.json", esc_3)]),
    );
    // Not addressed to every unit that raised it.
    let one =
        "  resolve ESC-7 for logistics: \"Outbound loads go first at the dock until March 31.\"";
    escalated(
        expect("E0704")
            .underlined(one.trim())
            .label("the resolution"),
        (&plan(&format!("{one}\n"), ""), &[("ESC-7.json", esc_7())]),
        (&plan(RESOLVE_7, ""), &[("ESC-7.json", esc_7())]),
    );
    // Resolved in another cycle than the one it was raised for.
    let q2 = |more: &str| {
        format!("cycle 2026-Q2 {{\n  direction \"Every crate leaves the dock on the day it was promised.\"\n  to operations {{ goal throughput >= 1400 }}\n{more}}}\n")
    };
    escalated(
        expect("E0704")
            .underlined("ESC-7")
            .label("resolved in the wrong cycle"),
        (&plan("", &q2(RESOLVE_7)), &[("ESC-7.json", esc_7())]),
        (&plan(RESOLVE_7, &q2("")), &[("ESC-7.json", esc_7())]),
    );
}

#[test]
fn e0705_an_open_escalation() {
    escalated(
        expect("E0705").underlined("\"id\"").label("open"),
        (&plan("", ""), &[("ESC-7.json", esc_7())]),
        (&plan(RESOLVE_7, ""), &[("ESC-7.json", esc_7())]),
    );
    // An escalation of a cycle the plan does not hold is not its to answer.
    let later = esc_7().replace("2026-Q1", "2026-Q3");
    assert!(checked(&plan("", ""), &[("ESC-7.json", later)])
        .diagnostics
        .is_empty());
}

#[test]
fn e0706_an_excuse_not_an_escalation() {
    let text = plan(RESOLVE_7, "");
    let raised_by = r#""operations", "logistics""#;
    for (refused, underlined, label) in [
        (
            escalation("ESC-7", "2026-Q1", raised_by, "[]", DATA),
            "\"options\"",
            "no options",
        ),
        (
            escalation("ESC-7", "2026-Q1", raised_by, OPTIONS, "[]"),
            "\"data\"",
            "no data",
        ),
        (
            esc_7().replace("koom.escalation/1", "koom.escalation/2"),
            "\"schema\"",
            "here",
        ),
    ] {
        escalated(
            expect("E0706").underlined(underlined).label(label),
            (&text, &[("ESC-7.json", refused)]),
            (&text, &[("ESC-7.json", esc_7())]),
        );
    }
    // A file that is not an escalation at all (a misspelt key): serde stops
    // at the end of the key. It has no id, so the other file is resolved
    // here, and ESC-8 once it is filed right.
    let esc_8 = esc_7().replace("ESC-7", "ESC-8");
    let resolve_8 = RESOLVE_7.replace("ESC-7", "ESC-8");
    escalated(
        expect("E0706").underlined("\"").label("here"),
        (
            &text,
            &[
                ("ESC-7.json", esc_7()),
                ("ESC-8.json", esc_8.replace("\"cycle\"", "\"cycles\"")),
            ],
        ),
        (
            &plan(&format!("{RESOLVE_7}{resolve_8}"), ""),
            &[("ESC-7.json", esc_7()), ("ESC-8.json", esc_8)],
        ),
    );
}
