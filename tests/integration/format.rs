//! `koomc fmt` as a property: over generated files (every example, and the
//! synthetic organization, each with its whitespace, blank lines and comments
//! scrambled many ways) the formatter is idempotent, keeps every comment, and
//! keeps the meaning: the formatted file compiles to the same work orders.
//!
//! Formatting and compiling hundreds of files is slow in a debug build, so
//! plain `cargo test` runs the quick property ([`QUICK`]: a few rounds per
//! example and on a slice of the synthetic organization) and skips the full
//! one ([`FULL`]: 20 rounds per example, 3 on the whole synthetic
//! organization, 200+ cases), which runs in a release build:
//!
//! ```text
//! cargo test --release format
//! cargo test -- --ignored format     # the same in a debug build (slow)
//! ```

use std::path::{Path, PathBuf};

use koomc::source::FileId;

#[allow(dead_code)]
#[path = "../../benches/gen_org.rs"]
mod gen_org;

/// Work orders without their source positions (the layout moves lines).
fn meaning(path: &Path, text: &str) -> String {
    let c = koomc::compile_text(path, text.to_owned());
    let orders = c
        .work_orders()
        .map(koomc::emit::bundle_json)
        .unwrap_or_default();
    let diagnostics: Vec<String> = c
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    let value: serde_json::Value =
        serde_json::from_str(if orders.is_empty() { "null" } else { &orders }).expect("JSON");
    format!("{}\n{}", strip_sources(value), diagnostics.join("\n"))
}

fn strip_sources(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(map) => map
            .into_iter()
            .filter(|(k, _)| k != "source")
            .map(|(k, v)| (k, strip_sources(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(strip_sources)
            .collect::<Vec<_>>()
            .into(),
        other => other,
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The same file with its layout scrambled: spaces between words become one
/// to three spaces or tabs, lines gain leading space, blank lines and
/// end-of-line comments appear. Strings are left alone.
fn scramble(text: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if rng.below(6) == 0 {
            out.push('\n');
        }
        for _ in 0..rng.below(4) {
            out.push(if rng.below(2) == 0 { ' ' } else { '\t' });
        }
        let mut in_string = false;
        let mut chars = line.trim_start().chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    in_string = !in_string;
                    out.push(c);
                }
                '\\' if in_string => {
                    out.push(c);
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                }
                ' ' if !in_string => {
                    for _ in 0..=rng.below(3) {
                        out.push(if rng.below(3) == 0 { '\t' } else { ' ' });
                    }
                }
                _ => out.push(c),
            }
        }
        let has_comment = line.contains('#');
        if !has_comment && !line.trim().is_empty() && rng.below(5) == 0 {
            out.push_str(&format!("   # note {}", rng.below(1000)));
        }
        out.push('\n');
    }
    out
}

/// Every example whose layout is canonical.
fn examples() -> Vec<(PathBuf, String)> {
    let mut files = vec![PathBuf::from("examples/raccoons.koom")];
    for dir in ["hospital", "software", "factory", "logistics", "nonprofit"] {
        files.push(PathBuf::from(format!("examples/{dir}/plan.koom")));
        files.push(PathBuf::from(format!("examples/{dir}/org.koom")));
    }
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("example");
            (p, text)
        })
        .collect()
}

/// The synthetic organization of scale 1 (about 90 KB, eight cycles).
fn synthetic() -> String {
    let mut synthetic = Vec::new();
    gen_org::generate(1, &mut synthetic).expect("generate");
    String::from_utf8(synthetic).expect("UTF-8")
}

/// How much of the property a run covers.
struct Run {
    /// Scrambled variants of each example.
    example_rounds: usize,
    /// Scrambled variants of the synthetic organization.
    synthetic_rounds: usize,
    /// Only its declarations and first cycle (a quarter of it), or all.
    synthetic_slice: bool,
    /// At least this many variants, so that a shrunk input list is noticed.
    min_cases: usize,
}

/// `cargo test`: every example, and every kind of statement of the
/// synthetic organization, in a few seconds of a debug build.
const QUICK: Run = Run {
    example_rounds: 3,
    synthetic_rounds: 2,
    synthetic_slice: true,
    min_cases: 35,
};

/// `cargo test --release format`.
const FULL: Run = Run {
    example_rounds: 20,
    synthetic_rounds: 3,
    synthetic_slice: false,
    min_cases: 200,
};

/// The synthetic organization's declarations and first cycle: a whole file
/// that compiles clean, with every kind of statement the generator writes
/// (but a `cycle … from … to …`, which the examples have).
fn first_cycle(text: &str) -> &str {
    let cycle = text.find("\ncycle ").expect("a cycle") + 1;
    let end = text[cycle..].find("\n}\n").expect("its end") + cycle + 3;
    &text[..end]
}

fn bases(run: &Run) -> Vec<(PathBuf, String)> {
    let mut out = examples();
    let synthetic = synthetic();
    let synthetic = if run.synthetic_slice {
        first_cycle(&synthetic).to_owned()
    } else {
        synthetic
    };
    out.push((PathBuf::from("synthetic.koom"), synthetic));
    out
}

fn property(run: &Run) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = 0;
    for (path, text) in bases(run) {
        let canonical = koomc::format::format(FileId(0), &text)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let want = meaning(&path, &text);
        assert_eq!(
            meaning(&path, &canonical),
            want,
            "{}: meaning changed",
            path.display()
        );
        let rounds = if path.ends_with("synthetic.koom") {
            run.synthetic_rounds
        } else {
            run.example_rounds
        };
        for _ in 0..rounds {
            let messy = scramble(&text, &mut rng);
            let once = koomc::format::format(FileId(0), &messy)
                .unwrap_or_else(|e| panic!("{}: {e:?}\n{messy}", path.display()));
            let twice = koomc::format::format(FileId(0), &once).expect("formats again");
            assert_eq!(once, twice, "{}: not idempotent", path.display());
            assert_eq!(
                once.matches('#').count(),
                messy.matches('#').count(),
                "{}: a comment was lost",
                path.display()
            );
            assert_eq!(
                meaning(&path, &once),
                want,
                "{}: meaning changed",
                path.display()
            );
            cases += 1;
        }
    }
    assert!(cases >= run.min_cases, "{cases} cases");
}

#[test]
fn formatting_is_idempotent_and_keeps_meaning_and_comments() {
    property(&QUICK);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "the full property run, slow in a debug build: cargo test --release format"
)]
fn formatting_is_idempotent_and_keeps_meaning_and_comments_full_run() {
    property(&FULL);
}

#[test]
fn the_synthetic_slice_compiles_clean() {
    let slice = first_cycle(&synthetic()).to_owned();
    let c = koomc::compile_text(Path::new("synthetic.koom"), slice);
    assert!(
        c.diagnostics.is_empty(),
        "{}",
        koomc::diagnostic::render::human_string(&c.sources, &c.diagnostics)
    );
    assert_eq!(c.model.expect("model").cycles.len(), 1);
}

#[test]
fn the_examples_are_formatted() {
    for (path, text) in examples() {
        let formatted = koomc::format::format(FileId(0), &text).expect("formats");
        assert!(
            formatted == text,
            "{} is not in the canonical layout:\n{formatted}",
            path.display()
        );
    }
}

/// The tour's `koom` block in the README.
fn readme_tour() -> String {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let start = readme.find("```koom\n").expect("a koom block") + "```koom\n".len();
    let end = readme[start..].find("```").expect("closed") + start;
    readme[start..end].to_owned()
}

#[test]
fn the_readme_tour_is_formatted_with_its_aligned_comments() {
    let tour = readme_tour();
    assert!(
        tour.contains("throughput # overhead"),
        "the tour's one-space comment"
    );
    let formatted = koomc::format::format(FileId(0), &tour).expect("formats");
    assert_eq!(
        formatted, tour,
        "the README's tour is not in the canonical layout"
    );
}

#[test]
fn trailing_comments_the_author_aligned_stay_aligned() {
    let fmt = |text: &str| koomc::format::format(FileId(0), text).expect("formats");
    // `a` and `b` started in one column, past their lines: kept there, even
    // one space after the longest line; `c`, alone in its column, is
    // written two spaces after its line.
    let text = format!(
        "{:<20}# a\n{:<20}# b\n{:<24}# c\n",
        "koom   1.0", "org \"Raccoons Inc.\"", "revision 2026-01-02"
    );
    let want = format!(
        "{:<20}# a\n{:<20}# b\n{:<21}# c\n",
        "koom 1.0", "org \"Raccoons Inc.\"", "revision 2026-01-02"
    );
    assert_eq!(fmt(&text), want);
    // A line that grows past the column moves the whole run to two spaces
    // after its longest line; the next run keeps that column.
    let text = format!(
        "{:<30}# a\ncycle 2026-Q1 {{\n{:<30}# b\n}}\n",
        "koom 1.0", "  goal g1:t>=12 by 2026-03-31"
    );
    let want = format!(
        "{:<34}# a\ncycle 2026-Q1 {{\n{:<34}# b\n}}\n",
        "koom 1.0", "  goal g1: t >= 12 by 2026-03-31"
    );
    assert_eq!(fmt(&text), want);
    assert_eq!(fmt(&want), want, "not idempotent");
    // Comments in columns of their own.
    let text = "koom 1.0 # a\norg \"A\"   # b\nexecutive   \"Coco Raccoon\" # c\nrevision 2026-01-02 # d\n";
    let once = fmt(text);
    assert_eq!(once, "koom 1.0  # a\norg \"A\"  # b\nexecutive \"Coco Raccoon\"  # c\nrevision 2026-01-02  # d\n");
    assert_eq!(fmt(&once), once, "not idempotent");
}

/// Apply a unified diff to `before`: what `patch` would make of it.
fn apply(before: &str, diff: &str) -> String {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let mut out = String::new();
    let mut at = 0;
    let mut lines = diff.lines().skip(2).peekable();
    while let Some(header) = lines.next() {
        let range = header
            .strip_prefix("@@ -")
            .and_then(|h| h.split(' ').next())
            .unwrap_or_else(|| panic!("a hunk header: {header}"));
        let (start, len) = range.split_once(',').unwrap_or((range, "1"));
        let start: usize = start.parse().expect("a line number");
        let first = if len == "0" { start } else { start - 1 };
        out.extend(old[at..first].iter().copied());
        at = first;
        while let Some(line) = lines.next_if(|l| !l.starts_with("@@ ")) {
            let no_newline = lines.next_if(|l| l.starts_with("\\ No newline")).is_some();
            let end = if no_newline { "" } else { "\n" };
            match line.split_at(1) {
                (" ", text) | ("-", text) => {
                    assert_eq!(
                        old[at],
                        format!("{text}{end}"),
                        "context or removal at line {at}"
                    );
                    if line.starts_with(' ') {
                        out.push_str(old[at]);
                    }
                    at += 1;
                }
                ("+", text) => out.push_str(&format!("{text}{end}")),
                _ => panic!("a diff line: {line:?}"),
            }
        }
    }
    out.extend(old[at..].iter().copied());
    out
}

#[test]
fn fmt_check_prints_the_diff_that_makes_the_canonical_layout() {
    let mut rng = Rng(7);
    for (path, text) in examples() {
        let messy = scramble(&text, &mut rng);
        let formatted = koomc::format::formatted(FileId(0), &messy).expect("formats");
        let diff = formatted.diff("plan.koom", &messy);
        assert!(
            diff.starts_with("--- plan.koom\n+++ plan.koom\n@@ -"),
            "{diff}"
        );
        assert_eq!(
            apply(&messy, &diff),
            formatted.text(),
            "{}:\n{diff}",
            path.display()
        );
        let canonical = koomc::format::formatted(FileId(0), &text).expect("formats");
        assert_eq!(canonical.diff("plan.koom", &text), "", "{}", path.display());
    }
}

#[test]
fn fmt_check_and_standard_input_on_the_command_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("plan.koom");
    let messy = "koom   1.0\norg \"A\"\nmanager  ops \"Ann\"   # lead\n";
    std::fs::write(&file, messy).expect("write");
    let out = crate::common::koomc()
        .args(["fmt", "--check", "plan.koom"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        diff,
        "--- plan.koom\n+++ plan.koom\n@@ -1,3 +1,3 @@\n-koom   1.0\n+koom 1.0\n org \"A\"\n-manager  ops \"Ann\"   # lead\n+manager ops \"Ann\"  # lead\n"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("plan.koom is not in the canonical layout")
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        messy,
        "--check writes nothing"
    );
    let out = crate::common::koomc()
        .args(["fmt", "-"])
        .write_stdin(messy)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        "koom 1.0\norg \"A\"\nmanager ops \"Ann\"  # lead\n"
    );
    let out = crate::common::koomc()
        .args(["fmt", "--check", "-"])
        .write_stdin(messy)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("--- <stdin>\n+++ <stdin>\n"));
}
