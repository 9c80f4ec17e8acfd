//! The code table (`src/diagnostic/code.rs`) is the one list of codes: every
//! code of [`Code::ALL`] has an explanation, an error example and a rule
//! test, and nothing is named by a code the table does not hold. Each
//! failure lists every code that lacks something, with what to add where.

use std::path::{Path, PathBuf};

use koomc::diagnostic::{Code, Needs};

/// A path in the crate.
fn crate_path(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The names in a folder, sorted.
fn names(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(crate_path(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The code a file name starts with (`E0704` of `E0704-resolve….koom`), if
/// it starts with one's shape, `E` and four digits.
fn code_of(name: &str) -> Option<&str> {
    let code = name.get(..5)?;
    let digits = code.strip_prefix('E')?;
    digits.chars().all(|c| c.is_ascii_digit()).then_some(code)
}

/// Panics with every problem found, one a line.
fn report(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_code_has_an_explanation() {
    let mut problems = Vec::new();
    for code in Code::ALL {
        let text = code.explanation();
        let file = format!("src/explain/{code}.md");
        let has = |heading: &str| text.lines().any(|l| l == heading);
        if !text.starts_with(&format!("# {code}: ")) {
            problems.push(format!(
                "{code}: start {file} with its title line, `# {code}: short title`"
            ));
        }
        for (line, what) in [
            ("Rule:", "a `Rule:` paragraph"),
            ("Seed:", "a `Seed:` line citing the seed sections"),
        ] {
            if !text.lines().any(|l| l.starts_with(line)) {
                problems.push(format!("{code}: add {what} to {file}"));
            }
        }
        for heading in ["## Wrong", "## Right"] {
            if !has(heading) {
                problems.push(format!(
                    "{code}: add a `{heading}` section with its example to {file}"
                ));
            }
        }
        let needed = match code.needs() {
            Needs::Baseline => Some((
                "## Baseline",
                "one ```koom block, the earlier revision the examples are checked against",
            )),
            Needs::Escalations => Some((
                "## Escalations",
                "```json blocks, each after a line `` `escalations/ESC-N.json`: ``",
            )),
            Needs::Nothing | Needs::Output => None,
        };
        if let Some((heading, what)) = needed {
            if !has(heading) {
                problems.push(format!(
                    "{code}: add a `{heading}` section to {file}: {what} (see src/explain/README.md)"
                ));
            }
        }
    }
    report(problems);
}

#[test]
fn every_code_has_an_error_example() {
    let entries = names("examples/errors");
    let mut problems = Vec::new();
    for code in Code::ALL {
        let found = entries.iter().any(|name| {
            let path = crate_path("examples/errors").join(name);
            name.starts_with(code.as_str())
                && ((name.ends_with(".koom") && path.is_file()) || path.join("main.koom").is_file())
        });
        if found {
            continue;
        }
        let how = match code.needs() {
            Needs::Nothing => format!(
                "examples/errors/{code}-<slug>.koom (or a folder examples/errors/{code}-<slug>/ with main.koom)"
            ),
            Needs::Baseline => format!(
                "a folder examples/errors/{code}-<slug>/ with main.koom and the baseline.koom it is checked against"
            ),
            Needs::Escalations => format!(
                "a folder examples/errors/{code}-<slug>/ with main.koom and the escalations/ it is checked with"
            ),
            Needs::Output => format!(
                "a folder examples/errors/{code}-<slug>/ with a clean main.koom and a file `orders` where the output folder should be"
            ),
        };
        problems.push(format!(
            "{code} has no error example: add {how}, and its line in examples/errors/README.md"
        ));
    }
    report(problems);
}

/// Every `.rs` file under `folder`, with its text.
fn sources(folder: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(folder).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).expect("read");
            out.push((path, text));
        }
    }
}

/// The lines that declare a test: `fn …` right after `#[test]` (a comment
/// that names `fn e0701_…` is not one).
fn tests(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|pair| pair[0] == "#[test]")
        .map(|pair| pair[1])
        .collect()
}

#[test]
fn every_code_has_a_rule_test() {
    let mut files = Vec::new();
    sources(&crate_path("tests/integration"), &mut files);
    let mut problems = Vec::new();
    for code in Code::ALL {
        let name = format!("fn {}", code.as_str().to_lowercase());
        if files
            .iter()
            .any(|(_, text)| tests(text).iter().any(|f| f.starts_with(&name)))
        {
            continue;
        }
        let place = match code.needs() {
            Needs::Baseline => "tests/integration/history.rs",
            Needs::Escalations => "tests/integration/escalations.rs",
            Needs::Nothing | Needs::Output => "tests/integration/rules.rs",
        };
        problems.push(format!(
            "{code} has no rule test: add `#[test] {name}_…` to {place}, with a failing and a passing case that pin the diagnostic"
        ));
    }
    report(problems);
}

#[test]
fn nothing_is_named_by_a_code_outside_the_table() {
    let known = |code: &str| Code::ALL.iter().any(|c| c.as_str() == code);
    let mut problems = Vec::new();
    for name in names("examples/errors") {
        if name == "README.md" {
            continue;
        }
        match code_of(&name) {
            Some(code) if known(code) => {}
            Some(code) => problems.push(format!(
                "examples/errors/{name}: {code} is not a code of src/diagnostic/code.rs; rename the example or add the code to the table"
            )),
            None => problems.push(format!(
                "examples/errors/{name}: an error example is named by its code, `EXXXX-slug`"
            )),
        }
    }
    for name in names("src/explain") {
        if let Some(code) = code_of(&name).filter(|c| !known(c)) {
            problems.push(format!(
                "src/explain/{name}: {code} is not a code of src/diagnostic/code.rs; remove the explanation or add the code to the table"
            ));
        }
    }
    report(problems);
}
