//! Every kind of fix the diagnostics carry (and so every quick fix of the
//! language server): applied to the author's files, the file checks again
//! without that code.

use std::path::Path;

use koomc::diagnostic::{apply_edits, Applicability, Code, Fix};

const ORG: &str = "koom 1.0\nmanager operations \"Rita\"\nmanager logistics \"Bo\"\nworker night-shift under operations\nmetric throughput unit crates/week better higher baseline 1150\nmetric rating unit points\n";

/// A project in a temporary folder: `main.koom` and other files.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new(files: &[(&str, &str)]) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
            std::fs::write(path, text).expect("write");
        }
        Project { dir }
    }

    fn compile(&self) -> koomc::Compilation {
        let mut c = koomc::compile(&[self.dir.path().join("main.koom")]);
        let escalations = self.dir.path().join("escalations");
        if escalations.is_dir() {
            koomc::escalation::check(&mut c, &escalations);
        }
        c
    }

    /// The first diagnostic of `code`'s fix number `which`, applied to the
    /// files it edits; the codes of the check after it.
    fn fix(&self, code: Code, which: usize) -> (Fix, Vec<Code>) {
        let c = self.compile();
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("no {code} in {:?}", c.diagnostics));
        let fix = d
            .fixes
            .get(which)
            .unwrap_or_else(|| panic!("{code} has no fix {which}: {d:?}"))
            .clone();
        let mut files: Vec<_> = fix.edits.iter().map(|e| e.span.file).collect();
        files.dedup();
        for file in files {
            let edits = fix.edits.iter().filter(|e| e.span.file == file);
            let (text, skipped) = apply_edits(&c.sources.get(file).text, edits);
            assert_eq!(skipped, 0, "{fix:?}");
            std::fs::write(c.sources.name(file), text).expect("rewrite");
        }
        let after = self.compile().diagnostics.iter().map(|d| d.code).collect();
        (fix, after)
    }
}

/// A cycle with its direction (E0308) and `body`.
fn plan(body: &str) -> String {
    format!("{ORG}cycle 2026-Q1 {{\n  direction \"Every crate leaves the dock on the day it was promised.\"\n{body}\n}}\n")
}

/// Fix `code` in `main.koom` (with the other files), and check it is gone.
fn fixes(code: Code, files: &[(&str, &str)], which: usize, safe: bool) -> Vec<Code> {
    let p = Project::new(files);
    let (fix, after) = p.fix(code, which);
    assert!(
        !after.contains(&code),
        "{code} is still there after `{}`: {after:?}",
        fix.title
    );
    let applicability = if safe {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    assert_eq!(fix.applicability, applicability, "{}", fix.title);
    after
}

#[test]
fn an_unknown_unit_becomes_the_close_one() {
    let main = plan("  to operatons { goal throughput >= 1300 }");
    assert_eq!(fixes(Code::E0102, &[("main.koom", &main)], 0, false), []);
}

#[test]
fn an_unknown_metric_becomes_the_close_one() {
    let main = plan("  to operations { goal throughpt >= 1300 }");
    assert_eq!(fixes(Code::E0103, &[("main.koom", &main)], 0, false), []);
}

#[test]
fn a_worker_address_becomes_its_managers() {
    let main = plan("  to night-shift { goal throughput >= 1300 }");
    assert_eq!(fixes(Code::E0101, &[("main.koom", &main)], 0, false), []);
}

#[test]
fn a_missing_better_is_declared_either_way() {
    for which in [0, 1] {
        let main = plan("  constraint throughput +5% keep rating");
        let after = fixes(Code::E0304, &[("main.koom", &main)], which, false);
        assert_eq!(after, [Code::E0305], "the baseline is missing too");
    }
}

#[test]
fn a_missing_baseline_is_added_for_the_author_to_fill_in() {
    let main = plan("  constraint rating -5%");
    let after = fixes(Code::E0305, &[("main.koom", &main)], 0, false);
    assert_eq!(after, [Code::E0304], "the direction is missing too");
}

#[test]
fn a_means_in_an_outcome_is_rewritten_in_the_authors_words() {
    let main = plan("  to operations { outcome \"Throughput must reach 1300 crates/week by 2026-03-31 through hiring new drivers.\" by 2026-03-31 }");
    let p = Project::new(&[("main.koom", &main)]);
    let (fix, after) = p.fix(Code::E0201, 0);
    assert_eq!(after, [], "{}", fix.title);
    assert_eq!(fix.applicability, Applicability::Unsafe);
    let text = std::fs::read_to_string(p.dir.path().join("main.koom")).expect("read");
    assert!(
        text.contains("outcome \"Throughput must reach 1300 crates/week by 2026-03-31.\" by"),
        "{text}"
    );
}

#[test]
fn a_rewrite_with_a_blank_to_fill_in_is_help_not_a_fix() {
    let main = plan("  to operations { outcome \"Throughput must rise above 1300 crates/week immediately.\" by 2026-03-31 }");
    let c = Project::new(&[("main.koom", &main)]).compile();
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == Code::E0303)
        .expect("E0303");
    assert_eq!(
        d.help.as_deref(),
        Some("state it as: `Throughput must rise above 1300 crates/week by <date>`")
    );
    assert_eq!(d.fixes, []);
}

#[test]
fn an_ai_use_becomes_the_close_permitted_one() {
    let main = plan("  to operations { goal throughput >= 1300 ai drfat }");
    assert_eq!(fixes(Code::E0801, &[("main.koom", &main)], 0, false), []);
}

#[test]
fn a_misspelt_keyword_and_an_arrow_are_rewritten() {
    let main = plan("  gaol throughput >= 1300");
    assert_eq!(fixes(Code::E0001, &[("main.koom", &main)], 0, false), []);
    let main = plan("  goal throughput => 1300");
    assert_eq!(fixes(Code::E0001, &[("main.koom", &main)], 0, true), []);
}

#[test]
fn a_use_of_a_missing_file_names_the_close_one() {
    let main = "koom 1.0\nuse \"shared/orgg.koom\"\n";
    let files = [("main.koom", main), ("shared/org.koom", ORG)];
    assert_eq!(fixes(Code::E0005, &files, 0, false), []);
}

#[test]
fn an_unknown_lint_becomes_the_close_one() {
    let files = [
        ("main.koom", ORG),
        ("koom.toml", "[lints]\nvague-terms = \"warn\"\n"),
    ];
    assert_eq!(fixes(Code::E0008, &files, 0, false), []);
}

#[test]
fn an_unknown_escalation_becomes_the_close_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let esc = std::fs::read_to_string(root.join("examples/escalations/valid/ESC-7.json"))
        .expect("the fixture");
    let main =
        plan("  to operations { goal throughput >= 1300 }\n  resolve ESC-77 for operations, logistics: \"Outbound first until March 31.\"");
    let files = [
        ("main.koom", main.as_str()),
        ("escalations/ESC-7.json", esc.as_str()),
    ];
    assert_eq!(fixes(Code::E0704, &files, 0, false), []);
}
