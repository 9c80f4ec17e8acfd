//! One renderer-neutral diagnostic type.
//!
//! Diagnostics are data: each stage builds them where it finds the problem and
//! returns them; the terminal renderer, the JSON lines and the language server
//! all read the same [`Diagnostic`]. Rendering lives in `render.rs`.
//!
//! A diagnostic may carry [`Fix`]es: suggested edits built where the problem is
//! found (as ruff's rules attach a `Fix` and rust-analyzer's handlers return
//! `with_fixes`). The terminal shows each as a help line, the JSON carries the
//! edits, and the language server offers them as code actions.

mod code;
pub mod render;

pub use code::{Code, Figure, Needs};

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A span with a short message ("declared as a worker here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// Where a diagnostic points. Most point at source text; a file that cannot be
/// read at all (named on the command line) has only a path; an output folder
/// that cannot be written has only a path too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    Source(Label),
    Path(String),
}

/// Whether a fix may be applied without a person's review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// It keeps what the author meant: a spelling, a separator, a layout.
    Safe,
    /// It guesses (a close name, a default value): a person should review it.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement of source text: `span` becomes `replacement` (an empty
/// span inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A suggested change that puts the problem right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What it does, as a help line: "did you mean `operations`?".
    pub title: String,
    /// Non-overlapping edits, applied together.
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            applicability,
        }
    }

    /// A fix that inserts text at `at`.
    pub fn insert(
        title: impl Into<String>,
        at: Span,
        text: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        Fix::replace(
            title,
            Span::new(at.file, at.end(), at.end()),
            text,
            applicability,
        )
    }
}

/// Apply edits to one file's text, in position order. An edit that overlaps
/// one already applied is left out; the count of those is returned with the
/// text, so that a caller can apply them in a second round.
pub fn apply_edits<'a>(text: &str, edits: impl IntoIterator<Item = &'a Edit>) -> (String, usize) {
    let mut edits: Vec<&Edit> = edits.into_iter().collect();
    edits.sort_by_key(|e| (e.span.start(), e.span.end()));
    let mut out = String::with_capacity(text.len());
    let (mut at, mut skipped) = (0, 0);
    for e in edits {
        if e.span.start() < at || e.span.end() > text.len() {
            skipped += 1;
            continue;
        }
        out.push_str(&text[at..e.span.start()]);
        out.push_str(&e.replacement);
        at = e.span.end();
    }
    out.push_str(&text[at..]);
    (out, skipped)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Lowercase, no final period, user input in backticks.
    pub message: String,
    pub location: Location,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    /// What to write instead, in words.
    pub help: Option<String>,
    /// Edits that put it right, each also shown as a help line.
    pub fixes: Vec<Fix>,
    /// Silenced in place by a `# koom: allow` comment (`crate::suppress`):
    /// kept for programs, not shown to people, never counted.
    pub suppressed: bool,
}

impl Diagnostic {
    /// A diagnostic at its code's default severity, with its primary label.
    pub fn new(code: Code, message: impl Into<String>, primary: Label) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: message.into(),
            location: Location::Source(primary),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
            suppressed: false,
        }
    }

    /// A diagnostic about a whole file or folder that has no text to point at.
    pub fn at_path(code: Code, message: impl Into<String>, path: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: message.into(),
            location: Location::Path(path.into()),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
            suppressed: false,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    /// The help lines a person reads: the help, then each fix's title (a fix
    /// that says what the help says is not repeated).
    pub fn help_lines(&self) -> impl Iterator<Item = &str> {
        let help = self.help.as_deref();
        help.into_iter().chain(
            self.fixes
                .iter()
                .map(|f| f.title.as_str())
                .filter(move |t| Some(*t) != help),
        )
    }

    /// An error that counts: not suppressed.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && !self.suppressed
    }

    pub fn primary_span(&self) -> Option<Span> {
        match &self.location {
            Location::Source(label) => Some(label.span),
            Location::Path(_) => None,
        }
    }
}

/// The diagnostics of one compilation, in the order they were found; sorted
/// for output by [`Diagnostics::sorted`].
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file name, then position, then code and message; exact
    /// duplicates (the same problem reached twice through `use`) dropped.
    pub fn sorted(mut self, sources: &crate::source::SourceMap) -> Vec<Diagnostic> {
        let key = |d: &Diagnostic| match &d.location {
            Location::Source(l) => (
                sources.name(l.span.file).to_owned(),
                l.span.start(),
                l.span.end(),
            ),
            Location::Path(p) => (p.clone(), 0, 0),
        };
        self.items.sort_by(|a, b| {
            key(a)
                .cmp(&key(b))
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.message.cmp(&b.message))
        });
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// A fix for a misspelt name at `span`: "did you mean `x`?", replacing it with
/// the closest candidate (see [`did_you_mean`]). Safe when only case, spaces
/// or `_` differ from a kebab-case name; otherwise a guess to review.
pub fn name_fix<'a>(
    span: Span,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Fix> {
    let close = did_you_mean(name, candidates)?;
    let applicability = if kebab_case(name) == close {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some(Fix::replace(
        format!("did you mean `{close}`?"),
        span,
        close,
        applicability,
    ))
}

/// A name written with case, spaces or underscores in kebab case:
/// `GroundOps`, `ground_ops` and `Ground Ops` are `ground-ops`.
pub fn kebab_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous: Option<char> = None;
    for c in name.trim().chars() {
        let c = if c == '_' || c.is_whitespace() {
            '-'
        } else {
            c
        };
        let camel_hump = c.is_ascii_uppercase()
            && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
        if (camel_hump || c == '-') && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if c != '-' {
            out.push(c.to_ascii_lowercase());
        }
        previous = Some(c);
    }
    out.trim_end_matches('-').to_owned()
}

/// "did you mean `x`?" for a name among candidates: one that differs only
/// in case, spaces or underscores, else the closest by edit distance, if
/// close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let kebab = kebab_case(name);
    if let Some(same) = candidates.iter().find(|c| **c == kebab) {
        return Some(same);
    }
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|&(d, c)| {
            d <= limit || (name.len() >= 4 && (c.starts_with(name) || name.starts_with(c)))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_overlaps_wait() {
        let edit = |start, end, text: &str| Edit {
            span: Span::new(crate::source::FileId(0), start, end),
            replacement: text.to_owned(),
        };
        let edits = [edit(6, 11, "earth"), edit(0, 5, "HELLO"), edit(8, 9, "x")];
        assert_eq!(
            apply_edits("hello world", &edits),
            ("HELLO earth".to_owned(), 1)
        );
        assert_eq!(apply_edits("ab", &[edit(2, 2, "c")]), ("abc".to_owned(), 0));
    }

    #[test]
    fn did_you_mean_finds_typos_not_strangers() {
        let names = ["operations", "logistics", "quality"];
        assert_eq!(did_you_mean("operatons", names), Some("operations"));
        assert_eq!(did_you_mean("logistic", names), Some("logistics"));
        assert_eq!(did_you_mean("finance", names), None);
        let units = ["ground-ops", "air-ops"];
        for written in ["GroundOps", "ground_ops", "Ground Ops", "GROUND-OPS"] {
            assert_eq!(
                did_you_mean(written, units),
                Some("ground-ops"),
                "{written}"
            );
        }
    }
}
