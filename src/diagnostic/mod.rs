//! One renderer-neutral diagnostic type.
//!
//! Diagnostics are data: each stage builds them where it finds the problem and
//! returns them; the terminal renderer, the JSON lines and (later) the language
//! server all read the same [`Diagnostic`]. Rendering lives in `render.rs`.

mod code;
pub mod render;

pub use code::Code;

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Lowercase, no final period, user input in backticks.
    pub message: String,
    pub location: Location,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    /// What to write instead.
    pub help: Option<String>,
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

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
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
                l.span.start,
                l.span.end,
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

/// "did you mean `x`?" for a name among candidates: the closest by edit
/// distance, if close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
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
    fn did_you_mean_finds_typos_not_strangers() {
        let names = ["operations", "logistics", "quality"];
        assert_eq!(did_you_mean("operatons", names), Some("operations"));
        assert_eq!(did_you_mean("logistic", names), Some("logistics"));
        assert_eq!(did_you_mean("finance", names), None);
    }
}
