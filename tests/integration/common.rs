//! What the test modules share: paths as the user types them, the codes of a
//! compilation, the `koomc` command, and snapshots under their old names.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use koomc::diagnostic::Location;

/// The path as the user would type it from the crate root (`insta::glob!`
/// hands out absolute paths).
pub fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("in the crate")
        .to_path_buf()
}

/// The codes of a compilation's diagnostics, in order, repeats merged.
pub fn codes(c: &koomc::Compilation) -> Vec<String> {
    let mut codes: Vec<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    codes.dedup();
    codes
}

/// The `koomc` binary, with the caller's `NO_COLOR` removed.
pub fn koomc() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_koomc"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// What a command writes on standard output.
pub fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("UTF-8")
}

/// The name of a snapshot of `module_path!()`'s module: `<module>__<name>`,
/// without the binary's `integration::`, so that `examples::error_examples`
/// keeps the name it had as a test binary of its own.
pub fn snapshot_name(module_path: &str, name: &str) -> String {
    let module = module_path
        .strip_prefix("integration::")
        .unwrap_or(module_path);
    format!("{}__{name}", module.replace("::", "__"))
}

/// `insta::assert_snapshot!(name, value)` stored as
/// `tests/snapshots/<module>__<name>.snap` (inside `insta::glob!`, with
/// `@<file>` added as usual).
macro_rules! assert_snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!(
            {
                snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"),
                prepend_module_to_snapshot => false,
            },
            {
                insta::assert_snapshot!(
                    $crate::common::snapshot_name(module_path!(), &$name),
                    $value
                );
            }
        )
    };
}
pub(crate) use assert_snapshot;

/// One history of `examples/history/<name>/`: a baseline `old.koom` and a
/// later revision `new.koom`, each compiled on its own (both must be clean).
pub struct History {
    pub name: String,
    pub old_path: PathBuf,
    pub new_path: PathBuf,
    pub old: koomc::Compilation,
    pub new: koomc::Compilation,
}

impl History {
    /// The history whose `new.koom` is at `new_path` (as `insta::glob!`
    /// gives it).
    pub fn load(new_path: &Path) -> History {
        let new_path = relative(new_path);
        let folder = new_path.parent().expect("a folder");
        let name = folder
            .file_name()
            .expect("named")
            .to_string_lossy()
            .into_owned();
        let old_path = folder.join("old.koom");
        let old = koomc::compile(std::slice::from_ref(&old_path));
        assert!(
            old.diagnostics.is_empty(),
            "{} is not clean",
            old_path.display()
        );
        let new = koomc::compile(std::slice::from_ref(&new_path));
        assert!(
            new.diagnostics.is_empty(),
            "{} is not clean on its own",
            new_path.display()
        );
        History {
            name,
            old_path,
            new_path,
            old,
            new,
        }
    }

    /// `new` checked against its baseline (`check new --baseline old`), and
    /// the counts the scorecard needs.
    pub fn compared(&self) -> (koomc::Compilation, koomc::score::Stability) {
        let mut new = koomc::compile(std::slice::from_ref(&self.new_path));
        let stability = koomc::compare_with(&mut new, &self.old).expect("both compile");
        (new, stability)
    }
}

/// What a diagnostic says and where, as a rule test (`fn eXXXX_…`) pins it:
/// its code, the source text under its primary label, and the label's
/// message.
#[derive(Debug, PartialEq, Eq)]
pub struct Expect {
    pub code: String,
    pub underlined: String,
    pub label: String,
}

/// A diagnostic with `code`; `.underlined(…)` and `.label(…)` complete it.
pub fn expect(code: &str) -> Expect {
    Expect {
        code: code.to_owned(),
        underlined: String::new(),
        label: String::new(),
    }
}

impl Expect {
    /// The exact source text at the primary span.
    pub fn underlined(mut self, text: &str) -> Expect {
        self.underlined = text.to_owned();
        self
    }

    /// The message of the primary label.
    pub fn label(mut self, message: &str) -> Expect {
        self.label = message.to_owned();
        self
    }
}

/// Every diagnostic of a compilation as an [`Expect`].
pub fn found(c: &koomc::Compilation) -> Vec<Expect> {
    c.diagnostics
        .iter()
        .map(|d| {
            let (underlined, label) = match &d.location {
                Location::Source(l) => (c.sources.text(l.span).to_owned(), l.message.clone()),
                Location::Path(path) => (format!("(the path {path})"), String::new()),
            };
            Expect {
                code: d.code.to_string(),
                underlined,
                label,
            }
        })
        .collect()
}

/// The words of `grammar/koom.pest`'s `keyword` rule. The rule groups them
/// by first letter, one group a line: `'b'..'b' ~ ("y" | "ecause")` is `by`
/// and `because`.
pub fn grammar_keywords() -> std::collections::BTreeSet<String> {
    let grammar = std::fs::read_to_string("grammar/koom.pest").expect("grammar");
    let start = grammar.find("keyword = @{").expect("a keyword rule");
    let end = grammar[start..].find("\n}").expect("its end") + start;
    let mut words = std::collections::BTreeSet::new();
    for line in grammar[start..end].lines() {
        let code = line.split("//").next().unwrap_or("");
        let prefix = match code.find("'..'") {
            Some(at) => code[..at].rsplit('\'').next().unwrap_or("").to_owned(),
            None => String::new(),
        };
        for rest in code.split('"').skip(1).step_by(2) {
            words.insert(format!("{prefix}{rest}"));
        }
    }
    words
}
