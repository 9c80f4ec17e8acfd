//! The formats for CI: `--message-format sarif`, validated against the
//! published SARIF 2.1.0 schema (`tests/schemas/`), and `--message-format
//! github`, workflow commands that GitHub Actions shows as annotations.

use std::path::Path;

use serde_json::Value;

use crate::common::{koomc, stdout};

const BROKEN: &str = "examples/errors/E0102-unknown-unit.koom";

/// A plan with an unknown unit (a fix), a worker addressed (a secondary
/// label) and a suppressed warning.
const PLAN: &str = "koom 1.0
manager operations \"Ann\"
worker night-shift under operations
metric calls unit % better higher baseline 80
cycle 2026-Q1 {
  # koom: allow vague-term
  direction \"Our service is world-class in every branch.\"
  outcome \"Every branch answers 95% of calls within 2 minutes.\"
  to operatons { goal calls >= 90% }
  to night-shift { goal calls >= 85% }
}
";

fn sarif_schema() -> jsonschema::Validator {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/schemas/sarif-schema-2.1.0.json"))
        .expect("the committed schema");
    let schema: Value = serde_json::from_str(&text).expect("JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_schema();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0: {errors:#?}");
}

fn sarif(args: &[&str]) -> (Value, Option<i32>) {
    let out = koomc().args(args).output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    (
        serde_json::from_str(&text).expect("one JSON document"),
        out.status.code(),
    )
}

#[test]
fn sarif_is_valid_and_carries_rules_regions_fixes_and_suppressions() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("koom.toml"), "").expect("write");
    std::fs::write(dir.path().join("plan.koom"), PLAN).expect("write");
    let plan = dir.path().join("plan.koom");
    let plan = plan.to_str().expect("UTF-8 path");
    let (log, status) = sarif(&["check", plan, "--message-format", "sarif"]);
    assert_eq!(status, Some(1), "the exit status of the check");
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(
        rules.len(),
        koomc::diagnostic::Code::ALL.len(),
        "one rule per code"
    );
    let results = run["results"].as_array().expect("results");
    let rule_of = |r: &Value| &rules[r["ruleIndex"].as_u64().expect("index") as usize];
    for r in results {
        assert_eq!(rule_of(r)["id"], r["ruleId"], "{r}");
    }
    let by_code = |code: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == code)
            .unwrap_or_else(|| panic!("no {code} in {results:#?}"))
    };
    // The unknown unit: its region, its file relative to the project root, its fix.
    let unknown = by_code("E0102");
    let location = &unknown["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "plan.koom");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "PROJECTROOT");
    let region = &location["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (&Value::from(9), &Value::from(6), &Value::from(15))
    );
    let fix = &unknown["fixes"][0];
    assert_eq!(fix["description"]["text"], "did you mean `operations`?");
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "operations");
    assert_eq!(replacement["deletedRegion"], *region);
    // The worker: the declaration as a related location.
    let worker = by_code("E0101");
    assert_eq!(
        worker["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    // The suppressed warning is a result with its suppression.
    let vague = by_code("E0301");
    assert_eq!(vague["level"], "warning");
    assert_eq!(vague["suppressions"][0]["kind"], "inSource");
    assert!(unknown.get("suppressions").is_none());
    // The rule: the explanation's first paragraph, and where to read more.
    let rule = rule_of(unknown);
    let explanation = koomc::diagnostic::Code::E0102.explanation();
    let first = explanation
        .lines()
        .find_map(|l| l.strip_prefix("Rule: "))
        .expect("a Rule: line");
    assert!(
        first.starts_with(
            rule["fullDescription"]["text"]
                .as_str()
                .expect("text")
                .split(". ")
                .next()
                .expect("a sentence")
        ),
        "{rule}"
    );
    assert_eq!(rule["helpUri"], "urn:koomc:explain:E0102");
    assert_eq!(rule["help"]["markdown"], explanation);
}

#[test]
fn sarif_of_a_clean_plan_an_unreadable_file_and_a_build() {
    let (log, status) = sarif(&[
        "check",
        "examples/raccoons.koom",
        "--message-format",
        "sarif",
    ]);
    assert_eq!(status, Some(0));
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    let (log, status) = sarif(&["check", "no/such file.koom", "--message-format", "sarif"]);
    assert_eq!(status, Some(2));
    assert_valid_sarif(&log);
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "no/such%20file.koom");
    assert!(location.get("region").is_none());
    // `build --stdout` keeps standard output for the work orders.
    let out = koomc()
        .args(["build", BROKEN, "--stdout", "--message-format", "sarif"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let log: Value = serde_json::from_slice(&out.stderr).expect("SARIF on standard error");
    assert_valid_sarif(&log);
}

#[test]
fn sarif_is_the_same_bytes_from_any_working_directory() {
    let here = stdout(koomc().args(["check", BROKEN, "--message-format", "sarif"]));
    let absolute = std::fs::canonicalize(BROKEN).expect("example");
    let elsewhere = stdout(
        koomc()
            .current_dir(std::env::temp_dir())
            .arg("check")
            .arg(&absolute)
            .args(["--message-format", "sarif"]),
    );
    assert_eq!(here, elsewhere);
    assert!(!here.contains(&*absolute.to_string_lossy()));
}

#[test]
fn github_annotations_are_workflow_commands() {
    let out = koomc()
        .args(["check", BROKEN, "--message-format", "github"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        "::error file=examples/errors/E0102-unknown-unit.koom,line=24,col=6,endLine=24,endColumn=14,title=E0102::unknown unit `logistcs`%0Ahelp: did you mean `logistics`?\n"
    );
    assert!(
        out.stderr.is_empty(),
        "nothing for people on standard error"
    );
    // A warning is a warning, a suppressed one is not shown, a clean plan says nothing.
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("plan.koom"), PLAN).expect("write");
    let text = stdout(
        koomc()
            .arg("check")
            .arg(dir.path().join("plan.koom"))
            .args(["--message-format", "github"]),
    );
    assert!(
        text.lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ")),
        "{text}"
    );
    assert!(
        !text.contains("E0301"),
        "a suppressed warning is not annotated: {text}"
    );
    koomc()
        .args([
            "check",
            "examples/raccoons.koom",
            "--message-format",
            "github",
        ])
        .assert()
        .code(0)
        .stdout("");
}
