//! One test per code, in the order of the codes: a text that breaks the rule
//! gets exactly one diagnostic, with its code, its primary label on exactly
//! the words [`Expect`] names and with the label's message; the same text put
//! right gets nothing. A failure prints the rendered diagnostics.
//!
//! Each test is `fn eXXXX_…`, named after its code in lower case, so that
//! the codes with a rule test can be found by their name (`codes.rs` demands
//! one of every code). What only files show (E0004–E0008: unreadable files,
//! `use`, the output folder, `koom.toml`) is written into temporary folders;
//! a diagnostic with no text to point at pins its path and message instead.
//! The rules of change control (E0701–E0703) are tested in `history.rs`,
//! those of escalations (E0704–E0706) in `escalations.rs`.

use std::path::{Path, PathBuf};

use koomc::diagnostic::{render, Code, Location};

use crate::common::{self, expect, found, Expect};

const HEAD: &str = r#"koom 1.0
org "Test Org"
manager operations "Rita Ringtail"
manager logistics "Bandit Masks"
coe quality "Quality CoE"
worker night-shift under operations
metric overhead unit USD/month better lower baseline 480k
metric throughput unit crates/week better higher baseline 1150
metric variance unit % better lower baseline 4.2
metric headcount unit people better lower baseline 212
metric score unit points
metric rating unit points baseline 7
"#;

fn codes(body: &str) -> Vec<String> {
    let text = format!("{HEAD}{body}");
    common::codes(&koomc::compile_text(Path::new("rules.koom"), text))
}

/// A cycle with `inner` in it, and what every cycle needs besides (E0308):
/// a direction, and an outcome that names every metric of [`HEAD`].
fn cycle(inner: &str) -> String {
    cycle_as("2026-Q1", inner)
}

/// [`cycle`] with another header: `cycle {header} {`.
fn cycle_as(header: &str, inner: &str) -> String {
    format!("cycle {header} {{\n{COMPLETE}{inner}\n}}\n")
}

/// A cycle with a direction and `inner`, and no success criterion besides:
/// for the cases where the cycle's criteria are what is tested.
fn directed(inner: &str) -> String {
    format!("cycle 2026-Q1 {{\n  direction \"Test Org is the most reliable distributor in the region.\"\n{inner}\n}}\n")
}

/// What makes a cycle complete: a direction and a success criterion that
/// bounds every metric of [`HEAD`].
const COMPLETE: &str = "  direction \"Test Org is the most reliable distributor in the region.\"\n  outcome \"Overhead, throughput, variance, headcount, score and rating must each improve by 10% by 2026-03-31.\"\n";

/// `wrong` gives exactly the diagnostic `expect` describes; `right` gives
/// nothing.
fn rule(expect: Expect, wrong: &str, right: &str) {
    judge(
        expect,
        (
            wrong,
            &koomc::compile_text(Path::new("rules.koom"), format!("{HEAD}{wrong}")),
        ),
        (
            right,
            &koomc::compile_text(Path::new("rules.koom"), format!("{HEAD}{right}")),
        ),
    );
}

/// The wrong compilation gives exactly the diagnostic `expect` describes,
/// the right one nothing; each comes with the text it was compiled from, to
/// show on failure.
fn judge(expect: Expect, wrong: (&str, &koomc::Compilation), right: (&str, &koomc::Compilation)) {
    let code = expect.code.clone();
    assert!(
        !expect.underlined.is_empty() && !expect.label.is_empty(),
        "{code}: pin the underlined text and the label"
    );
    let (wrong, c) = wrong;
    let shown = render::human_string(&c.sources, &c.diagnostics);
    assert_eq!(
        common::codes(c),
        [code.as_str()],
        "wrong text for {code}:\n{wrong}\n{shown}"
    );
    assert_eq!(
        found(c),
        [expect],
        "wrong text for {code}:\n{wrong}\n{shown}"
    );
    let (right, c) = right;
    assert_eq!(
        common::codes(c),
        Vec::<String>::new(),
        "right text for {code}:\n{right}\n{}",
        render::human_string(&c.sources, &c.diagnostics)
    );
}

/// A project in a fresh folder: each `(path, content)` is written there (a
/// path that ends in `/` is a folder), and the first is compiled. Returns
/// the compilation and the files, listed to show on failure.
fn project(files: &[(&str, &[u8])]) -> (String, koomc::Compilation) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut listing = String::new();
    for (path, content) in files {
        let at = dir.path().join(path);
        if path.ends_with('/') {
            std::fs::create_dir_all(&at).expect("folder");
        } else {
            std::fs::create_dir_all(at.parent().expect("in the folder")).expect("folder");
            std::fs::write(&at, content).expect("write");
        }
        listing.push_str(&format!(
            "--- {path}\n{}\n",
            String::from_utf8_lossy(content)
        ));
    }
    (listing, koomc::compile(&[dir.path().join(files[0].0)]))
}

/// [`rule`] for what only files show: the `wrong` project gives exactly the
/// diagnostic `expect` describes, the `right` one nothing.
fn rule_files(expect: Expect, wrong: &[(&str, &[u8])], right: &[(&str, &[u8])]) {
    let (wrong_files, wrong) = project(wrong);
    let (right_files, right) = project(right);
    judge(expect, (&wrong_files, &wrong), (&right_files, &right));
}

/// A small plan that uses nothing, for the tests of files and folders.
const PLAN: &str = "koom 1.0\nmanager operations \"Rita Ringtail\"\nmetric throughput unit crates/week better higher baseline 1150\ncycle 2026-Q1 {\n  direction \"Test Org is the most reliable distributor in the region.\"\n  to operations { goal throughput >= 1300 crates/week by 2026-03-31 }\n}\n";

#[test]
fn e0001_syntax_errors() {
    rule(
 expect("E0001").underlined("gaol").label("expected a cycle statement (`goal`, `constraint`, `outcome`, `priority`, `to`, `allocate`, …) or `}`"),
        &cycle("gaol throughput >= 1300"),
        &cycle("goal throughput >= 1300"),
    );
    rule(
        expect("E0001")
            .underlined("because \"b\"")
            .label("given again here"),
        &cycle("goal throughput >= 1300 because \"a 5% drop\" because \"b\""),
        &cycle("goal throughput >= 1300 because \"a 5% drop\""),
    );
    rule(
        expect("E0001")
            .underlined("Night_Shift")
            .label("names are kebab-case"),
        "manager Night_Shift\n",
        "manager night-shift-2\n",
    );
}

#[test]
fn e0002_a_file_that_does_not_parse_reports_nothing_else() {
    // The header is missing: one E0002, no cascade of unknown names.
    let c = koomc::compile_text(
        Path::new("x.koom"),
        "org \"X\"\ncycle 2026-Q1 {\n to nobody { goal nothing >= 1 }\n}\n".into(),
    );
    let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    assert_eq!(codes, ["E0002"]);
    assert_eq!(
        found(&c),
        [expect("E0002")
            .underlined("org")
            .label("expected `koom 1.0` before this")],
        "{}",
        render::human_string(&c.sources, &c.diagnostics)
    );
}

#[test]
fn e0003_literals() {
    rule(
        expect("E0003")
            .underlined("2026-02-29")
            .label("no such day"),
        &cycle("goal throughput >= 1300 by 2026-02-29"),
        &cycle("goal throughput >= 1300 by 2026-02-28"),
    );
    rule(
        expect("E0003").underlined("13kk").label("not a number"),
        &cycle("goal throughput >= 13kk"),
        &cycle("goal throughput >= 13k"),
    );
    rule(
        expect("E0003")
            .underlined("crates//week")
            .label("not a unit"),
        &cycle("goal throughput >= 1300 crates//week"),
        &cycle("goal throughput >= 1300 crates/week"),
    );
    rule(
        expect("E0003")
            .underlined("2026-Q5")
            .label("not a cycle id"),
        &cycle_as("2026-Q5", ""),
        &cycle_as("2026-Q4", ""),
    );
    rule(
        expect("E0003").underlined(r"\n").label("unknown escape"),
        &cycle(r#"outcome "Say \n""#),
        &cycle(r#"outcome "Say \"5%\"""#),
    );
}

#[test]
fn e0004_a_file_that_cannot_be_read() {
    let main = "koom 1.0\nuse \"legacy.koom\"\nmanager operations \"Rita Ringtail\"\n";
    rule_files(
        expect("E0004")
            .underlined("\"legacy.koom\"")
            .label("named here"),
        &[
            ("main.koom", main.as_bytes()),
            ("legacy.koom", b"koom 1.0\norg \"Caf\xe9 Ol\xe9\"\n"),
        ],
        &[
            ("main.koom", main.as_bytes()),
            ("legacy.koom", "koom 1.0\norg \"Café Olé\"\n".as_bytes()),
        ],
    );
    rule_files(
        expect("E0004").underlined("\"plans\"").label("named here"),
        &[
            ("main.koom", b"koom 1.0\nuse \"plans\"\n"),
            ("plans/org.koom", PLAN.as_bytes()),
        ],
        &[
            ("main.koom", b"koom 1.0\nuse \"plans/org.koom\"\n"),
            ("plans/org.koom", PLAN.as_bytes()),
        ],
    );
    // A file named on the command line that is not there has no text to
    // point at: the diagnostic names its path.
    let c = koomc::compile(&[PathBuf::from("examples/nowhere.koom")]);
    assert_eq!(common::codes(&c), ["E0004"]);
    let d = &c.diagnostics[0];
    assert_eq!(
        d.location,
        Location::Path("examples/nowhere.koom".to_owned())
    );
    assert_eq!(
        d.message,
        "cannot read `examples/nowhere.koom`: no such file"
    );
    let c = koomc::compile(&[PathBuf::from("examples/raccoons.koom")]);
    assert!(common::codes(&c).is_empty());
}

#[test]
fn e0005_use_outside_the_root_or_of_a_missing_file() {
    let main = b"koom 1.0\nuse \"../shared/org.koom\"\n";
    rule_files(
        expect("E0005")
            .underlined("\"../shared/org.koom\"")
            .label("outside the project"),
        &[
            ("project/main.koom", main),
            ("shared/org.koom", PLAN.as_bytes()),
        ],
        // A `koom.toml` in the common parent makes it the project root.
        &[
            ("project/main.koom", main),
            ("shared/org.koom", PLAN.as_bytes()),
            ("koom.toml", b""),
        ],
    );
    rule_files(
        expect("E0005")
            .underlined("\"org.koom\"")
            .label("no such file"),
        &[("main.koom", b"koom 1.0\nuse \"org.koom\"\n")],
        &[
            ("main.koom", b"koom 1.0\nuse \"org.koom\"\n"),
            ("org.koom", PLAN.as_bytes()),
        ],
    );
}

#[test]
fn e0006_use_cycles() {
    rule_files(
        expect("E0006")
            .underlined("\"main.koom\"")
            .label("closes the cycle"),
        &[(
            "main.koom",
            PLAN.replacen("koom 1.0\n", "koom 1.0\nuse \"main.koom\"\n", 1)
                .as_bytes(),
        )],
        &[("main.koom", PLAN.as_bytes())],
    );
    let main = b"koom 1.0\nuse \"org.koom\"\nmetric throughput unit crates/week better higher baseline 1150\n";
    let org = "koom 1.0\nmanager operations \"Rita Ringtail\"\n";
    rule_files(
        expect("E0006")
            .underlined("\"main.koom\"")
            .label("closes the cycle"),
        &[
            ("main.koom", main),
            (
                "org.koom",
                org.replacen("koom 1.0\n", "koom 1.0\nuse \"main.koom\"\n", 1)
                    .as_bytes(),
            ),
        ],
        &[("main.koom", main), ("org.koom", org.as_bytes())],
    );
}

#[test]
fn e0007_output_that_cannot_be_written() {
    let c = koomc::compile(&[PathBuf::from("examples/raccoons.koom")]);
    let orders = c.work_orders().expect("a clean plan");
    let dir = tempfile::tempdir().expect("temp dir");
    // `--out-dir` names a file: refused, and nothing is written.
    let file = dir.path().join("orders");
    std::fs::write(&file, "Send the Q1 orders on Monday.\n").expect("write");
    let d = koomc::output::write_dir(&file, &orders).expect_err("a file is not a folder");
    let shown = file.display().to_string();
    assert_eq!(d.code, Code::E0007);
    assert_eq!(d.location, Location::Path(shown.clone()));
    assert_eq!(
        d.message,
        format!("cannot write work orders: `{shown}` is a file, not a folder")
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("still a file"),
        "Send the Q1 orders on Monday.\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("folder").count(), 1);
    // A folder that does not exist yet is created, and every order written.
    let folder = dir.path().join("work-orders");
    let written = koomc::output::write_dir(&folder, &orders).expect("written");
    assert_eq!(written.len(), orders.len());
    assert!(written
        .iter()
        .all(|p| p.starts_with(&folder) && p.is_file()));
}

#[test]
fn e0008_an_invalid_koom_toml() {
    for (wrong, underlined, right) in [
        (
            "[lints]\nvague-terms = \"warn\"\n",
            "vague-terms",
            "[lints]\nvague-term = \"warn\"\n",
        ),
        (
            "[lints]\nvague-term = \"loud\"\n",
            "\"loud\"",
            "[lints]\nvague-term = \"deny\"\n",
        ),
        (
            "[lints]\nvague-term = warn\n",
            "warn",
            "[lints]\nvague-term = \"warn\"\n",
        ),
        (
            "[lint]\nvague-term = \"warn\"\n",
            "lint",
            "[lints]\nvague-term = \"warn\"\n",
        ),
        (
            "[phrasing]\nvague = [\"synergy\"]\n",
            "vague",
            "[phrasing]\nvague-terms = [\"synergy\"]\n",
        ),
    ] {
        rule_files(
            expect("E0008").underlined(underlined).label("here"),
            &[
                ("main.koom", PLAN.as_bytes()),
                ("koom.toml", wrong.as_bytes()),
            ],
            &[
                ("main.koom", PLAN.as_bytes()),
                ("koom.toml", right.as_bytes()),
            ],
        );
    }
}

#[test]
fn e0009_a_suppression_that_names_no_code_or_lint() {
    rule(
        expect("E0009")
            .underlined("vague-terms")
            .label("no such code or lint"),
        &cycle(
            r#"outcome "Throughput must reach 1300 crates/week by 2026-03-31." # koom: allow vague-terms"#,
        ),
        &cycle(
            r#"outcome "Throughput must reach 1300 crates/week by 2026-03-31." # koom: allow vague-term, E0201 -- the board's words"#,
        ),
    );
}

#[test]
fn e0101_worker_addressed_in_every_form() {
    for (wrong, right) in [
        (
            "to night-shift { goal throughput >= 1300 }",
            "to operations { goal throughput >= 1300 }",
        ),
        (
            "allocate 10k USD to night-shift for throughput",
            "allocate 10k USD to operations for throughput",
        ),
        (
            "align night-shift, logistics on throughput",
            "align operations, logistics on throughput",
        ),
        (
            r#"resolve ESC-7 for night-shift: "Overtime is approved up to 40 hours.""#,
            r#"resolve ESC-7 for operations: "Overtime is approved up to 40 hours.""#,
        ),
    ] {
        rule(
            expect("E0101")
                .underlined("night-shift")
                .label("a worker unit"),
            &cycle(&format!("budget 10k USD\npriority 1 throughput\n{wrong}")),
            &cycle(&format!("budget 10k USD\npriority 1 throughput\n{right}")),
        );
    }
    // The spine in words (spec §6): a text that makes a worker unit the one
    // who acts, in an outcome, a direction, a resolution or a technology; a
    // measure that only names the unit is fine.
    for (wrong, underlined, right) in [
        (
            r#"outcome "The night-shift must load 1300 crates a week by 2026-03-31.""#,
            "night-shift",
            r#"outcome "Night-shift injuries must fall below 2 a month by 2026-03-31.""#,
        ),
        (
            r#"resolve ESC-7 for operations: "Move two pickers from night-shift to the dock.""#,
            "night-shift",
            r#"resolve ESC-7 for operations: "Overtime on the night-shift is approved up to 40 hours.""#,
        ),
        (
            r#"to operations { outcome "Night shift should clean the docks daily." }"#,
            "Night shift",
            r#"to operations { outcome "Overtime on the night shift must stay below 5% by 2026-03-31." }"#,
        ),
    ] {
        rule(
            expect("E0101")
                .underlined(underlined)
                .label("a worker unit, acting"),
            &cycle(wrong),
            &cycle(right),
        );
    }
}

#[test]
fn e0102_unknown_unit() {
    rule(
        expect("E0102")
            .underlined("operatons")
            .label("not declared as a `manager`, `coe` or `worker`"),
        &cycle("to operatons { goal throughput >= 1300 }"),
        &cycle("to operations { goal throughput >= 1300 }"),
    );
    rule(
        expect("E0102")
            .underlined("operatons")
            .label("not declared as a `manager`, `coe` or `worker`"),
        "worker day-shift under operatons\n",
        "worker day-shift under operations\n",
    );
}

#[test]
fn e0103_unknown_metric_or_goal() {
    rule(
        expect("E0103")
            .underlined("thruput")
            .label("not a declared metric"),
        &cycle("goal thruput >= 1300"),
        &cycle("goal throughput >= 1300"),
    );
    rule(
        expect("E0103")
            .underlined("ship-more")
            .label("neither a metric nor a goal id"),
        &cycle("priority 1 ship-more"),
        &cycle("goal ship-more: throughput >= 1300\npriority 1 ship-more"),
    );
    rule(
        expect("E0103")
            .underlined("thruput")
            .label("not a declared metric"),
        &cycle("constraint overhead -12% keep thruput"),
        &cycle("constraint overhead -12% keep throughput"),
    );
    // A goal id of another cycle is not this cycle's target.
    let other = cycle_as("2026-Q2", "  goal ship-more: throughput >= 1300");
    rule(
        expect("E0103")
            .underlined("ship-more")
            .label("a goal of another cycle"),
        &format!("{other}{}", cycle("priority 1 ship-more")),
        &format!("{other}{}", cycle("priority 1 throughput")),
    );
}

#[test]
fn e0104_declared_twice() {
    rule(
        expect("E0104")
            .underlined("operations")
            .label("declared again here"),
        "manager operations \"Someone Else\"\n",
        "manager finance \"Someone Else\"\n",
    );
    rule(
        expect("E0104")
            .underlined("overhead")
            .label("declared again here"),
        "metric overhead unit USD\n",
        "metric rent unit USD\n",
    );
    rule(
        expect("E0104")
            .underlined("2026-Q1")
            .label("declared again here"),
        &format!("{}{}", cycle(""), cycle("")),
        &cycle(""),
    );
    rule(
        expect("E0104").underlined("a").label("declared again here"),
        &cycle("goal a: throughput >= 1300\ngoal a: throughput >= 1400"),
        &cycle("goal a: throughput >= 1300\ngoal b: throughput >= 1400"),
    );
    rule(
        expect("E0104")
            .underlined("overhead")
            .label("declared again here"),
        &cycle("goal overhead: throughput >= 1300"),
        &cycle("goal more: throughput >= 1300"),
    );
    rule(
        expect("E0104")
            .underlined("\"Other\"")
            .label("declared again here"),
        "org \"Other\"\n",
        "executive \"Other\"\n",
    );
}

#[test]
fn e0201_method_phrasing() {
    // The texts of `allocate tech` and `resolve` are judged for prescribing
    // a procedure (spec §6, "Method in other texts").
    rule(
        expect("E0201")
            .underlined("Rewrite")
            .label("`rewrite` is an action for the managers or the CoE to choose"),
        &cycle(
            r#"resolve ESC-7 for operations: "Rewrite the QA workflow with two extra review steps.""#,
        ),
        &cycle(
            r#"resolve ESC-7 for operations: "Operations gets the second truck through March.""#,
        ),
    );
    rule(
        expect("E0201")
            .underlined("Rewrite")
            .label("`rewrite` is an action for the managers or the CoE to choose"),
        &cycle("priority 1 variance\nallocate tech \"Rewrite the QA workflow with two extra review steps\" to quality for variance"),
        &cycle("priority 1 variance\nallocate tech \"Forecasting platform\" to quality for variance"),
    );
    rule(
        expect("E0201")
            .underlined("Rewrite")
            .label("`rewrite` is an action for the managers or the CoE to choose"),
        &cycle(r#"to quality { outcome "Rewrite the QA workflow to add a second inspection." }"#),
        &cycle(r#"to quality { outcome "Quality variance must drop below 3% by 2026-03-31." }"#),
    );
    rule(
        expect("E0201")
            .underlined("by introducing")
            .label("`by introducing` names how to get there"),
        &cycle(r#"outcome "Variance must fall below 3% by introducing peer review.""#),
        &cycle(r#"outcome "Variance must fall below 3% by 2026-03-31.""#),
    );
    rule(
        expect("E0201")
            .underlined("Hire")
            .label("`hire` is an action for the managers or the CoE to choose"),
        &cycle(r#"direction "Hire two inspectors for every shift.""#),
        &cycle(r#"direction "Every crate leaves the burrow inspected.""#),
    );
}

#[test]
fn e0202_workflows_tasks_and_processes() {
    rule(
        expect("E0202")
            .underlined("workflow")
            .label("not the executive layer's"),
        &cycle("workflow intake {\n  step one\n}"),
        &cycle(""),
    );
    rule(
        expect("E0202")
            .underlined("task")
            .label("not the executive layer's"),
        &cycle("to operations { task \"Count the pallets.\" }"),
        &cycle(""),
    );
    rule(
        expect("E0202")
            .underlined("process")
            .label("not the executive layer's"),
        "process hiring\n",
        "",
    );
}

#[test]
fn e0203_standards_and_training() {
    rule(
        expect("E0203")
            .underlined("standard")
            .label("not the executive layer's"),
        &cycle("standard pallet-labels"),
        &cycle(""),
    );
    rule(
        expect("E0203")
            .underlined("training")
            .label("not the executive layer's"),
        &cycle("training forklift { weekly }"),
        &cycle(""),
    );
}

#[test]
fn e0204_assign() {
    rule(
        expect("E0204")
            .underlined("assign")
            .label("not the executive layer's"),
        &cycle("assign night-shift \"Recount\""),
        &cycle(""),
    );
}

#[test]
fn e0301_vague_terms_are_errors_in_outcomes_and_warnings_in_directions() {
    rule(
        expect("E0301")
            .underlined("Improve customer satisfaction")
            .label("`Improve customer satisfaction`: to what?"),
        &cycle(r#"outcome "Improve customer satisfaction.""#),
        &cycle(r#"outcome "Customer satisfaction must reach 85% by 2026-03-31.""#),
    );
    rule(
        expect("E0301")
            .underlined("Significantly")
            .label("vague: how much, by when?"),
        &cycle(r#"outcome "Significantly reduce defects to below 1%.""#),
        &cycle(r#"outcome "Defects must fall below 1% by 2026-03-31.""#),
    );
    let severity = |body: &str| {
        let c = koomc::compile_text(Path::new("s.koom"), format!("{HEAD}{}", cycle(body)));
        c.diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.severity.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        severity(r#"outcome "Become world-class in delivery by 2026-03-31.""#),
        ["E0301 error"]
    );
    assert_eq!(
        severity(r#"direction "Become world-class in delivery.""#),
        ["E0301 warning"]
    );
}

#[test]
fn e0302_unmeasurable_outcome() {
    rule(
        expect("E0302")
            .underlined("\"Every customer trusts our delivery promise.\"")
            .label("no number, no metric"),
        &cycle(r#"outcome "Every customer trusts our delivery promise.""#),
        &cycle(r#"outcome "Every customer gets delivery within 48 hours.""#),
    );
    // A declared metric, named in words, is measurable.
    rule(
        expect("E0302")
            .underlined("\"The burrow is proud of its crates.\"")
            .label("no number, no metric"),
        &cycle(r#"outcome "The burrow is proud of its crates.""#),
        &cycle(r#"outcome "Throughput stays where the burrow needs it.""#),
    );
}

#[test]
fn e0303_urgency_needs_clarity() {
    // Urgency written into a text stands in for a date (spec §6, "Urgency in words").
    rule(
        expect("E0303")
            .underlined("ASAP")
            .label("urgent, but by when and to what?"),
        &cycle(r#"outcome "The backlog must fall below 200 tickets ASAP.""#),
        &cycle(r#"outcome "The backlog must fall below 200 tickets by 2026-02-15.""#),
    );
    rule(
        expect("E0303").underlined("urgent").label("urgent"),
        &cycle("urgent goal throughput >= 1300"),
        &cycle("urgent goal throughput >= 1300 by 2026-02-15"),
    );
    rule(
        expect("E0303").underlined("urgent").label("urgent"),
        &cycle("urgent constraint overhead -12%"),
        &cycle("urgent constraint overhead -12% by 2026-03-01"),
    );
    rule(
        expect("E0303").underlined("urgent").label("urgent"),
        &cycle(r#"urgent outcome "Every pallet leaves the dock inspected." by 2026-02-01"#),
        &cycle(r#"urgent outcome "Every pallet leaves the dock within 4 hours." by 2026-02-01"#),
    );
}

#[test]
fn e0304_keep_or_change_without_better() {
    rule(
        expect("E0304")
            .underlined("rating")
            .label("no worse than the baseline, in which direction?"),
        &cycle("constraint overhead -5% keep rating"),
        &cycle("constraint overhead -5% keep throughput"),
    );
    rule(
        expect("E0304")
            .underlined("-5%")
            .label("no worse than the baseline, in which direction?"),
        &format!(
            "metric rent unit USD baseline 10k\n{}",
            cycle("constraint rent -5%")
        ),
        &format!(
            "metric rent unit USD better lower baseline 10k\n{}",
            cycle("constraint rent -5%")
        ),
    );
}

#[test]
fn e0305_relative_change_without_baseline() {
    rule(
        expect("E0305")
            .underlined("-5%")
            .label("relative to the baseline"),
        &format!(
            "metric rent unit USD better lower\n{}",
            cycle("constraint rent -5%")
        ),
        &format!(
            "metric rent unit USD better lower baseline 10k\n{}",
            cycle("constraint rent -5%")
        ),
    );
    rule(
        expect("E0305")
            .underlined("rent")
            .label("relative to the baseline"),
        &format!(
            "metric rent unit USD better lower\n{}",
            cycle("constraint overhead -5% keep rent")
        ),
        &format!(
            "metric rent unit USD better lower baseline 9k\n{}",
            cycle("constraint overhead -5% keep rent")
        ),
    );
}

#[test]
fn e0306_narrative_causes() {
    rule(
        expect("E0306")
            .underlined("\"The board asked for it.\"")
            .label("a narrative, not data"),
        &cycle(r#"priority 1 throughput because "The board asked for it.""#),
        &cycle(r#"priority 1 throughput because "Throughput fell 8% in December.""#),
    );
    rule(
        expect("E0306")
            .underlined("\"It feels right.\"")
            .label("a narrative, not data"),
        &cycle(r#"goal throughput >= 1300 because "It feels right.""#),
        &cycle(r#"goal throughput >= 1300 because "Demand grew to 1400 crates a week.""#),
    );
}

#[test]
fn e0307_slack_targets() {
    // A goal the baseline (1150) already meets.
    rule(
        expect("E0307")
            .underlined("throughput >= 1100")
            .label("already met by the baseline"),
        &cycle("goal throughput >= 1100"),
        &cycle("goal throughput >= 1300"),
    );
    // An absolute constraint the baseline (480k) already meets.
    rule(
        expect("E0307")
            .underlined("overhead <= 500k USD/month")
            .label("already met by the baseline"),
        &cycle("constraint overhead <= 500k USD/month"),
        &cycle("constraint overhead <= 450k USD/month"),
    );
    // A goal that asks for decline: on a `better higher` metric, an end
    // below its baseline (1150)…
    rule(
        expect("E0307")
            .underlined("throughput = 1100")
            .label("worse than the baseline"),
        &cycle("goal throughput = 1100"),
        &cycle("goal throughput = 1300"),
    );
    // …and on a `better lower` one, an end above it (4.2%).
    rule(
        expect("E0307")
            .underlined("variance >= 5")
            .label("worse than the baseline"),
        &cycle("goal variance >= 5"),
        &cycle("goal variance <= 3.5"),
    );
    // A relative constraint states its tolerance and is exempt: the same
    // bound as an absolute one the baseline meets (480k + 5% = 504k).
    rule(
        expect("E0307")
            .underlined("overhead <= 504k USD/month")
            .label("already met by the baseline"),
        &cycle("constraint overhead <= 504k USD/month"),
        &cycle("constraint overhead +5%"),
    );
    for relative in [
        "constraint overhead +5%",
        "constraint throughput -0%",
        "constraint headcount +60 people",
        "constraint variance +0.5pp",
    ] {
        assert!(codes(&cycle(relative)).is_empty(), "{relative}");
    }
}

#[test]
fn e0308_incomplete_cycles() {
    let outcome = "  outcome \"Throughput must reach 1300 crates a week by 2026-03-31.\"";
    // No direction.
    rule(
        expect("E0308")
            .underlined("cycle 2026-Q1")
            .label("no `direction`"),
        &format!("cycle 2026-Q1 {{\n{outcome}\n}}\n"),
        &directed(outcome),
    );
    // No success criterion: no goal, constraint or outcome.
    rule(
        expect("E0308")
            .underlined("cycle 2026-Q1")
            .label("no goal, constraint or outcome"),
        &directed(""),
        &directed("goal throughput >= 1300"),
    );
    // A priority that nothing bounds: the constraint is on another metric.
    rule(
        expect("E0308")
            .underlined("throughput")
            .label("ranked, but nothing says how far"),
        &directed("priority 1 throughput\nconstraint overhead -5%"),
        &directed("priority 1 throughput\nconstraint overhead -5%\ngoal throughput >= 1300"),
    );
    // An outcome that names the metric bounds it, in words as well as by
    // its name…
    rule(
        expect("E0308")
            .underlined("variance")
            .label("ranked, but nothing says how far"),
        &directed("priority 1 variance\noutcome \"Every crate ships within 24 hours.\""),
        &directed("priority 1 variance\noutcome \"Variance must fall below 3% by 2026-03-31.\""),
    );
    let quality = "metric quality-variance unit % better lower baseline 4.2\n";
    rule(
        expect("E0308")
            .underlined("quality-variance")
            .label("ranked, but nothing says how far"),
        &format!("{quality}{}", directed("priority 1 quality-variance\noutcome \"Every crate ships within 24 hours.\"")),
        &format!("{quality}{}", directed("priority 1 quality-variance\noutcome \"Quality variance must drop below 3% by 2026-03-31.\"")),
    );
    // Two ranked metrics: one bounded by a goal, one by an outcome's words.
    let ranked = "priority 1 throughput\npriority 2 variance\ngoal throughput >= 1300";
    rule(
        expect("E0308")
            .underlined("variance")
            .label("ranked, but nothing says how far"),
        &directed(&format!(
            "{ranked}\noutcome \"Every crate ships within 24 hours.\""
        )),
        &directed(&format!(
            "{ranked}\noutcome \"Variance must fall below 3% by 2026-03-31.\""
        )),
    );
    // …and so does a `keep`: no worse than its baseline.
    rule(
        expect("E0308")
            .underlined("throughput")
            .label("ranked, but nothing says how far"),
        &directed("priority 1 throughput\nconstraint overhead -5%"),
        &directed("priority 1 throughput\nconstraint overhead -5% keep throughput"),
    );
}

#[test]
fn e0401_units() {
    rule(
        expect("E0401")
            .underlined("crates/day")
            .label("`crates/day`"),
        &cycle("goal throughput >= 1300 crates/day"),
        &cycle("goal throughput >= 1300 crates/weeks"),
    );
    rule(
        expect("E0401").underlined("+2pp").label("points"),
        &cycle("constraint throughput +2pp"),
        &cycle("constraint variance -1pp"),
    );
    rule(
        expect("E0401").underlined("USD").label("`USD`"),
        &cycle("constraint overhead -40k USD"),
        &cycle("constraint overhead -40k USD/month"),
    );
    rule(
        expect("E0401")
            .underlined("crates")
            .label("money, people or time expected"),
        &cycle("budget 50 crates"),
        &cycle("budget 50 person"),
    );
    rule(
 expect("E0401").underlined("pallets").label("money, people or time expected"),
        &cycle("budget 5 people\npriority 1 throughput\nallocate 5 pallets to operations for throughput"),
        &cycle("budget 5 people\npriority 1 throughput\nallocate 5 people to operations for throughput"),
    );
    rule(
        expect("E0401").underlined("EUR").label("`EUR`"),
        "metric rent unit USD better lower baseline 10k EUR\n",
        "metric rent unit USD better lower baseline 10k USD\n",
    );
    rule(
        expect("E0401").underlined("crates").label("`crates`"),
        &cycle("goal score >= 5 points\ngoal headcount <= 200 crates"),
        &cycle("goal score >= 5 points\ngoal headcount <= 200 person"),
    );
}

#[test]
fn e0402_by_date_outside_cycle() {
    rule(
        expect("E0402")
            .underlined("2026-04-01")
            .label("outside 2026-01-01 to 2026-03-31"),
        &cycle("goal throughput >= 1300 by 2026-04-01"),
        &cycle("goal throughput >= 1300 by 2026-03-31"),
    );
    rule(
        expect("E0402")
            .underlined("2025-12-31")
            .label("outside 2026-01-01 to 2026-03-31"),
        &cycle(r#"outcome "Variance must fall below 3%." by 2025-12-31"#),
        &cycle(r#"outcome "Variance must fall below 3%." by 2026-01-01"#),
    );
}

#[test]
fn e0403_malformed_cycles() {
    rule(
        expect("E0403")
            .underlined("2026-04-02")
            .label("2026-04-02 is outside 2026-01-01 to 2026-03-31"),
        &cycle("window 2026-03-20 to 2026-04-02"),
        &cycle("window 2026-03-20 to 2026-03-31"),
    );
    rule(
        expect("E0403")
            .underlined("2026-01-01")
            .label("2026-01-01 is before 2026-01-09"),
        &cycle("window 2026-01-09 to 2026-01-01"),
        &cycle("window 2026-01-01 to 2026-01-09"),
    );
    rule(
        expect("E0403")
            .underlined("2026-02-01")
            .label("`to` 2026-02-01 is before `from` 2026-05-01"),
        &cycle_as("launch from 2026-05-01 to 2026-02-01", ""),
        &cycle_as("launch from 2026-02-01 to 2026-05-01", ""),
    );
    rule(
        expect("E0403")
            .underlined("launch")
            .label("a named cycle needs `from DATE to DATE`"),
        &cycle_as("launch", ""),
        &cycle_as("launch from 2026-02-01 to 2026-05-01", ""),
    );
    rule(
        expect("E0403")
            .underlined("2026-01-01 to 2026-03-30")
            .label("`2026-Q1` implies 2026-01-01 to 2026-03-31"),
        &cycle_as("2026-Q1 from 2026-01-01 to 2026-03-30", ""),
        &cycle_as("2026-Q1 from 2026-01-01 to 2026-03-31", ""),
    );
    rule(
        expect("E0403")
            .underlined("2026-Q2")
            .label("runs from 2026-04-01 to 2026-06-30"),
        &format!("{}{}", cycle_as("2026-H1", ""), cycle_as("2026-Q2", "")),
        &format!("{}{}", cycle_as("2026-H1", ""), cycle_as("2026-Q3", "")),
    );
    rule(
        expect("E0403")
            .underlined("launch")
            .label("runs from 2026-12-31 to 2027-01-05"),
        &format!(
            "{}{}",
            cycle_as("2026", ""),
            cycle_as("launch from 2026-12-31 to 2027-01-05", "")
        ),
        &format!(
            "{}{}",
            cycle_as("2026", ""),
            cycle_as("launch from 2027-01-01 to 2027-01-05", "")
        ),
    );
}

const SPEND: &str = "priority 1 throughput\n";

#[test]
fn e0501_allocations_over_budget() {
    rule(
 expect("E0501").underlined("allocate 150k USD to logistics for throughput").label("150k USD to `logistics`: this one goes over"),
        &cycle(&format!("{SPEND}budget 300k USD\nallocate 180k USD to operations for throughput\nallocate 150k USD to logistics for throughput")),
        &cycle(&format!("{SPEND}budget 330k USD\nallocate 180k USD to operations for throughput\nallocate 150k USD to logistics for throughput")),
    );
    // Time in mixed units is compared in days.
    rule(
 expect("E0501").underlined("allocate 7 days to logistics for throughput").label("7 days to `logistics`: this one goes over"),
        &cycle(&format!("{SPEND}budget 20 days\nallocate 2 weeks to operations for throughput\nallocate 7 days to logistics for throughput")),
        &cycle(&format!("{SPEND}budget 21 days\nallocate 2 weeks to operations for throughput\nallocate 7 days to logistics for throughput")),
    );
}

#[test]
fn e0502_allocation_without_budget() {
    rule(
        expect("E0502")
            .underlined("4 people")
            .label("no budget of this kind"),
        &cycle(&format!(
            "{SPEND}allocate 4 people to logistics for throughput"
        )),
        &cycle(&format!(
            "{SPEND}budget 4 people\nallocate 4 people to logistics for throughput"
        )),
    );
    // No conversion between currencies.
    rule(
        expect("E0502")
            .underlined("5k EUR")
            .label("no budget of this kind"),
        &cycle(&format!(
            "{SPEND}budget 10k USD\nallocate 5k EUR to logistics for throughput"
        )),
        &cycle(&format!(
            "{SPEND}budget 10k EUR\nallocate 5k EUR to logistics for throughput"
        )),
    );
}

#[test]
fn e0503_allocation_discipline() {
    rule(
        expect("E0503")
            .underlined("allocate 5k USD to logistics")
            .label("serves no priority or goal of the cycle"),
        &cycle(&format!(
            "{SPEND}budget 10k USD\nallocate 5k USD to logistics"
        )),
        &cycle(&format!(
            "{SPEND}budget 10k USD\nallocate 5k USD to logistics for throughput"
        )),
    );
    rule(
 expect("E0503").underlined("overhead").label("serves no priority or goal of the cycle"), &cycle(&format!("{SPEND}budget 10k USD\nallocate 5k USD to logistics for overhead")), &cycle(&format!("{SPEND}budget 10k USD\nconstraint overhead -5%\nallocate 5k USD to logistics for overhead")));
    rule(
        expect("E0503")
            .underlined("variance")
            .label("serves no priority or goal of the cycle"),
        &cycle(&format!(
            "{SPEND}allocate tech \"Forecasting\" to logistics for variance"
        )),
        &cycle(&format!(
            "{SPEND}allocate tech \"Forecasting\" to logistics for throughput"
        )),
    );
}

#[test]
fn e0504_time_allocation_longer_than_the_cycle() {
    rule(
        expect("E0504").underlined("14 weeks").label("98 days"),
        &cycle(&format!(
            "{SPEND}budget 30 weeks\nallocate 14 weeks to operations for throughput"
        )),
        &cycle(&format!(
            "{SPEND}budget 30 weeks\nallocate 12 weeks to operations for throughput"
        )),
    );
}

#[test]
fn e0601_priority_ranks() {
    rule(
        expect("E0601")
            .underlined("3")
            .label("rank 3 follows rank 1"),
        &cycle("priority 1 throughput\npriority 3 overhead"),
        &cycle("priority 1 throughput\npriority 2 overhead"),
    );
    rule(
        expect("E0601").underlined("1").label("given again here"),
        &cycle("priority 1 throughput\npriority 1 overhead"),
        &cycle("priority 1 throughput\npriority 2 overhead"),
    );
    rule(
        expect("E0601")
            .underlined("throughput")
            .label("ranked 2 here"),
        &cycle("priority 1 throughput\npriority 2 throughput"),
        &cycle("priority 1 throughput\npriority 2 overhead"),
    );
}

#[test]
fn e0602_contradictions() {
    rule(
        expect("E0602")
            .underlined("throughput <= 1200 crates/week")
            .label("allows `<= 1200 crates/week`"),
        &cycle("goal throughput >= 1300\nconstraint throughput <= 1200 crates/week"),
        &cycle("goal throughput >= 1300\nconstraint throughput <= 1400 crates/week"),
    );
    // `keep` is a bound too: no worse than the baseline of 1150.
    rule(
        expect("E0602")
            .underlined("throughput < 1100")
            .label("allows `< 1100 crates/week`"),
        &cycle("constraint overhead -12% keep throughput\nconstraint throughput < 1100"),
        &cycle("constraint overhead -12% keep throughput\nconstraint throughput < 1300"),
    );
    // Strict bounds that meet leave nothing.
    rule(
        expect("E0602")
            .underlined("throughput <= 1300")
            .label("allows `<= 1300 crates/week`"),
        &cycle("goal throughput > 1300\nconstraint throughput <= 1300"),
        &cycle("goal throughput >= 1300\nconstraint throughput <= 1300"),
    );
    // One unit's own directives with the cycle level.
    rule(
        expect("E0602")
            .underlined("variance >= 3.5")
            .label("allows `>= 3.5%`"),
        &cycle("constraint variance <= 3\nto quality { constraint variance >= 3.5 }"),
        &cycle("constraint variance <= 3\nto quality { constraint variance >= 2.5 }"),
    );
}

#[test]
fn e0603_cross_department_conflicts() {
    rule(
 expect("E0603").underlined("throughput <= 1250").label("`logistics`: allows `<= 1250 crates/week`"),
        &cycle("align operations, logistics on throughput\nto operations { goal throughput >= 1300 }\nto logistics { constraint throughput <= 1250 }"),
        &cycle("align operations, logistics on throughput\nto operations { goal throughput >= 1300 }\nto logistics { constraint throughput <= 1350 }"),
    );
    // A `per unit` metric never meets across units.
    rule(
 expect("E0603").underlined("nps <= 35").label("`logistics`: allows `<= 35 points`"),
        &format!("metric nps unit points better higher baseline 30\n{}", cycle("align operations, logistics on nps\nto operations { goal nps >= 40 }\nto logistics { constraint nps <= 35 }")),
        &format!("metric nps unit points better higher baseline 30 per unit\n{}", cycle("to operations { goal nps >= 40 }\nto logistics { constraint nps <= 35 }")),
    );
}

#[test]
fn e0604_unaligned_metrics() {
    rule(
 expect("E0604").underlined("throughput").label("another goal on `throughput`"),
        &cycle("to operations { goal throughput >= 1300 }\nto logistics { goal throughput >= 1250 }"),
        &cycle("align operations, logistics on throughput\nto operations { goal throughput >= 1300 }\nto logistics { goal throughput >= 1250 }"),
    );
    // One block to two units is one shared directive, and needs no align.
    assert!(codes(&cycle(
        "to operations, logistics { goal throughput >= 1300 }"
    ))
    .is_empty());
}

#[test]
fn e0801_ai_uses() {
    rule(
        expect("E0801")
            .underlined("decide")
            .label("not a permitted use"),
        &cycle("goal throughput >= 1300 ai decide"),
        &cycle("goal throughput >= 1300 ai scenario"),
    );
    rule(
        expect("E0801")
            .underlined("advise")
            .label("not a permitted use"),
        &cycle(r#"direction "Every crate ships within 24 hours." ai advise"#),
        &cycle(r#"direction "Every crate ships within 24 hours." ai draft"#),
    );
    rule(
        expect("E0801")
            .underlined("direct")
            .label("not a permitted use"),
        &cycle("priority 1 throughput ai direct"),
        &cycle("priority 1 throughput ai summarize"),
    );
}

// ---------------------------------------------------------------------------
// Beyond one rule

#[test]
fn independent_mistakes_are_all_reported() {
    // An unknown unit does not hide the date error of the directive inside.
    let found = codes(&cycle("to opps { goal throughput >= 1300 by 2026-04-02 }"));
    assert_eq!(found, ["E0102", "E0402"]);
}

#[test]
fn the_examples_that_would_be_false_alarms_are_not() {
    for text in [
        "Time to hire must fall below 35 days by 2026-03-31.",
        "Safety training completion must reach 100% by 2026-03-31.",
        "Lower average handle time to 6 minutes by the end of Q1.",
        "Process yield on Line 4 must stay above 98% every week.",
        "Meeting load must fall below 10 hours per week per manager.",
        "On-time delivery must reach 96% or higher.",
    ] {
        assert!(
            codes(&cycle(&format!("outcome \"{text}\""))).is_empty(),
            "{text}"
        );
    }
}

#[test]
fn bounds_are_exact_decimals() {
    let c = koomc::compile_text(
        Path::new("b.koom"),
        // No outcome: every directive of the cycle has a bound.
        format!(
            "{HEAD}{}",
            directed("constraint overhead -12%\nconstraint variance -0.5pp\nconstraint throughput +5% keep headcount\nconstraint headcount -12 people\nconstraint overhead -40k USD/month")
        ),
    );
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let cycle = &c.model.as_ref().expect("model").cycles[0];
    let bounds: Vec<String> = cycle
        .directives
        .iter()
        .map(|d| {
            let b = d.bound.as_ref().expect("bound");
            format!("{} {}", b.op.as_str(), b.value)
        })
        .collect();
    assert_eq!(
        bounds,
        ["<= 422400", "<= 3.7", ">= 1207.5", "<= 200", "<= 440000"]
    );
    let keep = &cycle.directives[2].keep_bounds[0].1;
    assert_eq!(format!("{} {}", keep.op.as_str(), keep.value), "<= 212");
}

#[test]
fn deeply_nested_input_is_refused_not_overflowed() {
    let text = format!(
        "koom 1.0\nworkflow deep {}{}\n",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    let c = koomc::compile_text(Path::new("deep.koom"), text);
    let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    assert_eq!(codes, ["E0001"]);
    assert!(c.diagnostics[0].message.contains("nested more than"));
}

#[test]
fn mutated_input_never_panics() {
    let base = std::fs::read_to_string("examples/raccoons.koom").expect("example");
    let bytes = base.as_bytes();
    let inserts = [
        "{", "}", "\"", "#", "-", "%", "é", "\n", "to", "9", "goal", ":", ",", "\\",
    ];
    for i in (0..bytes.len()).step_by(7) {
        if !base.is_char_boundary(i) {
            continue;
        }
        let deleted = format!(
            "{}{}",
            &base[..i],
            &base[(i + 1).min(base.len())..].trim_start_matches(|_: char| false)
        );
        let _ = std::panic::catch_unwind(|| ()).ok();
        let _ = koomc::compile_text(Path::new("m.koom"), deleted);
        let insert = inserts[i % inserts.len()];
        let inserted = format!("{}{insert}{}", &base[..i], &base[i..]);
        let _ = koomc::compile_text(Path::new("m.koom"), inserted);
    }
}
