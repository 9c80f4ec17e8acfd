//! Every code's explanation (`src/explain/EXXXX.md`, shaped as
//! `src/explain/README.md` says), for every code of the table: its wrong
//! example produces exactly that code, its right example compiles clean,
//! each with what the code needs besides the `.koom` file (its `## Baseline`
//! or `## Escalations` section); E0007's transcripts are what `build` says.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use koomc::diagnostic::{render, Code, Needs};

/// A fenced block: its language, the file named on the line before it
/// (`` `escalations/ESC-7.json`: ``), and its text.
struct Block {
    lang: String,
    file: Option<String>,
    text: String,
}

/// A `## ` section with its fenced blocks.
struct Section {
    heading: String,
    blocks: Vec<Block>,
}

/// One code's explanation, cut into its sections.
struct Explanation {
    code: Code,
    sections: Vec<Section>,
}

impl Explanation {
    fn of(code: Code) -> Explanation {
        let mut sections: Vec<Section> = Vec::new();
        let mut lines = code.explanation().lines();
        let mut previous = "";
        while let Some(line) = lines.next() {
            if let Some(heading) = line.strip_prefix("## ") {
                sections.push(Section {
                    heading: heading.trim().to_owned(),
                    blocks: Vec::new(),
                });
            } else if let Some(lang) = line.strip_prefix("```") {
                let mut text = String::new();
                for line in lines.by_ref().take_while(|l| *l != "```") {
                    text.push_str(line);
                    text.push('\n');
                }
                let file = previous
                    .strip_prefix('`')
                    .and_then(|p| p.strip_suffix("`:"))
                    .map(str::to_owned);
                if let Some(section) = sections.last_mut() {
                    section.blocks.push(Block {
                        lang: lang.trim().to_owned(),
                        file,
                        text,
                    });
                }
                previous = "";
            } else if !line.trim().is_empty() {
                previous = line;
            }
        }
        Explanation { code, sections }
    }

    /// The blocks of `## {heading}`, if the section is there.
    fn section(&self, heading: &str) -> Option<&[Block]> {
        self.sections
            .iter()
            .find(|s| s.heading == heading)
            .map(|s| s.blocks.as_slice())
    }

    /// The one block of `## {heading}`, in one of `langs`.
    fn only(&self, heading: &str, langs: &[&str]) -> &Block {
        let code = self.code;
        let blocks = self
            .section(heading)
            .unwrap_or_else(|| panic!("src/explain/{code}.md has no `## {heading}` section"));
        match blocks {
            [block] if langs.contains(&block.lang.as_str()) => block,
            _ => panic!(
                "src/explain/{code}.md: `## {heading}` must hold exactly one fenced block ({})",
                langs.join(" or ")
            ),
        }
    }
}

/// A clean plan, for the examples that are a `koom.toml` (E0008).
const PLAN: &str = r#"koom 1.0
manager operations "Rita Ringtail"
metric throughput unit crates/week better higher baseline 1150
cycle 2026-Q1 {
  direction "Raccoons Inc. is the most reliable distributor in the burrow."
  to operations {
    goal throughput >= 1300 crates/week by 2026-03-31
  }
}
"#;

#[derive(Clone, Copy, Debug)]
enum Side {
    Wrong,
    Right,
}

impl Side {
    fn heading(self) -> &'static str {
        match self {
            Side::Wrong => "Wrong",
            Side::Right => "Right",
        }
    }
}

/// A compilation's codes, and its diagnostics as a person reads them.
fn outcome(c: &koomc::Compilation) -> (BTreeSet<String>, String) {
    (
        c.diagnostics.iter().map(|d| d.code.to_string()).collect(),
        render::human_string(&c.sources, &c.diagnostics),
    )
}

/// `path` compiled on its own, which must be clean.
fn clean_alone(code: Code, path: PathBuf, what: &str) -> koomc::Compilation {
    let c = koomc::compile(&[path]);
    let (found, shown) = outcome(&c);
    assert!(
        found.is_empty(),
        "src/explain/{code}.md: {what}, compiled alone, gives {found:?}:\n{shown}"
    );
    c
}

/// What one side's example gives, checked the way its code needs: in a fresh
/// folder as `main.koom` (beside `plans/`), against the `## Baseline`, or
/// with the `## Escalations` files.
fn check(code: Code, side: Side) -> (BTreeSet<String>, String) {
    let e = Explanation::of(code);
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("plans")).expect("plans/");
    let main = dir.path().join("main.koom");
    let what = format!("the {} example", side.heading().to_lowercase());
    match code.needs() {
        Needs::Nothing => {
            let block = e.only(side.heading(), &["koom", "toml"]);
            if block.lang == "toml" {
                std::fs::write(dir.path().join("koom.toml"), &block.text).expect("write");
                std::fs::write(&main, PLAN).expect("write");
            } else {
                std::fs::write(&main, &block.text).expect("write");
            }
            outcome(&koomc::compile(&[main]))
        }
        Needs::Baseline => {
            let block = e.only(side.heading(), &["koom"]);
            std::fs::write(&main, &block.text).expect("write");
            let baseline = dir.path().join("baseline.koom");
            std::fs::write(&baseline, &e.only("Baseline", &["koom"]).text).expect("write");
            let old = clean_alone(code, baseline, "the baseline");
            let mut new = clean_alone(code, main, &what);
            koomc::compare_with(&mut new, &old).expect("both compile");
            outcome(&new)
        }
        Needs::Escalations => {
            let block = e.only(side.heading(), &["koom"]);
            std::fs::write(&main, &block.text).expect("write");
            let files = match side {
                Side::Right => e.section("Escalations (right)"),
                Side::Wrong => None,
            }
            .or_else(|| e.section("Escalations"))
            .filter(|files| !files.is_empty())
            .unwrap_or_else(|| {
                panic!("src/explain/{code}.md has no `## Escalations` section with files")
            });
            std::fs::create_dir(dir.path().join("escalations")).expect("escalations/");
            for file in files {
                let name = file
                    .file
                    .as_deref()
                    .filter(|n| n.starts_with("escalations/") && file.lang == "json")
                    .unwrap_or_else(|| {
                        panic!(
                            "src/explain/{code}.md: each escalation is a `json` block after a line `` `escalations/ESC-N.json`: ``"
                        )
                    });
                std::fs::write(dir.path().join(name), &file.text).expect("write");
            }
            let mut c = clean_alone(code, main, &what);
            koomc::escalation::check(&mut c, &dir.path().join("escalations"));
            outcome(&c)
        }
        Needs::Output => unreachable!("E0007's examples are transcripts"),
    }
}

/// The codes whose examples are files to check (all but E0007's transcripts).
fn checked() -> impl Iterator<Item = Code> {
    Code::ALL
        .iter()
        .copied()
        .filter(|c| c.needs() != Needs::Output)
}

#[test]
fn wrong_examples_produce_exactly_their_code() {
    for code in checked() {
        let (found, shown) = check(code, Side::Wrong);
        assert_eq!(
            found,
            BTreeSet::from([code.to_string()]),
            "src/explain/{code}.md: the wrong example gives:\n{shown}"
        );
    }
}

#[test]
fn right_examples_compile_clean() {
    for code in checked() {
        let (found, shown) = check(code, Side::Right);
        assert!(
            found.is_empty(),
            "src/explain/{code}.md: the right example gives {found:?}:\n{shown}"
        );
    }
}

/// E0007: `build` of a clean plan into a path that is a file is refused and
/// writes nothing; the transcripts say what koomc says.
#[test]
fn output_examples_are_what_build_says() {
    let plan = koomc::compile(&[PathBuf::from("examples/raccoons.koom")]);
    let orders = plan.work_orders().expect("a clean plan");
    for code in Code::ALL.iter().filter(|c| c.needs() == Needs::Output) {
        let e = Explanation::of(*code);
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("orders");
        std::fs::write(&file, "Send the Q1 orders on Monday.\n").expect("write");
        let d = koomc::output::write_dir(&file, &orders).expect_err("a file is not a folder");
        assert_eq!(d.code, *code, "{}", d.message);
        assert_eq!(
            std::fs::read_to_string(&file).expect("still a file"),
            "Send the Q1 orders on Monday.\n"
        );
        assert_eq!(entries(dir.path()), ["orders"], "nothing else is written");
        let wrong = &e.only("Wrong", &["console"]).text;
        let message = d.message.replace(&file.display().to_string(), "orders");
        assert!(
            wrong.contains(&format!("error[{code}]: {message}")),
            "src/explain/{code}.md: the wrong transcript should show `error[{code}]: {message}`:\n{wrong}"
        );
        let written =
            koomc::output::write_dir(&dir.path().join("work-orders"), &orders).expect("written");
        let n = written.len();
        let said = format!(
            "wrote {n} work order{} to work-orders",
            if n == 1 { "" } else { "s" }
        );
        let right = &e.only("Right", &["console"]).text;
        assert!(
            right.contains(&said),
            "src/explain/{code}.md: the right transcript should show `{said}`:\n{right}"
        );
    }
}

/// The names in a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
