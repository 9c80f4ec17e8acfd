//! Installing and starting: the version line, `koomc init`, shell
//! completions, manual pages, and an example in every command's `--help`.

use std::process::Command as Process;

use crate::common::{koomc, stdout};

/// The commands `koomc --help` lists (without `help`).
fn commands() -> Vec<String> {
    let help = stdout(koomc().arg("--help"));
    let listed: Vec<String> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        // A command's line starts two spaces in; a wrapped description further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|name| name != "help")
        .collect();
    assert!(
        listed.len() >= 13 && listed.contains(&"man".to_owned()),
        "{help}"
    );
    listed
}

#[test]
fn the_version_line_names_the_language_versions() {
    let version = stdout(koomc().arg("--version"));
    let languages = koomc::syntax::SUPPORTED_VERSIONS.join(", ");
    assert_eq!(
        version,
        format!("koomc {} (koom {languages})\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_command_has_an_example_in_its_help() {
    for command in commands() {
        let help = stdout(koomc().args([command.as_str(), "--help"]));
        assert!(
            help.contains(&format!("Examples:\n  koomc {command}")),
            "`koomc {command} --help` has no example:\n{help}"
        );
    }
}

#[test]
fn init_writes_a_starter_that_checks_clean_and_builds() {
    let dir = tempfile::tempdir().expect("tmp");
    let project = dir.path().join("plans");
    let out = koomc().arg("init").arg(&project).assert().code(0);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        said.contains("koom.toml") && said.contains("next: `koomc check"),
        "{said}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&project)
        .expect("written")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["koom.toml", "org.koom", "plan.koom"]);
    let plan = std::fs::read_to_string(project.join("plan.koom")).expect("read");
    assert!(plan.contains("use \"org.koom\""), "{plan}");
    assert_eq!(plan.matches("\ncycle ").count(), 1, "{plan}");
    assert!(
        plan.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
            >= 2,
        "commented"
    );
    // Clean: no error and no warning, whether the folder or the plan is named.
    koomc()
        .arg("check")
        .arg(&project)
        .assert()
        .code(0)
        .stderr("");
    koomc()
        .arg("check")
        .arg(project.join("plan.koom"))
        .assert()
        .code(0)
        .stderr("");
    // In the canonical layout.
    koomc()
        .arg("fmt")
        .arg("--check")
        .arg(project.join("org.koom"))
        .arg(project.join("plan.koom"))
        .assert()
        .code(0);
    let orders = stdout(koomc().arg("build").arg(&project).arg("--stdout"));
    let orders: serde_json::Value = serde_json::from_str(&orders).expect("work orders");
    assert_eq!(orders["work_orders"].as_array().expect("array").len(), 3);
}

#[test]
fn init_overwrites_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("plan.koom"), "mine\n").expect("write");
    let out = koomc().arg("init").arg(dir.path()).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let shown = dir.path().join("plan.koom").display().to_string();
    assert!(
        stderr.contains(&format!(
            "error[E0007]: cannot write the starter project: `{shown}` already exists"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.koom")).expect("read"),
        "mine\n"
    );
    assert!(!dir.path().join("org.koom").exists() && !dir.path().join("koom.toml").exists());
    // A file where the folder should be.
    let file = dir.path().join("plan.koom");
    let nested = file.join("deeper");
    koomc().arg("init").arg(&nested).assert().code(2);
}

#[test]
fn the_bash_completion_parses_and_names_every_command() {
    let script = stdout(koomc().args(["completions", "bash"]));
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("koomc.bash");
    std::fs::write(&path, &script).expect("write");
    let parsed = Process::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash runs");
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    for command in commands() {
        assert!(
            script.contains(&format!("koomc__{command})"))
                || script.contains(&format!("koomc,{command})")),
            "the bash completion does not name `{command}`"
        );
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let text = stdout(koomc().args(["completions", shell]));
        assert!(
            text.contains("koomc") && text.contains("explain"),
            "{shell}: {text}"
        );
    }
    koomc().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_pages_for_koomc_and_every_command() {
    let page = stdout(koomc().arg("man"));
    assert!(page.contains(".TH koomc 1"), "{page}");
    assert!(page.contains("koomc\\-check(1)"), "{page}");
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("man1");
    koomc()
        .arg("man")
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(0);
    let mut expected: Vec<String> = commands().iter().map(|c| format!("koomc-{c}.1")).collect();
    expected.push("koomc.1".to_owned());
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .expect("written")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    let check = std::fs::read_to_string(out.join("koomc-check.1")).expect("read");
    assert!(check.contains(".TH koomc-check 1"), "{check}");
    let version = format!("\"koomc {} (koom", env!("CARGO_PKG_VERSION"));
    assert!(check.contains(&version), "{check}");
    assert!(check.contains("\\-\\-fix\\-unsafe"), "{check}");
}
