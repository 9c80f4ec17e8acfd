//! `koomc fmt` as a property: over generated files (every example, and the
//! synthetic organization, each with its whitespace, blank lines and comments
//! scrambled many ways) the formatter is idempotent, keeps every comment, and
//! keeps the meaning: the formatted file compiles to the same work orders.

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

fn bases() -> Vec<(PathBuf, String)> {
    let mut files = vec![PathBuf::from("examples/raccoons.koom")];
    for dir in ["hospital", "software", "factory", "logistics", "nonprofit"] {
        files.push(PathBuf::from(format!("examples/{dir}/plan.koom")));
        files.push(PathBuf::from(format!("examples/{dir}/org.koom")));
    }
    let mut out: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("example");
            (p, text)
        })
        .collect();
    let mut synthetic = Vec::new();
    gen_org::generate(1, &mut synthetic).expect("generate");
    out.push((
        PathBuf::from("synthetic.koom"),
        String::from_utf8(synthetic).expect("UTF-8"),
    ));
    out
}

#[test]
fn formatting_is_idempotent_and_keeps_meaning_and_comments() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = 0;
    for (path, text) in bases() {
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
            3
        } else {
            20
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
    assert!(cases >= 200, "{cases} cases");
}

#[test]
fn the_examples_are_formatted() {
    for (path, text) in bases() {
        if path.ends_with("synthetic.koom") {
            continue;
        }
        let formatted = koomc::format::format(FileId(0), &text).expect("formats");
        assert!(
            formatted == text,
            "{} is not in the canonical layout:\n{formatted}",
            path.display()
        );
    }
}
