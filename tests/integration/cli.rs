//! The command line as CI and managers' tooling use it: exit statuses,
//! `--stdout`, `--out-dir`, the refusal to write on error, the JSON formats.

use std::path::Path;

use crate::common::{koomc, stdout};

const CLEAN: &str = "examples/raccoons.koom";
const BROKEN: &str = "examples/errors/E0102-unknown-unit.koom";

#[test]
fn check_clean_file_exits_0_silently() {
    koomc()
        .args(["check", CLEAN])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
}

#[test]
fn check_with_errors_exits_1() {
    let out = koomc()
        .args(["check", BROKEN, "--color", "never"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8");
    assert!(
        stderr.contains("error[E0102]: unknown unit `logistcs`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `logistics`?"), "{stderr}");
    assert!(stderr.ends_with("koomc: 1 error\n"), "{stderr}");
}

#[test]
fn missing_file_exits_2() {
    let out = koomc()
        .args(["check", "no/such/file.koom"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8");
    assert!(
        stderr.contains("error[E0004]: cannot read `no/such/file.koom`: no such file"),
        "{stderr}"
    );
}

#[test]
fn a_folder_or_binary_file_exits_2() {
    // A folder stands for the `.koom` files in it; one with none cannot be read.
    let dir = tempfile::tempdir().expect("tmp");
    koomc().arg("check").arg(dir.path()).assert().code(2);
    let bin = dir.path().join("logo.koom");
    std::fs::write(&bin, b"koom 1.0\n\x00\x01\x02PNG").expect("write");
    let out = koomc().arg("check").arg(&bin).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("is a binary file"));
}

#[test]
fn a_file_over_the_size_limit_exits_2_without_being_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let big = dir.path().join("big.koom");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(koomc::load::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let out = koomc().arg("check").arg(&big).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("is too large"));
}

#[test]
fn misuse_exits_2() {
    koomc().args(["check"]).assert().code(2);
    koomc().args(["build", CLEAN]).assert().code(2); // neither --out-dir nor --stdout
    koomc()
        .args(["build", CLEAN, "--stdout", "--out-dir", "x"])
        .assert()
        .code(2);
    koomc().args(["frobnicate"]).assert().code(2);
    koomc().args(["explain", "E9999"]).assert().code(2);
    koomc()
        .args(["check", CLEAN, "--deny", "everything"])
        .assert()
        .code(2);
}

#[test]
fn build_without_a_destination_names_both() {
    let out = koomc().args(["build", CLEAN]).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("give `--out-dir DIR` (one file per work order) or `--stdout` (one JSON document); either will do"),
        "{stderr}"
    );
    assert!(stderr.contains("Usage: koomc build"), "{stderr}");
}

#[test]
fn diff_refuses_an_unknown_unit_and_tells_changes_by_exit_code() {
    let old = "examples/history/whiplash/old.koom";
    let new = "examples/history/whiplash/new.koom";
    let out = koomc()
        .args(["diff", old, new, "--for", "salse"])
        .env("NO_COLOR", "1")
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("error[E0102]: unknown unit `salse` in `--for`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `sales`?"), "{stderr}");
    let out = koomc()
        .args(["diff", old, new, "--for", "finance"])
        .env("NO_COLOR", "1")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("name one of the managers and CoE units: `engineering`"),
        "{stderr}"
    );
    let out = koomc()
        .args(["diff", old, new, "--for", "on-call"])
        .env("NO_COLOR", "1")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("error[E0101]: `on-call` in `--for` is a worker unit"),
        "{stderr}"
    );
    assert!(stderr.contains("`--for engineering`"), "{stderr}");
    // --exit-code: 1 when a work order changes, 0 when none does.
    koomc().args(["diff", old, new]).assert().code(0);
    koomc()
        .args(["diff", old, new, "--exit-code"])
        .assert()
        .code(1);
    koomc()
        .args(["diff", old, new, "--exit-code", "--format", "json"])
        .assert()
        .code(1);
    koomc()
        .args(["diff", old, old, "--exit-code"])
        .assert()
        .code(0);
}

#[test]
fn json_messages_are_one_object_per_line_with_positions() {
    let text = stdout(koomc().args(["check", BROKEN, "--message-format", "json"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let d: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(d["code"], "E0102");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], BROKEN);
    assert_eq!(d["start"]["line"], 24);
    assert_eq!(d["start"]["column"], 6);
    assert_eq!(d["end"]["column"], 14);
    assert_eq!(d["help"], "did you mean `logistics`?");
    // And it validates against the published schema.
    let schema: serde_json::Value =
        serde_json::from_str(&stdout(koomc().args(["schema", "diagnostics"]))).expect("schema");
    assert!(jsonschema::draft202012::is_valid(&schema, &d));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let colored = koomc()
        .args(["check", BROKEN, "--color", "always"])
        .output()
        .expect("runs");
    assert!(
        colored.stderr.contains(&0x1b),
        "no escape codes with --color always"
    );
    let plain = koomc()
        .args(["check", BROKEN])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!plain.stderr.contains(&0x1b));
    // Standard error is not a terminal here, so `auto` means no color.
    let auto = koomc().args(["check", BROKEN]).output().expect("runs");
    assert!(!auto.stderr.contains(&0x1b));
}

#[test]
fn build_stdout_is_one_json_document() {
    let text = stdout(koomc().args(["build", CLEAN, "--stdout"]));
    let v: serde_json::Value = serde_json::from_str(&text).expect("one JSON document");
    assert_eq!(v["schema"], "koom.work-orders/1");
    assert_eq!(v["work_orders"].as_array().expect("array").len(), 3);
    // Deterministic bytes.
    assert_eq!(text, stdout(koomc().args(["build", CLEAN, "--stdout"])));
}

#[test]
fn build_out_dir_writes_one_file_per_unit_and_cycle() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("orders");
    koomc()
        .args(["build", CLEAN, "--out-dir"])
        .arg(&out)
        .assert()
        .code(0);
    let mut written: Vec<String> = walk(&out);
    written.sort();
    assert_eq!(
        written,
        [
            "2026-Q1/logistics.json",
            "2026-Q1/operations.json",
            "2026-Q1/quality.json"
        ]
    );
    let ops: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("2026-Q1/operations.json")).expect("read"),
    )
    .expect("JSON");
    assert_eq!(ops["to"]["unit"], "operations");
    assert_eq!(ops["constraints"][0]["bound"]["value"], 422400);
    // Rebuilding replaces the files and leaves no temporary files behind.
    koomc()
        .args(["build", CLEAN, "--out-dir"])
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(walk(&out).len(), 3);
}

#[test]
fn build_with_errors_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("orders");
    koomc()
        .args(["build", BROKEN, "--out-dir"])
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists(), "an output folder was created despite errors");
    // Nor on standard output.
    koomc()
        .args(["build", BROKEN, "--stdout"])
        .assert()
        .code(1)
        .stdout("");
    // A good file and a bad one together: still nothing.
    koomc()
        .args(["build", CLEAN, BROKEN, "--out-dir"])
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists());
}

#[test]
fn unwritable_output_is_e0007_and_exits_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("orders");
    std::fs::write(&file, "not a folder").expect("write");
    let out = koomc()
        .args(["build", CLEAN, "--out-dir"])
        .arg(&file)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("error[E0007]"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "not a folder"
    );
    // Under /proc nothing can be created.
    koomc()
        .args(["build", CLEAN, "--out-dir", "/proc/koomc-orders"])
        .assert()
        .code(2);
}

#[test]
fn schema_and_explain() {
    let schema: serde_json::Value =
        serde_json::from_str(&stdout(koomc().args(["schema", "work-order"]))).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let text = stdout(koomc().args(["explain", "E0101"]));
    assert!(text.starts_with("# E0101"), "{text}");
    assert_eq!(stdout(koomc().args(["explain", "e101"])), text);
    let list = stdout(koomc().args(["explain", "--list"]));
    assert_eq!(list.lines().count(), koomc::diagnostic::Code::ALL.len());
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if path.is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            out.extend(walk(&path).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out
}

/// A project folder with a koom.toml and one file.
fn project(toml: &str, koom: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    if !toml.is_empty() {
        std::fs::write(dir.path().join("koom.toml"), toml).expect("write");
    }
    std::fs::write(dir.path().join("plan.koom"), koom).expect("write");
    dir
}

const VAGUE_DIRECTION: &str = "koom 1.0\nmanager ops \"Ann\"\ncycle 2026-Q1 {\n  direction \"Our service is world-class in every branch.\"\n  outcome \"Every branch answers 95% of calls within 2 minutes.\"\n}\n";

#[test]
fn a_warning_fails_only_under_deny() {
    let dir = project("", VAGUE_DIRECTION);
    let plan = dir.path().join("plan.koom");
    let out = koomc().arg("check").arg(&plan).assert().code(0);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("warning[E0301]"));
    koomc()
        .arg("check")
        .arg(&plan)
        .args(["--deny", "warnings"])
        .assert()
        .code(1);
    koomc()
        .arg("check")
        .arg(&plan)
        .args(["--deny", "vague-term"])
        .assert()
        .code(1);
    koomc()
        .arg("check")
        .arg(&plan)
        .args(["--deny", "narrative-cause"])
        .assert()
        .code(0);
}

#[test]
fn koom_toml_sets_lint_levels() {
    let allow = project("[lints]\nvague-term = \"allow\"\n", VAGUE_DIRECTION);
    koomc()
        .arg("check")
        .arg(allow.path().join("plan.koom"))
        .assert()
        .code(0)
        .stderr("");
    let deny = project("[lints]\nvague-term = \"deny\"\n", VAGUE_DIRECTION);
    let out = koomc()
        .arg("check")
        .arg(deny.path().join("plan.koom"))
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("error[E0301]"));
    // The phrasing lexicon can be trimmed.
    let trim = project("[phrasing]\nallow = [\"world-class\"]\n", VAGUE_DIRECTION);
    koomc()
        .arg("check")
        .arg(trim.path().join("plan.koom"))
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn a_bad_koom_toml_is_e0008_with_a_did_you_mean() {
    let dir = project("[lints]\nvague-terms = \"warn\"\n", VAGUE_DIRECTION);
    let out = koomc()
        .arg("check")
        .arg(dir.path().join("plan.koom"))
        .args(["--color", "never"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("error[E0008]: unknown lint `vague-terms`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `vague-term`?"), "{stderr}");
    let dir = project("[lints]\nvague-term = \"loud\"\n", VAGUE_DIRECTION);
    koomc()
        .arg("check")
        .arg(dir.path().join("plan.koom"))
        .assert()
        .code(2);
    let dir = project("[lintz]\n", VAGUE_DIRECTION);
    koomc()
        .arg("check")
        .arg(dir.path().join("plan.koom"))
        .assert()
        .code(2);
}

#[test]
fn work_orders_are_the_same_bytes_from_any_working_directory() {
    // Files are named relative to the project root (this repository's
    // `koom.toml`), never as given or absolute.
    let absolute = std::fs::canonicalize(CLEAN).expect("example");
    let here = stdout(koomc().arg("build").arg(CLEAN).arg("--stdout"));
    assert!(
        here.contains("\"file\": \"examples/raccoons.koom\""),
        "{here}"
    );
    assert!(!here.contains(&*absolute.to_string_lossy()));
    let from_absolute = stdout(koomc().arg("build").arg(&absolute).arg("--stdout"));
    let from_examples =
        stdout(
            koomc()
                .current_dir("examples")
                .args(["build", "raccoons.koom", "--stdout"]),
        );
    let from_elsewhere = stdout(
        koomc()
            .current_dir(std::env::temp_dir())
            .arg("build")
            .arg(&absolute)
            .arg("--stdout"),
    );
    assert_eq!(from_absolute, here);
    assert_eq!(from_examples, here);
    assert_eq!(from_elsewhere, here);
}

#[test]
fn change_control_diff_and_score_from_the_command_line() {
    let old = "examples/history/whiplash/old.koom";
    let new = "examples/history/whiplash/new.koom";
    koomc()
        .args(["check", new, "--baseline", old])
        .assert()
        .code(1);
    koomc()
        .args([
            "check",
            "examples/history/justified-change/new.koom",
            "--baseline",
            "examples/history/justified-change/old.koom",
        ])
        .assert()
        .code(0);
    // A baseline that does not compile is refused.
    koomc()
        .args(["check", new, "--baseline", BROKEN])
        .assert()
        .code(2);
    let json: serde_json::Value = serde_json::from_str(&stdout(
        koomc().args(["diff", old, new, "--for", "sales", "--format", "json"]),
    ))
    .expect("JSON");
    assert_eq!(json["schema"], "koom.diff/1");
    assert_eq!(json["recipients"].as_array().expect("array").len(), 1);
    // A plan with errors (here: changes without a cause) gets no scorecard.
    let scored = koomc()
        .args(["score", new, "--baseline", old, "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(scored.status.code(), Some(1));
    assert!(
        scored.stdout.is_empty(),
        "a scorecard of a plan with errors"
    );
    assert!(String::from_utf8_lossy(&scored.stderr).contains("E0701"));
    let card: serde_json::Value = serde_json::from_str(&stdout(koomc().args([
        "score",
        "examples/history/justified-change/new.koom",
        "--baseline",
        "examples/history/justified-change/old.koom",
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert_eq!(card["schema"], "koom.scorecard/1");
    // Every item of seed §7, measured or with the reason it is not.
    let figures = card["figures"].as_array().expect("array");
    assert_eq!(figures.len(), 9);
    for f in figures {
        assert!(f["score"].is_u64() != f["reason"].is_string(), "{f}");
    }
    let table = stdout(koomc().args(["score", new]));
    assert!(table.contains("Stability of priorities"), "{table}");
    for name in ["escalation", "scorecard", "diff"] {
        let schema: serde_json::Value =
            serde_json::from_str(&stdout(koomc().args(["schema", name]))).expect("JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
}

#[test]
fn escalations_from_the_command_line() {
    let plan = "examples/escalations/plan.koom";
    koomc()
        .args(["check", plan, "--escalations", "examples/escalations/valid"])
        .assert()
        .code(0)
        .stderr("");
    koomc()
        .args([
            "check",
            plan,
            "--escalations",
            "examples/escalations/no-data",
        ])
        .assert()
        .code(1);
    koomc()
        .args([
            "check",
            plan,
            "--escalations",
            "examples/escalations/unresolved",
        ])
        .assert()
        .code(0);
    koomc()
        .args([
            "check",
            plan,
            "--escalations",
            "examples/escalations/unresolved",
            "--deny",
            "unresolved-escalation",
        ])
        .assert()
        .code(1);
    koomc()
        .args(["check", plan, "--escalations", "no/such/folder"])
        .assert()
        .code(2);
}

#[test]
fn fmt_rewrites_checks_and_refuses() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("plan.koom");
    std::fs::write(&file, "koom   1.0\nmanager  ops \"Ann\"   # lead\n").expect("write");
    koomc()
        .arg("fmt")
        .arg("--check")
        .arg(&file)
        .assert()
        .code(1);
    koomc().arg("fmt").arg(&file).assert().code(0);
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "koom 1.0\nmanager ops \"Ann\"  # lead\n"
    );
    koomc()
        .arg("fmt")
        .arg("--check")
        .arg(&file)
        .assert()
        .code(0);
    // A comment with no place: refused, and the file left as it was.
    let odd = "koom 1.0\nmanager a \"A\"\nmanager b \"B\"\nmetric t unit x\ncycle 2026-Q1 {\n  align a, # shared\n    b on t\n}\n";
    std::fs::write(&file, odd).expect("write");
    let out = koomc().arg("fmt").arg(&file).assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("error[E0001]"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), odd);
    // Not a file.
    koomc().args(["fmt", "no/such.koom"]).assert().code(2);
}
