//! `koomc check --fix`, `--fix-unsafe` and `--diff` from the command line:
//! every kind of fix of `fixes.rs` applied to the files and checked again,
//! overlapping fixes in a second round, `--diff` writing nothing, and a file
//! that cannot be written leaving every file as it was.

use std::path::{Path, PathBuf};

use crate::common::koomc;

const ORG: &str = "koom 1.0\nmanager operations \"Rita\"\nmanager logistics \"Bo\"\nworker night-shift under operations\nmetric throughput unit crates/week better higher baseline 1150\nmetric rating unit points\n";

/// A cycle with its direction (E0308) and `body`.
fn plan(body: &str) -> String {
    format!("{ORG}cycle 2026-Q1 {{\n  direction \"Every crate leaves the dock on the day it was promised.\"\n{body}\n}}\n")
}

/// A project in a temporary folder (with its `koom.toml`, so that file
/// names are relative to it).
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new(files: &[(&str, &str)]) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        if !files.iter().any(|(n, _)| *n == "koom.toml") {
            std::fs::write(dir.path().join("koom.toml"), "").expect("write");
        }
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
            std::fs::write(path, text).expect("write");
        }
        Project { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).expect("read")
    }

    /// `koomc check main.koom ARGS…` in the project folder: exit status,
    /// standard output, standard error.
    fn check(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let out = koomc()
            .current_dir(self.dir.path())
            .args(["check", "main.koom", "--color", "never"])
            .args(args)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("UTF-8"),
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    }

    /// The codes a check reports (with `extra` arguments).
    fn codes(&self, extra: &[&str]) -> Vec<String> {
        let (_, out, _) = self.check(&[&["--message-format", "json"], extra].concat());
        out.lines()
            .map(|l| {
                let d: serde_json::Value = serde_json::from_str(l).expect("JSON");
                d["code"].as_str().expect("code").to_owned()
            })
            .collect()
    }
}

/// Fix `code` with `--fix-unsafe` (or `--fix` when `safe`): it is reported
/// as fixed, and the check after it has no `code` and exits 0.
fn fixed(code: &str, files: &[(&str, &str)], safe: bool, extra: &[&str]) -> Project {
    let p = Project::new(files);
    assert!(
        p.codes(extra).contains(&code.to_owned()),
        "no {code} before fixing"
    );
    let flag = if safe { "--fix" } else { "--fix-unsafe" };
    let (status, _, stderr) = p.check(&[&[flag], extra].concat());
    assert!(stderr.contains(&format!("({code}): ")), "{stderr}");
    assert!(stderr.contains("koomc: applied "), "{stderr}");
    assert_eq!(status, Some(0), "{stderr}");
    assert!(
        !p.codes(extra).contains(&code.to_owned()),
        "{code} is still there"
    );
    p
}

#[test]
fn every_kind_of_fix_is_applied_and_rechecked() {
    let main = |body: &str| plan(body);
    fixed(
        "E0102",
        &[(
            "main.koom",
            &main("  to operatons { goal throughput >= 1300 }"),
        )],
        false,
        &[],
    );
    fixed(
        "E0103",
        &[(
            "main.koom",
            &main("  to operations { goal throughpt >= 1300 }"),
        )],
        false,
        &[],
    );
    fixed(
        "E0101",
        &[(
            "main.koom",
            &main("  to night-shift { goal throughput >= 1300 }"),
        )],
        false,
        &[],
    );
    fixed(
        "E0801",
        &[(
            "main.koom",
            &main("  to operations { goal throughput >= 1300 ai drfat }"),
        )],
        false,
        &[],
    );
    fixed(
        "E0001",
        &[("main.koom", &main("  gaol throughput >= 1300"))],
        false,
        &[],
    );
    let p = fixed(
        "E0001",
        &[("main.koom", &main("  goal throughput => 1300"))],
        true,
        &[],
    );
    assert!(p.read("main.koom").contains("goal throughput >= 1300"));
    let files = [
        ("main.koom", "koom 1.0\nuse \"shared/orgg.koom\"\n"),
        ("shared/org.koom", ORG),
    ];
    let p = fixed("E0005", &files, false, &[]);
    assert!(p.read("main.koom").contains("use \"shared/org.koom\""));
    let files = [
        ("main.koom", ORG),
        ("koom.toml", "[lints]\nvague-terms = \"warn\"\n"),
    ];
    let p = fixed("E0008", &files, false, &[]);
    assert_eq!(p.read("koom.toml"), "[lints]\nvague-term = \"warn\"\n");
    let files = [(
        "main.koom",
        &*main("  # koom: allow vague-trem\n  to operations { goal throughput >= 1300 }"),
    )];
    fixed("E0009", &files, false, &[]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let esc = std::fs::read_to_string(root.join("examples/escalations/valid/ESC-7.json"))
        .expect("fixture");
    let resolve = main("  to operations { goal throughput >= 1300 }\n  resolve ESC-77 for operations, logistics: \"Outbound first until March 31.\"");
    let files = [
        ("main.koom", resolve.as_str()),
        ("escalations/ESC-7.json", esc.as_str()),
    ];
    fixed("E0704", &files, false, &["--escalations", "escalations"]);
}

#[test]
fn a_missing_better_and_baseline_are_fixed_in_two_rounds() {
    // Both fixes insert at the end of `metric rating …`: the first is
    // applied, the other waits for the second round.
    let p = Project::new(&[(
        "main.koom",
        &plan("  constraint rating -5%\n  constraint throughput +5% keep rating"),
    )]);
    let before = p.codes(&[]);
    assert!(
        before.contains(&"E0304".to_owned()) && before.contains(&"E0305".to_owned()),
        "{before:?}"
    );
    let (status, _, stderr) = p.check(&["--fix-unsafe"]);
    let text = p.read("main.koom");
    assert!(
        text.contains("metric rating unit points better higher baseline 0\n"),
        "{text}\n{stderr}"
    );
    assert_eq!(
        text.matches("baseline 0").count(),
        1,
        "one fix for two diagnostics: {text}"
    );
    assert!(
        stderr.contains("(E0304): ") && stderr.contains("(E0305): "),
        "{stderr}"
    );
    let after = p.codes(&[]);
    assert!(
        !after.contains(&"E0304".to_owned()) && !after.contains(&"E0305".to_owned()),
        "{after:?}"
    );
    assert_eq!(status, Some(0), "{stderr}");
}

#[test]
fn fix_applies_only_the_safe_fixes_and_reports_what_remains() {
    let p = Project::new(&[(
        "main.koom",
        &plan("  goal throughput => 1300\n  to operatons { goal throughput >= 1300 }"),
    )]);
    let (status, _, stderr) = p.check(&["--fix"]);
    assert_eq!(status, Some(1), "{stderr}");
    assert!(
        stderr.contains("fixed main.koom:9 (E0001): did you mean `>=`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("koomc: applied 1 fix in 1 file"),
        "{stderr}"
    );
    // What remains: the unknown unit, whose fix is a guess.
    assert!(
        stderr.contains("error[E0102]: unknown unit `operatons`"),
        "{stderr}"
    );
    assert!(stderr.ends_with("koomc: 1 error\n"), "{stderr}");
    assert!(p.read("main.koom").contains("to operatons"));
    // Nothing to fix: said so by the check's usual report.
    let clean = Project::new(&[(
        "main.koom",
        &plan("  to operations { goal throughput >= 1300 }"),
    )]);
    let (status, _, stderr) = clean.check(&["--fix"]);
    assert_eq!((status, stderr.as_str()), (Some(0), ""));
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let text = plan("  goal throughput => 1300\n  to operatons { goal throughput >= 1300 }");
    let p = Project::new(&[("main.koom", &text)]);
    let (status, stdout, stderr) = p.check(&["--diff"]);
    assert_eq!(status, Some(1), "a diff to apply: {stderr}");
    assert!(
        stdout.starts_with("--- a/main.koom\n+++ b/main.koom\n@@ "),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n-  goal throughput => 1300\n+  goal throughput >= 1300\n"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("operations {"),
        "the unsafe fix is not shown: {stdout}"
    );
    assert!(stderr.contains("would fix main.koom:9 (E0001)"), "{stderr}");
    assert!(stderr.contains("1 error would remain"), "{stderr}");
    assert_eq!(p.read("main.koom"), text, "--diff wrote the file");
    let (_, stdout, _) = p.check(&["--diff", "--fix-unsafe"]);
    assert!(
        stdout.contains("+  to operations { goal throughput >= 1300 }"),
        "{stdout}"
    );
    assert_eq!(p.read("main.koom"), text);
    // Once the safe fixes are written, there is nothing more to show, but
    // the error that remains still fails.
    p.check(&["--fix"]);
    let (status, stdout, stderr) = p.check(&["--diff"]);
    assert_eq!((status, stdout.as_str()), (Some(1), ""), "{stderr}");
    assert!(
        stderr.contains("koomc: nothing to fix; 1 error would remain"),
        "{stderr}"
    );
}

#[test]
fn a_read_only_file_is_e0007_and_nothing_is_written() {
    let org = ORG.replace(
        "metric rating unit points",
        "metric rating unit points\nmetric speed unit km/h better higher baseline 4",
    );
    let main = "koom 1.0\nuse \"org.koom\"\ncycle 2026-Q1 {\n  direction \"Every crate leaves the dock on the day it was promised.\"\n  to Operations { goal throughput => 1300 }\n}\n";
    let p = Project::new(&[
        ("main.koom", main),
        ("org.koom", &org.replace("metric speed", "metric Speed")),
    ]);
    let org_path = p.path("org.koom");
    let mut permissions = std::fs::metadata(&org_path).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&org_path, permissions.clone()).expect("chmod");
    let org_before = p.read("org.koom");
    let (status, _, stderr) = p.check(&["--fix"]);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(
        stderr.contains("error[E0007]: cannot write `org.koom`: the file is read-only"),
        "{stderr}"
    );
    assert!(stderr.contains("no file was changed"), "{stderr}");
    assert_eq!(
        p.read("main.koom"),
        main,
        "the writable file was changed too"
    );
    assert_eq!(p.read("org.koom"), org_before);
    let leftovers: Vec<_> = std::fs::read_dir(p.dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&org_path, permissions).expect("chmod");
    let (status, _, stderr) = p.check(&["--fix"]);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(p.read("org.koom").contains("metric speed"));
    assert!(p
        .read("main.koom")
        .contains("to operations { goal throughput >= 1300 }"));
}

#[test]
fn watch_does_not_go_with_fix() {
    let p = Project::new(&[("main.koom", &plan(""))]);
    let (status, _, stderr) = p.check(&["--fix", "--watch"]);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}
